import type { TokenCipher } from '../auth/token-cipher.ts'
import type { Clock } from '../clock.ts'
import type { Store } from '../store/store.ts'

/** What applying a seed needs of the server: its store, time, token cipher and session lifetime. */
export interface SeedTarget {
  store: Store
  clock: Clock
  tokenCipher: TokenCipher
  sessionLifetimeMs: number
}

/**
 * What a seed did. Entries name things by their field and id (`workspaces[0].api_keys[1]`,
 * a workspace_id), never by a token or secret: the report is logged.
 */
export interface SeedReport {
  /** What this run wrote. */
  added: string[]
  /** What was already there as the seed says. */
  unchanged: string[]
  /** What the database holds otherwise than the seed says, left as it is. */
  warnings: string[]
}

export const emptyReport = (): SeedReport => ({ added: [], unchanged: [], warnings: [] })
