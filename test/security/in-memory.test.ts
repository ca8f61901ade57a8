import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'

import { runCli, sharedDatabase, startServerProcess } from '../fixtures/cli.ts'

/** One request on its own connection, closed after the answer: no socket keeps a credential. */
const post = (base: string, path: string, body: unknown, headers: Record<string, string>) =>
  new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const payload = JSON.stringify(body)
    const req = request(
      `${base}${path}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        // Settled once the connection is closed, not at the answer's end: the server then holds no
        // socket (nor its request's headers) for this request.
        res.on('end', () => {
          const done = () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> })
          const socket = req.socket
          if (socket === null || socket.closed) done()
          else socket.once('close', done)
        })
      },
    )
    req.on('error', reject)
    req.end(payload)
  })

/** The secret part of a credential: what follows its last underscore. */
const secretPart = (credential: string) => credential.slice(credential.lastIndexOf('_') + 1)

describe('credentials in memory (a credential is not kept past its request)', () => {
  test("after every credential kind has been used, the server's heap holds none of them", async () => {
    const { url: db } = await sharedDatabase()
    const ws = JSON.parse(runCli(db, ['workspaces', 'create', '--name', 'Acme', '--json']).stdout) as {
      workspace_id: string
      api_key: string
    }
    const pat = JSON.parse(runCli(db, ['pats', 'create', '--email', 'a@example.com', '--workspace', ws.workspace_id, '--json']).stdout) as {
      personal_access_token: string
    }
    // The snapshot is written into the server's working directory when it gets SIGUSR2.
    const cwd = mkdtempSync(join(tmpdir(), 'latchkey-heap-'))
    after(() => rmSync(cwd, { recursive: true, force: true }))
    // A setting the server keeps for its whole life, made unique to this run: the snapshot must hold
    // it, which shows the strings are there to be searched. (Request data such as the workspace id
    // proves nothing either way: the snapshot's garbage collection may or may not have freed it.)
    const marker = `heap-marker-${randomUUID()}.invalid`
    const server = await startServerProcess(
      db,
      { NODE_OPTIONS: '--heapsnapshot-signal=SIGUSR2', LATCHKEY_WEBHOOK_ALLOW_HOSTS: marker },
      { cwd },
    )

    const apiKey = { authorization: `Bearer ${ws.api_key}` }
    const viaPat = { authorization: `Bearer ${pat.personal_access_token}`, 'seam-workspace': ws.workspace_id }
    const tokens: string[] = []
    for (const key of ['jane', 'joe', 'ann']) {
      const created = await post(server.url, '/client_sessions/create', { user_identifier_key: key }, apiKey)
      assert.equal(created.status, 200)
      tokens.push((created.body.client_session as { token: string }).token)
    }
    // Reads that hand every session's token back: by API key and by PAT, one at a time and listed,
    // each twice (a second read is where a cache would answer).
    for (let round = 0; round < 2; round++) {
      for (const headers of [apiKey, viaPat]) {
        assert.equal((await post(server.url, '/client_sessions/list', {}, headers)).status, 200)
        for (const key of ['jane', 'joe', 'ann']) {
          const got = await post(server.url, '/client_sessions/get', { user_identifier_key: key }, headers)
          assert.equal(got.status, 200)
          assert.ok(tokens.includes((got.body.client_session as { token: string }).token))
        }
        assert.equal((await post(server.url, '/client_sessions/get_or_create', { user_identifier_key: 'jane' }, headers)).status, 200)
      }
      // Each session's own token, in each header it may come in.
      for (const token of tokens) {
        assert.equal((await post(server.url, '/client_sessions/get', {}, { authorization: `Bearer ${token}` })).status, 200)
        assert.equal((await post(server.url, '/client_sessions/get', {}, { 'client-session-token': token })).status, 200)
      }
    }

    // Each request above closed its connection, but the server takes up a closed connection's
    // end on a later turn of its loop; until then the socket still holds that request's headers.
    // A few more requests, each on a new connection and each answered in turn, take the server
    // through those turns, so the snapshot sees only what outlives a request.
    for (let turn = 0; turn < 10; turn++) {
      assert.equal((await post(server.url, '/client_sessions/list', {}, { authorization: 'Bearer nobody' })).status, 401)
    }
    server.child.kill('SIGUSR2')
    // The snapshot is written synchronously on the server's only thread: once a request is
    // answered after the signal, the file is whole.
    let snapshot: string | undefined
    for (let attempt = 0; attempt < 600 && snapshot === undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const name = readdirSync(cwd).find((file) => file.endsWith('.heapsnapshot'))
      if (name !== undefined && (await post(server.url, '/client_sessions/list', {}, { authorization: 'Bearer nobody' })).status === 401) {
        snapshot = readFileSync(join(cwd, name), 'utf8')
      }
    }
    assert.equal(await server.stop(), 0)
    assert.ok(snapshot !== undefined && existsSync(cwd), 'the server wrote no heap snapshot')
    // The file is whole (it parses), and it holds the marker: a credential the heap still held
    // would appear among the same strings.
    assert.doesNotThrow(() => JSON.parse(snapshot), 'the heap snapshot is not whole')
    assert.ok(snapshot.includes(marker), 'the heap snapshot lacks a string the server keeps')
    const held = [ws.api_key, pat.personal_access_token, ...tokens].filter((credential) => snapshot.includes(secretPart(credential)))
    assert.deepEqual(
      held.map((credential) => credential.slice(0, credential.lastIndexOf('_'))),
      [],
      'credentials found in the heap',
    )
  })
})
