import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'

import { SeamHttp, SeamHttpWithoutWorkspace } from '@seamapi/http/connect'

import { call, runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'

const EXAMPLE = new URL('../../examples/seed.json', import.meta.url).pathname
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'))
const seed = example()
const [sandbox, other] = seed.workspaces
const API_KEY: string = sandbox.api_keys[0].token
const OTHER_API_KEY: string = other.api_keys[0].token
const JANE_CST: string = sandbox.client_sessions[0].token
const PUBLISHABLE_KEY: string = sandbox.publishable_keys[0].token
const PAT: string = seed.users[0].personal_access_tokens[0].token

/** Any credential or webhook secret: none may reach a log stream. */
const SECRET = /seam_[A-Za-z0-9]+_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/]{10,}/

/** Everything the seed put in, as the API answers it: equal before and after a restart. */
const snapshot = async (endpoint: string) => {
  const seam = new SeamHttp({ apiKey: API_KEY, endpoint })
  const byPat = SeamHttpWithoutWorkspace.fromPersonalAccessToken(PAT, { endpoint })
  return {
    workspace: await seam.workspaces.get(),
    accounts: await seam.connectedAccounts.list(),
    devices: await seam.devices.list(),
    sessions: await seam.clientSessions.list(),
    identities: await seam.userIdentities.list(),
    webhooks: await seam.webhooks.list(),
    otherSessions: await new SeamHttp({ apiKey: OTHER_API_KEY, endpoint }).clientSessions.list(),
    patWorkspaces: await byPat.workspaces.list(),
  }
}

