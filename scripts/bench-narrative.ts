// npm run bench:narrative [-- --sizes 400000,2000000] [--runs N]: the cost of one long narrative. Copies content/
// to a temporary directory, grows one report's narrative to each size by repeating the seeds' own narrative
// paragraphs, builds it, and prints wall and CPU time (the build and everything it starts, Pagefind included) and
// the ratio of each size to the smallest. The target: 2,000,000 characters in at most 5× the time of 400,000.
import { option } from '../src/build/args.ts';
import { narrativeBench } from '../src/bench/narrative.ts';

const sizes = (option('--sizes') ?? '400000,2000000').split(',').map((v) => Number(v.replace(/[_,]/g, '')));
const runs = Number(option('--runs') ?? 2);
await narrativeBench(sizes, runs, (line) => console.log(line));
