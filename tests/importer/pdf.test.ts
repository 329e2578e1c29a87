import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/importer/import-command.ts';
import { pdfToText } from '../../src/importer/pdf-text.ts';
import { buildDataset } from '../../src/dataset/dataset.ts';
import { launch } from '../support/browser.ts';

/**
 * PDFs made here in Chromium from Chinese HTML, as a government site would publish them: a text layer with page
 * numbers in the footer and paragraphs wrapped at the page width, tables flattened by the PDF reader — and one
 * made from a screenshot, as a scan has no text layer.
 */
const STYLE = `<style>body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;font-size:14px;line-height:1.8}
td,th{border:1px solid #000;padding:4px 18px}table{border-collapse:collapse}h1{font-size:20px;text-align:center}</style>`;

const REPORT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${STYLE}</head><body>
<h1>广州市白云区卫生健康局2024年度部门整体支出绩效自评报告</h1>
<p>一、部门基本情况</p>
<p>（一）部门职能</p>
<p>广州市白云区卫生健康局是区政府工作部门，主要职责是贯彻执行国家和省、市卫生健康工作法律法规和方针政策，统筹规划卫生健康资源配置，组织实施推进卫生健康基本公共服务均等化、普惠化、便捷化等政策措施。</p>
<p>（二）部门整体收支情况</p>
<p>广州市白云区卫生健康局本年收入 １２，３４５．６７万元，本年支出 12,000.00万元，总体支出进度 97.2%，全年重点工作任务均已完成。</p>
<p style="page-break-before:always">二、综合评价分析</p>
<p>（一）自评结论综述</p>
<p>我部门整体支出绩效自评得分 95.5分。</p>
<p>（二）主要工作成效</p>
<p>迅速建立应急医疗救治指挥体系，共收治患者3754人，区属医院ICU床位从21张增加至157张，接诊能力扩容至6110人次。</p>
<p>三、存在的主要问题</p>
<p>一是部分项目预算执行进度不均衡。二是部分绩效指标设定偏低。</p>
<p>四、下一步改进措施</p>
<p>（一）加强预算执行监控，按月通报支出进度。</p>
<p>（二）科学设定绩效指标，提高指标的可衡量性。</p>
</body></html>`;

const GOALS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${STYLE}</head><body>
<h1>部门整体预算绩效目标申报表</h1>
<table>
<tr><td>部门名称</td><td colspan="4">广州市花都区卫生健康局</td></tr>
<tr><td>预算整体情况</td><td>部门预算支出</td><td>预算金额(万元)</td><td>收入来源</td><td>预算金额(万元)</td></tr>
<tr><td></td><td>基本支出</td><td>55,552.66</td><td>财政拨款</td><td>107,999.43</td></tr>
<tr><td></td><td>项目支出</td><td>42,760.64</td><td>其他资金</td><td>403,641.12</td></tr>
</table>
<table>
<tr><td>年度重点工作任务</td><td>名称</td><td>主要实施内容</td><td>拟投入的资金(万元)</td><td>期望达到的目标（概述）</td></tr>
<tr><td></td><td>结核病防治</td><td>落实结核病防治措施。</td><td>40.00</td><td>降低结核病疫情。</td></tr>
<tr><td>其他需完成的任务（可选填）</td><td>卫生监督抽查</td><td>完成监督检查任务。</td><td>2.11</td><td>提高案件质量。</td></tr>
</table>
<table>
<tr><td></td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>实施周期指标值</td><td>年度指标值</td></tr>
<tr><td>绩效指标</td><td>产出指标</td><td>数量指标</td><td>全血采集量</td><td>22000U</td><td>22000U</td></tr>
<tr><td></td><td></td><td></td><td>结核病发病率</td><td>全年55/10万以下</td><td>全年55/10万以下</td></tr>
<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>临床用血满意度调查</td><td>≥95%</td><td>≥95%</td></tr>
</table></body></html>`;

const TABLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${STYLE}</head><body>
<h1>部门整体支出绩效自评表</h1><p style="text-align:center">（2024年度）</p><p>单位：万元</p>
<table><tr><td>部门名称</td><td colspan="6">广州市荔湾区卫生健康局</td></tr>
<tr><td>项目</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td colspan="7">年度资金总额2456.182456.182456.1810100%10</td></tr>
</table><p>存在问题 一、预算编制不够精细。二、绩效目标设置偏保守。</p><p>改进措施 一、加强预算编制。二、完善绩效目标。</p>
</body></html>`;

/** A whole 自评表 form: merged label cells, cells wrapped and centred vertically, as printed. */
const FORM = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${STYLE}<style>td{vertical-align:middle}table{width:100%}</style></head><body>
<h2 style="text-align:center">部门整体支出绩效自评表</h2><p style="text-align:center">（2024年度）</p><p>单位：万元</p>
<table>
<tr><td>部门名称</td><td colspan="5">广州市荔湾区卫生健康局</td></tr>
<tr><td rowspan="3">部门资金情况</td><td>年度预算数</td><td>12,345.67</td><td>年度支出数</td><td colspan="2">12,000.00</td></tr>
<tr><td>其中：一般公共预算年度预算数</td><td>10,000.00</td><td>其中：一般公共预算年度支出数</td><td colspan="2">9,800.00</td></tr>
<tr><td>预算完成率</td><td colspan="4">97.20%</td></tr>
<tr><td rowspan="2">年度整体目标</td><td colspan="2">年度整体目标</td><td colspan="3">整体目标完成情况</td></tr>
<tr><td colspan="2">一、完善公共卫生体系。二、提升基层医疗服务能力。</td><td colspan="3">全年完成各项重点工作，基层服务能力明显提升。</td></tr>
<tr><td rowspan="3">年度关键指标</td><td>关键指标</td><td colspan="2">预期实现值</td><td colspan="2">指标完成情况</td></tr>
<tr><td>家庭医生签约服务</td><td colspan="2">重点人群签约率达到80%以上。</td><td colspan="2">重点人群签约率为84%，全年签约服务12000人。</td></tr>
<tr><td>新生儿疾病筛查</td><td colspan="2">新生儿遗传代谢性疾病筛查率达到95%以上，听力筛查率达到95%以上。</td><td colspan="2">新生儿遗传代谢性疾病筛查率99.2%。</td></tr>
</table>
<table>
<tr><td>主要任务</td><td>预期目标</td><td>目标完成情况</td><td>关键指标</td><td>指标完成情况</td><td>任务涉及资金</td></tr>
<tr><td>基本公共卫生服务项目</td><td>为常住居民提供基本公共卫生服务，居民健康档案建档率达到90%。</td><td>完成全年基本公共卫生服务任务。</td><td>居民健康档案建档率</td><td>电子健康档案建档率93.10%。</td><td>1,234.56万元</td></tr>
<tr><td>计划生育奖励扶助</td><td>按时足额发放奖励扶助金。</td><td>奖励扶助金已按月足额发放。</td><td>奖励扶助对象</td><td>8620人</td><td>456.78万元</td></tr>
</table>
<table><tr><td>存在问题</td><td>一、预算执行进度不均衡。二、部分绩效目标设定偏低。</td></tr>
<tr><td>改进措施</td><td>一、加强预算执行监控。二、科学设定绩效目标。</td></tr></table>
</body></html>`;

let browser: Browser;
let dir: string;
const pdfs: Record<string, string> = {};

beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'jx-pdf-'));
  const page = await browser.newPage();
  const footer = '<div style="font-size:9px;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>';
  for (const [name, html] of Object.entries({ report: REPORT, goals: GOALS, table: TABLE, form: FORM })) {
    await page.setContent(html);
    pdfs[name] = join(dir, `${name}.pdf`);
    writeFileSync(pdfs[name], await page.pdf({ format: 'A4', displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer, margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } }));
  }
  // A scan: the same report as a picture of the page, with no text behind it.
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.setContent(REPORT);
  const image = (await page.screenshot()).toString('base64');
  await page.setContent(`<html><body style="margin:0"><img src="data:image/png;base64,${image}" style="width:100%"></body></html>`);
  pdfs.scan = join(dir, 'scan.pdf');
  writeFileSync(pdfs.scan, await page.pdf({ format: 'A4' }));
  pdfs.broken = join(dir, 'broken.pdf');
  writeFileSync(pdfs.broken, '%PDF-1.7\n这不是一个完整的 PDF 文件');
  await page.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** A content directory with the project's registries, for importing into and validating. */
function contentDir(): string {
  const c = mkdtempSync(join(tmpdir(), 'jx-pdf-content-'));
  for (const f of ['site.yaml', 'regions.yaml', 'concepts.yaml', 'sectors.yaml', 'indicators.yaml']) cpSync(join('content', f), join(c, f));
  return c;
}

async function importPdf(name: string): Promise<{ code: number; log: string; content: string; draft: string }> {
  const content = contentDir();
  const lines: string[] = [];
  const out = join(content, 'reports', `${name}.md`);
  const code = await runImport({ input: pdfs[name]!, out, force: false, content: 'content' }, (l) => lines.push(l));
  return { code, log: lines.join('\n'), content, draft: existsSync(out) ? readFileSync(out, 'utf8') : '' };
}

