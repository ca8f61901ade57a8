import { invalidField } from '../contract/api-error.ts'
import { z } from 'zod'

import type { Page, PageAfter, PageRequest } from '../store/records.ts'

/**
 * Opaque keyset cursors: the (created_at, id) of the last row served. Unlike offsets they stay
 * correct while sessions are created or deleted between pages, and cost one index seek at any depth.
 */
export const encodeCursor = (after: PageAfter): string => Buffer.from(JSON.stringify([after.createdAt, after.id])).toString('base64url')

/**
 * A cursor's time: an ISO 8601 time with its zone, within years 0001 to 9999 UTC. Both databases
 * store that range (PostgreSQL's timestamptz has no year 0 and prints years past 9999 in a form
 * of its own), and every row's created_at is in it. A Date reaches much further (+275760-09-13):
 * such a time in a cursor would reach the database and fail there, a 500.
 */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/

/** Every row a list pages through has a `randomUUID()` id, in its lowercase form. */
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The time in `toISOString()`'s form (what the stores compare with), or undefined when out of range. */
const cursorTime = (value: string): string | undefined => {
  if (!CURSOR_TIME.test(value)) return undefined
  const parsed = new Date(value)
  const year = parsed.getUTCFullYear()
  // NaN (an impossible time such as 25:00) fails both comparisons.
  return year >= 1 && year <= 9999 ? parsed.toISOString() : undefined
}

const NOT_ISSUED = 'page_cursor is not a cursor this server issued'

/**
 * The position a cursor holds, checked whole before it reaches any SQL: a time both databases
 * store and an id of the form ids have. A cursor that fails is the client's error,
 * `400 invalid_input`, on every store alike.
 */
export const decodeCursor = (cursor: string): PageAfter => {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidField('page_cursor', NOT_ISSUED)
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw invalidField('page_cursor', NOT_ISSUED)
  }
  const [time, id] = value as [string, string]
  const createdAt = cursorTime(time)
  if (createdAt === undefined) {
    throw invalidField('page_cursor', `${NOT_ISSUED}: its time must be an ISO 8601 time within the years 0001 to 9999 (UTC)`)
  }
  if (!CURSOR_ID.test(id)) throw invalidField('page_cursor', `${NOT_ISSUED}: its id is not an id`)
  return { createdAt, id }
}

/** The paging parameters every list accepts. */
export const pageParams = {
  limit: z.number().int().min(1).max(10_000).default(500),
  page_cursor: z.string().min(1).max(512).optional(),
}

export const pageRequest = (params: { limit: number; page_cursor?: string | undefined }): PageRequest => ({
  limit: params.limit,
  after: params.page_cursor === undefined ? undefined : decodeCursor(params.page_cursor),
})

/**
 * Seam's `pagination` object for a page, its cursor pointing after the page's last row and its URL
 * the same request with that cursor (the handler's `nextPageUrl`); both null on the last page.
 */
export const paginationOf = <T>(page: Page<T>, positionOf: (item: T) => PageAfter, nextPageUrl: (cursor: string) => string) => {
  const last = page.items.at(-1)
  const cursor = page.hasNextPage && last !== undefined ? encodeCursor(positionOf(last)) : null
  return {
    has_next_page: page.hasNextPage,
    next_page_cursor: cursor,
    next_page_url: cursor === null ? null : nextPageUrl(cursor),
  }
}
