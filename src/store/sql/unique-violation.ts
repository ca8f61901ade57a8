/**
 * Whether a failed statement broke a unique constraint, on either engine: PostgreSQL's SQLSTATE
 * 23505, or better-sqlite3's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. Callers turn it into a
 * domain answer ("that code is taken") instead of a 500, so a race is decided by the index.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const code = error.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
