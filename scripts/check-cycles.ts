/**
 * Import-cycle check: every relative import edge between the .ts files under a directory
 * (default src/), and every cycle among them. The project forbids any cycle, type-only ones
 * included.
 *
 * Run: `node scripts/check-cycles.ts [dir]` (npm run check:cycles). Exits 1 and lists one
 * concrete cycle per strongly connected component when there is any, 0 otherwise.
 *
 * Edges: `import … from "x"`, `import type … from "x"`, `import "x"`, `export … from "x"`,
 * `import x = require("x")` and `import("x")` with a literal specifier. Comments, string
 * contents, template text and regular expressions are blanked out before matching, so an
 * "import" written in any of them is not an edge. Relative specifiers resolve to the file
 * (explicit .ts, a .js spelling of a .ts file, no extension) or to a folder's index.ts;
 * package imports are ignored, as are files outside the scanned directory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export type EdgeKind =
  "import" | "import type" | "export from" | "export type from" | "dynamic import";

export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  line: number;
}

export interface Cycle {
  /** Files of one strongly connected component, sorted. */
  component: string[];
  /** A concrete cycle through the component: first file repeated at the end. */
  path: string[];
  /** The edges of that path, in order. */
  edges: Edge[];
}

export interface CycleReport {
  files: string[];
  edges: Edge[];
  cycles: Cycle[];
  /** Relative specifiers that resolve to nothing on disk. */
  unresolved: { file: string; line: number; specifier: string }[];
}

const IDENT = /[\w$]/u;
const REGEX_AFTER_WORD = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/**
 * The source with comments removed and every string literal (and substitution-free template)
 * replaced by `"#N"`, N indexing `strings`; template text around substitutions and regular
 * expression bodies are blanked. Newlines are kept so offsets still give line numbers.
 */
export function scan(src: string): { code: string; strings: string[] } {
  const strings: string[] = [];
  let out = "";
  let i = 0;
  const n = src.length;
  // Brace depth at which each open template substitution `${` started.
  const templateStack: number[] = [];
  let depth = 0;

  const newlinesIn = (s: string): string => s.replace(/[^\n]/gu, "");
  const placeholder = (raw: string): string => {
    strings.push(raw.replace(/\\(.)/gu, "$1"));
    return `"#${strings.length - 1}"`;
  };
  /** A "/" here starts a regular expression (not a division): decided by what precedes it. */
  const regexAllowed = (): boolean => {
    let k = out.length - 1;
    while (k >= 0 && /\s/u.test(out[k] ?? "")) k -= 1;
    if (k < 0) return true;
    const last = out[k] ?? "";
    if ("(,=:[!&|?{};+-*%<>~^".includes(last)) return true;
    if (!IDENT.test(last)) return false;
    let start = k;
    while (start > 0 && IDENT.test(out[start - 1] ?? "")) start -= 1;
    return REGEX_AFTER_WORD.has(out.slice(start, k + 1));
  };

  /** Reads template text from i (just after "`" or a closing "}"); stops after "`" or "${". */
  const templateText = (): { raw: string; closed: boolean } => {
    let raw = "";
    while (i < n) {
      const c = src[i] ?? "";
      if (c === "\\") {
        raw += src.slice(i, i + 2);
        i += 2;
      } else if (c === "`") {
        i += 1;
        return { raw, closed: true };
      } else if (c === "$" && src[i + 1] === "{") {
        i += 2;
        return { raw, closed: false };
      } else {
        raw += c;
        i += 1;
      }
    }
    return { raw, closed: true };
  };

  while (i < n) {
    const c = src[i] ?? "";
    const next = src[i + 1] ?? "";
    if (c === "/" && next === "/") {
      while (i < n && src[i] !== "\n") i += 1;
    } else if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      out += ` ${newlinesIn(src.slice(i, stop))}`;
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== "\n") j += src[j] === "\\" ? 2 : 1;
      const raw = src.slice(i + 1, j);
      out += placeholder(raw) + newlinesIn(raw);
      i = j + 1;
    } else if (c === "`") {
      i += 1;
      const first = templateText();
      if (first.closed) {
        out += placeholder(first.raw) + newlinesIn(first.raw);
      } else {
        out += `\`${newlinesIn(first.raw)}\${`;
        templateStack.push(depth);
        depth += 1;
      }
    } else if (c === "{") {
      depth += 1;
      out += c;
      i += 1;
    } else if (c === "}") {
      depth -= 1;
      i += 1;
      if (templateStack.length > 0 && templateStack[templateStack.length - 1] === depth) {
        templateStack.pop();
        const part = templateText();
        out += `}${newlinesIn(part.raw)}`;
        if (part.closed) out += "`";
        else {
          out += "${";
          templateStack.push(depth);
          depth += 1;
        }
      } else out += c;
    } else if (c === "/" && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== "\n") {
        const d = src[j];
        if (d === "\\") j += 1;
        else if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
        j += 1;
      }
      j += 1;
      while (j < n && IDENT.test(src[j] ?? "")) j += 1;
      out += "/r/";
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return { code: out, strings };
}

