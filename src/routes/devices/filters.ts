import type { DeviceFilter } from '../../store/records.ts'

/** Both account filters are AND-ed like every other filter: a device must match each one given. */
export const accountFilter = (one: string | undefined, many: string[] | undefined): string[] | undefined => {
  if (one === undefined) return many
  if (many === undefined) return [one]
  return many.includes(one) ? [one] : []
}

export const deviceFilter = (connectedAccountIds: string[] | undefined, deviceIds: string[] | undefined): DeviceFilter => ({
  ...(connectedAccountIds === undefined ? {} : { connectedAccountIds }),
  ...(deviceIds === undefined ? {} : { deviceIds }),
})
