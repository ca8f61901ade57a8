/**
 * The seed's one door into src/sandbox/: which accounts a seed may connect, and the account and
 * devices connecting one creates. Everything else in src/seed/ goes through here, so a change in
 * how the sandbox defines its providers and people touches this file alone.
 */
import { sandboxSignIn } from '../sandbox/accounts.ts'
import { sandboxLock } from '../sandbox/devices.ts'
import type { NewConnectedAccount, NewDevice } from '../store/records.ts'

/** The providers a seed's connected account may name: the sandbox's locks are August locks. */
export const SEED_PROVIDERS = ['august'] as const
export type SeedProvider = (typeof SEED_PROVIDERS)[number]

/** Every sandbox person's password, public and documented in docs/webviews.md. */
const SANDBOX_PASSWORD = '1234'

export interface SeedableAccount {
  email: string
  displayName: string
  deviceNames: readonly string[]
}

/** The sandbox person a seed names by email, as a sign-in would find them; undefined when there is none. */
export const seedableAccount = (_provider: SeedProvider, email: string): SeedableAccount | undefined => {
  const account = sandboxSignIn(email, SANDBOX_PASSWORD)
  return account && { email: account.email, displayName: account.displayName, deviceNames: account.locks }
}

/**
 * The connected account and devices a sandbox sign-in through a Connect Webview writes for this
 * person (sandbox/sign-in.ts), with the ids the seed fixes: a device named in `deviceIds` gets
 * that id, the others a fresh one.
 */
export const connectedAccountRows = (
  workspaceId: string,
  connectedAccountId: string,
  account: SeedableAccount,
  deviceIds: ReadonlyMap<string, string>,
  at: string,
): { account: NewConnectedAccount; devices: NewDevice[] } => ({
  account: {
    connectedAccountId,
    workspaceId,
    provider: 'sandbox',
    userIdentifierEmail: account.email,
    displayName: account.displayName,
    createdAt: at,
  },
  devices: account.deviceNames.map((name) => {
    const device = sandboxLock(workspaceId, connectedAccountId, name, at)
    return { ...device, deviceId: deviceIds.get(name) ?? device.deviceId }
  }),
})
