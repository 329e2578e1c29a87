// The phone measurements are shared with the phone benchmark (npm run bench:phone), so they live in src/bench/.
export { checkOnPhone, labelMismatches, MIN_TARGET, narrowCells, openFolds, openOnPhone, pageHeight, pageOverflow, PHONE, REPORT_HEIGHT_BUDGET, smallTargets } from '../../src/bench/phone.ts';
