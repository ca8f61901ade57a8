import { pg } from './pg.ts'

const CONNECT_TIMEOUT_MS = 5_000

/** PostgreSQL's SQLSTATEs this cares about. */
const INVALID_CATALOG_NAME = '3D000'
const DUPLICATE_DATABASE = '42P04'

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`

/** The database a connection string names (PostgreSQL's default: the user's name). */
const databaseName = (url: URL): string => decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres'

/**
 * Creates the database a connection string names when it does not exist yet, through the
 * server's `postgres` database with the same role. Answers the name when it created it, null when
 * it existed. When the role may not create databases, the error says in one line what to run.
 */
export const ensurePostgresDatabase = async (connectionString: string): Promise<string | null> => {
  const probe = new (pg().Client)({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  try {
    await probe.connect()
    return null
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error
  } finally {
    await probe.end().catch(() => {})
  }
  const url = new URL(connectionString)
  const name = databaseName(url)
  url.pathname = '/postgres'
  const admin = new (pg().Client)({ connectionString: url.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`)
    return name
  } catch (error) {
    // Another server created it in the meantime.
    if ((error as { code?: string }).code === DUPLICATE_DATABASE) return null
    const role = decodeURIComponent(url.username) || 'your role'
    throw new Error(
      `database "${name}" does not exist and ${role} could not create it (${(error as Error).message}): ` +
        `create it with \`createdb -h ${url.hostname} -p ${url.port || '5432'} -U <a role that may> -O ${role} ${name}\`, then run this again`,
    )
  } finally {
    await admin.end().catch(() => {})
  }
}
