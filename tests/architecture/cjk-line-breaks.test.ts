import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A line break inside Chinese running text in a template becomes a space in the page: browsers do not drop a
 * segment break between two Chinese characters (CSS Text 4 says they may; Chromium does not), so 「相比，⏎乡镇政府」
 * reads 「相比， 乡镇政府」. Template text that continues on the next line must be joined.
 */
const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const ENDS_IN_CJK = new RegExp(`${CJK}$`);
const GOES_ON = new RegExp(`^(?:${CJK}|<(?:a|strong|code|abbr|span|em|b)[\\s>]|\\{[^}]*\\}${CJK})`);

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? astroFiles(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : []));
}

/** Lines of a template (after its front matter, outside script and style) whose Chinese text runs on into the next. */
function brokenLines(source: string): number[] {
  const lines = source.split('\n');
  let start = 0;
  if (lines[0] === '---') start = lines.indexOf('---', 1) + 1;
  const found: number[] = [];
  let code = false;
  for (let i = start; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (/<(script|style)\b/.test(line)) code = true;
    if (/<\/(script|style)>/.test(line)) code = false;
    if (!code && !line.trim().startsWith('//') && ENDS_IN_CJK.test(line.trimEnd()) && GOES_ON.test(lines[i + 1]!.trim())) found.push(i + 1);
  }
  return found;
}

describe('Chinese text in templates', () => {
  it('finds a break inside a sentence, and not one between a sentence and markup', () => {
    expect(brokenLines('<p>\n  不与二级单位相比，\n  乡镇政府也各自成组。\n</p>')).toEqual([2]);
    expect(brokenLines('<p>\n  见下表，\n  <a href="x">链接</a>。\n</p>')).toEqual([2]);
    expect(brokenLines('<p>\n  全部文字在一行。\n</p>\n<ul>')).toEqual([]);
  });

  it('no page template breaks a line inside Chinese running text (it would show as a space)', () => {
    const broken = astroFiles('src').flatMap((f) => brokenLines(readFileSync(f, 'utf8')).map((n) => `${f}:${n}`));
    expect(broken).toEqual([]);
  });
});
