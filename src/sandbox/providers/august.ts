import { sandboxLock } from '../devices.ts'
import { SANDBOX_LOCK_MODEL } from '../kinds/lock.ts'
import { type SandboxProvider, sandboxManufacturer } from './provider.ts'

// Seam's sandbox August logins (seamapi/docs, device-guides/sandbox-and-sample-data/august-locks-sample-data.md):
// these four emails, password 1234, and each asks for the verification code 123456 after the
// password. Seam does not document which locks each account holds; these names are Latchkey's
// (docs/webviews.md lists them).
const PASSWORD = '1234'
const VERIFICATION_CODE = '123456'

/** The lock's picture (inline SVG, 64 by 64) as the device database references images. */
const LOCK_PICTURE = { url: SANDBOX_LOCK_MODEL.imageUrl, width: 64, height: 64 }

/** August: smart locks with keypads, the sandbox lock model (lock-model.ts). */
export const AUGUST: SandboxProvider = {
  key: 'august',
  deviceProvider: {
    device_provider_name: SANDBOX_LOCK_MODEL.provider.device_provider_name,
    display_name: SANDBOX_LOCK_MODEL.provider.display_name,
    image_url: SANDBOX_LOCK_MODEL.provider.image_url,
    provider_categories: ['stable', 'consumer_smartlocks'],
    can_remotely_lock: true,
    can_remotely_unlock: true,
    can_program_online_access_codes: true,
    can_program_offline_access_codes: false,
    can_unlock_with_code: true,
  },
  users: [
    {
      email: 'jane@example.com',
      password: PASSWORD,
      displayName: 'Jane Doe',
      verificationCode: VERIFICATION_CODE,
      devices: ['Front Door', 'Back Door', 'Garage Door'],
    },
    {
      email: 'john@example.com',
      password: PASSWORD,
      displayName: 'John Doe',
      verificationCode: VERIFICATION_CODE,
      devices: ['Main Entrance', 'Office Door'],
    },
    {
      email: 'sam@example.com',
      password: PASSWORD,
      displayName: 'Sam Gamgee',
      verificationCode: VERIFICATION_CODE,
      devices: ['Garden Gate', 'Shed Door'],
    },
    {
      email: 'frodo@example.com',
      password: PASSWORD,
      displayName: 'Frodo Baggins',
      verificationCode: VERIFICATION_CODE,
      devices: ['Round Door'],
    },
  ],
  device: sandboxLock,
  // Fixed ids: a page caches manufacturers and models by id, so they must not change between starts.
  devicedb: {
    manufacturer: sandboxManufacturer(
      '8fd37834-3379-4cfd-b6d5-c5b471ae953b',
      SANDBOX_LOCK_MODEL.model.manufacturer_display_name,
      LOCK_PICTURE,
    ),
    device_models: [
      {
        device_model_id: '8bf7c52b-e1f0-4a1b-9d79-f71474362939',
        display_name: SANDBOX_LOCK_MODEL.model.display_name,
        description: 'A retrofit deadbolt lock with an accessory keypad, as the sandbox simulates it.',
        is_device_supported: true,
        main_connection_type: 'wifi',
        hardware: { has_physical_key: true },
        aesthetic_variants: [{ slug: 'default', display_name: 'Default', front_image: LOCK_PICTURE, images: [LOCK_PICTURE] }],
        power_sources: ['battery'],
        main_category: 'smartlock',
        physical_properties: { lock_type: 'deadbolt', has_physical_key: true, has_camera: false },
        software_features: {
          can_remotely_unlock: true,
          can_program_access_codes: SANDBOX_LOCK_MODEL.model.online_access_codes_supported,
          can_program_access_schedules: SANDBOX_LOCK_MODEL.model.online_access_codes_supported,
          can_program_access_codes_offline: SANDBOX_LOCK_MODEL.model.offline_access_codes_supported,
        },
        can_remotely_lock: true,
        can_remotely_unlock: true,
        can_program_online_access_codes: true,
      },
    ],
  },
}
