import { parseArgs } from 'node:util'

import { systemClock } from '../clock.ts'
import { provisionWorkspace } from '../domain/provisioning.ts'
import { type CliIo, print, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

export const workspacesCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  if (action === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { ...databaseOption, name: { type: 'string' }, sandbox: { type: 'boolean' }, json: { type: 'boolean' } },
    })
    if (values.name === undefined || values.name.trim() === '') throw new UsageError('workspaces create needs --name NAME')
    const name = values.name.trim()
    const created = await withStore(io, values['database-url'], (store) =>
      provisionWorkspace(store, systemClock, { name, isSandbox: values.sandbox === true }),
    )
    print(
      io,
      values.json === true,
      { ...created },
      [
        `workspace_id     ${created.workspace_id}`,
        `name             ${created.name}${created.is_sandbox ? ' (sandbox)' : ''}`,
        `api_key          ${created.api_key}`,
        `publishable_key  ${created.publishable_key}`,
        'Store these keys now: they are not shown again.',
      ].join('\n'),
    )
    return 0
  }
  if (action === 'list') {
    const { values } = parseArgs({ args: rest, options: { ...databaseOption, json: { type: 'boolean' } } })
    const workspaces = await withStore(io, values['database-url'], (store) => store.listWorkspaces())
    const rows = workspaces.map((w) => ({ workspace_id: w.workspaceId, name: w.name, is_sandbox: w.isSandbox, created_at: w.createdAt }))
    print(
      io,
      values.json === true,
      { workspaces: rows },
      rows.length === 0 ? 'No workspaces.' : rows.map((w) => `${w.workspace_id}  ${w.name}${w.is_sandbox ? ' (sandbox)' : ''}`).join('\n'),
    )
    return 0
  }
  throw new UsageError('usage: latchkey workspaces create --name NAME [--sandbox] [--json] | workspaces list [--json]')
}
