// npm run bench:import [-- --verbose]: import the five seed texts and compare with the reviewed content files, then
// import the corpus of real openings (tests/fixtures/corpus) and compare kind, department, year and region with the
// headers a person wrote.
import { formatCorpus, runCorpus } from '../src/bench/import-corpus.ts';
import { formatBench, runBench } from '../src/bench/import-run.ts';
import { loadRegistries } from '../src/importer/registries.ts';

const seeds = formatBench(runBench('content', 'tests/fixtures/seeds/expected.yaml'), process.argv.includes('--verbose'));
for (const line of seeds.lines) console.log(line);
console.log('');
const corpus = formatCorpus(runCorpus('tests/fixtures/corpus', loadRegistries('content')));
for (const line of corpus.lines) console.log(line);
process.exit(seeds.met && corpus.met ? 0 : 1);
