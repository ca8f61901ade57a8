import { createDecipheriv, createHash, createHmac, createSecretKey, type KeyObject, randomFillSync } from 'node:crypto'

import { createRequire } from 'node:module'

import type Sodium from 'sodium-native'

/**
 * Authenticated encryption for the one credential the API must echo back: the client session
 * token (`client_sessions/get` and `list` return it), and webhook secrets. The key lives outside
 * the database (env LATCHKEY_SECRET or a key file), so a stolen database copy yields no usable
 * token. The row's id is bound in as associated data: a ciphertext moved onto another row fails
 * to decrypt instead of impersonating that session.
 *
 * Sealed with XChaCha20-Poly1305 through libsodium (sodium-native, whose binaries ship inside
 * its npm package): opening one token costs one native call, against Node's `createDecipheriv`,
 * which builds a cipher object per token, at about twice the cost (docs/performance.md, "Opening
 * a token"). A list answers a token per session, so this is paid per row. Ciphertexts written
 * before, AES-256-GCM through Node, still open: they carry no `x1.` prefix.
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

/** AES-256-GCM ciphertexts, written before XChaCha20-Poly1305: base64 of IV ‖ tag ‖ body. */
const GCM_IV_BYTES = 12
const GCM_TAG_BYTES = 16

/** Marks an XChaCha20-Poly1305 ciphertext: `x1.` + base64 of nonce ‖ body ‖ tag (base64 has no dot). */
const XCHACHA_PREFIX = 'x1.'
/** XChaCha20-Poly1305's nonce and tag sizes (libsodium's NPUBBYTES and ABYTES). */
const NONCE_BYTES = 24
const TAG_BYTES = 16

/**
 * libsodium, loaded on the first seal or opening rather than at import: its loader takes 50–90 ms
 * on this machine, which a server that has minted no token yet (a fresh start, `latchkey --help`)
 * need not pay before it listens (docs/performance.md, "Start-up").
 */
let loaded: typeof Sodium | undefined
const libsodium = (): typeof Sodium => {
  if (loaded === undefined) {
    loaded = createRequire(import.meta.url)('sodium-native') as typeof Sodium
    if (
      loaded.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES !== NONCE_BYTES ||
      loaded.crypto_aead_xchacha20poly1305_ietf_ABYTES !== TAG_BYTES
    ) {
      throw new Error('libsodium reports XChaCha20-Poly1305 sizes other than 24 and 16 bytes')
    }
  }
  return loaded
}

/** Derives a 256-bit key from any secret string, so operators may use any long random value. */
export const deriveKey = (secret: string): Buffer => createHash('sha256').update('latchkey token cipher v1\0').update(secret).digest()

/**
 * One key of the ring in both forms: a KeyObject for the AES-256-GCM ciphertexts written before,
 * and a subkey for XChaCha20-Poly1305 derived from it, so no key serves two algorithms.
 */
interface RingKey {
  gcm: KeyObject
  xchacha: Buffer
}

const ringKey = (key: Buffer): RingKey => ({
  gcm: createSecretKey(key),
  xchacha: createHmac('sha256', key).update('latchkey token cipher xchacha20-poly1305').digest(),
})

// Nonces come from a pool of random bytes, which halved the cost of an encryption
// (docs/performance.md: the IV pool).
const encryptWith = (key: RingKey, nonce: Buffer, plaintext: string, boundTo: string): string => {
  const message = Buffer.from(plaintext, 'utf8')
  const sealed = Buffer.allocUnsafe(NONCE_BYTES + message.length + TAG_BYTES)
  nonce.copy(sealed)
  libsodium().crypto_aead_xchacha20poly1305_ietf_encrypt(
    sealed.subarray(NONCE_BYTES),
    message,
    Buffer.from(boundTo),
    null,
    nonce,
    key.xchacha,
  )
  message.fill(0)
  return XCHACHA_PREFIX + sealed.toString('base64')
}

/**
 * A cipher's own buffers for opening: the ciphertext decoded, the associated data and the
 * plaintext are written into these instead of three new buffers per token (a list opens a token
 * per session). Opening is synchronous, so one set per cipher serves every call; the plaintext's
 * bytes are wiped as soon as its string is made.
 */
interface OpenScratch {
  sealed: Buffer
  associated: Buffer
  message: Buffer
}

