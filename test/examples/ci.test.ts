import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { startLatchkey } from 'latchkey'

const root = new URL('../../', import.meta.url).pathname
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8')

const withoutTestContext = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const rest = { ...env }
  delete rest.NODE_TEST_CONTEXT
  return rest
}

/** The fenced blocks of a language in a Markdown file, in order. */
const blocks = (markdown: string, lang: string) =>
  [...markdown.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1])

describe('docs/ci.md: its example seed and test are the committed ones, and they work', () => {
  test('the seed it shows is examples/seed.json, and the test it shows is examples/ci/latchkey.test.mjs', () => {
    const doc = read('docs/ci.md')
    assert.ok(
      blocks(doc, 'json').some((block) => block === read('examples/seed.json')),
      'docs/ci.md quotes examples/seed.json',
    )
    assert.ok(
      blocks(doc, 'js').some((block) => block === read('examples/ci/latchkey.test.mjs')),
      'docs/ci.md quotes examples/ci/latchkey.test.mjs',
    )
  })

  test('the CI test passes against a server started with the example seed', async () => {
    const latchkey = await startLatchkey({ seed: `${root}examples/seed.json` })
    try {
      // spawn, not spawnSync: the server answers in this process while the test runs in another.
      const run = await new Promise<{ status: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['--test', `${root}examples/ci/latchkey.test.mjs`], {
          // Without NODE_TEST_CONTEXT: inherited from this runner, it makes the child report to it and exit 0 whatever failed.
          env: { ...withoutTestContext(process.env), LATCHKEY_URL: latchkey.url },
        })
        let output = ''
        child.stdout.on('data', (d: Buffer) => (output += d.toString()))
        child.stderr.on('data', (d: Buffer) => (output += d.toString()))
        child.on('close', (status) => resolve({ status, output }))
      })
      assert.equal(run.status, 0, run.output)
    } finally {
      await latchkey.stop()
    }
  })
})
