import type { Transaction } from 'kysely'

import type { NewEvent } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { acsEncoderRow, acsEntranceRow, toAcsEncoder } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { recordEvent } from './events.ts'

type AcsReportVerbs = Pick<Store, 'reportAcsDevices' | 'listAcsEncodersOfSystem'>

/**
 * The rows that give an entrance to users (access groups', direct grants'): they go with it. A
 * credential's own entrance rows stay: a credential naming only this entrance would otherwise name
 * none and fall back to its user's whole reach (acs-reach.ts entrancesOpenedBy), opening more than
 * it did. Kept, they name an entrance no longer stored, which every read joins away (it opens
 * nothing there), until the same room is reported again under the same id, as a card encoded for a
 * room opens it again. They go with the credential, or with the system.
 */
const ENTRANCE_LINK_TABLES = ['acs_user_entrances', 'acs_access_group_entrances'] as const

/** An event about one entrance or encoder of the system, its id in the details as on the wire. */
const reportEvent = (
  system: { workspace_id: string; connected_account_id: string; acs_system_id: string },
  eventType: string,
  at: string,
  details: Record<string, string>,
): NewEvent => ({
  workspaceId: system.workspace_id,
  eventType,
  connectedAccountId: system.connected_account_id,
  occurredAt: at,
  details: { acs_system_id: system.acs_system_id, ...details },
})

const entranceStored = async (trx: Transaction<Database>, workspaceId: string, acsSystemId: string, acsEntranceId: string) =>
  (await trx
    .selectFrom('acs_entrances')
    .select('acs_entrance_id')
    .where('workspace_id', '=', workspaceId)
    .where('acs_system_id', '=', acsSystemId)
    .where('acs_entrance_id', '=', acsEntranceId)
    .executeTakeFirst()) !== undefined

const encoderStored = async (trx: Transaction<Database>, workspaceId: string, acsSystemId: string, acsEncoderId: string) =>
  (await trx
    .selectFrom('acs_encoders')
    .select('acs_encoder_id')
    .where('workspace_id', '=', workspaceId)
    .where('acs_system_id', '=', acsSystemId)
    .where('acs_encoder_id', '=', acsEncoderId)
    .executeTakeFirst()) !== undefined

/**
 * What a backend reports of its on-premise system: entrances and encoders added, updated and
 * removed, with their events, in one transaction. Its account's and system's rows are locked
 * first, so two reports of one system (or a report and the system's removal with its account)
 * apply in turn.
 */
export const acsReportVerbs = (engine: Engine, flavor: SqlFlavor): AcsReportVerbs => {
  const { db } = engine
  return {
    reportAcsDevices(workspaceId, acsSystemId, entrances, encoders, at) {
      return db.transaction().execute(async (trx) => {
        const of = await trx
          .selectFrom('acs_systems')
          .select('connected_account_id')
          .where('workspace_id', '=', workspaceId)
          .where('acs_system_id', '=', acsSystemId)
          .executeTakeFirst()
        if (of === undefined) return false
        // The account's row first, as its deletion takes it first: a report waits for a deletion
        // under way (and then finds no system), or the deletion waits for the report and removes
        // what it stored; locking only the system's row would let the deletion's earlier removal
        // of entrances and encoders miss the report's.
        const account = await flavor
          .lockRows(
            trx
              .selectFrom('connected_accounts')
              .select('connected_account_id')
              .where('workspace_id', '=', workspaceId)
              .where('connected_account_id', '=', of.connected_account_id),
          )
          .executeTakeFirst()
        if (account === undefined) return false
        const system = await flavor
          .lockRows(
            trx
              .selectFrom('acs_systems')
              .select(['workspace_id', 'acs_system_id', 'connected_account_id'])
              .where('workspace_id', '=', workspaceId)
              .where('acs_system_id', '=', acsSystemId),
          )
          .executeTakeFirst()
        if (system === undefined) return false
        for (const { entrance, isRemoved } of entrances) {
          const id = entrance.acsEntranceId
          const stored = await entranceStored(trx, workspaceId, acsSystemId, id)
          if (isRemoved) {
            if (!stored) continue
            for (const table of ENTRANCE_LINK_TABLES)
              await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).where('acs_entrance_id', '=', id).execute()
            await trx.deleteFrom('acs_entrances').where('workspace_id', '=', workspaceId).where('acs_entrance_id', '=', id).execute()
            await recordEvent(trx, reportEvent(system, 'acs_entrance.removed', at, { acs_entrance_id: id }))
          } else if (stored) {
            const row = acsEntranceRow(entrance)
            await trx
              .updateTable('acs_entrances')
              .set({ display_name: row.display_name, provider_metadata: row.provider_metadata })
              .where('workspace_id', '=', workspaceId)
              .where('acs_entrance_id', '=', id)
              .execute()
          } else {
            await trx.insertInto('acs_entrances').values(acsEntranceRow(entrance)).execute()
            await recordEvent(trx, reportEvent(system, 'acs_entrance.added', at, { acs_entrance_id: id }))
          }
        }
        for (const { encoder, isRemoved } of encoders) {
          const id = encoder.acsEncoderId
          const stored = await encoderStored(trx, workspaceId, acsSystemId, id)
          if (isRemoved) {
            if (!stored) continue
            await trx.deleteFrom('acs_encoders').where('workspace_id', '=', workspaceId).where('acs_encoder_id', '=', id).execute()
            await recordEvent(trx, reportEvent(system, 'acs_encoder.removed', at, { acs_encoder_id: id }))
          } else if (stored) {
            await trx
              .updateTable('acs_encoders')
              .set({ display_name: encoder.displayName })
              .where('workspace_id', '=', workspaceId)
              .where('acs_encoder_id', '=', id)
              .execute()
          } else {
            await trx.insertInto('acs_encoders').values(acsEncoderRow(encoder)).execute()
            await recordEvent(trx, reportEvent(system, 'acs_encoder.added', at, { acs_encoder_id: id }))
          }
        }
        return true
      })
    },
    async listAcsEncodersOfSystem(workspaceId, acsSystemId) {
      const rows = await db
        .selectFrom('acs_encoders')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('acs_system_id', '=', acsSystemId)
        .orderBy('display_name')
        .orderBy('acs_encoder_id')
        .execute()
      return rows.map(toAcsEncoder)
    },
  }
}
