import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The Debian packages the browser and deployment tests drive: Chromium through playwright-core (browser downloads
 * do not work on these machines), CJK fonts so that pages render Chinese rather than boxes (axe measures contrast and
 * the phone tests measure widths on real glyphs), and nginx for the sub-path deployment test.
 */
export interface SystemPackage {
  package: string;
  why: string;
  present: () => boolean;
}

const hasCjkFont = () => {
  try {
    return /noto.*cjk/i.test(execFileSync('fc-list', [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
};

export const SYSTEM_PACKAGES: SystemPackage[] = [
  { package: 'chromium', why: '浏览器测试（无障碍、手机尺寸、搜索）用 Debian 的 Chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { package: 'fonts-noto-cjk', why: '页面中文字形（对比度、宽度测试依赖真实字形）', present: hasCjkFont },
  { package: 'nginx-light', why: '子路径部署测试用 README 中的 nginx 配置', present: () => existsSync('/usr/sbin/nginx') },
];

export function missingSystemPackages(): SystemPackage[] {
  return SYSTEM_PACKAGES.filter((p) => !p.present());
}

/** Whether this process may install Debian packages: apt-get present, and root or password-less sudo. */
export function canInstall(): { ok: true; sudo: boolean } | { ok: false; why: string } {
  if (!existsSync('/usr/bin/apt-get')) return { ok: false, why: '这台机器没有 apt-get（不是 Debian/Ubuntu）' };
  if (process.getuid?.() === 0) return { ok: true, sudo: false };
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  if (sudo.status === 0) return { ok: true, sudo: true };
  return { ok: false, why: '当前用户不是 root，sudo 又需要密码' };
}

export function installCommand(packages: string[], sudo: boolean): string[][] {
  const pre = sudo ? ['sudo'] : [];
  return [
    [...pre, 'apt-get', 'update', '-qq'],
    [...pre, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
  ];
}
