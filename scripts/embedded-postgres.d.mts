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
/**
 * `port`: listen there instead of on a free port (npm run postgres); `postgresFlags`: server
 * settings as `-c name=value` pairs (bench/pg-statements.ts loads pg_stat_statements).
 */
export declare const startPostgres: (options?: { port?: number; postgresFlags?: string[] }) => Promise<RunningPostgres>
/** A port free on 127.0.0.1 at the moment of asking. */
export declare const freePort: () => Promise<number>
