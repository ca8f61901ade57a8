/**
 * What each path asks of PostgreSQL, from pg_stat_statements: Latchkey (`bin/latchkey serve`) on
 * an embedded PostgreSQL with the extension loaded, a fixed number of requests per scenario, then
 * per statement its calls per request, and its mean planning and execution time.
 *
 *   node --import tsx bench/pg-statements.ts [--scenarios cst_get,api_key_get,list_100] [--requests 2000]
 *
 * Loopback only; bounded by the request count.
 */
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'
import pg from 'pg'

import { startPostgres } from '../scripts/embedded-postgres.mjs'
import { SCENARIOS } from './scenarios.ts'
import { seedBenchData } from './seed.ts'
import { startLatchkey } from './targets.ts'

const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: 'cst_get,api_key_get,get_or_create,list_100,devices_list' },
    requests: { type: 'string', default: '2000' },
  },
})
const requests = Number(values.requests)
const secret = 'bench-secret-'.padEnd(48, 'x')

const postgres = await startPostgres({
  postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on'],
})
try {
  const admin = new pg.Client({ connectionString: postgres.url })
  await admin.connect()
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
  const data = await seedBenchData({ kind: 'postgres', url: postgres.url }, secret, 1000)
  // As after a bulk load in production: the planner's statistics brought up to date.
  await admin.query('ANALYZE')
  const server = await startLatchkey('Latchkey PostgreSQL', postgres.url, secret)
  try {
    for (const scenario of SCENARIOS.filter((s) => values.scenarios.split(',').includes(s.name))) {
      const request = scenario.latchkey(data)
      const body = typeof request.body === 'function' ? request.body() : request.body
      const drive = (amount: number) =>
        autocannon({
          url: server.url,
          connections: 8,
          amount,
          requests: [
            {
              method: request.method,
              path: request.path,
              headers: { ...request.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
              ...(body === undefined ? {} : { body }),
            },
          ],
        })
      // Warm: every connection of the pool has prepared its statements.
      await drive(500)
      await admin.query('SELECT pg_stat_statements_reset()')
      const result = await drive(requests)
      if (result.errors > 0 || result.non2xx > 0) throw new Error(`${scenario.name}: ${result.errors} errors, ${result.non2xx} non-2xx`)
      const { rows } = await admin.query<{ query: string; calls: string; plans: string; mean_plan_time: number; mean_exec_time: number }>(
        `SELECT query, calls, plans, mean_plan_time, mean_exec_time FROM pg_stat_statements
          WHERE query NOT ILIKE '%pg_stat_statements%' AND calls > 0 ORDER BY calls DESC`,
      )
      console.log(`\n${scenario.label}: ${requests} requests`)
      console.log('| per request | plans per call | mean plan ms | mean exec ms | statement |\n|---:|---:|---:|---:|---|')
      for (const row of rows) {
        const calls = Number(row.calls)
        console.log(
          `| ${(calls / requests).toFixed(2)} | ${(Number(row.plans) / calls).toFixed(2)} | ${row.mean_plan_time.toFixed(3)} | ${row.mean_exec_time.toFixed(3)} | \`${row.query.replace(/\s+/g, ' ').slice(0, Number(process.env.PG_STATEMENT_CHARS ?? 90))}…\` |`,
        )
      }
    }
  } finally {
    await server.stop()
    await admin.end()
  }
} finally {
  await postgres.stop()
}
