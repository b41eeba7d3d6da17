/**
 * The country of a source address, offline: the ranges of @ip-location-db/geo-whois-asn-country
 * (CC0, built from the regional registries' WHOIS and ASN data; refreshed by updating the
 * package). Each family's table is read once, on first use, into sorted typed arrays and
 * searched by bisection, so a lookup costs a few dozen comparisons. Loopback, private,
 * link-local and shared (CGNAT) addresses are "local"; an address in no range is unknown.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { dirname, join } from "node:path";

/** An ISO 3166-1 alpha-2 code, "local" (a private network), or null (unknown). */
export type IpCountry = string | null;

const LOCAL = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  LOCAL.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  LOCAL.addSubnet(net, bits, "ipv6");

/**
 * Ranges sorted by start, as 32-bit words: one word per bound for IPv4; for IPv6 the upper
 * 64 bits of each bound as two words (registries never assign below a /64).
 */
interface Table {
  words: 1 | 2;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Two ASCII letters per range. */
  codes: Uint8Array;
}

const require = createRequire(import.meta.url);
function dataFile(name: string): string {
  const dir = dirname(require.resolve("@ip-location-db/geo-whois-asn-country/package.json"));
  return join(dir, name);
}

type Bound = (b: Buffer, from: number, to: number, out: Uint32Array, at: number) => void;

/**
 * Reads "start,end,CC" lines straight from the bytes (strings and generic parsing would cost
 * about a second for the half million bounds); `bound` writes a bound's words.
 */
function loadTable(file: string, words: 1 | 2, bound: Bound): Table {
  const b = readFileSync(dataFile(file));
  let lines = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
  const starts = new Uint32Array((lines + 1) * words);
  const ends = new Uint32Array((lines + 1) * words);
  const codes = new Uint8Array((lines + 1) * 2);
  let n = 0;
  let at = 0;
  while (at < b.length) {
    let nl = b.indexOf(10, at);
    if (nl < 0) nl = b.length;
    const c1 = b.indexOf(44, at);
    const c2 = c1 < 0 ? -1 : b.indexOf(44, c1 + 1);
    if (c1 > at && c2 > c1 && c2 + 2 <= nl) {
      bound(b, at, c1, starts, n * words);
      bound(b, c1 + 1, c2, ends, n * words);
      codes[2 * n] = b[c2 + 1] ?? 63;
      codes[2 * n + 1] = b[c2 + 2] ?? 63;
      n++;
    }
    at = nl + 1;
  }
  return {
    words,
    starts: starts.subarray(0, n * words),
    ends: ends.subarray(0, n * words),
    codes: codes.subarray(0, n * 2),
  };
}

/** A decimal IPv4 bound. */
const decimalBound: Bound = (b, from, to, out, at) => {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + ((b[i] ?? 48) - 48);
  out[at] = v;
};

/** A textual IPv6 bound ("2001:db8::", "2001:db8:ffff:ffff:…"): its upper 64 bits. */
const hexBound: Bound = (b, from, to, out, at) => {
  const groups: number[] = [];
  let gap = -1;
  let g = 0;
  let digits = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? (b[i] ?? 58) : 58;
    if (c === 58) {
      if (digits > 0) groups.push(g);
      else if (i > from && gap < 0) gap = groups.length;
      g = 0;
      digits = 0;
    } else {
      g = g * 16 + (c <= 57 ? c - 48 : (c | 32) - 87);
      digits++;
    }
  }
  if (gap >= 0) groups.splice(gap, 0, ...Array<number>(8 - groups.length).fill(0));
  out[at] = ((groups[0] ?? 0) * 65536 + (groups[1] ?? 0)) >>> 0;
  out[at + 1] = ((groups[2] ?? 0) * 65536 + (groups[3] ?? 0)) >>> 0;
};

let v4: Table | undefined;
let v6: Table | undefined;

const table4 = (): Table =>
  (v4 ??= loadTable("geo-whois-asn-country-ipv4-num.csv", 1, decimalBound));
const table6 = (): Table => (v6 ??= loadTable("geo-whois-asn-country-ipv6.csv", 2, hexBound));

/** a <=> b over `words` 32-bit words. */
function compare(a: Uint32Array, i: number, b: readonly number[], words: number): number {
  for (let k = 0; k < words; k++) {
    const x = a[i * words + k] ?? 0;
    const y = b[k] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function lookup(t: Table, value: readonly number[]): string | null {
  let lo = 0;
  let hi = t.starts.length / t.words - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(t.starts, mid, value, t.words) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || compare(t.ends, found, value, t.words) < 0) return null;
  return String.fromCharCode(t.codes[2 * found] ?? 63, t.codes[2 * found + 1] ?? 63);
}

function ipv4Number(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/** The upper 64 bits of an IPv6 address, as two 32-bit words. */
function ipv6Upper64(ip: string): [number, number] {
  const [head = "", tail] = ip.split("::");
  const groups = (s: string | undefined): string[] =>
    s === undefined || s === "" ? [] : s.split(":");
  const left = groups(head);
  const right = groups(tail);
  const all = [
    ...left,
    ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"),
    ...right,
  ];
  const g = (i: number): number => Number.parseInt(all[i] ?? "0", 16) || 0;
  return [(g(0) * 65536 + g(1)) >>> 0, (g(2) * 65536 + g(3)) >>> 0];
}

/** The country of a source address (IPv4, IPv6, IPv4-mapped IPv6). */
export function countryOfIp(ip: string | null): IpCountry {
  if (ip === null) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(ip)?.[1];
  const addr = mapped ?? ip;
  if (isIPv4(addr)) {
    if (LOCAL.check(addr, "ipv4")) return "local";
    return lookup(table4(), [ipv4Number(addr)]);
  }
  if (isIPv6(addr)) {
    if (LOCAL.check(addr, "ipv6")) return "local";
    return lookup(table6(), ipv6Upper64(addr));
  }
  return null;
}
