import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { reportedEncoder, reportedEntrance } from '../../../domain/acs-reports.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

const number = () => z.string().min(1).max(255)

export default defineRoute({
  path: '/acs/systems/report_devices',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Reports the rooms, common areas and card encoders of an on-premise system (Hotek): each is stored on the system by its number (a room or common area number, an encoder number), updated when reported again, removed with `is_removed: true`; added and removed ones raise acs_entrance.added/removed and acs_encoder.added/removed. One bad entry refuses the whole report.',
  params: z.object({
    acs_system_id: id(),
    acs_entrances: z
      .array(
        z.object({
          hotek_metadata: z.object({
            room_number: number().optional(),
            common_area_number: number().optional(),
            common_area_name: z.string().min(1).max(255).optional(),
          }),
          is_removed: z.boolean().default(false),
        }),
      )
      .max(1000)
      .default([]),
    acs_encoders: z
      .array(z.object({ hotek_metadata: z.object({ encoder_number: number() }), is_removed: z.boolean().default(false) }))
      .max(1000)
      .default([]),
  }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const system = found(await context.store.getAcsSystem(scopeOf(auth), params.acs_system_id), 'acs_system')
    const at = context.clock.now().toISOString()
    // Every entry is read before anything is stored: one bad entry refuses the whole report.
    const entrances = params.acs_entrances.map((e, index) => reportedEntrance(system, index, e.hotek_metadata, e.is_removed, at))
    const encoders = params.acs_encoders.map((e) => reportedEncoder(system, e.hotek_metadata.encoder_number, e.is_removed, at))
    found(
      (await context.store.reportAcsDevices(auth.workspaceId, system.acsSystemId, entrances, encoders, at)) ? true : undefined,
      'acs_system',
    )
    return {}
  },
})
