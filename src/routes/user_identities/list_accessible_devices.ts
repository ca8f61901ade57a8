import { z } from 'zod'

import { deviceSchema } from '../../contract/device.ts'
import { id } from '../../contract/fields.ts'
import { toDeviceResource } from '../../domain/resources/device.ts'
import { scopeOf } from '../../domain/scope.ts'
import { catchUpThermostats } from '../../domain/thermostat-catch-up.ts'
import { identityInScope } from '../../domain/user-identities.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/user_identities/list_accessible_devices',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Lists the managed devices granted to a user identity (user_identities/grant_access_to_device), newest first, as `devices` and as Seam’s older name `accessible_devices`.',
  params: z.object({ user_identity_id: id() }),
  responseKey: 'devices',
  response: z.object({ devices: z.array(deviceSchema), accessible_devices: z.array(deviceSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const identity = await identityInScope(context, scope, params.user_identity_id)
    const devices = (await catchUpThermostats(context, await context.store.listIdentityDevices(scope, identity.userIdentityId))).map(
      toDeviceResource,
    )
    return { devices, accessible_devices: devices }
  },
})
