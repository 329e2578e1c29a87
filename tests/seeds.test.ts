import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../src/dataset/dataset.ts';
import { KIND_FULL_NAMES } from '../src/views/report-facts.ts';
import { compact } from '../src/text/chars.ts';
import type { Dataset } from '../src/schema/dataset.ts';
import type { Report } from '../src/schema/report.ts';

/**
 * The five seed reports, normalized from content/, hold every figure that tests/fixtures/seeds/expected.yaml
 * (read by hand from the source texts) lists — with the concept and basis that figure was printed under.
 */
const expected = parse(readFileSync('tests/fixtures/seeds/expected.yaml', 'utf8')) as Record<string, Record<string, any>>;

/** expected.yaml's finance keys → the concept and basis the normalized record must give them. */
const FINANCE = parse(readFileSync('tests/fixtures/seeds/finance-keys.yaml', 'utf8')) as Record<string, { concept: string; basis?: string; rate?: true }>;

const key = (s: string) => compact(s).replace(/["“”]/g, '');
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const numbersIn = (s: string) => [...String(s).matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);

let dataset: Dataset;
beforeAll(() => {
  const result = buildDataset('content');
  const errors = result.issues.filter((i) => i.severity === 'error');
  expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
  dataset = result.dataset!;
});

describe.each(Object.entries(expected))('%s', (sourceFile, exp) => {
  let r: Report;
  beforeAll(() => {
    const found = dataset.reports.filter((x) => x.source.file === sourceFile);
    expect(found).toHaveLength(1);
    r = found[0]!;
  });

  it('identity: kind, department, region, year', () => {
    expect(KIND_FULL_NAMES[r.kind]).toBe(exp.doc_type);
    expect(r.department).toBe(exp.department);
    expect(r.region).toMatchObject({ code: exp.region.code, name: exp.region.district, city: { name: exp.region.city }, province: { name: exp.region.province } });
    if (exp.fiscal_year === 'not stated') {
      expect(r.fiscal_year).toMatchObject({ value: null, status: 'not_stated' });
    } else {
      expect(r.fiscal_year).toMatchObject({ value: exp.fiscal_year, status: 'stated' });
    }
    if (exp.filed) expect(r.publication.filed).toBe(exp.filed);
  });

  it('finance figures with their concept and basis', () => {
    for (const [name, value] of Object.entries(exp.finance ?? {})) {
      const want = FINANCE[name];
      expect(want, `no mapping for ${name}`).toBeDefined();
      const pool = want!.rate ? r.rates.map((x) => ({ ...x, v: x.value })) : r.amounts.map((x) => ({ ...x, v: x.value_wan }));
      const hit = pool.find((x) => x.concept === want!.concept && close(x.v, Number(value)) && (!want!.basis || x.basis === want!.basis));
      expect(hit, `${name} = ${value} (${want!.concept} ${want!.basis ?? ''})`).toBeDefined();
      expect(hit!.provenance.line).toBeGreaterThan(0);
    }
  });

  it('self-evaluation score and its modules', () => {
    if (!('self_evaluation_score' in exp)) return;
    expect(r.score.total).toBe(exp.self_evaluation_score === 'not stated' ? null : exp.self_evaluation_score);
    for (const [name, score] of Object.entries(exp.score_breakdown ?? {})) {
      expect(r.score.modules.find((m) => m.name === name)?.score, name).toBe(score);
    }
  });

  it('tasks with their funds', () => {
    const lists = [exp.tasks_with_funds, exp.key_tasks_with_funds, exp.other_tasks_with_funds].filter(Boolean);
    for (const list of lists) {
      for (const [name, funds] of Object.entries(list as Record<string, number>)) {
        const task = r.tasks.find((t) => key(t.name) === key(name));
        expect(task, name).toBeDefined();
        expect(task!.funds?.value_wan, name).toBeCloseTo(Number(funds), 9);
      }
    }
    if (exp.other_tasks_with_funds) expect(r.tasks.filter((t) => t.group === '其他任务')).toHaveLength(Object.keys(exp.other_tasks_with_funds).length);
  });

  it('indicators: counts, verbatim targets and results', () => {
    if (exp.key_indicators_count) expect(r.indicators.filter((i) => i.group === '年度关键指标')).toHaveLength(exp.key_indicators_count);
    if (exp.indicators_count) expect(r.indicators.filter((i) => i.group === '绩效指标')).toHaveLength(exp.indicators_count);
    for (const [name, target] of Object.entries(exp.indicators_sample ?? {})) {
      const ind = r.indicators.find((i) => key(i.name) === key(name));
      expect(ind?.target?.text, name).toBe(target);
    }
    for (const [name, result] of Object.entries(exp.indicator_results ?? {})) {
      // The indicator is named in its row, or — where a row holds a longer name — inside its printed result.
      const ind = r.indicators.find((i) => {
        const text = key(i.actual?.text ?? i.target?.text ?? '');
        const named = [i.name, i.row].some((n) => n && key(n) === key(name)) || text.includes(key(name));
        return named && text.includes(key(String(result)));
      });
      expect(ind, `${name}: ${result}`).toBeDefined();
    }
  });

  it('figures stated in the text', () => {
    const printed = [...r.figures.map((f) => f.printed), ...r.indicators.map((i) => i.actual?.text ?? '')].map(key).join('|');
    for (const [name, value] of Object.entries({ ...exp.counts_in_text })) {
      for (const n of numbersIn(String(value))) expect(printed, `${name}: ${n}`).toContain(n);
    }
    for (const group of [exp.staffing, exp.vehicles]) {
      for (const [name, value] of Object.entries(group ?? {})) {
        expect(r.figures.some((f) => f.value === value && (name === 'total' || key(f.label).includes(key(name)))), `${name} ${value}`).toBe(true);
      }
    }
    for (const [name, yi] of Object.entries(exp.amounts_in_yi_yuan ?? {})) {
      const f = r.figures.find((x) => x.unit === '亿元' && x.value === yi);
      expect(f, `${name} ${yi}亿元`).toBeDefined();
      expect(f!.value_wan).toBeCloseTo(Number(yi) * 10000, 6);
    }
  });

  it('problems and measures', () => {
    if (exp.problems_count) expect(r.problems).toHaveLength(exp.problems_count);
    if (exp.measures_count) expect(r.measures).toHaveLength(exp.measures_count);
    if (exp.problems_and_measures) expect(r.problems.length + r.measures.length).toBeGreaterThan(0);
  });
});

it('the stated execution rates agree with the rates recomputed from the amounts on the same basis', () => {
  const byId = (id: string) => dataset.reports.find((r) => r.id === id)!;
  const rate = (id: string, basis: string) => byId(id).rates.find((x) => x.concept === 'execution_rate' && x.basis === basis)!;
  expect(rate('guangzhou-baiyun-wsjkj-2023-zpb', '全口径').recomputed!.value).toBeCloseTo(99.14, 2);
  expect(rate('guangzhou-baiyun-wsjkj-2023-zpb', '一般公共预算').recomputed!.value).toBeCloseTo(99.04, 2);
  expect(rate('guangzhou-huadu-wsjkj-2023-zpbg', '财政拨款').recomputed!.value).toBeCloseTo(98.22, 2);
  const liwan = rate('guangzhou-liwan-wsjkj-2022-zpbg', '全口径').recomputed!;
  expect(liwan.denominator.concept).toBe('income');
  expect(Math.round(liwan.value)).toBe(99);
});
