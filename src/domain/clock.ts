/** Time is a dependency: flows call clock.now(), tests and /dev/clock move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be moved forward (development aid and tests). */
export class OffsetClock implements Clock {
  #offsetMs = 0;
  readonly #base: Clock;
  constructor(base: Clock = systemClock) {
    this.#base = base;
  }
  now(): Date {
    return new Date(this.#base.now().getTime() + this.#offsetMs);
  }
  advance(seconds: number): void {
    this.#offsetMs += seconds * 1000;
  }
  get offsetSeconds(): number {
    return this.#offsetMs / 1000;
  }
}

/** A clock that stands still until told (tests). */
export class FixedClock implements Clock {
  #t: number;
  constructor(start: Date | string) {
    this.#t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#t);
  }
  set(t: Date | string): void {
    this.#t = new Date(t).getTime();
  }
  advance(seconds: number): void {
    this.#t += seconds * 1000;
  }
}
