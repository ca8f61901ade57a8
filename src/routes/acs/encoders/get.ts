import { z } from 'zod'

import { acsEncoderSchema } from '../../../contract/acs-encoder.ts'
import { id } from '../../../contract/fields.ts'
import { encoderOf } from '../../../domain/acs/encoders.ts'
import { toAcsEncoderResource } from '../../../domain/resources/acs-encoder.ts'
import { defineRoute } from '../../../http/route.ts'
import { WORKSPACE_KEYS } from '../../found.ts'

export default defineRoute({
  path: '/acs/encoders/get',
  methods: ['GET', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Answers a card encoder of the workspace.',
  params: z.object({ acs_encoder_id: id() }),
  response: z.object({ acs_encoder: acsEncoderSchema }),
  async handler({ params, auth, context }) {
    return { acs_encoder: toAcsEncoderResource(await encoderOf(context, auth.workspaceId, params.acs_encoder_id)) }
  },
})
