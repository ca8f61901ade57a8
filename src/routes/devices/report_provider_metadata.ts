import { z } from 'zod'

import { invalidField, notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

/** An IANA time zone the runtime knows (Seam lists the IANA names, old aliases such as `Asia/Calcutta` included). */
const timeZone = () =>
  z.string().refine((name) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name })
      return true
    } catch {
      return false
    }
  }, 'not an IANA time zone')

/** Seam's provider metadata, each for devices of one manufacturer. */
const PROVIDER_METADATA = { omnitec_metadata: 'omnitec', schlage_metadata: 'schlage', ultraloq_metadata: 'ultraloq' } as const

export default defineRoute({
  path: '/devices/report_provider_metadata',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Reports provider metadata (a time zone) for devices of that provider. Every device must exist in the workspace and be made by the provider the metadata names; the sandbox makes none of those providers’ devices, so any such metadata is refused by name.',
  params: z.object({
    devices: z
      .array(
        z.object({
          device_id: id(),
          omnitec_metadata: z.object({ time_zone: timeZone() }).optional(),
          schlage_metadata: z.object({ time_zone: timeZone() }).optional(),
          ultraloq_metadata: z.object({ time_zone: timeZone() }).optional(),
        }),
      )
      .min(1)
      .max(1000),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const scope = { workspaceId: auth.workspaceId, clientSessionId: null }
    // Every entry is checked before anything is answered: one bad entry refuses the whole report.
    for (const [index, entry] of params.devices.entries()) {
      const device = await context.store.getDevice(scope, entry.device_id)
      if (device === undefined) throw notFound('device', entry.device_id)
      const manufacturer = toDeviceResource(device).properties.manufacturer
      for (const [field, maker] of Object.entries(PROVIDER_METADATA)) {
        if (entry[field as keyof typeof PROVIDER_METADATA] !== undefined && manufacturer !== maker)
          throw invalidField(`devices.${index}.${field}`, `device ${entry.device_id} is not a ${maker} device`)
      }
    }
    return {}
  },
})
