import type { Insertable, Selectable, Transaction } from 'kysely'

import type { Store } from '../store.ts'
import type { Database, ThermostatDailyProgramsTable, ThermostatSchedulesTable } from '../tables.ts'
import type {
  DailyProgramPeriod,
  ScheduleAppliedState,
  ThermostatDailyProgramRecord,
  ThermostatScheduleRecord,
} from '../thermostat-records.ts'
import type { Engine } from './engine.ts'
import { recordEvent } from './events.ts'
import type { SqlFlavor } from './flavor.ts'
import { toIso } from './iso-timestamps.ts'
import { actionAttemptRow, toDevice } from './resource-rows.ts'

type ThermostatProgramVerbs = Pick<
  Store,
  'updateThermostat' | 'getThermostatSchedule' | 'listThermostatSchedules' | 'getThermostatDailyProgram' | 'findThermostatsWithDueSchedules'
>

const toSchedule = (r: Selectable<ThermostatSchedulesTable>): ThermostatScheduleRecord => ({
  thermostatScheduleId: r.thermostat_schedule_id,
  workspaceId: r.workspace_id,
  deviceId: r.device_id,
  name: r.name,
  climatePresetKey: r.climate_preset_key,
  startsAt: toIso(r.starts_at),
  endsAt: toIso(r.ends_at),
  isOverrideAllowed: r.is_override_allowed === 1,
  maxOverridePeriodMinutes: r.max_override_period_minutes,
  appliedState: r.applied_state as ScheduleAppliedState,
  createdAt: toIso(r.created_at),
})

const scheduleRow = (s: ThermostatScheduleRecord): Insertable<ThermostatSchedulesTable> => ({
  thermostat_schedule_id: s.thermostatScheduleId,
  workspace_id: s.workspaceId,
  device_id: s.deviceId,
  name: s.name,
  climate_preset_key: s.climatePresetKey,
  starts_at: s.startsAt,
  ends_at: s.endsAt,
  is_override_allowed: s.isOverrideAllowed ? 1 : 0,
  max_override_period_minutes: s.maxOverridePeriodMinutes,
  applied_state: s.appliedState,
  created_at: s.createdAt,
})

const toDailyProgram = (r: Selectable<ThermostatDailyProgramsTable>): ThermostatDailyProgramRecord => ({
  thermostatDailyProgramId: r.thermostat_daily_program_id,
  workspaceId: r.workspace_id,
  deviceId: r.device_id,
  name: r.name,
  periods: JSON.parse(r.periods) as DailyProgramPeriod[],
  createdAt: toIso(r.created_at),
})

const dailyProgramRow = (p: ThermostatDailyProgramRecord): Insertable<ThermostatDailyProgramsTable> => ({
  thermostat_daily_program_id: p.thermostatDailyProgramId,
  workspace_id: p.workspaceId,
  device_id: p.deviceId,
  name: p.name,
  periods: JSON.stringify(p.periods),
  created_at: p.createdAt,
})

