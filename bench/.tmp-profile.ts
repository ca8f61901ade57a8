import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { seedBenchData } from './seed.ts'
import { SCENARIOS } from './scenarios.ts'

const scenario = SCENARIOS.find((s) => s.name === process.argv[2])!
const dir = mkdtempSync(join(tmpdir(), 'prof-'))
const file = join(dir, 'db.sqlite')
const secret = 'bench-secret-'.padEnd(48, 'x')
const data = await seedBenchData({ kind: 'sqlite', path: file } as never, secret, 1000)
const child = spawn('node', ['--cpu-prof', '--cpu-prof-dir', '/tmp/prof', 'bin/latchkey', 'serve', '--database-url', `sqlite:${file}`, '--port', '4999'], { env: { ...process.env, LATCHKEY_SECRET: secret }, stdio: ['ignore', 'ignore', 'inherit'] })
await new Promise((r) => setTimeout(r, 1500))
const req = scenario.latchkey(data)
const result = await autocannon({ url: 'http://127.0.0.1:4999', connections: 32, duration: 8, requests: [{ method: req.method as never, path: req.path, headers: { ...req.headers, ...(req.body ? { 'content-type': 'application/json' } : {}) }, ...(typeof req.body === 'string' ? { body: req.body } : {}) }] })
console.log(scenario.name, result.requests.average, 'req/s', result.non2xx, 'non2xx')
child.kill('SIGINT')
await new Promise((r) => child.on('exit', r))
