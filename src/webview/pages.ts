import { ApiError } from '../contract/api-error.ts'
import type { Answer } from '../http/writer.ts'
import type { Endpoint, EndpointCall } from '../http/endpoint.ts'

import type { AppContext } from '../domain/context.ts'
import { offeredProviders } from '../sandbox/providers/registry.ts'
import { providerFor, type SignInForm, type SignInOutcome, signInBlocker, signInThroughWebview } from '../sandbox/sign-in.ts'
import type { ConnectWebviewRecord } from '../store/records.ts'
import { messagePage, providerList, signInForm, verificationForm } from './html.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// The page needs no script and no third-party anything; it may be framed by the customer's app.
const SECURITY_HEADERS = [
  'content-security-policy',
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'",
  'x-content-type-options',
  'nosniff',
  'referrer-policy',
  'no-referrer',
  'cache-control',
  'no-store',
]

const page = (status: number, body: string): Answer => ({
  status,
  body,
  contentType: 'text/html; charset=utf-8',
  headers: SECURITY_HEADERS,
})

const BLOCKED: Record<
  'not_sandbox' | 'provider_not_accepted' | 'not_pending' | 'not_found' | 'customer_conflict',
  [number, string, string]
> = {
  not_found: [404, 'Link not found', 'This sign-in link does not exist or was deleted.'],
  customer_conflict: [
    409,
    'Account already in use',
    'This account is already connected for another customer. Sign in with another account.',
  ],
  not_pending: [409, 'Already connected', 'This sign-in link has already been used. You can close this window.'],
  not_sandbox: [403, 'Sandbox sign-in unavailable', 'Only sandbox workspaces accept sandbox accounts.'],
  provider_not_accepted: [403, 'No accepted provider', 'This sign-in link does not accept any provider this server offers.'],
}

/** The provider list's address, when the webview offers several providers to choose from. */
const listUrlOf = (webview: ConnectWebviewRecord, action: string): string | null =>
  offeredProviders(webview.acceptedProviders).length > 1 ? action : null

const respond = (outcome: SignInOutcome, action: string, form: SignInForm): Answer => {
  switch (outcome.kind) {
    case 'authorized': {
      const target = outcome.webview.customRedirectUrl
      if (target !== null) return { status: 303, headers: [...SECURITY_HEADERS, 'location', target] }
      return page(200, messagePage('Connected', 'Your account is connected. You can close this window.'))
    }
    case 'choose_provider':
      return page(200, providerList(action, outcome.providers))
    case 'wrong_credentials':
    case 'code_required':
    case 'wrong_code': {
      const formPage = { provider: outcome.provider, action, email: form.email, listUrl: listUrlOf(outcome.webview, action) }
      if (outcome.kind === 'wrong_credentials')
        return page(401, signInForm({ ...formPage, error: 'Wrong email or password. Please try again.' }))
      if (outcome.kind === 'code_required') return page(200, verificationForm({ ...formPage, error: null }, form.password))
      return page(401, verificationForm({ ...formPage, error: 'Wrong verification code. Please try again.' }, form.password))
    }
    default: {
      const [status, title, message] = BLOCKED[outcome.kind]
      return page(status, messagePage(title, message))
    }
  }
}

/** The sign-in form's fields; only these pages read form bodies, the API reads JSON alone (contract §1). */
const formFields = (call: EndpointCall): URLSearchParams => {
  if (call.body.length === 0) return new URLSearchParams()
  const type = call.exchange.request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') {
    throw new ApiError(400, 'invalid_content_type', 'The sign-in form is sent as application/x-www-form-urlencoded.')
  }
  return new URLSearchParams(call.body.toString('utf8'))
}

const field = (form: URLSearchParams, name: string): string => (form.get(name) ?? '').slice(0, 320)

const PATTERN = '/connect_webviews/view/:connect_webview_id'

/** The form's own address, to post back to. */
const actionOf = (call: EndpointCall): string => (call.exchange.request.url ?? '').split(/[?#]/)[0] ?? ''

/** The provider a GET asks for (`?provider=august`, the provider list's links), or empty. */
const requestedProvider = (call: EndpointCall): string => {
  const query = (call.exchange.request.url ?? '').split('#')[0]?.split('?')[1] ?? ''
  return (new URLSearchParams(query).get('provider') ?? '').slice(0, 64)
}

/**
 * The sandbox Connect Webview (docs/webviews.md): server-rendered HTML that works without
 * JavaScript. GET shows the list of providers the webview offers (or, with one provider or
 * `?provider=`, that provider's sign-in form); the forms POST (url-encoded) back to the same URL.
 */
export const webviewPages = (context: AppContext): Endpoint[] => [
  {
    pattern: PATTERN,
    method: 'GET',
    async answer(call) {
      const id = call.pathParam ?? ''
      const found = UUID.test(id) ? await context.store.findConnectWebviewForSignIn(id) : undefined
      const empty: SignInForm = { provider: '', email: '', password: '', code: '', pairingToken: '' }
      if (found === undefined) return respond({ kind: 'not_found' }, '', empty)
      const { webview } = found
      const blocker = signInBlocker(found)
      if (blocker !== null) return respond({ kind: blocker, webview }, '', empty)
      const action = actionOf(call)
      const provider = providerFor(webview, requestedProvider(call))
      if (provider === 'not_offered') return respond({ kind: 'provider_not_accepted', webview }, action, empty)
      if (provider === 'choose') return page(200, providerList(action, offeredProviders(webview.acceptedProviders)))
      return page(200, signInForm({ provider, action, error: null, email: '', listUrl: listUrlOf(webview, action) }))
    },
  },
  {
    pattern: PATTERN,
    method: 'POST',
    bodyLimit: 16 * 1024,
    async answer(call) {
      const id = call.pathParam ?? ''
      const fields = formFields(call)
      const form: SignInForm = {
        provider: field(fields, 'provider'),
        // A provider whose sign-in names people by username posts `username` (SignInField).
        email: field(fields, 'email') || field(fields, 'username'),
        password: field(fields, 'password'),
        code: field(fields, 'code').trim(),
        pairingToken: field(fields, 'bridge_pairing_token').trim(),
      }
      const action = actionOf(call)
      if (!UUID.test(id)) return respond({ kind: 'not_found' }, action, form)
      return respond(await signInThroughWebview(context.store, context.clock, id, form), action, form)
    },
  },
]
