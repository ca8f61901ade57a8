import { AUGUST } from './august.ts'
import { ECOBEE } from './ecobee.ts'
import { MINUT } from './minut.ts'
import type { SandboxProvider } from './provider.ts'
import { SALTO_KS } from './salto-ks.ts'
import { SALTO_SPACE } from './salto-space.ts'

/** Every provider the sandbox simulates, in the order the Connect Webview offers them. Adding one is adding its file here. */
export const SANDBOX_PROVIDERS: readonly SandboxProvider[] = [AUGUST, ECOBEE, MINUT, SALTO_SPACE, SALTO_KS]

/**
 * Provider keys stored before providers had Seam's names: the one provider then was called
 * `sandbox`, and its accounts held August locks. Webviews created then still sign in to August.
 */
const FORMER_KEYS: Readonly<Record<string, string>> = { sandbox: AUGUST.key }

export const providerByKey = (key: string): SandboxProvider | undefined =>
  SANDBOX_PROVIDERS.find((p) => p.key === (FORMER_KEYS[key] ?? key))

/** What a webview created without `accepted_providers` accepts: every provider there is now. */
export const allProviderKeys = (): string[] => SANDBOX_PROVIDERS.map((p) => p.key)

/** The providers a webview's `accepted_providers` lets a person sign in to, in the registry's order. */
export const offeredProviders = (acceptedProviders: readonly string[]): SandboxProvider[] => {
  const accepted = new Set(acceptedProviders.map((key) => FORMER_KEYS[key] ?? key))
  return SANDBOX_PROVIDERS.filter((p) => accepted.has(p.key))
}

/** A provider's name for people, e.g. `August`; a key no provider has any more reads as itself. */
export const providerDisplayName = (key: string): string => providerByKey(key)?.deviceProvider.display_name ?? key