describe('latchkey serve --seed: fixed credentials and data for CI', () => {
  test('the example seed: its keys, tokens, accounts and devices answer over HTTP and the SDK; a restart changes nothing', async () => {
    const { url: db } = await sharedDatabase()
    const server = await startServerProcess(db, {}, { args: ['--seed', EXAMPLE] })
    assert.match(server.stderr(), /Seed .*examples\/seed\.json: 16 added, 0 already as seeded, 0 left as they were\./)

    // The fixed API key, over plain HTTP.
    const created = await call(
      server.url,
      '/client_sessions/create',
      { user_identifier_key: 'ci-run' },
      { authorization: `Bearer ${API_KEY}` },
    )
    assert.equal(created.status, 200)
    assert.equal(created.body.client_session.workspace_id, sandbox.workspace_id)

    // The fixed client session token sees Jane's accounts: her three locks (two with the seed's ids), her ecobee thermostats and Minut sensors.
    const asJane = SeamHttp.fromClientSessionToken(JANE_CST, { endpoint: server.url })
    const janeSession = await asJane.clientSessions.get()
    assert.equal(janeSession.client_session_id, sandbox.client_sessions[0].client_session_id)
    assert.deepEqual(
      [...janeSession.connected_account_ids].sort(),
      [0, 2, 3].map((i) => sandbox.connected_accounts[i].connected_account_id).sort(),
    )
    assert.equal(janeSession.user_identity_id, sandbox.user_identities[0].user_identity_id)
    const janeDevices = await asJane.locks.list()
    assert.deepEqual(janeDevices.map((d) => d.display_name).sort(), ['Back Door', 'Front Door', 'Garage Door'])
    assert.equal((await asJane.thermostats.list()).length, 2)
    assert.equal((await asJane.noiseSensors.list()).length, 2)
    for (const { name, device_id } of sandbox.connected_accounts[0].devices) {
      assert.equal(janeDevices.find((d) => d.display_name === name)?.device_id, device_id)
    }
    // The same account and devices a sandbox sign-in creates: the lock works.
    const frontDoor = sandbox.connected_accounts[0].devices[0].device_id
    await asJane.locks.unlockDoor({ device_id: frontDoor })
    assert.equal((await asJane.devices.get({ device_id: frontDoor })).properties.locked, false)

    // The publishable key finds the seeded session by its user_identifier_key.
    const viaPk = await SeamHttp.fromPublishableKey(PUBLISHABLE_KEY, 'john', { endpoint: server.url })
    assert.equal((await viaPk.clientSessions.get()).client_session_id, sandbox.client_sessions[1].client_session_id)
    assert.equal((await viaPk.devices.list()).length, 2)

    // The PAT's user is a member of both workspaces; the webhook has the seed's secret.
    const seam = new SeamHttp({ apiKey: API_KEY, endpoint: server.url })
    const [webhook] = await seam.webhooks.list()
    assert.equal(webhook?.secret, sandbox.webhooks[0].secret)
    assert.deepEqual(webhook?.event_types, ['lock.locked', 'lock.unlocked'])
    const before = await snapshot(server.url)
    assert.deepEqual(before.patWorkspaces.map((w) => w.workspace_id).sort(), [sandbox.workspace_id, other.workspace_id].sort())
    assert.equal(before.workspace.is_sandbox, true)
    assert.equal(before.accounts.length, 4)
    assert.equal(before.devices.length, 9)
    assert.equal(await server.stop(), 0)
    assert.doesNotMatch(server.stderr() + server.stdout(), SECRET)

    const again = await startServerProcess(db, {}, { args: ['--seed', EXAMPLE] })
    assert.match(again.stderr(), /: 0 added, 16 already as seeded, 0 left as they were\./)
    assert.deepEqual(await snapshot(again.url), before)
    assert.equal(await again.stop(), 0)
  })

  test('a changed seed adds what is new and warns, without the token, about what it could not change', async () => {
    const { url: db, dir } = await sharedDatabase()
    const first = await startServerProcess(db, {}, { args: ['--seed', EXAMPLE] })
    assert.equal(await first.stop(), 0)

    const changed = example()
    const newCst = 'seam_cst1ciJane22_VL1ZC6k2u8bDK2NZAJwSGJvZ'
    const newKey = 'seam_ciKey333_8TnMfQ3GGcd59uD5XgQzNjX4kt8jueE8'
    changed.workspaces[0].client_sessions[0].token = newCst
    changed.workspaces[1].api_keys.push({ name: 'second', token: newKey })
    changed.workspaces[0].name = 'Renamed'
    const path = join(dir, 'changed-seed.json')
    writeFileSync(path, JSON.stringify(changed))
    const second = await startServerProcess(db, {}, { args: ['--seed', path] })
    const stderr = second.stderr()
    assert.match(stderr, /: 1 added, 14 already as seeded, 2 left as they were\./)
    assert.match(stderr, /seed warning: workspaces\[0\]: workspace \S+ exists as "CI sandbox"/)
    assert.match(stderr, /seed warning: workspaces\[0\]\.client_sessions\[0\]: client session \S+ exists with a different token/)
    assert.doesNotMatch(stderr + second.stdout(), SECRET)

    const seamNew = new SeamHttp({ apiKey: newKey, endpoint: second.url })
    assert.equal((await seamNew.workspaces.get()).workspace_id, other.workspace_id)
    // The stored token still opens the session; the seed's new one opens nothing.
    assert.equal((await call(second.url, '/client_sessions/get', {}, { authorization: `Bearer ${JANE_CST}` })).status, 200)
    assert.equal((await call(second.url, '/client_sessions/get', {}, { authorization: `Bearer ${newCst}` })).status, 401)
    assert.equal(await second.stop(), 0)
  })

  test('a bad seed stops the server before it opens anything: exit 1, the field named, no secret shown', async () => {
    const { url: db, dir } = await sharedDatabase()
    const bad = example()
    bad.workspaces[0].api_keys.push({ token: 'seam_notakey' })
    const path = join(dir, 'bad-seed.json')
    writeFileSync(path, JSON.stringify(bad))
    const refused = runCli(db, ['serve', '--port', '0', '--seed', path])
    assert.equal(refused.status, 1)
    assert.match(refused.stderr, /^latchkey serve: seed: workspaces\[0\]\.api_keys\[1\]\.token: not an API key: the format is seam_ \+/m)
    assert.doesNotMatch(refused.stderr, /listening/)
    assert.doesNotMatch(refused.stderr, /seam_notakey/)
    assert.match(runCli(db, ['workspaces', 'list']).stdout, /No workspaces/)

    // Not JSON: where it broke, never the text around it (it may hold a token).
    writeFileSync(path, `{"workspaces": [{"token": "${API_KEY}" oops}]}`)
    const notJson = runCli(db, ['serve', '--port', '0', '--seed', path])
    assert.equal(notJson.status, 1)
    assert.match(notJson.stderr, /seed: .*bad-seed\.json is not JSON/)
    assert.doesNotMatch(notJson.stderr, SECRET)

    const missing = runCli(db, ['serve', '--port', '0'], { LATCHKEY_SEED: join(dir, 'nowhere.json') })
    assert.equal(missing.status, 1)
    assert.match(missing.stderr, /seed: cannot read .*nowhere\.json/)
  })

  test('LATCHKEY_SEED names the file when --seed is not given', async () => {
    const { url: db } = await sharedDatabase()
    const server = await startServerProcess(db, { LATCHKEY_SEED: EXAMPLE })
    const workspace = await new SeamHttp({ apiKey: OTHER_API_KEY, endpoint: server.url }).workspaces.get()
    assert.deepEqual([workspace.workspace_id, workspace.name, workspace.is_sandbox], [other.workspace_id, other.name, false])
    assert.equal(await server.stop(), 0)
  })
})
