// npm run bench:import [-- --verbose]: import the five seed texts and compare with the reviewed content files.
import { formatBench, runBench } from '../src/bench/import-run.ts';

const { lines, met } = formatBench(runBench('content', 'tests/fixtures/seeds/expected.yaml'), process.argv.includes('--verbose'));
for (const line of lines) console.log(line);
process.exit(met ? 0 : 1);
