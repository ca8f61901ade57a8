import type { DeviceRecord } from '../../store/records.ts'
import { toDeviceResource } from './device.ts'

/** A device's resource as JSON text, made once per stored version (made by `createDeviceJson`). */
export type DeviceJson = (record: DeviceRecord) => string

/**
 * Devices' resources as JSON, for the lists a front end polls (`devices/list`). Created once per
 * app by the composition root (http/instrument.ts) and reached through `AppContext.caches`.
 *
 * A device's resource is a function of its stored record alone (`toDeviceResource`), so its JSON
 * is kept per record object: on SQLite the read memo hands out the same frozen record while
 * nothing changed, and a page asked again costs no building or stringifying of its devices; any
 * write makes a new record, which is the whole invalidation rule. Bounded by the records still
 * referenced (weak keys). On PostgreSQL every read makes new records, and this only stringifies.
 */
export const createDeviceJson = (): DeviceJson => {
  const json = new WeakMap<DeviceRecord, string>()
  return (record) => {
    let text = json.get(record)
    if (text === undefined) {
      text = JSON.stringify(toDeviceResource(record))
      json.set(record, text)
    }
    return text
  }
}
