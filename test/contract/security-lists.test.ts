import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { openapi } from '@seamapi/types/connect'

import { SECURITY_SCHEMES } from '../../src/http/openapi.ts'
import { ROUTES } from '../../src/routes/index.ts'

/** The schemes of Seam's document that Latchkey has a credential for; the others (console sessions, …) it never accepts. */
const SUPPORTED = new Set(Object.values(SECURITY_SCHEMES))

type Operation = { security?: Record<string, unknown>[] }

/** Seam's security list for a path, each method's, restricted to the schemes Latchkey supports. */
const seamSecurity = (path: string): Map<string, string[]> => {
  const operations = (openapi.paths as Record<string, Record<string, Operation>>)[path] ?? {}
  return new Map(
    Object.entries(operations).map(([method, operation]) => [
      method,
      [...new Set((operation.security ?? []).flatMap((entry) => Object.keys(entry)).filter((scheme) => SUPPORTED.has(scheme)))].sort(),
    ]),
  )
}

describe("credentials: every route accepts exactly Seam's security list", () => {
  test('route.auth, as Seam names the schemes, equals the list of each of its methods in Seam’s document', () => {
    const wrong: string[] = []
    for (const route of ROUTES) {
      const ours = route.auth.map((kind) => SECURITY_SCHEMES[kind]).sort()
      assert.equal(new Set(ours).size, ours.length, `${route.path} lists a credential twice`)
      const seam = seamSecurity(route.path)
      assert.ok(seam.size > 0, `Seam's document has no ${route.path}`)
      for (const [method, schemes] of seam) {
        if (JSON.stringify(schemes) !== JSON.stringify(ours))
          wrong.push(`${method.toUpperCase()} ${route.path}: Latchkey [${ours.join()}], Seam [${schemes.join()}]`)
      }
    }
    assert.deepEqual(wrong, [])
  })
})
