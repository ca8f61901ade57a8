import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

import { runLoad, type LoadResult } from './load.ts'
import { average } from './report.ts'
import { seedBenchData } from './seed.ts'
import { startLatchkey } from './targets.ts'

/**
 * The CST get and a paged list at several workspace sizes (SQLite), servers side by side and
 * alternated after the same unrecorded warm-up as the main table, with each server's peak RSS.
 * Seeding uses the store's bulk path.
 */
export const runScale = async (
  dir: string,
  secret: string,
  sizes: number[],
  duration: number,
  connections: number,
  rounds: number,
  warmup: number,
  log: (line: string) => void,
): Promise<string> => {
  const servers = []
  try {
    const seeded = []
    for (const size of sizes) {
      const path = join(dir, `scale-${size}.sqlite`)
      const started = Date.now()
      seeded.push({ size, path, data: await seedBenchData({ kind: 'sqlite', path }, secret, size) })
      log(`  seeded ${size} sessions in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    // The largest file is most of a gigabyte. Left to the kernel, its writeback runs during the
    // first rounds and slows whichever server is measured then (the smallest: 10-20 % in one run),
    // so it is flushed before any server starts.
    execFileSync('sync')
    for (const { size, path, data } of seeded) {
      servers.push({ size, data, target: await startLatchkey(`Latchkey SQLite, ${size} sessions`, `sqlite:${path}`, secret) })
    }
    const scenarios = [
      {
        name: 'client_sessions/get, CST',
        request: (cst: string, _key: string) => ({
          method: 'GET' as const,
          path: '/client_sessions/get',
          headers: { authorization: `Bearer ${cst}` },
        }),
      },
      {
        name: 'client_sessions/list, 100 per page',
        request: (_cst: string, key: string) => ({
          method: 'GET' as const,
          path: '/client_sessions/list?limit=100',
          headers: { authorization: `Bearer ${key}` },
        }),
      },
    ]
    const lines = ['| scenario | sessions | req/s | p50 ms | p99 ms | vs smallest | errors |', '|---|---:|---:|---:|---:|---:|---:|']
    for (const scenario of scenarios) {
      const runs = new Map<number, LoadResult[]>()
      if (warmup > 0) for (const s of servers) await runLoad(s.target.url, scenario.request(s.data.cst, s.data.apiKey), warmup, connections)
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? servers : [...servers].reverse()
        for (const s of order) {
          const result = await runLoad(s.target.url, scenario.request(s.data.cst, s.data.apiKey), duration, connections)
          log(`  scale ${scenario.name} · ${s.size}: ${result.rps.toFixed(0)} req/s`)
          runs.set(s.size, [...(runs.get(s.size) ?? []), result])
        }
      }
      const base = average(runs.get(servers[0]?.size ?? 0) ?? []).rps
      for (const s of servers) {
        const r = average(runs.get(s.size) ?? [])
        lines.push(
          `| ${scenario.name} | ${s.size.toLocaleString('en')} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${((r.rps / base) * 100).toFixed(0)} % | ${r.errors + r.non2xx} |`,
        )
      }
    }
    const rss = servers.map((s) => `${s.size.toLocaleString('en')} sessions: ${s.target.peakRssMb().toFixed(0)} MB`).join('; ')
    return `## Scale (SQLite)\n\n${lines.join('\n')}\n\nServer peak RSS (VmHWM) over the whole scale run: ${rss}.`
  } finally {
    for (const s of servers) await s.target.stop()
  }
}
