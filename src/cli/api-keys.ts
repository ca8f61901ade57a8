import { parseArgs } from 'node:util'

import { systemClock } from '../clock.ts'
import { publicPrefix } from '../auth/tokens.ts'
import { createApiKey } from '../domain/provisioning.ts'
import { type CliIo, print, requireWorkspace, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

export const apiKeysCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { ...databaseOption, workspace: { type: 'string' }, name: { type: 'string' }, 'api-key-id': { type: 'string' } },
  })
  const json = values.json === true
  if (action === 'create' || action === 'list') {
    const workspaceId = values.workspace
    if (workspaceId === undefined) throw new UsageError(`api-keys ${action} needs --workspace ID`)
    if (action === 'create') {
      const created = await withStore(io, values, async ({ store }) => {
        await requireWorkspace(store, workspaceId)
        return createApiKey(store, systemClock, workspaceId, values.name ?? null)
      })
      print(
        io,
        json,
        { ...created },
        `api_key_id  ${created.api_key_id}\napi_key     ${created.api_key}\nStore this key now: it is not shown again.`,
      )
      return 0
    }
    const keys = await withStore(io, values, async ({ store }) => {
      await requireWorkspace(store, workspaceId)
      return store.listApiKeys(workspaceId)
    })
    const rows = keys.map((k) => ({
      api_key_id: k.apiKeyId,
      prefix: publicPrefix('api_key', k.tokenId),
      name: k.name,
      created_at: k.createdAt,
      revoked_at: k.revokedAt,
    }))
    print(
      io,
      json,
      { api_keys: rows },
      rows
        .map(
          (k) =>
            `${k.api_key_id}  ${k.prefix}  ${k.name ?? '(no name)'}  ${k.created_at}  ${k.revoked_at === null ? 'active' : `revoked ${k.revoked_at}`}`,
        )
        .join('\n'),
    )
    return 0
  }
  if (action === 'revoke') {
    const apiKeyId = values['api-key-id']
    if (apiKeyId === undefined) throw new UsageError('api-keys revoke needs --api-key-id ID')
    const found = await withStore(io, values, ({ store }) => store.revokeApiKey(apiKeyId, systemClock.now().toISOString()))
    if (!found) throw new UsageError(`no api key ${apiKeyId}`)
    print(io, json, { api_key_id: apiKeyId, revoked: true }, `Revoked ${apiKeyId}.`)
    return 0
  }
  throw new UsageError('api-keys needs an action: create, list or revoke')
}
