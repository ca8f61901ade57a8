import type { ClientSessionRecord } from '../store/records.ts'

/** Who is calling, once authenticated. Handlers receive this narrowed to the kinds they accept. */
export type Auth =
  | { kind: 'api_key'; workspaceId: string; apiKeyId: string }
  | { kind: 'personal_access_token'; workspaceId: string; userId: string }
  /** A PAT sent without `seam-workspace`: its user, acting on no workspace (workspaces/list, workspaces/create). */
  | { kind: 'personal_access_token_without_workspace'; workspaceId: null; userId: string }
  | { kind: 'publishable_key'; workspaceId: string; userIdentifierKey: string }
  | {
      kind: 'client_session_token'
      workspaceId: string
      clientSessionId: string
      /** The session as read while verifying the token (one statement serves both). */
      session: ClientSessionRecord
      /** The token as presented, verified against the session's stored hash. */
      token: string
    }

export type AuthKind = Auth['kind']

/** A caller acting on one workspace: every kind but a PAT sent without `seam-workspace`. */
export type WorkspaceAuth = Exclude<Auth, { workspaceId: null }>

export type AuthOf<K extends AuthKind> = Extract<Auth, { kind: K }>

/** The parts of a request authentication reads. Header names are lower-case (Node's convention). */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>
  body: unknown
}
