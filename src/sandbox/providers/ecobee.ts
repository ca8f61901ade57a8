import { sandboxDevice } from '../devices.ts'
import { SANDBOX_THERMOSTAT_MODEL, THERMOSTAT_FLAGS, THERMOSTAT_KIND } from '../kinds/thermostat.ts'
import { type SandboxProvider, sandboxManufacturer } from './provider.ts'

// Seam's sandbox ecobee logins (seamapi/docs, device-guides/sandbox-and-sample-data/ecobee-sample-data.md):
// jane@example.com, andrew@example.com and john@example.com, password 1234, and no verification
// step. Seam does not document which thermostats each account holds; these names are Latchkey's
// (docs/webviews.md lists them).
const PASSWORD = '1234'

const THERMOSTAT_PICTURE = { url: SANDBOX_THERMOSTAT_MODEL.imageUrl, width: 64, height: 64 }

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
  // Its entry in the device database that SupportedDeviceTable lists.
  devicedb: {
    manufacturer: sandboxManufacturer(
      '0e4a7d52-3b9c-4f18-a2d6-91c5e8f7b304',
      SANDBOX_THERMOSTAT_MODEL.model.manufacturer_display_name,
      THERMOSTAT_PICTURE,
    ),
    device_models: [
      {
        device_model_id: '7d2b9e41-6c0a-4f83-b5e2-3a8f1c9d6e07',
        display_name: SANDBOX_THERMOSTAT_MODEL.model.display_name,
        description: 'A smart thermostat with climate presets and schedules, as the sandbox simulates it.',
        is_device_supported: true,
        main_connection_type: 'wifi',
        hardware: {},
        aesthetic_variants: [{ slug: 'default', display_name: 'Default', front_image: THERMOSTAT_PICTURE, images: [THERMOSTAT_PICTURE] }],
        power_sources: ['hardwired'],
        main_category: 'thermostat',
        physical_properties: {
          available_modes: ['heat', 'cool', 'fan'],
          is_heat_pump_compatible: true,
          has_occupancy_detection: true,
          supports_demand_response: false,
          has_humidity_sensor: true,
          has_temperature_sensor: true,
          supports_emergency_heating_mode: false,
        },
        software_features: { can_program_climate_schedules: true },
        can_hvac_heat: true,
        can_hvac_cool: true,
        can_hvac_heat_cool: true,
        can_turn_off_hvac: true,
      },
    ],
  },
}
