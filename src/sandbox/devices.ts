import { randomUUID } from 'node:crypto'

import type { NewDevice } from '../store/records.ts'

/** A sandbox account's lock, as a sign-in creates it: online and locked. */
export const sandboxLock = (workspaceId: string, connectedAccountId: string, name: string, at: string): NewDevice => ({
  deviceId: randomUUID(),
  workspaceId,
  connectedAccountId,
  deviceType: 'august_lock',
  displayName: name,
  properties: { name, online: true, locked: true },
  createdAt: at,
})
