/**
 * `inps-pin` commands as real child processes, their output kept (the log search reads it):
 * long-running ones (serve, worker) wait for their ready line; one-shot ones run to the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM and wait (no-op when already gone). */
  stop(): Promise<void>;
  /** SIGKILL and wait: the process gets no chance to clean up. */
  kill9(): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => out,
    exited,
    async stop() {
      if (!gone()) child.kill("SIGTERM");
      await exited;
    },
    async kill9() {
      if (!gone()) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Starts a long-running command and resolves once its output contains `ready`. */
export async function startCli(
  args: string[],
  env: Record<string, string>,
  ready: string | RegExp,
  timeoutMs = 60_000,
): Promise<CliProcess> {
  const p = spawnCli(args, env);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${args.join(" ")} did not start:\n${p.output()}`));
    }, timeoutMs);
    const check = () => {
      const o = p.output();
      if (typeof ready === "string" ? o.includes(ready) : ready.test(o)) {
        clearTimeout(timer);
        resolve();
      }
    };
    p.child.stdout?.on("data", check);
    p.child.stderr?.on("data", check);
    void p.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited with ${code}:\n${p.output()}`));
    });
  });
  return p;
}

/** Runs a one-shot command to its end. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const p = spawnCli(args, env);
  const code = await p.exited;
  return { code, out: p.output() };
}

/** Polls `probe` until it returns a value other than undefined (or throws after timeoutMs). */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
