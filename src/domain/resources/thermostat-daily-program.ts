import type { z } from 'zod'

import type { thermostatDailyProgramSchema } from '../../contract/thermostat-daily-program.ts'
import type { ThermostatDailyProgramRecord } from '../../store/thermostat-records.ts'

export type ThermostatDailyProgramResource = z.infer<typeof thermostatDailyProgramSchema>

export const toThermostatDailyProgramResource = (p: ThermostatDailyProgramRecord): ThermostatDailyProgramResource => ({
  thermostat_daily_program_id: p.thermostatDailyProgramId,
  workspace_id: p.workspaceId,
  device_id: p.deviceId,
  name: p.name,
  periods: p.periods.map((period) => ({ ...period })),
  created_at: p.createdAt,
})
