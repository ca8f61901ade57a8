import type PgModule from 'pg'

import { pg } from './pg.ts'

const TIMESTAMPTZ = 1184 // pg.types.builtins.TIMESTAMPTZ, PostgreSQL's fixed OID
const parseAsDate = (text: string) => (pg().types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date | number | null)(text)

/** What a UTC session prints in the default DateStyle: `2026-12-01 14:43:03.123+00`. */
const UTC_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\+00$/

/**
 * A `timestamptz` column's text, as PostgreSQL sends it, straight to `toISOString()`'s form.
 *
 * Why not node-postgres's default: it parses the text into a Date with a regular expression,
 * and Latchkey turns every Date straight back into ISO text. On a 100-session list that round
 * trip was a tenth of the server's CPU. In a session whose time zone is UTC (set on every
 * connection, see `useUtc`), with the default DateStyle, the text is `2026-12-01 14:43:03.123+00`
 * (fraction 0 to 6 digits): only separators and the fraction's length change, and the fraction
 * is cut to milliseconds as the Date was. Anything else (another time zone, another DateStyle,
 * a year past 9999) goes through the default parser.
 */
export const timestamptzToIso = (text: string): string => {
  if (UTC_TEXT.test(text)) {
    // Positions are fixed: date 0-9, time 11-18, then '+00' or a fraction from 20 and '+00'.
    const fraction = text.length === 22 ? '000' : `${text.slice(20, -3)}00`.slice(0, 3)
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`
  }
  const parsed = parseAsDate(text)
  return parsed instanceof Date ? parsed.toISOString() : text
}

/** Type parsers for a pool: `timestamptz` as ISO text, everything else as node-postgres does. */
export const latchkeyTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? timestamptzToIso
      : (pg().types.getTypeParser(oid, format) as unknown)) as typeof PgModule.types.getTypeParser,
}

/**
 * Every connection's session time zone is UTC, so timestamps come back in the form
 * `timestamptzToIso` reads at once (applied by session-settings.ts). Nothing in Latchkey's SQL
 * depends on the session's time zone; a connection where it failed keeps the server's own zone,
 * which the fallback parser reads.
 */
export const UTC_SESSION = "SET TIME ZONE 'UTC'"
