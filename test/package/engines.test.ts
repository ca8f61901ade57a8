import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'

import semver from 'semver'

const root = new URL('../../', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } }
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; engines?: { node?: string } | string[] }>
}

/** Packages a production install (`npm install --omit=dev`) puts in node_modules, and the Node versions each accepts. */
const production = Object.entries(lock.packages)
  .filter(([path, entry]) => path !== '' && entry.dev !== true && entry.devOptional !== true)
  .map(([path, entry]) => ({
    name: `${path.replace(/^.*node_modules\//, '')}@${entry.version}`,
    node: Array.isArray(entry.engines) ? undefined : entry.engines?.node,
  }))

test("every package a production install puts in node_modules accepts the oldest Node Latchkey's engines admit, and this one", () => {
  const oldest = semver.minVersion(manifest.engines.node)?.version
  assert.ok(oldest !== undefined)
  assert.ok(production.length > 20, `read ${production.length} production packages from package-lock.json`)
  const refusing = production.filter(
    ({ node }) => node !== undefined && !(semver.satisfies(oldest, node) && semver.satisfies(process.version, node)),
  )
  assert.deepEqual(refusing, [], `these would print EBADENGINE on Node ${oldest} or ${process.version}`)
  assert.ok(semver.satisfies(process.version, manifest.engines.node), `${process.version} is within engines ${manifest.engines.node}`)
})
