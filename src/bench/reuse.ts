/**
 * The text-reuse detector (src/dataset/reuse.ts) at scale: its time and memory over N synthetic reports
 * (src/bench/synthetic.ts, all labelled 合成数据). The detector reads only each report's prose, department, region
 * and year, so the inputs are built from the synthetic content files with the normalizer's narrative step
 * (normalize/narrative.ts), without normalizing figures or writing files.
 *
 * The detection runs in a worker thread while the main thread samples the process's resident memory every 5 ms,
 * so the peak it reports is the detector's own, over the inputs already built; the worker also reports the heap
 * its result keeps. `npm run bench:reuse` (scripts/bench-reuse.ts) prints it; scripts/bench.ts can call
 * benchReuse() and print reuseBenchText() in its own run.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ContentFile } from '../schema/content.ts';
import { readContentFile } from '../read/content-file.ts';
import { normalizeNarrative } from '../normalize/narrative.ts';
import { detectReuse, type ReuseReport, type ReuseResult } from '../dataset/reuse.ts';
import { DEFAULT_SEED, districtCount, syntheticDistricts, syntheticReport } from './synthetic.ts';

export interface ReuseBench {
  reports: number;
  seed: number;
  /** 'as generated', or 'varied': see varyInputs(). */
  variant: Variant;
  /** Building the inputs (generation and narrative normalization), not part of the detector's cost. */
  inputMs: number;
  /** The detector: wall and CPU time of the worker thread. */
  wallMs: number;
  cpuMs: number;
  /** Resident memory of the process just before detection, and its peak during detection (sampled every 5 ms). */
  rssBefore: number;
  rssPeak: number;
  /** Heap in use before detection and after it with the result kept (after a full GC when --expose-gc is given). */
  heapBefore: number;
  heapAfter: number;
  gc: boolean;
  stats: ReuseResult['stats'];
  /** Share of all compared characters found in another report, in template text and in specific reuse. */
  reusedShare: number;
  templateShare: number;
}

/** Report i of a synthetic set as the detector reads it. */
export function syntheticReuseInput(i: number, districts = syntheticDistricts(districtCount(i + 1)), seed = DEFAULT_SEED): ReuseReport {
  const s = syntheticReport(i, districts, seed);
  const file = readContentFile(`${s.id}.md`, s.markdown);
  const data = file.data as ContentFile;
  const district = districts.find((d) => d.code === data.region)!;
  return {
    id: s.id,
    kind: s.kind,
    department: data.department,
    fiscal_year: { value: s.year, status: s.year === null ? 'not_stated' : 'stated', quote: null, note: null },
    region: { code: district.code, name: district.name, city: { name: district.city.name } },
    ...normalizeNarrative(data, file.body),
  };
}

export function syntheticReuseInputs(reports: number, seed = DEFAULT_SEED): ReuseReport[] {
  const districts = syntheticDistricts(districtCount(reports));
  return Array.from({ length: reports }, (_, i) => syntheticReuseInput(i, districts, seed));
}

export type Variant = 'generated' | 'varied';

/**
 * Synthetic prose is drawn from one phrase bank, so once numbers and place names are masked nearly every sentence
 * is one of a few hundred: the detector's worst case for large groups, its best for distinct sentences. The
 * varied inputs make it work on both: of each report's sentences, a half is made unique (its characters shuffled,
 * standing for prose no other report has) and a quarter gets two characters of its own inserted (a nearly
 * verbatim copy, for the MinHash path); the rest stay as generated. Deterministic.
 */
export function varyInputs(inputs: ReuseReport[]): ReuseReport[] {
  return inputs.map((r, i) => {
    let n = 0;
    const vary = (text: string) =>
      text.replace(/[^。；\n]+[。；]?/g, (sentence) => {
        const h = mix(i, n++);
        const pick = h % 4;
        if (pick < 2) return shuffle([...sentence], h).join('');
        if (pick === 2) {
          const at = h % Math.max(1, sentence.length - 1);
          return sentence.slice(0, at) + TOKEN[(h >>> 8) % TOKEN.length]! + TOKEN[(h >>> 16) % TOKEN.length]! + sentence.slice(at);
        }
        return sentence;
      });
    const markdown = r.narrative.markdown.split('\n').map((line) => (line.startsWith('#') ? line : vary(line))).join('\n');
    return {
      ...r,
      problems: r.problems.map(vary),
      measures: r.measures.map(vary),
      overall_goal: r.overall_goal && vary(r.overall_goal),
      overall_result: r.overall_result && vary(r.overall_result),
      narrative: { markdown, sections: r.narrative.sections },
    };
  });
}

const TOKEN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

function shuffle<T>(list: T[], seed: number): T[] {
  let s = seed || 1;
  for (let i = list.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 13), 0x5bd1e995) >>> 0;
    const j = s % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

type FromWorker = { type: 'ready'; variant: Variant; inputMs: number; heapBefore: number; gc: boolean } | { type: 'done'; wallMs: number; cpuMs: number; heapAfter: number; stats: ReuseResult['stats']; reused: number; template: number; chars: number };

