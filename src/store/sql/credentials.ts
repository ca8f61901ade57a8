import { type Kysely, sql } from 'kysely'

import { toIso, toIsoOrNull } from './iso-timestamps.ts'
import { toWorkspace } from './resource-rows.ts'
import type { StoredCredential } from '../records.ts'
import type { Store } from '../store.ts'
import type { Database } from '../tables.ts'
import type { Engine } from './engine.ts'
import { tokenIdLookup } from './token-id-lookup.ts'

type CredentialVerbs = Pick<
  Store,
  | 'createWorkspace'
  | 'getWorkspace'
  | 'listWorkspaces'
  | 'listWorkspacesOfUser'
  | 'insertApiKey'
  | 'listApiKeys'
  | 'revokeApiKey'
  | 'findApiKey'
  | 'insertPublishableKey'
  | 'findPublishableKey'
  | 'ensureUser'
  | 'addWorkspaceMember'
  | 'isWorkspaceMember'
  | 'insertPersonalAccessToken'
  | 'findPersonalAccessToken'
>

const CREDENTIAL_TABLES = {
  api_keys: { id: 'api_key_id', owner: 'workspace_id' },
  publishable_keys: { id: 'publishable_key_id', owner: 'workspace_id' },
  personal_access_tokens: { id: 'personal_access_token_id', owner: 'user_id' },
} as const

/** The hot auth lookup of the three long-lived credential kinds, by public token id (token-id-lookup.ts). */
const credentialFinder = (engine: Engine, table: keyof typeof CREDENTIAL_TABLES) => {
  const { id, owner } = CREDENTIAL_TABLES[table]
  return tokenIdLookup(
    engine,
    (d, tokenIdMatches) =>
      d
        .selectFrom(table)
        .select([
          sql<string>`${sql.ref(id)}`.as('id'),
          sql<string>`${sql.ref(owner)}`.as('owner_id'),
          'secret_hash',
          'revoked_at',
          'token_id',
        ])
        .where(tokenIdMatches),
    (row): StoredCredential => ({ id: row.id, ownerId: row.owner_id, secretHash: row.secret_hash, revokedAt: toIsoOrNull(row.revoked_at) }),
  )
}

/**
 * Revokes one credential by its id, keeping the first revocation time if it was revoked before.
 * One statement; false when no such credential exists.
 */
export const revokeCredential = async (
  db: Kysely<Database>,
  table: keyof typeof CREDENTIAL_TABLES,
  id: string,
  at: string,
): Promise<boolean> => {
  const result = await db
    .updateTable(table)
    .set({ revoked_at: sql<string>`COALESCE(revoked_at, ${at})` })
    .where(sql.ref(CREDENTIAL_TABLES[table].id), '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Workspaces, the people in them, and the long-lived credentials that act for them. */
export const credentialVerbs = (engine: Engine): CredentialVerbs => {
  const { db } = engine
  const findApiKey = credentialFinder(engine, 'api_keys')
  const findPublishableKey = credentialFinder(engine, 'publishable_keys')
  const findPersonalAccessToken = credentialFinder(engine, 'personal_access_tokens')
  return {
    async createWorkspace(w) {
      await db
        .insertInto('workspaces')
        .values({
          workspace_id: w.workspaceId,
          name: w.name,
          is_sandbox: w.isSandbox ? 1 : 0,
          created_at: w.createdAt,
          company_name: w.companyName ?? null,
          connect_partner_name: w.connectPartnerName ?? null,
        })
        .execute()
    },
    async getWorkspace(workspaceId) {
      const row = await db.selectFrom('workspaces').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst()
      return row && toWorkspace(row)
    },
    async listWorkspaces() {
      const rows = await db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('workspace_id').execute()
      return rows.map(toWorkspace)
    },

    async listWorkspacesOfUser(userId) {
      const rows = await db
        .selectFrom('workspaces')
        .selectAll('workspaces')
        .innerJoin('workspace_members', 'workspace_members.workspace_id', 'workspaces.workspace_id')
        .where('workspace_members.user_id', '=', userId)
        .orderBy('workspaces.created_at')
        .orderBy('workspaces.workspace_id')
        .execute()
      return rows.map(toWorkspace)
    },

    async insertApiKey(k) {
      await db
        .insertInto('api_keys')
        .values({
          api_key_id: k.id,
          workspace_id: k.ownerId,
          token_id: k.tokenId,
          secret_hash: k.secretHash,
          name: k.name,
          created_at: k.createdAt,
        })
        .execute()
    },
    async listApiKeys(workspaceId) {
      const rows = await db
        .selectFrom('api_keys')
        .select(['api_key_id', 'workspace_id', 'token_id', 'name', 'created_at', 'revoked_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .execute()
      return rows.map((r) => ({
        apiKeyId: r.api_key_id,
        workspaceId: r.workspace_id,
        tokenId: r.token_id,
        name: r.name,
        createdAt: toIso(r.created_at),
        revokedAt: toIsoOrNull(r.revoked_at),
      }))
    },
    revokeApiKey: (apiKeyId, at) => revokeCredential(db, 'api_keys', apiKeyId, at),
    findApiKey,

    async insertPublishableKey(k) {
      await db
        .insertInto('publishable_keys')
        .values({
          publishable_key_id: k.id,
          workspace_id: k.ownerId,
          token_id: k.tokenId,
          secret_hash: k.secretHash,
          created_at: k.createdAt,
        })
        .execute()
    },
    findPublishableKey,

    async ensureUser(user, createdAt) {
      await db
        .insertInto('users')
        .values({ user_id: user.userId, email: user.email, created_at: createdAt })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute()
      const row = await db.selectFrom('users').select(['user_id', 'email']).where('email', '=', user.email).executeTakeFirstOrThrow()
      return { userId: row.user_id, email: row.email }
    },
    async addWorkspaceMember(workspaceId, userId, at) {
      await db
        .insertInto('workspace_members')
        .values({ workspace_id: workspaceId, user_id: userId, created_at: at })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
        .execute()
    },
    async isWorkspaceMember(workspaceId, userId) {
      const row = await db
        .selectFrom('workspace_members')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      return row !== undefined
    },
    async insertPersonalAccessToken(t) {
      await db
        .insertInto('personal_access_tokens')
        .values({
          personal_access_token_id: t.id,
          user_id: t.ownerId,
          token_id: t.tokenId,
          secret_hash: t.secretHash,
          created_at: t.createdAt,
        })
        .execute()
    },
    findPersonalAccessToken,
  }
}
