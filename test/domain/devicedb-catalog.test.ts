import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { DeviceModelEntry, ManufacturerEntry } from '../../src/contract/devicedb.ts'
import { buildCatalog, listManufacturers } from '../../src/domain/devicedb.ts'
import { AUGUST } from '../../src/sandbox/providers/august.ts'
import type { SandboxProvider } from '../../src/sandbox/providers/provider.ts'

/**
 * The catalog gathers what each provider file says of its hardware: one manufacturer per
 * `manufacturer_id`, however many providers name it, with its models counted.
 */

const august = AUGUST.devicedb ?? assert.fail('August describes its hardware')

const manufacturer = (id: string, display_name: string): ManufacturerEntry => ({
  ...august.manufacturer,
  manufacturer_id: id,
  display_name,
})
const thermostat = (id: string, display_name: string): DeviceModelEntry => ({
  device_model_id: id,
  display_name,
  description: 'A test thermostat.',
  is_device_supported: true,
  main_connection_type: 'wifi',
  hardware: {},
  aesthetic_variants: [],
  power_sources: ['hardwired'],
  main_category: 'thermostat',
  physical_properties: {
    available_modes: ['heat', 'cool'],
    is_heat_pump_compatible: true,
    has_occupancy_detection: false,
    supports_demand_response: false,
    has_humidity_sensor: true,
    has_temperature_sensor: true,
    supports_emergency_heating_mode: false,
  },
  software_features: { can_program_climate_schedules: true },
  can_hvac_heat: true,
})
/** A provider like August's but for its key and its description (none: it says nothing of its hardware). */
const provider = (key: string, devicedb: SandboxProvider['devicedb']): SandboxProvider => {
  const { deviceProvider, users } = AUGUST
  return {
    key,
    deviceProvider,
    users,
    device: (...args) => AUGUST.device(...args),
    ...(devicedb === undefined ? {} : { devicedb }),
  }
}

const HEATCO = '11111111-1111-4111-8111-111111111111'

describe('device database catalog', () => {
  test('providers naming one manufacturer share it; its model count covers both; a provider without a description adds nothing', () => {
    const catalog = buildCatalog([
      AUGUST,
      provider('heatco-cloud', {
        manufacturer: manufacturer(HEATCO, 'HeatCo'),
        device_models: [thermostat('21111111-1111-4111-8111-111111111111', 'T1')],
      }),
      provider('heatco-local', {
        manufacturer: manufacturer(HEATCO, 'HeatCo (local)'),
        device_models: [thermostat('21111111-1111-4111-8111-111111111111', 'T1'), thermostat('31111111-1111-4111-8111-111111111111', 'T2')],
      }),
      provider('undescribed', undefined),
    ])
    assert.deepEqual(
      catalog.manufacturers.map((m) => [m.display_name, m.device_model_count]),
      [
        ['August', august.device_models.length],
        ['HeatCo', 2],
      ],
    )
    assert.deepEqual(
      catalog.deviceModels.map((m) => [m.display_name, m.manufacturer.display_name]),
      [...august.device_models.map((m) => [m.display_name, 'August']), ['T1', 'HeatCo'], ['T2', 'HeatCo']],
    )
    assert.deepEqual(
      listManufacturers(catalog, { liqe_query: 'NOT display_name:"August"' }).map((m) => m.manufacturer_id),
      [HEATCO],
    )
  })
})
