import { createHmac } from 'node:crypto'

import type { Store } from '../store/store.ts'
import type { NamedKey } from './server-secret.ts'
import type { createTokenCipher } from './token-cipher.ts'

export const KEY_CHECK_SETTING = 'token_key_check'

/**
 * A value that identifies a key without revealing it: an HMAC of a fixed label under the key.
 * Stored in the database, it lets a server tell at start that it holds the key the data needs.
 */
export const keyCheckValue = (key: Buffer): string => createHmac('sha256', key).update('latchkey token key check v1').digest('hex')

/** The configured key does not match the one the stored tokens were encrypted with. */
export class KeyMismatchError extends Error {
  constructor(inUse: string) {
    super(
      `The key in use (${inUse}) does not match the key this database's client session tokens were encrypted with. ` +
        'Start with the key used before: the same LATCHKEY_SECRET, or for SQLite without LATCHKEY_SECRET the <database>.key file that belongs to this database. ' +
        'To change keys, set LATCHKEY_SECRET to the new one and LATCHKEY_PREVIOUS_SECRETS to the old one, then run "latchkey secrets rotate".',
    )
  }
}

export type KeyRingCipher = ReturnType<typeof createTokenCipher>

/**
 * Compares the configured keys with the database's key check value and answers the position of
 * the key the data is under: 0 for the current key, more while a rotation is under way (the data
 * is still under a previous key). The first server on a database records the check of its current
 * key; a database from before key checks existed is judged by whether one of its stored tokens
 * decrypts.
 */
export const verifyKeyRing = async (store: Store, keys: NamedKey[], cipher: KeyRingCipher): Promise<number> => {
  const checks = keys.map(({ key }) => keyCheckValue(key))
  const current = keys[0]?.name ?? 'none'
  let stored = await store.getSetting(KEY_CHECK_SETTING)
  if (stored === undefined) {
    const [sample] = await store.listTokenCiphertexts(null, 1)
    const index = sample === undefined ? 0 : (cipher.open(sample.tokenCiphertext, sample.clientSessionId)?.keyIndex ?? -1)
    if (index < 0) throw new KeyMismatchError(current)
    stored = await store.initSetting(KEY_CHECK_SETTING, checks[index] as string)
  }
  const index = checks.indexOf(stored)
  if (index < 0) throw new KeyMismatchError(current)
  return index
}

/** Whether a database already holds data sealed under some key (its key check, or a token). */
export const holdsSealedData = async (store: Store): Promise<boolean> =>
  (await store.getSetting(KEY_CHECK_SETTING)) !== undefined || (await store.listTokenCiphertexts(null, 1)).length > 0

/** Whether the database's key check names one of these keys (readiness asks this on each probe). */
export const keyCheckPasses = async (store: Store, keys: Buffer[]): Promise<boolean> => {
  const stored = await store.getSetting(KEY_CHECK_SETTING)
  return stored !== undefined && keys.map(keyCheckValue).includes(stored)
}
