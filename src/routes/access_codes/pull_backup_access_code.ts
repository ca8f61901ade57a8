import { z } from 'zod'

import { accessCodeSchema } from '../../contract/access-code.ts'
import { id } from '../../contract/fields.ts'
import { pullBackupAccessCode } from '../../domain/backup-access-codes.ts'
import { toAccessCodeResource } from '../../domain/resources/access-code.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/access_codes/pull_backup_access_code',
  methods: ['POST'],
  auth: SCOPED_READERS,
  description:
    'Pulls a backup code for a time-bound access code from the lock’s backup pool (`properties.supports_backup_access_code_pool`): a code of its own for the same window. Pulling again answers the same backup while it exists. Both `access_code` and `backup_access_code` are the backup code.',
  params: z.object({ access_code_id: id() }),
  responseKey: 'access_code',
  response: z.object({ access_code: accessCodeSchema, backup_access_code: accessCodeSchema }),
  async handler({ params, auth, context }) {
    const backup = await pullBackupAccessCode(context, scopeOf(auth), params.access_code_id)
    // Both keys answer the backup: the SDKs return `access_code` (the response key), and Seam's
    // guide reads that as the backup code pulled.
    const resource = toAccessCodeResource(backup, context.clock.now())
    return { access_code: resource, backup_access_code: resource }
  },
})
