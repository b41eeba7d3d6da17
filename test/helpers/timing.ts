/**
 * Comparing the time two kinds of request take, without a fixed threshold: the requests are
 * alternated one by one (the machine's drift hits both alike) and the two distributions are
 * compared by their AUC — the chance that a request of the first kind took longer than one of
 * the second (0.5: indistinguishable; near 0 or 1: the time tells them apart).
 */
export async function alternatedTimings(
  n: number,
  first: (i: number) => Promise<unknown>,
  second: (i: number) => Promise<unknown>,
): Promise<{ a: number[]; b: number[] }> {
  const a: number[] = [];
  const b: number[] = [];
  const time = async (f: () => Promise<unknown>): Promise<number> => {
    const t0 = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - t0);
  };
  for (let i = 0; i < n; i++) {
    a.push(await time(() => first(i)));
    b.push(await time(() => second(i)));
  }
  return { a, b };
}

export function auc(a: readonly number[], b: readonly number[]): number {
  let above = 0;
  for (const x of a) for (const y of b) above += x > y ? 1 : x === y ? 0.5 : 0;
  return above / (a.length * b.length);
}

/**
 * Bounds far enough from 0.5 that two equal distributions of 20 samples each stay inside
 * (about 4 standard deviations), close enough that a request doing an argon2id hash more than
 * the other (15 ms against a few) falls outside.
 */
export const AUC_BOUNDS = [0.1, 0.9] as const;
