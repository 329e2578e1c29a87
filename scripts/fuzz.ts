// npm run fuzz [-- --runs N] [--seed S] [files…]: the property-based fuzz tests of tests/fuzz/ with many more cases
// than `npm test` runs (each property N times, default 2000) and a fresh random seed each time, printed first. A
// failure prints fast-check's shrunk counterexample; `npm run fuzz -- --runs N --seed S` replays the run (also one
// that hung: run it with the test file named and node --inspect to see where).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const runs = option('--runs') ?? process.env.FUZZ_RUNS ?? '2000';
const seed = option('--seed') ?? process.env.FUZZ_SEED ?? String((Math.random() * 2 ** 31) | 0);
if (!/^\d+$/.test(runs) || Number(runs) < 1) {
  console.error(`--runs 应为正整数，而不是「${runs}」`);
  process.exit(2);
}
if (!/^-?\d+$/.test(seed)) {
  console.error(`--seed 应为整数（fast-check 失败时打印的 seed），而不是「${seed}」`);
  process.exit(2);
}
const files = argv.length ? argv : ['tests/fuzz/'];

console.log(`模糊测试：每个性质 ${runs} 例，种子 ${seed}；${files.join(' ')}`);
const started = performance.now();
const vitest = join(dirname(fileURLToPath(import.meta.resolve('vitest/package.json'))), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'unit', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒；种子 ${seed}`);
process.exit(run.status ?? 1);
