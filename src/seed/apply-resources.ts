import { credentialFromToken } from '../auth/tokens.ts'
import { newWebhookSecret } from '../auth/webhook-signing.ts'
import { normalTypes } from '../domain/webhooks.ts'
import type { Scope } from '../store/records.ts'
import { isUniqueViolation } from '../store/sql/unique-violation.ts'
import type { SeedReport, SeedTarget } from './report.ts'
import { connectedAccountRows, seedableAccount, settingsOfNewDevice } from './sandbox-adapter.ts'
import type { WorkspaceSeed } from './schema.ts'

const TAKEN = Symbol('taken')

/** The write's answer, or TAKEN when an id the seed fixes is already another workspace's row. */
const unlessTaken = async <T>(write: () => Promise<T>): Promise<T | typeof TAKEN> => {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) return TAKEN
    throw error
  }
}

const wholeWorkspace = (workspaceId: string): Scope => ({ workspaceId, clientSessionId: null })

export const applyUserIdentities = async ({ store, clock }: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  for (const [i, u] of w.user_identities.entries()) {
    const at = `${where}.user_identities[${i}]`
    const identity = {
      userIdentityId: u.user_identity_id,
      workspaceId: w.workspace_id,
      userIdentityKey: u.user_identity_key ?? null,
      emailAddress: u.email_address ?? null,
      phoneNumber: u.phone_number ?? null,
      fullName: u.full_name ?? null,
    }
    const existing = await store.getUserIdentity(wholeWorkspace(w.workspace_id), u.user_identity_id)
    if (existing !== undefined) {
      const differs = (Object.keys(identity) as (keyof typeof identity)[]).filter((field) => existing[field] !== identity[field])
      if (differs.length === 0) report.unchanged.push(at)
      else report.warnings.push(`${at}: user identity ${u.user_identity_id} exists with other ${differs.join(', ')}; left as it is`)
      continue
    }
    const created = await unlessTaken(() => store.createUserIdentity({ ...identity, createdAt: clock.now().toISOString() }))
    if (created === true) report.added.push(at)
    else if (created === false)
      report.warnings.push(`${at}: another user identity of the workspace has user_identity_key ${u.user_identity_key}; not created`)
    else report.warnings.push(`${at}: user_identity_id ${u.user_identity_id} is taken in another workspace; not created`)
  }
}

/**
 * A sandbox person's account and devices, as their sign-in through a Connect Webview makes them.
 * An account that exists is left as it is: its devices are what its sign-in (or an earlier
 * seed) made, and a seed adds no device to it.
 */
export const applyConnectedAccounts = async ({ store, clock }: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  const scope = wholeWorkspace(w.workspace_id)
  for (const [i, a] of w.connected_accounts.entries()) {
    const at = `${where}.connected_accounts[${i}]`
    const person = seedableAccount(a.provider, a.email)
    if (person === undefined) throw new Error(`${at}: passed validation but names no sandbox person`)
    const existing = await store.getConnectedAccount(scope, a.connected_account_id)
    const missingDevices = []
    for (const d of a.devices) if ((await store.getDevice(scope, d.device_id)) === undefined) missingDevices.push(d.device_id)
    if (existing !== undefined) {
      if (existing.userIdentifierEmail !== person.email) {
        report.warnings.push(
          `${at}: connected account ${a.connected_account_id} is ${existing.userIdentifierEmail ?? 'another person'}'s; left as it is`,
        )
      } else if (missingDevices.length > 0) {
        report.warnings.push(
          `${at}: connected account ${a.connected_account_id} exists without devices ${missingDevices.join(', ')}; none added`,
        )
      } else report.unchanged.push(at)
      continue
    }
    if (missingDevices.length < a.devices.length) {
      report.warnings.push(`${at}: some of its device_ids are already other devices; account not created`)
      continue
    }
    const ids = new Map(a.devices.map((d) => [d.name, d.device_id]))
    const rows = connectedAccountRows(w.workspace_id, a.connected_account_id, person, ids, clock.now().toISOString())
    try {
      await store.insertConnectedAccount(rows.account)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      report.warnings.push(
        `${at}: ${person.email} is already connected in this workspace under another id (a sign-in?), or the id is taken; not created`,
      )
      continue
    }
    for (const device of rows.devices) await store.insertDevice(device, settingsOfNewDevice(device))
    report.added.push(`${at} (${rows.devices.length} devices)`)
  }
}

