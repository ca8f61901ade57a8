import type {
  ApiKey,
  ClientSessionAuth,
  ClientSessionFilter,
  ClientSessionGrant,
  ClientSessionRecord,
  NewClientSession,
  NewConnectWebview,
  NewConnectedAccount,
  NewCredential,
  NewDevice,
  NewUserIdentity,
  Page,
  PageAfter,
  ReferencedResource,
  StoredCredential,
  StoredEvent,
  User,
  Workspace,
} from './records.ts'

/**
 * Everything Latchkey persists, as domain verbs. Every verb that touches tenant data takes the
 * caller's workspace id and filters by it in SQL, so no route can reach another workspace's rows.
 */
export interface Store {
  readonly flavor: 'sqlite' | 'postgres'
  migrate(): Promise<string[]>
  ping(): Promise<void>
  close(): Promise<void>

  createWorkspace(workspace: Workspace): Promise<void>
  getWorkspace(workspaceId: string): Promise<Workspace | undefined>
  listWorkspaces(): Promise<Workspace[]>

  insertApiKey(key: NewCredential & { name: string | null }): Promise<void>
  listApiKeys(workspaceId: string): Promise<ApiKey[]>
  revokeApiKey(apiKeyId: string, at: string): Promise<boolean>
  findApiKey(tokenId: string): Promise<StoredCredential | undefined>
  insertPublishableKey(key: NewCredential): Promise<void>
  findPublishableKey(tokenId: string): Promise<StoredCredential | undefined>
  ensureUser(user: User, createdAt: string): Promise<User>
  addWorkspaceMember(workspaceId: string, userId: string, at: string): Promise<void>
  isWorkspaceMember(workspaceId: string, userId: string): Promise<boolean>
  insertPersonalAccessToken(token: NewCredential): Promise<void>
  findPersonalAccessToken(tokenId: string): Promise<StoredCredential | undefined>

  /** Inserts unless a live session already holds the user key; false means it did. */
  insertClientSession(session: NewClientSession): Promise<boolean>
  findClientSessionAuth(tokenId: string): Promise<ClientSessionAuth | undefined>
  getClientSession(workspaceId: string, clientSessionId: string): Promise<ClientSessionRecord | undefined>
  /** The live session holding the key, or else the newest revoked one. */
  getClientSessionByUserKey(workspaceId: string, userIdentifierKey: string): Promise<ClientSessionRecord | undefined>
  listClientSessions(
    workspaceId: string,
    filter: ClientSessionFilter,
    limit: number,
    after: PageAfter | undefined,
  ): Promise<Page<ClientSessionRecord>>
  grantClientSessionAccess(workspaceId: string, clientSessionId: string, grant: ClientSessionGrant): Promise<void>
  revokeClientSession(workspaceId: string, clientSessionId: string, at: string): Promise<boolean>
  deleteClientSession(workspaceId: string, clientSessionId: string, at: string): Promise<boolean>

  /** Of the given ids, those that do not exist in the workspace. */
  findMissing(workspaceId: string, resource: ReferencedResource, ids: string[]): Promise<string[]>
  insertConnectedAccount(account: NewConnectedAccount): Promise<void>
  insertConnectWebview(webview: NewConnectWebview): Promise<void>
  insertUserIdentity(identity: NewUserIdentity): Promise<void>
  insertDevice(device: NewDevice): Promise<void>
  listEvents(workspaceId: string): Promise<StoredEvent[]>
}
