#!/usr/bin/env node
/**
 * The `inps-pin` command. The thread pool must be sized before anything touches it (argon2
 * hashes run there), hence the dynamic import after setting UV_THREADPOOL_SIZE.
 */
import { availableParallelism } from "node:os";

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));

const { runCli } = await import("./commands.ts");
process.exitCode = await runCli(process.argv.slice(2));
