import { z } from 'zod'

import { connectWebviewSchema } from '../../contract/connect-webview.ts'
import { toConnectWebviewResource } from '../../domain/resources/connect-webview.ts'
import { id } from '../../contract/fields.ts'
import { scopeOf } from '../../domain/scope.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/connect_webviews/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns a Connect Webview. A client session token reaches only its session’s webviews.',
  params: z.object({ connect_webview_id: id() }),
  response: z.object({ connect_webview: connectWebviewSchema }),
  async handler({ params, auth, context, origin }) {
    const webview = await context.store.getConnectWebview(scopeOf(auth), params.connect_webview_id)
    return { connect_webview: toConnectWebviewResource(found(webview, 'connect_webview'), origin()) }
  },
})
