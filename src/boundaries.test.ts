// Import boundaries of the source tree, checked by reading the files: every import (static, re-export, dynamic
// `import()`, and `new URL('…', import.meta.url)` worker entries; type-only imports count too) is parsed with
// Vite's own parser and resolved like the bundler does, and each rule below lists the edges that break it as
// `file:line -> target`. The rules:
//   - src/engine imports nothing outside src/engine, and of npm packages only ENGINE_PACKAGES (its tests also
//     ENGINE_TEST_PACKAGES and node: builtins);
//   - src/experiment imports only src/engine, src/experiment and src/labs/registry.ts (the one upward edge: the
//     union of specs is derived from the registry);
//   - src/state, src/plots and src/ui import nothing from src/labs;
//   - a lab's core (src/labs/<lab>/core.ts and everything it imports, transitively) imports no React, no .tsx
//     file and nothing from src/state, src/plots or src/ui;
//   - what a lab's core imports statically (the page's entry bundle: links are parsed through the cores) reaches no
//     engine module but the few spec-level ones of CORE_ENGINE_MODULES: the engine comes with the lab's runtime;
//   - workers/ import no React and no .tsx file (transitively);
//   - no production file imports a test file (*.test.*, *.spec.*, a `tests/` folder, e2e/);
//   - no lab folder imports from another lab's folder;
//   - no production file outside the lab folders names a lab's id as a string literal, except the registries.
// The lab ids are the folders of src/labs. Run alone with `npx vitest run src/boundaries.test.ts`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync, Visitor } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Folders of the repository that hold source code (e2e/ is all test code). */
const SOURCE_DIRS = ['src', 'workers', 'cli', 'bench', 'scripts', 'e2e'];
const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
/** Extensions tried, in order, for an import written without one (as Vite resolves them). */
const RESOLVE_EXT = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx', '.json', '/index.ts', '/index.tsx', '/index.js'];

/** npm packages the engine's production code may use. */
const ENGINE_PACKAGES = ['pure-rand'];
/** …and its tests (besides node: builtins). */
const ENGINE_TEST_PACKAGES = ['vitest', 'ml-matrix'];
/** Packages that are React or bind to it (`zustand` without a subpath is its React binding; `zustand/vanilla` is not). */
const REACT_PACKAGES = ['react', 'react-dom', 'zustand', '@vitejs/plugin-react'];
/** Engine modules the cores may reach statically: presets' seeded data (with the RNG's det-math), a preset's start direction, sizes for the cost estimate. */
const CORE_ENGINE_MODULES = [
  'src/engine/core/rng.ts',
  'src/engine/core/det-math.ts',
  'src/engine/ssm/ssm-data.ts',
  'src/engine/stability/start-direction.ts',
  'src/engine/gru/param-count.ts',
  'src/engine/core/recorder.ts',
];
/** The files allowed to name every lab's id. */
const REGISTRIES = ['src/labs/registry.ts', 'src/labs/ui-registry.ts'];

type EdgeKind = 'import' | 'export' | 'dynamic' | 'url';
interface Edge {
  /** The specifier as written. */
  spec: string;
  line: number;
  kind: EdgeKind;
  typeOnly: boolean;
  /** Repository-relative path of the file it resolves to (relative specifiers), or null. */
  target: string | null;
  /** npm package name (`react`, `@scope/name`) or `node:fs` for a bare specifier, else null. */
  pkg: string | null;
}
interface SourceFile {
  path: string;
  test: boolean;
  edges: Edge[];
  /** String literals with no interpolation: value and line. */
  strings: { value: string; line: number }[];
  parseErrors: string[];
}

const posix = (p: string) => p.split('\\').join('/');

function walk(dir: string, out: string[]) {
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) walk(rel, out);
    else if (SOURCE_EXT.test(name)) out.push(rel);
  }
}

