/** The outbox's maintenance port: retention scrub, SMS delivery reports, depth for the metrics. */

/** One report of the SMS gateway's webhook, as stored (expired and rejected are failed). */
export interface SmsReportUpdate {
  id: string;
  status: "delivered" | "failed";
  at: Date;
  /** "expired", "rejected: <reason>"...; null for a delivery. */
  error: string | null;
}

export interface SmsReportOutcome {
  replay: boolean;
  /** The reports that changed a row (unknown ids, other channels and no-ops left out). */
  applied: SmsReportUpdate[];
}
/** Messages not yet sent (abandoned ones until scrubbed) of one channel and status. */
export interface OutboxDepthRow {
  channel: "sms" | "email" | "pec" | "letter";
  status: "queued" | "sending" | "failed" | "abandoned";
  count: number;
  oldestAgeSeconds: number;
}

export interface OutboxMaintenance {
  /** Scrubs recipients and payloads of messages delivered or abandoned before `before`. */
  scrubDelivered(before: Date, now: Date): Promise<number>;
  /**
   * A verified SMS delivery report (webhook): its signature remembered and its reports applied
   * in one transaction, or nothing when the signature was seen before (replay).
   */
  recordSmsReports(
    signature: string,
    reports: readonly SmsReportUpdate[],
    now: Date,
  ): Promise<SmsReportOutcome>;
  /** Removes delivery-report signatures received before `before` (past the replay window). */
  deleteSmsReportSignatures(before: Date): Promise<number>;
  /** Messages not yet sent per channel and status, with the oldest's age (metrics scrape). */
  depth(now: Date): Promise<OutboxDepthRow[]>;
}
