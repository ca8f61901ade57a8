import { parseArgs } from 'node:util'

import { publicPrefix } from '../auth/tokens.ts'
import { systemClock } from '../clock.ts'
import { createPersonalAccessToken } from '../domain/provisioning.ts'
import { type CliIo, print, requireWorkspace, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'
import { optional } from '../store/optional.ts'

const EMAIL = /^[^@\s]+@[^@\s]+$/

export const patsCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { ...databaseOption, email: { type: 'string' }, workspace: { type: 'string' }, 'pat-id': { type: 'string' } },
  })
  const json = values.json === true
  if (action === 'create') {
    const { email, workspace } = values
    if (email === undefined || !EMAIL.test(email)) throw new UsageError('pats create needs --email EMAIL')
    if (workspace === undefined) throw new UsageError('pats create needs --workspace ID')
    const created = await withStore(io, values, async ({ store }) => {
      await requireWorkspace(store, workspace)
      return createPersonalAccessToken(store, systemClock, email, workspace)
    })
    print(
      io,
      json,
      { ...created },
      `personal_access_token_id  ${created.personal_access_token_id}\nuser_id                   ${created.user_id}\npersonal_access_token     ${created.personal_access_token}\nSend it with the header seam-workspace: ${workspace}. It is not shown again.`,
    )
    return 0
  }
  if (action === 'list') {
    const { email, workspace } = values
    const tokens = await withStore(io, values, async ({ store }) => {
      if (workspace !== undefined) await requireWorkspace(store, workspace)
      return store.listPersonalAccessTokens({
        ...optional({ workspaceId: workspace, email }),
      })
    })
    const rows = tokens.map((t) => ({
      personal_access_token_id: t.personalAccessTokenId,
      prefix: publicPrefix('personal_access_token', t.tokenId),
      user_id: t.userId,
      email: t.email,
      created_at: t.createdAt,
      revoked_at: t.revokedAt,
    }))
    print(
      io,
      json,
      { personal_access_tokens: rows },
      rows.length === 0
        ? 'No personal access tokens.'
        : rows
            .map(
              (t) =>
                `${t.personal_access_token_id}  ${t.prefix}  ${t.email}  ${t.revoked_at === null ? 'active' : `revoked ${t.revoked_at}`}`,
            )
            .join('\n'),
    )
    return 0
  }
  if (action === 'revoke') {
    const id = values['pat-id']
    if (id === undefined) throw new UsageError('pats revoke needs --pat-id ID')
    const found = await withStore(io, values, ({ store }) => store.revokePersonalAccessToken(id, systemClock.now().toISOString()))
    if (!found) throw new UsageError(`no personal access token ${id}`)
    print(io, json, { personal_access_token_id: id, revoked: true }, `Revoked ${id}.`)
    return 0
  }
  throw new UsageError('pats needs an action: create, list or revoke')
}
