/**
 * The seed's one door into src/sandbox/: which accounts a seed may connect, and the account and
 * devices connecting one creates. Everything else in src/seed/ goes through here, so a change in
 * how the sandbox defines its providers and people touches this file alone.
 */
import { sampleUserNamed } from '../sandbox/accounts.ts'
import { providerByKey, SANDBOX_PROVIDERS } from '../sandbox/providers/registry.ts'
import type { SandboxProvider } from '../sandbox/providers/provider.ts'
import type { NewConnectedAccount, NewDevice } from '../store/records.ts'

/** The providers a seed's connected account may name: the sandbox's, by Seam's names. */
export const SEED_PROVIDERS = SANDBOX_PROVIDERS.map((p) => p.key)
export type SeedProvider = string

export interface SeedableAccount {
  provider: SandboxProvider
  email: string
  displayName: string
  deviceNames: readonly string[]
}

/** The provider's sample user a seed names by email, as a sign-in would find them; undefined when there is none. */
export const seedableAccount = (providerKey: SeedProvider, email: string): SeedableAccount | undefined => {
  const provider = providerByKey(providerKey)
  const user = provider && sampleUserNamed(provider, email)
  return provider && user && { provider, email: user.email, displayName: user.displayName, deviceNames: user.devices }
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
    provider: account.provider.key,
    userIdentifierEmail: account.email,
    displayName: account.displayName,
    createdAt: at,
  },
  devices: account.deviceNames.map((name) => {
    const device = account.provider.device(workspaceId, connectedAccountId, name, at)
    return { ...device, deviceId: deviceIds.get(name) ?? device.deviceId }
  }),
})
