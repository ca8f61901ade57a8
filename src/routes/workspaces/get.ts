import { z } from 'zod'

import { workspaceSchema } from '../../contract/workspace.ts'
import { toWorkspaceResource } from '../../domain/resources/workspace.ts'
import { defineRoute } from '../../http/route.ts'
import { found, SCOPED_READERS } from '../found.ts'

export default defineRoute({
  path: '/workspaces/get',
  methods: ['GET', 'POST'],
  auth: SCOPED_READERS,
  description: 'Returns the caller’s own workspace.',
  params: z.object({}),
  response: z.object({ workspace: workspaceSchema }),
  async handler({ auth, context }) {
    const workspace = found(await context.store.getWorkspace(auth.workspaceId), 'workspace')
    return { workspace: toWorkspaceResource(workspace) }
  },
})
