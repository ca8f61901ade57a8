import { createHmac, randomBytes } from 'node:crypto'

const PREFIX = 'whsec_'

/** A new signing secret as Svix writes them: `whsec_` and the base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64')}`

/**
 * Svix's signature, which Seam's webhooks carry and `@seamapi/webhook` verifies: `v1,` and the
 * base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, keyed by the secret's bytes after `whsec_`.
 */
export const signWebhook = (secret: string, id: string, timestamp: number, body: string): string => {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}
