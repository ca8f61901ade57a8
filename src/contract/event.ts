import { z } from 'zod'

/** An event on the wire: its type, times, and the ids of the resources it is about. */
export const eventSchema = z.object({
  event_id: z.uuid(),
  event_type: z.string(),
  workspace_id: z.uuid(),
  created_at: z.iso.datetime(),
  occurred_at: z.iso.datetime(),
  client_session_id: z.uuid().optional(),
  connected_account_id: z.uuid().optional(),
  connect_webview_id: z.uuid().optional(),
  device_id: z.uuid().optional(),
  access_code_id: z.uuid().optional(),
  action_attempt_id: z.uuid().optional(),
  method: z.string().optional().describe('lock.locked and lock.unlocked: how the lock was moved (remote).'),
  code: z.string().optional().describe('access_code.deleted: the code that was removed.'),
  access_code_is_managed: z.boolean().optional().describe('lock.unlocked by keycode: whether the code entered is managed through the API.'),
  backup_access_code_id: z.uuid().optional().describe('access_code.backup_access_code_pulled: the backup code pulled.'),
  reason: z
    .object({ reason_code: z.string(), message: z.string() })
    .optional()
    .describe('lock.access_denied: why the lock refused (unknown_code for a code it does not hold).'),
  noise_threshold_id: z.uuid().optional().describe('noise_sensor.noise_threshold_triggered: the threshold exceeded.'),
  noise_threshold_name: z.string().optional().describe('noise_sensor.noise_threshold_triggered: its name.'),
  noise_level_decibels: z.number().optional().describe('noise_sensor.noise_threshold_triggered: the level heard.'),
  minut_metadata: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('noise_sensor.noise_threshold_triggered on a Minut sensor: its report of the readings.'),
  // Thermostat events.
  climate_preset_key: z.string().optional().describe('thermostat.climate_preset_activated: the preset now in effect.'),
  is_fallback_climate_preset: z.boolean().optional().describe('thermostat.climate_preset_activated: whether it is the fallback preset.'),
  thermostat_schedule_id: z.uuid().nullable().optional().describe('thermostat.climate_preset_activated: the schedule that activated it.'),
  hvac_mode_setting: z.string().optional().describe('thermostat.manually_adjusted: the HVAC mode set.'),
  fan_mode_setting: z.string().optional().describe('thermostat.manually_adjusted: the fan mode set.'),
  heating_set_point_celsius: z.number().optional(),
  heating_set_point_fahrenheit: z.number().optional(),
  cooling_set_point_celsius: z.number().optional(),
  cooling_set_point_fahrenheit: z.number().optional(),
  temperature_celsius: z.number().optional().describe('thermostat temperature events: the temperature in the room.'),
  temperature_fahrenheit: z.number().optional(),
  desired_temperature_celsius: z.number().optional().describe('thermostat.temperature_reached_set_point: the set point reached.'),
  desired_temperature_fahrenheit: z.number().optional(),
  lower_limit_celsius: z.number().nullable().optional().describe('thermostat.temperature_threshold_*: the threshold.'),
  lower_limit_fahrenheit: z.number().nullable().optional(),
  upper_limit_celsius: z.number().nullable().optional(),
  upper_limit_fahrenheit: z.number().nullable().optional(),
  // Access control events (acs_*): the resources they are about, kept in the event's details.
  acs_system_id: z.uuid().optional(),
  acs_user_id: z.uuid().optional(),
  acs_access_group_id: z.uuid().optional(),
  acs_entrance_id: z.uuid().optional(),
  acs_credential_id: z.uuid().optional(),
  acs_encoder_id: z.uuid().optional(),
  user_identity_id: z.uuid().optional(),
})

/** The fields one event type adds, as stored in an event's details. */
export const eventDetailsSchema = eventSchema.pick({
  method: true,
  code: true,
  access_code_is_managed: true,
  backup_access_code_id: true,
  reason: true,
  noise_threshold_id: true,
  noise_threshold_name: true,
  noise_level_decibels: true,
  minut_metadata: true,
  acs_system_id: true,
  acs_user_id: true,
  acs_access_group_id: true,
  acs_entrance_id: true,
  acs_credential_id: true,
  acs_encoder_id: true,
  user_identity_id: true,
})
