/**
 * The moment this build was made, once per build: the generation date shown with downloads and used as the
 * default access date of citations. SOURCE_DATE_EPOCH (seconds), when set, makes builds reproducible.
 * Dates are written in China Standard Time, the time the publishing sites keep.
 */
let cached: Date | undefined;

export function buildTime(): Date {
  if (cached) return cached;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  cached = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return cached;
}

/** Made once: creating an Intl.DateTimeFormat costs far more than formatting (every report page cites the date). */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD in Asia/Shanghai. */
export function isoDate(d: Date = buildTime()): string {
  return SHANGHAI_DATE.format(d);
}

/** RFC 3339 date-time in UTC, as Atom and the data package write it. */
export function isoDateTime(d: Date = buildTime()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