/** Oldest start first; starts are unique on a thermostat. */
const schedulesOf = (db: Transaction<Database> | Engine['db'], workspaceId: string, deviceId: string) =>
  db
    .selectFrom('thermostat_schedules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('device_id', '=', deviceId)
    .orderBy('starts_at')
    .execute()

const dailyProgramsOf = (trx: Transaction<Database>, workspaceId: string, deviceId: string) =>
  trx
    .selectFrom('thermostat_daily_programs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('device_id', '=', deviceId)
    .orderBy('created_at')
    .orderBy('thermostat_daily_program_id')
    .execute()

export const thermostatProgramVerbs = (engine: Engine, flavor: SqlFlavor): ThermostatProgramVerbs => {
  const { db } = engine
  return {
    /**
     * Reads the thermostat with its row locked, with its schedules and daily programs, lets the
     * updater decide, then writes it all in one transaction: every change to a thermostat's
     * schedules and programs goes through here, so the updater's checks (a start already taken,
     * a program in use) hold when the write lands. An updater that throws writes nothing.
     */
    updateThermostat(workspaceId, deviceId, updater) {
      return db.transaction().execute(async (trx) => {
        const query = trx.selectFrom('devices').selectAll().where('workspace_id', '=', workspaceId).where('device_id', '=', deviceId)
        const row = await flavor.lockRows(query).executeTakeFirst()
        if (row === undefined) return undefined
        const device = toDevice(row)
        const schedules = (await schedulesOf(trx, workspaceId, deviceId)).map(toSchedule)
        const dailyPrograms = (await dailyProgramsOf(trx, workspaceId, deviceId)).map(toDailyProgram)
        const change = updater({ device, schedules, dailyPrograms })
        const properties = { ...device.properties, ...change.properties }
        if (Object.keys(change.properties).length > 0) {
          await trx
            .updateTable('devices')
            .set({ properties: JSON.stringify(properties) })
            .where('workspace_id', '=', workspaceId)
            .where('device_id', '=', deviceId)
            .execute()
        }
        const deleteScheduleIds = change.deleteScheduleIds ?? []
        if (deleteScheduleIds.length > 0) {
          await trx
            .deleteFrom('thermostat_schedules')
            .where('workspace_id', '=', workspaceId)
            .where('thermostat_schedule_id', 'in', deleteScheduleIds)
            .execute()
        }
        for (const schedule of change.putSchedules ?? []) {
          const row = scheduleRow(schedule)
          const { name, climate_preset_key, starts_at, ends_at, is_override_allowed, max_override_period_minutes, applied_state } = row
          await trx
            .insertInto('thermostat_schedules')
            .values(row)
            .onConflict((oc) =>
              oc.column('thermostat_schedule_id').doUpdateSet({
                name,
                climate_preset_key,
                starts_at,
                ends_at,
                is_override_allowed,
                max_override_period_minutes,
                applied_state,
              }),
            )
            .execute()
        }
        const deleteProgramIds = change.deleteDailyProgramIds ?? []
        if (deleteProgramIds.length > 0) {
          await trx
            .deleteFrom('thermostat_daily_programs')
            .where('workspace_id', '=', workspaceId)
            .where('thermostat_daily_program_id', 'in', deleteProgramIds)
            .execute()
        }
        for (const program of change.putDailyPrograms ?? []) {
          await trx
            .insertInto('thermostat_daily_programs')
            .values(dailyProgramRow(program))
            .onConflict((oc) =>
              oc.column('thermostat_daily_program_id').doUpdateSet({ name: program.name, periods: JSON.stringify(program.periods) }),
            )
            .execute()
        }
        if (change.attempt !== undefined) await trx.insertInto('action_attempts').values(actionAttemptRow(change.attempt)).execute()
        for (const event of change.events) await recordEvent(trx, event)
        return {
          device: { ...device, properties },
          schedules: (await schedulesOf(trx, workspaceId, deviceId)).map(toSchedule),
          dailyPrograms: (await dailyProgramsOf(trx, workspaceId, deviceId)).map(toDailyProgram),
        }
      })
    },

    async getThermostatSchedule(workspaceId, thermostatScheduleId) {
      const row = await db
        .selectFrom('thermostat_schedules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('thermostat_schedule_id', '=', thermostatScheduleId)
        .executeTakeFirst()
      return row && toSchedule(row)
    },

    async listThermostatSchedules(workspaceId, deviceId) {
      return (await schedulesOf(db, workspaceId, deviceId)).map(toSchedule)
    },

    async getThermostatDailyProgram(workspaceId, thermostatDailyProgramId) {
      const row = await db
        .selectFrom('thermostat_daily_programs')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('thermostat_daily_program_id', '=', thermostatDailyProgramId)
        .executeTakeFirst()
      return row && toDailyProgram(row)
    },

    /** One indexed read: which of these thermostats owe a schedule transition at `now`. */
    async findThermostatsWithDueSchedules(workspaceId, deviceIds, now) {
      if (deviceIds.length === 0) return []
      const rows = await db
        .selectFrom('thermostat_schedules')
        .select('device_id')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where('device_id', 'in', deviceIds)
        .where((eb) =>
          eb.or([
            eb.and([eb('applied_state', '=', 'pending'), eb('starts_at', '<=', now)]),
            eb.and([eb('applied_state', '!=', 'ended'), eb('ends_at', '<=', now)]),
          ]),
        )
        .execute()
      return rows.map((r) => r.device_id)
    },
  }
}
