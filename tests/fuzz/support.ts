import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatIssue, type ContentIssue } from '../../src/read/issue.ts';

/**
 * Shared pieces of the property-based fuzz tests: run counts, a reusable temporary content directory, the ways a
 * file is damaged, and the invariant every build must keep.
 *
 * `npm test` runs each property a fixed, small number of times with a fixed seed, so a failure is reproducible and
 * the whole fuzz suite takes a few seconds. `FUZZ_RUNS=N` (set by `scripts/fuzz.ts`) runs each property N times
 * with a random seed, printed before the first case; `FUZZ_SEED=S` with the same `FUZZ_RUNS` replays a run.
 */

export const LONG_RUN = process.env.FUZZ_RUNS !== undefined;

/** The seed used by `npm test`: fixed, so that the same cases run every time. */
export const DEFAULT_SEED = 20_250_601;

/**
 * The long run's seed, chosen here rather than by fast-check so that it is printed before any case runs: fast-check
 * prints its seed only when a property fails, and a case that never returns never fails.
 */
const RUN_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG_RUN ? (Math.random() * 2 ** 31) | 0 : DEFAULT_SEED;
if (LONG_RUN && process.env.FUZZ_SEED === undefined) process.stderr.write(`[fuzz] 种子 ${RUN_SEED}（重现：FUZZ_RUNS=${process.env.FUZZ_RUNS} FUZZ_SEED=${RUN_SEED}，或 npm run fuzz -- --runs ${process.env.FUZZ_RUNS} --seed ${RUN_SEED} 文件）\n`);

export function fuzzParams<T>(defaultRuns: number): fc.Parameters<T> {
  const numRuns = LONG_RUN ? Number(process.env.FUZZ_RUNS) : defaultRuns;
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`FUZZ_RUNS 应为正整数，而不是「${process.env.FUZZ_RUNS}」`);
  if (!Number.isInteger(RUN_SEED)) throw new Error(`FUZZ_SEED 应为整数，而不是「${process.env.FUZZ_SEED}」`);
  return { numRuns, seed: RUN_SEED };
}

/**
 * Wraps a property's predicate. In the long run it reports progress every 500 cases and any case slower than 5 s
 * (on stderr, which Vitest shows as it comes), so that a slow input is seen rather than mistaken for a hang.
 */
export function timed<A extends unknown[], R>(name: string, predicate: (...args: A) => R): (...args: A) => R {
  if (!LONG_RUN) return predicate;
  const started = performance.now();
  let cases = 0;
  let slowest = 0;
  const done = (at: number, args: A) => {
    const ms = performance.now() - at;
    cases++;
    slowest = Math.max(slowest, ms);
    if (ms > 5_000) process.stderr.write(`[${name}] 一例用时 ${(ms / 1000).toFixed(1)} 秒：${JSON.stringify(args)?.slice(0, 400)}\n`);
    if (cases % 500 === 0) process.stderr.write(`[${name}] ${cases} 例，${((performance.now() - started) / 1000).toFixed(0)} 秒，最慢一例 ${slowest.toFixed(0)} 毫秒\n`);
  };
  return (...args: A) => {
    const at = performance.now();
    let result: R;
    try {
      result = predicate(...args);
    } catch (e) {
      done(at, args);
      throw e;
    }
    if (result instanceof Promise) return result.finally(() => done(at, args)) as R;
    done(at, args);
    return result;
  };
}

/** Per-test time limit: generous for the long run, the project default otherwise. */
export const FUZZ_TIMEOUT = LONG_RUN ? 24 * 3600_000 : 30_000;

export const REGISTRIES = ['site.yaml', 'regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml'] as const;

export const SEED_NAMES = readdirSync('content/reports').filter((n) => n.endsWith('.md')).sort();
export const SEEDS: Record<string, string> = Object.fromEntries(SEED_NAMES.map((n) => [n, readFileSync(join('content/reports', n), 'utf8')]));

