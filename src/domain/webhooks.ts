import { randomUUID } from 'node:crypto'

import { notFound } from '../contract/api-error.ts'
import type { webhookSchema } from '../contract/webhook.ts'
import type { WebhookRecord } from '../store/records.ts'
import { newWebhookSecret } from '../auth/webhook-signing.ts'
import type { AppContext } from './context.ts'
import type { z } from 'zod'

/** `*` alone stands for every type; with it, the other types add nothing. */
export const normalTypes = (types: readonly string[]): string[] => (types.includes('*') ? ['*'] : [...new Set(types)].sort())

/** The webhook as answered: its secret opened for this answer only. */
export const toWebhookResource = ({ tokenCipher }: AppContext, webhook: WebhookRecord): z.infer<typeof webhookSchema> => ({
  webhook_id: webhook.webhookId,
  url: webhook.url,
  event_types: webhook.eventTypes,
  secret: tokenCipher.decrypt(webhook.secretCiphertext, webhook.webhookId),
})

/** A new webhook with a fresh secret, stored sealed under the server's key. */
export const createWebhook = async (
  context: AppContext,
  workspaceId: string,
  url: string,
  eventTypes: readonly string[],
): Promise<WebhookRecord> => {
  const webhookId = randomUUID()
  const webhook: WebhookRecord = {
    webhookId,
    workspaceId,
    url,
    secretCiphertext: context.tokenCipher.encrypt(newWebhookSecret(), webhookId),
    eventTypes: normalTypes(eventTypes),
    createdAt: context.clock.now().toISOString(),
  }
  await context.store.createWebhook(webhook, webhook.eventTypes)
  return webhook
}

export const webhookInWorkspace = async ({ store }: AppContext, workspaceId: string, webhookId: string): Promise<WebhookRecord> => {
  const webhook = await store.getWebhook(workspaceId, webhookId)
  if (webhook === undefined) throw notFound('webhook')
  return webhook
}

export const setWebhookEventTypes = async (
  context: AppContext,
  workspaceId: string,
  webhookId: string,
  eventTypes: readonly string[],
): Promise<void> => {
  if (!(await context.store.setWebhookEventTypes(workspaceId, webhookId, normalTypes(eventTypes)))) throw notFound('webhook')
}
