/**
 * Channel settings that satisfy production's configuration check where nothing is delivered
 * (in-process production tests, the bench's service): nothing listens at these addresses.
 */
export const PLACEHOLDER_CHANNELS = {
  SMTP_URL: "smtp://127.0.0.1:1",
  MAIL_FROM: "noreply@inps.example",
  PEC_SMTP_URL: "smtp://127.0.0.1:1",
  PEC_FROM: "pin@postacert.inps.example",
  SMS_GATEWAY_URL: "https://127.0.0.1:1/sms",
  SMS_GATEWAY_TOKEN: "placeholder-token",
  SMS_SENDER: "INPS",
  SMS_WEBHOOK_SECRET: "placeholder-webhook-secret",
  LETTERS_DIR: "/nonexistent/letters",
  METRICS_TOKEN: "placeholder-metrics-token",
} as const;
