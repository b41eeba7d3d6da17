/** The ways a message leaves the system. */
export const CHANNELS = ["sms", "email", "pec", "letter"] as const;
export type Channel = (typeof CHANNELS)[number];
