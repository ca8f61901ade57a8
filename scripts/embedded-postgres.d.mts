/** Types for embedded-postgres.mjs, which the test runner (plain JS) and the benchmarks share. */
export interface RunningPostgres {
  url: string
  client(): unknown
  stop(): Promise<void>
}
export declare const startPostgres: () => Promise<RunningPostgres>
