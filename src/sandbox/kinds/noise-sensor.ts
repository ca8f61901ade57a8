import { randomBytes, randomUUID } from 'node:crypto'

import type { NewDevice, NoiseThresholdRecord } from '../../store/records.ts'
import type { DeviceKind } from './kind.ts'

/**
 * The noise sensor the sandbox simulates, as Seam describes a Minut sensor: a battery-powered
 * box on a wall reporting sound, temperature, humidity and pressure. It carries no lock flag
 * (Components take a device with any lock flag, even `false`, for a lock); Seam's document
 * defines no capability flag for noise sensors, so it carries none at all.
 */

// Inline, so a page showing the sensor loads nothing from the network.
const SENSOR_IMAGE =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="10" y="10" width="44" height="44" rx="12" fill="#e5e7eb" stroke="#4b5563" stroke-width="3"/>' +
      '<circle cx="32" cy="32" r="8" fill="#4b5563"/><path d="M20 22a16 16 0 0 0 0 20M44 22a16 16 0 0 1 0 20" fill="none" stroke="#4b5563" stroke-width="3"/></svg>',
  ).toString('base64')

const MODEL = { display_name: 'Noise Sensor', manufacturer_display_name: 'Minut' }

/** A quiet room: what a freshly connected sensor hears, and its other readings. */
const QUIET_DECIBELS = 42
const READINGS = { temperature: 21.5, humidity: 45, pressure: 1013, accelerometer_z: -1 }

/** Minut's own report of the sensor (Seam's `minut_metadata`), every reading taken at `at`. */
export const minutMetadata = (minutDeviceId: string, name: string, soundDecibels: number, at: string) => ({
  device_id: minutDeviceId,
  device_name: name,
  latest_sensor_values: {
    temperature: { time: at, value: READINGS.temperature },
    sound: { time: at, value: soundDecibels },
    humidity: { time: at, value: READINGS.humidity },
    pressure: { time: at, value: READINGS.pressure },
    accelerometer_z: { time: at, value: READINGS.accelerometer_z },
  },
})

/**
 * Everything a freshly connected sensor reports. `minut_metadata` here has no reading times: a
 * device stores its own (sandboxMinutSensor), which wins over these defaults.
 */
export const minutSensorProperties = (name: string): Record<string, unknown> => ({
  name,
  appearance: { name },
  online: true,
  battery_level: 1,
  battery: { level: 1, status: 'full' },
  has_direct_power: false,
  manufacturer: 'minut',
  model: MODEL,
  image_url: SENSOR_IMAGE,
  image_alt_text: `${MODEL.manufacturer_display_name} ${MODEL.display_name}`,
  noise_level_decibels: QUIET_DECIBELS,
  currently_triggering_noise_threshold_ids: [],
  minut_metadata: { device_name: name },
})

export const MINUT_SENSOR_KIND: DeviceKind = {
  deviceType: 'minut_sensor',
  manufacturer: 'minut',
  provider: { device_provider_name: 'minut', display_name: 'Minut', image_url: SENSOR_IMAGE, provider_category: 'stable' },
  capabilities: ['noise_detection'],
  flags: {},
  properties: minutSensorProperties,
}

/** A sandbox account's Minut sensor as a sign-in creates it: its readings stamped with the sign-in's time. */
export const sandboxMinutSensor = (workspaceId: string, connectedAccountId: string, name: string, at: string): NewDevice => ({
  deviceId: randomUUID(),
  workspaceId,
  connectedAccountId,
  deviceType: MINUT_SENSOR_KIND.deviceType,
  displayName: name,
  // Minut's ids are its own, not UUIDs.
  properties: { ...minutSensorProperties(name), minut_metadata: minutMetadata(randomBytes(12).toString('hex'), name, QUIET_DECIBELS, at) },
  createdAt: at,
})

/**
 * The thresholds a new Minut sensor comes with: Seam's documented defaults (its noise-sensor
 * guide lists these two for a Minut device), quiet hours at night and normal hours by day.
 */
const DEFAULT_THRESHOLDS = [
  {
    name: 'builtin_quiet_hours',
    starts_daily_at: '22:00:00[America/Los_Angeles]',
    ends_daily_at: '06:00:00[America/Los_Angeles]',
    decibels: 70,
  },
  {
    name: 'builtin_normal_hours',
    starts_daily_at: '06:00:00[America/Los_Angeles]',
    ends_daily_at: '22:00:00[America/Los_Angeles]',
    decibels: 75,
  },
] as const

/** The default thresholds of a device just connected; none for a device that hears nothing. */
export const defaultNoiseThresholds = (device: NewDevice): NoiseThresholdRecord[] =>
  device.deviceType !== MINUT_SENSOR_KIND.deviceType
    ? []
    : DEFAULT_THRESHOLDS.map((t, i) => ({
        noise_threshold_id: randomUUID(),
        workspace_id: device.workspaceId,
        device_id: device.deviceId,
        name: t.name,
        starts_daily_at: t.starts_daily_at,
        ends_daily_at: t.ends_daily_at,
        noise_threshold_decibels: t.decibels,
        noise_threshold_nrs: null,
        // Apart by a millisecond, so they list in this order.
        created_at: new Date(Date.parse(device.createdAt) + i).toISOString(),
      }))
