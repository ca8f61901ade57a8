import type { WorkspaceAuth } from '../auth/auth.ts'
import type { Scope } from '../store/records.ts'

/**
 * contract §5: a client session token reads through its session's scope; API keys and PATs read the
 * whole workspace. Routes pass this to the store, which applies the rule (store/scope.ts).
 */
export const scopeOf = (auth: WorkspaceAuth): Scope => ({
  workspaceId: auth.workspaceId,
  clientSessionId: auth.kind === 'client_session_token' ? auth.clientSessionId : null,
})
