import type { DeviceModelEntry, ManufacturerEntry } from '../../contract/devicedb.ts'
import type { AcsSeed, NewDevice } from '../../store/records.ts'

/** A device provider's entry in Seam's `device_provider` shape (what devices/list_device_providers answers). */
export interface DeviceProviderEntry {
  device_provider_name: string
  display_name: string
  image_url: string
  provider_categories: readonly string[]
  /** Seam's `can_*` flags for what the provider's devices can do: a lock provider's lock flags, a thermostat provider's HVAC flags. */
  [flag: `can_${string}`]: boolean
}

/**
 * One of a provider's sample users: the public test credentials a person types into the Connect
 * Webview, and the devices their account holds.
 */
export interface SampleUser {
  /** What the person signs in with: an email, or the username where the provider's sign-in asks for one (`signInFields`). */
  email: string
  /** A public test value, still compared by digest in constant time like every secret here. */
  password: string
  displayName: string
  /** The second step the provider's sign-in asks for after the password, or null when it asks for none. */
  verificationCode: string | null
  /** The account's devices, by name. */
  devices: readonly string[]
  /**
   * A secret the provider's sign-in asks for beside the password, on the same form (Salto Space's
   * Seam Bridge pairing token); absent when it asks for none.
   */
  pairingToken?: string
}

/**
 * A field of a provider's sign-in form, in the order the page shows them. `identifier` is what
 * names the person (an email or a username), `password` their password, `pairing_token` the
 * provider's extra secret (SampleUser.pairingToken).
 */
export interface SignInField {
  role: 'identifier' | 'password' | 'pairing_token'
  /** The form field's name, as posted. */
  name: string
  label: string
  type: 'email' | 'text' | 'password'
}

/** What a provider's sign-in asks for when it says nothing else: an email and a password. */
export const EMAIL_AND_PASSWORD: readonly SignInField[] = [
  { role: 'identifier', name: 'email', label: 'Email', type: 'email' },
  { role: 'password', name: 'password', label: 'Password', type: 'password' },
]

/**
 * A provider the sandbox simulates: everything Latchkey knows of it is in its one file under
 * sandbox/providers/, listed in registry.ts.
 */
export interface SandboxProvider {
  /** Seam's provider key: what `accepted_providers` and a connected account's `provider` say. */
  key: string
  deviceProvider: DeviceProviderEntry
  users: readonly SampleUser[]
  /**
   * Sample users matched by a pattern rather than listed (Seam's sandbox Minut takes any
   * `@example.com` address): the user an email signs in as, tried when no listed user has it.
   */
  patternUsers?: {
    /** The pattern for people, as the sign-in page's hint says it, e.g. `any @example.com address (password 1234)`. */
    description: string
    userFor(email: string): SampleUser | undefined
  }
  /** The fields its sign-in form asks for; EMAIL_AND_PASSWORD when absent. */
  signInFields?: readonly SignInField[]
  /** One of a user's devices as a sign-in creates it. */
  device(workspaceId: string, connectedAccountId: string, name: string, at: string): NewDevice
  /** The access control a user's new account holds (its systems, entrances, groups, users, credentials, encoders); none when absent. */
  acs?(workspaceId: string, connectedAccountId: string, user: SampleUser, at: string): AcsSeed
  /**
   * The provider's hardware as Seam's device database describes it: what Seam Components'
   * SupportedDeviceTable lists (src/domain/devicedb.ts gathers every provider's). A provider
   * without it is missing from that table, nothing else.
   */
  devicedb?: ProviderDeviceDb
}

/**
 * A provider's entry in the device database: its manufacturer and the models it simulates.
 * Providers naming the same `manufacturer_id` share one manufacturer in the catalog.
 */
export interface ProviderDeviceDb {
  manufacturer: ManufacturerEntry
  device_models: readonly DeviceModelEntry[]
}

/**
 * A manufacturer the sandbox simulates, as the device database lists it: supported (`stable`, so
 * SupportedDeviceTable shows it by default), connected through a Connect Webview, no annotations.
 */
export const sandboxManufacturer = (manufacturerId: string, displayName: string, logo: ManufacturerEntry['logo']): ManufacturerEntry => ({
  manufacturer_id: manufacturerId,
  display_name: displayName,
  logo,
  integration: 'stable',
  integration_support_level: 'stable',
  is_connect_webview_supported: true,
  requires_seam_support_to_add_account: false,
  annotations: [],
})
