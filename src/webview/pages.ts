import type { FastifyInstance, FastifyReply } from 'fastify'

import type { AppContext } from '../domain/context.ts'
import { type SignInOutcome, signInBlocker, signInThroughWebview } from '../sandbox/sign-in.ts'
import { messagePage, signInForm } from './html.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// The page needs no script and no third-party anything; it may be framed by the customer's app.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(body)

const BLOCKED: Record<'not_sandbox' | 'provider_not_accepted' | 'not_pending' | 'not_found' | 'customer_conflict', [number, string, string]> = {
  not_found: [404, 'Link not found', 'This sign-in link does not exist or was deleted.'],
  customer_conflict: [409, 'Account already in use', 'This account is already connected for another customer. Sign in with another account.'],
  not_pending: [409, 'Already connected', 'This sign-in link has already been used. You can close this window.'],
  not_sandbox: [403, 'Sandbox sign-in unavailable', 'Only sandbox workspaces accept sandbox accounts.'],
  provider_not_accepted: [403, 'No accepted provider', 'This sign-in link does not accept any provider this server offers.'],
}

const respond = (reply: FastifyReply, outcome: SignInOutcome, action: string, email: string) => {
  switch (outcome.kind) {
    case 'authorized': {
      const target = outcome.webview.customRedirectUrl
      if (target !== null) return reply.code(303).headers(SECURITY_HEADERS).redirect(target, 303)
      return html(reply, 200, messagePage('Connected', 'Your account is connected. You can close this window.'))
    }
    case 'wrong_credentials':
      return html(reply, 401, signInForm(action, 'Wrong email or password. Please try again.', email))
    default: {
      const [status, title, message] = BLOCKED[outcome.kind]
      return html(reply, status, messagePage(title, message))
    }
  }
}

const formField = (body: unknown, name: string): string => {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  return typeof value === 'string' ? value.slice(0, 320) : ''
}

/**
 * The sandbox Connect Webview (docs/webviews.md): server-rendered HTML that works without
 * JavaScript. GET shows the sign-in form; the form POSTs (url-encoded) back to the same URL.
 */
export const installWebviewPages = (app: FastifyInstance, context: AppContext): void => {
  void app.register(async (pages) => {
    // Only these pages read form bodies; the API keeps its JSON-only parser (contract §1).
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))))
    })
    const path = '/connect_webviews/view/:connect_webview_id'

    pages.get<{ Params: { connect_webview_id: string } }>(path, async (request, reply) => {
      const id = request.params.connect_webview_id
      const found = UUID.test(id) ? await context.store.findConnectWebviewForSignIn(id) : undefined
      if (found === undefined) return respond(reply, { kind: 'not_found' }, '', '')
      const blocker = signInBlocker(found)
      if (blocker !== null) return respond(reply, { kind: blocker, webview: found.webview }, '', '')
      return html(reply, 200, signInForm(request.url.split('?')[0] ?? '', null, ''))
    })

    pages.post<{ Params: { connect_webview_id: string } }>(path, async (request, reply) => {
      const id = request.params.connect_webview_id
      const email = formField(request.body, 'email')
      const action = request.url.split('?')[0] ?? ''
      if (!UUID.test(id)) return respond(reply, { kind: 'not_found' }, action, email)
      const outcome = await signInThroughWebview(context.store, context.clock, id, { email, password: formField(request.body, 'password') })
      return respond(reply, outcome, action, email)
    })
  })
}
