import type { DeviceKind } from './kind.ts'

/**
 * The one kind of lock the sandbox simulates, as Seam describes an August lock. Every field a
 * Seam client reads about the hardware comes from here; each other kind of device is a file
 * beside this one (kinds/registry.ts lists them).
 */

// Inline, so a page showing the lock loads nothing from the network.
const LOCK_IMAGE =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="14" y="28" width="36" height="28" rx="4" fill="#4b5563"/>' +
      '<path d="M22 28v-8a10 10 0 0 1 20 0v8" fill="none" stroke="#4b5563" stroke-width="5"/><circle cx="32" cy="42" r="4" fill="#fff"/></svg>',
  ).toString('base64')

export const SANDBOX_LOCK_MODEL = {
  deviceType: 'august_lock',
  manufacturer: 'august',
  provider: {
    device_provider_name: 'august',
    display_name: 'August',
    image_url: LOCK_IMAGE,
    provider_category: 'stable',
  },
  model: {
    display_name: 'Smart Lock Pro',
    manufacturer_display_name: 'August',
    accessory_keypad_supported: true,
    can_connect_accessory_keypad: true,
    has_built_in_keypad: false,
    offline_access_codes_supported: false,
    online_access_codes_supported: true,
  },
  imageUrl: LOCK_IMAGE,
  /** Lengths of PIN code the lock's keypad takes; generated codes use the first. */
  codeLengths: [4, 5, 6, 7, 8],
  maxActiveCodes: 250,
  capabilities: ['access_code', 'lock'],
} as const

/** Everything a freshly signed-in sandbox lock reports: online, locked, door shut, battery full. */
export const sandboxLockProperties = (name: string): Record<string, unknown> => ({
  name,
  appearance: { name },
  online: true,
  locked: true,
  door_open: false,
  battery_level: 1,
  battery: { level: 1, status: 'full' },
  has_direct_power: false,
  manufacturer: SANDBOX_LOCK_MODEL.manufacturer,
  model: SANDBOX_LOCK_MODEL.model,
  image_url: SANDBOX_LOCK_MODEL.imageUrl,
  image_alt_text: `${SANDBOX_LOCK_MODEL.model.manufacturer_display_name} ${SANDBOX_LOCK_MODEL.model.display_name}`,
  supported_code_lengths: [...SANDBOX_LOCK_MODEL.codeLengths],
  max_active_codes_supported: SANDBOX_LOCK_MODEL.maxActiveCodes,
  code_constraints: [],
  supports_accessory_keypad: true,
  supports_offline_access_codes: false,
  // Seam keeps a pool of backup codes on it: access_codes/pull_backup_access_code answers one.
  supports_backup_access_code_pool: true,
  serial_number: 'SANDBOX',
})

/** The lock as a device kind: Seam's lock capability flags, on locks only. */
export const LOCK_KIND: DeviceKind = {
  deviceType: SANDBOX_LOCK_MODEL.deviceType,
  manufacturer: SANDBOX_LOCK_MODEL.manufacturer,
  provider: SANDBOX_LOCK_MODEL.provider,
  capabilities: SANDBOX_LOCK_MODEL.capabilities,
  flags: {
    can_remotely_lock: true,
    can_remotely_unlock: true,
    can_program_online_access_codes: true,
    can_program_offline_access_codes: false,
    can_unlock_with_code: true,
  },
  properties: sandboxLockProperties,
}
