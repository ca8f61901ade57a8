import { z } from 'zod'

import { workspaceSchema } from '../../contract/workspace.ts'
import { toWorkspaceResource } from '../../domain/resources/workspace.ts'
import { defineRoute } from '../../http/route.ts'
import type { Workspace } from '../../store/records.ts'
import { found } from '../found.ts'

export default defineRoute({
  path: '/workspaces/list',
  methods: ['GET', 'POST'],
  // Without `seam-workspace` first: a PAT that names a workspace goes to the PAT kind.
  auth: ['personal_access_token_without_workspace', 'personal_access_token', 'api_key', 'client_session_token'],
  description:
    'Lists the workspaces the caller may use: every workspace of a personal access token’s user (with or without `seam-workspace`), the own workspace of an API key or client session token.',
  params: z.object({}),
  response: z.object({ workspaces: z.array(workspaceSchema) }),
  async handler({ auth, context }) {
    let workspaces: Workspace[]
    if (auth.kind === 'personal_access_token' || auth.kind === 'personal_access_token_without_workspace') {
      workspaces = await context.store.listWorkspacesOfUser(auth.userId)
    } else {
      workspaces = [found(await context.store.getWorkspace(auth.workspaceId), 'workspace')]
    }
    return { workspaces: workspaces.map(toWorkspaceResource) }
  },
})