/** Test code: Vitest and Playwright files, anything in a `tests/` folder, and all of e2e/. */
const isTestPath = (p: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(p) || p.split('/').includes('tests') || p.startsWith('e2e/');

function resolveRelative(from: string, spec: string): string | null {
  const bare = spec.replace(/[?#].*$/, '');
  const base = posix(relative(ROOT, resolve(ROOT, dirname(from), bare)));
  for (const ext of RESOLVE_EXT) {
    const candidate = base + ext;
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  // `./x.js` written for `./x.ts` (TypeScript's ESM style).
  const ts = base.replace(/\.(m?)js$/, '.$1ts');
  if (ts !== base && existsSync(join(ROOT, ts))) return ts;
  return null;
}

function packageOf(spec: string): string {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Line numbers of offsets in `text`. */
function lineIndex(text: string) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function readSource(path: string): SourceFile {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const lineOf = lineIndex(text);
  const r = parseSync(path, text);
  const raw: Omit<Edge, 'target' | 'pkg'>[] = [];
  for (const imp of r.module.staticImports) {
    const typeOnly = imp.entries.length > 0 && imp.entries.every((e) => e.isType);
    raw.push({ spec: imp.moduleRequest.value, line: lineOf(imp.start), kind: 'import', typeOnly });
  }
  for (const exp of r.module.staticExports) {
    const reexports = exp.entries.filter((e) => e.moduleRequest);
    if (reexports.length === 0) continue;
    raw.push({ spec: reexports[0].moduleRequest!.value, line: lineOf(exp.start), kind: 'export', typeOnly: reexports.every((e) => e.isType) });
  }
  for (const dyn of r.module.dynamicImports) {
    const literal = /^\s*(['"`])([^'"`$]*)\1\s*$/.exec(text.slice(dyn.moduleRequest.start, dyn.moduleRequest.end));
    // A computed `import(x)` cannot be checked here; none is expected in this code base.
    raw.push({
      spec: literal ? literal[2] : `<computed ${text.slice(dyn.moduleRequest.start, dyn.moduleRequest.end)}>`,
      line: lineOf(dyn.start),
      kind: 'dynamic',
      typeOnly: false,
    });
  }
  const strings: SourceFile['strings'] = [];
  new Visitor({
    Literal(node) {
      if (typeof node.value === 'string') strings.push({ value: node.value, line: lineOf(node.start) });
    },
    TemplateLiteral(node) {
      if (node.expressions.length === 0) strings.push({ value: node.quasis[0].value.cooked ?? '', line: lineOf(node.start) });
    },
    // `new URL('./x.worker.ts', import.meta.url)`: a worker entry (or asset) the bundler follows.
    NewExpression(node) {
      const [first, second] = node.arguments;
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'URL' &&
        first?.type === 'Literal' &&
        typeof first.value === 'string' &&
        second?.type === 'MemberExpression' &&
        second.object.type === 'MetaProperty' &&
        second.property.type === 'Identifier' &&
        second.property.name === 'url'
      ) {
        raw.push({ spec: first.value, line: lineOf(node.start), kind: 'url', typeOnly: false });
      }
    },
  }).visit(r.program);
  const isDir = (spec: string) => {
    const p = resolve(ROOT, dirname(path), spec);
    return existsSync(p) && statSync(p).isDirectory();
  };
  const edges = raw
    // `new URL('..', import.meta.url)` names a folder (e.g. the repository's root), not a module.
    .filter((e) => !(e.kind === 'url' && isDir(e.spec)))
    .map((e) => {
      const relativeSpec = e.spec.startsWith('.') || e.spec.startsWith('/');
      return { ...e, target: relativeSpec ? resolveRelative(path, e.spec) : null, pkg: relativeSpec || e.spec.startsWith('<') ? null : packageOf(e.spec) };
    });
  return { path, test: isTestPath(path), edges, strings, parseErrors: r.errors.map((e) => e.message) };
}

const paths: string[] = [];
for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) walk(dir, paths);
const FILES = new Map(paths.sort().map((p) => [p, readSource(p)]));
const all = [...FILES.values()];
const production = all.filter((f) => !f.test);

const under = (p: string, dir: string) => p.startsWith(`${dir}/`);
/** The folders of src/labs: each is one lab, named by its id. */
const LAB_IDS = readdirSync(join(ROOT, 'src/labs')).filter((n) => statSync(join(ROOT, 'src/labs', n)).isDirectory());
const labOf = (p: string) => LAB_IDS.find((id) => under(p, `src/labs/${id}`)) ?? null;
const isReact = (pkg: string | null) => pkg !== null && REACT_PACKAGES.includes(pkg);

const show = (f: SourceFile, e: Edge, why = '') => `${f.path}:${e.line} -> ${e.target ?? e.spec}${e.typeOnly ? ' (type-only)' : ''}${why ? `: ${why}` : ''}`;

/** Every edge of `files` that `bad` names a reason for. */
function violations(files: SourceFile[], bad: (e: Edge, f: SourceFile) => string | false | null | undefined): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const e of f.edges) {
      const why = bad(e, f);
      if (why) out.push(show(f, e, why));
    }
  }
  return out;
}

/**
 * Files reachable from `entry` by imports (static, re-exports, dynamic; type-only too), each with the chain
 * that reaches it; with `loaded`, only what loads with it (no dynamic or type-only imports). Worker entries (`new
 * URL`) are separate bundles and are not followed.
 */
function closure(entry: string, loaded = false): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const p = queue.shift()!;
    for (const e of FILES.get(p)?.edges ?? []) {
      if (e.kind === 'url' || (loaded && (e.kind === 'dynamic' || e.typeOnly)) || !e.target || seen.has(e.target)) continue;
      seen.set(e.target, [...seen.get(p)!, e.target]);
      queue.push(e.target);
    }
  }
  return seen;
}

