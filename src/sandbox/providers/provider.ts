import type { NewDevice } from '../../store/records.ts'

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
  email: string
  /** A public test value, still compared by digest in constant time like every secret here. */
  password: string
  displayName: string
  /** The second step the provider's sign-in asks for after the password, or null when it asks for none. */
  verificationCode: string | null
  /** The account's devices, by name. */
  devices: readonly string[]
}

/**
 * A provider the sandbox simulates: everything Latchkey knows of it is in its one file under
 * sandbox/providers/, listed in registry.ts.
 */
export interface SandboxProvider {
  /** Seam's provider key: what `accepted_providers` and a connected account's `provider` say. */
  key: string
  deviceProvider: DeviceProviderEntry
  users: readonly SampleUser[]
  /** One of a user's devices as a sign-in creates it. */
  device(workspaceId: string, connectedAccountId: string, name: string, at: string): NewDevice
}
