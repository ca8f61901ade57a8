/** Domain records the store hands out: camelCase, timestamps as ISO strings. */
export interface Workspace {
  workspaceId: string
  name: string
  isSandbox: boolean
  createdAt: string
}

/** A stored credential as auth needs it: who it belongs to and the hash to compare against. */
export interface StoredCredential {
  id: string
  ownerId: string
  secretHash: string
  revokedAt: string | null
}

export interface ApiKey {
  apiKeyId: string
  workspaceId: string
  name: string | null
  createdAt: string
  revokedAt: string | null
}

export interface NewCredential {
  id: string
  ownerId: string
  tokenId: string
  secretHash: string
  createdAt: string
}

export interface User {
  userId: string
  email: string
}

export interface ClientSessionAuth {
  clientSessionId: string
  workspaceId: string
  secretHash: string
  expiresAt: string
  revokedAt: string | null
}

export interface ClientSessionRecord {
  clientSessionId: string
  workspaceId: string
  tokenCiphertext: string
  userIdentifierKey: string | null
  userIdentityId: string | null
  customerId: string | null
  customerKey: string | null
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  connectedAccountIds: string[]
  connectWebviewIds: string[]
  deviceCount: number
}

export interface NewClientSession {
  clientSessionId: string
  workspaceId: string
  tokenId: string
  secretHash: string
  tokenCiphertext: string
  userIdentifierKey: string | null
  userIdentityId: string | null
  customerId: string | null
  customerKey: string | null
  createdAt: string
  expiresAt: string
  connectedAccountIds: string[]
  connectWebviewIds: string[]
}

export interface ClientSessionGrant {
  connectedAccountIds: string[]
  connectWebviewIds: string[]
  userIdentityId?: string
  expiresAt?: string
}

export interface ClientSessionFilter {
  clientSessionId?: string
  userIdentifierKey?: string
  connectWebviewId?: string
  userIdentityId?: string
  withoutUserIdentifierKey?: boolean
}

/** Keyset position: the last row of the previous page in newest-first order. */
export interface PageAfter {
  createdAt: string
  clientSessionId: string
}

export interface Page<T> {
  items: T[]
  hasNextPage: boolean
}

export type ReferencedResource = 'connected_account' | 'connect_webview' | 'user_identity'

export interface NewConnectedAccount {
  connectedAccountId: string
  workspaceId: string
  provider: string
  userIdentifierEmail: string | null
  displayName: string
  createdAt: string
}

export interface NewConnectWebview {
  connectWebviewId: string
  workspaceId: string
  status: 'pending' | 'authorized' | 'failed'
  connectedAccountId: string | null
  customRedirectUrl: string | null
  customRedirectFailureUrl: string | null
  acceptedProviders: string[]
  customMetadata: Record<string, unknown>
  createdAt: string
  authorizedAt: string | null
}

export interface NewUserIdentity {
  userIdentityId: string
  workspaceId: string
  userIdentityKey: string | null
  emailAddress: string | null
  phoneNumber: string | null
  fullName: string | null
  createdAt: string
}

export interface NewDevice {
  deviceId: string
  workspaceId: string
  connectedAccountId: string
  deviceType: string
  displayName: string
  properties: Record<string, unknown>
  createdAt: string
}

export interface StoredEvent {
  eventId: string
  workspaceId: string
  eventType: string
  clientSessionId: string | null
  createdAt: string
}
