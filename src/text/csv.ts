/**
 * CSV as RFC 4180 writes it — comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled — in UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly.
 * A missing value (null) is an empty cell; numbers are written in full, never grouped or rounded.
 */
export const BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? numberText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`CSV 中不能写入非有限数 ${n}`);
  return String(n);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [...csvChunks(header, rows)].join('');
}

/**
 * The same CSV in pieces of `per` rows, joined byte for byte as toCsv writes it: a province's tables (140 MB of
 * tasks at 25,000 reports) are written without ever being one string, and each row's cells live only while its piece
 * is made. `rows` may be an iterable that makes the cells of each row as it is read.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly Cell[]>, per = 1000): Generator<string> {
  let n = 1;
  const line = (row: readonly Cell[]) => {
    n++;
    if (row.length !== header.length) throw new Error(`第 ${n} 行有 ${row.length} 列，表头有 ${header.length} 列`);
    return row.map(csvField).join(',');
  };
  yield `${BOM}${header.map(csvField).join(',')}\r\n`;
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(line(row));
    if (batch.length === per) {
      yield `${batch.join('\r\n')}\r\n`;
      batch = [];
    }
  }
  if (batch.length) yield `${batch.join('\r\n')}\r\n`;
}

/**
 * Reads RFC 4180 CSV (the BOM, if any, removed) into rows of strings. Strict: a quote inside an unquoted field or
 * an unclosed quoted field is an error rather than a guess, so that tests catch a broken writer.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
    quoted = false;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new Error(`CSV 第 ${rows.length + 1} 行：引号后应为逗号或换行`);
        atFieldStart = false;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (!atFieldStart) throw new Error(`CSV 第 ${rows.length + 1} 行：未加引号的字段中出现引号`);
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new Error('CSV 结尾处有未闭合的引号');
  if (!atFieldStart || field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
