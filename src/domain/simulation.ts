import { ApiError, notFound } from '../contract/api-error.ts'
import type { DeviceChanger, DeviceRecord } from '../store/records.ts'
import type { AppContext } from './context.ts'

/**
 * A simulate route changes the sandbox as the real event would (contract §10); outside a sandbox
 * workspace there is nothing to simulate, and the answer says so rather than touching real data.
 */
export const requireSandboxWorkspace = async (context: AppContext, workspaceId: string, route: string): Promise<void> => {
  const workspace = await context.store.getWorkspace(workspaceId)
  if (workspace?.isSandbox === true) return
  throw new ApiError(
    400,
    'not_a_sandbox_workspace',
    `${route} simulates a change and is only available in a sandbox workspace; workspace ${workspaceId} is not a sandbox.`,
  )
}

/** Applies a simulated change to a device of the workspace (managed or not); 404 device_not_found when it has none. */
export const simulateOnDevice = async (
  context: AppContext,
  workspaceId: string,
  route: string,
  deviceId: string,
  change: DeviceChanger,
): Promise<DeviceRecord> => {
  await requireSandboxWorkspace(context, workspaceId, route)
  const device = await context.store.changeDevice(workspaceId, deviceId, change)
  if (device === undefined) throw notFound('device')
  return device
}
