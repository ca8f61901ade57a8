import type { DeviceRecord, DeviceUpdate } from './records.ts'

/** How far the thermostat has carried a schedule out: each transition is applied once. */
export type ScheduleAppliedState = 'pending' | 'started' | 'ended'

/** A thermostat schedule (Seam's `thermostat_schedule`), with how far it has been applied. */
export interface ThermostatScheduleRecord {
  thermostatScheduleId: string
  workspaceId: string
  deviceId: string
  name: string | null
  climatePresetKey: string
  startsAt: string
  endsAt: string
  isOverrideAllowed: boolean
  maxOverridePeriodMinutes: number | null
  appliedState: ScheduleAppliedState
  createdAt: string
}

/** One period of a daily program, as on the wire. */
export interface DailyProgramPeriod {
  starts_at_time: string
  climate_preset_key: string
}

/** A thermostat daily program (Seam's `thermostat_daily_program`). */
export interface ThermostatDailyProgramRecord {
  thermostatDailyProgramId: string
  workspaceId: string
  deviceId: string
  name: string | null
  periods: DailyProgramPeriod[]
  createdAt: string
}

/** A thermostat as read with its row locked, with its schedules and daily programs. */
export interface ThermostatState {
  device: DeviceRecord
  schedules: ThermostatScheduleRecord[]
  dailyPrograms: ThermostatDailyProgramRecord[]
}

/** What a ThermostatUpdater decides: the device's change, and the schedules and programs to write or delete. */
export interface ThermostatUpdate extends DeviceUpdate {
  putSchedules?: ThermostatScheduleRecord[]
  deleteScheduleIds?: string[]
  putDailyPrograms?: ThermostatDailyProgramRecord[]
  deleteDailyProgramIds?: string[]
}

/**
 * Works out a change to a thermostat, its schedules and programs from their state as read, the
 * device row locked: every write to them goes through it, so two changes apply in turn. It may
 * throw an ApiError to refuse: nothing is then written.
 */
export type ThermostatUpdater = (state: ThermostatState) => ThermostatUpdate
