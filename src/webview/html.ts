import { EMAIL_AND_PASSWORD, type SandboxProvider, type SignInField } from '../sandbox/providers/provider.ts'

/** Escapes text for HTML element content and double-quoted attributes. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** A complete page in the webview's plain style; `body` must already be escaped. */
export const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
label { display: block; margin: 1rem 0 .25rem; }
input { width: 100%; padding: .5rem; box-sizing: border-box; }
button { margin-top: 1.5rem; width: 100%; padding: .6rem; }
.error { color: #b00020; }
.hint { color: #555; font-size: .9rem; }
.providers { list-style: none; padding: 0; }
.providers a { display: flex; align-items: center; gap: .75rem; padding: .6rem; border: 1px solid #ccc; border-radius: 6px; margin: .5rem 0; color: inherit; text-decoration: none; }
h1 img { vertical-align: middle; }
</style>
</head>
<body>
${body}
</body>
</html>
`

/** The sample users' credentials, for the person trying the sandbox: which emails, which password, which code. */
const sampleUsersHint = (provider: SandboxProvider): string => {
  const users = provider.users.map(
    (u) =>
      `${u.email} (password ${u.password}${u.pairingToken === undefined ? '' : `, pairing token ${u.pairingToken}`}${u.verificationCode === null ? '' : `, code ${u.verificationCode}`})`,
  )
  if (provider.patternUsers !== undefined) users.push(provider.patternUsers.description)
  return `<p class="hint">Sandbox ${escapeHtml(provider.deviceProvider.display_name)} accounts: ${escapeHtml(users.join(', '))}.</p>`
}

const errorLine = (error: string | null) => (error === null ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>\n`)

/** Back to the list of providers, when the webview offers more than one. */
const otherProviders = (listUrl: string | null) =>
  listUrl === null ? '' : `\n<p class="hint"><a href="${escapeHtml(listUrl)}">Choose another provider</a></p>`

const providerLogo = (provider: SandboxProvider) =>
  `<img src="${escapeHtml(provider.deviceProvider.image_url)}" alt="" width="32" height="32">`

/** The providers a webview offers, each a link to its sign-in form. */
export const providerList = (action: string, providers: readonly SandboxProvider[]): string =>
  page(
    'Connect your account',
    `<h1>Connect your account</h1>
<p>Choose the provider of your devices.</p>
<ul class="providers">
${providers
  .map(
    (p) =>
      `<li><a href="${escapeHtml(`${action}?provider=${encodeURIComponent(p.key)}`)}">${providerLogo(p)}<span>${escapeHtml(p.deviceProvider.display_name)}</span></a></li>`,
  )
  .join('\n')}
</ul>`,
  )

export interface FormPage {
  provider: SandboxProvider
  /** Where the form posts (the page's own address). */
  action: string
  error: string | null
  email: string
  /** The provider list's address when the webview offers several, else null. */
  listUrl: string | null
}

const AUTOCOMPLETE: Record<SignInField['role'], string> = { identifier: 'username', password: 'current-password', pairing_token: 'off' }

/** One field of a provider's sign-in form; the identifier keeps what was typed (the password and token never come back). */
const fieldInput = (f: SignInField, identifier: string): string => {
  const name = escapeHtml(f.name)
  const value = f.role === 'identifier' ? ` value="${escapeHtml(identifier)}"` : ''
  return `<label for="${name}">${escapeHtml(f.label)}</label>
<input id="${name}" name="${name}" type="${f.type}" autocomplete="${AUTOCOMPLETE[f.role]}" required${value}>`
}

export const signInForm = ({ provider, action, error, email, listUrl }: FormPage): string => {
  const name = escapeHtml(provider.deviceProvider.display_name)
  return page(
    `Connect your ${provider.deviceProvider.display_name} account`,
    `<h1>${providerLogo(provider)} Connect your ${name} account</h1>
${errorLine(error)}<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="provider" value="${escapeHtml(provider.key)}">
${(provider.signInFields ?? EMAIL_AND_PASSWORD).map((f) => fieldInput(f, email)).join('\n')}
<button type="submit">Sign in</button>
</form>
${sampleUsersHint(provider)}${otherProviders(listUrl)}`,
  )
}

/**
 * The provider's second step: its verification code. The page keeps no state on the server, so
 * the credentials just checked travel with the code and are checked again with it.
 */
export const verificationForm = ({ provider, action, error, email, listUrl }: FormPage, password: string): string =>
  page(
    'Enter your verification code',
    `<h1>Enter your verification code</h1>
${errorLine(error)}<p>${escapeHtml(provider.deviceProvider.display_name)} sent a verification code to ${escapeHtml(email)}.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="provider" value="${escapeHtml(provider.key)}">
<input type="hidden" name="email" value="${escapeHtml(email)}">
<input type="hidden" name="password" value="${escapeHtml(password)}">
<label for="code">Verification code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit">Verify</button>
</form>
${sampleUsersHint(provider)}${otherProviders(listUrl)}`,
  )

export const messagePage = (title: string, message: string): string =>
  page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`)
