import { invalidField } from '../contract/api-error.ts'
import { z } from 'zod'

import type { Page, PageAfter, PageRequest } from '../store/records.ts'

/**
 * Opaque keyset cursors: the (created_at, id) of the last row served. Unlike offsets they stay
 * correct while sessions are created or deleted between pages, and cost one index seek at any depth.
 */
export const encodeCursor = (after: PageAfter): string =>
  Buffer.from(JSON.stringify([after.createdAt, after.id])).toString('base64url')

export const decodeCursor = (cursor: string): PageAfter => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const createdAt = new Date(value[0])
      if (!Number.isNaN(createdAt.getTime())) return { createdAt: createdAt.toISOString(), id: value[1] }
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('page_cursor', 'page_cursor is not a cursor this server issued')
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

/** Seam's `pagination` object for a page, its cursor pointing after the page's last row. */
export const paginationOf = <T>(page: Page<T>, positionOf: (item: T) => PageAfter) => {
  const last = page.items.at(-1)
  return {
    has_next_page: page.hasNextPage,
    next_page_cursor: page.hasNextPage && last !== undefined ? encodeCursor(positionOf(last)) : null,
    next_page_url: null,
  }
}
