import { ApiError } from '../contract/api-error.ts'
import type { AppContext } from './context.ts'

/**
 * Simulate routes change the sandbox as real hardware would; a production workspace has real
 * hardware, so they refuse (contract §10) before reading anything else.
 */
export const requireSandboxWorkspace = async ({ store }: AppContext, workspaceId: string, path: string): Promise<void> => {
  const workspace = await store.getWorkspace(workspaceId)
  if (workspace?.isSandbox === true) return
  // Seam's own type for this refusal (its fake answers it too), the same reset_sandbox answers.
  throw new ApiError(
    400,
    'workspace_not_sandbox',
    `${path.replace(/^\//, '')} simulates hardware, so it is only available in a sandbox workspace; this workspace is not a sandbox.`,
  )
}
