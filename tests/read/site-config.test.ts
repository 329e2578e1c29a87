import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/read/site-config.ts';

function siteDir(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-site-config-'));
  writeFileSync(join(dir, 'site.yaml'), yaml);
  return dir;
}

describe('readSiteConfig', () => {
  it('warns for each empty footer item, naming it', () => {
    const { site, issues } = readSiteConfig(siteDir('title: 测试站\norganizer: 某区财政局\n'));
    expect(site!.organizer).toBe('某区财政局');
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues.map((i) => i.label)).toEqual(['联系方式', 'ICP备案号', '公安机关备案号', '网站标识码', '站点网址']);
  });
  it('gives no warning when the footer is complete', () => {
    const yaml = 'title: 测试站\nurl: https://www.example.gov.cn\norganizer: 某区财政局\ncontact:\n  phone: 020-12345678\nicp: 粤ICP备12345678号\npolice_record: 粤公网安备 44010602000001号\nsite_id: "4401000001"\n';
    expect(readSiteConfig(siteDir(yaml)).issues).toEqual([]);
  });
  it('rejects a misspelt key and a bad base path with file, line, label and hint', () => {
    const { site, issues } = readSiteConfig(siteDir('title: 测试站\nbase: xxgk\norganiser: 某区\n'));
    expect(site).toBeNull();
    expect(issues.map((i) => [i.line, i.label, i.severity])).toEqual([
      [2, '基础路径', 'error'],
      [3, '未知字段', 'error'],
    ]);
  });
});
