import { randomUUID } from 'node:crypto'

import type { Clock } from '../clock.ts'
import type { ConnectWebviewRecord, WebviewLogin } from '../store/records.ts'
import type { Store } from '../store/store.ts'
import { sandboxSignIn } from './accounts.ts'
import { sandboxLock } from './devices.ts'
import { clearDeviceError, reconnectAccount } from './device-conditions.ts'

export type SignInOutcome =
  | { kind: 'authorized'; webview: ConnectWebviewRecord }
  | { kind: 'wrong_credentials'; webview: ConnectWebviewRecord }
  | { kind: 'not_sandbox'; webview: ConnectWebviewRecord }
  | { kind: 'provider_not_accepted'; webview: ConnectWebviewRecord }
  | { kind: 'not_pending'; webview: ConnectWebviewRecord }
  | { kind: 'customer_conflict'; webview: ConnectWebviewRecord }
  | { kind: 'not_found' }

/** What the sign-in page may offer for this webview, before any credentials are checked. */
export const signInBlocker = (found: {
  webview: ConnectWebviewRecord
  isSandbox: boolean
}): 'not_sandbox' | 'provider_not_accepted' | 'not_pending' | null => {
  if (found.webview.status !== 'pending') return 'not_pending'
  if (!found.isSandbox) return 'not_sandbox'
  if (!found.webview.acceptedProviders.includes('sandbox')) return 'provider_not_accepted'
  return null
}

/**
 * A sandbox sign-in through a webview: on success the person's connected account (one per
 * workspace, reused on later sign-ins) and its locks exist, and the webview is authorized.
 */
export const signInThroughWebview = async (
  store: Store,
  clock: Clock,
  connectWebviewId: string,
  credentials: { email: string; password: string },
): Promise<SignInOutcome> => {
  const found = await store.findConnectWebviewForSignIn(connectWebviewId)
  if (found === undefined) return { kind: 'not_found' }
  const blocker = signInBlocker(found)
  if (blocker !== null) return { kind: blocker, webview: found.webview }
  const account = sandboxSignIn(credentials.email, credentials.password)
  if (account === undefined) return { kind: 'wrong_credentials', webview: found.webview }

  const at = clock.now().toISOString()
  const { workspaceId } = found.webview
  const connectedAccountId = randomUUID()
  const login: WebviewLogin = {
    workspaceId,
    connectWebviewId,
    at,
    account: {
      connectedAccountId,
      workspaceId,
      provider: 'sandbox',
      userIdentifierEmail: account.email,
      displayName: account.displayName,
      createdAt: at,
    },
    devices: account.locks.map((name) => sandboxLock(workspaceId, connectedAccountId, name, at)),
  }
  const result = await store.completeWebviewLogin(login)
  if (result.kind === 'not_found') return result
  // Signing in again reconnects an account connected_accounts/simulate/disconnect cut off.
  if (result.kind === 'authorized')
    await store.changeConnectedAccount(
      workspaceId,
      result.connectedAccountId,
      reconnectAccount(at),
      clearDeviceError('account_disconnected', at),
    )
  return { kind: result.kind, webview: result.webview }
}
