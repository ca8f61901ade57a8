import { randomUUID } from 'node:crypto'

import { ApiError, invalidField, notFound } from '../contract/api-error.ts'
import { WEEKDAY_PROGRAM_FIELDS, type WeekdayProgramField } from '../contract/thermostat-daily-program.ts'
import { currentProperties } from '../sandbox/devices.ts'
import type { ActionAttemptRecord, DeviceRecord, Scope } from '../store/records.ts'
import type { DailyProgramPeriod, ThermostatDailyProgramRecord, ThermostatUpdate } from '../store/thermostat-records.ts'
import type { AppContext } from './context.ts'
import { succeededAttempt } from './device-actions.ts'
import { toThermostatDailyProgramResource } from './resources/thermostat-daily-program.ts'
import { presetOf } from './thermostat-climate.ts'
import { thermostatInScope } from './thermostats/thermostat.ts'

/**
 * Daily programs and the weekly program: a thermostat keeps its daily programs (each a day's
 * presets by time of day) and runs one of them on each weekday. They live in their own table;
 * the thermostat also reports them, as Seam's device does, in `properties.thermostat_daily_programs`,
 * written in the same transaction as the table, and `properties.thermostat_weekly_program`.
 * A change is pushed to the thermostat: the sandbox one takes it at once (PUSH_THERMOSTAT_PROGRAMS).
 */

type WeeklyProgram = Record<WeekdayProgramField, string | null> & { created_at: string }

/** Refuses periods the thermostat cannot run: an unknown preset or one not for programs, two at one time, too many. */
const checkPeriods = (device: DeviceRecord, periods: readonly DailyProgramPeriod[]): DailyProgramPeriod[] => {
  periods.forEach((period, index) => {
    const preset = presetOf(device, period.climate_preset_key)
    if (preset === undefined)
      throw invalidField('periods', `periods[${index}]: the thermostat has no climate preset ${period.climate_preset_key}`)
    if (preset.can_use_with_thermostat_daily_programs === false)
      throw invalidField('periods', `periods[${index}]: climate preset ${period.climate_preset_key} cannot be used in daily programs`)
  })
  const times = new Set(periods.map((p) => p.starts_at_time))
  if (times.size !== periods.length) throw invalidField('periods', 'two periods start at the same time')
  const limit = (currentProperties(device) as Record<string, unknown>).max_thermostat_daily_program_periods_per_day
  if (typeof limit === 'number' && periods.length > limit)
    throw invalidField('periods', `the thermostat runs at most ${limit} periods a day`)
  // Kept in the order of the day, as the thermostat runs them.
  return [...periods].sort((a, b) => a.starts_at_time.localeCompare(b.starts_at_time)).map((p) => ({ ...p }))
}

/** The device's reported programs once these are its daily programs. */
const reportedPrograms = (programs: readonly ThermostatDailyProgramRecord[]) => ({
  thermostat_daily_programs: programs.map(toThermostatDailyProgramResource),
})

/** Applies a change to the daily programs and reports the list that results. */
const withPrograms = (
  programs: ThermostatDailyProgramRecord[],
  update: Omit<ThermostatUpdate, 'properties'> & { properties?: Record<string, unknown> },
): ThermostatUpdate => ({
  ...update,
  properties: { ...update.properties, ...reportedPrograms(programs) },
})

const programInScope = async (context: AppContext, scope: Scope, programId: string): Promise<ThermostatDailyProgramRecord> => {
  const program = await context.store.getThermostatDailyProgram(scope.workspaceId, programId)
  // Out of scope answers as absent, so the scope leaks nothing.
  if (program === undefined || (await context.store.getDevice(scope, program.deviceId)) === undefined)
    throw notFound('thermostat_daily_program')
  return program
}

const weeklyProgramOf = (device: DeviceRecord): WeeklyProgram | null => {
  const stored = (currentProperties(device) as Record<string, unknown>).thermostat_weekly_program
  return typeof stored === 'object' && stored !== null ? (stored as WeeklyProgram) : null
}

