import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

const fromSecret = (secret: string, name: string): Buffer => {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} characters`)
  return deriveKey(secret)
}

export interface SecretSettings {
  LATCHKEY_SECRET?: string | undefined
  LATCHKEY_PREVIOUS_SECRETS?: string | undefined
}

/** One key of the ring and where it came from, for messages ("the key file data/x.sqlite.key"). */
export interface NamedKey {
  key: Buffer
  name: string
}

/** The SQLite key file the ring needs does not exist, and the caller did not allow creating it. */
export class MissingKeyFileError extends Error {
  constructor(readonly path: string) {
    super(`no key file at ${path}`)
  }
}

/**
 * The keys that encrypt client session tokens at rest, current first. They never sit in the
 * database:
 * - LATCHKEY_SECRET (any string of 32+ characters) when set: required with PostgreSQL, where
 *   several servers must share it;
 * - otherwise, for SQLite, `<database file>.key` (mode 0600), created on first start when
 *   `createKeyFile` allows it: back it up with the database, and keep it off the machines that
 *   only receive database copies;
 * - then each of LATCHKEY_PREVIOUS_SECRETS (comma-separated), which only decrypt, and a SQLite
 *   key file that LATCHKEY_SECRET has replaced: so switching keys never strands a stored token.
 */
export const resolveKeyRing = (
  location: DatabaseLocation,
  env: SecretSettings,
  options: { createKeyFile: boolean } = { createKeyFile: true },
): NamedKey[] => {
  const previous = (env.LATCHKEY_PREVIOUS_SECRETS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i, all) => ({
      key: fromSecret(entry, 'each of LATCHKEY_PREVIOUS_SECRETS'),
      name: all.length === 1 ? 'LATCHKEY_PREVIOUS_SECRETS' : `LATCHKEY_PREVIOUS_SECRETS (entry ${i + 1})`,
    }))
  const secret = env.LATCHKEY_SECRET
  if (secret !== undefined && secret !== '') {
    const keyFile = location.kind === 'sqlite' && location.path !== ':memory:' ? `${location.path}.key` : undefined
    const replacedFileKey =
      keyFile !== undefined && existsSync(keyFile) ? [{ key: readOrCreateKeyFile(keyFile), name: `the key file ${keyFile}` }] : []
    return [{ key: fromSecret(secret, 'LATCHKEY_SECRET'), name: 'LATCHKEY_SECRET' }, ...previous, ...replacedFileKey]
  }
  if (location.kind === 'postgres')
    throw new Error('LATCHKEY_SECRET must be set when the store is PostgreSQL (32+ characters, the same on every server)')
  if (location.path === ':memory:') return [{ key: randomBytes(32), name: 'a random key of this in-memory database' }, ...previous]
  const path = `${location.path}.key`
  if (!options.createKeyFile && !existsSync(path)) throw new MissingKeyFileError(path)
  const key = readOrCreateKeyFile(path)
  if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte hex key`)
  return [{ key, name: `the key file ${path}` }, ...previous]
}
