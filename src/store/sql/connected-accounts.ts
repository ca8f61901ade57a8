import { toConnectedAccount } from './resource-rows.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import { deleteAcsOfAccounts } from './acs-children.ts'
import { deleteDeviceChildren } from './device-children.ts'
import { recordEvent } from './events.ts'
import type { Engine } from './engine.ts'
import { narrowList } from './list-filter.ts'
import { pageOf } from './paging.ts'

/** What an account search looks at: its id, its owner's name and the email it signed in with. */
const ACCOUNT_SEARCH = ['connected_account_id', 'display_name', 'user_identifier_email']

type AccountVerbs = Pick<Store, 'getConnectedAccount' | 'listConnectedAccounts' | 'deleteConnectedAccount'>

export const connectedAccountVerbs = (engine: Engine): AccountVerbs => {
  const { db } = engine
  return {
    async getConnectedAccount(scope, connectedAccountId) {
      const query = db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('connected_account_id', '=', connectedAccountId)
      const row = await inScope(query, 'connected_account', scope).executeTakeFirst()
      return row && toConnectedAccount(row)
    },

    async listConnectedAccounts(scope, filter, page) {
      const query = db.selectFrom('connected_accounts').selectAll().where('workspace_id', '=', scope.workspaceId)
      return pageOf(
        engine,
        narrowList(query, 'connected_account', scope, filter, ACCOUNT_SEARCH),
        'connected_account_id',
        page,
        toConnectedAccount,
      )
    },

    /** Removes the account, its devices and every session's grant of it, in one transaction. */
    deleteConnectedAccount(workspaceId, connectedAccountId, at) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('connected_accounts')
          .where('workspace_id', '=', workspaceId)
          .where('connected_account_id', '=', connectedAccountId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        const devices = trx
          .selectFrom('devices')
          .select('device_id')
          .where('workspace_id', '=', workspaceId)
          .where('connected_account_id', '=', connectedAccountId)
        await deleteDeviceChildren(trx, workspaceId, devices)
        await deleteAcsOfAccounts(trx, workspaceId, [connectedAccountId])
        await trx
          .deleteFrom('devices')
          .where('workspace_id', '=', workspaceId)
          .where('connected_account_id', '=', connectedAccountId)
          .execute()
        await trx.deleteFrom('client_session_connected_accounts').where('connected_account_id', '=', connectedAccountId).execute()
        await recordEvent(trx, { workspaceId, eventType: 'connected_account.deleted', connectedAccountId, occurredAt: at })
        return true
      })
    },
  }
}
