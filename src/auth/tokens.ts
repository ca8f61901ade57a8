import { hash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Credential formats (contract §2). Every credential is `<prefix><id>_<secret>`:
 * - the prefix names the kind, so a server can route a credential without a lookup;
 * - the 8-character id is the database lookup key (indexed, not secret);
 * - the secret is only ever stored as its SHA-256 hash.
 * A 32-character base58 secret carries ~187 bits of entropy and a 24-character one ~140 bits,
 * both above the 128 bits the contract asks for; a fast hash (not bcrypt) is then enough, because
 * no one can brute-force a 2^128 space, and it keeps the hot auth path cheap.
 */
export type CredentialKind = 'api_key' | 'client_session_token' | 'publishable_key' | 'personal_access_token'

/** Bitcoin's base58 alphabet: no 0/O/I/l, so tokens survive being read aloud or retyped. */
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/**
 * `length` characters drawn uniformly from the alphabet with a CSPRNG. Rejection sampling
 * (discarding bytes >= 232 = 4 * 58) keeps every character equally likely, so each carries
 * log2(58) ≈ 5.86 bits of entropy. The bytes are drawn for this call alone (eight more than
 * needed cover the rejections almost always): a token's secret never sits in a pool before the
 * request that mints it.
 */
export const randomBase58 = (length: number): string => {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length - out.length + 8)) {
      if (byte < 232) out += BASE58_ALPHABET[byte % 58]
      if (out.length === length) break
    }
  }
  return out
}

const BASE58_CHARS = new Set(BASE58_ALPHABET)
/** Whether every character is of the alphabet (and there is at least one). */
const isBase58 = (value: string): boolean => {
  for (const char of value) if (!BASE58_CHARS.has(char)) return false
  return value.length > 0
}

interface Format {
  prefix: string
  secretLength: number
}

const FORMATS: Record<CredentialKind, Format> = {
  api_key: { prefix: 'seam_', secretLength: 32 },
  client_session_token: { prefix: 'seam_cst1', secretLength: 24 },
  publishable_key: { prefix: 'seam_pk1', secretLength: 24 },
  personal_access_token: { prefix: 'seam_at1', secretLength: 32 },
}

const ID_LENGTH = 8
// An API key's id sits right after `seam_`, so it must not look like another kind's prefix.
const RESERVED_API_KEY_ID_STARTS = ['cst', 'pk', 'at']

export interface MintedCredential {
  /** The full credential, shown to its owner once (or kept encrypted, for a CST). */
  token: string
  tokenId: string
  secretHash: Buffer
}

// One-shot hash (Node ≥ 20.12): no Hash object per request on the hot auth path.
export const hashSecret = (secret: string): Buffer => hash('sha256', secret, 'buffer')

const isReservedApiKeyId = (id: string): boolean => RESERVED_API_KEY_ID_STARTS.some((start) => id.toLowerCase().startsWith(start))

export const mintCredential = (kind: CredentialKind): MintedCredential => {
  const { prefix, secretLength } = FORMATS[kind]
  for (;;) {
    // The id and the secret in one draw from the CSPRNG, since each draw has a fixed cost; the
    // secret's bytes are drawn for this credential alone, never pooled ahead of time.
    const drawn = randomBase58(ID_LENGTH + secretLength)
    const tokenId = drawn.slice(0, ID_LENGTH)
    if (kind === 'api_key' && isReservedApiKeyId(tokenId)) continue
    const secret = drawn.slice(ID_LENGTH)
    return { token: `${prefix}${tokenId}_${secret}`, tokenId, secretHash: hashSecret(secret) }
  }
}

export interface ParsedCredential {
  tokenId: string
  secret: string
}

/**
 * Splits a credential of the given kind into id and secret, or returns undefined when it is not
 * well-formed. Shape checks happen before any database lookup so garbage costs nothing.
 */
export const parseCredential = (kind: CredentialKind, token: string): ParsedCredential | undefined => {
  const { prefix, secretLength } = FORMATS[kind]
  if (!token.startsWith(prefix)) return undefined
  const rest = token.slice(prefix.length)
  const tokenId = rest.slice(0, ID_LENGTH)
  const secret = rest.slice(ID_LENGTH + 1)
  if (rest[ID_LENGTH] !== '_' || secret.length < secretLength || secret.length > 128) return undefined
  if (!isBase58(tokenId) || !isBase58(secret)) return undefined
  return { tokenId, secret }
}

/** Which kind a bearer token claims to be, judged by its prefix alone. */
export const classifyBearer = (token: string): CredentialKind | undefined => {
  if (token.startsWith(FORMATS.client_session_token.prefix.slice(0, 8))) return 'client_session_token'
  if (token.startsWith(FORMATS.publishable_key.prefix.slice(0, 7))) return 'publishable_key'
  if (token.startsWith(FORMATS.personal_access_token.prefix.slice(0, 7))) return 'personal_access_token'
  return 'api_key'
}

/**
 * Constant-time comparison of a presented secret with a stored hash. Both sides are 32-byte
 * digests, so timingSafeEqual never throws on a length mismatch and reveals nothing about
 * how many leading bytes matched.
 */
export const secretMatches = (secret: string, storedHash: Uint8Array): boolean => {
  const presented = hashSecret(secret)
  return storedHash.length === presented.length && timingSafeEqual(presented, storedHash)
}

/**
 * What may be shown of a credential: its kind's prefix and its id, `seam_RcHnQ1b8_…`. Enough to
 * tell one key from another when rotating; nothing of the secret.
 */
export const publicPrefix = (kind: CredentialKind, tokenId: string): string => `${FORMATS[kind].prefix}${tokenId}_…`

/** A credential's format in words, for refusing a fixed token someone wrote by hand (seed files). */
export const describeCredentialFormat = (kind: CredentialKind): string => {
  const { prefix, secretLength } = FORMATS[kind]
  const idRule = kind === 'api_key' ? `, not starting with ${RESERVED_API_KEY_ID_STARTS.join('/')}` : ''
  return `${prefix} + an 8-character base58 id${idRule} + _ + a base58 secret of ${secretLength} to 128 characters`
}

/**
 * A credential given whole (a seed file's fixed token) in the shape `mintCredential` answers, so
 * it is stored exactly as a minted one is: by its id and the hash of its secret. Undefined when
 * the token is not of the kind's format, including an API key whose id would read as another kind.
 */
export const credentialFromToken = (kind: CredentialKind, token: string): MintedCredential | undefined => {
  const parsed = parseCredential(kind, token)
  if (parsed === undefined || (kind === 'api_key' && isReservedApiKeyId(parsed.tokenId))) return undefined
  return { token, tokenId: parsed.tokenId, secretHash: hashSecret(parsed.secret) }
}
