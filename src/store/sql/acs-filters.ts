import { type Expression, type SqlBool, sql } from 'kysely'

import type { AcsFilter, Scope } from '../records.ts'
import { credentialsOpening, entrancesOpenedBy, entrancesReachedBy } from './acs-reach.ts'
import { searchExpression } from './list-filter.ts'
import { inScope, type ScopedResource } from './scope.ts'

type Narrowable<Q> = { where(expression: Expression<SqlBool>): Q }

/** The acs resources a list may be of, each with its id column and the columns `search` looks at. */
const COLUMNS = {
  acs_system: { id: 'acs_system_id', search: ['acs_system_id', 'name'] },
  acs_user: { id: 'acs_user_id', search: ['acs_user_id', 'full_name', 'email_address', 'phone_number'] },
  acs_access_group: { id: 'acs_access_group_id', search: ['acs_access_group_id', 'name'] },
  acs_entrance: { id: 'acs_entrance_id', search: ['acs_entrance_id', 'display_name'] },
  acs_credential: { id: 'acs_credential_id', search: ['acs_credential_id', 'display_name', 'code', 'card_number'] },
} as const

export type AcsListed = keyof typeof COLUMNS

const identityWith = (column: 'email_address' | 'phone_number', value: string, workspaceId: string) =>
  sql`SELECT ui.user_identity_id FROM user_identities ui WHERE ui.workspace_id = ${workspaceId} AND ui.${sql.ref(column)} = ${value}`

/**
 * The caller's scope and the filter given, on one acs resource's table (whose columns are
 * unqualified in the query). A filter that does not apply to the resource is a caller's bug.
 */
export const narrowAcs = <Q extends Narrowable<Q>>(query: Q, resource: AcsListed, scope: Scope, filter: AcsFilter): Q => {
  let q = inScope(query, resource as ScopedResource, scope)
  const where = (e: Expression<SqlBool>) => {
    q = q.where(e)
  }
  const { id, search } = COLUMNS[resource]
  const w = scope.workspaceId
  if (filter.ids !== undefined)
    where(filter.ids.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`${sql.ref(id)} IN (${sql.join(filter.ids)})`)
  if (filter.acsSystemId !== undefined) where(sql<SqlBool>`acs_system_id = ${filter.acsSystemId}`)
  if (filter.connectedAccountId !== undefined) where(sql<SqlBool>`connected_account_id = ${filter.connectedAccountId}`)
  if (filter.customerKey !== undefined)
    where(
      sql<SqlBool>`connected_account_id IN (SELECT ca.connected_account_id FROM connected_accounts ca WHERE ca.workspace_id = ${w} AND ca.customer_key = ${filter.customerKey})`,
    )
  if (filter.createdBefore !== undefined) where(sql<SqlBool>`created_at < ${filter.createdBefore}`)
  if (filter.search !== undefined) where(searchExpression(filter.search, search))
  if (filter.userIdentityId !== undefined) {
    if (resource === 'acs_user' || resource === 'acs_credential') where(sql<SqlBool>`user_identity_id = ${filter.userIdentityId}`)
    else if (resource === 'acs_access_group')
      where(
        sql<SqlBool>`acs_access_group_id IN (SELECT m.acs_access_group_id FROM acs_user_access_groups m JOIN acs_users u ON u.acs_user_id = m.acs_user_id WHERE u.workspace_id = ${w} AND u.user_identity_id = ${filter.userIdentityId})`,
      )
    else throw new Error(`acs filter: userIdentityId does not apply to ${resource}`)
  }
  if (filter.userIdentityEmailAddress !== undefined)
    where(sql<SqlBool>`user_identity_id IN (${identityWith('email_address', filter.userIdentityEmailAddress, w)})`)
  if (filter.userIdentityPhoneNumber !== undefined)
    where(sql<SqlBool>`user_identity_id IN (${identityWith('phone_number', filter.userIdentityPhoneNumber, w)})`)
  if (filter.acsUserId !== undefined) {
    const user = filter.acsUserId
    if (resource === 'acs_entrance')
      where(
        sql<SqlBool>`acs_entrance_id IN (${entrancesReachedBy(sql`SELECT au.acs_user_id FROM acs_users au WHERE au.acs_user_id = ${user}`)})`,
      )
    else if (resource === 'acs_access_group')
      where(sql<SqlBool>`acs_access_group_id IN (SELECT m.acs_access_group_id FROM acs_user_access_groups m WHERE m.acs_user_id = ${user})`)
    else if (resource === 'acs_credential') where(sql<SqlBool>`acs_user_id = ${user}`)
    else throw new Error(`acs filter: acsUserId does not apply to ${resource}`)
  }
  if (filter.acsAccessGroupId !== undefined) {
    const group = filter.acsAccessGroupId
    if (resource === 'acs_user')
      where(sql<SqlBool>`acs_user_id IN (SELECT m.acs_user_id FROM acs_user_access_groups m WHERE m.acs_access_group_id = ${group})`)
    else if (resource === 'acs_entrance')
      where(
        sql<SqlBool>`acs_entrance_id IN (SELECT ge.acs_entrance_id FROM acs_access_group_entrances ge WHERE ge.acs_access_group_id = ${group})`,
      )
    else throw new Error(`acs filter: acsAccessGroupId does not apply to ${resource}`)
  }
  if (filter.acsCredentialId !== undefined) {
    if (resource !== 'acs_entrance') throw new Error(`acs filter: acsCredentialId does not apply to ${resource}`)
    where(sql<SqlBool>`acs_entrance_id IN (${entrancesOpenedBy(filter.acsCredentialId)})`)
  }
  if (filter.acsEntranceId !== undefined) {
    if (resource !== 'acs_credential') throw new Error(`acs filter: acsEntranceId does not apply to ${resource}`)
    where(sql<SqlBool>`acs_credential_id IN (${credentialsOpening(filter.acsEntranceId)})`)
  }
  return q
}
