// npm test [-- vitest arguments]: the whole test suite, as CI runs it. The browser and deployment tests need three
// Debian packages (Chromium, CJK fonts, nginx); on a fresh machine this installs them when it may (root, or sudo
// without a password), and otherwise says exactly what is missing and why it cannot install it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingSystemPackages, installCommand, canInstall } from '../src/build/system-packages.ts';

const args = process.argv.slice(2);
const unitOnly = args.includes('--project') && args[args.indexOf('--project') + 1] === 'unit';

const missing = unitOnly ? [] : missingSystemPackages();
if (missing.length) {
  const names = missing.map((m) => m.package);
  const how = canInstall();
  if (how.ok) {
    console.log(`浏览器和部署测试需要的系统软件包缺少：${missing.map((m) => `${m.package}（${m.why}）`).join('、')}；正在安装：`);
    for (const cmd of installCommand(names, how.sudo)) {
      console.log(`$ ${cmd.join(' ')}`);
      const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      if (r.status !== 0) {
        console.error(`安装失败（${cmd.join(' ')} 退出码 ${r.status}）。请手动安装后重试。`);
        process.exit(1);
      }
    }
  } else {
    console.error(
      [
        `测试需要的系统软件包缺少：`,
        ...missing.map((m) => `  - ${m.package}：${m.why}`),
        `无法自动安装：${how.why}`,
        `请先运行：sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names.join(' ')}`,
        `只运行不需要它们的单元测试：npm test -- --project unit`,
      ].join('\n'),
    );
    process.exit(1);
  }
}

// Vitest runs on the project's Node (node_modules/.bin/node, which npm scripts put first on PATH).
const vitest = join(dirname(fileURLToPath(import.meta.resolve('vitest/package.json'))), 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
