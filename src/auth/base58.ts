import { randomBytes } from 'node:crypto'

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
export const isBase58 = (value: string): boolean => {
  for (const char of value) if (!BASE58_CHARS.has(char)) return false
  return value.length > 0
}
