import type { DeviceCategory, DeviceModel, IntegrationSupportLevel, Manufacturer, ManufacturerEntry } from '../contract/devicedb.ts'
import type { SandboxProvider } from '../sandbox/providers/provider.ts'
import { SANDBOX_PROVIDERS } from '../sandbox/providers/registry.ts'
import { matchesLiqeQuery, parseLiqeQuery } from './liqe-query.ts'

/**
 * The device database Latchkey answers: the manufacturers and device models of the providers the
 * sandbox simulates, each contributed by its provider's file (`devicedb`), in the registry's order.
 * It is the same for every workspace and every caller: it describes hardware, not anyone's devices.
 */
export interface DeviceDbCatalog {
  manufacturers: readonly Manufacturer[]
  deviceModels: readonly DeviceModel[]
}

export const buildCatalog = (providers: readonly SandboxProvider[]): DeviceDbCatalog => {
  // A manufacturer as the first provider naming it describes it, so every model of one
  // manufacturer embeds the same object; a model two providers list is listed once.
  const entries = new Map<string, ManufacturerEntry>()
  const deviceModels: DeviceModel[] = []
  for (const { devicedb } of providers) {
    if (devicedb === undefined) continue
    const id = devicedb.manufacturer.manufacturer_id
    const manufacturer = entries.get(id) ?? devicedb.manufacturer
    entries.set(id, manufacturer)
    for (const model of devicedb.device_models) {
      if (!deviceModels.some((seen) => seen.device_model_id === model.device_model_id)) deviceModels.push({ ...model, manufacturer })
    }
  }
  const manufacturers = [...entries.values()].map((entry) => ({
    ...entry,
    device_model_count: deviceModels.filter((m) => m.manufacturer.manufacturer_id === entry.manufacturer_id).length,
  }))
  return { manufacturers, deviceModels }
}

let catalog: DeviceDbCatalog | undefined

/** The catalog of SANDBOX_PROVIDERS, built on first use: the providers never change while a server runs. */
export const sandboxCatalog = (): DeviceDbCatalog => (catalog ??= buildCatalog(SANDBOX_PROVIDERS))

/** Filters of manufacturers/list, as Seam's device database names them. */
export interface ManufacturerFilters {
  integration_support_levels?: readonly IntegrationSupportLevel[] | undefined
  /** Seam's older filter: the one support level wanted. */
  integration_status?: IntegrationSupportLevel | undefined
  liqe_query?: string | undefined
}

/** The catalog's manufacturers that pass every filter given. An empty list of levels passes none. */
export const listManufacturers = (catalog: DeviceDbCatalog, filters: ManufacturerFilters): Manufacturer[] => {
  // Parsed before anything is answered, so a query Latchkey cannot read is refused even when the catalog is empty.
  const query = filters.liqe_query === undefined ? undefined : parseLiqeQuery(filters.liqe_query)
  return catalog.manufacturers.filter(
    (m) =>
      (filters.integration_support_levels === undefined || filters.integration_support_levels.includes(m.integration_support_level)) &&
      (filters.integration_status === undefined || m.integration_support_level === filters.integration_status) &&
      (query === undefined || matchesLiqeQuery(query, m)),
  )
}

/** Filters of device_models/list, as Seam's device database names them. */
export interface DeviceModelFilters {
  main_category?: DeviceCategory | undefined
  manufacturer_id?: string | undefined
  manufacturer_ids?: readonly string[] | undefined
  integration_support_levels?: readonly IntegrationSupportLevel[] | undefined
  integration_status?: IntegrationSupportLevel | undefined
  text_search?: string | undefined
  include_if?: readonly string[] | undefined
  exclude_if?: readonly string[] | undefined
}

/** The value at a dotted path of a model (`software_features.can_program_access_codes`). */
const flagAt = (model: DeviceModel, path: string): unknown =>
  path.split('.').reduce<unknown>((value, part) => {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined
    return (value as Record<string, unknown>)[part]
  }, model)

const searchable = (model: DeviceModel): string[] => [
  model.display_name,
  model.manufacturer.display_name,
  ...model.aesthetic_variants.flatMap((v) => (v.manufacturer_sku === undefined ? [] : [v.manufacturer_sku])),
]

/**
 * The catalog's device models that pass every filter given. `include_if` keeps a model only when
 * every path in it is `true` on the model (an empty list keeps none), `exclude_if` drops it when
 * any is; `text_search` looks, ignoring case, in the model's and its manufacturer's names and SKUs.
 */
export const listDeviceModels = (catalog: DeviceDbCatalog, filters: DeviceModelFilters): DeviceModel[] => {
  const text = filters.text_search?.trim().toLowerCase()
  return catalog.deviceModels.filter((model) => {
    const { manufacturer } = model
    if (filters.main_category !== undefined && model.main_category !== filters.main_category) return false
    if (filters.manufacturer_id !== undefined && manufacturer.manufacturer_id !== filters.manufacturer_id) return false
    if (filters.manufacturer_ids !== undefined && !filters.manufacturer_ids.includes(manufacturer.manufacturer_id)) return false
    const level = manufacturer.integration_support_level
    if (filters.integration_support_levels !== undefined && !filters.integration_support_levels.includes(level)) return false
    if (filters.integration_status !== undefined && level !== filters.integration_status) return false
    if (text !== undefined && text !== '' && !searchable(model).some((s) => s.toLowerCase().includes(text))) return false
    if (
      filters.include_if !== undefined &&
      (filters.include_if.length === 0 || !filters.include_if.every((p) => flagAt(model, p) === true))
    )
      return false
    if (filters.exclude_if !== undefined && filters.exclude_if.some((p) => flagAt(model, p) === true)) return false
    return true
  })
}
