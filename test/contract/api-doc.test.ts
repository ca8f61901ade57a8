import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { API_DOC_PATH, DEVICEDB_HEADING, familyOf, renderApiDoc } from '../../scripts/api-doc.ts'
import { SEAM_EVENT_TYPES } from '../../src/contract/seam-event-types.ts'
import { DEVICEDB_ROUTES, ROUTES } from '../../src/routes/index.ts'

describe('docs/api.md is generated from the routes served', () => {
  test('the committed page is exactly what scripts/api-doc.ts generates (`npm run docs:api` regenerates it)', () => {
    assert.equal(readFileSync(API_DOC_PATH, 'utf8'), renderApiDoc(), 'docs/api.md is stale: run `npm run docs:api`')
  })

  test('every route has its section under its family, with its methods', () => {
    const page = renderApiDoc()
    for (const route of ROUTES) {
      const heading = page.indexOf(`### \`${route.path}\`\n`)
      assert.ok(heading > page.indexOf(`## ${familyOf(route)}\n`), route.path)
      const next = page.indexOf('\n### ', heading + 1)
      const section = page.slice(heading, next === -1 ? undefined : next)
      assert.ok(section.includes(`- Methods: ${route.methods.join(', ')}\n`), route.path)
      assert.ok(route.description.trim().length > 20, `${route.path} describes what it does`)
    }
  })

  test('a simulate route says which events it emits (or that it emits none)', () => {
    for (const route of ROUTES.filter((r) => r.path.includes('/simulate/'))) {
      const names = SEAM_EVENT_TYPES.some((type) => route.description.includes(`\`${type}\``)) || /\bno event/.test(route.description)
      assert.ok(names, `${route.path}: its description names the events it emits, as \`device.disconnected\`, or says "no event"`)
    }
  })

  test('the device database routes have their sections under their own heading, after the API families', () => {
    const page = renderApiDoc()
    const heading = page.indexOf(`## ${DEVICEDB_HEADING}\n`)
    assert.ok(heading > 0)
    for (const route of DEVICEDB_ROUTES) {
      const at = page.indexOf(`### \`${route.path}\`\n`)
      assert.ok(at > heading, route.path)
      assert.ok(page.slice(at).includes(`- Methods: ${route.methods.join(', ')}\n`), route.path)
    }
  })
})
