/** Types for embedded-postgres.mjs, which the test runner (plain JS) and the benchmarks share. */
export interface RunningPostgres {
  url: string
  client(): unknown
  /** SIGKILL to the postmaster, as a crash. */
  kill(): Promise<void>
  /** Starts a killed cluster again on the same port and data. */
  restart(): Promise<void>
  stop(): Promise<void>
}
export declare const startPostgres: () => Promise<RunningPostgres>
