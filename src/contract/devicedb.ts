import { z } from 'zod'

/**
 * Seam's device database on the wire (`@seamapi/types/devicedb`): the manufacturers and device
 * models that Seam Components' SupportedDeviceTable lists. Latchkey's catalog is the sandbox's
 * own providers, so every entry here describes hardware the sandbox simulates.
 */

export const INTEGRATION_SUPPORT_LEVELS = ['stable', 'beta', 'planned', 'unsupported', 'inquire'] as const
export const integrationSupportLevelSchema = z.enum(INTEGRATION_SUPPORT_LEVELS)
export type IntegrationSupportLevel = z.infer<typeof integrationSupportLevelSchema>

export const DEVICE_CATEGORIES = ['smartlock', 'sensor', 'thermostat', 'relay', 'intercom', 'accessory'] as const
export const deviceCategorySchema = z.enum(DEVICE_CATEGORIES)
export type DeviceCategory = z.infer<typeof deviceCategorySchema>

/** An image; Latchkey's are inline `data:` URIs, so a page showing one loads nothing from elsewhere. */
export const imageReferenceSchema = z.object({ url: z.string(), width: z.number(), height: z.number() })

export const manufacturerSchema = z.object({
  manufacturer_id: z.uuid(),
  display_name: z.string(),
  logo: imageReferenceSchema.optional(),
  /** Seam's older name for `integration_support_level`, still read by Components: always the same value. */
  integration: integrationSupportLevelSchema,
  integration_support_level: integrationSupportLevelSchema,
  is_connect_webview_supported: z.boolean(),
  requires_seam_support_to_add_account: z.boolean(),
  /** How many of the catalog's device models this manufacturer makes. */
  device_model_count: z.number().int(),
  annotations: z.array(z.object({ annotation_code: z.literal('subscription_required'), message: z.string().min(1) })),
  website: z.string().optional(),
  description: z.string().optional(),
})

export type Manufacturer = z.infer<typeof manufacturerSchema>

/** What a provider says of its manufacturer; the catalog counts the device models itself. */
export type ManufacturerEntry = Omit<Manufacturer, 'device_model_count'>

const aestheticVariantSchema = z.object({
  slug: z.string(),
  display_name: z.string(),
  primary_color_hex: z.string().optional(),
  manufacturer_sku: z.string().optional(),
  front_image: imageReferenceSchema.optional(),
  back_image: imageReferenceSchema.optional(),
  images: z.array(imageReferenceSchema),
})

/** The fields every device model has, whatever its category. */
const commonModelFields = {
  device_model_id: z.uuid(),
  is_device_supported: z.boolean(),
  display_name: z.string(),
  description: z.string(),
  product_url: z.string().optional(),
  main_connection_type: z.enum(['wifi', 'zwave', 'zigbee', 'unknown']),
  hardware: z.object({ has_physical_key: z.boolean().optional() }),
  aesthetic_variants: z.array(aestheticVariantSchema),
  power_sources: z.array(z.enum(['battery', 'hardwired', 'mechanical_harvesting', 'wireless', 'ethernet'])),
}

/** A capability flag of a model: present and true when the model has it, absent otherwise. */
const flag = () => z.literal(true).optional()

/** The fields a model has because of its category (`main_category` says which). */
const categoryFields = z.discriminatedUnion('main_category', [
  z.object({
    main_category: z.literal('smartlock'),
    physical_properties: z.object({
      lock_type: z.enum(['deadbolt', 'lever', 'mortise', 'lockbox', 'cylinder', 'padlock', 'locker', 'unknown']),
      has_physical_key: z.boolean(),
      has_camera: z.boolean(),
    }),
    software_features: z.object({
      can_remotely_unlock: z.boolean(),
      can_program_access_codes: z.boolean(),
      can_program_access_schedules: z.boolean(),
      can_program_access_codes_offline: z.boolean(),
    }),
    can_remotely_lock: flag(),
    can_remotely_unlock: flag(),
    can_program_offline_access_codes: flag(),
    can_program_online_access_codes: flag(),
  }),
  z.object({
    main_category: z.literal('sensor'),
    physical_properties: z.object({
      has_noise_sensor: z.boolean(),
      has_humidity_sensor: z.boolean(),
      has_temperature_sensor: z.boolean(),
      has_occupancy_detection: z.boolean(),
    }),
  }),
  z.object({
    main_category: z.literal('thermostat'),
    physical_properties: z.object({
      available_modes: z.array(z.enum(['heat', 'cool', 'fan', 'eco'])),
      is_heat_pump_compatible: z.boolean(),
      has_occupancy_detection: z.boolean(),
      supports_demand_response: z.boolean(),
      has_humidity_sensor: z.boolean(),
      has_temperature_sensor: z.boolean(),
      supports_emergency_heating_mode: z.boolean(),
    }),
    software_features: z.object({ can_program_climate_schedules: z.boolean() }),
    can_hvac_heat: flag(),
    can_hvac_cool: flag(),
    can_hvac_heat_cool: flag(),
    can_turn_off_hvac: flag(),
  }),
  z.object({ main_category: z.literal('relay') }),
  z.object({
    main_category: z.literal('intercom'),
    physical_properties: z.object({
      has_camera: z.boolean(),
      has_rfid_reader: z.boolean(),
      has_nfc_reader: z.boolean(),
      has_wiegand_interface: z.boolean(),
    }),
    software_features: z.object({
      can_remotely_unlock: z.boolean(),
      can_program_access_codes: z.boolean(),
      can_unlock_with_face_recognition: z.boolean(),
      supports_onvif: z.boolean(),
    }),
  }),
  z.object({ main_category: z.literal('accessory') }),
])

/** A device model as a provider describes it: everything but its manufacturer, which the catalog adds. */
export const deviceModelEntrySchema = z.object(commonModelFields).and(categoryFields)
export type DeviceModelEntry = z.infer<typeof deviceModelEntrySchema>

/** A device model on the wire: its manufacturer embedded, without the manufacturer's model count. */
export const deviceModelSchema = z
  .object({ ...commonModelFields, manufacturer: manufacturerSchema.omit({ device_model_count: true }) })
  .and(categoryFields)
export type DeviceModel = z.infer<typeof deviceModelSchema>
