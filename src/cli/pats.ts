import { parseArgs } from 'node:util'

import { systemClock } from '../clock.ts'
import { createPersonalAccessToken } from '../domain/provisioning.ts'
import { type CliIo, print, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

export const patsCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  if (action !== 'create') throw new UsageError('usage: latchkey pats create --email EMAIL --workspace ID [--json]')
  const { values } = parseArgs({
    args: rest,
    options: { ...databaseOption, email: { type: 'string' }, workspace: { type: 'string' }, json: { type: 'boolean' } },
  })
  const { email, workspace } = values
  if (email === undefined || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError('pats create needs --email EMAIL')
  if (workspace === undefined) throw new UsageError('pats create needs --workspace ID')
  const created = await withStore(io, values['database-url'], async (store) => {
    if ((await store.getWorkspace(workspace)) === undefined) throw new UsageError(`no workspace ${workspace}`)
    return createPersonalAccessToken(store, systemClock, email, workspace)
  })
  print(
    io,
    values.json === true,
    { ...created },
    `user_id                ${created.user_id}\npersonal_access_token  ${created.personal_access_token}\nSend it with the header seam-workspace: ${workspace}. It is not shown again.`,
  )
  return 0
}
