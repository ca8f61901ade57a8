import { cpus, totalmem } from 'node:os'

import type { LoadResult } from './load.ts'

export interface Row {
  scenario: string
  target: string
  result: LoadResult
  vsBare: number | null
  /** Against the bare server run as the same number of processes (the workers' rows). */
  vsBareWorkers: number | null
  vsFake: number | null
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')
const ratio = (n: number | null) => (n === null ? '–' : `${n.toFixed(2)}×`)

export const table = (rows: Row[]): string => {
  const header =
    '| scenario | server | req/s | p50 ms | p99 ms | × bare | × bare, same processes | × fake | errors |\n|---|---|---:|---:|---:|---:|---:|---:|---:|'
  const lines = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.target} | ${fmt(r.result.rps)} | ${fmt(r.result.p50, 1)} | ${fmt(r.result.p99, 1)} | ${ratio(r.vsBare)} | ${ratio(r.vsBareWorkers)} | ${ratio(r.vsFake)} | ${r.result.errors + r.result.non2xx} |`,
  )
  return [header, ...lines].join('\n')
}

export const machine = (): string => {
  const cores = cpus()
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`
}

/** Averages the rounds of one (scenario, server) pair; errors add up. */
export const average = (results: LoadResult[]): LoadResult => {
  const mean = (pick: (r: LoadResult) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length
  return {
    rps: mean((r) => r.rps),
    p50: mean((r) => r.p50),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  }
}
