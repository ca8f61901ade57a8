import { randomUUID } from 'node:crypto'

import type { Clock } from '../clock.ts'
import type { AcsSeed, ConnectWebviewRecord, WebviewLogin } from '../store/records.ts'
import type { Store } from '../store/store.ts'
import { pairingTokenMatches, sampleUserSignIn, verificationCodeMatches } from './accounts.ts'
import { clearDeviceError, reconnectAccount } from './device-conditions.ts'
import { defaultNoiseThresholds } from './kinds/noise-sensor.ts'
import type { SandboxProvider } from './providers/provider.ts'
import { offeredProviders, providerByKey } from './providers/registry.ts'

/** An account of a provider without access control holds none. */
const NO_ACS: AcsSeed = {
  systems: [],
  entrances: [],
  accessGroups: [],
  accessGroupEntrances: [],
  users: [],
  userAccessGroups: [],
  credentials: [],
  credentialEntrances: [],
  encoders: [],
}

export type Blocker = 'not_sandbox' | 'provider_not_accepted' | 'not_pending'

export type SignInOutcome =
  | { kind: 'authorized'; webview: ConnectWebviewRecord }
  /** Several providers are offered and none was chosen. */
  | { kind: 'choose_provider'; webview: ConnectWebviewRecord; providers: SandboxProvider[] }
  | { kind: 'wrong_credentials'; webview: ConnectWebviewRecord; provider: SandboxProvider }
  /** The password was right; the provider asks for its verification code next (or the one given was wrong). */
  | { kind: 'code_required' | 'wrong_code'; webview: ConnectWebviewRecord; provider: SandboxProvider }
  | { kind: Blocker | 'customer_conflict'; webview: ConnectWebviewRecord }
  | { kind: 'not_found' }

/** What the sign-in page may offer for this webview, before any credentials are checked. */
export const signInBlocker = (found: { webview: ConnectWebviewRecord; isSandbox: boolean }): Blocker | null => {
  if (found.webview.status !== 'pending') return 'not_pending'
  if (!found.isSandbox) return 'not_sandbox'
  if (offeredProviders(found.webview.acceptedProviders).length === 0) return 'provider_not_accepted'
  return null
}

/**
 * The provider a sign-in page is for: the one asked for, when the webview offers it; the only one
 * offered, when none is asked for; otherwise the person chooses (`choose`), or the provider asked
 * for is not offered (`not_offered`).
 */
export const providerFor = (webview: ConnectWebviewRecord, requested: string): SandboxProvider | 'choose' | 'not_offered' => {
  const offered = offeredProviders(webview.acceptedProviders)
  if (requested === '') return offered.length === 1 ? (offered[0] as SandboxProvider) : 'choose'
  const provider = providerByKey(requested)
  return provider !== undefined && offered.includes(provider) ? provider : 'not_offered'
}

export interface SignInForm {
  /** The provider's key; empty when the page offered only one. */
  provider: string
  email: string
  password: string
  /** The verification code; empty before the provider asked for it. */
  code: string
  /** The pairing token, for a provider whose sign-in asks for one (Salto Space); else empty. */
  pairingToken: string
}

/**
 * A sandbox sign-in through a webview: the provider's sample user's password, then their
 * verification code where the provider asks for one. On success the person's connected account
 * (one per workspace and provider, reused on later sign-ins) and its devices exist, and the webview
 * is authorized. The pages hold no state between the steps: the code's form posts the credentials
 * again and both are checked together.
 */
export const signInThroughWebview = async (
  store: Store,
  clock: Clock,
  connectWebviewId: string,
  form: SignInForm,
): Promise<SignInOutcome> => {
  const found = await store.findConnectWebviewForSignIn(connectWebviewId)
  if (found === undefined) return { kind: 'not_found' }
  const { webview } = found
  const blocker = signInBlocker(found)
  if (blocker !== null) return { kind: blocker, webview }
  const provider = providerFor(webview, form.provider)
  if (provider === 'not_offered') return { kind: 'provider_not_accepted', webview }
  const chosen = provider === 'choose' ? firstProviderOpenedBy(offeredProviders(webview.acceptedProviders), form) : provider
  if (chosen === undefined) return { kind: 'choose_provider', webview, providers: offeredProviders(webview.acceptedProviders) }
  return signInTo(store, clock, webview, chosen, form)
}

/**
 * A form that names no provider though several are offered (a script's: the page's forms always
 * name theirs) signs in to the first offered provider, in the registry's order, that knows these
 * credentials; none knowing them, the person chooses.
 */
const firstProviderOpenedBy = (providers: readonly SandboxProvider[], form: SignInForm): SandboxProvider | undefined =>
  form.email === ''
    ? undefined
    : providers.find((p) => {
        const user = sampleUserSignIn(p, form.email, form.password)
        return user !== undefined && pairingTokenMatches(user, form.pairingToken)
      })

const signInTo = async (
  store: Store,
  clock: Clock,
  webview: ConnectWebviewRecord,
  provider: SandboxProvider,
  form: SignInForm,
): Promise<SignInOutcome> => {
  const connectWebviewId = webview.connectWebviewId
  const user = sampleUserSignIn(provider, form.email, form.password)
  if (user === undefined || !pairingTokenMatches(user, form.pairingToken)) return { kind: 'wrong_credentials', webview, provider }
  if (user.verificationCode !== null && form.code === '') return { kind: 'code_required', webview, provider }
  if (!verificationCodeMatches(user, form.code)) return { kind: 'wrong_code', webview, provider }

  const at = clock.now().toISOString()
  const { workspaceId } = webview
  const connectedAccountId = randomUUID()
  const devices = user.devices.map((name) => provider.device(workspaceId, connectedAccountId, name, at))
  const login: WebviewLogin = {
    workspaceId,
    connectWebviewId,
    at,
    account: {
      connectedAccountId,
      workspaceId,
      provider: provider.key,
      userIdentifierEmail: user.email,
      displayName: user.displayName,
      createdAt: at,
    },
    devices,
    noiseThresholds: devices.flatMap(defaultNoiseThresholds),
    acs: provider.acs?.(workspaceId, connectedAccountId, user, at) ?? NO_ACS,
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
