import type { Transaction } from 'kysely'

import type { NewConnectWebview, WebviewLogin, WebviewLoginResult } from '../records.ts'
import { insertAcsSeedRows } from './acs-children.ts'
// Unmanaged user identities for the acs users an account brings (migrations/0018).
import { linkUnmanagedIdentities } from './unmanaged-identities.ts'
import { toConnectWebview } from './resource-rows.ts'
import { inScope } from './scope.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { recordEvent } from './events.ts'
import type { Engine } from './engine.ts'
import { insertNoiseThresholdRows } from './noise-thresholds.ts'
import { narrowList } from './list-filter.ts'
import { pageOf } from './paging.ts'

type WebviewVerbs = Pick<
  Store,
  | 'createConnectWebview'
  | 'getConnectWebview'
  | 'findConnectWebviewForSignIn'
  | 'listConnectWebviews'
  | 'deleteConnectWebview'
  | 'completeWebviewLogin'
>

/** What a webview search looks at: its id and the providers it offers. */
const WEBVIEW_SEARCH = ['connect_webview_id', 'accepted_providers']

export const webviewRow = (w: NewConnectWebview) => ({
  connect_webview_id: w.connectWebviewId,
  workspace_id: w.workspaceId,
  status: w.status,
  connected_account_id: w.connectedAccountId,
  custom_redirect_url: w.customRedirectUrl,
  custom_redirect_failure_url: w.customRedirectFailureUrl,
  accepted_providers: JSON.stringify(w.acceptedProviders),
  custom_metadata: JSON.stringify(w.customMetadata),
  login_successful: w.status === 'authorized' ? 1 : 0,
  customer_key: w.customerKey ?? null,
  created_at: w.createdAt,
  authorized_at: w.authorizedAt,
})

class CustomerConflict extends Error {}

/**
 * Seam's rule: a webview's customer takes the account it connects, unless another customer
 * already has that account. False for that conflict.
 */
const associateCustomer = async (
  trx: Transaction<Database>,
  workspaceId: string,
  connectedAccountId: string,
  customerKey: string,
): Promise<boolean> => {
  const updated = await trx
    .updateTable('connected_accounts')
    .set({ customer_key: customerKey })
    .where('workspace_id', '=', workspaceId)
    .where('connected_account_id', '=', connectedAccountId)
    .where((eb) => eb.or([eb('customer_key', 'is', null), eb('customer_key', '=', customerKey)]))
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) > 0
}

