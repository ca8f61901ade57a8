import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'

import { freePort } from '../../scripts/embedded-postgres.mjs'
import { call, runCli, startServerProcess, TEST_SECRET } from '../fixtures/cli.ts'
import { admin, adminUrl, STORE_KIND, withDatabase } from '../fixtures/stores.ts'

// These start from a PostgreSQL server, so they run on the PostgreSQL leg of the suite.
const skip = STORE_KIND !== 'postgres' && 'needs the PostgreSQL the suite starts for its PostgreSQL leg'

const fresh = (label: string) => {
  const name = `latchkey_${label}_${randomBytes(4).toString('hex')}`
  after(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)))
  return name
}

describe('PostgreSQL for a new team: a database created on first use, one to try on in one command', { skip }, () => {
  test('migrate and serve create a database that does not exist yet', async () => {
    const migrated = withDatabase(adminUrl(), fresh('migrated'))
    const first = runCli(migrated, ['migrate'], { LATCHKEY_SECRET: TEST_SECRET })
    assert.equal(first.status, 0, first.stderr)
    assert.match(first.stdout, /^Created database "latchkey_migrated_[0-9a-f]+"\.\nApplied: 0001_initial, /)
    const again = runCli(migrated, ['migrate'], { LATCHKEY_SECRET: TEST_SECRET })
    assert.equal(again.stdout.trim(), 'Database is up to date.')

    const served = withDatabase(adminUrl(), fresh('served'))
    const server = await startServerProcess(
      served,
      { LATCHKEY_SECRET: TEST_SECRET },
      { args: ['--bootstrap-sandbox', '--sandbox-keys-file', join(mkdtempSync(join(tmpdir(), 'latchkey-pg-keys-')), 'keys.json')] },
    )
    assert.match(server.stderr(), /Created database "latchkey_served_[0-9a-f]+"\./)
    assert.equal((await fetch(`${server.url}/ready`)).status, 200)
    assert.equal(await server.stop(), 0)
  })

  test('a role that may not create databases is told in one line what to run', async () => {
    const role = `latchkey_nocreate_${randomBytes(4).toString('hex')}`
    await admin((c) => c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'pw' NOCREATEDB`))
    after(() => admin((c) => c.query(`DROP ROLE IF EXISTS ${role}`)))
    const name = fresh('refused')
    const url = new URL(withDatabase(adminUrl(), name))
    url.username = role
    url.password = 'pw'
    const refused = runCli(url.toString(), ['migrate'], { LATCHKEY_SECRET: TEST_SECRET })
    assert.equal(refused.status, 1)
    const lines = refused.stderr.trim().split('\n')
    assert.equal(lines.length, 1, refused.stderr)
    assert.match(
      lines[0] ?? '',
      new RegExp(
        `database "${name}" does not exist and ${role} could not create it .*createdb -h 127\\.0\\.0\\.1 -p ${url.port} -U <a role that may> -O ${role} ${name}`,
      ),
    )
  })

  test('npm run postgres starts a PostgreSQL, prints the URL to serve on, and stops on Ctrl-C', async () => {
    const port = await freePort()
    const script = new URL('../../scripts/postgres.mjs', import.meta.url).pathname
    const child = spawn(process.execPath, [script, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
    after(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    for (let i = 0; i < 1200 && !/DATABASE_URL=(\S+)/.test(stdout) && child.exitCode === null; i++)
      await new Promise((resolve) => setTimeout(resolve, 50))
    const url = /DATABASE_URL=(\S+)/.exec(stdout)?.[1]
    assert.equal(url, `postgres://postgres:postgres@127.0.0.1:${port}/latchkey`, stdout)

    const cwd = mkdtempSync(join(tmpdir(), 'latchkey-try-pg-'))
    after(() => rmSync(cwd, { recursive: true, force: true }))
    const server = await startServerProcess(url, { LATCHKEY_SECRET: TEST_SECRET }, { cwd, args: ['--bootstrap-sandbox'] })
    const keys = JSON.parse(readFileSync(join(cwd, 'latchkey-sandbox-keys.json'), 'utf8'))
    const created = await call(
      server.url,
      '/client_sessions/get_or_create',
      { user_identifier_key: 'jane' },
      { authorization: `Bearer ${keys.api_key}` },
    )
    assert.equal(created.status, 200)
    assert.equal(await server.stop(), 0)

    child.kill('SIGINT')
    assert.equal(await exited, 0)
    assert.match(stdout, /PostgreSQL stopped; its data is deleted\./)
  })
})
