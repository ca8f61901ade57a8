import {
  type ExpressionBuilder,
  type Kysely,
  type OnConflictBuilder,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  type Transaction,
  sql,
} from 'kysely'

import type { Batching, Engine } from './engine.ts'
import type { SqlFlavor } from './flavor.ts'
import { toIso, toIsoOrNull } from './iso-timestamps.ts'
import { deviceCountOfSessionRow } from './scope.ts'
import type { Store } from '../store.ts'
import type { ClientSessionAuth, ClientSessionRecord, NewClientSession } from '../records.ts'
import type { ClientSessionsTable, Database } from '../tables.ts'
import { optional } from '../optional.ts'
import { recordEvent } from './events.ts'
import { pageOf } from './paging.ts'
import { type BoundStatement, arg, compiledOnce, preparedFirst, preparedMappedQuery, preparedWrite } from './prepared.ts'
import { tokenIdLookup } from './token-id-lookup.ts'

/** A session row with its links, as read in the same statement (see `sessionLinkColumns`). */
type SessionRowWithLinks = Selectable<ClientSessionsTable> & {
  /** SQLite: a JSON array in text; PostgreSQL: a text[] that node-postgres already parsed. */
  connected_account_ids: string | string[]
  connect_webview_ids: string | string[]
  device_count: number | string
}

/** One session's link ids, sorted, as one value (the flavor's `sortedList`). */
const idsOf = (flavor: SqlFlavor, table: string, column: string): RawBuilder<string | string[]> =>
  flavor.sortedList(column, sql`FROM ${sql.table(table)} WHERE client_session_id = client_sessions.client_session_id`)

/**
 * The columns that turn a `client_sessions` row into a whole session: its account ids, webview
 * ids and scoped device count, as correlated subqueries. Reading them in the same statement as
 * the row makes a session read one statement (one round trip on PostgreSQL) instead of four, and
 * pages of any size cost no extra statements.
 */
const sessionLinkColumns = (flavor: SqlFlavor) => [
  idsOf(flavor, 'client_session_connected_accounts', 'connected_account_id').as('connected_account_ids'),
  idsOf(flavor, 'client_session_connect_webviews', 'connect_webview_id').as('connect_webview_ids'),
  deviceCountOfSessionRow().as('device_count'),
]

const idList = (value: string | string[]): string[] => (typeof value === 'string' ? (JSON.parse(value) as string[]) : value)

/** The one mapping from a session's row, read with its links, to its record. */
const toClientSessionRecord = (row: SessionRowWithLinks): ClientSessionRecord => ({
  clientSessionId: row.client_session_id,
  workspaceId: row.workspace_id,
  tokenCiphertext: row.token_ciphertext,
  userIdentifierKey: row.user_identifier_key,
  userIdentityId: row.user_identity_id,
  customerId: row.customer_id,
  customerKey: row.customer_key,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
  revokedAt: toIsoOrNull(row.revoked_at),
  connectedAccountIds: idList(row.connected_account_ids),
  connectWebviewIds: idList(row.connect_webview_ids),
  deviceCount: Number(row.device_count),
})

type SessionVerbs = Pick<
  Store,
  | 'insertClientSession'
  | 'findClientSessionAuth'
  | 'getClientSession'
  | 'getClientSessionByUserKey'
  | 'listClientSessions'
  | 'grantClientSessionAccess'
  | 'revokeClientSession'
  | 'deleteClientSession'
>

