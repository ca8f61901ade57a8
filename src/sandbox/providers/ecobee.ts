import { sandboxDevice } from '../devices.ts'
import { SANDBOX_THERMOSTAT_MODEL, THERMOSTAT_FLAGS, THERMOSTAT_KIND } from '../kinds/thermostat.ts'
import type { SandboxProvider } from './provider.ts'

// Seam's sandbox ecobee logins (seamapi/docs, device-guides/sandbox-and-sample-data/ecobee-sample-data.md):
// jane@example.com, andrew@example.com and john@example.com, password 1234, and no verification
// step. Seam does not document which thermostats each account holds; these names are Latchkey's
// (docs/webviews.md lists them).
const PASSWORD = '1234'

/** ecobee: smart thermostats, the sandbox thermostat model (kinds/thermostat.ts). */
export const ECOBEE: SandboxProvider = {
  key: 'ecobee',
  deviceProvider: {
    device_provider_name: SANDBOX_THERMOSTAT_MODEL.provider.device_provider_name,
    display_name: SANDBOX_THERMOSTAT_MODEL.provider.display_name,
    image_url: SANDBOX_THERMOSTAT_MODEL.provider.image_url,
    provider_categories: ['stable', 'thermostats'],
    ...THERMOSTAT_FLAGS,
  },
  users: [
    {
      email: 'jane@example.com',
      password: PASSWORD,
      displayName: 'Jane Doe',
      verificationCode: null,
      devices: ['Living Room', 'Upstairs'],
    },
    {
      email: 'andrew@example.com',
      password: PASSWORD,
      displayName: 'Andrew Smith',
      verificationCode: null,
      devices: ['Lobby'],
    },
    {
      email: 'john@example.com',
      password: PASSWORD,
      displayName: 'John Doe',
      verificationCode: null,
      devices: ['Guest Suite', 'Basement'],
    },
  ],
  device: sandboxDevice(THERMOSTAT_KIND),
}
