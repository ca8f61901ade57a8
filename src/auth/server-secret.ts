import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

import type { DatabaseLocation } from '../store/open-store.ts'
import { deriveKey } from './token-cipher.ts'

const MIN_SECRET_LENGTH = 32

const readOrCreateKeyFile = (path: string): Buffer => {
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const key = randomBytes(32)
  mkdirSync(dirname(path), { recursive: true })
  // 'wx' fails if another process created the file first; then read theirs.
  try {
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
    return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex')
  }
}

/**
 * The key that encrypts client session tokens at rest. It never sits in the database:
 * - LATCHKEY_SECRET (any string of 32+ characters) when set: required with PostgreSQL, where
 *   several servers must share it;
 * - otherwise, for SQLite, `<database file>.key` (mode 0600) created on first start: back it up
 *   with the database, and keep it off the machines that only receive database copies.
 */
export const resolveTokenKey = (location: DatabaseLocation, secret: string | undefined): Buffer => {
  if (secret !== undefined && secret !== '') {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`LATCHKEY_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
    return deriveKey(secret)
  }
  if (location.kind === 'postgres') throw new Error('LATCHKEY_SECRET must be set when the store is PostgreSQL')
  if (location.path === ':memory:') return randomBytes(32)
  const key = readOrCreateKeyFile(`${location.path}.key`)
  if (key.length !== 32) throw new Error(`${location.path}.key does not hold a 32-byte hex key`)
  return key
}
