import { notFound } from '../contract/api-error.ts'
import { codeStatus } from '../sandbox/access-codes.ts'
import type { DeviceRecord, Scope } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { deviceEvent, succeededAttempt } from './device-actions.ts'
import { lockInScope } from './locks.ts'
import { optional } from '../store/optional.ts'

const applied = async (context: AppContext, change: Parameters<AppContext['store']['applyDeviceChange']>[0]) => {
  // Deleted between the read and the write (its account was removed): as if never found.
  if ((await context.store.applyDeviceChange(change)) === undefined) throw notFound('device')
}

/** The code the lock holds equal to `code`: a managed one first, else an unmanaged one. */
const codeOnLock = async (context: AppContext, device: DeviceRecord, code: string) => {
  const whole: Scope = { workspaceId: device.workspaceId, clientSessionId: null }
  const first = { limit: 1, after: undefined }
  const [managed] = (await context.store.listAccessCodes(whole, { deviceId: device.deviceId, code }, first)).items
  if (managed !== undefined) return { ...managed, isManaged: true }
  const [unmanaged] = (await context.store.listUnmanagedAccessCodes(whole, { deviceId: device.deviceId, code }, first)).items
  return unmanaged && { ...unmanaged, isManaged: false }
}

/** Why the lock refuses a code it holds outside its window, in Seam's reason codes. */
const outsideWindow = (code: { startsAt: string | null; endsAt: string | null }, now: Date) =>
  code.endsAt !== null && new Date(code.endsAt).getTime() <= now.getTime()
    ? { reason_code: 'expired_code', message: 'The access code entered has expired.' }
    : { reason_code: 'unknown_code', message: 'The access code entered is not active yet.' }

/**
 * Someone types `code` on the lock's keypad. A code the lock holds and that is active now (managed
 * or unmanaged, as Seam's lock events tell apart) unlocks it: `lock.unlocked` by keycode. Any other
 * code leaves the lock as it is and records `lock.access_denied` with Seam's reason.
 */
export const simulateKeypadCodeEntry = async (context: AppContext, scope: Scope, deviceId: string, code: string) => {
  const device = await lockInScope(context, scope, deviceId)
  const now = context.clock.now()
  const at = now.toISOString()
  const attempt = succeededAttempt(device, 'SIMULATE_KEYPAD_CODE_ENTRY', at)
  const held = await codeOnLock(context, device, code)
  if (held !== undefined && codeStatus(held, now) === 'set') {
    const unlocked = deviceEvent(device, 'lock.unlocked', at, {
      accessCodeId: held.accessCodeId,
      actionAttemptId: attempt.actionAttemptId,
      details: { method: 'keycode', access_code_is_managed: held.isManaged, code: held.code },
    })
    await applied(context, { workspaceId: device.workspaceId, deviceId, properties: { locked: false }, attempt, events: [unlocked] })
    return attempt
  }
  const reason =
    held === undefined ? { reason_code: 'unknown_code', message: 'The lock holds no such access code.' } : outsideWindow(held, now)
  const denied = deviceEvent(device, 'lock.access_denied', at, {
    ...optional({ accessCodeId: held?.accessCodeId }),
    details: { reason },
  })
  await applied(context, { workspaceId: device.workspaceId, deviceId, properties: {}, attempt, events: [denied] })
  return attempt
}

/** Someone presses the keypad's lock button: a physical action, so `lock.locked` says `manual`. */
export const simulateManualLockViaKeypad = async (context: AppContext, scope: Scope, deviceId: string) => {
  const device = await lockInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const attempt = succeededAttempt(device, 'SIMULATE_MANUAL_LOCK_VIA_KEYPAD', at)
  const locked = deviceEvent(device, 'lock.locked', at, { actionAttemptId: attempt.actionAttemptId, details: { method: 'manual' } })
  await applied(context, { workspaceId: device.workspaceId, deviceId, properties: { locked: true }, attempt, events: [locked] })
  return attempt
}

/**
 * Turns the lock's auto-lock on (with its delay) or off: `properties.auto_lock_enabled` and
 * `auto_lock_delay_seconds`. Seam defines no event for it; the attempt records it.
 */
export const configureAutoLock = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  settings: { enabled: boolean; delaySeconds: number | undefined },
) => {
  const device = await lockInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const attempt = succeededAttempt(device, 'CONFIGURE_AUTO_LOCK', at)
  const properties = {
    auto_lock_enabled: settings.enabled,
    ...optional({ auto_lock_delay_seconds: settings.delaySeconds }),
  }
  await applied(context, { workspaceId: device.workspaceId, deviceId, properties, attempt, events: [] })
  return attempt
}
