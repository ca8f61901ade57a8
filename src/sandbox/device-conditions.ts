import type {
  AccountChanger,
  ConnectedAccountRecord,
  DeviceChanger,
  DeviceRecord,
  NewEvent,
  ResourceErrorRecord,
} from '../store/records.ts'
import { optional } from '../store/optional.ts'

/**
 * The sandbox's simulated conditions (contract §10), as pure functions the store applies inside
 * its transaction (store/sql/device-conditions.ts): each works out a device's or an account's new
 * errors, `properties.online` and the events Seam's document defines for the change, or nothing
 * when the condition is already as asked (so repeating a simulation records nothing twice).
 */

/** The device errors the simulate routes set, with Seam's codes. */
export type DeviceErrorCode = 'device_disconnected' | 'hub_disconnected' | 'account_disconnected' | 'subscription_required'

/** Errors that cut Seam off from the device: while one is present the device is offline. */
const CONNECTIVITY_ERRORS: ReadonlySet<string> = new Set(['device_disconnected', 'hub_disconnected', 'account_disconnected'])

const MESSAGES: Record<DeviceErrorCode, string> = {
  device_disconnected: 'Device is disconnected.',
  hub_disconnected: 'The hub the device connects through is disconnected.',
  account_disconnected: 'The connected account is disconnected; reconnect it through a Connect Webview.',
  subscription_required: 'The device requires a paid subscription with its provider.',
}

/** A device error in Seam's shape: `account_disconnected` is the account's error, shown on the device. */
const deviceError = (code: DeviceErrorCode, at: string): ResourceErrorRecord =>
  code === 'account_disconnected'
    ? { error_code: code, message: MESSAGES[code], created_at: at, is_device_error: false, is_connected_account_error: true }
    : { error_code: code, message: MESSAGES[code], created_at: at, is_device_error: true }

/** An event's `*_errors` items: Seam lists the code, message and time of each. */
const errorSummaries = (errors: ResourceErrorRecord[]) =>
  errors.map((e) => ({ error_code: e.error_code, message: e.message, created_at: e.created_at }))

const isOnline = (errors: ResourceErrorRecord[]) => !errors.some((e) => CONNECTIVITY_ERRORS.has(e.error_code))

const deviceEvent = (device: DeviceRecord, eventType: string, at: string, details?: Record<string, unknown>): NewEvent => ({
  workspaceId: device.workspaceId,
  eventType,
  deviceId: device.deviceId,
  connectedAccountId: device.connectedAccountId,
  occurredAt: at,
  ...optional({ details }),
})

/** The fields Seam's error-carrying device events add: the error and both resources' errors and warnings. */
const errorDetails = (account: ConnectedAccountRecord, errors: ResourceErrorRecord[]) => ({
  connected_account_errors: errorSummaries(account.errors),
  connected_account_warnings: [],
  device_errors: errorSummaries(errors),
  device_warnings: [],
})

/**
 * The device with `errors` in place of its own: `online` follows from them, and a change of
 * `online` is `device.disconnected` / `device.connected` (the `device.unmanaged.*` ones for an
 * unmanaged device), naming the error that cut it off.
 */
const withErrors = (
  device: DeviceRecord,
  account: ConnectedAccountRecord,
  errors: ResourceErrorRecord[],
  code: DeviceErrorCode,
  at: string,
) => {
  const wasOnline = device.properties.online !== false
  const online = isOnline(errors)
  const prefix = device.isManaged ? 'device' : 'device.unmanaged'
  const events: NewEvent[] = []
  if (wasOnline && !online)
    events.push(deviceEvent(device, `${prefix}.disconnected`, at, { error_code: code, ...errorDetails(account, errors) }))
  if (!wasOnline && online) events.push(deviceEvent(device, `${prefix}.connected`, at))
  if (code === 'subscription_required') {
    const added = errors.length > device.errors.length
    events.push(
      added
        ? deviceEvent(device, 'device.error.subscription_required', at, errorDetails(account, errors))
        : deviceEvent(device, 'device.error.subscription_required.resolved', at),
    )
  }
  return { properties: { ...device.properties, online }, condition: { isManaged: device.isManaged, errors }, events }
}

/** Puts the error on the device (nothing when it has it already). */
export const addDeviceError =
  (code: DeviceErrorCode, at: string): DeviceChanger =>
  (device, account) =>
    device.errors.some((e) => e.error_code === code)
      ? undefined
      : withErrors(device, account, [...device.errors, deviceError(code, at)], code, at)

/** Takes the error off the device (nothing when it does not have it). */
export const clearDeviceError =
  (code: DeviceErrorCode, at: string): DeviceChanger =>
  (device, account) =>
    device.errors.some((e) => e.error_code === code)
      ? withErrors(
          device,
          account,
          device.errors.filter((e) => e.error_code !== code),
          code,
          at,
        )
      : undefined

/**
 * Managed or unmanaged (devices/update `is_managed: false`, devices/unmanaged/update `is_managed:
 * true`), with Seam's `device.converted_to_unmanaged` / `device.unmanaged.converted_to_managed`.
 */
export const setManaged =
  (isManaged: boolean, at: string): DeviceChanger =>
  (device) =>
    device.isManaged === isManaged
      ? undefined
      : {
          properties: device.properties,
          condition: { isManaged, errors: device.errors },
          events: [deviceEvent(device, isManaged ? 'device.unmanaged.converted_to_managed' : 'device.converted_to_unmanaged', at)],
        }

/** `account_disconnected` on the account (its devices get theirs from `addDeviceError`), with `connected_account.disconnected`. */
export const disconnectAccount =
  (at: string): AccountChanger =>
  (account) => {
    if (account.errors.some((e) => e.error_code === 'account_disconnected')) return undefined
    const error: ResourceErrorRecord = {
      error_code: 'account_disconnected',
      message: MESSAGES.account_disconnected,
      created_at: at,
      is_connected_account_error: true,
    }
    const errors = [...account.errors, error]
    const event: NewEvent = {
      workspaceId: account.workspaceId,
      eventType: 'connected_account.disconnected',
      connectedAccountId: account.connectedAccountId,
      occurredAt: at,
      details: { connected_account_errors: errorSummaries(errors), connected_account_warnings: [] },
    }
    return {
      settings: { ...settingsOf(account), errors },
      displayName: account.displayName,
      customerKey: account.customerKey,
      events: [event],
    }
  }

/**
 * A sign-in through a Connect Webview reconnects a disconnected account: `account_disconnected`
 * leaves it (its devices lose theirs through `clearDeviceError`), with `connected_account.connected`,
 * which Seam records for a reconnection as for a first connection.
 */
export const reconnectAccount =
  (at: string): AccountChanger =>
  (account) => {
    if (!account.errors.some((e) => e.error_code === 'account_disconnected')) return undefined
    const event: NewEvent = {
      workspaceId: account.workspaceId,
      eventType: 'connected_account.connected',
      connectedAccountId: account.connectedAccountId,
      occurredAt: at,
    }
    return {
      settings: { ...settingsOf(account), errors: account.errors.filter((e) => e.error_code !== 'account_disconnected') },
      displayName: account.displayName,
      customerKey: account.customerKey,
      events: [event],
    }
  }

/** The settings part of an account record, to change one of them. */
export const settingsOf = (account: ConnectedAccountRecord) => ({
  errors: account.errors,
  automaticallyManageNewDevices: account.automaticallyManageNewDevices,
  customMetadata: account.customMetadata,
  acceptedCapabilities: account.acceptedCapabilities,
})
