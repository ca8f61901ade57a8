import { z } from 'zod'

import { manufacturerSchema } from '../../../../../contract/devicedb.ts'
import { id } from '../../../../../contract/fields.ts'
import { sandboxCatalog } from '../../../../../domain/devicedb.ts'
import { defineRoute } from '../../../../../http/route.ts'
import { found } from '../../../../found.ts'
import { DEVICEDB_READERS } from '../readers.ts'

export default defineRoute({
  path: '/internal/devicedb/v1/manufacturers/get',
  methods: ['GET'],
  auth: DEVICEDB_READERS,
  description: 'Returns one manufacturer of the device database by `manufacturer_id`.',
  params: z.object({ manufacturer_id: id() }),
  response: z.object({ manufacturer: manufacturerSchema }),
  async handler({ params }) {
    const manufacturer = sandboxCatalog().manufacturers.find((m) => m.manufacturer_id === params.manufacturer_id)
    return { manufacturer: found(manufacturer, 'manufacturer') }
  },
})
