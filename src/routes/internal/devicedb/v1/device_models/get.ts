import { z } from 'zod'

import { deviceModelSchema } from '../../../../../contract/devicedb.ts'
import { id } from '../../../../../contract/fields.ts'
import { sandboxCatalog } from '../../../../../domain/devicedb.ts'
import { defineRoute } from '../../../../../http/route.ts'
import { found } from '../../../../found.ts'
import { DEVICEDB_READERS } from '../readers.ts'

export default defineRoute({
  path: '/internal/devicedb/v1/device_models/get',
  methods: ['GET'],
  auth: DEVICEDB_READERS,
  description: 'Returns one device model of the device database by `device_model_id`, with its manufacturer.',
  params: z.object({ device_model_id: id() }),
  response: z.object({ device_model: deviceModelSchema }),
  async handler({ params }) {
    const model = sandboxCatalog().deviceModels.find((m) => m.device_model_id === params.device_model_id)
    return { device_model: found(model, 'device_model') }
  },
})