/** Tokens, webhook secrets and the ids bound to them are far shorter; anything longer is opened with its own buffers. */
const SCRATCH_BYTES = 512

const openScratch = (): OpenScratch => ({
  sealed: Buffer.alloc(SCRATCH_BYTES),
  associated: Buffer.alloc(SCRATCH_BYTES),
  message: Buffer.alloc(SCRATCH_BYTES),
})

const openXChaCha = (key: RingKey, ciphertext: string, boundTo: string, scratch: OpenScratch): string => {
  const encoded = ciphertext.slice(XCHACHA_PREFIX.length)
  // base64 decodes to at most 3 bytes per 4 characters; a UTF-16 unit is at most 3 bytes of UTF-8.
  const fits = encoded.length <= (SCRATCH_BYTES / 3) * 4 && boundTo.length * 3 <= SCRATCH_BYTES
  const sealedLength = fits ? scratch.sealed.write(encoded, 'base64') : 0
  const sealed = fits ? scratch.sealed.subarray(0, sealedLength) : Buffer.from(encoded, 'base64')
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('ciphertext too short')
  const associated = fits ? scratch.associated.subarray(0, scratch.associated.write(boundTo, 'utf8')) : Buffer.from(boundTo)
  const messageLength = sealed.length - NONCE_BYTES - TAG_BYTES
  const message = fits ? scratch.message.subarray(0, messageLength) : Buffer.alloc(messageLength)
  try {
    libsodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      message,
      null,
      sealed.subarray(NONCE_BYTES),
      associated,
      sealed.subarray(0, NONCE_BYTES),
      key.xchacha,
    )
    return message.toString('utf8')
  } finally {
    // The string goes to the answer; the bytes it came from are wiped rather than left behind.
    message.fill(0)
  }
}

const openGcm = (key: RingKey, ciphertext: string, boundTo: string): string => {
  const raw = Buffer.from(ciphertext, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key.gcm, raw.subarray(0, GCM_IV_BYTES))
  decipher.setAAD(Buffer.from(boundTo))
  decipher.setAuthTag(raw.subarray(GCM_IV_BYTES, GCM_IV_BYTES + GCM_TAG_BYTES))
  return Buffer.concat([decipher.update(raw.subarray(GCM_IV_BYTES + GCM_TAG_BYTES)), decipher.final()]).toString('utf8')
}

const decryptWith = (key: RingKey, ciphertext: string, boundTo: string, scratch: OpenScratch): string =>
  ciphertext.startsWith(XCHACHA_PREFIX) ? openXChaCha(key, ciphertext, boundTo, scratch) : openGcm(key, ciphertext, boundTo)

/** Thrown when no key of the ring opens a stored token (the key it was sealed with is gone). */
export class UndecryptableTokenError extends Error {}

/** A stored token opened: its plaintext and the index in the ring of the key that opened it. */
export interface OpenedToken {
  plaintext: string
  keyIndex: number
}

/**
 * A cipher over a key ring: the first key encrypts; decryption tries each key in order, so
 * tokens sealed under a previous key stay readable while a rotation is under way. The AEAD's tag
 * check makes a wrong key fail at once, so no key id needs storing beside the ciphertext.
 */
export const createTokenCipher = (
  ...keys: Buffer[]
): TokenCipher & { open(ciphertext: string, boundTo: string): OpenedToken | undefined } => {
  if (keys.length === 0 || keys.some((key) => key.length !== 32)) throw new Error('token cipher keys must be 32 bytes')
  const ring = keys.map(ringKey)
  const current = ring[0] as RingKey
  // Nonces are public (stored with the ciphertext); this cipher's own pool.
  const nextNonce = createRandomPool()
  const scratch = openScratch()
  const open = (ciphertext: string, boundTo: string): OpenedToken | undefined => {
    for (const [keyIndex, key] of ring.entries()) {
      try {
        return { plaintext: decryptWith(key, ciphertext, boundTo, scratch), keyIndex }
      } catch {
        // Not this key; try the next.
      }
    }
    return undefined
  }
  return {
    encrypt: (plaintext, boundTo) => encryptWith(current, nextNonce(NONCE_BYTES), plaintext, boundTo),
    decrypt(ciphertext, boundTo) {
      const opened = open(ciphertext, boundTo)
      if (opened === undefined) throw new UndecryptableTokenError('no configured key decrypts this token')
      return opened.plaintext
    },
    open,
  }
}
