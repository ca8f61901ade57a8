import type { SelectQueryBuilder, Transaction } from 'kysely'

import type { AcsSeed } from '../records.ts'
import type { Database } from '../tables.ts'
import { acsAccessGroupRow, acsCredentialRow, acsEncoderRow, acsEntranceRow, acsSystemRow, acsUserRow } from './acs-rows.ts'
import { recordEvent } from './events.ts'

/**
 * The rows that belong to an access control system and go with it (and so with its connected
 * account): every acs_* table carries `acs_system_id` for this. Children before parents. One list,
 * so a new acs table is removed by every path that removes systems. Its events stay, as the
 * record of what happened.
 */
export const ACS_SYSTEM_CHILD_TABLES = [
  'acs_credential_entrances',
  'acs_user_entrances',
  'acs_user_access_groups',
  'acs_access_group_entrances',
  'acs_credentials',
  'acs_encoder_states',
  'acs_encoders',
  'acs_users',
  'acs_access_groups',
  'acs_entrances',
] as const

/** Deletes the systems of the connected accounts given (ids or a query of them) and everything of theirs, in the caller's transaction. */
export const deleteAcsOfAccounts = async (
  trx: Transaction<Database>,
  workspaceId: string,
  accounts: readonly string[] | SelectQueryBuilder<Database, 'connected_accounts', { connected_account_id: string }>,
): Promise<void> => {
  // The systems' rows are locked first (an update that changes nothing takes their row locks on
  // PostgreSQL; SQLite's writer holds the whole database): a write under a system's lock (a new
  // user, a credential, a report) either committed before, and its rows go below, or waits and
  // then finds the system gone, instead of leaving rows behind a deleted system.
  await trx
    .updateTable('acs_systems')
    .set((eb) => ({ acs_system_id: eb.ref('acs_system_id') }))
    .where('workspace_id', '=', workspaceId)
    .where('connected_account_id', 'in', accounts as string[])
    .execute()
  const systems = trx
    .selectFrom('acs_systems')
    .select('acs_system_id')
    .where('workspace_id', '=', workspaceId)
    .where('connected_account_id', 'in', accounts as string[])
  for (const table of ACS_SYSTEM_CHILD_TABLES)
    await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).where('acs_system_id', 'in', systems).execute()
  await trx
    .deleteFrom('acs_systems')
    .where('workspace_id', '=', workspaceId)
    .where('connected_account_id', 'in', accounts as string[])
    .execute()
}

/**
 * Writes what a sandbox account holds in access control (sql/connect-webviews.ts, in the sign-in's
 * transaction), with Seam's `acs_system.connected` event for each system.
 */
export const insertAcsSeedRows = async (trx: Transaction<Database>, seed: AcsSeed, at: string): Promise<void> => {
  const systemOf = new Map<string, { workspaceId: string; acsSystemId: string }>()
  for (const s of seed.systems) {
    await trx.insertInto('acs_systems').values(acsSystemRow(s)).execute()
    await recordEvent(trx, {
      workspaceId: s.workspaceId,
      eventType: 'acs_system.connected',
      connectedAccountId: s.connectedAccountId,
      occurredAt: at,
      details: { acs_system_id: s.acsSystemId },
    })
  }
  if (seed.entrances.length > 0) await trx.insertInto('acs_entrances').values(seed.entrances.map(acsEntranceRow)).execute()
  if (seed.accessGroups.length > 0) await trx.insertInto('acs_access_groups').values(seed.accessGroups.map(acsAccessGroupRow)).execute()
  if (seed.users.length > 0) await trx.insertInto('acs_users').values(seed.users.map(acsUserRow)).execute()
  if (seed.credentials.length > 0) await trx.insertInto('acs_credentials').values(seed.credentials.map(acsCredentialRow)).execute()
  if (seed.encoders.length > 0) await trx.insertInto('acs_encoders').values(seed.encoders.map(acsEncoderRow)).execute()
  for (const g of seed.accessGroups) systemOf.set(g.acsAccessGroupId, g)
  for (const c of seed.credentials) systemOf.set(c.acsCredentialId, c)
  for (const u of seed.users) systemOf.set(u.acsUserId, u)
  const owner = (id: string) => {
    const found = systemOf.get(id)
    if (found === undefined) throw new Error(`acs seed: ${id} links to nothing of the seed`)
    return { workspace_id: found.workspaceId, acs_system_id: found.acsSystemId }
  }
  if (seed.accessGroupEntrances.length > 0)
    await trx
      .insertInto('acs_access_group_entrances')
      .values(
        seed.accessGroupEntrances.map((l) => ({
          ...owner(l.acsAccessGroupId),
          acs_access_group_id: l.acsAccessGroupId,
          acs_entrance_id: l.acsEntranceId,
        })),
      )
      .execute()
  if (seed.userAccessGroups.length > 0)
    await trx
      .insertInto('acs_user_access_groups')
      .values(
        seed.userAccessGroups.map((l) => ({
          ...owner(l.acsUserId),
          acs_user_id: l.acsUserId,
          acs_access_group_id: l.acsAccessGroupId,
          created_at: at,
        })),
      )
      .execute()
  if (seed.credentialEntrances.length > 0)
    await trx
      .insertInto('acs_credential_entrances')
      .values(
        seed.credentialEntrances.map((l) => ({
          ...owner(l.acsCredentialId),
          acs_credential_id: l.acsCredentialId,
          acs_entrance_id: l.acsEntranceId,
        })),
      )
      .execute()
}
