import { randomUUID } from 'node:crypto'

import { mintCredential } from '../auth/tokens.ts'
import type { Clock } from '../clock.ts'
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
  const publishable = mintCredential('publishable_key')
  await store.insertPublishableKey({
    id: randomUUID(),
    ownerId: workspaceId,
    tokenId: publishable.tokenId,
    secretHash: publishable.secretHash.toString('hex'),
    createdAt: now,
  })
  return { workspace_id: workspaceId, name: options.name, is_sandbox: options.isSandbox, api_key, publishable_key: publishable.token }
}

/** A personal access token for a person (created on first use) who becomes a member of the workspace. */
export const createPersonalAccessToken = async (store: Store, clock: Clock, email: string, workspaceId: string) => {
  const now = clock.now().toISOString()
  const user = await store.ensureUser({ userId: randomUUID(), email: email.trim().toLowerCase() }, now)
  await store.addWorkspaceMember(workspaceId, user.userId, now)
  const minted = mintCredential('personal_access_token')
  await store.insertPersonalAccessToken({
    id: randomUUID(),
    ownerId: user.userId,
    tokenId: minted.tokenId,
    secretHash: minted.secretHash.toString('hex'),
    createdAt: now,
  })
  return { user_id: user.userId, personal_access_token: minted.token }
}