const gcNow = () => (globalThis as { gc?: () => void }).gc?.();

function worker(): void {
  const { reports, seed, variants } = workerData as { reports: number; seed: number; variants: Variant[] };
  const t0 = performance.now();
  const generated = syntheticReuseInputs(reports, seed);
  const generatedMs = performance.now() - t0;
  const phase = (k: number) => {
    if (k >= variants.length) return;
    const variant = variants[k]!;
    const t1 = performance.now();
    const inputs = variant === 'varied' ? varyInputs(generated) : generated;
    const inputMs = generatedMs + performance.now() - t1;
    gcNow();
    const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    parentPort!.postMessage({ type: 'ready', variant, inputMs, heapBefore: process.memoryUsage().heapUsed, gc } satisfies FromWorker);
    parentPort!.once('message', () => {
      const cpu0 = process.cpuUsage();
      const w0 = performance.now();
      const result = detectReuse(inputs);
      const wallMs = performance.now() - w0;
      const cpu = process.cpuUsage(cpu0);
      // With the inputs and the result both still referenced: the difference to heapBefore is what the result keeps.
      gcNow();
      const heapAfter = process.memoryUsage().heapUsed;
      let chars = 0;
      let reused = 0;
      let template = 0;
      for (const r of result.reports) {
        chars += r.chars;
        reused += r.reusedChars;
        template += r.templateChars;
      }
      parentPort!.postMessage({ type: 'done', wallMs, cpuMs: (cpu.user + cpu.system) / 1000, heapAfter, stats: result.stats, reused, template, chars } satisfies FromWorker);
      setImmediate(() => phase(k + 1));
    });
  };
  phase(0);
}

if (!isMainThread && (workerData as { reuseBench?: boolean } | null)?.reuseBench) worker();

export const VARIANTS: Variant[] = ['generated', 'varied'];

/**
 * Runs the detector over `reports` synthetic reports in a worker, once per variant (the inputs are generated once),
 * and measures each run.
 */
export function benchReuse(options: { reports: number; seed?: number; variants?: Variant[] }): Promise<ReuseBench[]> {
  const seed = options.seed ?? DEFAULT_SEED;
  const variants = options.variants ?? VARIANTS;
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { reuseBench: true, reports: options.reports, seed, variants } });
    const results: ReuseBench[] = [];
    let ready: Extract<FromWorker, { type: 'ready' }> | null = null;
    let rssBefore = 0;
    let rssPeak = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    w.on('message', (m: FromWorker) => {
      if (m.type === 'ready') {
        ready = m;
        rssBefore = rssPeak = process.memoryUsage.rss();
        timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 5);
        w.postMessage('go');
        return;
      }
      clearInterval(timer);
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      results.push({
        reports: options.reports,
        seed,
        variant: ready!.variant,
        inputMs: ready!.inputMs,
        wallMs: m.wallMs,
        cpuMs: m.cpuMs,
        rssBefore,
        rssPeak,
        heapBefore: ready!.heapBefore,
        heapAfter: m.heapAfter,
        gc: ready!.gc,
        stats: m.stats,
        reusedShare: m.chars ? m.reused / m.chars : 0,
        templateShare: m.chars ? m.template / m.chars : 0,
      });
      if (results.length === variants.length) {
        void w.terminate();
        resolve(results);
      }
    });
    w.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The result as the benchmark prints it, in Chinese like the rest of its output. */
export function reuseBenchText(b: ReuseBench): string {
  return [
    `文字重复检测：${b.reports.toLocaleString('en-US')} 份合成报告（种子 ${b.seed}；${b.variant === 'varied' ? '变体：一半句子打乱成独有文字、四分之一插入两个字，见 varyInputs' : '按生成的原样'}）`,
    `  输入：${b.stats.sentences.toLocaleString('en-US')} 个句子，${b.stats.keys.toLocaleString('en-US')} 个不同的规范化句子（准备输入用时 ${sec(b.inputMs)}，不计入）`,
    `  用时：${sec(b.wallMs)}（CPU ${sec(b.cpuMs)}）`,
    `  内存：检测期间进程常驻内存峰值 ${mb(b.rssPeak)}，比检测前（${mb(b.rssBefore)}）多 ${mb(b.rssPeak - b.rssBefore)}；结果占堆 ${mb(b.heapAfter - b.heapBefore)}${b.gc ? '' : '（未加 --expose-gc，堆数字含未回收的垃圾）'}`,
    `  结果：${b.stats.groups.toLocaleString('en-US')} 组重复句子，其中模板文字 ${b.stats.templates.toLocaleString('en-US')} 组；近似合并 ${b.stats.nearJoined.toLocaleString('en-US')} 组（核对候选 ${b.stats.candidatePairs.toLocaleString('en-US')} 对）`,
    `  比较的文字中 ${pct(b.reusedShare)} 也见于其他报告，其中模板文字占 ${pct(b.templateShare)}${b.variant === 'generated' ? '（合成数据由同一套句库生成，重复远多于真实文件）' : ''}`,
  ].join('\n');
}
