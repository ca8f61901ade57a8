import type PgModule from 'pg'

/**
 * Settings every new connection of the pool gets before any other statement, sent as one
 * statement (node-postgres queues it first; two would overlap). Set by statements rather than
 * startup options, which poolers such as PgBouncer refuse.
 */
export const settleEachConnection = (pool: PgModule.Pool, settings: readonly string[]): void => {
  if (settings.length === 0) return
  const statement = settings.join('; ')
  pool.on('connect', (client) => {
    // A failure leaves PostgreSQL's defaults, which each setting's own note says is safe.
    client.query(statement).catch(() => {})
  })
}