/** The source text each seed report quotes, for values that the build will find in it. */
export const SEED_SOURCES: Record<string, string> = Object.fromEntries(
  SEED_NAMES.map((n) => [n, readFileSync(join('content/sources', (parse(frontMatter(SEEDS[n]!)) as { source: { file: string } }).source.file), 'utf8')]),
);

export function frontMatter(text: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
}

/** One temporary content directory per test file, reused by every case (files are rewritten, not copied again). */
export function tempContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-fuzz-'));
  for (const f of REGISTRIES) cpSync(resolve('content', f), join(dir, f));
  cpSync(resolve('content/sources'), join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'reports'));
  return dir;
}

export function clearReports(dir: string): void {
  rmSync(join(dir, 'reports'), { recursive: true, force: true });
  mkdirSync(join(dir, 'reports'));
}

export function writeReport(dir: string, name: string, bytes: string | Uint8Array): string {
  const path = join(dir, 'reports', name);
  writeFileSync(path, bytes);
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** A value to write into a field, kept symbolic so that a counterexample prints short and readable. */
export type FuzzValue =
  | { raw: unknown }
  | { long: string; times: number }
  /** A stretch of the report's own source text: found by the build, so normalization goes further. */
  | { slice: number; length: number };

const ABSURD: unknown[] = [
  1e308, -1e308, Infinity, -Infinity, NaN, -0, 5e-324, 1e-7, 2 ** 53 + 1, 0.1 + 0.2, 1e21,
  '1e308', '1e400', '-0', 'NaN', '.nan', '.inf', '-.inf', 'Infinity', '9'.repeat(50), '9'.repeat(400), `0.${'0'.repeat(60)}1`,
  '1,2,3', '1,2,3万元', '1,2,3人', ',5', '5,', '-5%', '-99.14%', '-0%', '999999999999999999999%', '1e3%', '99.14%%',
  '１２３，４５６．７８', '１２３', '٣٤٥', '0x1F', '1_000', '12.34.56', '%', '--%', '+5', '+', '-', '.5', '5.', '1e-7',
  '一百万元', '353,514.91亿元', `${'9'.repeat(400)}万元`, `${'9'.repeat(400)}%`, `${'9'.repeat(400)}人`, '∞', '½', '²', '-353,514.91',
  '≥90%', '≤-5%', '≥', '2023', 2023, 1948, 2101, '0000', '未注明', '无', '—', '', ' ', '\u3000', 'null', '~', 'true', 'yes', 'no',
  // File names and paths, for source.file.
  '.', '/', '..', '../regions.yaml', 'sources', './000_9cc66316abc0d64a.txt', '000_9cc66316abc0d64a.txt\u0000', 'CON', '*.txt',
];

const WRONG_TYPES: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant([[]]),
);

