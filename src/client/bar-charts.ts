/**
 * Draws each comparison chart from its own table: the table is the data (readable without JavaScript, by screen
 * readers and in print), the chart a picture of it. Only the chart.js parts used are registered, so pages without
 * charts load nothing and chart pages stay small.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartDataset } from 'chart.js';
import { chartNote, chartRows } from '../views/chart-rows.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'back';

/**
 * One colour and one pattern per basis: colours keep at least 3:1 against white, and the pattern tells groups
 * apart for readers who do not see the colour difference.
 */
const STYLES: Record<string, { color: string; pattern: PatternKind }> = {
  全口径: { color: '#0b5fa5', pattern: 'solid' },
  财政拨款: { color: '#b9400b', pattern: 'diagonal' },
  一般公共预算: { color: '#0a7a55', pattern: 'dots' },
  政府性基金: { color: '#8e3b7d', pattern: 'cross' },
  国有资本经营预算: { color: '#6b5800', pattern: 'horizontal' },
  其他资金: { color: '#444444', pattern: 'vertical' },
  未注明: { color: '#6d6d6d', pattern: 'back' },
  百分制: { color: '#0b5fa5', pattern: 'solid' },
};

function fill(color: string, kind: PatternKind): string | CanvasPattern {
  if (kind === 'solid') return color;
  const c = document.createElement('canvas');
  c.width = c.height = 10;
  const g = c.getContext('2d')!;
  g.fillStyle = color;
  g.fillRect(0, 0, 10, 10);
  g.strokeStyle = 'rgba(255,255,255,0.85)';
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.lineWidth = 2;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    g.beginPath();
    g.moveTo(x1, y1);
    g.lineTo(x2, y2);
    g.stroke();
  };
  if (kind === 'diagonal' || kind === 'cross') line(0, 10, 10, 0);
  if (kind === 'back' || kind === 'cross') line(0, 0, 10, 10);
  if (kind === 'horizontal') line(0, 5, 10, 5);
  if (kind === 'vertical') line(5, 0, 5, 10);
  if (kind === 'dots') g.fillRect(4, 4, 3, 3);
  return g.createPattern(c, 'repeat') ?? color;
}

interface Row {
  label: string;
  value: number;
  group: string;
  shown: string;
}

/** The rows the table shows; the chart draws them all, or each group's highest and lowest when there are many. */
function rowsOf(table: HTMLTableElement): { rows: Row[]; note: string } {
  const shown = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-value]')]
    .filter((tr) => !tr.hidden)
    .map((tr) => ({ label: tr.dataset.label!, value: Number(tr.dataset.value), group: tr.dataset.group!, shown: tr.dataset.shown! }));
  const drawn = chartRows(shown);
  return { rows: drawn.rows, note: chartNote(drawn.rows.length, shown.length, drawn.k) };
}

function dataOf(rows: Row[]) {
  const groups = [...new Set(rows.map((r) => r.group))];
  const datasets: ChartDataset<'bar', (number | null)[]>[] = groups.map((g) => {
    const style = STYLES[g] ?? STYLES['未注明']!;
    return {
      label: g === '百分制' ? '自评得分' : g === '未注明' ? '口径未注明' : g,
      data: rows.map((r) => (r.group === g ? r.value : null)),
      backgroundColor: fill(style.color, style.pattern),
      borderColor: style.color,
      borderWidth: 1.5,
      skipNull: true,
    };
  });
  // Bars of different bases share the chart only under a visible label naming the basis of each bar.
  // Two lines (district, basis) keep labels readable on a phone.
  const named = (r: Row) => (groups.length > 1 ? [r.label, r.group === '未注明' ? '口径未注明' : r.group] : r.label);
  return { labels: rows.map(named), datasets };
}

function setup(figure: HTMLElement): void {
  const canvas = figure.querySelector('canvas')!;
  const table = figure.querySelector('table')!;
  const box = figure.querySelector<HTMLElement>('.chart-box')!;
  const live = figure.querySelector<HTMLElement>('[data-chart-live]')!;
  const note = figure.querySelector<HTMLElement>('[data-chart-note]');
  const unit = figure.dataset.unit ?? '';
  let rows = rowsOf(table).rows;
  const chart = new Chart(canvas, {
    type: 'bar',
    data: dataOf(rows),
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      // Nothing moves by itself (适老化): no animation.
      animation: false,
      plugins: {
        legend: { display: true, position: 'bottom', labels: { color: '#1a1a1a' } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}：${rows[ctx.dataIndex]?.shown ?? ''}` } },
      },
      scales: {
        x: { beginAtZero: true, title: { display: true, text: unit, color: '#1a1a1a' }, ticks: { color: '#1a1a1a' } },
        y: { ticks: { autoSkip: false, color: '#1a1a1a' } },
      },
    },
  });
  let active = -1;
  const show = (i: number) => {
    if (!rows.length) {
      live.textContent = '所选地区在这一指标下都没有数值（收录的文件没有写，或本站未收录其文件），图中没有数值。';
      return;
    }
    active = (i + rows.length) % rows.length;
    const dataset = chart.data.datasets.findIndex((d) => d.data[active] !== null);
    chart.setActiveElements([{ datasetIndex: dataset, index: active }]);
    chart.tooltip?.setActiveElements([{ datasetIndex: dataset, index: active }], { x: 0, y: 0 });
    chart.update();
    live.textContent = `${rows[active]!.label}（${rows[active]!.group}）：${rows[active]!.shown}`;
  };
  // Keyboard: the chart takes focus; arrow keys step through the bars and each value is announced.
  canvas.addEventListener('keydown', (e) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (e.key in step) {
      e.preventDefault();
      show(active < 0 ? 0 : active + step[e.key]!);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      show(e.key === 'Home' ? 0 : rows.length - 1);
    }
  });
  canvas.addEventListener('focus', () => active < 0 && show(0));
  canvas.addEventListener('blur', () => {
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  });
  const render = () => {
    const drawn = rowsOf(table);
    rows = drawn.rows;
    if (note) note.textContent = drawn.note;
    box.dataset.bars = String(Math.min(40, Math.max(1, rows.length)));
    chart.data = dataOf(rows);
    chart.update();
    active = -1;
    canvas.dataset.values = JSON.stringify(rows.map((r) => [r.label, r.value]));
  };
  figure.addEventListener('jx:update', render);
  render();
  figure.dataset.drawn = 'true';
}

export function initCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) setup(figure);
}
