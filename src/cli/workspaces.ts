import { parseArgs } from 'node:util'

import { systemClock } from '../clock.ts'
import { provisionWorkspace } from '../domain/provisioning.ts'
import { type CliIo, print, requireWorkspace, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'

const create = async (rest: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args: rest, options: { ...databaseOption, name: { type: 'string' }, sandbox: { type: 'boolean' } } })
  if (values.name === undefined || values.name.trim() === '') throw new UsageError('workspaces create needs --name NAME')
  const name = values.name.trim()
  const created = await withStore(io, values, ({ store }) =>
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

const list = async (rest: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args: rest, options: databaseOption })
  const workspaces = await withStore(io, values, ({ store }) => store.listWorkspaces())
  const rows = workspaces.map((w) => ({ workspace_id: w.workspaceId, name: w.name, is_sandbox: w.isSandbox, created_at: w.createdAt }))
  print(
    io,
    values.json === true,
    { workspaces: rows },
    rows.length === 0 ? 'No workspaces.' : rows.map((w) => `${w.workspace_id}  ${w.name}${w.is_sandbox ? ' (sandbox)' : ''}`).join('\n'),
  )
  return 0
}

/** Deleting data is refused while the workspace holds any, unless the operator says --force. */
const remove = async (rest: string[], io: CliIo): Promise<number> => {
  const { values } = parseArgs({ args: rest, options: { ...databaseOption, workspace: { type: 'string' }, force: { type: 'boolean' } } })
  const workspaceId = values.workspace
  if (workspaceId === undefined) throw new UsageError('workspaces delete needs --workspace ID')
  const contents = await withStore(io, values, async ({ store }) => {
    await requireWorkspace(store, workspaceId)
    const held = await store.countWorkspaceContents(workspaceId)
    const nonEmpty = Object.entries(held).filter(([, n]) => n > 0)
    if (nonEmpty.length > 0 && values.force !== true) {
      throw new UsageError(
        `workspace ${workspaceId} is not empty (${nonEmpty.map(([what, n]) => `${n} ${what}`).join(', ')}); pass --force to delete it with everything in it`,
      )
    }
    await store.deleteWorkspace(workspaceId)
    return held
  })
  print(io, values.json === true, { workspace_id: workspaceId, deleted: true, contents }, `Deleted workspace ${workspaceId}.`)
  return 0
}

const ACTIONS: Record<string, (rest: string[], io: CliIo) => Promise<number>> = { create, list, delete: remove }

export const workspacesCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  const run = action === undefined ? undefined : ACTIONS[action]
  if (run === undefined) throw new UsageError('workspaces needs an action: create, list or delete')
  return run(rest, io)
}
