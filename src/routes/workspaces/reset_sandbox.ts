import { z } from 'zod'

import { actionAttemptSchema } from '../../contract/action-attempt.ts'
import { toActionAttemptResource } from '../../domain/resources/action-attempt.ts'
import { resetSandbox } from '../../domain/sandbox-reset.ts'
import { defineRoute } from '../../http/route.ts'
import { WORKSPACE_KEYS } from '../found.ts'

export default defineRoute({
  path: '/workspaces/reset_sandbox',
  methods: ['POST'],
  auth: WORKSPACE_KEYS,
  description:
    'Returns the caller’s sandbox workspace to how it starts: its connected accounts, devices, access codes, Connect Webviews, client sessions, user identities, action attempts and events are removed, in one transaction; the workspace, its API keys, publishable keys, members and webhooks stay. Answers the RESET_SANDBOX_WORKSPACE action attempt as pending, as every action is first answered (action_attempts/get reads it succeeded). Not a sandbox: 400 `workspace_not_sandbox`, nothing removed.',
  params: z.object({}),
  actionAttemptType: 'RESET_SANDBOX_WORKSPACE',
  response: z.object({ action_attempt: actionAttemptSchema }),
  async handler({ auth, context }) {
    return { action_attempt: toActionAttemptResource(await resetSandbox(context, auth.workspaceId), true) }
  },
})
