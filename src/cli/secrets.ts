import { parseArgs } from 'node:util'

import { KEY_CHECK_SETTING, keyCheckValue, verifyKeyRing } from '../auth/key-check.ts'
import { type CliIo, print, UsageError } from './io.ts'
import { databaseOption, type OpenedStore, withStore } from './store-option.ts'

const PAGE = 500

export interface RotationReport {
  examined: number
  reencrypted: number
  already_current: number
  unreadable: number
}

/**
 * Re-encrypts every stored token still sealed under a previous key, page by page, each row with
 * a compare-and-swap, so servers keep serving (and creating sessions) throughout: a server with
 * LATCHKEY_SECRET=new and LATCHKEY_PREVIOUS_SECRETS=old reads both forms. Only when every
 * readable row is under the current key does the database's key check move to it, after which a
 * server with only the old key is refused at start.
 */
const rotate = async ({ store, keys, cipher }: OpenedStore): Promise<RotationReport> => {
  const report: RotationReport = { examined: 0, reencrypted: 0, already_current: 0, unreadable: 0 }
  let after: string | null = null
  for (;;) {
    const page = await store.listTokenCiphertexts(after, PAGE)
    for (const row of page) {
      report.examined += 1
      const opened = cipher.open(row.tokenCiphertext, row.clientSessionId)
      if (opened === undefined) report.unreadable += 1
      else if (opened.keyIndex === 0) report.already_current += 1
      else {
        const swapped = await store.replaceTokenCiphertext(
          row.clientSessionId,
          row.tokenCiphertext,
          cipher.encrypt(opened.plaintext, row.clientSessionId),
        )
        if (swapped) report.reencrypted += 1
      }
    }
    if (page.length < PAGE) break
    after = page[page.length - 1]?.clientSessionId ?? null
  }
  await store.putSetting(KEY_CHECK_SETTING, keyCheckValue(keys[0] as Buffer))
  return report
}

export const secretsCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  const { values } = parseArgs({ args: rest, options: databaseOption })
  const json = values.json === true
  if (action === 'check') {
    // Opening the store already refuses a key that does not match; this says which one matched.
    const { index, names } = await withStore(io, values, async ({ store, namedKeys, cipher }) => ({
      index: await verifyKeyRing(store, namedKeys, cipher),
      names: namedKeys.map(({ name }) => name),
    }))
    const [current] = names
    print(
      io,
      json,
      { ok: true, key: index === 0 ? 'current' : 'previous', key_in_use: current, data_key: names[index] },
      index === 0
        ? `The database matches the key in use: ${current}.`
        : `The database is still under ${names[index]}, a previous key; the key in use is ${current}. Run "latchkey secrets rotate" to move every token to it.`,
    )
    return 0
  }
  if (action === 'rotate') {
    const report = await withStore(io, values, rotate)
    print(
      io,
      json,
      { ...report },
      [
        `Examined ${report.examined} client session tokens: ${report.reencrypted} re-encrypted, ${report.already_current} already under the key in use.`,
        report.unreadable > 0
          ? `${report.unreadable} could not be decrypted with any configured key; they keep working for their holders but client_sessions/get answers their token as null.`
          : 'Every token is under the key in use; the previous keys (LATCHKEY_PREVIOUS_SECRETS, or a replaced key file) can now be removed.',
      ].join('\n'),
    )
    return 0
  }
  throw new UsageError('secrets needs an action: check or rotate')
}
