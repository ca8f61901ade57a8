import { type Kysely, sql } from 'kysely'

import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import { ACS_SYSTEM_CHILD_TABLES } from './acs-children.ts'
import { revokeCredential } from './credentials.ts'
import { toIso, toIsoOrNull } from './iso-timestamps.ts'

type OperationVerbs = Pick<
  Store,
  | 'listPublishableKeys'
  | 'revokePublishableKey'
  | 'listPersonalAccessTokens'
  | 'revokePersonalAccessToken'
  | 'countWorkspaceContents'
  | 'deleteWorkspace'
  | 'getSetting'
  | 'initSetting'
  | 'putSetting'
  | 'listTokenCiphertexts'
  | 'replaceTokenCiphertext'
  | 'hitRateLimit'
  | 'pruneRateLimits'
>

/** Tables whose rows belong to one workspace, children before parents. */
const WORKSPACE_TABLES = [
  // Access control: what a system holds (one list, acs-children.ts), then the systems.
  ...ACS_SYSTEM_CHILD_TABLES,
  'acs_systems',
  'phones',
  'instant_keys',
  // User identities' devices (migrations/0018).
  'user_identity_devices',
  'access_codes',
  'unmanaged_access_codes',
  'backup_access_code_pulls',
  'noise_thresholds',
  'thermostat_schedules',
  'thermostat_daily_programs',
  'action_attempts',
  'events',
  'devices',
  'connected_accounts',
  'connect_webviews',
  'client_sessions',
  'user_identities',
  'api_keys',
  'publishable_keys',
  'workspace_members',
  'workspaces',
] as const

const countIn = async (
  db: Kysely<Database>,
  table: 'client_sessions' | 'connected_accounts' | 'devices' | 'user_identities' | 'connect_webviews',
  workspaceId: string,
) => {
  const row = await db
    .selectFrom(table)
    .select(sql<number | string>`count(*)`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** What operators and the servers' upkeep need: CLI key management, settings, rotation, rate limits. */
export const operationVerbs = (db: Kysely<Database>): OperationVerbs => ({
  async listPublishableKeys(workspaceId) {
    const rows = await db
      .selectFrom('publishable_keys')
      .select(['publishable_key_id', 'workspace_id', 'token_id', 'created_at', 'revoked_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('publishable_key_id')
      .execute()
    return rows.map((r) => ({
      publishableKeyId: r.publishable_key_id,
      workspaceId: r.workspace_id,
      tokenId: r.token_id,
      createdAt: toIso(r.created_at),
      revokedAt: toIsoOrNull(r.revoked_at),
    }))
  },
  revokePublishableKey: (publishableKeyId, at) => revokeCredential(db, 'publishable_keys', publishableKeyId, at),

  async listPersonalAccessTokens({ workspaceId, email }) {
    let query = db
      .selectFrom('personal_access_tokens as t')
      .innerJoin('users as u', 'u.user_id', 't.user_id')
      .select(['t.personal_access_token_id', 't.token_id', 't.user_id', 'u.email', 't.created_at', 't.revoked_at'])
    if (workspaceId !== undefined) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('workspace_members as m')
            .select('m.user_id')
            .whereRef('m.user_id', '=', 't.user_id')
            .where('m.workspace_id', '=', workspaceId),
        ),
      )
    }
    if (email !== undefined) query = query.where('u.email', '=', email.trim().toLowerCase())
    const rows = await query.orderBy('t.created_at', 'desc').orderBy('t.personal_access_token_id').execute()
    return rows.map((r) => ({
      personalAccessTokenId: r.personal_access_token_id,
      tokenId: r.token_id,
      userId: r.user_id,
      email: r.email,
      createdAt: toIso(r.created_at),
      revokedAt: toIsoOrNull(r.revoked_at),
    }))
  },
  revokePersonalAccessToken: (id, at) => revokeCredential(db, 'personal_access_tokens', id, at),

  async countWorkspaceContents(workspaceId) {
    return {
      client_sessions: await countIn(db, 'client_sessions', workspaceId),
      connected_accounts: await countIn(db, 'connected_accounts', workspaceId),
      devices: await countIn(db, 'devices', workspaceId),
      user_identities: await countIn(db, 'user_identities', workspaceId),
      connect_webviews: await countIn(db, 'connect_webviews', workspaceId),
    }
  },
  async deleteWorkspace(workspaceId) {
    return db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('workspaces').select('workspace_id').where('workspace_id', '=', workspaceId).executeTakeFirst()
      if (exists === undefined) return false
      const sessions = trx.selectFrom('client_sessions').select('client_session_id').where('workspace_id', '=', workspaceId)
      await trx.deleteFrom('client_session_connected_accounts').where('client_session_id', 'in', sessions).execute()
      await trx.deleteFrom('client_session_connect_webviews').where('client_session_id', 'in', sessions).execute()
      for (const table of WORKSPACE_TABLES) {
        await trx.deleteFrom(table).where('workspace_id', '=', workspaceId).execute()
      }
      return true
    })
  },

  async getSetting(name) {
    const row = await db.selectFrom('server_settings').select('value').where('name', '=', name).executeTakeFirst()
    return row?.value
  },
  async initSetting(name, value) {
    await db
      .insertInto('server_settings')
      .values({ name, value })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute()
    const row = await db.selectFrom('server_settings').select('value').where('name', '=', name).executeTakeFirstOrThrow()
    return row.value
  },
  async putSetting(name, value) {
    await db
      .insertInto('server_settings')
      .values({ name, value })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
      .execute()
  },

  async listTokenCiphertexts(after, limit) {
    let query = db.selectFrom('client_sessions').select(['client_session_id', 'token_ciphertext'])
    if (after !== null) query = query.where('client_session_id', '>', after)
    const rows = await query.orderBy('client_session_id').limit(limit).execute()
    return rows.map((r) => ({ clientSessionId: r.client_session_id, tokenCiphertext: r.token_ciphertext }))
  },
  async replaceTokenCiphertext(clientSessionId, expected, next) {
    const result = await db
      .updateTable('client_sessions')
      .set({ token_ciphertext: next })
      .where('client_session_id', '=', clientSessionId)
      .where('token_ciphertext', '=', expected)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  },

  async hitRateLimit(bucket, windowStart) {
    // One statement, atomic on both databases: a new window restarts the count.
    const row = await db
      .insertInto('rate_limit_counters')
      .values({ bucket, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          hits: sql<number>`CASE WHEN rate_limit_counters.window_start = excluded.window_start THEN rate_limit_counters.hits + 1 ELSE 1 END`,
          window_start: sql<number>`excluded.window_start`,
        }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow()
    return Number(row.hits)
  },
  async pruneRateLimits(before) {
    await db.deleteFrom('rate_limit_counters').where('window_start', '<', before).execute()
  },
})
