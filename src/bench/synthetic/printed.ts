/**
 * How synthetic documents print things: amounts and rates in the forms real disclosures use, phrase-bank templates
 * filled in, paragraphs broken into lines as PDF text extraction breaks them, and front matter as YAML.
 */
import type { Rng } from './random.ts';

/** Hundredths (分 of 万元) → 「353,514.91」 or 「353514.91」. */
export function money(cents: number, grouped: boolean): string {
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  const w = grouped ? whole.toLocaleString('en-US') : String(whole);
  return `${w}.${frac}`;
}

/** A rate in hundredths of a percent → 「99.14%」. */
export function pct(hundredths: number): string {
  return `${(hundredths / 100).toFixed(2)}%`;
}

export interface Ctx {
  district: string;
  city: string;
  year: number | null;
}

/** Fills a phrase-bank template (slots described in text-bank.ts). */
export function fill(template: string, rng: Rng, ctx: Ctx): string {
  return template.replace(/\{([A-Za-z]+)(?::(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?))?\}/g, (_, slot: string, a?: string, b?: string) => {
    const lo = Number(a);
    const hi = Number(b);
    switch (slot) {
      case 'D':
        return ctx.district;
      case 'C':
        return ctx.city;
      case 'Y':
        return ctx.year === null ? '本年' : `${ctx.year}年`;
      case 'i':
        return String(rng.int(lo, hi));
      case 'd':
        return rng.float(lo, hi).toFixed(1);
      case 'p':
        return pct(rng.int(lo * 100, hi * 100));
      case 'w':
        return money(rng.int(lo * 100, hi * 100), false);
      default:
        throw new Error(`unknown slot ${slot}`);
    }
  });
}

/** Breaks a paragraph into lines of about 40 characters, as PDF text extraction does. */
export function wrap(text: string, rng: Rng): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 46) {
    const n = rng.int(36, 44);
    lines.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  if (rest) lines.push(rest);
  return lines;
}

/** A tiny YAML emitter: every scalar double-quoted (JSON strings are valid YAML), so printed forms survive. */
export type YamlValue = string | number | YamlValue[] | { [k: string]: YamlValue | undefined };

export function yamlLines(obj: { [k: string]: YamlValue | undefined }, pad = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (!v.length) {
        out.push(`${pad}${k}: []`);
        continue;
      }
      out.push(`${pad}${k}:`);
      for (const item of v) {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          const inner = yamlLines(item, `${pad}    `);
          inner[0] = `${pad}  - ${inner[0]!.slice(pad.length + 4)}`;
          out.push(...inner);
        } else {
          out.push(`${pad}  - ${scalar(item as string | number)}`);
        }
      }
    } else if (typeof v === 'object') {
      out.push(`${pad}${k}:`);
      out.push(...yamlLines(v, `${pad}  `));
    } else {
      out.push(`${pad}${k}: ${scalar(v)}`);
    }
  }
  return out;
}

const scalar = (v: string | number) => (typeof v === 'number' ? String(v) : JSON.stringify(v));
