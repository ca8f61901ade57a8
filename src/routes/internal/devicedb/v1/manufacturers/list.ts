import { z } from 'zod'

import { manufacturerSchema } from '../../../../../contract/devicedb.ts'
import { listManufacturers, sandboxCatalog } from '../../../../../domain/devicedb.ts'
import { defineRoute } from '../../../../../http/route.ts'
import { DEVICEDB_READERS, supportLevelFilters } from '../readers.ts'

export default defineRoute({
  path: '/internal/devicedb/v1/manufacturers/list',
  methods: ['GET'],
  auth: DEVICEDB_READERS,
  description:
    'Lists the manufacturers of the hardware the sandbox simulates, as Seam’s device database describes them (what Seam Components’ ' +
    'SupportedDeviceTable shows). `liqe_query` takes `field:value` terms joined by AND, OR, NOT and parentheses; the rest of Liqe is refused.',
  params: z.object({ ...supportLevelFilters, liqe_query: z.string().optional() }),
  response: z.object({ manufacturers: z.array(manufacturerSchema) }),
  async handler({ params }) {
    return { manufacturers: listManufacturers(sandboxCatalog(), params) }
  },
})
