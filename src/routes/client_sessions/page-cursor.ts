import { invalidField } from '../../contract/api-error.ts'
import type { PageAfter } from '../../store/records.ts'

/**
 * Opaque keyset cursors: the (created_at, id) of the last row served. Unlike offsets they stay
 * correct while sessions are created or deleted between pages, and cost one index seek at any depth.
 */
export const encodeCursor = (after: PageAfter): string =>
  Buffer.from(JSON.stringify([after.createdAt, after.clientSessionId])).toString('base64url')

export const decodeCursor = (cursor: string): PageAfter => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const createdAt = new Date(value[0])
      if (!Number.isNaN(createdAt.getTime())) return { createdAt: createdAt.toISOString(), clientSessionId: value[1] }
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('page_cursor', 'page_cursor is not a cursor this server issued')
}
