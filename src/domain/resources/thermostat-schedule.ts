import type { z } from 'zod'

import type { thermostatScheduleSchema } from '../../contract/thermostat-schedule.ts'
import type { ThermostatScheduleRecord } from '../../store/thermostat-records.ts'

export type ThermostatScheduleResource = z.infer<typeof thermostatScheduleSchema>

export const toThermostatScheduleResource = (s: ThermostatScheduleRecord): ThermostatScheduleResource => ({
  thermostat_schedule_id: s.thermostatScheduleId,
  workspace_id: s.workspaceId,
  device_id: s.deviceId,
  name: s.name,
  climate_preset_key: s.climatePresetKey,
  starts_at: s.startsAt,
  ends_at: s.endsAt,
  is_override_allowed: s.isOverrideAllowed,
  max_override_period_minutes: s.maxOverridePeriodMinutes,
  created_at: s.createdAt,
  // The sandbox thermostat takes every schedule it is given.
  errors: [],
})
