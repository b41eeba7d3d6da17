/**
 * Bounds concurrent work (argon2id hashing: ~19 MiB and one core each) and sheds load early:
 * when `queueLimit` callers are already waiting, acquire() fails at once instead of letting a
 * login storm queue up unbounded memory and latency.
 */
export class Overloaded extends Error {
  constructor() {
    super("too many concurrent hash requests");
    this.name = "Overloaded";
  }
}

export class Semaphore {
  readonly #max: number;
  readonly #queueLimit: number;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number, queueLimit: number) {
    this.#max = max;
    this.#queueLimit = queueLimit;
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#active < this.#max) {
      this.#active++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#queueLimit) return Promise.reject(new Overloaded());
    return new Promise((resolve) => {
      this.#waiting.push(() => {
        this.#active++;
        resolve();
      });
    });
  }

  #release(): void {
    this.#active--;
    const next = this.#waiting.shift();
    if (next !== undefined) next();
  }
}
