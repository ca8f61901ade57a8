import { randomFillSync } from 'node:crypto'

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
