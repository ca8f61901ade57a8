import { nextRandomByte } from './random-pool.ts'

/** Bitcoin's base58 alphabet: no 0/O/I/l, so tokens survive being read aloud or retyped. */
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/**
 * `length` characters drawn uniformly from the alphabet with a CSPRNG. Rejection sampling
 * (discarding bytes >= 232 = 4 * 58) keeps every character equally likely, so each carries
 * log2(58) ≈ 5.86 bits of entropy.
 */
export const randomBase58 = (length: number): string => {
  let out = ''
  while (out.length < length) {
    const byte = nextRandomByte()
    if (byte < 232) out += BASE58_ALPHABET[byte % 58]
  }
  return out
}

const BASE58_CHARS = new Set(BASE58_ALPHABET)
export const isBase58 = (value: string): boolean => {
  for (const char of value) if (!BASE58_CHARS.has(char)) return false
  return value.length > 0
}
