/** The usage lines of `inps-pin letters` (kept apart so the usage needs no flows loaded). */
export const LETTERS_USAGE = `  letters batch --now   upload the letter batch to the print vendor now (LETTERS_SFTP_URL or
                        LETTERS_DIR); resumes a batch left half uploaded first
  letters acks          read the print vendor's acknowledgements now
  letters status        the most recent letter batches and what became of their letters`;
