import { invalidField } from '../contract/api-error.ts'

/** A time of day in a time zone, as a noise threshold's window ends are written: `22:00:00[America/Los_Angeles]`. */
interface ZonedTimeOfDay {
  seconds: number
  zone: string
}

const ZONED_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?(?:\[(.+)\])?$/

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const parse = (value: string): ZonedTimeOfDay | undefined => {
  const match = ZONED_TIME.exec(value)
  if (match === null) return undefined
  const [, hours, minutes, seconds = '00', zone = 'UTC'] = match
  return { seconds: Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds), zone }
}

/**
 * A window end as stored and answered: always with seconds and a time zone, since Seam's
 * Components read the zone from it (a time without one reads as UTC). An unknown zone is refused.
 */
export const normalizeDailyTime = (field: string, value: string): string => {
  const match = ZONED_TIME.exec(value)
  const zone = match?.[4] ?? 'UTC'
  if (match === null || !isTimeZone(zone)) throw invalidField(field, `${value} is not a time of day in a known time zone`)
  return `${match[1]}:${match[2]}:${match[3] ?? '00'}[${zone}]`
}

/** Seconds since midnight of `at` on the wall clocks of the zone. */
const secondsIntoDay = (at: Date, zone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {})
  return (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)
}

/**
 * Whether `at` falls in the daily window from `startsDailyAt` to `endsDailyAt`, read on the
 * start's zone. An end at or before the start runs past midnight; equal ends cover the whole day.
 */
export const inDailyWindow = (startsDailyAt: string, endsDailyAt: string, at: Date): boolean => {
  const start = parse(startsDailyAt)
  const end = parse(endsDailyAt)
  if (start === undefined || end === undefined) return false
  const now = secondsIntoDay(at, start.zone)
  if (end.seconds === start.seconds) return true
  return end.seconds > start.seconds ? now >= start.seconds && now < end.seconds : now >= start.seconds || now < end.seconds
}
