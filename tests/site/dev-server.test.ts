import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorProject } from '../../src/bench/project.ts';
import { NODE } from '../support/site.ts';

/**
 * `npm run dev` as an author uses it (README: 修改 content/ 后刷新即可看到): a content edit shows on the next request,
 * and a content error is printed as the build prints it. Runs on a copy of the project so content/ stays untouched.
 */
const REPORT = 'guangzhou-baiyun-wsjkj-2023-zpb';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('astro dev', () => {
  let dir: string;
  let server: ChildProcess;
  let log = '';
  let origin: string;
  let file: string;
  let original: string;

  beforeAll(async () => {
    dir = mirrorProject(join(mkdtempSync(join(tmpdir(), 'jx-dev-')), 'project'));
    cpSync('content', join(dir, 'content'), { recursive: true });
    file = join(dir, 'content', 'reports', `${REPORT}.md`);
    original = readFileSync(file, 'utf8');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // Vitest's own variables (BASE_URL, MODE, NODE_ENV=test …) would leak into Vite's import.meta.env.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'BASE_PATH', 'VITEST', 'TEST'].includes(k)));
    server = spawn(NODE, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: dir,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    for (let i = 0; i < 120 && !/Local\s+http/.test(log); i++) await new Promise((r) => setTimeout(r, 250));
    expect(log).toMatch(/Local\s+http/);
  }, 60_000);

  afterAll(() => {
    server?.kill();
  });

  /** Writes a content file and waits until the dev server has noticed, as an author's next refresh would. */
  const edit = async (text: string) => {
    const seen = log.split('已修改：').length;
    writeFileSync(file, text);
    for (let i = 0; i < 100 && log.split('已修改：').length === seen; i++) await new Promise((r) => setTimeout(r, 50));
    expect(log.split('已修改：').length, log).toBeGreaterThan(seen);
  };

  const page = async () => {
    const res = await fetch(`${origin}/reports/${REPORT}/`);
    return { status: res.status, html: await res.text() };
  };

  it('shows an edit of a content file on the next request, without a restart', async () => {
    const before = await page();
    expect(before.status, log).toBe(200);
    expect(before.html).toContain('353,514.91');
    expect(before.html).not.toContain('已在开发服务器中修改');

    await edit(original.replace(/^title: (.*)$/m, 'title: $1已在开发服务器中修改'));
    const after = await page();
    expect(after.status).toBe(200);
    expect(after.html).toContain('已在开发服务器中修改');
  }, 60_000);

  it('prints a content error as the build prints it, and recovers once it is fixed', async () => {
    await edit(original.replace(/^ {2}- label: 年度预算数$/m, '  - label: 年度预算数（写错的标签）'));
    const broken = await page();
    expect(broken.status).toBe(500);
    expect(log).toContain(`content/reports/${REPORT}.md:22  字段：原文标签（finance[0].label）`);
    expect(log).toContain('原文标签「年度预算数（写错的标签）」不在概念表中');

    await edit(original);
    const fixed = await page();
    expect(fixed.status).toBe(200);
    expect(fixed.html).not.toContain('已在开发服务器中修改');
  }, 60_000);

  it('serves the large data files itself, which a build writes after Astro', async () => {
    const json = await fetch(`${origin}/data/reports.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect((await json.json()).reports.some((r: { id: string }) => r.id === REPORT)).toBe(true);
    const csv = await fetch(`${origin}/data/finance.csv`);
    expect(csv.status).toBe(200);
    // Bytes, not text(): decoding drops a byte-order mark.
    expect([...new Uint8Array(await csv.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await fetch(`${origin}/data/checks.json`)).status).toBe(200);
  }, 60_000);
});
