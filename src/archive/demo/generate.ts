/**
 * Entry point of the demo archive: the order in which people are added is part of the
 * contract (see src/archive/demo.ts), because tests and demos rely on their positions.
 */
import type { ArchivePerson } from "../../domain/archive.ts";
import { COUNTRIES } from "../demo-data/countries.ts";
import { Generator } from "./generator.ts";
import type { Rng } from "./rng.ts";
import { DEMO_ARCHIVE_SEED, DEMO_ARCHIVE_SIZE } from "./settings.ts";
import { addOmocodePeople, addShowcasePeople } from "./special-people.ts";

function shuffleCountries(r: Rng): string[] {
  const list = COUNTRIES.map((c) => c.iso2);
  for (let i = list.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    const a = list[i] ?? "";
    list[i] = list[j] ?? "";
    list[j] = a;
  }
  return list;
}

/**
 * Builds the demo archive. Deterministic: the same seed and size give the same people, and
 * a smaller size gives a prefix of a larger one.
 */
export function generateDemoArchive(
  options: { size?: number; seed?: number } = {},
): ArchivePerson[] {
  const size = Math.max(0, Math.floor(options.size ?? DEMO_ARCHIVE_SIZE));
  const g = new Generator(options.seed ?? DEMO_ARCHIVE_SEED);
  addShowcasePeople(g);
  addOmocodePeople(g);
  for (let i = 0; i < 8; i++) g.random("IT", { healthCard: g.healthCard() });
  for (let i = 0; i < 8; i++) g.random(g.r.weighted(COUNTRIES).iso2, { italianIdOnFile: true });
  const firstRound = shuffleCountries(g.r);
  while (g.people.length < size) {
    const iso = firstRound.shift() ?? g.r.weighted(COUNTRIES).iso2;
    g.random(iso);
  }
  return g.people.slice(0, size);
}
