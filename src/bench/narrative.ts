import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readContentFile } from '../read/content-file.ts';
import { run } from './measure.ts';

const REPORT = 'guangzhou-liwan-wsjkj-2022-zpbg.md';

/** The seeds' narrative paragraphs, real report text, repeated until the body has `length` characters. */
function grownBody(length: number): string {
  const paragraphs = readdirSync('content/reports')
    .map((f) => readContentFile(f, readFileSync(join('content/reports', f), 'utf8')).body)
    .flatMap((b) => b.split(/\n{2,}/))
    .filter((p) => p.trim());
  let body = '';
  for (let i = 0; body.length < length; i++) body += `${paragraphs[i % paragraphs.length]}\n\n`;
  return body.slice(0, length);
}

/**
 * Builds the bundled content with one narrative grown to each size, `runs` times each, alternating sizes so that
 * a busy machine slows each alike, and prints the medians.
 */
export async function narrativeBench(sizes: number[], runs: number, log: (line: string) => void): Promise<{ size: number; wallS: number; cpuS: number }[]> {
  // On the project's file system: Astro moves built files from the project's work directory with rename().
  const work = mkdtempSync(join(tmpdir(), 'jx-narrative-'));
  const dirs = sizes.map((size) => {
    const dir = join(work, `content-${size}`);
    cpSync('content', dir, { recursive: true });
    const file = join(dir, 'reports', REPORT);
    const text = readFileSync(file, 'utf8');
    const { body } = readContentFile(REPORT, text);
    writeFileSync(file, text.slice(0, text.length - body.length) + grownBody(size));
    return dir;
  });
  const times = new Map<number, { wall: number[]; cpu: number[] }>(sizes.map((s) => [s, { wall: [], cpu: [] }]));
  try {
    for (let r = 0; r < runs; r++) {
      for (const [k, size] of sizes.entries()) {
        const m = await run(resolve('node_modules/.bin/node'), ['scripts/build.ts', '--content', dirs[k]!, '--out', join(work, `dist-${size}`)], {
          env: { ...process.env, BASE_PATH: '/' },
        });
        if (m.code !== 0) throw new Error(`${size} 字正文的构建失败：\n${m.output.slice(-3000)}`);
        times.get(size)!.wall.push(m.wallMs / 1000);
        times.get(size)!.cpu.push((m.userS ?? 0) + (m.sysS ?? 0));
        log(`  ${size.toLocaleString('en-US')} 字：${(m.wallMs / 1000).toFixed(1)} 秒（CPU ${((m.userS ?? 0) + (m.sysS ?? 0)).toFixed(1)} 秒）`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const rows = sizes.map((size) => ({ size, wallS: median(times.get(size)!.wall), cpuS: median(times.get(size)!.cpu) }));
  log('\n正文字数      墙钟（中位数）  CPU（中位数）  与最短者之比（CPU）');
  for (const r of rows) {
    log(`${r.size.toLocaleString('en-US').padStart(10)}  ${r.wallS.toFixed(1).padStart(10)} 秒  ${r.cpuS.toFixed(1).padStart(10)} 秒  ${(r.cpuS / rows[0]!.cpuS).toFixed(2)}×`);
  }
  return rows;
}

