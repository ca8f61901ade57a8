import type { Transaction } from 'kysely'

import type { NewEvent } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { optional } from '../optional.ts'
import { acsCredentialRow, toAcsCredential } from './acs-rows.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'

type AcsCredentialVerbs = Pick<Store, 'insertAcsCredential' | 'updateAcsCredential' | 'deleteAcsCredential'>

const recordAll = async (trx: Transaction<Database>, events: readonly NewEvent[]) => {
  for (const e of events) await recordEvent(trx, e)
}

export const acsCredentialVerbs = ({ db }: Engine, flavor: SqlFlavor): AcsCredentialVerbs => ({
  insertAcsCredential(credential, entranceIds, events) {
    return db.transaction().execute(async (trx) => {
      const unique = [...new Set(entranceIds)]
      if (unique.length > 0) {
        const found = await trx
          .selectFrom('acs_entrances')
          .select('acs_entrance_id')
          .where('workspace_id', '=', credential.workspaceId)
          .where('acs_system_id', '=', credential.acsSystemId)
          .where('acs_entrance_id', 'in', unique)
          .execute()
        if (found.length !== unique.length) return 'entrance_not_found'
      }
      await trx.insertInto('acs_credentials').values(acsCredentialRow(credential)).execute()
      if (unique.length > 0)
        await trx
          .insertInto('acs_credential_entrances')
          .values(
            unique.map((acsEntranceId) => ({
              workspace_id: credential.workspaceId,
              acs_system_id: credential.acsSystemId,
              acs_credential_id: credential.acsCredentialId,
              acs_entrance_id: acsEntranceId,
            })),
          )
          .execute()
      await recordAll(trx, events)
      return 'created'
    })
  },

  updateAcsCredential(workspaceId, acsCredentialId, changes, events) {
    return db.transaction().execute(async (trx) => {
      const of = trx
        .selectFrom('acs_credentials')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('acs_credential_id', '=', acsCredentialId)
      if ((await flavor.lockRows(of).executeTakeFirst()) === undefined) return undefined
      const set = optional({
        acs_user_id: changes.acsUserId,
        user_identity_id: changes.userIdentityId,
        code: changes.code,
        card_number: changes.cardNumber,
        is_issued: changes.isIssued === undefined ? undefined : changes.isIssued ? 1 : 0,
        issued_at: changes.issuedAt,
        ends_at: changes.endsAt,
      })
      if (Object.keys(set).length > 0)
        await trx
          .updateTable('acs_credentials')
          .set(set)
          .where('workspace_id', '=', workspaceId)
          .where('acs_credential_id', '=', acsCredentialId)
          .execute()
      await recordAll(trx, events)
      return toAcsCredential(await of.executeTakeFirstOrThrow())
    })
  },

  deleteAcsCredential(workspaceId, acsCredentialId, events) {
    return db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('acs_credential_entrances')
        .where('workspace_id', '=', workspaceId)
        .where('acs_credential_id', '=', acsCredentialId)
        .execute()
      const deleted = await trx
        .deleteFrom('acs_credentials')
        .where('workspace_id', '=', workspaceId)
        .where('acs_credential_id', '=', acsCredentialId)
        .executeTakeFirst()
      if (Number(deleted.numDeletedRows) === 0) return false
      await recordAll(trx, events)
      return true
    })
  },
})