const absurdValue: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ABSURD).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.record({ slice: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
);

export const fuzzValue: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ABSURD).map((raw) => ({ raw })) },
  { weight: 3, arbitrary: WRONG_TYPES.map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.record({ long: fc.constantFrom('很', '9', 'a', ' ', '，', '"', '\n'), times: fc.constantFrom(1_000, 20_000, 200_000) }) },
  { weight: 3, arbitrary: fc.record({ slice: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
);

export function resolveValue(v: FuzzValue, source: string): unknown {
  if ('raw' in v) return structuredClone(v.raw);
  if ('long' in v) return v.long.repeat(v.times);
  const at = v.slice % source.length;
  return source.slice(at, at + v.length);
}

// ---------------------------------------------------------------------------------------------------------------
// Damage

type Path = (string | number)[];

/** Changes to the parsed YAML, written back with the `yaml` library: wrong types, missing or extra fields. */
export type StructuralOp =
  | { op: 'set'; path: number; value: FuzzValue }
  | { op: 'delete'; path: number }
  | { op: 'add'; path: number; key: string; value: FuzzValue }
  | { op: 'dupItem'; path: number }
  /** An absurd number written into a field that holds one (value, total, max, target, funds …), present or not. */
  | { op: 'number'; field: number; value: FuzzValue }
  /** A near miss of the value already there (a comma, a sign, a unit, full-width digits …), which still passes the quote checks. */
  | { op: 'mutate'; path: number; how: Mutation; at: number };

const MUTATIONS = ['comma', 'minus', 'percent', 'unit', 'fullWidth', 'moreDigits', 'dot', 'space', 'drop', 'toNumber', 'toString'] as const;
type Mutation = (typeof MUTATIONS)[number];
const UNITS = ['万元', '亿元', '元', '人', '%', '分', '个', '%以上', '亿'];

function mutate(v: string | number, how: Mutation, at: number): unknown {
  const s = String(v);
  const i = at % (s.length + 1);
  const ins = (x: string) => s.slice(0, i) + x + s.slice(i);
  switch (how) {
    case 'comma': return ins(',');
    case 'minus': return `-${s}`;
    case 'percent': return `${s}%`;
    case 'unit': return s + UNITS[at % UNITS.length];
    case 'fullWidth': return FULL_WIDTH(s);
    case 'moreDigits': return s.replace(/\d+/, (d) => d.repeat(1 + (at % 60)));
    case 'dot': return ins('.');
    case 'space': return ins(at % 2 ? ' ' : '\u3000');
    case 'drop': return s.slice(0, i) + s.slice(i + 1);
    case 'toNumber': return s.trim() !== '' && !Number.isNaN(Number(s.replace(/,/g, ''))) ? Number(s.replace(/,/g, '')) : s;
    case 'toString': return s;
  }
}

/** Fields that hold figures, and where a figure field may be added when the seed has none. */
const NUMERIC_KEYS = new Set(['value', 'total', 'max', 'score', 'target', 'target_period', 'actual', 'funds', 'weight', 'points', 'fiscal_year']);
const NUMERIC_HOMES: Path[] = [
  ['score', 'max'], ['score', 'total'], ['fiscal_year'], ['unit'], ['score', 'modules'],
  // Fields the build looks things up by, which absurd values should also not break.
  ['source', 'file'], ['id'], ['region'], ['kind'], ['basis'], ['sector'], ['fiscal_year_status'], ['publication', 'date'],
];

/** Changes to the text: YAML syntax damage. Line numbers are taken modulo the lines of the front matter. */
export type TextOp =
  | { op: 'insert'; line: number; col: number; text: string }
  | { op: 'indent'; line: number; delta: number }
  | { op: 'tab'; line: number }
  | { op: 'dupLine'; line: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'swapLines'; line: number; other: number }
  | { op: 'truncate'; per10k: number }
  | { op: 'fullWidthDigits'; line: number }
  | { op: 'crlf' }
  | { op: 'crOnly' }
  /** Text put into the Markdown body (the narrative), which the build parses for its headings. */
  | { op: 'body'; at: number; text: string; times: number };

const BODY_TEXT = [
  '## 一、标题\n', '# 一级\n', '####### 七级\n', '\n---\n', '```\n', '<div>', '<script>alert(1)</script>', '[链接](javascript:alert(1))', '![图](x.png)',
  '| a | b |\n|---|---|\n| 1 | 2 |\n', '[^1]\n\n[^1]: 注', '\\', '&amp;', '&#0;', '<!--', '- [ ] 任务\n',
];
// Bounded: micromark's time grows faster than linearly with nesting (2,000 「>」 take about half a second).
const PATHOLOGICAL: [string, number][] = [['[', 2000], ['>', 500], ['*', 5000], ['_', 5000], ['<div>', 1000], ['- ', 1000], ['  ', 3000], ['`', 3000], ['(', 5000], ['## 标题\n', 2000], ['| a ', 2000]];

/** Changes to the bytes: other encodings and odd code points. */
export type ByteOp = { op: 'bytes'; at: number; bytes: number[] } | { op: 'char'; at: number; ch: string };

export interface Damage {
  structural: StructuralOp[];
  text: TextOp[];
  bytes: ByteOp[];
}

const SNIPPETS = [
  '"', "'", ': ', ':', ' : x: ', '\t', '- ', '{', '}', '[', ']', '&a ', '*a', '*nope', '!!binary ', '!!int ', '!!str ', '? ', '%YAML 1.1',
  '@', '`', '|', '>', ' #', '#', '\n', '\n---\n', '\n...\n', '---', ',', '\\', '"\\x', '"\\u12', "''", '<<: *a', '!', '|-\n',
  '!!set ', '!!timestamp ', '!!omap ', '!foo ', '!!float ', 'key: value', '- - -', '  ', '\u3000', '：', '－ ', '“', '”',
];

const GBK_BYTES = [
  [0xb2, 0xbf, 0xc3, 0xc5], // 部门 in GBK
  [0xd5, 0xfb, 0xcc, 0xe5, 0xd6, 0xa7, 0xb3, 0xf6], // 整体支出
  [0xbc, 0xa8, 0xd0, 0xa7], // 绩效
];
const ODD_CHARS = ['\u0000', '\uFFFD', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFEFF', '\u200B', '\u2028', '\u2029', '\u0085', '\u00A0', '\u3000', '\u0007', '\u001B', '\u007F', '\r', '\u202E', '\u{1F600}', '𠀀', '\uFF10'];

const line = fc.nat(400);

export const structuralOp: fc.Arbitrary<StructuralOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), path: fc.nat(), value: fuzzValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      path: fc.nat(),
      key: fc.oneof(
        fc.constantFrom(
          ...['id', 'kind', 'title', 'label', 'concept', 'value', 'basis', 'quote', 'note', 'max', 'total', 'grade', 'modules', 'score', 'name'],
          ...['target', 'target_period', 'actual', 'weight', 'points', 'funds', 'indicators', 'unit', 'draft', 'fiscal_year_status'],
          ...['secto', '__proto__', 'constructor', 'toString', '年度', '', ' ', 'null'],
        ),
        fc.string({ maxLength: 6 }),
      ),
      value: fuzzValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dupItem' as const), path: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('number' as const), field: fc.nat(), value: absurdValue }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('mutate' as const), path: fc.nat(), how: fc.constantFrom(...MUTATIONS), at: fc.nat() }) },
);

export const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), line, col: fc.nat(80), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line, delta: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tab' as const), line }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dupLine' as const), line }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), line, other: line }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), per10k: fc.nat(10_000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fullWidthDigits' as const), line }) },
  { weight: 1, arbitrary: fc.constantFrom({ op: 'crlf' as const }, { op: 'crOnly' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        at: fc.nat(),
        // Kept as text × times, so that a counterexample prints short.
        text: fc.oneof(
          fc.constantFrom(...BODY_TEXT).map((t): [string, number] => [t, 1]),
          fc.constantFrom(...PATHOLOGICAL),
          fc.string({ maxLength: 200 }).map((t): [string, number] => [t, 1]),
          fc.string({ unit: 'binary', maxLength: 100 }).map((t): [string, number] => [t, 1]),
        ),
      })
      .map(({ at, text: [text, times] }) => ({ op: 'body' as const, at, text, times })),
  },
);

