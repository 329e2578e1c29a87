// npm run check:data [-- --content DIR] [--json FILE] [--all] [--strict]: the arithmetic checks and personal-data
// flags of every report, in the terminal. The build runs the same checks and publishes them at /checks/ and
// /data/checks.json; this lets a web team see them before building. Exit 1 on content errors; with --strict, also
// when any 警告 is found.
import { writeFileSync } from 'node:fs';
import { contentDir, option } from '../src/build/args.ts';
import { prepare } from '../src/dataset/prepare.ts';
import { formatFinding } from '../src/checks/messages.ts';

const argv = process.argv.slice(2);

// prepare() validates, normalizes, checks, and prints the personal-data warnings and the summary.
const prepared = prepare(contentDir(argv), (line) => console.log(line));
if (!prepared.ok || !prepared.dataset?.checks) process.exit(1);
const checks = prepared.dataset.checks;

for (const report of prepared.dataset.reports) {
  const findings = checks.findings.filter((f) => f.report_id === report.id);
  const consistent = checks.consistent.filter((f) => f.report_id === report.id);
  console.log(`\n${report.id}（${report.department}，${report.fiscal_year.value ?? '年度未注明'}，${report.kind}）：${findings.length ? `${findings.length} 处发现` : '没有发现不一致'}，核对一致 ${consistent.length} 项`);
  for (const f of findings) console.log(formatFinding(f));
  if (argv.includes('--all')) for (const f of consistent) console.log(formatFinding(f));
}

const json = option('--json');
if (json) {
  writeFileSync(json, `${JSON.stringify(checks, null, 1)}\n`);
  console.log(`\n核对结果已写入 ${json}`);
}
process.exit(argv.includes('--strict') && checks.counts.warnings > 0 ? 1 : 0);
