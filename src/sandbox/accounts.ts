import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * The sandbox provider's fixed accounts (documented in docs/webviews.md). Passwords are public
 * test values; they are still compared by digest in constant time, like every secret here.
 */
export interface SandboxAccount {
  email: string
  displayName: string
  locks: string[]
}

const ACCOUNTS: Record<string, SandboxAccount & { passwordDigest: Buffer }> = {}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

const define = (email: string, password: string, displayName: string, locks: string[]) => {
  ACCOUNTS[email] = { email, displayName, locks, passwordDigest: digest(password) }
}

define('jane@example.com', '1234', 'Jane Doe', ['Front Door', 'Back Door', 'Garage Door'])
define('john@example.com', '1234', 'John Doe', ['Main Entrance', 'Office Door'])

/** The account these credentials sign in to, or undefined; unknown emails cost the same compare. */
export const sandboxSignIn = (email: string, password: string): SandboxAccount | undefined => {
  const account = ACCOUNTS[email.trim().toLowerCase()]
  const expected = account?.passwordDigest ?? digest('\0no account')
  const matches = timingSafeEqual(digest(password), expected)
  return matches && account !== undefined ? account : undefined
}
