import { z } from 'zod'

import { notFound } from '../../contract/api-error.ts'
import { id } from '../../contract/fields.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/connect_webviews/delete',
  methods: ['DELETE', 'POST'],
  auth: WORKSPACE_KEYS,
  description: 'Deletes a Connect Webview and removes it from every client session. Its connected account stays.',
  params: z.object({ connect_webview_id: id() }),
  response: z.object({}),
  async handler({ params, auth, context }) {
    if (!(await context.store.deleteConnectWebview(auth.workspaceId, params.connect_webview_id))) throw notFound('connect_webview')
    return {}
  },
})
