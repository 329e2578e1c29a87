// npm run bench:reuse [-- --reports 1000,10000] [--seed S]
//
// Time and memory of the text-reuse detector (src/dataset/reuse.ts) over N synthetic reports (default 10,000),
// measured by src/bench/reuse.ts. Run with --expose-gc (the npm script does) for exact heap figures.
import { benchReuse, reuseBenchText } from '../src/bench/reuse.ts';
import { DEFAULT_SEED } from '../src/bench/synthetic.ts';

const argv = process.argv.slice(2);
const values = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
const sizes = values('--reports').flatMap((v) => v.split(',')).map((v) => Number(v.replace(/[_,]/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--reports 应为正整数');
const seed = Number(values('--seed')[0] ?? DEFAULT_SEED);

for (const reports of sizes.length ? sizes : [10000]) {
  for (const result of await benchReuse({ reports, seed })) console.log(`${reuseBenchText(result)}\n`);
}
