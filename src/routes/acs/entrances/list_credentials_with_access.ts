import { z } from 'zod'

import { acsCredentialSchema } from '../../../contract/acs-credential.ts'
import { id } from '../../../contract/fields.ts'
import { toAcsCredentialResource } from '../../../domain/resources/acs-credential.ts'
import { scopeOf } from '../../../domain/scope.ts'
import { defineRoute } from '../../../http/route.ts'
import type { AcsCredentialRecord } from '../../../store/records.ts'
import { found, SCOPED_READERS } from '../../found.ts'

export default defineRoute({
  path: '/acs/entrances/list_credentials_with_access',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists the credentials that open an entrance: those naming it, and those of acs users who reach it (not suspended).',
  params: z.object({ acs_entrance_id: id() }),
  // Visionline's validity is the only condition Seam defines; no sandbox system is Visionline.
  unsupported: ['include_if'],
  response: z.object({ acs_credentials: z.array(acsCredentialSchema) }),
  async handler({ params, auth, context }) {
    const scope = scopeOf(auth)
    const entrance = found(await context.store.getAcsEntrance(scope, params.acs_entrance_id), 'acs_entrance')
    const credentials: AcsCredentialRecord[] = []
    let after: { createdAt: string; id: string } | undefined
    for (;;) {
      const page = await context.store.listAcsCredentials(scope, { acsEntranceId: entrance.acsEntranceId }, { limit: 500, after })
      credentials.push(...page.items)
      const last = page.items.at(-1)
      if (!page.hasNextPage || last === undefined) break
      after = { createdAt: last.createdAt, id: last.acsCredentialId }
    }
    return { acs_credentials: credentials.map(toAcsCredentialResource) }
  },
})
