import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

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

const IV_BYTES = 12
const TAG_BYTES = 16

/** Derives a 256-bit key from any secret string, so operators may use any long random value. */
export const deriveKey = (secret: string): Buffer =>
  createHash('sha256').update('latchkey token cipher v1\0').update(secret).digest()

export const createTokenCipher = (key: Buffer): TokenCipher => {
  if (key.length !== 32) throw new Error('token cipher key must be 32 bytes')
  return {
    encrypt(plaintext, boundTo) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(boundTo))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    decrypt(ciphertext, boundTo) {
      const raw = Buffer.from(ciphertext, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
      decipher.setAAD(Buffer.from(boundTo))
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    },
  }
}