/**
 * What the closures of `entries` hold that breaks `badFile` (per file) or `bad` (per import), each listed once
 * with the shortest chain of imports that reaches it from an entry.
 */
function closureViolations(entries: string[], bad: (e: Edge) => string | false, badFile: (p: string) => string | false): string[] {
  const found = new Map<string, string[]>();
  const note = (what: string, chain: string[]) => {
    const known = found.get(what);
    if (!known || chain.length < known.length) found.set(what, chain);
  };
  for (const entry of entries) {
    for (const [p, chain] of closure(entry)) {
      const why = badFile(p);
      if (why) note(`${p}: ${why}`, chain);
      const f = FILES.get(p);
      for (const e of f?.edges ?? []) {
        const w = bad(e);
        if (f && w) note(show(f, e, w), chain);
      }
    }
  }
  return [...found].map(([what, chain]) => (chain.length > 1 ? `${what} [via ${chain.join(' > ')}]` : what));
}

describe('import boundaries', () => {
  it('reads the whole tree: every file parses and every relative import resolves', () => {
    expect(FILES.size).toBeGreaterThan(100);
    const areas = ['src/engine', 'src/experiment', 'src/labs', 'src/state', 'src/plots', 'src/ui', 'workers', 'cli'];
    expect(
      areas.filter((dir) => !all.some((f) => under(f.path, dir))),
      'folders with no source file',
    ).toEqual([]);
    expect(LAB_IDS.length, 'lab folders in src/labs').toBeGreaterThan(0);
    expect(all.filter((f) => f.parseErrors.length).map((f) => `${f.path}: ${f.parseErrors[0]}`)).toEqual([]);
    expect(violations(all, (e) => (e.spec.startsWith('.') || e.spec.startsWith('/') || e.spec.startsWith('<')) && !e.target && 'does not resolve to a file')).toEqual([]);
  });

  it('src/engine imports nothing outside src/engine, and only its allowed npm packages', () => {
    const engine = all.filter((f) => under(f.path, 'src/engine'));
    expect(
      violations(engine, (e, f) => {
        if (e.target) return !under(e.target, 'src/engine') && 'outside src/engine';
        if (!e.pkg) return false;
        const allowed = f.test ? [...ENGINE_PACKAGES, ...ENGINE_TEST_PACKAGES] : ENGINE_PACKAGES;
        return !(allowed.includes(e.pkg) || (f.test && e.pkg.startsWith('node:'))) && `npm package not allowed in the engine${f.test ? "'s tests" : ''}`;
      }),
    ).toEqual([]);
  });

  it('src/experiment imports only src/engine, src/experiment and src/labs/registry.ts', () => {
    const experiment = all.filter((f) => under(f.path, 'src/experiment'));
    expect(
      violations(
        experiment,
        (e) =>
          !!e.target &&
          !(under(e.target, 'src/engine') || under(e.target, 'src/experiment') || e.target === 'src/labs/registry.ts') &&
          'outside engine, experiment and the lab registry',
      ),
    ).toEqual([]);
  });

  it('src/state, src/plots and src/ui import nothing from src/labs', () => {
    const layers = all.filter((f) => under(f.path, 'src/state') || under(f.path, 'src/plots') || under(f.path, 'src/ui'));
    expect(violations(layers, (e) => !!e.target && under(e.target, 'src/labs') && 'a lab module')).toEqual([]);
  });

  it('lab cores (core.ts and all it imports) import no React, no .tsx and nothing from src/state, src/plots or src/ui', () => {
    const cores = LAB_IDS.map((id) => `src/labs/${id}/core.ts`).filter((p) => FILES.has(p));
    expect(cores.length, 'src/labs/<lab>/core.ts files').toBeGreaterThan(0);
    expect(
      closureViolations(
        cores,
        (e) => isReact(e.pkg) && 'React',
        (p) => (p.endsWith('.tsx') ? 'a .tsx module' : ['src/state', 'src/plots', 'src/ui'].some((d) => under(p, d)) && 'a state/plots/ui module'),
      ),
    ).toEqual([]);
  });

  it("lab cores reach engine code only through their runtime's dynamic import (spec-level CORE_ENGINE_MODULES excepted)", () => {
    const reached = new Map<string, string[]>();
    for (const id of LAB_IDS) {
      for (const [p, chain] of closure(`src/labs/${id}/core.ts`, true)) {
        if (under(p, 'src/engine') && !CORE_ENGINE_MODULES.includes(p)) reached.set(p, chain);
      }
    }
    expect([...reached].map(([p, chain]) => `${p} [via ${chain.join(' > ')}]`)).toEqual([]);
  });

  it('workers/ import no React and no .tsx (transitively)', () => {
    const workers = production.filter((f) => under(f.path, 'workers')).map((f) => f.path);
    expect(
      closureViolations(
        workers,
        (e) => isReact(e.pkg) && 'React',
        (p) => p.endsWith('.tsx') && 'a .tsx module',
      ),
    ).toEqual([]);
  });

  it('no production file imports test code (*.test.*, *.spec.*, tests/ folders, e2e/)', () => {
    expect(violations(production, (e) => !!e.target && isTestPath(e.target) && 'test code')).toEqual([]);
  });

  it("no lab folder imports from another lab's folder", () => {
    expect(
      violations(all, (e, f) => {
        const from = labOf(f.path);
        const to = e.target && labOf(e.target);
        return !!from && !!to && from !== to && `the ${to} lab, from the ${from} lab`;
      }),
    ).toEqual([]);
  });

  it("no production file outside its lab's folder names a lab id as a string literal (the registries excepted)", () => {
    const out: string[] = [];
    for (const f of production) {
      if (REGISTRIES.includes(f.path)) continue;
      for (const s of f.strings) {
        if (LAB_IDS.includes(s.value) && labOf(f.path) !== s.value) out.push(`${f.path}:${s.line}: '${s.value}'`);
      }
    }
    expect(out).toEqual([]);
  });
});
