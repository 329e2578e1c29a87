/**
 * What a comparison chart draws: every row while they fit (CHART_BARS bars), else the highest and the lowest of each
 * group — a chart of hundreds of bars shows nothing a reader can take in; the table under it lists every row. The
 * same rule trims a province-wide view's table to its extremes on the server (src/views/compare-page.ts) and picks
 * the bars in the browser from the rows a reader chose (src/client/bar-charts.ts). Pure, no DOM.
 */
export const CHART_BARS = 40;

/** How many of the highest and of the lowest of each group a chart of `groups` groups keeps: at least one. */
export function perGroup(groups: number, max = CHART_BARS): number {
  return Math.max(1, Math.floor(max / 2 / Math.max(1, groups)));
}

/** Positions of the k highest and k lowest values (every position when there are no more than 2k values). */
export function extremes(values: readonly number[], k: number): Set<number> {
  const order = values.map((_, i) => i);
  if (values.length <= 2 * k) return new Set(order);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  return new Set([...order.slice(0, k), ...order.slice(-k)]);
}

/**
 * The rows a chart draws, in their given order: all of them when there are at most `max`; else, in each group, the
 * k highest and k lowest values (perGroup). `omitted` counts the rows left to the table.
 */
export function chartRows<T extends { value: number; group: string }>(rows: readonly T[], max = CHART_BARS): { rows: T[]; omitted: number; k: number | null } {
  if (rows.length <= max) return { rows: [...rows], omitted: 0, k: null };
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => (groups.get(r.group) ?? groups.set(r.group, []).get(r.group)!).push(i));
  const k = perGroup(groups.size, max);
  const keep = new Set<number>();
  for (const positions of groups.values()) {
    for (const j of extremes(positions.map((i) => rows[i]!.value), k)) keep.add(positions[j]!);
  }
  const kept = rows.filter((_, i) => keep.has(i));
  return { rows: kept, omitted: rows.length - kept.length, k };
}

/** 「图中画出每组最高和最低的 20 项（共 120 项中的 40 项）；全部数值见下表。」 */
export function chartNote(shown: number, total: number, k: number | null): string {
  if (k === null || shown === total) return '';
  return `图中画出每组最高和最低的 ${k} 项（共 ${total} 项中的 ${shown} 项）；全部数值见下表。`;
}