export const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('bytes' as const),
      at: fc.nat(),
      bytes: fc.oneof(fc.constantFrom(...GBK_BYTES), fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }), fc.constant<number[]>([0xc0, 0x80])),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('char' as const), at: fc.nat(), ch: fc.constantFrom(...ODD_CHARS) }) },
);

export const damage: fc.Arbitrary<Damage> = fc
  .record({
    structural: fc.array(structuralOp, { maxLength: 3 }),
    text: fc.array(textOp, { maxLength: 3 }),
    bytes: fc.array(byteOp, { maxLength: 2 }),
  })
  .filter((d) => d.structural.length + d.text.length + d.bytes.length > 0);

/** Every key path of a parsed document, containers included, in document order. */
export function pathsOf(data: unknown, prefix: Path = []): Path[] {
  if (data === null || typeof data !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let v = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) v = v[k] as Record<string | number, unknown>;
  return v;
}

function applyStructural(data: unknown, ops: StructuralOp[], source: string): unknown {
  let root = data;
  for (const o of ops) {
    if (o.op === 'number') {
      setNumber(root, o, source);
      continue;
    }
    if (o.op === 'mutate') {
      const leaves = pathsOf(root).filter((p) => ['string', 'number'].includes(typeof parentOf(root, p)[p[p.length - 1]!]));
      if (!leaves.length) continue;
      const path = leaves[o.path % leaves.length]!;
      const parent = parentOf(root, path);
      const key = path[path.length - 1]!;
      parent[key] = mutate(parent[key] as string | number, o.how, o.at);
      continue;
    }
    const paths = pathsOf(root);
    if (!paths.length) {
      if (o.op === 'set' || o.op === 'add') root = o.op === 'set' ? resolveValue(o.value, source) : { [o.key]: resolveValue(o.value, source) };
      continue;
    }
    const path = paths[o.path % paths.length]!;
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    if (o.op === 'set') parent[key] = resolveValue(o.value, source);
    else if (o.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (o.op === 'add') {
      const target = parent[key];
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, o.key, { value: resolveValue(o.value, source), enumerable: true, configurable: true, writable: true });
      else if (Array.isArray(target)) target.push(resolveValue(o.value, source));
      else parent[key] = { [o.key]: resolveValue(o.value, source) };
    } else if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key]));
  }
  return root;
}

