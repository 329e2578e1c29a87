import { createHash } from 'node:crypto';

/**
 * A download's content: a string, or — for a file that outgrows one string — the pieces it is made of. reports.json
 * holds every record: at 25,000 reports it is more than V8's longest string (about 512 million characters), so it is
 * only ever handled in pieces: hashed piece by piece for datapackage.json, and streamed to the file.
 */
export type Body = string | { readonly chunks: () => Iterable<string> };

/**
 * A body written when it is asked for, and dropped again: a province's per-report JSON files (and the CSV tables,
 * made in pieces by tableCsvChunks) would otherwise stay in the heap from the moment the downloads are listed until
 * Astro has written the last page — about 0.6 GB at 10,000 reports, 56 MB of the 59 MB the downloads held at
 * 1,000. It is made twice: once for its size and hash in datapackage.json, once for the file.
 */
export const lazyBody = (make: () => string): Body => ({ chunks: () => [make()] });

export const pieces = (body: Body): Iterable<string> => (typeof body === 'string' ? [body] : body.chunks());

const stats = new WeakMap<object, { bytes: number; sha256: string }>();

/** Size in bytes (UTF-8) and sha256 of a body, computed once per body. */
export function bodyStats(body: Body): { bytes: number; sha256: string } {
  const known = typeof body === 'object' ? stats.get(body) : undefined;
  if (known) return known;
  const hash = createHash('sha256');
  let bytes = 0;
  for (const piece of pieces(body)) {
    hash.update(piece, 'utf8');
    bytes += Buffer.byteLength(piece, 'utf8');
  }
  const result = { bytes, sha256: hash.digest('hex') };
  if (typeof body === 'object') stats.set(body, result);
  return result;
}

/** Size in bytes (UTF-8): of a string directly, of pieces as counted with their hash. */
export const bodyBytes = (body: Body): number => (typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : bodyStats(body).bytes);

/** The whole body as one string: for the small files, and for tests. */
export const bodyText = (body: Body): string => (typeof body === 'string' ? body : [...body.chunks()].join(''));

/** The body as a response body: a string as it is, pieces as a stream pulled one piece at a time. */
export function responseBody(body: Body): string | ReadableStream<Uint8Array> {
  if (typeof body === 'string') return body;
  const it = body.chunks()[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/**
 * JSON.stringify(value, null, indent) + "\n", byte for byte, in pieces: the top two levels are written here (the
 * dataset's keys, and each item of its lists), everything deeper by JSON.stringify, one piece per item.
 */
export function* prettyJsonChunks(value: unknown, depth = 0, split = 2, indent = '  '): Generator<string> {
  const pad = indent.repeat(depth);
  const inner = `${pad}${indent}`;
  const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  if (depth >= split || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const s = JSON.stringify(value, null, indent);
    yield depth ? s.replaceAll('\n', `\n${pad}`) : s;
  } else if (Array.isArray(value)) {
    if (!value.length) yield '[]';
    else {
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield `${i ? ',' : ''}\n${inner}`;
        if (skipped(value[i])) yield 'null';
        else yield* prettyJsonChunks(value[i], depth + 1, split, indent);
      }
      yield `\n${pad}]`;
    }
  } else {
    const entries = Object.entries(value).filter(([, v]) => !skipped(v));
    if (!entries.length) yield '{}';
    else {
      yield '{';
      for (const [i, [k, v]] of entries.entries()) {
        yield `${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `;
        yield* prettyJsonChunks(v, depth + 1, split, indent);
      }
      yield `\n${pad}}`;
    }
  }
  if (depth === 0) yield '\n';
}
