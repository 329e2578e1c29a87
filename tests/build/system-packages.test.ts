import { afterEach, describe, expect, it } from 'vitest';
import { installCommand, missingSystemPackages, SYSTEM_PACKAGES } from '../../src/build/system-packages.ts';

describe('system packages the tests need', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('names Chromium as missing when it is not where the browser tests look for it, with the reason', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const missing = missingSystemPackages();
    expect(missing.map((m) => m.package)).toContain('chromium');
    expect(missing.find((m) => m.package === 'chromium')!.why).toMatch(/浏览器测试/);
  });

  it('lists the same packages .ci/run relied on, installed without recommends', () => {
    expect(SYSTEM_PACKAGES.map((p) => p.package)).toEqual(['chromium', 'fonts-noto-cjk', 'nginx-light']);
    expect(installCommand(['chromium'], true)).toEqual([
      ['sudo', 'apt-get', 'update', '-qq'],
      ['sudo', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'],
    ]);
  });
});
