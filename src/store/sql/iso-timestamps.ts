/** `toISOString()`'s form, the one Latchkey writes: 2026-12-01T14:43:03.123Z. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * One output form for timestamps. SQLite hands back the ISO text Latchkey wrote and PostgreSQL
 * the same form (postgres/timestamps.ts), both kept as they are; anything else (a Date, another
 * ISO form) is normalised.
 */
export const toIso = (value: Date | string): string =>
  typeof value === 'string' && CANONICAL_ISO.test(value) ? value : (value instanceof Date ? value : new Date(value)).toISOString()
export const toIsoOrNull = (value: Date | string | null): string | null => (value === null ? null : toIso(value))
