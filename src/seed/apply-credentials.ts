import { randomUUID } from 'node:crypto'

import { credentialFromToken, type MintedCredential } from '../auth/tokens.ts'
import type { StoredCredential } from '../store/records.ts'
import type { SeedReport, SeedTarget } from './report.ts'
import type { UserSeed, WorkspaceSeed } from './schema.ts'

/** The schema admitted only well-formed tokens; this turns one into what the store keeps. */
const stored = (kind: Parameters<typeof credentialFromToken>[0], token: string): MintedCredential => {
  const credential = credentialFromToken(kind, token)
  if (credential === undefined) throw new Error(`seed: a ${kind} passed validation but does not parse`)
  return credential
}

/**
 * Whether a credential found by its token id is the seed's: same owner, same secret, and, when the
 * seed fixes it, same id. The warning, when not, says what differs and never shows the token.
 */
const compareCredential = (
  found: StoredCredential,
  ownerId: string,
  secret: MintedCredential,
  fixedId: string | undefined,
  where: string,
): string | undefined => {
  // Both are digests of secrets this process was given in the seed: no caller can time this compare.
  const sameSecret = found.secretHash === secret.secretHash.toString('hex')
  if (found.ownerId !== ownerId || !sameSecret) return `${where}: its token id is already used by another credential; kept that one`
  if (fixedId !== undefined && found.id !== fixedId) return `${where}: the token is stored under id ${found.id}, not ${fixedId}; kept it`
  if (found.revokedAt !== null) return `${where}: the token was revoked at ${found.revokedAt}; it stays revoked`
  return undefined
}

/** The workspace itself: created, or compared with what is stored. */
export const applyWorkspace = async ({ store, clock }: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  const existing = await store.getWorkspace(w.workspace_id)
  if (existing === undefined) {
    await store.createWorkspace({
      workspaceId: w.workspace_id,
      name: w.name,
      isSandbox: w.is_sandbox,
      createdAt: clock.now().toISOString(),
    })
    report.added.push(`${where} (workspace ${w.workspace_id})`)
    return
  }
  if (existing.name !== w.name || existing.isSandbox !== w.is_sandbox) {
    report.warnings.push(
      `${where}: workspace ${w.workspace_id} exists as "${existing.name}" (is_sandbox ${existing.isSandbox}), not as the seed says; left as it is`,
    )
  } else report.unchanged.push(where)
}

export const applyApiKeys = async ({ store, clock }: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  for (const [i, key] of w.api_keys.entries()) {
    const at = `${where}.api_keys[${i}]`
    const credential = stored('api_key', key.token)
    const found = await store.findApiKey(credential.tokenId)
    if (found !== undefined) {
      const problem = compareCredential(found, w.workspace_id, credential, key.api_key_id, at)
      if (problem === undefined) report.unchanged.push(at)
      else report.warnings.push(problem)
      continue
    }
    if (key.api_key_id !== undefined && (await store.listApiKeys(w.workspace_id)).some((k) => k.apiKeyId === key.api_key_id)) {
      report.warnings.push(`${at}: api key ${key.api_key_id} exists with a different token; kept the stored one`)
      continue
    }
    await store.insertApiKey({
      id: key.api_key_id ?? randomUUID(),
      ownerId: w.workspace_id,
      tokenId: credential.tokenId,
      secretHash: credential.secretHash.toString('hex'),
      name: key.name ?? 'seed',
      createdAt: clock.now().toISOString(),
    })
    report.added.push(at)
  }
}

export const applyPublishableKeys = async ({ store, clock }: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  for (const [i, key] of w.publishable_keys.entries()) {
    const at = `${where}.publishable_keys[${i}]`
    const credential = stored('publishable_key', key.token)
    const found = await store.findPublishableKey(credential.tokenId)
    if (found !== undefined) {
      const problem = compareCredential(found, w.workspace_id, credential, key.publishable_key_id, at)
      if (problem === undefined) report.unchanged.push(at)
      else report.warnings.push(problem)
      continue
    }
    const fixedId = key.publishable_key_id
    if (fixedId !== undefined && (await store.listPublishableKeys(w.workspace_id)).some((k) => k.publishableKeyId === fixedId)) {
      report.warnings.push(`${at}: publishable key ${fixedId} exists with a different token; kept the stored one`)
      continue
    }
    await store.insertPublishableKey({
      id: fixedId ?? randomUUID(),
      ownerId: w.workspace_id,
      tokenId: credential.tokenId,
      secretHash: credential.secretHash.toString('hex'),
      createdAt: clock.now().toISOString(),
    })
    report.added.push(at)
  }
}

/**
 * A user (created on first use, as `latchkey pats create` does), their memberships and their
 * personal access tokens.
 */
export const applyUser = async ({ store, clock }: SeedTarget, u: UserSeed, where: string, report: SeedReport) => {
  const now = clock.now().toISOString()
  const email = u.email.trim().toLowerCase()
  const user = await store.ensureUser({ userId: u.user_id ?? randomUUID(), email }, now)
  if (u.user_id !== undefined && user.userId !== u.user_id) {
    report.warnings.push(
      `${where}: ${email} is already user ${user.userId}, not ${u.user_id}; the seed's memberships and tokens go to ${user.userId}`,
    )
  }
  for (const [k, workspaceId] of u.workspace_ids.entries()) {
    const at = `${where}.workspace_ids[${k}]`
    if (await store.isWorkspaceMember(workspaceId, user.userId)) report.unchanged.push(at)
    else {
      await store.addWorkspaceMember(workspaceId, user.userId, now)
      report.added.push(at)
    }
  }
  for (const [k, pat] of u.personal_access_tokens.entries()) {
    const at = `${where}.personal_access_tokens[${k}]`
    const credential = stored('personal_access_token', pat.token)
    const found = await store.findPersonalAccessToken(credential.tokenId)
    if (found !== undefined) {
      const problem = compareCredential(found, user.userId, credential, pat.personal_access_token_id, at)
      if (problem === undefined) report.unchanged.push(at)
      else report.warnings.push(problem)
      continue
    }
    const fixedId = pat.personal_access_token_id
    if (fixedId !== undefined && (await store.listPersonalAccessTokens({ email })).some((t) => t.personalAccessTokenId === fixedId)) {
      report.warnings.push(`${at}: personal access token ${fixedId} exists with a different token; kept the stored one`)
      continue
    }
    await store.insertPersonalAccessToken({
      id: fixedId ?? randomUUID(),
      ownerId: user.userId,
      tokenId: credential.tokenId,
      secretHash: credential.secretHash.toString('hex'),
      createdAt: now,
    })
    report.added.push(at)
  }
}
