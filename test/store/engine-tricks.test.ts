import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { authenticate, clientSessionVerdict, presentedClientSessionToken } from '../../src/auth/authenticate.ts'
import type { AuthRequest } from '../../src/auth/auth.ts'
import { mintCredential } from '../../src/auth/tokens.ts'
import { ApiError } from '../../src/contract/api-error.ts'
import type { NewClientSession } from '../../src/store/records.ts'
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts'
import { NOT_AT_HAND, type Store } from '../../src/store/store.ts'

const NOW = new Date('2026-06-01T00:00:00.000Z')
const clock = { now: () => NOW }

/** A workspace and one session in it, its token with it. */
const seed = async (store: Store) => {
  await store.migrate()
  const workspaceId = randomUUID()
  await store.createWorkspace({ workspaceId, name: 'w', isSandbox: true, createdAt: NOW.toISOString() })
  const minted = mintCredential('client_session_token')
  const clientSessionId = randomUUID()
  const session: NewClientSession = {
    clientSessionId,
    workspaceId,
    tokenId: minted.tokenId,
    secretHash: minted.secretHash.toString('hex'),
    tokenCiphertext: 'sealed',
    userIdentifierKey: 'user-1',
    userIdentityId: null,
    customerId: null,
    customerKey: 'customer',
    createdAt: NOW.toISOString(),
    expiresAt: '2027-06-01T00:00:00.000Z',
    connectedAccountIds: [],
    connectWebviewIds: [],
  }
  const inserted = await store.insertClientSession(session)
  return { workspaceId, clientSessionId, token: minted.token, tokenId: minted.tokenId, inserted }
}

const cst = (token: string) => ({ headers: { 'client-session-token': token }, body: {} })

describe('engine tricks: the plain engine and the fast one answer alike', () => {
  test('the insert answers the session a read gives back, on both engines', async () => {
    for (const engineTricks of [true, false]) {
      const store = openSqliteStore(':memory:', { engineTricks })
      try {
        const { workspaceId, clientSessionId, inserted } = await seed(store)
        assert.deepEqual(inserted, await store.getClientSession(workspaceId, clientSessionId))
        assert.deepEqual(inserted, await store.getClientSessionByUserKey(workspaceId, 'user-1'))
        assert.equal(inserted?.customerKey, 'customer')
      } finally {
        await store.close()
      }
    }
  })

  test('the token read now: the same answer with tricks, and no such read without', async () => {
    const fast = openSqliteStore(':memory:')
    const plain = openSqliteStore(':memory:', { engineTricks: false })
    try {
      const seeded = await seed(fast)
      const now = fast.clientSessionAuthNow?.(seeded.tokenId)
      assert.notEqual(now, NOT_AT_HAND)
      assert.deepEqual(now, await fast.findClientSessionAuth(seeded.tokenId))
      assert.equal(fast.clientSessionAuthNow?.('unknown'), undefined)
      const other = await seed(plain)
      assert.equal('clientSessionAuthNow' in plain, false)
      assert.equal((await plain.findClientSessionAuth(other.tokenId))?.session.clientSessionId, other.clientSessionId)
    } finally {
      await fast.close()
      await plain.close()
    }
  })

  test('the token read now, checked as authenticate checks it, answers what authenticate answers and throws its errors', async () => {
    const store = openSqliteStore(':memory:')
    try {
      const { token, clientSessionId } = await seed(store)
      const deps = { store, clock }
      const accepted = ['client_session_token', 'api_key'] as const
      // What the hot read chain makes of a request (http/route-call.ts), NOT_AT_HAND when it cannot.
      const authenticateNow = (kinds: typeof accepted, request: AuthRequest) => {
        const presented = presentedClientSessionToken(kinds, request)
        if (presented === undefined) return NOT_AT_HAND
        const found = store.clientSessionAuthNow?.(presented.tokenId) ?? NOT_AT_HAND
        return found === NOT_AT_HAND ? NOT_AT_HAND : clientSessionVerdict(presented.token, presented.secret, found, clock)
      }
      const now = authenticateNow(accepted, cst(token))
      assert.deepEqual(now, await authenticate(accepted, cst(token), deps))
      assert.equal(now.kind === 'client_session_token' && now.clientSessionId, clientSessionId)
      // Another kind is not attempted at once.
      assert.equal(authenticateNow(accepted, { headers: { authorization: 'Bearer seam_x_y' }, body: {} }), NOT_AT_HAND)
      // Failures: the same ApiError, thrown rather than rejected.
      const wrong = `${token.slice(0, -1)}${token.endsWith('1') ? '2' : '1'}`
      for (const request of [cst(wrong), cst('seam_cst1_malformed'), { headers: {}, body: {} }]) {
        const rejected = await authenticate(accepted, request, deps).then(
          () => assert.fail('authenticated'),
          (error: unknown) => error,
        )
        assert.ok(rejected instanceof ApiError)
        assert.throws(
          () => authenticateNow(accepted, request),
          (error) => error instanceof ApiError && error.type === rejected.type && error.status === rejected.status,
        )
      }
    } finally {
      await store.close()
    }
  })
})