describe('importing a PDF with a text layer', () => {
  it('extracts Chinese text with characters, not radicals, and page numbers on lines of their own', async () => {
    const { text, pages } = await pdfToText(new Uint8Array(readFileSync(pdfs.report!)));
    expect(pages).toBe(2);
    expect(text).toContain('部门整体支出绩效自评报告');
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(text).toMatch(/^- 1 -$/m);
  });

  it('drafts a 自评报告 that the build validates, with the source text saved beside it', async () => {
    const r = await importPdf('report');
    expect(r.code).toBe(0);
    expect(readdirSync(join(r.content, 'sources'))).toEqual(['report.txt']);
    expect(r.log).toMatch(/写入原文：.*report\.txt（从 PDF 提取的文本/);
    expect(r.draft).toMatch(/department: 广州市白云区卫生健康局/);
    expect(r.draft).toMatch(/region: "440111"/);
    expect(r.draft).toMatch(/fiscal_year: 2024/);
    expect(r.draft).toMatch(/value: "12,345\.67万元"/);
    expect(r.draft).toMatch(/value: "97\.2%"/);
    expect(r.draft).toMatch(/total: "95\.5"/);
    expect(r.draft).toMatch(/value: "3754人"/);
    expect(r.draft).toMatch(/## 四、下一步改进措施/);
    expect(r.draft).not.toMatch(/- 2 -/);
    expect(buildDataset(r.content).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads a 目标申报表 table: finance, tasks with funds, other tasks and the indicator levels', async () => {
    const r = await importPdf('goals');
    expect(r.code).toBe(0);
    expect(r.draft).toMatch(/fiscal_year: 未注明/);
    expect(r.draft).toMatch(/label: 基本支出\n\s+value: "55,552\.66"/);
    expect(r.draft).toMatch(/name: 结核病防治[\s\S]*funds: "40\.00"/);
    expect(r.draft).toMatch(/other_tasks:\n\s+- name: 卫生监督抽查[\s\S]*funds: "2\.11"/);
    expect(r.draft).toMatch(/level1: 满意度指标\n\s+level2: 服务对象满意度指标\n\s+name: 临床用血满意度调查/);
    expect(r.draft).toMatch(/name: 结核病发病率\n\s+target_period: "全年55\/10万以下"/);
    expect(buildDataset(r.content).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads a ruled 自评表 row by row: finance, goal and result, key indicators, tasks with funds and indicators', async () => {
    const r = await importPdf('form');
    expect(r.code).toBe(0);
    expect(r.draft).toMatch(/label: 预算完成率\n\s+value: "97\.20%"\n\s+basis: 全口径/);
    expect(r.draft).toMatch(/overall_result: 全年完成各项重点工作，基层服务能力明显提升。/);
    expect(r.draft).toMatch(/- name: 新生儿疾病筛查\n\s+target: "新生儿遗传代谢性疾病筛查率达到95%以上，听力筛查率达到95%以上。"\n\s+actual: "新生儿遗传代谢性疾病筛查率99\.2%。"/);
    expect(r.draft).toMatch(/- name: 基本公共卫生服务项目\n[\s\S]*?funds: "1,234\.56万元"[\s\S]*?- name: 居民健康档案建档率\n\s+actual: "电子健康档案建档率93\.10%。"/);
    expect(r.draft).toMatch(/- name: 计划生育奖励扶助\n[\s\S]*?funds: "456\.78万元"/);
    expect(r.log).toMatch(/不确定（0 项/);
    expect(buildDataset(r.content).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('splits a run-together row of a 自评表 by its headers', async () => {
    const r = await importPdf('table');
    expect(r.code).toBe(0);
    expect(r.draft).toMatch(/核对：原文数字连在一起，已按表头（年初预算数、全年预算数、全年执行数、分值、执行率、得分）拆分：2456\.18 \| 2456\.18 \| 2456\.18 \| 10 \| 100% \| 10/);
    expect(buildDataset(r.content).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('PDFs that cannot be imported', () => {
  it('a scan without a text layer gets a clear message and no file', async () => {
    const r = await importPdf('scan');
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/scan\.pdf：这个 PDF 没有文字层.*扫描件.*OCR.*没有生成草稿/);
    expect(readdirSync(r.content).filter((f) => !f.endsWith('.yaml'))).toEqual([]);
  });

  it('a damaged file gets a clear message and no file', async () => {
    const r = await importPdf('broken');
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/无法读取这个 PDF/);
    expect(readdirSync(r.content).filter((f) => !f.endsWith('.yaml'))).toEqual([]);
  });
});
