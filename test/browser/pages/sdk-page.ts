// Runs in Chromium: the official SDK, both major versions, as a front end bundles it.
import * as v1 from '@seamapi/http/connect'
import * as v2 from 'seamapi-http-v2/connect'

const SDKS = { 1: v1, 2: v2 } as const

interface Trial {
  version: 1 | 2
  endpoint: string
  token: string
  publishableKey: string
  userIdentifierKey: string
}

const errorName = (error: unknown, sdk: (typeof SDKS)[1 | 2]): string => {
  if (error instanceof sdk.SeamHttpUnauthorizedError) return 'SeamHttpUnauthorizedError'
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** Reads the session and its locks with a token client and a publishable-key client; unlocks and locks one door. */
const runTrial = async ({ version, endpoint, token, publishableKey, userIdentifierKey }: Trial) => {
  const sdk = SDKS[version]
  const withToken = sdk.SeamHttp.fromClientSessionToken(token, { endpoint })
  const session = await withToken.clientSessions.get()
  const locks = await withToken.locks.list()
  const lock = locks[0]
  if (lock === undefined) throw new Error('no lock in scope')
  // The SDK waits for the action attempt by default, polling action_attempts/get.
  const unlocked = await withToken.locks.unlockDoor({ device_id: lock.device_id })
  const afterUnlock = await withToken.locks.get({ device_id: lock.device_id })
  const locked = await withToken.locks.lockDoor({ device_id: lock.device_id })
  const afterLock = await withToken.locks.get({ device_id: lock.device_id })

  const withKey = await sdk.SeamHttp.fromPublishableKey(publishableKey, userIdentifierKey, { endpoint })
  const ownSession = await withKey.clientSessions.get()
  const ownLocks = await withKey.locks.list()
  return {
    sessionId: session.client_session_id,
    lockNames: locks.map((l) => l.display_name).sort(),
    unlockAttempt: { type: unlocked.action_type, status: unlocked.status },
    lockedAfterUnlock: afterUnlock.properties.locked,
    lockAttempt: { type: locked.action_type, status: locked.status },
    lockedAfterLock: afterLock.properties.locked,
    publishableKeySession: { key: ownSession.user_identifier_key, token: ownSession.token.slice(0, 9) },
    publishableKeyLockCount: ownLocks.length,
  }
}

/** What a revoked token's call throws, by class name. */
const revokedError = async ({ version, endpoint, token }: Trial): Promise<string> => {
  const sdk = SDKS[version]
  try {
    await sdk.SeamHttp.fromClientSessionToken(token, { endpoint }).clientSessions.get()
    return 'no error'
  } catch (error) {
    return errorName(error, sdk)
  }
}

Object.assign(globalThis, { latchkey: { runTrial, revokedError } })
document.body.dataset.ready = 'true'
