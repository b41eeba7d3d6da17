/**
 * Seeded randomness and the small date helpers built on it: every value in the demo
 * archive comes from one Rng, so the same seed always yields the same archive.
 */

/** mulberry32: tiny, fast and good enough for test data; never for secrets. */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let x = this.next() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return this.pick(items);
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  letters(n: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"): string {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet.charAt(this.int(0, alphabet.length - 1));
    return s;
  }
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function randomDate(r: Rng, fromYear: number, toYear: number): string {
  const year = r.int(fromYear, toYear);
  const month = r.int(1, 12);
  return `${year}-${pad(month, 2)}-${pad(r.int(1, daysIn(year, month)), 2)}`;
}