function setNumber(root: unknown, o: Extract<StructuralOp, { op: 'number' }>, source: string): void {
  if (root === null || typeof root !== 'object') return;
  const fields = pathsOf(root).filter((p) => NUMERIC_KEYS.has(String(p[p.length - 1])));
  const homes = NUMERIC_HOMES.filter((p) => p.length === 1 || typeof (root as Record<string, unknown>)[p[0]!] === 'object');
  const candidates = [...fields, ...homes];
  const path = candidates[o.field % candidates.length]!;
  const value = resolveValue(o.value, source);
  if (path[path.length - 1] === 'modules') {
    (parentOf(root, path) as Record<string, unknown>).modules = [{ name: '模块', score: value, max: value }];
    return;
  }
  const parent = parentOf(root, path);
  if (parent && typeof parent === 'object') parent[path[path.length - 1]!] = value;
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function applyText(text: string, ops: TextOp[], yamlOnly: boolean): string {
  for (const o of ops) {
    const lines = text.split('\n');
    // Markdown files: aim at the front matter (lines 1 … closing ---), where the damage matters.
    const end = yamlOnly ? lines.length : Math.max(1, lines.indexOf('---', 1) + 1);
    const at = (n: number) => n % end;
    switch (o.op) {
      case 'insert': {
        const i = at(o.line);
        const l = lines[i]!;
        const col = o.col % (l.length + 1);
        lines[i] = l.slice(0, col) + o.text + l.slice(col);
        break;
      }
      case 'indent': {
        const i = at(o.line);
        lines[i] = o.delta >= 0 ? ' '.repeat(o.delta) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-o.delta}}`), '');
        break;
      }
      case 'tab': {
        const i = at(o.line);
        lines[i] = lines[i]!.replace(/^ {1,2}/, '\t');
        if (!lines[i]!.startsWith('\t')) lines[i] = `\t${lines[i]}`;
        break;
      }
      case 'dupLine':
        lines.splice(at(o.line), 0, lines[at(o.line)]!);
        break;
      case 'deleteLine':
        lines.splice(at(o.line), 1);
        break;
      case 'swapLines': {
        const [a, b] = [at(o.line), at(o.other)];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        break;
      }
      case 'truncate':
        return lines.join('\n').slice(0, Math.floor((text.length * o.per10k) / 10_000));
      case 'fullWidthDigits':
        lines[at(o.line)] = FULL_WIDTH(lines[at(o.line)]!);
        break;
      case 'crlf':
        return lines.join('\r\n');
      case 'crOnly':
        return lines.join('\r');
      case 'body': {
        // After the closing --- (or anywhere in a YAML file, where it is just more damage).
        const from = yamlOnly ? 0 : end;
        const i = from + (o.at % Math.max(1, lines.length - from + 1));
        lines.splice(i, 0, o.text.repeat(o.times));
        break;
      }
    }
    text = lines.join('\n');
  }
  return text;
}

function applyBytes(text: string, ops: ByteOp[]): Uint8Array {
  let bytes = Buffer.from(text, 'utf8');
  for (const o of ops) {
    const at = bytes.length ? o.at % bytes.length : 0;
    const insert = o.op === 'bytes' ? Buffer.from(o.bytes) : Buffer.from(o.ch, 'utf8');
    bytes = Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
  }
  return bytes;
}

/**
 * A damaged copy of a file: structural changes first (the YAML is parsed, changed and written back; a Markdown
 * body is kept), then text damage, then bytes.
 */
export function damageFile(name: string, text: string, d: Damage, source: string): Uint8Array {
  const md = name.endsWith('.md');
  let out = text;
  if (d.structural.length) {
    const yamlText = md ? frontMatter(text) : text;
    const body = md ? text.slice(`---\n${yamlText}\n---\n`.length) : '';
    const data = applyStructural(parse(yamlText), d.structural, source);
    const written = stringify(data, { lineWidth: 0 });
    out = md ? `---\n${written}---\n${body}` : written;
  }
  out = applyText(out, d.text, !md);
  return applyBytes(out, d.bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// The invariant

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * What every issue must carry: a file, a message in Chinese, a hint for an error, a label when it names a field,
 * a line within the file when it has one, and a rendering by formatIssue that names the file and line.
 */
export function expectWellFormed(issue: ContentIssue, fileLines?: Map<string, number>): void {
  const shown = formatIssue(issue);
  expect(issue.file, shown).toBeTruthy();
  expect(issue.message, shown).toMatch(CHINESE);
  expect(shown).toContain(issue.line ? `${issue.file}:${issue.line}` : issue.file);
  if (issue.severity === 'error') expect(issue.hint, `没有提示：${shown}`).toMatch(CHINESE);
  // The build's own safety net (src/dataset/dataset.ts) caught an exception or an invalid record: a bug to fix.
  expect(issue.message, shown).not.toMatch(/^内部错误/);
  if (issue.path.length) expect(issue.label, `没有字段名：${shown}`).toBeTruthy();
  const lines = fileLines?.get(issue.file);
  if (lines !== undefined) {
    expect(issue.line ?? 0, `没有行号：${shown}`).toBeGreaterThanOrEqual(1);
    expect(issue.line, `行号超出文件：${shown}`).toBeLessThanOrEqual(lines);
  }
}

/** Lines as an editor counts them (a final line without a newline counts). */
export function lineCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('utf8');
  return Math.max(1, text.split(/\r\n|\r|\n/).length);
}

/**
 * Deep equality without a diff of megabyte-sized values (a failing toEqual on a 200,000-character field makes the
 * reporter run out of memory): the first difference of the JSON forms, with some context.
 */
export function expectSameJson(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual) ?? 'undefined';
  const b = JSON.stringify(expected) ?? 'undefined';
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  expect.fail(`${what} differ at character ${i}:\n  got      …${a.slice(Math.max(0, i - 80), i + 120)}\n  expected …${b.slice(Math.max(0, i - 80), i + 120)}`);
}

/**
 * Runs `fn` and fails if it printed a Node warning (the `yaml` library warns on stderr about what it cannot
 * represent): everything an author needs to know must be an issue, located in the file.
 */
export function withoutWarnings<T>(fn: () => T): T {
  const warnings: string[] = [];
  const original = process.emitWarning;
  process.emitWarning = ((w: string | Error) => void warnings.push(String(w))) as typeof process.emitWarning;
  try {
    const result = fn();
    expect(warnings, 'Node 警告').toEqual([]);
    return result;
  } finally {
    process.emitWarning = original;
  }
}
