import { z } from 'zod'

import { deviceCategorySchema, deviceModelSchema } from '../../../../../contract/devicedb.ts'
import { id, idList } from '../../../../../contract/fields.ts'
import { listDeviceModels, sandboxCatalog } from '../../../../../domain/devicedb.ts'
import { defineRoute } from '../../../../../http/route.ts'
import { DEVICEDB_READERS, modelPath, supportLevelFilters } from '../readers.ts'

export default defineRoute({
  path: '/internal/devicedb/v1/device_models/list',
  methods: ['GET'],
  auth: DEVICEDB_READERS,
  description:
    'Lists the device models the sandbox simulates, as Seam’s device database describes them, each with its manufacturer. ' +
    '`include_if` keeps a model when every path given is `true` on it, `exclude_if` drops it when any is; `text_search` looks in ' +
    'the model’s and its manufacturer’s names, ignoring case.',
  params: z.object({
    main_category: deviceCategorySchema.optional(),
    manufacturer_id: id().optional(),
    manufacturer_ids: idList().optional(),
    ...supportLevelFilters,
    text_search: z.string().optional(),
    include_if: z.array(modelPath()).optional(),
    exclude_if: z.array(modelPath()).optional(),
  }),
  response: z.object({ device_models: z.array(deviceModelSchema) }),
  async handler({ params }) {
    return { device_models: listDeviceModels(sandboxCatalog(), params) }
  },
})
