/**
 * Splitting a 存在问题 / 改进措施 passage into its items, by the numbering the document prints (一、二、 / 一是 二是 /
 * （一）（二） / 1. 2.). Numbers must follow one another and start a sentence; 「一、」 inside a sentence does not split.
 */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

const STYLES: ((n: number) => string)[] = [
  (n) => `${NUMERALS[n - 1]}、`,
  (n) => `${NUMERALS[n - 1]}是`,
  (n) => `（${NUMERALS[n - 1]}）`,
  (n) => `(${NUMERALS[n - 1]})`,
  (n) => `${n}、`,
  (n) => `${n}.`,
  (n) => `${n}．`,
  (n) => `（${n}）`,
];

const SENTENCE_START = /(?:^|[。；;！？!?]\s*)$/;

export function splitNumbered(text: string): string[] {
  for (const style of STYLES) {
    const starts: number[] = [];
    let from = 0;
    for (let n = 1; n <= NUMERALS.length; n++) {
      const marker = style(n);
      let at = text.indexOf(marker, from);
      while (at >= 0 && !SENTENCE_START.test(text.slice(0, at))) at = text.indexOf(marker, at + 1);
      if (at < 0) break;
      if (n === 1 && text.slice(0, at).trim().length > 0 && !/[。；;]\s*$/.test(text.slice(0, at))) break;
      starts.push(at);
      from = at + marker.length;
    }
    if (starts.length >= 2) return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim());
  }
  return [text.trim()];
}

/** Whether a paragraph starts with a number of the kinds above (「(一)」「二是」「3.」). */
export function startsNumbered(text: string): boolean {
  return /^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/.test(text.trim());
}

const PROBLEM = /存在|有待|不够|不足|欠缺|问题|缓慢|不均衡|不到位|不达标|偏低|滞后|薄弱/;
const MEASURE = /^(?:接下来|下一步|今后|下阶段|下一阶段|我局将|我部门将|我单位将|将)|将(?:严格|进一步|继续|加强|持续)/;

/**
 * A section that prints problems and measures together (「存在的问题、原因分析及改进措施」) is read sentence by
 * sentence: sentences that state a shortfall are problems, sentences that say what will be done are measures, and
 * sentences that are neither (「项目实施均按年初绩效目标完成」) are left out.
 */
export function splitProblemsAndMeasures(text: string): { problems: string[]; measures: string[] } {
  const sentences = text.match(/[^。！？!?]+[。！？!?]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  const problems: string[] = [];
  const measures: string[] = [];
  for (const s of sentences) {
    if (MEASURE.test(s)) measures.push(s);
    else if (PROBLEM.test(s)) problems.push(s);
  }
  return { problems, measures };
}
