import { randomUUID } from 'node:crypto'

import { resolveKeyRing } from '../src/auth/server-secret.ts'
import { createTokenCipher } from '../src/auth/token-cipher.ts'
import { mintCredential } from '../src/auth/tokens.ts'
import { systemClock } from '../src/clock.ts'
import { provisionWorkspace } from '../src/domain/provisioning.ts'
import { sandboxLock } from '../src/sandbox/devices.ts'
import { newWebhookSecret } from '../src/auth/webhook-signing.ts'
import type { NewClientSession } from '../src/store/records.ts'
import { type DatabaseLocation, openStore } from '../src/store/open-store.ts'

/** A workspace for the write scenarios: a lock to unlock, and sessions to delete one per request. */
export interface WriteWorkspace {
  apiKey: string
  lockId: string
  deletableIds: string[]
  /** The next of `deletableIds` to delete, shared by every server reading this data. */
  next: number
}

export interface BenchData {
  /** Without a webhook, and with one whose receiver answers 204: the same writes, compared. */
  plain?: WriteWorkspace
  hooked?: WriteWorkspace
  apiKey: string
  /** A session holding one account with 3 locks: the token a front end would send. */
  cst: string
  userIdentifierKey: string
  sessions: number
}

const YEAR_MS = 365 * 24 * 3600 * 1000
const BATCH = 20_000

/**
 * Seeds one workspace with `sessions` client sessions through the store's bulk path (minting
 * real tokens: hashed secrets, encrypted tokens), plus one account with 3 locks for scoped reads.
 */
export const seedBenchData = async (
  location: DatabaseLocation,
  secret: string,
  sessions: number,
  writes?: { webhookUrl: string; deletable: number },
): Promise<BenchData> => {
  const store = openStore(location)
  try {
    await store.migrate()
    const cipher = createTokenCipher(...resolveKeyRing(location, { LATCHKEY_SECRET: secret }).map(({ key }) => key))
    const ws = await provisionWorkspace(store, systemClock, { name: 'Bench', isSandbox: true })
    const workspaceId = ws.workspace_id
    const now = Date.now()
    const at = (offsetMs: number) => new Date(now - offsetMs).toISOString()
    const connectedAccountId = randomUUID()
    await store.insertConnectedAccount({
      connectedAccountId,
      workspaceId,
      provider: 'sandbox',
      userIdentifierEmail: 'jane@example.com',
      displayName: 'Jane',
      createdAt: at(0),
    })
    for (const name of ['Front Door', 'Back Door', 'Garage Door']) {
      await store.insertDevice(sandboxLock(workspaceId, connectedAccountId, name, at(0)))
    }
    const session = (index: number, links: string[]): NewClientSession & { token: string } => {
      const clientSessionId = randomUUID()
      const minted = mintCredential('client_session_token')
      return {
        token: minted.token,
        clientSessionId,
        workspaceId,
        tokenId: minted.tokenId,
        secretHash: minted.secretHash.toString('hex'),
        tokenCiphertext: cipher.encrypt(minted.token, clientSessionId),
        userIdentifierKey: `bench-user-${index}`,
        userIdentityId: null,
        customerId: null,
        customerKey: null,
        createdAt: at(index),
        expiresAt: new Date(now + YEAR_MS).toISOString(),
        connectedAccountIds: links,
        connectWebviewIds: [],
      }
    }
    const hot = session(0, [connectedAccountId])
    await store.insertClientSession(hot)
    for (let start = 1; start < sessions; start += BATCH) {
      const batch: NewClientSession[] = []
      for (let i = start; i < Math.min(sessions, start + BATCH); i++) batch.push(session(i, []))
      await store.bulkInsertClientSessions(batch)
    }
    const data: BenchData = { apiKey: ws.api_key, cst: hot.token, userIdentifierKey: hot.userIdentifierKey as string, sessions }
    if (writes !== undefined) {
      /** Its own workspace, so deleting sessions changes nothing the read scenarios see. */
      const writeWorkspace = async (name: string, webhookUrl: string | null): Promise<WriteWorkspace> => {
        const w = await provisionWorkspace(store, systemClock, { name, isSandbox: true })
        const accountId = randomUUID()
        await store.insertConnectedAccount({
          connectedAccountId: accountId,
          workspaceId: w.workspace_id,
          provider: 'sandbox',
          userIdentifierEmail: 'jane@example.com',
          displayName: 'Jane',
          createdAt: at(0),
        })
        const lock = sandboxLock(w.workspace_id, accountId, 'Front Door', at(0))
        await store.insertDevice(lock)
        if (webhookUrl !== null) {
          const webhookId = randomUUID()
          const webhook = {
            webhookId,
            workspaceId: w.workspace_id,
            url: webhookUrl,
            secretCiphertext: cipher.encrypt(newWebhookSecret(), webhookId),
            createdAt: at(0),
          }
          await store.createWebhook(webhook, ['*'])
        }
        const ids: string[] = []
        for (let start = 0; start < writes.deletable; start += BATCH) {
          const batch: NewClientSession[] = []
          for (let i = start; i < Math.min(writes.deletable, start + BATCH); i++) {
            const s = { ...session(sessions + i, []), workspaceId: w.workspace_id, userIdentifierKey: `bench-delete-${i}` }
            batch.push(s)
            ids.push(s.clientSessionId)
          }
          await store.bulkInsertClientSessions(batch)
        }
        return { apiKey: w.api_key, lockId: lock.deviceId, deletableIds: ids, next: 0 }
      }
      data.plain = await writeWorkspace('Bench writes', null)
      data.hooked = await writeWorkspace('Bench writes, webhook', writes.webhookUrl)
    }
    return data
  } finally {
    await store.close()
  }
}
