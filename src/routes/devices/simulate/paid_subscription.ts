import { z } from 'zod'

import { id } from '../../../contract/fields.ts'
import { addDeviceError, clearDeviceError } from '../../../sandbox/device-conditions.ts'
import { simulateOnDevice } from '../../../domain/simulation.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

/**
 * Seam toggles a provider subscription (Nuki Smart Hosting) and its poller then sets or clears the
 * device's `subscription_required` error. The sandbox has no poller and no Nuki locks: the error
 * is set or cleared at once, on any sandbox device, with Seam's `device.error.subscription_required`
 * and `device.error.subscription_required.resolved` events.
 */
// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/devices/simulate/paid_subscription',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: `is_expired: true` puts a `subscription_required` error on the device (`device.error.subscription_required`), `false` clears it (`device.error.subscription_required.resolved`).',
  params: z.object({ device_id: id(), is_expired: z.boolean() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    const at = context.clock.now().toISOString()
    const change = params.is_expired ? addDeviceError('subscription_required', at) : clearDeviceError('subscription_required', at)
    await simulateOnDevice(context, auth.workspaceId, 'devices/simulate/paid_subscription', params.device_id, change)
    return {}
  },
})
