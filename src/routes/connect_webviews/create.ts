import { randomUUID } from 'node:crypto'

import { z } from 'zod'

import { connectWebviewSchema } from '../../contract/connect-webview.ts'
import { toConnectWebviewResource } from '../../domain/resources/connect-webview.ts'
import { defineRoute } from '../../http/route.ts'
import { allProviderKeys } from '../../sandbox/providers/registry.ts'
import type { ConnectWebviewRecord } from '../../store/records.ts'
import { SCOPED_READERS } from '../found.ts'

const redirectUrl = () =>
  z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional()

export default defineRoute({
  path: '/connect_webviews/create',
  methods: ['POST', 'PUT'],
  auth: SCOPED_READERS,
  description:
    'Creates a Connect Webview: a sign-in page for a provider account. Created with a client session token, it joins that session, whose scope then gains the account signed in.',
  // Device selection, capability and provider-category choices need real providers.
  unsupported: [
    'accepted_capabilities',
    'automatically_manage_new_devices',
    'device_selection_mode',
    'excluded_providers',
    'provider_category',
    'wait_for_device_creation',
  ],
  params: z.object({
    custom_redirect_url: redirectUrl(),
    customer_key: z.string().min(1).max(255).optional(),
    custom_redirect_failure_url: redirectUrl(),
    accepted_providers: z
      .array(z.string().regex(/^[a-z0-9_]{1,64}$/, 'Provider keys are lower-case letters, digits and underscores'))
      .min(1)
      .max(100)
      // Without it, the webview offers every provider the sandbox simulates.
      .default(allProviderKeys),
    custom_metadata: z
      .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
      .refine((m) => Object.keys(m).length <= 50, 'At most 50 custom_metadata keys')
      .default({}),
  }),
  response: z.object({ connect_webview: connectWebviewSchema }),
  async handler({ params, auth, context, origin }) {
    const webview: ConnectWebviewRecord = {
      connectWebviewId: randomUUID(),
      workspaceId: auth.workspaceId,
      status: 'pending',
      connectedAccountId: null,
      customRedirectUrl: params.custom_redirect_url ?? null,
      customRedirectFailureUrl: params.custom_redirect_failure_url ?? null,
      acceptedProviders: [...new Set(params.accepted_providers)],
      customMetadata: params.custom_metadata,
      customerKey: params.customer_key ?? null,
      createdAt: context.clock.now().toISOString(),
      authorizedAt: null,
      selectedProvider: null,
    }
    const joins = auth.kind === 'client_session_token' ? auth.clientSessionId : null
    await context.store.createConnectWebview(webview, joins)
    return { connect_webview: toConnectWebviewResource(webview, origin()) }
  },
})
