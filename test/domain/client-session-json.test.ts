import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'

import { createTokenCipher } from '../../src/auth/token-cipher.ts'
import { createClientSessionJson, toClientSessionResource } from '../../src/domain/resources/client-session-json.ts'
import type { ClientSessionRecord } from '../../src/store/records.ts'

const TOKEN = `seam_cst1AbCdEfGh_${'x'.repeat(28)}`

/** A cipher that counts its decryptions. */
const countingCipher = () => {
  const cipher = createTokenCipher(Buffer.alloc(32, 3))
  const counter = { decrypted: 0 }
  return {
    counter,
    cipher: {
      encrypt: (plaintext: string, boundTo: string) => cipher.encrypt(plaintext, boundTo),
      decrypt: (ciphertext: string, boundTo: string) => {
        counter.decrypted++
        return cipher.decrypt(ciphertext, boundTo)
      },
    },
    seal: (id: string) => cipher.encrypt(TOKEN, id),
  }
}

const recordOf = (clientSessionId: string, tokenCiphertext: string, more: Partial<ClientSessionRecord> = {}): ClientSessionRecord => ({
  clientSessionId,
  workspaceId: randomUUID(),
  tokenCiphertext,
  userIdentifierKey: 'jane',
  userIdentityId: null,
  customerId: null,
  customerKey: null,
  createdAt: '2026-11-21T10:00:00.000Z',
  expiresAt: '2027-11-21T10:00:00.000Z',
  revokedAt: null,
  connectedAccountIds: [],
  connectWebviewIds: [],
  deviceCount: 0,
  ...more,
})

describe("client session JSON: an app's cache, keyed by stored record", () => {
  test('the answer is what JSON.stringify gives, with the decrypted token', () => {
    const { cipher, seal } = countingCipher()
    const json = createClientSessionJson(cipher)
    const id = randomUUID()
    const record = recordOf(id, seal(id))
    const answer = JSON.parse(json.answer(record)) as { client_session: { token: string; user_identifier_key: string }; ok: boolean }
    assert.equal(answer.ok, true)
    assert.equal(answer.client_session.token, TOKEN)
    assert.equal(json.answer(record), `{"client_session":${json.resource(record)},"ok":true}`)
  })

  test('the JSON around the token is reused per stored version; the token is opened per answer, never kept', () => {
    const { cipher, counter, seal } = countingCipher()
    const json = createClientSessionJson(cipher)
    const id = randomUUID()
    const record = recordOf(id, seal(id))
    const first = json.answer(record)
    assert.equal(json.answer(record), first)
    assert.equal(counter.decrypted, 2, 'each answer opened the stored token again: no plaintext was kept between them')
    // A write makes a new record: new JSON.
    const renamed = { ...record, userIdentifierKey: 'jane_2' }
    assert.match(json.answer(renamed), /"user_identifier_key":"jane_2"/)
    assert.equal(counter.decrypted, 3)
  })

  test("a ciphertext moved onto another session's row is opened for that row, and answers null", () => {
    const { cipher, seal } = countingCipher()
    const json = createClientSessionJson(cipher)
    const owner = randomUUID()
    const ciphertext = seal(owner)
    assert.match(json.resource(recordOf(owner, ciphertext)), new RegExp(`"token":"${TOKEN}"`))
    assert.match(json.resource(recordOf(randomUUID(), ciphertext)), /"token":null/)
  })

  test('a token the request already holds (its own, or one just minted) answers without decrypting', () => {
    const { cipher, counter, seal } = countingCipher()
    const json = createClientSessionJson(cipher)
    const id = randomUUID()
    const record = recordOf(id, seal(id))
    assert.equal(json.answer(record, TOKEN), `{"client_session":${JSON.stringify(toClientSessionResource(record, TOKEN))},"ok":true}`)
    // What is kept holds no token: each answer carries the one it is given.
    const other = `seam_cst1ZyXwVuTs_${'y'.repeat(28)}`
    assert.match(json.answer(record, other), new RegExp(`"token":"${other}"`))
    assert.match(
      json.answer({ ...record, userIdentifierKey: '"token":null' }, TOKEN),
      new RegExp(`^\\{"client_session":\\{"client_session_id":"${id}","workspace_id":"[^"]+","token":"${TOKEN}"`),
    )
    const minted = recordOf(randomUUID(), 'not-even-a-ciphertext')
    assert.match(json.answer(minted, TOKEN), new RegExp(`"token":"${TOKEN}"`))
    assert.equal(counter.decrypted, 0)
  })

  test('two apps never share a cache', () => {
    const a = countingCipher()
    const b = countingCipher()
    const id = randomUUID()
    const record = recordOf(id, a.seal(id))
    createClientSessionJson(a.cipher).answer(record)
    createClientSessionJson(b.cipher).answer(record)
    assert.equal(a.counter.decrypted, 1)
    assert.equal(b.counter.decrypted, 1)
  })
})
