import { randomUUID } from 'node:crypto'

import { ApiError, notFound } from '../contract/api-error.ts'
import type { ActionAttemptRecord } from '../store/records.ts'
import type { AppContext } from './context.ts'

/**
 * SPEC §10's `workspaces/reset_sandbox`: the workspace's sandbox data goes (the store's one list,
 * store/sql/sandbox-reset.ts) and the attempt that answers the reset is recorded, in one
 * transaction; the workspace, its keys, its members and its webhooks stay. A workspace that is not
 * a sandbox holds real data and is refused before anything is touched.
 */
export const resetSandbox = async ({ store, clock }: AppContext, workspaceId: string): Promise<ActionAttemptRecord> => {
  const workspace = await store.getWorkspace(workspaceId)
  if (workspace === undefined) throw notFound('workspace')
  if (!workspace.isSandbox) {
    throw new ApiError(400, 'workspace_not_sandbox', 'Only a sandbox workspace can be reset, and this workspace is not a sandbox.')
  }
  const attempt: ActionAttemptRecord = {
    actionAttemptId: randomUUID(),
    workspaceId,
    deviceId: null,
    actionType: 'RESET_SANDBOX_WORKSPACE',
    // Done by the time it is answered: the reset is one transaction.
    status: 'success',
    result: {},
    error: null,
    createdAt: clock.now().toISOString(),
  }
  if (!(await store.resetSandboxWorkspace(workspaceId, attempt))) throw notFound('workspace')
  return attempt
}
