import { randomUUID } from 'node:crypto'

import { mintCredential } from '../auth/tokens.ts'
import type { Clock } from '../clock.ts'
import type { Workspace } from '../store/records.ts'
import type { Store } from '../store/store.ts'

export interface ProvisionedWorkspace {
  workspace_id: string
  name: string
  is_sandbox: boolean
  api_key: string
  publishable_key: string
}

export interface CreatedApiKey {
  api_key_id: string
  api_key: string
}

/** Mints an API key for a workspace. The plaintext exists only in the return value. */
export const createApiKey = async (store: Store, clock: Clock, workspaceId: string, name: string | null): Promise<CreatedApiKey> => {
  const minted = mintCredential('api_key')
  const apiKeyId = randomUUID()
  await store.insertApiKey({
    id: apiKeyId,
    ownerId: workspaceId,
    tokenId: minted.tokenId,
    secretHash: minted.secretHash.toString('hex'),
    name,
    createdAt: clock.now().toISOString(),
  })
  return { api_key_id: apiKeyId, api_key: minted.token }
}

/** Mints a publishable key, which front ends use to get their own client sessions. */
export const createPublishableKey = async (store: Store, clock: Clock, workspaceId: string) => {
  const minted = mintCredential('publishable_key')
  const publishableKeyId = randomUUID()
  await store.insertPublishableKey({
    id: publishableKeyId,
    ownerId: workspaceId,
    tokenId: minted.tokenId,
    secretHash: minted.secretHash.toString('hex'),
    createdAt: clock.now().toISOString(),
  })
  return { publishable_key_id: publishableKeyId, publishable_key: minted.token }
}

/** A workspace with one API key and one publishable key, ready to call the API. */
export const provisionWorkspace = async (
  store: Store,
  clock: Clock,
  options: { name: string; isSandbox: boolean },
): Promise<ProvisionedWorkspace> => {
  const now = clock.now().toISOString()
  const workspaceId = randomUUID()
  await store.createWorkspace({ workspaceId, name: options.name, isSandbox: options.isSandbox, createdAt: now })
  const { api_key } = await createApiKey(store, clock, workspaceId, 'default')
  const { publishable_key } = await createPublishableKey(store, clock, workspaceId)
  return { workspace_id: workspaceId, name: options.name, is_sandbox: options.isSandbox, api_key, publishable_key }
}

/** A personal access token for a person (created on first use) who becomes a member of the workspace. */
export const createPersonalAccessToken = async (store: Store, clock: Clock, email: string, workspaceId: string) => {
  const now = clock.now().toISOString()
  const user = await store.ensureUser({ userId: randomUUID(), email: email.trim().toLowerCase() }, now)
  await store.addWorkspaceMember(workspaceId, user.userId, now)
  const minted = mintCredential('personal_access_token')
  const personalAccessTokenId = randomUUID()
  await store.insertPersonalAccessToken({
    id: personalAccessTokenId,
    ownerId: user.userId,
    tokenId: minted.tokenId,
    secretHash: minted.secretHash.toString('hex'),
    createdAt: now,
  })
  return { personal_access_token_id: personalAccessTokenId, user_id: user.userId, personal_access_token: minted.token }
}

/**
 * A workspace made through the API by a personal access token's user: the user becomes its member
 * and it gets a publishable key. No API key: the caller never sees one from this route, and
 * `latchkey api-keys create` makes one when wanted.
 */
export const createWorkspaceForUser = async (
  store: Store,
  clock: Clock,
  userId: string,
  options: { name: string; isSandbox: boolean; companyName?: string | undefined; connectPartnerName?: string | null | undefined },
): Promise<Workspace> => {
  const createdAt = clock.now().toISOString()
  const connectPartnerName = options.connectPartnerName ?? null
  const workspace: Workspace = {
    workspaceId: randomUUID(),
    name: options.name,
    isSandbox: options.isSandbox,
    createdAt,
    // The deprecated connect_partner_name named the company before company_name did (as Seam reads it).
    companyName: options.companyName ?? connectPartnerName,
    connectPartnerName,
    isSuspended: false,
  }
  await store.createWorkspace(workspace)
  await store.addWorkspaceMember(workspace.workspaceId, userId, createdAt)
  await createPublishableKey(store, clock, workspace.workspaceId)
  return workspace
}
