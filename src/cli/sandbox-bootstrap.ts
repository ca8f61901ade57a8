import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

import { systemClock } from '../clock.ts'
import { type ProvisionedWorkspace, provisionWorkspace } from '../domain/provisioning.ts'
import type { Store } from '../store/store.ts'
import type { CliIo } from './io.ts'

/**
 * First start on an empty store: a sandbox workspace, so a new user can call the API at once.
 * Its keys go to a file only the server's user can read (so a script, or a person whose terminal
 * scrolled, can read them again), and never to a log stream: on a person's terminal they are also
 * printed once; otherwise (Docker, systemd, CI) only the file's path is printed.
 */
export const bootstrapSandbox = async (store: Store, io: CliIo, keysFile: string): Promise<ProvisionedWorkspace | undefined> => {
  if ((await store.listWorkspaces()).length > 0) return undefined
  const sandbox = await provisionWorkspace(store, systemClock, { name: 'Sandbox', isSandbox: true })
  const path = resolve(keysFile)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(sandbox, null, 2)}\n`, { mode: 0o600 })
  // The mode applies only when the file is created; an existing file is narrowed too.
  chmodSync(path, 0o600)
  if (io.interactive) {
    io.err(
      [
        `Created a sandbox workspace. Its keys, also in ${path} (mode 0600):`,
        `  workspace_id     ${sandbox.workspace_id}`,
        `  api_key          ${sandbox.api_key}`,
        `  publishable_key  ${sandbox.publishable_key}`,
      ].join('\n'),
    )
    return sandbox
  }
  io.err(`Created a sandbox workspace (${sandbox.workspace_id}); its API key and publishable key are in ${path} (mode 0600).`)
  return sandbox
}
