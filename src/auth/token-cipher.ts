import { createCipheriv, createDecipheriv, createHash, createSecretKey, type KeyObject, randomFillSync } from 'node:crypto'

/**
 * AES-256-GCM for the one credential the API must echo back: the client session token
 * (`client_sessions/get` returns it). The key lives outside the database (env LATCHKEY_SECRET or
 * a key file), so a stolen database copy yields no usable token. The session id is bound in as
 * associated data: a ciphertext moved onto another row fails to decrypt instead of
 * impersonating that session.
 */
export interface TokenCipher {
  encrypt(plaintext: string, boundTo: string): string
  decrypt(ciphertext: string, boundTo: string): string
}

/**
 * A pool of CSPRNG bytes for values that are not secret (AES-GCM IVs, stored beside their
 * ciphertext), drawn 4 KiB at a time as Node's own randomUUID does: one call into OpenSSL per
 * ~300 IVs instead of one per value (docs/performance.md: the IV pool). Each byte is
 * handed out once and the pool is refilled only when spent, so no byte is ever reused. Owned by
 * whoever creates it (a token cipher makes its own); never used for secrets, whose bytes must
 * not sit in memory before the request that mints them.
 */
export const createRandomPool = (size = 4096): ((length: number) => Buffer) => {
  const pool = Buffer.alloc(size)
  let offset = pool.length
  return (length) => {
    if (offset + length > pool.length) {
      randomFillSync(pool)
      offset = 0
    }
    const bytes = Buffer.from(pool.subarray(offset, offset + length))
    offset += length
    return bytes
  }
}

const IV_BYTES = 12
const TAG_BYTES = 16

/** Derives a 256-bit key from any secret string, so operators may use any long random value. */
export const deriveKey = (secret: string): Buffer => createHash('sha256').update('latchkey token cipher v1\0').update(secret).digest()

// Keys are imported into KeyObjects once, and IVs come from a pool of random bytes, which halved
// the cost of an encryption (docs/performance.md: the IV pool).
const encryptWith = (key: KeyObject, iv: Buffer, plaintext: string, boundTo: string): string => {
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(boundTo))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

const decryptWith = (key: KeyObject, ciphertext: string, boundTo: string): string => {
  const raw = Buffer.from(ciphertext, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
  decipher.setAAD(Buffer.from(boundTo))
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
}

/** Thrown when no key of the ring opens a stored token (the key it was sealed with is gone). */
export class UndecryptableTokenError extends Error {}

/** A stored token opened: its plaintext and the index in the ring of the key that opened it. */
export interface OpenedToken {
  plaintext: string
  keyIndex: number
}

/**
 * A cipher over a key ring: the first key encrypts; decryption tries each key in order, so
 * tokens sealed under a previous key stay readable while a rotation is under way. GCM's tag
 * check makes a wrong key fail at once, so no key id needs storing beside the ciphertext.
 */
export const createTokenCipher = (
  ...keys: Buffer[]
): TokenCipher & { open(ciphertext: string, boundTo: string): OpenedToken | undefined } => {
  if (keys.length === 0 || keys.some((key) => key.length !== 32)) throw new Error('token cipher keys must be 32 bytes')
  const ring = keys.map((key) => createSecretKey(key))
  const current = ring[0] as KeyObject
  // IVs are public (stored with the ciphertext); this cipher's own pool.
  const nextIv = createRandomPool()
  const open = (ciphertext: string, boundTo: string): OpenedToken | undefined => {
    for (const [keyIndex, key] of ring.entries()) {
      try {
        return { plaintext: decryptWith(key, ciphertext, boundTo), keyIndex }
      } catch {
        // Not this key; try the next.
      }
    }
    return undefined
  }
  return {
    encrypt: (plaintext, boundTo) => encryptWith(current, nextIv(IV_BYTES), plaintext, boundTo),
    decrypt(ciphertext, boundTo) {
      const opened = open(ciphertext, boundTo)
      if (opened === undefined) throw new UndecryptableTokenError('no configured key decrypts this token')
      return opened.plaintext
    },
    open,
  }
}
