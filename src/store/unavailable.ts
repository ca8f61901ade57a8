/** Network and server-state codes that mean "the database cannot answer now", not "this query is wrong". */
const UNAVAILABLE_CODES = new Set([
  // Node sockets (node-postgres)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  // PostgreSQL SQLSTATE classes 08 (connection exception) and 57P (operator intervention)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // SQLite: locked beyond the busy timeout, or the file is gone or unreadable
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  // PostgreSQL out of disk space (class 53, insufficient resources)
  '53100',
])

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
]

/** Whether an error from the store means the database is unreachable (answer 503), rather than a bug (500). */
export const isStoreUnavailable = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true
  if (error instanceof AggregateError) return error.errors.some(isStoreUnavailable)
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
}
