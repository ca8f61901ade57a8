import type { Transaction } from 'kysely'

import type { AcsEncodeOutcome, AcsScanOutcome, NewEvent } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { optional } from '../optional.ts'
import { toAcsCredential, toAcsEncoder } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { pageOf } from './paging.ts'
import { actionAttemptRow } from './resource-rows.ts'

type AcsEncoderVerbs = Pick<Store, 'getAcsEncoder' | 'listAcsEncoders' | 'armAcsEncoder' | 'runAcsEncoder' | 'insertAcsActionAttempt'>

const recordAll = async (trx: Transaction<Database>, events: readonly NewEvent[]) => {
  for (const e of events) await recordEvent(trx, e)
}

const parsed = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T))

/** The encoder's row, locked, and its state row made if it has none yet: encodes, scans and arming of one encoder apply in turn. */
const lockEncoder = async (trx: Transaction<Database>, flavor: SqlFlavor, workspaceId: string, acsEncoderId: string) => {
  const encoder = await flavor
    .lockRows(trx.selectFrom('acs_encoders').selectAll().where('workspace_id', '=', workspaceId).where('acs_encoder_id', '=', acsEncoderId))
    .executeTakeFirst()
  if (encoder === undefined) return undefined
  const state = await trx.selectFrom('acs_encoder_states').selectAll().where('acs_encoder_id', '=', acsEncoderId).executeTakeFirst()
  if (state !== undefined) return state
  const fresh = {
    acs_encoder_id: acsEncoderId,
    workspace_id: workspaceId,
    acs_system_id: encoder.acs_system_id,
    next_encode: null,
    next_scan: null,
    card_acs_credential_id: null,
  }
  await trx.insertInto('acs_encoder_states').values(fresh).execute()
  return fresh
}

export const acsEncoderVerbs = (engine: Engine, flavor: SqlFlavor): AcsEncoderVerbs => {
  const { db } = engine
  return {
    async getAcsEncoder(workspaceId, acsEncoderId) {
      const row = await db
        .selectFrom('acs_encoders')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('acs_encoder_id', '=', acsEncoderId)
        .executeTakeFirst()
      return row === undefined ? undefined : toAcsEncoder(row)
    },

    listAcsEncoders(workspaceId, filter, page) {
      let query = db.selectFrom('acs_encoders').selectAll().where('workspace_id', '=', workspaceId)
      if (filter.acsSystemIds !== undefined)
        query = query.where('acs_system_id', 'in', filter.acsSystemIds.length > 0 ? filter.acsSystemIds : [''])
      if (filter.ids !== undefined) query = query.where('acs_encoder_id', 'in', filter.ids.length > 0 ? filter.ids : [''])
      return pageOf(engine, query, 'acs_encoder_id', page, toAcsEncoder)
    },

    armAcsEncoder(workspaceId, acsEncoderId, arm) {
      return db.transaction().execute(async (trx) => {
        if ((await lockEncoder(trx, flavor, workspaceId, acsEncoderId)) === undefined) return false
        const set = 'encode' in arm ? { next_encode: JSON.stringify(arm.encode) } : { next_scan: JSON.stringify(arm.scan) }
        await trx.updateTable('acs_encoder_states').set(set).where('acs_encoder_id', '=', acsEncoderId).execute()
        return true
      })
    },

    runAcsEncoder(workspaceId, acsEncoderId, what, decide) {
      return db.transaction().execute(async (trx) => {
        const state = await lockEncoder(trx, flavor, workspaceId, acsEncoderId)
        if (state === undefined) return undefined
        const nextEncode = parsed<AcsEncodeOutcome>(state.next_encode)
        const nextScan = parsed<AcsScanOutcome>(state.next_scan)
        const named = nextScan?.result === 'success' ? nextScan.acsCredentialIdOnSeam : undefined
        const cardId = named ?? state.card_acs_credential_id
        const cardRow =
          cardId === null
            ? undefined
            : await trx
                .selectFrom('acs_credentials')
                .selectAll()
                .where('workspace_id', '=', workspaceId)
                .where('acs_credential_id', '=', cardId)
                .executeTakeFirst()
        const targetRow =
          what.kind === 'encode'
            ? await flavor
                .lockRows(
                  trx
                    .selectFrom('acs_credentials')
                    .selectAll()
                    .where('workspace_id', '=', workspaceId)
                    .where('acs_credential_id', '=', what.acsCredentialId),
                )
                .executeTakeFirst()
            : undefined
        const run = decide({
          nextEncode,
          nextScan,
          card: cardRow === undefined ? undefined : toAcsCredential(cardRow),
          target: targetRow === undefined ? undefined : toAcsCredential(targetRow),
        })
        // The armed outcome of this kind is used up by this encode or scan, whatever it was.
        await trx
          .updateTable('acs_encoder_states')
          .set({
            ...(what.kind === 'encode' ? { next_encode: null } : { next_scan: null }),
            ...optional({ card_acs_credential_id: run.cardAcsCredentialId }),
          })
          .where('acs_encoder_id', '=', acsEncoderId)
          .execute()
        if (run.credential !== undefined) {
          const c = run.credential.changes
          const set = optional({
            acs_user_id: c.acsUserId,
            user_identity_id: c.userIdentityId,
            card_number: c.cardNumber,
            is_issued: c.isIssued === undefined ? undefined : c.isIssued ? 1 : 0,
            issued_at: c.issuedAt,
          })
          if (Object.keys(set).length > 0)
            await trx
              .updateTable('acs_credentials')
              .set(set)
              .where('workspace_id', '=', workspaceId)
              .where('acs_credential_id', '=', run.credential.acsCredentialId)
              .execute()
        }
        await trx.insertInto('action_attempts').values(actionAttemptRow(run.attempt)).execute()
        await recordAll(trx, run.events)
        return run.attempt
      })
    },

    insertAcsActionAttempt(attempt, events) {
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('action_attempts').values(actionAttemptRow(attempt)).execute()
        await recordAll(trx, events)
      })
    },
  }
}
