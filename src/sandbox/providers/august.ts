import { sandboxLock } from '../devices.ts'
import { SANDBOX_LOCK_MODEL } from '../kinds/lock.ts'
import type { SandboxProvider } from './provider.ts'

// Seam's sandbox August logins (seamapi/docs, device-guides/sandbox-and-sample-data/august-locks-sample-data.md):
// these four emails, password 1234, and each asks for the verification code 123456 after the
// password. Seam does not document which locks each account holds; these names are Latchkey's
// (docs/webviews.md lists them).
const PASSWORD = '1234'
const VERIFICATION_CODE = '123456'

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
}