const SPEC = String.raw`"#(\d+)"`;
/** Group "type" is set when the statement is type-only; the last group is the specifier. */
const PATTERNS: { kind: EdgeKind; re: RegExp }[] = [
  // import x from, import { a } from, import * as ns from, import type … from
  {
    kind: "import",
    re: new RegExp(
      String.raw`(?<![\w$.])import\s+(?<type>type\s+)?[\w\${*][^;]*?\bfrom\s*${SPEC}`,
      "gu",
    ),
  },
  // import "x" (side effects only)
  { kind: "import", re: new RegExp(String.raw`(?<![\w$.])import\s*${SPEC}`, "gu") },
  // import x = require("x")
  {
    kind: "import",
    re: new RegExp(
      String.raw`(?<![\w$.])import\s+(?<type>type\s+)?[\w$]+\s*=\s*require\s*\(\s*${SPEC}\s*\)`,
      "gu",
    ),
  },
  // export * from, export * as ns from, export { a } from, export type { A } from
  {
    kind: "export from",
    re: new RegExp(
      String.raw`(?<![\w$.])export\s+(?<type>type\s+)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*${SPEC}`,
      "gu",
    ),
  },
  // import("x"), import("x", { with: … })
  {
    kind: "dynamic import",
    re: new RegExp(String.raw`(?<![\w$.])import\s*\(\s*${SPEC}\s*[,)]`, "gu"),
  },
];

/** The specifiers a module imports, with their kind and 1-based line. */
export function importsOf(src: string): { specifier: string; kind: EdgeKind; line: number }[] {
  const { code, strings } = scan(src);
  const found: { specifier: string; kind: EdgeKind; line: number; at: number }[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of code.matchAll(re)) {
      const index = Number(m[m.length - 1]);
      const specifier = strings[index] ?? "";
      const typeOnly = m.groups?.type !== undefined;
      const at = m.index;
      const line = code.slice(0, at).split("\n").length;
      const shown: EdgeKind = !typeOnly
        ? kind
        : kind === "export from"
          ? "export type from"
          : "import type";
      found.push({ specifier, kind: shown, line, at });
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ specifier, kind, line }) => ({ specifier, kind, line }));
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

/** The file a relative specifier names, or undefined. */
export function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base];
  if (base.endsWith(".js")) candidates.push(`${base.slice(0, -3)}.ts`);
  candidates.push(`${base}.ts`, join(base, "index.ts"));
  return candidates.find(isFile);
}

function listTsFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(p);
      } else if (entry.isFile() && entry.name.endsWith(".ts")) files.push(p);
    }
  };
  walk(dir);
  return files;
}

/** Tarjan's strongly connected components, iteratively; each component sorted. */
export function stronglyConnected(nodes: string[], next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const succ = next.get(frame.node) ?? [];
      if (frame.child < succ.length) {
        const w = succ[frame.child] ?? "";
        frame.child += 1;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter += 1;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, child: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(w) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/** Shortest cycle from start back to start using only nodes of the component. */
function shortestCycle(start: string, members: Set<string>, next: Map<string, string[]>): string[] {
  const prev = new Map<string, string>();
  const queue: string[] = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q] ?? "";
    for (const w of next.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = prev.get(u))
          path.unshift(u);
        path.unshift(start);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

export function findCycles(dir: string): CycleReport {
  const root = resolve(dir);
  const files = listTsFiles(root);
  const inScope = new Set(files);
  const edges: Edge[] = [];
  const unresolved: CycleReport["unresolved"] = [];
  for (const file of files) {
    for (const { specifier, kind, line } of importsOf(readFileSync(file, "utf8"))) {
      if (!specifier.startsWith(".") && !specifier.startsWith("/")) continue;
      const to = resolveSpecifier(file, specifier);
      if (to === undefined) unresolved.push({ file, line, specifier });
      else if (inScope.has(to)) edges.push({ from: file, to, kind, line });
    }
  }
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from) ?? [];
    if (!list.includes(e.to)) list.push(e.to);
    next.set(e.from, list);
  }
  for (const list of next.values()) list.sort();
  const cycles: Cycle[] = [];
  for (const component of stronglyConnected(files, next)) {
    const first = component[0];
    if (first === undefined) continue;
    if (component.length === 1 && !(next.get(first) ?? []).includes(first)) continue;
    const path = shortestCycle(first, new Set(component), next);
    const pathEdges: Edge[] = [];
    for (let k = 0; k + 1 < path.length; k++) {
      const e = edges.find((x) => x.from === path[k] && x.to === path[k + 1]);
      if (e !== undefined) pathEdges.push(e);
    }
    cycles.push({ component, path, edges: pathEdges });
  }
  cycles.sort((a, b) => (a.component[0] ?? "").localeCompare(b.component[0] ?? ""));
  return { files, edges, cycles, unresolved };
}

function main(): number {
  const dir = process.argv[2] ?? "src";
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`check-cycles: ${dir} is not a directory`);
    return 2;
  }
  const report = findCycles(dir);
  const rel = (p: string): string => relative(process.cwd(), p);
  for (const u of report.unresolved) {
    console.error(
      `warning: ${rel(u.file)}:${u.line} imports "${u.specifier}", which is not a file`,
    );
  }
  if (report.cycles.length === 0) {
    console.log(`no import cycles in ${report.files.length} files`);
    return 0;
  }
  console.log(
    `${report.cycles.length} import cycle${report.cycles.length === 1 ? "" : "s"} in ${report.files.length} files (one per strongly connected component):`,
  );
  for (const c of report.cycles) {
    console.log();
    console.log(c.path.map(rel).join(" → "));
    for (const e of c.edges) console.log(`    ${rel(e.from)}:${e.line} ${e.kind} ${rel(e.to)}`);
    if (c.component.length > c.path.length - 1) {
      console.log(
        `    (the component has ${c.component.length} files: ${c.component.map(rel).join(", ")})`,
      );
    }
  }
  return 1;
}

if (import.meta.main) process.exitCode = main();
