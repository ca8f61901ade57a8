import { createCipheriv, randomBytes } from 'node:crypto'
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createTokenCipher, deriveKey } from '../../src/auth/token-cipher.ts'
import { BASE58_ALPHABET, classifyBearer, mintCredential, parseCredential, randomBase58, secretMatches } from '../../src/auth/tokens.ts'

const B58 = `[${BASE58_ALPHABET}]`

describe('credential formats (contract §2)', () => {
  test('each kind has its prefix, an 8-character base58 id and a long enough secret', () => {
    const cases = [
      ['api_key', new RegExp(`^seam_${B58}{8}_${B58}{32}$`)],
      ['client_session_token', new RegExp(`^seam_cst1${B58}{8}_${B58}{24}$`)],
      ['publishable_key', new RegExp(`^seam_pk1${B58}{8}_${B58}{24}$`)],
      ['personal_access_token', new RegExp(`^seam_at1${B58}{8}_${B58}{32}$`)],
    ] as const
    for (const [kind, pattern] of cases) {
      for (let i = 0; i < 50; i++) assert.match(mintCredential(kind).token, pattern)
    }
  })

  test('an API key id never starts with cst, pk or at, so the kind is clear from the prefix', () => {
    for (let i = 0; i < 3000; i++) {
      const { token } = mintCredential('api_key')
      assert.equal(classifyBearer(token), 'api_key')
      assert.doesNotMatch(token.slice(5).toLowerCase(), /^(cst|pk|at)/)
    }
  })

  test('parse returns id and secret, and the stored hash matches only the right secret', () => {
    const minted = mintCredential('client_session_token')
    const parsed = parseCredential('client_session_token', minted.token)
    assert.ok(parsed)
    assert.equal(parsed.tokenId, minted.tokenId)
    assert.ok(secretMatches(parsed.secret, minted.secretHash))
    // Another last character (one in 58 secrets already ends in x).
    const other = parsed.secret.endsWith('x') ? 'y' : 'x'
    assert.ok(!secretMatches(`${parsed.secret.slice(0, -1)}${other}`, minted.secretHash))
    assert.ok(!minted.secretHash.toString('hex').includes(parsed.secret))
  })

  test('malformed credentials do not parse', () => {
    for (const bad of [
      '',
      'seam_cst1',
      'seam_cst1abcdefgh',
      'seam_cst1abcdefgh_short',
      'seam_cst1abcdefg0_aaaaaaaaaaaaaaaaaaaaaaaaaa',
      'seam_cst1abcdefgh-aaaaaaaaaaaaaaaaaaaaaaaaaa',
      'seam_cst1abcdefgh_aaaaaaaaaaaaaaaaaaaaaaaaa!',
    ]) {
      assert.equal(parseCredential('client_session_token', bad), undefined, bad)
    }
  })

  test('random base58 is uniform enough to use every character', () => {
    const seen = new Set(randomBase58(20_000))
    assert.equal(seen.size, 58)
  })
})

describe('token cipher', () => {
  test('round-trips and is bound to the session id', () => {
    const cipher = createTokenCipher(deriveKey('x'.repeat(40)))
    const sealed = cipher.encrypt('seam_cst1secret', 'session-a')
    assert.equal(cipher.decrypt(sealed, 'session-a'), 'seam_cst1secret')
    assert.ok(!sealed.includes('seam_cst1'))
    assert.throws(() => cipher.decrypt(sealed, 'session-b'))
    assert.throws(() => createTokenCipher(deriveKey('y'.repeat(40))).decrypt(sealed, 'session-a'))
  })

  test('seals with XChaCha20-Poly1305: a fresh nonce each time, and a tampered byte fails', () => {
    const cipher = createTokenCipher(deriveKey('x'.repeat(40)))
    const first = cipher.encrypt('seam_cst1secret', 'session-a')
    const second = cipher.encrypt('seam_cst1secret', 'session-a')
    assert.ok(first.startsWith('x1.'))
    assert.notEqual(first, second)
    const raw = Buffer.from(first.slice(3), 'base64')
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1
    assert.throws(() => cipher.decrypt(`x1.${raw.toString('base64')}`, 'session-a'))
    assert.throws(() => cipher.decrypt('x1.AAAA', 'session-a'))
  })

  test('opens values of any length, bound to ids of any characters, one after another', () => {
    const cipher = createTokenCipher(deriveKey('x'.repeat(40)))
    for (const [plaintext, boundTo] of [
      ['seam_cst1short', 'session-a'],
      ['é'.repeat(700), 'session-b'],
      ['seam_cst1after-a-long-one', 'séssion-ü'.repeat(30)],
      ['', 'empty'],
    ] as const) {
      assert.equal(cipher.decrypt(cipher.encrypt(plaintext, boundTo), boundTo), plaintext)
      assert.throws(() => cipher.decrypt(cipher.encrypt(plaintext, boundTo), `${boundTo}x`))
    }
  })

  test('opens the AES-256-GCM ciphertexts written before, under every key of the ring', () => {
    const oldKey = deriveKey('o'.repeat(40))
    // The earlier format: base64 of a 12-byte IV, the 16-byte tag, then the body.
    const iv = randomBytes(12)
    const gcm = createCipheriv('aes-256-gcm', oldKey, iv)
    gcm.setAAD(Buffer.from('session-a'))
    const body = Buffer.concat([gcm.update('seam_cst1older', 'utf8'), gcm.final()])
    const sealed = Buffer.concat([iv, gcm.getAuthTag(), body]).toString('base64')
    const cipher = createTokenCipher(deriveKey('n'.repeat(40)), oldKey)
    assert.deepEqual(cipher.open(sealed, 'session-a'), { plaintext: 'seam_cst1older', keyIndex: 1 })
    assert.equal(cipher.open(sealed, 'session-b'), undefined)
    // Re-sealed (as a key rotation does), it opens under the first key, in the new format.
    const resealed = cipher.encrypt('seam_cst1older', 'session-a')
    assert.deepEqual(cipher.open(resealed, 'session-a'), { plaintext: 'seam_cst1older', keyIndex: 0 })
  })
})