const addLinks = async (
  trx: Transaction<Database>,
  clientSessionId: string,
  connectedAccountIds: string[],
  connectWebviewIds: string[],
) => {
  if (connectedAccountIds.length > 0) {
    await trx
      .insertInto('client_session_connected_accounts')
      .values(connectedAccountIds.map((id) => ({ client_session_id: clientSessionId, connected_account_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  if (connectWebviewIds.length > 0) {
    await trx
      .insertInto('client_session_connect_webviews')
      .values(connectWebviewIds.map((id) => ({ client_session_id: clientSessionId, connect_webview_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

/** A new session as its table row; shared with the bulk path so both write the same columns. */
export const sessionRow = (s: NewClientSession) => ({
  client_session_id: s.clientSessionId,
  workspace_id: s.workspaceId,
  token_id: s.tokenId,
  secret_hash: s.secretHash,
  token_ciphertext: s.tokenCiphertext,
  user_identifier_key: s.userIdentifierKey,
  user_identity_id: s.userIdentityId,
  customer_id: s.customerId,
  customer_key: s.customerKey,
  created_at: s.createdAt,
  expires_at: s.expiresAt,
  revoked_at: null,
})

/**
 * Whether the session exists, holding it for the rest of the transaction (the flavor's
 * `lockRows`: FOR UPDATE on PostgreSQL), so a grant and a delete of one session take turns: a
 * grant that waited for a delete finds no session (404), and a delete that waited for a grant
 * also deletes the links it added, instead of either failing on the links' foreign key. SQLite
 * runs one write transaction at a time, which already gives that order.
 */
const lockSession = async (trx: Transaction<Database>, flavor: SqlFlavor, workspaceId: string, clientSessionId: string) => {
  const query = trx
    .selectFrom('client_sessions')
    .select('client_session_id')
    .where('workspace_id', '=', workspaceId)
    .where('client_session_id', '=', clientSessionId)
  return (await flavor.lockRows(query).executeTakeFirst()) !== undefined
}

/**
 * The partial unique index decides races: a concurrent insert for the same live key waits for the
 * first and then does nothing, so callers re-read the winner.
 */
const liveKeyConflict = (oc: OnConflictBuilder<Database, 'client_sessions'>) =>
  oc.columns(['workspace_id', 'user_identifier_key']).where('revoked_at', 'is', null).doNothing()

const SESSION_COLUMNS = Object.keys(sessionRow({} as NewClientSession)) as (keyof ReturnType<typeof sessionRow>)[]

/** Sessions with their links, as every session read selects them (`sessionLinkColumns`). */
const sessionsWithLinks = (db: Kysely<Database>, flavor: SqlFlavor) =>
  db.selectFrom('client_sessions').selectAll('client_sessions').select(sessionLinkColumns(flavor))

const toAuth = (row: SessionRowWithLinks): ClientSessionAuth => ({ secretHash: row.secret_hash, session: toClientSessionRecord(row) })

/**
 * The read behind a client session token (every request that carries one): the whole session by
 * its token id, in one statement compiled once, so a token's own session costs no further read.
 * `statement` is what to run for a token id; `answer` is what its rows say. The verb runs it
 * through the engine; a store that can run it without waiting answers from the same two
 * (sqlite/open-sqlite-store.ts).
 */
export const clientSessionAuthRead = (
  engine: Engine,
  flavor: SqlFlavor,
): { statement: (tokenId: string) => BoundStatement; answer: (rows: readonly unknown[]) => ClientSessionAuth | undefined } => {
  const statement = compiledOnce(engine.db, (d) => sessionsWithLinks(d, flavor).where(sql<SqlBool>`token_id = ${arg(0)}`))
  return {
    statement: (tokenId) => statement([tokenId]),
    answer: (rows) => engine.mapRows(rows as readonly SessionRowWithLinks[], toAuth)[0],
  }
}

/** A user key's live session (NULL revoked_at) before its revoked ones. */
const liveFirstOrder = (eb: ExpressionBuilder<Database, 'client_sessions'>) =>
  eb.case().when('revoked_at', 'is', null).then(0).else(1).end()

/**
 * Sessions by (workspace, user key) through a statement that takes many pairs (two arrays, one
 * per column), so that concurrent reads share it. A pair travels as one JSON-encoded key.
 */
const batchedUserKeyLookup = (
  engine: Engine,
  batching: Batching,
  flavor: SqlFlavor,
): ((workspaceId: string, userIdentifierKey: string) => Promise<ClientSessionRecord | undefined>) => {
  const byPairs = preparedMappedQuery(
    engine,
    (d) =>
      // The session ids are chosen first, so the link subqueries run for the chosen sessions
      // only, not for every revoked session in a key's history.
      sessionsWithLinks(d, flavor).where(
        'client_session_id',
        'in',
        batching
          .firstPerGroup(
            d
              .selectFrom('client_sessions')
              .select('client_session_id')
              .where(batching.pairAmong(['workspace_id', 'user_identifier_key'], arg(0), arg(1))),
            ['workspace_id', 'user_identifier_key'],
          )
          .orderBy('workspace_id')
          .orderBy('user_identifier_key')
          .orderBy(liveFirstOrder)
          .orderBy('created_at', 'desc'),
      ),
    toClientSessionRecord,
  )
  const lookup = batching.coalesce(
    (pairs) => {
      const decoded = pairs.map((pair) => JSON.parse(pair) as [string, string])
      return byPairs(
        decoded.map(([workspaceId]) => workspaceId),
        decoded.map(([, userIdentifierKey]) => userIdentifierKey),
      )
    },
    (session) => JSON.stringify([session.workspaceId, session.userIdentifierKey]),
  )
  return (workspaceId, userIdentifierKey) => lookup(JSON.stringify([workspaceId, userIdentifierKey]))
}

export const sessionVerbs = (engine: Engine, flavor: SqlFlavor): SessionVerbs => {
  const { db, batching } = engine
  // A session without links is one row: one prepared statement, no transaction.
  const insertBareSession = preparedWrite(engine, (d) =>
    d
      .insertInto('client_sessions')
      .values(Object.fromEntries(SESSION_COLUMNS.map((column, i): [string, unknown] => [column, arg(i)])) as ReturnType<typeof sessionRow>)
      .onConflict(liveKeyConflict),
  )
  const sessions = () => sessionsWithLinks(db, flavor)
  const findAuth = tokenIdLookup(engine, (d, tokenIdMatches) => sessionsWithLinks(d, flavor).where(tokenIdMatches), toAuth)
  const byId = preparedFirst(
    engine,
    () => sessions().where('workspace_id', '=', arg(0)).where('client_session_id', '=', arg(1)),
    toClientSessionRecord,
  )
  // A user key's session: the live one, else the most recently created. The API-key hot read
  // (client_sessions/get by key, get_or_create): one pair per statement (SQLite answers repeats
  // from its read memo), or where the engine batches (PostgreSQL), concurrent reads share
  // statements: one row per (workspace, key) pair sent, as two arrays.
  const byOneUserKey = preparedFirst(
    engine,
    () =>
      sessions()
        .where('workspace_id', '=', arg(0))
        .where('user_identifier_key', '=', arg(1))
        .orderBy(liveFirstOrder)
        .orderBy('created_at', 'desc')
        .limit(1),
    toClientSessionRecord,
  )
  const byUserKey = batching === undefined ? byOneUserKey : batchedUserKeyLookup(engine, batching, flavor)
  return {
    async insertClientSession(s) {
      if (s.connectedAccountIds.length === 0 && s.connectWebviewIds.length === 0) {
        const row = sessionRow(s)
        if ((await insertBareSession(...SESSION_COLUMNS.map((column) => row[column]))) === 0) return undefined
        // Without links the inserted row is the whole session, so it is not read back.
        // The row itself, completed (not copied by a spread, which cost every create CPU: docs/performance.md).
        return toClientSessionRecord(Object.assign(row, { connected_account_ids: [], connect_webview_ids: [], device_count: 0 }))
      }
      const inserted = await db.transaction().execute(async (trx) => {
        const result = await trx.insertInto('client_sessions').values(sessionRow(s)).onConflict(liveKeyConflict).executeTakeFirst()
        if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false
        await addLinks(trx, s.clientSessionId, s.connectedAccountIds, s.connectWebviewIds)
        return true
      })
      // Read back for what its links reach (device_count); undefined if deleted meanwhile.
      return inserted ? byId(s.workspaceId, s.clientSessionId) : undefined
    },

    findClientSessionAuth: findAuth,

    getClientSession: byId,

    getClientSessionByUserKey: byUserKey,

    async listClientSessions(workspaceId, filter, limit, after) {
      let query = sessions().where('workspace_id', '=', workspaceId)
      if (filter.clientSessionId !== undefined) query = query.where('client_session_id', '=', filter.clientSessionId)
      if (filter.userIdentifierKey !== undefined) query = query.where('user_identifier_key', '=', filter.userIdentifierKey)
      if (filter.userIdentityId !== undefined) query = query.where('user_identity_id', '=', filter.userIdentityId)
      if (filter.withoutUserIdentifierKey === true) query = query.where('user_identifier_key', 'is', null)
      if (filter.connectWebviewId !== undefined) {
        const webviewId = filter.connectWebviewId
        query = query.where('client_session_id', 'in', (eb) =>
          eb.selectFrom('client_session_connect_webviews').select('client_session_id').where('connect_webview_id', '=', webviewId),
        )
      }
      return pageOf(engine, query, 'client_session_id', { limit, after }, toClientSessionRecord)
    },

    grantClientSessionAccess(workspaceId, clientSessionId, grant) {
      return db.transaction().execute(async (trx) => {
        if (!(await lockSession(trx, flavor, workspaceId, clientSessionId))) return false
        await addLinks(trx, clientSessionId, grant.connectedAccountIds, grant.connectWebviewIds)
        const changes = optional({ user_identity_id: grant.userIdentityId, expires_at: grant.expiresAt })
        if (Object.keys(changes).length > 0) {
          await trx
            .updateTable('client_sessions')
            .set(changes)
            .where('workspace_id', '=', workspaceId)
            .where('client_session_id', '=', clientSessionId)
            .execute()
        }
        return true
      })
    },

    revokeClientSession(workspaceId, clientSessionId, at) {
      return db.transaction().execute(async (trx) => {
        if (!(await lockSession(trx, flavor, workspaceId, clientSessionId))) return false
        // Revoking twice is harmless: the first revocation time stays. No event is recorded: Seam's
        // event catalogue has none for it, and events/list answers only events a Seam client knows.
        await trx
          .updateTable('client_sessions')
          .set({ revoked_at: at, expires_at: at })
          .where('workspace_id', '=', workspaceId)
          .where('client_session_id', '=', clientSessionId)
          .where('revoked_at', 'is', null)
          .execute()
        return true
      })
    },

    deleteClientSession(workspaceId, clientSessionId, at) {
      return db.transaction().execute(async (trx) => {
        if (!(await lockSession(trx, flavor, workspaceId, clientSessionId))) return false
        await trx.deleteFrom('client_session_connected_accounts').where('client_session_id', '=', clientSessionId).execute()
        await trx.deleteFrom('client_session_connect_webviews').where('client_session_id', '=', clientSessionId).execute()
        await trx.deleteFrom('client_sessions').where('client_session_id', '=', clientSessionId).execute()
        await recordEvent(trx, { workspaceId, eventType: 'client_session.deleted', clientSessionId, occurredAt: at })
        return true
      })
    },
  }
}
