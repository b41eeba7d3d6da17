#!/usr/bin/env node
/**
 * The `inps-pin` command. The thread pool must be sized before anything touches it (argon2
 * hashes run there), hence the dynamic import after setting UV_THREADPOOL_SIZE.
 */
import { availableParallelism } from "node:os";

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));

const { runCli } = await import("./commands.ts");
try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (err) {
  // A clear line for the operator (the stack with INPS_PIN_DEBUG=1).
  console.error(`inps-pin: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.INPS_PIN_DEBUG === "1") console.error(err);
  process.exitCode = 1;
}
