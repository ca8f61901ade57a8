import { z } from 'zod'

import { notFound } from '../../../contract/api-error.ts'
import { id } from '../../../contract/fields.ts'
import { addDeviceError, disconnectAccount } from '../../../sandbox/device-conditions.ts'
import { requireSandboxWorkspace } from '../../../domain/sandbox-only.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

// Seam's security list: API key, PAT and customer client sessions, which Latchkey does not issue; not a plain client session.
export default defineRoute({
  path: '/connected_accounts/simulate/disconnect',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Sandbox only: the account loses its connection: `account_disconnected` on the account and on each of its devices (offline), with `connected_account.disconnected` and a `device.disconnected` per device.',
  params: z.object({ connected_account_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    await requireSandboxWorkspace(context, auth.workspaceId, 'connected_accounts/simulate/disconnect')
    const at = context.clock.now().toISOString()
    const account = await context.store.changeConnectedAccount(
      auth.workspaceId,
      params.connected_account_id,
      disconnectAccount(at),
      addDeviceError('account_disconnected', at),
    )
    if (account === undefined) throw notFound('connected_account')
    return {}
  },
})
