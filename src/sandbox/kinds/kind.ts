/**
 * One kind of device the sandbox simulates (a lock, a thermostat, a noise sensor): what Seam
 * reports about such hardware. A device's resource takes its capability flags and default
 * properties from its kind, so no kind carries another's flags — Seam Components decide a
 * device is a lock when a lock flag is present at all, even `false`.
 */
export interface DeviceKind {
  /** Seam's `device_type`, e.g. `august_lock`. */
  deviceType: string
  /** `properties.manufacturer`: what `devices/list?manufacturer=` matches. */
  manufacturer: string
  /** The device's `device_provider`. */
  provider: { device_provider_name: string; display_name: string; image_url: string; provider_category: string }
  /** `capabilities_supported`. */
  capabilities: readonly string[]
  /** The `can_*` flags Seam puts on this kind of device, and only those. */
  flags: Readonly<Record<string, boolean>>
  /** Everything a freshly connected device of this kind reports, by its name. */
  properties(name: string): Record<string, unknown>
}
