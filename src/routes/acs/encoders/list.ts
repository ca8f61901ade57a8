import { z } from 'zod'

import { acsEncoderSchema } from '../../../contract/acs-encoder.ts'
import { invalidField } from '../../../contract/api-error.ts'
import { paginationSchema } from '../../../contract/client-session.ts'
import { id, idList } from '../../../contract/fields.ts'
import { toAcsEncoderResource } from '../../../domain/resources/acs-encoder.ts'
import { defineRoute } from '../../../http/route.ts'
import { optional } from '../../../store/optional.ts'
import { WORKSPACE_KEYS } from '../../found.ts'
import { oneAndMany } from '../../list-filters.ts'
import { pageParams, pageRequest, paginationOf } from '../../page-cursor.ts'

export default defineRoute({
  path: '/acs/encoders/list',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Lists card encoders, newest first: of an access system (or several), or these ones; one of the three is required, as in Seam.',
  params: z.object({
    acs_system_id: id().optional(),
    acs_system_ids: idList().optional(),
    acs_encoder_ids: idList().optional(),
    ...pageParams,
  }),
  response: z.object({ acs_encoders: z.array(acsEncoderSchema), pagination: paginationSchema }),
  async handler({ params, auth, context, nextPageUrl }) {
    const acsSystemIds = oneAndMany(params.acs_system_id, params.acs_system_ids)
    if (acsSystemIds === undefined && params.acs_encoder_ids === undefined)
      throw invalidField('acs_system_id', 'Give acs_system_id, acs_system_ids or acs_encoder_ids.')
    const filter = optional({ acsSystemIds, ids: params.acs_encoder_ids })
    const page = await context.store.listAcsEncoders(auth.workspaceId, filter, pageRequest(params))
    return {
      acs_encoders: page.items.map(toAcsEncoderResource),
      pagination: paginationOf(page, (e) => ({ createdAt: e.createdAt, id: e.acsEncoderId }), nextPageUrl),
    }
  },
})
