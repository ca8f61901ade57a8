import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'

import { openapi } from '@seamapi/types/connect'

import { createWorld } from '../fixtures/world.ts'

type Operation = {
  'x-response-key'?: string | null
  security?: Record<string, unknown>[]
  responses: Record<string, { content?: { 'application/json'?: { schema?: { properties?: Record<string, unknown> } } } }>
}
type Document = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
}

const seamPaths = openapi.paths as Record<string, Record<string, Operation>>

const servedDocument = async (): Promise<Document> => {
  const w = await createWorld()
  const res = await w.request({ method: 'GET', url: '/openapi.json' })
  assert.equal(res.status, 200)
  return res.body as Document
}

describe("/openapi.json is shaped as Seam's document is", () => {
  test("each operation's x-response-key is Seam's, and its security schemes are ones Seam names", async () => {
    const document = await servedDocument()
    const seamSchemes = new Set(Object.keys((openapi as unknown as { components: { securitySchemes: object } }).components.securitySchemes))
    let compared = 0
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        assert.ok('x-response-key' in operation, `${path} ${method}: no x-response-key`)
        const seam = seamPaths[path]?.[method] ?? seamPaths[path]?.post
        if (seam !== undefined) {
          assert.equal(operation['x-response-key'], seam['x-response-key'], `${path} ${method}`)
          compared++
        }
        for (const requirement of operation.security ?? []) {
          for (const scheme of Object.keys(requirement)) {
            assert.ok(seamSchemes.has(scheme), `${path} ${method}: ${scheme} is not a scheme Seam names`)
            assert.ok(scheme in document.components.securitySchemes, `${path} ${method}: ${scheme} is not defined`)
          }
        }
      }
    }
    assert.ok(compared > 70, `${compared} operations compared`)
  })

  test('resources live in components/schemas and answers refer to them', async () => {
    const document = await servedDocument()
    for (const resource of [
      'client_session',
      'workspace',
      'connect_webview',
      'connected_account',
      'device',
      'access_code',
      'action_attempt',
      'event',
      'user_identity',
    ]) {
      assert.ok(resource in document.components.schemas, resource)
    }
    const answer = (path: string) => document.paths[path]?.post?.responses['200']?.content?.['application/json']?.schema?.properties ?? {}
    assert.deepEqual(answer('/client_sessions/create').client_session, { $ref: '#/components/schemas/client_session' })
    assert.deepEqual(answer('/devices/list').devices, { type: 'array', items: { $ref: '#/components/schemas/device' } })
    assert.deepEqual(answer('/workspaces/list').workspaces, { type: 'array', items: { $ref: '#/components/schemas/workspace' } })
  })

  test("Redocly's CLI lints it clean", async () => {
    const document = await servedDocument()
    const dir = mkdtempSync(join(tmpdir(), 'latchkey-openapi-'))
    try {
      const file = join(dir, 'openapi.json')
      writeFileSync(file, JSON.stringify(document))
      const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js')
      // Telemetry and the update check off: the lint reads only the file.
      const result = spawnSync(process.execPath, [cli, 'lint', '--format=summary', file], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      })
      assert.equal(result.status, 0, result.stdout + result.stderr)
      const output = result.stdout + result.stderr
      // Problems are listed as "warning <rule>: <count>" or "error <rule>: <count>" in the summary.
      assert.doesNotMatch(output, /^(warning|error) [a-z0-9-]+: \d+/m, output)
      assert.match(output, /Your API description is valid/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
