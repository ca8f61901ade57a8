import { z } from 'zod'

import { type CredentialKind, credentialFromToken, describeCredentialFormat } from '../auth/tokens.ts'
import { futureTimestamp, userIdentifierKey } from '../contract/fields.ts'
import { webhookEventTypes, webhookUrl } from '../contract/webhook.ts'
import { SEED_PROVIDERS } from './sandbox-adapter.ts'

/**
 * A seed file (docs/ci.md): what a CI job starts Latchkey with, every id and token fixed so a test
 * suite can hard-code them. Field names are the wire's. Cross-references (a session's accounts, a
 * user's workspaces, a sandbox person's locks) are checked in refine.ts, after this shape.
 */

const KIND_NAMES: Record<CredentialKind, string> = {
  api_key: 'an API key',
  client_session_token: 'a client session token',
  publishable_key: 'a publishable key',
  personal_access_token: 'a personal access token',
}

/** A fixed token of the kind's format; the message names the format, never the value. */
const token = (kind: CredentialKind) =>
  z.string().refine((value) => credentialFromToken(kind, value) !== undefined, {
    error: `not ${KIND_NAMES[kind]}: the format is ${describeCredentialFormat(kind)}`,
  })

/** Svix's secret format, which Seam's webhooks use: `whsec_` and the base64 of 24 to 64 bytes. */
const WEBHOOK_SECRET = /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const webhookSecret = () =>
  z.string().refine(
    (value) => {
      if (!WEBHOOK_SECRET.test(value)) return false
      const bytes = Buffer.from(value.slice('whsec_'.length), 'base64').length
      return bytes >= 24 && bytes <= 64
    },
    { error: 'not a webhook secret: the format is whsec_ + the base64 of 24 to 64 random bytes (Svix’s, as Seam’s webhooks use)' },
  )

const email = () => z.email().max(320)

const apiKeySeed = z.strictObject({ api_key_id: z.uuid().optional(), name: z.string().min(1).max(255).optional(), token: token('api_key') })
const publishableKeySeed = z.strictObject({ publishable_key_id: z.uuid().optional(), token: token('publishable_key') })

const userIdentitySeed = z.strictObject({
  user_identity_id: z.uuid(),
  user_identity_key: z.string().min(1).max(255).optional(),
  email_address: email().optional(),
  phone_number: z
    .string()
    .regex(/^\+[1-9]\d{1,14}$/, 'Phone numbers are in E.164 form, e.g. +15555550110')
    .optional(),
  full_name: z.string().min(1).max(255).optional(),
})

const deviceSeed = z.strictObject({ name: z.string().min(1), device_id: z.uuid() })

const connectedAccountSeed = z.strictObject({
  connected_account_id: z.uuid(),
  provider: z.enum(SEED_PROVIDERS),
  /** The sandbox person whose sign-in this account stands for (docs/webviews.md). */
  email: email(),
  /** Fixed ids for some or all of the person's devices, by name; the others get fresh ids. */
  devices: z.array(deviceSeed).default([]),
})

const clientSessionSeed = z.strictObject({
  client_session_id: z.uuid(),
  token: token('client_session_token'),
  user_identifier_key: userIdentifierKey().optional(),
  connected_account_ids: z.array(z.uuid()).default([]),
  user_identity_id: z.uuid().optional(),
  /** Default: the server's session lifetime from the first start. */
  expires_at: futureTimestamp().optional(),
})

const webhookSeed = z.strictObject({
  webhook_id: z.uuid(),
  url: webhookUrl(),
  event_types: webhookEventTypes().default(['*']),
  secret: webhookSecret().optional(),
})

const workspaceSeed = z.strictObject({
  workspace_id: z.uuid(),
  name: z.string().min(1).max(255),
  is_sandbox: z.boolean().default(true),
  api_keys: z.array(apiKeySeed).default([]),
  publishable_keys: z.array(publishableKeySeed).default([]),
  user_identities: z.array(userIdentitySeed).default([]),
  connected_accounts: z.array(connectedAccountSeed).default([]),
  client_sessions: z.array(clientSessionSeed).default([]),
  webhooks: z.array(webhookSeed).default([]),
})

const patSeed = z.strictObject({ personal_access_token_id: z.uuid().optional(), token: token('personal_access_token') })

const userSeed = z.strictObject({
  /** Default: the id of the user with this email, or a fresh one. */
  user_id: z.uuid().optional(),
  email: email(),
  /** Workspaces of this seed the user is a member of. */
  workspace_ids: z.array(z.uuid()).default([]),
  personal_access_tokens: z.array(patSeed).default([]),
})

export const seedShape = z.strictObject({
  $schema: z.string().optional(),
  workspaces: z.array(workspaceSeed).default([]),
  users: z.array(userSeed).default([]),
})

export type Seed = z.infer<typeof seedShape>
/** A seed as written: lists and defaulted fields may be left out. */
export type SeedInput = z.input<typeof seedShape>
export type WorkspaceSeed = Seed['workspaces'][number]
export type UserSeed = Seed['users'][number]
