/**
 * What the shared rate limit costs on PostgreSQL: the CST get with the limit off, and with a limit
 * too high to trigger (so every request pays its counting upsert), side by side in one run.
 * `node --import tsx bench/rate-limit.ts [--duration S] [--rounds N]`. Loopback only, bounded.
 */
import { parseArgs } from 'node:util'

import { startPostgres } from '../scripts/embedded-postgres.mjs'
import { runLoad } from './load.ts'
import { seedBenchData } from './seed.ts'
import { startLatchkey } from './targets.ts'

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' } } })
const duration = Number(values.duration)
const rounds = Number(values.rounds)
const secret = 'bench-secret-'.padEnd(48, 'x')
const postgres = await startPostgres()
try {
  const data = await seedBenchData({ kind: 'postgres', url: postgres.url }, secret, 1000)
  const off = await startLatchkey('limit off', postgres.url, secret)
  const on = await startLatchkey('limit on (shared)', postgres.url, secret, ['--rate-limit-per-minute', '1000000000'])
  const request = { method: 'GET' as const, path: '/client_sessions/get', headers: { authorization: `Bearer ${data.cst}` } }
  const totals = new Map<string, number[]>([
    [off.name, []],
    [on.name, []],
  ])
  for (const target of [off, on]) await runLoad(target.url, request, 1, 32)
  for (let round = 0; round < rounds; round++) {
    for (const target of round % 2 === 0 ? [off, on] : [on, off]) {
      const result = await runLoad(target.url, request, duration, 32)
      if (result.errors > 0 || result.non2xx > 0) throw new Error(`${target.name}: ${result.errors} errors, ${result.non2xx} non-2xx`)
      totals.get(target.name)?.push(result.rps)
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const offRps = mean(totals.get(off.name) ?? [])
  const onRps = mean(totals.get(on.name) ?? [])
  process.stdout.write(`CST get on PostgreSQL, ${rounds} × ${duration} s, 32 connections:\n`)
  process.stdout.write(
    `  limit off: ${Math.round(offRps)} req/s\n  limit on, counted in PostgreSQL: ${Math.round(onRps)} req/s (${(onRps / offRps).toFixed(2)} ×)\n`,
  )
  await off.stop()
  await on.stop()
} finally {
  await postgres.stop()
}
