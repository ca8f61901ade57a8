import { z } from 'zod'

import { id, idList } from '../../contract/fields.ts'
import type { AppContext } from '../../domain/context.ts'
import { type ApiError, invalidField } from '../../contract/api-error.ts'
import type { DeviceFilter, DeviceRecord, Scope } from '../../store/records.ts'
import { deviceTypesMadeBy } from '../../sandbox/devices.ts'
import { found } from '../found.ts'
import { listFilterParams, oneAndMany, readListFilter } from '../list-filters.ts'
import { optional, whenDefined } from '../../store/optional.ts'

/** The filters `devices/list` and `locks/list` share, with Seam's names and meaning. */
export const deviceListParams = {
  connected_account_id: id().optional(),
  connected_account_ids: idList().optional(),
  device_ids: idList().optional(),
  connect_webview_id: id().optional(),
  device_type: z.string().min(1).max(100).optional(),
  device_types: z.array(z.string().min(1).max(100)).max(100).optional(),
  manufacturer: z.string().min(1).max(100).optional(),
  ...listFilterParams,
}

/** Seam defines these on both lists; Latchkey keeps no such data, so they are refused. */
export const UNSUPPORTED_DEVICE_LIST_PARAMS = [
  'custom_metadata_has',
  'include_if',
  'exclude_if',
  'unstable_location_id',
  'space_id',
] as const

type DeviceListInput = z.output<z.ZodObject<typeof deviceListParams>>

export const readDeviceFilter = async (context: AppContext, workspaceId: string, params: DeviceListInput): Promise<DeviceFilter> => {
  const filter: DeviceFilter = await readListFilter(context, workspaceId, params)
  const accounts = oneAndMany(params.connected_account_id, params.connected_account_ids)
  if (accounts !== undefined) filter.connectedAccountIds = accounts
  if (params.device_ids !== undefined) filter.deviceIds = params.device_ids
  const types = oneAndMany(params.device_type, params.device_types)
  if (types !== undefined) filter.deviceTypes = types
  if (params.manufacturer !== undefined)
    filter.manufacturer = { name: params.manufacturer, defaultForTypes: deviceTypesMadeBy(params.manufacturer) }
  if (params.connect_webview_id !== undefined) filter.connectWebviewId = params.connect_webview_id
  return filter
}

/** `devices/get` and `locks/get` find a device by id or by its name (both given: both must match). */
export const deviceLookupParams = { device_id: id().optional(), name: z.string().min(1).max(255).optional() }

/** The newest device of the caller's scope with this name (and id, when given too); locks only for `locks/get`. */
export const findDeviceByName = async (
  context: AppContext,
  scope: Scope,
  name: string,
  deviceId: string | undefined,
  locksOnly: boolean,
): Promise<DeviceRecord> => {
  const filter: DeviceFilter = { name, locksOnly, ...optional({ deviceIds: whenDefined(deviceId, (id) => [id]) }) }
  const page = await context.store.listDevices(scope, filter, { limit: 1, after: undefined })
  return found(page.items[0], 'device')
}

export const requireDeviceIdOrName = (): ApiError => invalidField('device_id', 'device_id or name is required')
