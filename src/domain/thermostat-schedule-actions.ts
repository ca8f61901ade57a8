import { randomUUID } from 'node:crypto'

import { invalidField, notFound } from '../contract/api-error.ts'
import type { Scope } from '../store/records.ts'
import type { ThermostatScheduleRecord, ThermostatState } from '../store/thermostat-records.ts'
import type { AppContext } from './context.ts'
import { requirePreset } from './thermostat-climate.ts'
import { thermostatInScope } from './thermostats/thermostat.ts'
import { scheduleRun } from './thermostat-schedules.ts'
import { optional, whenDefined } from '../store/optional.ts'

/** What schedules/create and schedules/update may set. */
export interface ScheduleFields {
  name?: string | undefined
  climate_preset_key?: string | undefined
  starts_at?: string | undefined
  ends_at?: string | undefined
  is_override_allowed?: boolean | undefined
  max_override_period_minutes?: number | null | undefined
}

const ms = (iso: string) => new Date(iso).getTime()

/**
 * Refuses a schedule the thermostat cannot carry out: a preset it does not have, an end not after
 * the start, a start another of its schedules has (Seam: unique per thermostat). With `timesChanged`,
 * an end already past too: a window wholly in the past would never take effect.
 */
const checkSchedule = (state: ThermostatState, schedule: ThermostatScheduleRecord, now: Date, timesChanged: boolean) => {
  requirePreset(state.device, schedule.climatePresetKey, 'climate_preset_key')
  if (ms(schedule.endsAt) <= ms(schedule.startsAt)) throw invalidField('ends_at', 'must be after starts_at')
  if (timesChanged && ms(schedule.endsAt) <= now.getTime()) throw invalidField('ends_at', 'must be in the future')
  const clash = state.schedules.find((s) => s.thermostatScheduleId !== schedule.thermostatScheduleId && s.startsAt === schedule.startsAt)
  if (clash !== undefined) throw invalidField('starts_at', `another schedule of this thermostat starts at ${schedule.startsAt}`)
}

/** The schedule as the caller may see it: its thermostat in the scope. */
export const scheduleInScope = async (
  context: AppContext,
  scope: Scope,
  thermostatScheduleId: string,
): Promise<ThermostatScheduleRecord> => {
  const schedule = await context.store.getThermostatSchedule(scope.workspaceId, thermostatScheduleId)
  // Out of scope answers as absent, so the scope leaks nothing.
  if (schedule === undefined || (await context.store.getDevice(scope, schedule.deviceId)) === undefined)
    throw notFound('thermostat_schedule')
  return schedule
}

/** Stores the schedule; one whose start has come takes effect at once. */
export const createSchedule = async (
  context: AppContext,
  scope: Scope,
  deviceId: string,
  fields: ScheduleFields & { climate_preset_key: string; starts_at: string; ends_at: string },
): Promise<ThermostatScheduleRecord> => {
  const device = await thermostatInScope(context, scope, deviceId)
  const now = context.clock.now()
  const schedule: ThermostatScheduleRecord = {
    thermostatScheduleId: randomUUID(),
    workspaceId: device.workspaceId,
    deviceId,
    name: fields.name ?? null,
    climatePresetKey: fields.climate_preset_key,
    startsAt: new Date(fields.starts_at).toISOString(),
    endsAt: new Date(fields.ends_at).toISOString(),
    isOverrideAllowed: fields.is_override_allowed ?? false,
    maxOverridePeriodMinutes: fields.max_override_period_minutes ?? null,
    appliedState: 'pending',
    createdAt: now.toISOString(),
  }
  const state = await context.store.updateThermostat(device.workspaceId, deviceId, (current) => {
    checkSchedule(current, schedule, now, true)
    const run = scheduleRun({ ...current, schedules: [...current.schedules, schedule] })
    run.mark(schedule, 'pending')
    run.catchUp(now)
    return { properties: run.properties, events: run.events, putSchedules: run.changedSchedules() }
  })
  if (state === undefined) throw notFound('device')
  return state.schedules.find((s) => s.thermostatScheduleId === schedule.thermostatScheduleId) ?? schedule
}

/**
 * Changes the schedule. A change of its preset or times takes it off the thermostat if it was in
 * effect (the next in effect, or the fallback, takes over) and applies it anew by the clock.
 */
export const updateSchedule = async (context: AppContext, scope: Scope, thermostatScheduleId: string, fields: ScheduleFields) => {
  const found = await scheduleInScope(context, scope, thermostatScheduleId)
  const now = context.clock.now()
  const at = now.toISOString()
  const state = await context.store.updateThermostat(found.workspaceId, found.deviceId, (current) => {
    const stored = current.schedules.find((s) => s.thermostatScheduleId === thermostatScheduleId)
    if (stored === undefined) throw notFound('thermostat_schedule')
    const changed: ThermostatScheduleRecord = {
      ...stored,
      ...optional({ name: fields.name, climatePresetKey: fields.climate_preset_key }),
      ...optional({ startsAt: whenDefined(fields.starts_at, (at) => new Date(at).toISOString()) }),
      ...optional({ endsAt: whenDefined(fields.ends_at, (at) => new Date(at).toISOString()) }),
      ...optional({ isOverrideAllowed: fields.is_override_allowed, maxOverridePeriodMinutes: fields.max_override_period_minutes }),
    }
    const timesChanged = changed.startsAt !== stored.startsAt || changed.endsAt !== stored.endsAt
    checkSchedule(current, changed, now, timesChanged)
    const run = scheduleRun(current)
    if (timesChanged || changed.climatePresetKey !== stored.climatePresetKey) {
      run.end(stored, at, 'pending')
      run.mark(changed, 'pending')
      run.catchUp(now)
    } else {
      run.amend(changed)
    }
    return { properties: run.properties, events: run.events, putSchedules: run.changedSchedules() }
  })
  if (state === undefined) throw notFound('thermostat_schedule')
}

/** Deletes the schedule; if it was in effect, the next in effect, or the fallback, takes over. */
export const deleteSchedule = async (context: AppContext, scope: Scope, thermostatScheduleId: string) => {
  const found = await scheduleInScope(context, scope, thermostatScheduleId)
  const at = context.clock.now().toISOString()
  const state = await context.store.updateThermostat(found.workspaceId, found.deviceId, (current) => {
    const stored = current.schedules.find((s) => s.thermostatScheduleId === thermostatScheduleId)
    if (stored === undefined) throw notFound('thermostat_schedule')
    const run = scheduleRun(current)
    run.end(stored, at)
    return {
      properties: run.properties,
      events: run.events,
      putSchedules: run.changedSchedules().filter((s) => s.thermostatScheduleId !== thermostatScheduleId),
      deleteScheduleIds: [thermostatScheduleId],
    }
  })
  if (state === undefined) throw notFound('thermostat_schedule')
}
