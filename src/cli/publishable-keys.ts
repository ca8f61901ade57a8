import { parseArgs } from 'node:util'

import { publicPrefix } from '../auth/tokens.ts'
import { systemClock } from '../clock.ts'
import { createPublishableKey } from '../domain/provisioning.ts'
import { type CliIo, print, requireWorkspace, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

export const publishableKeysCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { ...databaseOption, workspace: { type: 'string' }, 'publishable-key-id': { type: 'string' } },
  })
  const json = values.json === true
  if (action === 'create' || action === 'list') {
    const workspaceId = values.workspace
    if (workspaceId === undefined) throw new UsageError(`publishable-keys ${action} needs --workspace ID`)
    if (action === 'create') {
      const created = await withStore(io, values, async ({ store }) => {
        await requireWorkspace(store, workspaceId)
        return createPublishableKey(store, systemClock, workspaceId)
      })
      print(
        io,
        json,
        { ...created },
        `publishable_key_id  ${created.publishable_key_id}\npublishable_key     ${created.publishable_key}\nStore this key now: it is not shown again.`,
      )
      return 0
    }
    const keys = await withStore(io, values, async ({ store }) => {
      await requireWorkspace(store, workspaceId)
      return store.listPublishableKeys(workspaceId)
    })
    const rows = keys.map((k) => ({
      publishable_key_id: k.publishableKeyId,
      prefix: publicPrefix('publishable_key', k.tokenId),
      workspace_id: k.workspaceId,
      created_at: k.createdAt,
      revoked_at: k.revokedAt,
    }))
    print(
      io,
      json,
      { publishable_keys: rows },
      rows.length === 0
        ? 'No publishable keys.'
        : rows
            .map(
              (k) =>
                `${k.publishable_key_id}  ${k.prefix}  ${k.created_at}  ${k.revoked_at === null ? 'active' : `revoked ${k.revoked_at}`}`,
            )
            .join('\n'),
    )
    return 0
  }
  if (action === 'revoke') {
    const id = values['publishable-key-id']
    if (id === undefined) throw new UsageError('publishable-keys revoke needs --publishable-key-id ID')
    const found = await withStore(io, values, ({ store }) => store.revokePublishableKey(id, systemClock.now().toISOString()))
    if (!found) throw new UsageError(`no publishable key ${id}`)
    print(io, json, { publishable_key_id: id, revoked: true }, `Revoked ${id}.`)
    return 0
  }
  throw new UsageError('publishable-keys needs an action: create, list or revoke')
}
