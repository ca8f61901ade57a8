import { z } from 'zod'

import { userIdentifierKey } from '../contract/fields.ts'
import type { AppContext } from '../domain/context.ts'
import type { ListFilter } from '../store/records.ts'

/**
 * A filter Seam gives in two forms, one value and a list (`device_id` and `device_ids`, …): both
 * are AND-ed like every other filter, so a row must match each one given.
 */
export const oneAndMany = (one: string | undefined, many: string[] | undefined): string[] | undefined => {
  if (one === undefined) return many
  if (many === undefined) return [one]
  return many.includes(one) ? [one] : []
}

/** Seam's filters common to the scoped lists, with Seam's meaning. */
export const listFilterParams = {
  /** Only what the client session this key holds may reach. */
  user_identifier_key: userIdentifierKey().optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
  /** Only what belongs to the customer: webviews created for it, the accounts they connected, and what those hold. */
  customer_key: z.string().min(1).max(255).optional(),
  search: z.string().min(1).max(255).optional(),
}

interface ListFilterInput {
  user_identifier_key?: string | undefined
  created_before?: string | undefined
  customer_key?: string | undefined
  search?: string | undefined
}

/**
 * The common filters as the store takes them. A `user_identifier_key` narrows to the scope of the
 * live client session that holds it; a key whose session is revoked, or that has none, reaches
 * nothing (as a client session for it would see nothing).
 */
export const readListFilter = async ({ store }: AppContext, workspaceId: string, params: ListFilterInput): Promise<ListFilter> => {
  const filter: ListFilter = {}
  if (params.user_identifier_key !== undefined) {
    const session = await store.getClientSessionByUserKey(workspaceId, params.user_identifier_key)
    filter.withinSessionId = session !== undefined && session.revokedAt === null ? session.clientSessionId : null
  }
  if (params.created_before !== undefined) filter.createdBefore = new Date(params.created_before).toISOString()
  if (params.search !== undefined) filter.search = params.search
  if (params.customer_key !== undefined) filter.customerKey = params.customer_key
  return filter
}
