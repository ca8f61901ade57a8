import { MINUT_SENSOR_KIND, sandboxMinutSensor } from '../kinds/noise-sensor.ts'
import { type SampleUser, type SandboxProvider, sandboxManufacturer } from './provider.ts'

// Seam's sandbox Minut login (seamapi/docs, device-guides/sandbox-and-sample-data/minut-noise-sensor-sample-data.md):
// jane@example.com or any other address in the example.com domain, password 1234, no second step.
// Seam does not say which sensors an account holds; these rooms are Latchkey's (docs/webviews.md).
const PASSWORD = '1234'
const DOMAIN = '@example.com'
const SENSORS = ['Living Room', 'Bedroom'] as const

/** `mary.jane@example.com` reads as `Mary Jane`: the account's display name, from the address alone. */
const nameFrom = (localPart: string): string =>
  localPart
    .split(/[._+-]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')

/** The sample user an address signs in as: any address of the domain with something before the `@`. */
const minutUserFor = (email: string): SampleUser | undefined => {
  if (!email.endsWith(DOMAIN)) return undefined
  const localPart = email.slice(0, -DOMAIN.length)
  if (localPart === '' || localPart.includes('@') || nameFrom(localPart) === '') return undefined
  return { email, password: PASSWORD, displayName: nameFrom(localPart), verificationCode: null, devices: SENSORS }
}

const SENSOR_PICTURE = { url: MINUT_SENSOR_KIND.provider.image_url, width: 64, height: 64 }

/** Minut: noise sensors for short-term rentals, the sandbox noise-sensor model (kinds/noise-sensor.ts). */
export const MINUT: SandboxProvider = {
  key: 'minut',
  deviceProvider: {
    device_provider_name: MINUT_SENSOR_KIND.provider.device_provider_name,
    display_name: MINUT_SENSOR_KIND.provider.display_name,
    image_url: MINUT_SENSOR_KIND.provider.image_url,
    provider_categories: ['stable', 'noise_sensors'],
  },
  users: [],
  patternUsers: { description: `any ${DOMAIN} address (password ${PASSWORD})`, userFor: minutUserFor },
  device: sandboxMinutSensor,
  // Its entry in the device database that SupportedDeviceTable lists.
  devicedb: {
    manufacturer: sandboxManufacturer('5b1f6c1e-9a1d-4b8e-8f53-6f0d2f6a9c41', MINUT_SENSOR_KIND.provider.display_name, SENSOR_PICTURE),
    device_models: [
      {
        device_model_id: 'c3a0f1d2-7e4b-4c59-9a6e-2d8b1f0e7a53',
        display_name: 'Noise Sensor',
        description: 'A noise, temperature and humidity sensor for short-term rentals, as the sandbox simulates it.',
        is_device_supported: true,
        main_connection_type: 'wifi',
        hardware: {},
        aesthetic_variants: [{ slug: 'default', display_name: 'Default', front_image: SENSOR_PICTURE, images: [SENSOR_PICTURE] }],
        power_sources: ['battery'],
        main_category: 'sensor',
        physical_properties: {
          has_noise_sensor: true,
          has_humidity_sensor: true,
          has_temperature_sensor: true,
          has_occupancy_detection: false,
        },
      },
    ],
  },
}
