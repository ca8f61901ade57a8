import { z } from 'zod'

import { deviceProviderSchema } from '../../contract/device.ts'
import { defineRoute } from '../../http/route.ts'
import { SANDBOX_PROVIDERS } from '../../sandbox/providers/registry.ts'
import { SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/devices/list_device_providers',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Lists the device providers this server can connect: the providers the sandbox simulates.',
  params: z.object({ provider_category: z.string().optional() }),
  response: z.object({ device_providers: z.array(deviceProviderSchema) }),
  async handler({ params }) {
    const providers = SANDBOX_PROVIDERS.map((p) => p.deviceProvider).filter(
      (p) => params.provider_category === undefined || p.provider_categories.includes(params.provider_category),
    )
    return { device_providers: providers.map((p) => ({ ...p, provider_categories: [...p.provider_categories] })) }
  },
})
