import { readFileSync } from 'node:fs'

import type { z } from 'zod'

import { credentialFromToken } from '../auth/tokens.ts'
import { seedableAccount } from './sandbox-adapter.ts'
import { type Seed, seedShape } from './schema.ts'

/** A seed that cannot be applied: one message naming the field, e.g. `seed: workspaces[0].api_keys[1].token: …`. */
export class SeedError extends Error {}

type Path = (string | number)[]
type Issue = (path: Path, message: string) => void

/** `workspaces[0].api_keys[1].token`, as a person finds the field in the file. */
const describePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`),
    '',
  )

/** Reports the second and later uses of each value, which must be unique in the seed. */
const unique = (issue: Issue, what: string, entries: { value: string | undefined; path: Path }[]) => {
  const seen = new Map<string, string>()
  for (const { value, path } of entries) {
    if (value === undefined) continue
    const first = seen.get(value)
    if (first !== undefined) issue(path, `the same ${what} as ${first}`)
    else seen.set(value, describePath(path))
  }
}

const tokenId = (kind: Parameters<typeof credentialFromToken>[0], token: string) => credentialFromToken(kind, token)?.tokenId

/** What the shape alone cannot say: ids are unique, and what the seed refers to, it declares. */
const checkReferences = (seed: Seed, issue: Issue) => {
  const ws = seed.workspaces.map((w, i) => ({ w, at: ['workspaces', i] as Path }))
  const each = <T>(pick: (w: Seed['workspaces'][number]) => T[], field: string) =>
    ws.flatMap(({ w, at }) => pick(w).map((item, j) => ({ item, at: [...at, field, j] as Path, w })))
  const apiKeys = each((w) => w.api_keys, 'api_keys')
  const publishableKeys = each((w) => w.publishable_keys, 'publishable_keys')
  const identities = each((w) => w.user_identities, 'user_identities')
  const accounts = each((w) => w.connected_accounts, 'connected_accounts')
  const sessions = each((w) => w.client_sessions, 'client_sessions')
  const webhooks = each((w) => w.webhooks, 'webhooks')
  const users = seed.users.map((u, i) => ({ u, at: ['users', i] as Path }))
  const pats = users.flatMap(({ u, at }) => u.personal_access_tokens.map((item, j) => ({ item, at: [...at, 'personal_access_tokens', j] })))
  const devices = accounts.flatMap(({ item, at }) => item.devices.map((d, k) => ({ d, at: [...at, 'devices', k] })))

  unique(
    issue,
    'workspace_id',
    ws.map(({ w, at }) => ({ value: w.workspace_id, path: [...at, 'workspace_id'] })),
  )
  unique(
    issue,
    'api_key_id',
    apiKeys.map(({ item, at }) => ({ value: item.api_key_id, path: [...at, 'api_key_id'] })),
  )
  unique(
    issue,
    'API key id',
    apiKeys.map(({ item, at }) => ({ value: tokenId('api_key', item.token), path: [...at, 'token'] })),
  )
  unique(
    issue,
    'publishable_key_id',
    publishableKeys.map(({ item, at }) => ({ value: item.publishable_key_id, path: [...at, 'publishable_key_id'] })),
  )
  unique(
    issue,
    'publishable key id',
    publishableKeys.map(({ item, at }) => ({ value: tokenId('publishable_key', item.token), path: [...at, 'token'] })),
  )
  unique(
    issue,
    'user_identity_id',
    identities.map(({ item, at }) => ({ value: item.user_identity_id, path: [...at, 'user_identity_id'] })),
  )
  unique(
    issue,
    'connected_account_id',
    accounts.map(({ item, at }) => ({ value: item.connected_account_id, path: [...at, 'connected_account_id'] })),
  )
  unique(
    issue,
    'device_id',
    devices.map(({ d, at }) => ({ value: d.device_id, path: [...at, 'device_id'] })),
  )
  unique(
    issue,
    'client_session_id',
    sessions.map(({ item, at }) => ({ value: item.client_session_id, path: [...at, 'client_session_id'] })),
  )
  unique(
    issue,
    'client session token id',
    sessions.map(({ item, at }) => ({ value: tokenId('client_session_token', item.token), path: [...at, 'token'] })),
  )
  unique(
    issue,
    'webhook_id',
    webhooks.map(({ item, at }) => ({ value: item.webhook_id, path: [...at, 'webhook_id'] })),
  )
  unique(
    issue,
    'email',
    users.map(({ u, at }) => ({ value: u.email.toLowerCase(), path: [...at, 'email'] })),
  )
  unique(
    issue,
    'user_id',
    users.map(({ u, at }) => ({ value: u.user_id, path: [...at, 'user_id'] })),
  )
  unique(
    issue,
    'personal_access_token_id',
    pats.map(({ item, at }) => ({ value: item.personal_access_token_id, path: [...at, 'personal_access_token_id'] })),
  )
  unique(
    issue,
    'personal access token id',
    pats.map(({ item, at }) => ({ value: tokenId('personal_access_token', item.token), path: [...at, 'token'] })),
  )

  for (const { w, at } of ws) {
    const identityIds = new Set(w.user_identities.map((u) => u.user_identity_id))
    const accountIds = new Set(w.connected_accounts.map((a) => a.connected_account_id))
    unique(
      issue,
      'user_identity_key in this workspace',
      w.user_identities.map((u, j) => ({ value: u.user_identity_key, path: [...at, 'user_identities', j, 'user_identity_key'] })),
    )
    unique(
      issue,
      'user_identifier_key in this workspace',
      w.client_sessions.map((s, j) => ({ value: s.user_identifier_key, path: [...at, 'client_sessions', j, 'user_identifier_key'] })),
    )
    unique(
      issue,
      'email for this provider in this workspace (one account per person and provider, as a sign-in makes)',
      w.connected_accounts.map((a, j) => ({
        value: `${a.provider} ${a.email.toLowerCase()}`,
        path: [...at, 'connected_accounts', j, 'email'],
      })),
    )
    w.connected_accounts.forEach((a, j) => {
      const path = [...at, 'connected_accounts', j]
      if (!w.is_sandbox)
        return issue([...path], 'a connected account needs a sandbox workspace (is_sandbox: true), where sandbox sign-ins are possible')
      const person = seedableAccount(a.provider, a.email)
      if (person === undefined)
        return issue([...path, 'email'], `no sandbox person with this email for provider ${a.provider} (docs/webviews.md lists them)`)
      unique(
        issue,
        'device name',
        a.devices.map((d, k) => ({ value: d.name, path: [...path, 'devices', k, 'name'] })),
      )
      a.devices.forEach((d, k) => {
        if (!person.deviceNames.includes(d.name))
          issue([...path, 'devices', k, 'name'], `${a.email} has no device of this name; theirs are ${person.deviceNames.join(', ')}`)
      })
    })
    w.client_sessions.forEach((s, j) => {
      const path = [...at, 'client_sessions', j]
      s.connected_account_ids.forEach((id, k) => {
        if (!accountIds.has(id)) issue([...path, 'connected_account_ids', k], 'not a connected account of this workspace in the seed')
      })
      if (s.user_identity_id !== undefined && !identityIds.has(s.user_identity_id))
        issue([...path, 'user_identity_id'], 'not a user identity of this workspace in the seed')
    })
  }
  const workspaceIds = new Set(seed.workspaces.map((w) => w.workspace_id))
  for (const { u, at } of users) {
    u.workspace_ids.forEach((id, k) => {
      if (!workspaceIds.has(id)) issue([...at, 'workspace_ids', k], 'not a workspace of the seed')
    })
  }
}

export const seedSchema = seedShape.superRefine((seed, ctx) =>
  checkReferences(seed, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
)

const firstIssue = (error: z.ZodError): string => {
  const [issue] = error.issues
  if (issue === undefined) return 'seed: invalid'
  const where = describePath(issue.path)
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''
  return `seed: ${where === '' ? '' : `${where}: `}${issue.message}${more}`
}

/** A seed checked whole, or a SeedError naming the first field that is wrong. */
export const parseSeed = (value: unknown): Seed => {
  const parsed = seedSchema.safeParse(value)
  if (!parsed.success) throw new SeedError(firstIssue(parsed.error))
  return parsed.data
}

/** Reads and checks a seed file (JSON). */
export const readSeedFile = (path: string): Seed => {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new SeedError(`seed: cannot read ${path}: ${(error as Error).message}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // Only where it broke: V8's message quotes the text around the fault, which may be a token.
    const where = /at position \d+(?: \(line \d+ column \d+\))?/.exec((error as Error).message)?.[0]
    throw new SeedError(`seed: ${path} is not JSON${where === undefined ? '' : ` (${where})`}`)
  }
  return parseSeed(value)
}
