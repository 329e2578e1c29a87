import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checks } from '../../src/schema/check.ts';
import { fixtureContent } from '../support/fixture-content.ts';
import { NODE } from '../support/site.ts';

/** `npm run check:data` on a constructed content directory (tests/fixtures/checks). */
function checkData(...args: (string | ((content: string) => string))[]) {
  const content = fixtureContent('tests/fixtures/checks/reports');
  const argv = args.map((a) => (typeof a === 'function' ? a(content) : a));
  const run = spawnSync(NODE, ['scripts/check-data.ts', '--content', content, ...argv], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr, content };
}

describe('npm run check:data', () => {
  it('lists each finding with its arithmetic, the personal data, and exits 0', () => {
    const { status, out } = checkData();
    expect(status).toBe(0);
    expect(out).toContain('! 警告  fixture-claims  #check-claim-change-1  总支出：增长 20% 与本年数、增减额推出的 7.85% 不一致');
    expect(out).toContain('算式：1,000 ÷ (13,743.34 − 1,000) × 100% = 7.85%');
    expect(out).toMatch(/容差：±0\.5\d* 个百分点/);
    expect(out).toContain('· 提示  fixture-claims  #check-fiscal-year-1  文中「2023 年度本单位机关运行经费支出 50 万元」写的是 2023 年，报告年度为 2024 年');
    expect(out).toMatch(/! 个人信息（警告）.*fixture-claims\.md（字段 narrative\.markdown）\n\s+个人姓名「联系人：李\*」/);
    expect(out).toMatch(/手机号码「139\*+78」/);
    expect(out).not.toContain('13912345678');
    expect(out).toContain('数据核对：1 份报告');
  }, 60_000);

  it('--strict exits 1 when a 警告 is found; --json writes the machine-readable result', () => {
    const { status, content } = checkData('--strict', '--json', (dir) => join(dir, 'checks.json'));
    expect(status).toBe(1);
    const file = join(content, 'checks.json');
    expect(existsSync(file)).toBe(true);
    const checks = Checks.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(checks.findings.map((f) => f.check)).toEqual(['claim_change', 'fiscal_year']);
    expect(checkData().status).toBe(0);
  }, 60_000);
});