/** The account of a sign-in: reused when this person already connected, else created with devices. */
const connectAccount = async (trx: Transaction<Database>, login: WebviewLogin): Promise<string> => {
  const { account, workspaceId, at } = login
  const inserted = await trx
    .insertInto('connected_accounts')
    .values({
      connected_account_id: account.connectedAccountId,
      workspace_id: workspaceId,
      provider: account.provider,
      user_identifier_email: account.userIdentifierEmail,
      display_name: account.displayName,
      created_at: account.createdAt,
    })
    // One account per (workspace, provider, email): a concurrent or repeated sign-in reuses it.
    .onConflict((oc) => oc.columns(['workspace_id', 'provider', 'user_identifier_email']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const existing = await trx
      .selectFrom('connected_accounts')
      .select('connected_account_id')
      .where('workspace_id', '=', workspaceId)
      .where('provider', '=', account.provider)
      .where('user_identifier_email', '=', account.userIdentifierEmail)
      .executeTakeFirstOrThrow()
    return existing.connected_account_id
  }
  const connectedAccountId = account.connectedAccountId
  await recordEvent(trx, { workspaceId, eventType: 'connected_account.connected', connectedAccountId, occurredAt: at })
  for (const d of login.devices) {
    await trx
      .insertInto('devices')
      .values({
        device_id: d.deviceId,
        workspace_id: workspaceId,
        connected_account_id: connectedAccountId,
        device_type: d.deviceType,
        display_name: d.displayName,
        properties: JSON.stringify(d.properties),
        created_at: d.createdAt,
      })
      .execute()
    await recordEvent(trx, { workspaceId, eventType: 'device.connected', connectedAccountId, deviceId: d.deviceId, occurredAt: at })
  }
  await insertNoiseThresholdRows(trx, login.noiseThresholds)
  await insertAcsSeedRows(trx, login.acs, at)
  await linkUnmanagedIdentities(trx, login.acs.users, at)
  return connectedAccountId
}

export const connectWebviewVerbs = (engine: Engine): WebviewVerbs => {
  const { db } = engine
  /** A sign-in in one transaction; CustomerConflict rolls it all back. */
  const signInTransaction = (login: WebviewLogin): Promise<WebviewLoginResult> =>
    db.transaction().execute(async (trx): Promise<WebviewLoginResult> => {
      const { workspaceId, connectWebviewId, at } = login
      // Claim the webview first: of concurrent sign-ins exactly one moves it out of pending.
      const claimed = await trx
        .updateTable('connect_webviews')
        .set({ status: 'authorized', login_successful: 1, authorized_at: at, selected_provider: login.account.provider })
        .where('workspace_id', '=', workspaceId)
        .where('connect_webview_id', '=', connectWebviewId)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 0) {
        const current = await trx
          .selectFrom('connect_webviews')
          .selectAll()
          .where('connect_webview_id', '=', connectWebviewId)
          .executeTakeFirst()
        return current === undefined ? { kind: 'not_found' } : { kind: 'not_pending', webview: toConnectWebview(current) }
      }
      const connectedAccountId = await connectAccount(trx, login)
      const customerKey = await trx
        .selectFrom('connect_webviews')
        .select('customer_key')
        .where('connect_webview_id', '=', connectWebviewId)
        .executeTakeFirstOrThrow()
      if (customerKey.customer_key !== null && !(await associateCustomer(trx, workspaceId, connectedAccountId, customerKey.customer_key))) {
        // Rolls the claim back: the webview stays pending, as if this sign-in never happened.
        throw new CustomerConflict()
      }
      const row = await trx
        .updateTable('connect_webviews')
        .set({ connected_account_id: connectedAccountId })
        .where('connect_webview_id', '=', connectWebviewId)
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordEvent(trx, {
        workspaceId,
        eventType: 'connect_webview.login_succeeded',
        connectWebviewId,
        connectedAccountId,
        occurredAt: at,
      })
      return { kind: 'authorized', connectedAccountId, webview: toConnectWebview(row) }
    })

  return {
    createConnectWebview(webview, clientSessionId) {
      return db.transaction().execute(async (trx) => {
        await trx.insertInto('connect_webviews').values(webviewRow(webview)).execute()
        if (clientSessionId !== null) {
          await trx
            .insertInto('client_session_connect_webviews')
            .values({ client_session_id: clientSessionId, connect_webview_id: webview.connectWebviewId })
            .execute()
        }
      })
    },

    async getConnectWebview(scope, connectWebviewId) {
      const query = db
        .selectFrom('connect_webviews')
        .selectAll()
        .where('workspace_id', '=', scope.workspaceId)
        .where('connect_webview_id', '=', connectWebviewId)
      const row = await inScope(query, 'connect_webview', scope).executeTakeFirst()
      return row && toConnectWebview(row)
    },

    async findConnectWebviewForSignIn(connectWebviewId) {
      const row = await db
        .selectFrom('connect_webviews')
        .innerJoin('workspaces', 'workspaces.workspace_id', 'connect_webviews.workspace_id')
        .selectAll('connect_webviews')
        .select('workspaces.is_sandbox')
        .where('connect_webviews.connect_webview_id', '=', connectWebviewId)
        .executeTakeFirst()
      return row && { webview: toConnectWebview(row), isSandbox: row.is_sandbox === 1 }
    },

    async listConnectWebviews(scope, filter, page) {
      const query = db.selectFrom('connect_webviews').selectAll().where('workspace_id', '=', scope.workspaceId)
      return pageOf(
        engine,
        narrowList(query, 'connect_webview', scope, filter, WEBVIEW_SEARCH),
        'connect_webview_id',
        page,
        toConnectWebview,
      )
    },

    deleteConnectWebview(workspaceId, connectWebviewId) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('connect_webviews')
          .where('workspace_id', '=', workspaceId)
          .where('connect_webview_id', '=', connectWebviewId)
          .executeTakeFirst()
        if (Number(deleted.numDeletedRows) === 0) return false
        await trx.deleteFrom('client_session_connect_webviews').where('connect_webview_id', '=', connectWebviewId).execute()
        return true
      })
    },

    async completeWebviewLogin(login) {
      try {
        return await signInTransaction(login)
      } catch (error) {
        if (!(error instanceof CustomerConflict)) throw error
        const row = await db
          .selectFrom('connect_webviews')
          .selectAll()
          .where('connect_webview_id', '=', login.connectWebviewId)
          .executeTakeFirstOrThrow()
        return { kind: 'customer_conflict', webview: toConnectWebview(row) }
      }
    },
  }
}
