import { z } from 'zod'

import { acsSystemSchema } from '../../../contract/acs-system.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsSystemResource } from '../../../domain/resources/acs-system.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import { found, WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/systems/list_compatible_credential_manager_acs_systems',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Lists the credential manager systems of the workspace that can issue credentials for the access control system given (none for a system that is itself a credential manager).',
  params: z.object({ acs_system_id: id() }),
  response: z.object({ acs_systems: z.array(acsSystemSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const system = found(await context.store.getAcsSystem(scope, params.acs_system_id), 'acs_system')
    if (system.isCredentialManager) return { acs_systems: [] }
    const all = await context.store.listAcsSystems(scope, {})
    return { acs_systems: all.filter((s) => s.isCredentialManager).map(toAcsSystemResource) }
  },
})
