import type { Checks, Consistent, Finding, PersonalDataFlag } from '../schema/check.ts';

/** How check results read in a terminal: during the build (a summary and personal-data warnings) and in check:data. */

export function formatPersonalData(flag: PersonalDataFlag, contentDir = 'content'): string {
  const where = flag.where === 'source' ? `${contentDir}/sources/${flag.file}:${flag.line}` : `${flag.file}（字段 ${flag.field}）`;
  return [
    `! 个人信息（${flag.severity}）  ${where}`,
    `    ${flag.kind_name}「${flag.masked}」：${flag.context}`,
    `    ${flag.where === 'source' ? '原文文本会逐行公开在网站上' : '这段文字会显示在报告页上'}；发布前请核查是否应当遮盖（报告：${flag.report_ids.join('、')}）。`,
  ].join('\n');
}

export function formatFinding(f: Finding | Consistent): string {
  const head = 'severity' in f ? `${f.severity === '警告' ? '! 警告' : '· 提示'}` : '✓ 一致';
  const lines = [`${head}  ${f.report_id}  #check-${f.id}  ${f.title}`];
  if ('severity' in f) {
    lines.push(`    算式：${f.formula}`);
    if (f.tolerance) lines.push(`    容差：±${Number(f.tolerance.value.toPrecision(3))} ${f.tolerance.unit}（${f.tolerance.basis}）`);
    lines.push(`    ${f.explanation}`);
    for (const q of f.quotes) lines.push(`    原文${q.line ? `第 ${q.line} 行` : ''}：「${q.quote.length > 90 ? `${q.quote.slice(0, 88)}…` : q.quote}」`);
  }
  return lines.join('\n');
}

export function summaryLine(checks: Checks): string {
  const c = checks.counts;
  const found = c.findings ? `发现 ${c.warnings} 处警告、${c.notices} 处提示` : '没有发现不一致';
  const personal = c.personal_data ? `；个人信息提示 ${c.personal_data} 处（见上方，不影响构建）` : '';
  return `数据核对：${c.reports} 份报告，核对一致 ${c.consistent} 项，${found}${personal}。详见 /checks/ 页面或 npm run check:data。`;
}
