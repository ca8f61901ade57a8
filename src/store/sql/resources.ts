import { type Kysely, sql } from 'kysely'

import { toIso } from '../mapping.ts'
import type { ReferencedResource } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'

type ResourceVerbs = Pick<
  Store,
  'findMissing' | 'insertConnectedAccount' | 'insertConnectWebview' | 'insertUserIdentity' | 'insertDevice' | 'listEvents'
>

const TABLES = {
  connected_account: { table: 'connected_accounts', id: 'connected_account_id' },
  connect_webview: { table: 'connect_webviews', id: 'connect_webview_id' },
  user_identity: { table: 'user_identities', id: 'user_identity_id' },
} as const satisfies Record<ReferencedResource, { table: keyof Database; id: string }>

/** The resources a client session references. Their own HTTP routes come with SPEC §5. */
export const resourceVerbs = (db: Kysely<Database>): ResourceVerbs => ({
  async findMissing(workspaceId, resource, ids) {
    if (ids.length === 0) return []
    const { table, id } = TABLES[resource]
    const unique = [...new Set(ids)]
    const found = await db
      .selectFrom(table)
      .select(sql<string>`${sql.ref(id)}`.as('id'))
      .where('workspace_id', '=', workspaceId)
      .where(sql.ref(id), 'in', unique)
      .execute()
    const present = new Set(found.map((r) => r.id))
    return unique.filter((candidate) => !present.has(candidate))
  },

  async insertConnectedAccount(a) {
    await db
      .insertInto('connected_accounts')
      .values({
        connected_account_id: a.connectedAccountId,
        workspace_id: a.workspaceId,
        provider: a.provider,
        user_identifier_email: a.userIdentifierEmail,
        display_name: a.displayName,
        created_at: a.createdAt,
      })
      .execute()
  },
  async insertConnectWebview(w) {
    await db
      .insertInto('connect_webviews')
      .values({
        connect_webview_id: w.connectWebviewId,
        workspace_id: w.workspaceId,
        status: w.status,
        connected_account_id: w.connectedAccountId,
        custom_redirect_url: w.customRedirectUrl,
        custom_redirect_failure_url: w.customRedirectFailureUrl,
        accepted_providers: JSON.stringify(w.acceptedProviders),
        custom_metadata: JSON.stringify(w.customMetadata),
        login_successful: w.status === 'authorized' ? 1 : 0,
        created_at: w.createdAt,
        authorized_at: w.authorizedAt,
      })
      .execute()
  },
  async insertUserIdentity(u) {
    await db
      .insertInto('user_identities')
      .values({
        user_identity_id: u.userIdentityId,
        workspace_id: u.workspaceId,
        user_identity_key: u.userIdentityKey,
        email_address: u.emailAddress,
        phone_number: u.phoneNumber,
        full_name: u.fullName,
        created_at: u.createdAt,
      })
      .execute()
  },
  async insertDevice(d) {
    await db
      .insertInto('devices')
      .values({
        device_id: d.deviceId,
        workspace_id: d.workspaceId,
        connected_account_id: d.connectedAccountId,
        device_type: d.deviceType,
        display_name: d.displayName,
        properties: JSON.stringify(d.properties),
        created_at: d.createdAt,
      })
      .execute()
  },
  async listEvents(workspaceId) {
    const rows = await db
      .selectFrom('events')
      .select(['event_id', 'workspace_id', 'event_type', 'client_session_id', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute()
    return rows.map((r) => ({
      eventId: r.event_id,
      workspaceId: r.workspace_id,
      eventType: r.event_type,
      clientSessionId: r.client_session_id,
      createdAt: toIso(r.created_at),
    }))
  },
})