export const applyClientSessions = async (target: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  const { store, clock, tokenCipher, sessionLifetimeMs } = target
  for (const [i, s] of w.client_sessions.entries()) {
    const at = `${where}.client_sessions[${i}]`
    const credential = credentialFromToken('client_session_token', s.token)
    if (credential === undefined) throw new Error(`${at}: passed validation but its token does not parse`)
    // Grants only what exists: an account the seed could not create (see the warnings) is left out.
    const missingAccounts = await store.findMissing(w.workspace_id, 'connected_account', s.connected_account_ids)
    const accountIds = s.connected_account_ids.filter((id) => !missingAccounts.includes(id))
    const identityMissing =
      s.user_identity_id !== undefined && (await store.findMissing(w.workspace_id, 'user_identity', [s.user_identity_id])).length > 0
    if (missingAccounts.length > 0 || identityMissing) {
      report.warnings.push(
        `${at}: ${[...missingAccounts, ...(identityMissing ? [s.user_identity_id] : [])].join(', ')} not in the workspace; not granted`,
      )
    }
    const userIdentityId = identityMissing ? undefined : s.user_identity_id
    const byToken = await store.findClientSessionAuth(credential.tokenId)
    const existing = await store.getClientSession(w.workspace_id, s.client_session_id)
    if (existing === undefined) {
      if (byToken !== undefined) {
        report.warnings.push(`${at}: its token id is already another client session's; not created`)
        continue
      }
      const now = clock.now()
      const created = await unlessTaken(() =>
        store.insertClientSession({
          clientSessionId: s.client_session_id,
          workspaceId: w.workspace_id,
          tokenId: credential.tokenId,
          secretHash: credential.secretHash.toString('hex'),
          tokenCiphertext: tokenCipher.encrypt(s.token, s.client_session_id),
          userIdentifierKey: s.user_identifier_key ?? null,
          userIdentityId: userIdentityId ?? null,
          customerId: null,
          customerKey: null,
          connectedAccountIds: accountIds,
          connectWebviewIds: [],
          createdAt: now.toISOString(),
          expiresAt: s.expires_at ?? new Date(now.getTime() + sessionLifetimeMs).toISOString(),
        }),
      )
      if (created === TAKEN)
        report.warnings.push(`${at}: client_session_id ${s.client_session_id} is taken in another workspace; not created`)
      else if (created === undefined)
        report.warnings.push(`${at}: a live client session already holds user_identifier_key ${s.user_identifier_key}; not created`)
      else report.added.push(`${at} (client session ${s.client_session_id})`)
      continue
    }
    const problems: string[] = []
    const sameToken =
      byToken?.session.clientSessionId === s.client_session_id && byToken.secretHash === credential.secretHash.toString('hex')
    if (!sameToken) problems.push('a different token (kept the stored one)')
    if (existing.userIdentifierKey !== (s.user_identifier_key ?? null))
      problems.push(`user_identifier_key ${existing.userIdentifierKey ?? 'none'}`)
    if (existing.revokedAt !== null) problems.push(`revoked at ${existing.revokedAt} (stays revoked)`)
    const identityChange = userIdentityId !== undefined && existing.userIdentityId !== userIdentityId
    if (identityChange && existing.userIdentityId !== null) problems.push(`user identity ${existing.userIdentityId}`)
    const newAccounts = accountIds.filter((id) => !existing.connectedAccountIds.includes(id))
    const grant = {
      connectedAccountIds: newAccounts,
      connectWebviewIds: [],
      ...(identityChange && existing.userIdentityId === null ? { userIdentityId } : {}),
    }
    if (problems.length > 0) report.warnings.push(`${at}: client session ${s.client_session_id} exists with ${problems.join('; ')}`)
    if (newAccounts.length > 0 || 'userIdentityId' in grant) {
      await store.grantClientSessionAccess(w.workspace_id, s.client_session_id, grant)
      report.added.push(
        `${at}: granted ${[...newAccounts, ...('userIdentityId' in grant ? [`user identity ${userIdentityId}`] : [])].join(', ')}`,
      )
    } else if (problems.length === 0) report.unchanged.push(at)
  }
}

export const applyWebhooks = async ({ store, clock, tokenCipher }: SeedTarget, w: WorkspaceSeed, where: string, report: SeedReport) => {
  for (const [i, h] of w.webhooks.entries()) {
    const at = `${where}.webhooks[${i}]`
    const eventTypes = normalTypes(h.event_types)
    const existing = await store.getWebhook(w.workspace_id, h.webhook_id)
    if (existing !== undefined) {
      const differs = [
        ...(existing.url === h.url ? [] : ['url']),
        ...(existing.eventTypes.join() === eventTypes.join() ? [] : ['event_types']),
        ...(h.secret === undefined || tokenCipher.decrypt(existing.secretCiphertext, h.webhook_id) === h.secret ? [] : ['secret']),
      ]
      if (differs.length === 0) report.unchanged.push(at)
      else report.warnings.push(`${at}: webhook ${h.webhook_id} exists with another ${differs.join(', ')}; left as it is`)
      continue
    }
    const webhook = {
      webhookId: h.webhook_id,
      workspaceId: w.workspace_id,
      url: h.url,
      secretCiphertext: tokenCipher.encrypt(h.secret ?? newWebhookSecret(), h.webhook_id),
      createdAt: clock.now().toISOString(),
    }
    if ((await unlessTaken(() => store.createWebhook(webhook, eventTypes))) === TAKEN) {
      report.warnings.push(`${at}: webhook_id ${h.webhook_id} is taken in another workspace; not created`)
      continue
    }
    report.added.push(`${at} (webhook ${h.webhook_id})`)
  }
}
