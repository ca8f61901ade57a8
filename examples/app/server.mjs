// The example's backend: the only place that holds the API key. It signs users in (a stand-in
// for your app's own sign-in), mints one client session per signed-in user with get_or_create,
// and serves the pages built by build.mjs. Run: npm run example (see examples/README.md).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join } from 'node:path'
import { URLSearchParams } from 'node:url'

import { SeamHttp } from '@seamapi/http/connect'

const here = import.meta.dirname
const endpoint = process.env.SEAM_ENDPOINT ?? 'http://127.0.0.1:3000'
// The API key: SEAM_API_KEY, or the sandbox key Latchkey's first start wrote in this checkout.
const apiKey =
  process.env.SEAM_API_KEY ?? JSON.parse(readFileSync(join(here, '..', '..', 'data', 'latchkey.sqlite.sandbox-keys.json'), 'utf8')).api_key
const seam = new SeamHttp({ apiKey, endpoint })

const page = (title, body, styles = ['app.css']) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
${styles.map((file) => `<link rel="stylesheet" href="/dist/${file}">`).join('')}</head><body><main>${body}</main></body></html>`

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The signed-in user, from the cookie /sign-in set. Your app has its own sign-in; use its user id. */
const userOf = (req) => {
  const match = /(?:^|;\s*)user=([^;]+)/.exec(req.headers.cookie ?? '')
  return match === null ? null : decodeURIComponent(match[1])
}

const readForm = (req) =>
  new Promise((resolve) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (body = (body + chunk).slice(0, 10_000)))
    req.on('end', () => resolve(new URLSearchParams(body)))
  })

const send = (res, status, type, body, headers = {}) => res.writeHead(status, { 'content-type': type, ...headers }).end(body)

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' }

const server = createServer(async (req, res) => {
  try {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    const user = userOf(req)
    if (req.method === 'POST' && pathname === '/sign-in') {
      const name = ((await readForm(req)).get('user') ?? '').trim()
      if (!/^[\w.@-]{1,64}$/.test(name)) return send(res, 400, 'text/plain', 'Choose a user name of letters, digits, . @ _ or -.')
      return send(res, 303, 'text/plain', '', {
        location: '/',
        'set-cookie': `user=${encodeURIComponent(name)}; HttpOnly; SameSite=Lax; Path=/`,
      })
    }
    if (req.method === 'POST' && pathname === '/sign-out') {
      return send(res, 303, 'text/plain', '', { location: '/', 'set-cookie': 'user=; Max-Age=0; Path=/' })
    }
    if (pathname === '/') {
      const body =
        user === null
          ? `<h1>Latchkey example</h1><form method="post" action="/sign-in"><label>Sign in as <input name="user" value="jane"></label> <button>Sign in</button></form>`
          : `<h1>Signed in as ${escapeHtml(user)}</h1><ul><li><a href="/sdk.html">Your locks and thermostats, with Seam's SDK</a></li>
<li><a href="/components.html">Your devices, with Seam Components</a></li></ul><form method="post" action="/sign-out"><button>Sign out</button></form>`
      return send(res, 200, TYPES['.html'], page('Latchkey example', body))
    }
    // The token of the signed-in user's client session: minted once per user, the same on every
    // call (get_or_create), so every tab and device of one user shares one session.
    if (pathname === '/api/client-session') {
      if (user === null) return send(res, 401, 'application/json', JSON.stringify({ error: 'sign in first' }))
      const session = await seam.clientSessions.getOrCreate({ user_identifier_key: user })
      return send(res, 200, 'application/json', JSON.stringify({ token: session.token, endpoint }), { 'cache-control': 'no-store' })
    }
    if (pathname === '/sdk.html' || pathname === '/components.html') {
      if (user === null) return send(res, 303, 'text/plain', '', { location: '/' })
      const script = pathname === '/sdk.html' ? 'sdk' : 'components'
      // The components' own stylesheet is bundled beside their script (build.mjs).
      const styles = script === 'components' ? ['app.css', 'components.css'] : ['app.css']
      return send(
        res,
        200,
        TYPES['.html'],
        page(
          'Latchkey example',
          `<p><a href="/">Home</a></p><div id="root"></div><script type="module" src="/dist/${script}.js"></script>`,
          styles,
        ),
      )
    }
    if (pathname.startsWith('/dist/') && /^\/dist\/[\w.-]+$/.test(pathname)) {
      try {
        return send(res, 200, TYPES[extname(pathname)] ?? 'application/octet-stream', readFileSync(join(here, pathname)))
      } catch {
        return send(res, 404, 'text/plain', 'Not built yet: run npm run example:build')
      }
    }
    if (pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '')
    return send(res, 404, 'text/plain', 'Not found')
  } catch (error) {
    console.error(error)
    return send(res, 500, 'text/plain', 'Something went wrong; see the backend output.')
  }
})

server.listen(Number(process.env.PORT ?? 4000), '127.0.0.1', () => {
  const { port } = server.address()
  console.log(`Example app on http://127.0.0.1:${port}, using Latchkey at ${endpoint}`)
})
