import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { checkOne, type ReportChecks } from '../checks/index.ts';
import { scanText, type PersonalHit } from '../checks/personal-data.ts';
import type { Concept } from '../schema/concept.ts';
import type { SourceText } from '../text/source-text.ts';
import { type FileRegistries, type FileResult, readReportFile, type SourceCache } from './report-file.ts';

/**
 * Everything a build computes from one report file alone: the file read, validated and normalized, its checks,
 * and the personal data in its source text. Units are what the build runs in parallel and keeps between builds;
 * the dataset and its checks are assembled from them in file order.
 */
export interface ReportUnit {
  result: Omit<FileResult, 'source'>;
  checks: ReportChecks | null;
  /** Personal data in the source text the report cites (null when it has none). */
  sourceHits: PersonalHit[] | null;
}

export function reportUnit(reg: FileRegistries, name: string, sources: SourceCache, concepts: ReadonlyMap<string, Concept>): ReportUnit {
  const { source, ...result } = readReportFile(reg, name, sources);
  return {
    result,
    checks: result.report ? checkOne(result.report, source ?? undefined, concepts) : null,
    sourceHits: source ? scanText(source.text) : null,
  };
}

/**
 * What a unit depends on besides its own file and source: the code that reads, normalizes and checks it, the
 * registries it is read against, and the installed libraries. Any change there invalidates every cached unit.
 */
export function unitsKey(contentDir: string, root = process.cwd()): string {
  const hash = createHash('sha256');
  const code = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? code(join(dir, e.name)) : /\.(ts|ya?ml)$/.test(e.name) ? [join(dir, e.name)] : []))
      .sort();
  for (const dir of ['text', 'schema', 'read', 'normalize', 'checks', 'dataset']) {
    for (const file of code(join(root, 'src', dir))) hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  for (const file of [join(root, 'package-lock.json'), ...['regions.yaml', 'concepts.yaml', 'sectors.yaml'].map((f) => join(contentDir, f))]) {
    hash.update(file).update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

/**
 * Units kept between builds, each under the hash of what it was computed from: the shared key and the report
 * file's bytes. The source the file names is checked on the way out: its bytes' hash is kept beside the unit, so
 * an edited, added or removed source text is noticed even when the report file is unchanged.
 */
export class UnitCache {
  readonly dir: string;
  readonly used = new Set<string>();
  /** Units read back rather than computed, in this thread or in worker threads. */
  hits = 0;
  constructor(dir: string) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
  }

  static keyOf(sharedKey: string, contentDir: string, name: string): string {
    return createHash('sha256').update(sharedKey).update(name).update(readFileSync(join(contentDir, 'reports', name))).digest('hex');
  }

  get(key: string, contentDir: string): ReportUnit | null {
    const file = join(this.dir, `${key}.bin`);
    if (!existsSync(file)) return null;
    const kept = deserialize(readFileSync(file)) as Kept;
    if (kept.source && sourceHash(contentDir, kept.source.name) !== kept.source.hash) return null;
    this.used.add(key);
    this.hits++;
    return kept.unit;
  }

  set(key: string, contentDir: string, unit: ReportUnit): void {
    const file = join(this.dir, `${key}.bin`);
    const name = unit.result.sourceName;
    const kept: Kept = { unit, source: name === null ? null : { name, hash: sourceHash(contentDir, name) } };
    // Written whole, then renamed: a build killed halfway never leaves half a unit to be read back.
    writeFileSync(`${file}.tmp${process.pid}`, serialize(kept));
    renameSync(`${file}.tmp${process.pid}`, file);
    this.used.add(key);
  }

  /** Removes the units this build did not use: the cache holds one build's worth, not every version ever made. */
  prune(): number {
    let removed = 0;
    for (const f of readdirSync(this.dir)) {
      if (f.endsWith('.bin') && !this.used.has(f.slice(0, -4))) {
        rmSync(join(this.dir, f), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

interface Kept {
  unit: ReportUnit;
  source: { name: string; hash: string | null } | null;
}

function sourceHash(contentDir: string, name: string): string | null {
  const path = join(contentDir, 'sources', name);
  return name.includes('..') || !existsSync(path) ? null : createHash('sha256').update(readFileSync(path)).digest('hex');
}
