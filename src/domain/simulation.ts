import { notFound } from '../contract/api-error.ts'
import type { DeviceChanger, DeviceRecord } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { requireSandboxWorkspace } from './sandbox-only.ts'

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
