/**
 * scripts/check-cycles.ts on small fixture trees written to a temporary directory.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { findCycles, importsOf } from "../../scripts/check-cycles.ts";

const SCRIPT = fileURLToPath(new URL("../../scripts/check-cycles.ts", import.meta.url));
const roots: string[] = [];

after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Writes the files (path → source) under a fresh temporary directory and returns it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "check-cycles-"));
  roots.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

/** The cycles found under root, each as its path of root-relative files. */
function cyclePaths(root: string): string[][] {
  return findCycles(root).cycles.map((c) => c.path.map((p) => relative(root, p)));
}

/** Runs the script in root on "." (so it prints root-relative paths). */
function run(root: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [SCRIPT, "."], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout };
}

describe("check-cycles", () => {
  test("no cycle: exit 0 and the file count", () => {
    const root = tree({
      "a.ts":
        'import { b } from "./b.ts";\nimport { readFile } from "node:fs";\nexport const a = b;\n',
      "b.ts": 'import { c } from "./lib/c.ts";\nimport { z } from "zod";\nexport const b = c;\n',
      "lib/c.ts": "export const c = 1;\n",
    });
    assert.deepEqual(cyclePaths(root), []);
    assert.equal(findCycles(root).edges.length, 2);
    const r = run(root);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^no import cycles in 3 files$/mu);
  });

  test("a 2-cycle: exit 1 and the path", () => {
    const root = tree({
      "a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;\n',
      "b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;\n',
      "c.ts": 'import { a } from "./a.ts";\nexport const c = a;\n',
    });
    assert.deepEqual(cyclePaths(root), [["a.ts", "b.ts", "a.ts"]]);
    const r = run(root);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^1 import cycle in 3 files/mu);
    assert.match(r.stdout, /^a\.ts → b\.ts → a\.ts$/mu);
    assert.match(r.stdout, /^ {4}b\.ts:1 import a\.ts$/mu);
  });

  test("a 3-cycle through export … from, and a folder's index.ts", () => {
    const root = tree({
      "a.ts": 'import { b } from "./b.ts";\nexport const a = b;\n',
      "b.ts": 'export { c as b } from "./c";\n',
      "c.ts": 'export * from "./pkg";\nexport const c = 1;\n',
      "pkg/index.ts": 'export * as all from "../a.ts";\n',
    });
    assert.deepEqual(cyclePaths(root), [["a.ts", "b.ts", "c.ts", "pkg/index.ts", "a.ts"]]);
    const kinds = findCycles(root).cycles[0]?.edges.map((e) => e.kind);
    assert.deepEqual(kinds, ["import", "export from", "export from", "export from"]);
  });

  test("a type-only cycle counts", () => {
    const root = tree({
      "a.ts": 'import type { B } from "./b.ts";\nexport interface A { b: B }\n',
      "b.ts":
        'import { type A } from "./a.ts";\nexport type { A as AA } from "./a.ts";\nexport interface B { a: A }\n',
    });
    const { cycles } = findCycles(root);
    assert.deepEqual(cyclePaths(root), [["a.ts", "b.ts", "a.ts"]]);
    assert.equal(cycles[0]?.edges[0]?.kind, "import type");
  });

  test("a dynamic import cycle counts", () => {
    const root = tree({
      "a.ts": 'export async function load() {\n  return (await import("./b.ts")).b;\n}\n',
      "b.ts": 'import { load } from "./a.ts";\nexport const b = load;\n',
    });
    assert.deepEqual(cyclePaths(root), [["a.ts", "b.ts", "a.ts"]]);
    assert.equal(findCycles(root).cycles[0]?.edges[0]?.kind, "dynamic import");
  });

  test("several components: one cycle each; a self-import is a cycle", () => {
    const root = tree({
      "x/a.ts": 'import "./b.ts";\n',
      "x/b.ts": 'import "./c.ts";\nimport "./a.ts";\n',
      "x/c.ts": 'import "./a.ts";\n',
      "y/a.ts": 'import "./b.js";\n',
      "y/b.ts": 'import "./a.ts";\n',
      "z.ts": 'import * as self from "./z.ts";\nexport const z = self;\n',
    });
    assert.deepEqual(cyclePaths(root), [
      ["x/a.ts", "x/b.ts", "x/a.ts"],
      ["y/a.ts", "y/b.ts", "y/a.ts"],
      ["z.ts", "z.ts"],
    ]);
    assert.deepEqual(
      findCycles(root).cycles[0]?.component.map((p) => relative(root, p)),
      ["x/a.ts", "x/b.ts", "x/c.ts"],
    );
  });

  test("imports in comments, strings, templates and regular expressions are not edges", () => {
    const root = tree({
      "a.ts": [
        "// import { b } from './b.ts';",
        "/* import { b } from './b.ts';",
        '   export * from "./b.ts"; */',
        "const s = 'import { b } from \"./b.ts\"';",
        'const t = `import { b } from "./b.ts" ${s} import("./b.ts")`;',
        'const u = `export * from "./b.ts"`;',
        'const r = /import("\\.\\/b.ts")/u; // "',
        "const d = 4 / 2; const e = 6 / 3;",
        "export const a = [s, t, u, r, d, e];",
        "",
      ].join("\n"),
      "b.ts": 'import { a } from "./a.ts";\nexport const b = a;\n',
    });
    assert.deepEqual(cyclePaths(root), []);
    assert.deepEqual(
      findCycles(root).edges.map((e) => relative(root, e.from)),
      ["b.ts"],
    );
  });

  test("importsOf: kinds, line numbers, multi-line clauses, attributes", () => {
    const src = [
      "/**",
      " * header",
      " */",
      "import {",
      "  a,",
      "  type B,",
      '} from "./a.ts";',
      'import data from "./data.json" with { type: "json" };',
      'import type { C } from "./c.ts";',
      'export type { D } from "./d.ts";',
      "const e = await import(`./e.ts`);",
      'const url = import.meta.url; const f = obj.import("./f.ts");',
      "",
    ].join("\n");
    assert.deepEqual(importsOf(src), [
      { specifier: "./a.ts", kind: "import", line: 4 },
      { specifier: "./data.json", kind: "import", line: 8 },
      { specifier: "./c.ts", kind: "import type", line: 9 },
      { specifier: "./d.ts", kind: "export type from", line: 10 },
      { specifier: "./e.ts", kind: "dynamic import", line: 11 },
    ]);
  });
});