export const createDailyProgram = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  name: string,
  periods: DailyProgramPeriod[],
): Promise<ThermostatDailyProgramRecord> => {
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  const program: ThermostatDailyProgramRecord = {
    thermostatDailyProgramId: randomUUID(),
    workspaceId: device.workspaceId,
    deviceId,
    name,
    periods,
    createdAt: at,
  }
  const state = await context.store.updateThermostat(device.workspaceId, deviceId, (current) => {
    const created = { ...program, periods: checkPeriods(current.device, periods) }
    return withPrograms([...current.dailyPrograms, created], { events: [], putDailyPrograms: [created] })
  })
  if (state === undefined) throw notFound('device')
  return state.dailyPrograms.find((p) => p.thermostatDailyProgramId === program.thermostatDailyProgramId) ?? program
}

/** Replaces the program's name and periods and pushes them to the thermostat. */
export const updateDailyProgram = async (
  context: AppContext,
  scope: Scope,
  programId: string,
  name: string,
  periods: DailyProgramPeriod[],
): Promise<ActionAttemptRecord> => {
  const found = await programInScope(context, scope, programId)
  const at = context.clock.now().toISOString()
  let attempt: ActionAttemptRecord | undefined
  const state = await context.store.updateThermostat(found.workspaceId, found.deviceId, (current) => {
    const stored = current.dailyPrograms.find((p) => p.thermostatDailyProgramId === programId)
    if (stored === undefined) throw notFound('thermostat_daily_program')
    const changed = { ...stored, name, periods: checkPeriods(current.device, periods) }
    attempt = succeededAttempt(current.device, 'PUSH_THERMOSTAT_PROGRAMS', at)
    const programs = current.dailyPrograms.map((p) => (p.thermostatDailyProgramId === programId ? changed : p))
    return withPrograms(programs, { events: [], attempt, putDailyPrograms: [changed] })
  })
  if (state === undefined || attempt === undefined) throw notFound('thermostat_daily_program')
  return attempt
}

/** Deletes the program; the weekdays that ran it run none. */
export const deleteDailyProgram = async (context: AppContext, scope: Scope, programId: string): Promise<void> => {
  const found = await programInScope(context, scope, programId)
  const state = await context.store.updateThermostat(found.workspaceId, found.deviceId, (current) => {
    if (!current.dailyPrograms.some((p) => p.thermostatDailyProgramId === programId)) throw notFound('thermostat_daily_program')
    const weekly = weeklyProgramOf(current.device)
    const freed =
      weekly === null
        ? {}
        : {
            thermostat_weekly_program: {
              ...weekly,
              ...Object.fromEntries(WEEKDAY_PROGRAM_FIELDS.filter((day) => weekly[day] === programId).map((day) => [day, null])),
            },
          }
    const programs = current.dailyPrograms.filter((p) => p.thermostatDailyProgramId !== programId)
    return withPrograms(programs, { events: [], properties: freed, deleteDailyProgramIds: [programId] })
  })
  if (state === undefined) throw notFound('thermostat_daily_program')
}

/**
 * Sets which daily program runs on each weekday; a day left out runs none, as Seam says the
 * weekly program given replaces the one before. Each program must be one of this thermostat's.
 */
export const updateWeeklyProgram = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  days: { [day in WeekdayProgramField]?: string | null | undefined },
): Promise<ActionAttemptRecord> => {
  const device = await thermostatInScope(context, scope, deviceId)
  const at = context.clock.now().toISOString()
  let attempt: ActionAttemptRecord | undefined
  const state = await context.store.updateThermostat(device.workspaceId, deviceId, (current) => {
    const own = new Set(current.dailyPrograms.map((p) => p.thermostatDailyProgramId))
    for (const day of WEEKDAY_PROGRAM_FIELDS) {
      const programId = days[day]
      if (programId !== undefined && programId !== null && !own.has(programId))
        throw new ApiError(404, 'thermostat_daily_program_not_found', `${day}: this thermostat has no daily program ${programId}.`)
    }
    const weekly: WeeklyProgram = {
      ...(Object.fromEntries(WEEKDAY_PROGRAM_FIELDS.map((day) => [day, days[day] ?? null])) as Record<WeekdayProgramField, string | null>),
      created_at: at,
    }
    attempt = succeededAttempt(current.device, 'PUSH_THERMOSTAT_PROGRAMS', at)
    return { properties: { thermostat_weekly_program: weekly }, attempt, events: [] }
  })
  if (state === undefined || attempt === undefined) throw notFound('device')
  return attempt
}
