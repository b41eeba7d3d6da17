/**
 * Prometheus metrics (prom-client), one registry per process, served by GET /metrics.
 * Metric objects are created once here and imported where things happen; gauges that read the
 * database (outbox depth, oldest message) are collected at scrape time.
 *
 * Labels never carry personal data: channel, kind, outcome, route pattern, status code.
 */
import { Counter, Registry } from "prom-client";

export const registry = new Registry();

/** A message handed to (or refused by) a provider. outcome: sent | retry | abandoned | delivered | failed. */
export const deliveries = new Counter({
  name: "inps_outbox_deliveries_total",
  help: "Outbox deliveries by channel and outcome (sent, retry, abandoned; delivered or failed from provider reports; printed from the print vendor)",
  labelNames: ["channel", "outcome"] as const,
  registers: [registry],
});

/** Letter batches for the print vendor by outcome: uploaded, acknowledged. */
export const letterBatches = new Counter({
  name: "inps_letter_batches_total",
  help: "Letter batches uploaded to the print vendor's drop and acknowledged by the vendor",
  labelNames: ["outcome"] as const,
  registers: [registry],
});
