// Which pages of the province-sized test build the browser tests look at: shared with the phone benchmark
// (npm run bench:phone), so the picking lives in src/bench/phone.ts.
export { provinceEmbeds, provincePages } from '../../src/bench/phone.ts';
