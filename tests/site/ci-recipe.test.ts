import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mirrorProject } from '../../src/bench/project.ts';

/**
 * The CI recipes of docs/ci/ build one shard per city as parallel jobs and the portal from their artifacts. This
 * runs the GitHub Actions recipe's own commands here, with two shards made from the seeds, one job after another,
 * moving the shards' output as the artifact steps would; and checks that the GitLab recipe runs the same commands.
 */
interface Step {
  run?: string;
  env?: Record<string, string>;
}
const github = parse(readFileSync('docs/ci/github-actions.yml', 'utf8')) as {
  jobs: { shard: { strategy: { matrix: { city: string[] } }; steps: Step[] }; portal: { steps: Step[] } };
};
const gitlab = parse(readFileSync('docs/ci/gitlab-ci.yml', 'utf8')) as Record<string, { script?: string[]; variables?: Record<string, string> }>;

const CITIES: Record<string, string[]> = {
  guangzhou: ['guangzhou-baiyun-wsjkj-2023-zpb.md', 'guangzhou-liwan-wsjkj-2022-zpbg.md', 'guangzhou-huadu-wsjkj-2023-zpbg.md', 'guangzhou-huadu-wsjkj-nd-mbsb.md'],
  yangjiang: ['yangjiang-yangdong-wsjkj-2024-zpbg.md'],
};

/** The commands a job runs, without installing dependencies (this checkout has them). */
const commands = (steps: Step[]) => steps.filter((s) => s.run && !s.run.startsWith('npm install'));

function sh(repo: string, command: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', command], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`「${command}」失败：\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('the CI recipe for a province: shards in parallel jobs, then the portal', () => {
  const repo = mirrorProject(join(mkdtempSync(join(tmpdir(), 'jx-ci-')), 'repo'));

  beforeAll(() => {
    for (const [city, files] of Object.entries(CITIES)) {
      const content = join(repo, 'province', city, 'content');
      cpSync('content', content, { recursive: true });
      for (const f of readdirSync(join(content, 'reports'))) if (!files.includes(f)) rmSync(join(content, 'reports', f));
    }
    const portal = join(repo, 'province', 'portal');
    mkdirSync(portal, { recursive: true });
    for (const f of ['site.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(join('content', f), join(portal, f));
    writeFileSync(join(portal, 'portal.yaml'), `shards:\n${Object.keys(CITIES).map((c) => `  - name: ${c}\n    base: /${c}/\n    dist: ../${c}/dist\n`).join('')}`);

    // The shard job, once per city of the matrix (on CI, in parallel on separate runners).
    for (const city of github.jobs.shard.strategy.matrix.city) {
      const at = (s: string) => s.replaceAll('${{ matrix.city }}', city);
      for (const step of commands(github.jobs.shard.steps)) sh(repo, at(step.run!), Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, at(v)])));
      // upload-artifact on the shard's runner, download-artifact (pattern shard-*) on the portal's.
      mkdirSync(join(repo, 'province', 'shards'), { recursive: true });
      renameSync(join(repo, 'province', city, 'dist'), join(repo, 'province', 'shards', `shard-${city}`));
    }
    for (const step of commands(github.jobs.portal.steps)) sh(repo, step.run!, step.env ?? {});
  }, 300_000);

  it('builds every city of the matrix as a shard under its own base path, and the portal from their output', () => {
    for (const city of Object.keys(CITIES)) {
      const home = readFileSync(join(repo, 'province', city, 'dist', 'index.html'), 'utf8');
      expect(home).toContain(`href="/${city}/`);
    }
    const portal = join(repo, 'province', 'portal', 'dist');
    expect(existsSync(join(portal, 'index.html'))).toBe(true);
    // One comparison over both shards' districts, linking to the shards' report pages.
    const compare = readFileSync(join(portal, 'compare', '2023', 'health', 'index.html'), 'utf8');
    expect(compare).toContain('/guangzhou/reports/guangzhou-baiyun-wsjkj-2023-zpb/');
    const districts = readFileSync(join(portal, 'districts', 'yangjiang-yangdong', 'index.html'), 'utf8');
    expect(districts).toContain('/yangjiang/reports/yangjiang-yangdong-wsjkj-2024-zpbg/');
  });

  it('the GitLab recipe runs the same build commands with the same base paths', () => {
    const norm = (s: string) => s.replaceAll('${{ matrix.city }}', '$CITY');
    const shardCommands = commands(github.jobs.shard.steps).map((s) => norm(s.run!));
    const portalCommands = commands(github.jobs.portal.steps).filter((s) => s.run!.startsWith('npm ')).map((s) => s.run!);
    expect(gitlab.shard!.script!.filter((c) => !c.startsWith('npm install'))).toEqual(shardCommands);
    expect(gitlab.portal!.script!.filter((c) => !c.startsWith('npm install'))).toEqual(portalCommands);
    expect(gitlab.shard!.variables!.BASE_PATH).toBe(norm(github.jobs.shard.steps.find((s) => s.env?.BASE_PATH)!.env!.BASE_PATH!));
    expect(gitlab.portal!.variables!.BASE_PATH).toBe('/');
  });
});
