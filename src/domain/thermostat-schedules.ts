import { currentProperties } from '../sandbox/devices.ts'
import type { DeviceRecord, NewEvent } from '../store/records.ts'
import type { ThermostatScheduleRecord, ThermostatState, ThermostatUpdate } from '../store/thermostat-records.ts'
import { toThermostatScheduleResource } from './resources/thermostat-schedule.ts'
import { presetOf } from './thermostat-climate.ts'
import { presetActivation } from './thermostats/presets.ts'

/**
 * How a sandbox thermostat carries its schedules out. A schedule's climate preset takes effect at
 * `starts_at`; at `ends_at` the schedule still in effect that started last takes over, or else
 * the fallback climate preset. Nothing runs on a timer: the transitions that have come due by the
 * injected clock are applied when the thermostat is next read or acted on, in time order, each
 * once (the schedule's stored applied state says how far it got), under the device's row lock.
 * So a reader at any moment sees what a thermostat following its schedules would show, tests
 * move the clock instead of sleeping, and two readers never apply one transition twice.
 */

type Transition = { at: string; kind: 'start' | 'end'; schedule: ThermostatScheduleRecord }

const ms = (iso: string) => new Date(iso).getTime()

/** The transitions due at `now` and not yet applied, oldest first; at one instant an end goes before a start. */
const dueTransitions = (schedules: readonly ThermostatScheduleRecord[], now: number): Transition[] => {
  const due: Transition[] = []
  for (const schedule of schedules) {
    if (schedule.appliedState === 'pending' && ms(schedule.startsAt) <= now) due.push({ at: schedule.startsAt, kind: 'start', schedule })
    if (schedule.appliedState !== 'ended' && ms(schedule.endsAt) <= now) due.push({ at: schedule.endsAt, kind: 'end', schedule })
  }
  return due.sort((a, b) => ms(a.at) - ms(b.at) || (a.kind === b.kind ? 0 : a.kind === 'end' ? -1 : 1))
}

/** The thermostat's state as the transitions change it: its properties, each schedule's applied state, the events. */
class ScheduleRun {
  readonly properties: Record<string, unknown> = {}
  readonly events: NewEvent[] = []
  readonly schedules: Map<string, ThermostatScheduleRecord>
  private readonly changed = new Set<string>()

  constructor(
    private readonly device: DeviceRecord,
    schedules: readonly ThermostatScheduleRecord[],
  ) {
    this.schedules = new Map(schedules.map((s) => [s.thermostatScheduleId, s]))
  }

  /** A property as the run has left it so far. */
  private property(name: string): unknown {
    return name in this.properties ? this.properties[name] : (currentProperties(this.device) as Record<string, unknown>)[name]
  }

  get activeScheduleId(): string | null {
    const stored = this.property('active_thermostat_schedule_id')
    return typeof stored === 'string' ? stored : null
  }

  mark(schedule: ThermostatScheduleRecord, appliedState: ThermostatScheduleRecord['appliedState']) {
    this.schedules.set(schedule.thermostatScheduleId, { ...schedule, appliedState })
    this.changed.add(schedule.thermostatScheduleId)
  }

  /** The device as the run has left it so far. */
  private get deviceNow(): DeviceRecord {
    return { ...this.device, properties: { ...this.device.properties, ...this.properties } }
  }

  /**
   * The preset becomes the thermostat's setting, as activate_climate_preset makes it, with
   * thermostat.climate_preset_activated. A preset deleted meanwhile leaves the setting as it was.
   */
  private activate(key: string, scheduleId: string | null, at: string): boolean {
    const device = this.deviceNow
    if (presetOf(device, key) === undefined) return false
    const activation = presetActivation(device, key, at, scheduleId)
    Object.assign(this.properties, activation.properties)
    this.events.push(...activation.events)
    return true
  }

  /**
   * A change to the schedule that leaves its preset and times alone (its name, its override rule):
   * if it is the one in effect, the thermostat reports it as it now is.
   */
  amend(schedule: ThermostatScheduleRecord) {
    this.mark(schedule, schedule.appliedState)
    if (this.activeScheduleId !== schedule.thermostatScheduleId) return
    this.properties.active_thermostat_schedule = toThermostatScheduleResource(schedule)
    const setting = this.property('current_climate_setting')
    if (typeof setting === 'object' && setting !== null)
      this.properties.current_climate_setting = { ...setting, manual_override_allowed: schedule.isOverrideAllowed }
  }

  /** The schedule's preset takes effect; a schedule created after its start takes effect when created. */
  start(schedule: ThermostatScheduleRecord, at: string) {
    this.mark(schedule, 'started')
    this.properties.active_thermostat_schedule_id = schedule.thermostatScheduleId
    this.properties.active_thermostat_schedule = toThermostatScheduleResource(schedule)
    const takesEffectAt = ms(at) < ms(schedule.createdAt) ? schedule.createdAt : at
    if (!this.activate(schedule.climatePresetKey, schedule.thermostatScheduleId, takesEffectAt)) return
    // While the schedule is in effect its override rule is the setting's: whether a person may change it.
    const setting = this.properties.current_climate_setting
    if (typeof setting === 'object' && setting !== null)
      this.properties.current_climate_setting = { ...setting, manual_override_allowed: schedule.isOverrideAllowed }
  }

  /** The schedule stops; if it was the one in effect, the latest other one in effect takes over, or the fallback. */
  end(schedule: ThermostatScheduleRecord, at: string, appliedState: ThermostatScheduleRecord['appliedState'] = 'ended') {
    const wasActive = this.activeScheduleId === schedule.thermostatScheduleId
    this.mark(schedule, appliedState)
    if (!wasActive) return
    const successor = [...this.schedules.values()]
      .filter((s) => s.appliedState === 'started')
      .sort((a, b) => ms(b.startsAt) - ms(a.startsAt))[0]
    if (successor !== undefined) {
      this.start(successor, at)
      return
    }
    this.properties.active_thermostat_schedule_id = null
    this.properties.active_thermostat_schedule = null
    const fallbackKey = this.property('fallback_climate_preset_key')
    if (typeof fallbackKey === 'string') this.activate(fallbackKey, null, at)
  }

  /** Applies every transition due at `now`. */
  catchUp(now: Date) {
    for (const { kind, schedule, at } of dueTransitions([...this.schedules.values()], now.getTime())) {
      // The state as the earlier transitions of this run left it.
      const current = this.schedules.get(schedule.thermostatScheduleId) ?? schedule
      if (kind === 'start') this.start(current, at)
      else this.end(current, at)
    }
  }

  /** The schedules whose applied state changed, as they now stand. */
  changedSchedules(): ThermostatScheduleRecord[] {
    return [...this.changed].flatMap((id) => this.schedules.get(id) ?? [])
  }
}

/** Starts a run over the thermostat's schedules as stored. */
export const scheduleRun = (state: ThermostatState): ScheduleRun => new ScheduleRun(state.device, state.schedules)

/** The change that applies every transition due at `now`: nothing when none is. */
export const applyDueSchedules =
  (now: Date) =>
  (state: ThermostatState): ThermostatUpdate => {
    const run = scheduleRun(state)
    run.catchUp(now)
    return { properties: run.properties, events: run.events, putSchedules: run.changedSchedules() }
  }
