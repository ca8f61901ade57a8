import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'

import { runCli, type ServerProcess, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'

/** Seam's CLI, installed apart from the project (scripts/install-tools.mjs). */
const SEAM_CLI = new URL('../../tools/seam-cli/node_modules/@seamapi/cli/bin/cli.js', import.meta.url).pathname

interface SeamResult {
  status: number | null
  stdout: string
  stderr: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI prints arbitrary JSON
  json: any
}

/**
 * Runs `seam <args> --remote-schema` against the server: commands built from the server's own
 * /openapi.json, the endpoint from SEAM_CLI_ENDPOINT, config under a temporary HOME. Nothing
 * leaves the machine: the remote schema is Latchkey's, and every call goes to the loopback server.
 */
const seamCli = (home: string, endpoint: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<SeamResult>((resolve, reject) => {
    const child = spawn(process.execPath, [SEAM_CLI, ...args, '--remote-schema'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_STATE_HOME: join(home, '.state'),
        SEAM_CLI_ENDPOINT: endpoint,
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.stdin.end()
    child.on('close', (status) => {
      let json: unknown
      try {
        json = JSON.parse(stdout)
      } catch {
        json = undefined
      }
      resolve({ status, stdout, stderr, json })
    })
  })

/**
 * A server on a fresh database with a sandbox workspace and a personal access token. Made inside
 * each test: the fixtures tie their clean-up to the test that made them.
 */
const setUp = async () => {
  const { url: db } = await sharedDatabase()
  const ws = JSON.parse(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--sandbox', '--json']).stdout) as {
    workspace_id: string
    api_key: string
  }
  const pat = (
    JSON.parse(runCli(db, ['pats', 'create', '--email', 'cli@example.com', '--workspace', ws.workspace_id, '--json']).stdout) as {
      personal_access_token: string
    }
  ).personal_access_token
  const server = await startServerProcess(db)
  const home = mkdtempSync(join(tmpdir(), 'latchkey-seam-cli-'))
  after(() => rmSync(home, { recursive: true, force: true }))
  return { ws, pat, server, home }
}

describe("Seam's CLI (@seamapi/cli) drives Latchkey", () => {
  /** A sandbox sign-in through a webview, as the end user's browser posts the form. */
  const connect = async ({ server, ws }: { server: ServerProcess; ws: { api_key: string } }, email: string) => {
    const created = await fetch(`${server.url}/connect_webviews/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.api_key}`, 'content-type': 'application/json' },
      body: '{}',
    })
    const webview = ((await created.json()) as { connect_webview: { connect_webview_id: string; url: string } }).connect_webview
    const signedIn = await fetch(webview.url, {
      method: 'POST',
      body: new URLSearchParams({ email, password: '1234', code: '123456' }),
      redirect: 'manual',
    })
    assert.equal(signedIn.status, 200)
    return webview.connect_webview_id
  }

  test('login --token with an API key, then the client session commands of the API reference', async () => {
    const world = await setUp()
    const { ws, server, home } = world
    const login = await seamCli(home, server.url, ['login', '--token', ws.api_key])
    assert.equal(login.status, 0, login.stderr)
    const seam = (args: string[]) => seamCli(home, server.url, args)

    const created = await seam([
      'client-sessions',
      'create',
      '--user-identifier-key',
      'jane_doe',
      '--expires-at',
      '2030-01-01T00:00:00.000Z',
    ])
    assert.equal(created.status, 0, created.stderr)
    const session = created.json.client_session
    assert.equal(session.user_identifier_key, 'jane_doe')
    assert.equal(session.expires_at, '2030-01-01T00:00:00.000Z')
    assert.match(session.token, /^seam_cst1/)

    assert.equal(
      (await seam(['client-sessions', 'get', '--client-session-id', session.client_session_id])).json.client_session.token,
      session.token,
    )
    assert.equal(
      (await seam(['client-sessions', 'get', '--user-identifier-key', 'jane_doe'])).json.client_session.client_session_id,
      session.client_session_id,
    )

    const webviewId = await connect(world, 'jane@example.com')
    const identity = await fetch(`${server.url}/user_identities/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.api_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user_identity_key: 'jane' }),
    })
    const identityId = ((await identity.json()) as { user_identity: { user_identity_id: string } }).user_identity.user_identity_id
    const accountId = (await seam(['connect-webviews', 'get', '--connect-webview-id', webviewId])).json.connect_webview
      .connected_account_id as string
    const got = await seam([
      'client-sessions',
      'get-or-create',
      '--user-identifier-key',
      'jane_doe',
      '--connect-webview-ids',
      webviewId,
      '--connected-account-ids',
      accountId,
      '--user-identity-id',
      identityId,
      '--expires-at',
      '2031-01-01T00:00:00.000Z',
    ])
    assert.equal(got.status, 0, got.stderr)
    assert.equal(got.json.client_session.client_session_id, session.client_session_id)
    assert.deepEqual(got.json.client_session.connect_webview_ids, [webviewId])
    assert.deepEqual(got.json.client_session.connected_account_ids, [accountId])
    assert.equal(got.json.client_session.user_identity_id, identityId)
    assert.equal(got.json.client_session.device_count, 3)

    const other = (await seam(['client-sessions', 'create', '--user-identifier-key', 'joe'])).json.client_session
    const granted = await seam([
      'client-sessions',
      'grant-access',
      '--client-session-id',
      other.client_session_id,
      '--connected-account-ids',
      accountId,
    ])
    assert.equal(granted.status, 0, granted.stderr)
    const listed = await seam(['client-sessions', 'list'])
    assert.deepEqual(listed.json.client_sessions.map((s: { user_identifier_key: string }) => s.user_identifier_key).sort(), [
      'jane_doe',
      'joe',
    ])
    assert.equal(listed.json.client_sessions.find((s: { user_identifier_key: string }) => s.user_identifier_key === 'joe').device_count, 3)

    assert.equal((await seam(['client-sessions', 'revoke', '--client-session-id', other.client_session_id])).status, 0)
    assert.equal((await seam(['client-sessions', 'delete', '--client-session-id', other.client_session_id])).status, 0)
    const gone = await seam(['client-sessions', 'get', '--client-session-id', other.client_session_id])
    assert.notEqual(gone.status, 0)
    assert.match(gone.stdout + gone.stderr, /client_session_not_found|404/)

    // Devices and a lock, by the CLI.
    const devices = (await seam(['devices', 'list'])).json.devices as { device_id: string }[]
    assert.equal(devices.length, 3)
    const lockId = devices[0]?.device_id as string
    const unlocked = await seam(['locks', 'unlock-door', '--device-id', lockId])
    assert.equal(unlocked.status, 0, unlocked.stderr)
    assert.equal(unlocked.json.action_attempt.action_type, 'UNLOCK_DOOR')
    assert.equal((await seam(['locks', 'get', '--device-id', lockId])).json.device.properties.locked, false)
    assert.equal((await seam(['locks', 'lock-door', '--device-id', lockId])).status, 0)
    assert.equal((await seam(['devices', 'get', '--device-id', lockId])).json.device.properties.locked, true)
  })

  test('login --token with a personal access token; the workspace is named by SEAM_CLI_WORKSPACE_ID', async () => {
    const { ws, pat, server, home: patHome } = await setUp()
    await seamCli(patHome, server.url, ['client-sessions', 'create', '--user-identifier-key', 'jane_doe'], { SEAM_CLI_TOKEN: ws.api_key })
    {
      const login = await seamCli(patHome, server.url, ['login', '--token', pat])
      assert.equal(login.status, 0, login.stderr)
      // The CLI asks for a workspace before any call a PAT makes; SEAM_CLI_WORKSPACE_ID names it.
      const workspaces = await seamCli(patHome, server.url, ['workspaces', 'list'], { SEAM_CLI_WORKSPACE_ID: ws.workspace_id })
      assert.equal(workspaces.status, 0, workspaces.stderr)
      assert.deepEqual(
        workspaces.json.workspaces.map((w: { workspace_id: string }) => w.workspace_id),
        [ws.workspace_id],
      )
      const listed = await seamCli(patHome, server.url, ['client-sessions', 'list'], { SEAM_CLI_WORKSPACE_ID: ws.workspace_id })
      assert.equal(listed.status, 0, listed.stderr)
      assert.ok(listed.json.client_sessions.some((s: { user_identifier_key: string }) => s.user_identifier_key === 'jane_doe'))
    }
  })

  test('a token Latchkey does not know is refused at login, and nothing is stored', async () => {
    const { ws, server, home } = await setUp()
    const login = await seamCli(home, server.url, ['login', '--token', `${ws.api_key}x`])
    assert.notEqual(login.status, 0)
    assert.match(login.stdout + login.stderr, /401|not valid|unauthorized/i)
    const after = await seamCli(home, server.url, ['client-sessions', 'list'])
    assert.match(after.stdout + after.stderr, /Not logged in/)
  })
})
