import { z } from 'zod'

import { invalidField } from '../../../contract/api-error.ts'

/** Seam's `access_schedule` parameter: when the user's access starts (default: now) and ends (optional, after the start). */
export const accessScheduleParam = z.object({
  starts_at: z.iso.datetime({ offset: true }).optional(),
  ends_at: z.iso.datetime({ offset: true }).nullable().optional(),
})

/** The schedule as stored (ISO UTC), checked: its end after its start. Absent: none. */
export const readAccessSchedule = (
  schedule: z.infer<typeof accessScheduleParam> | undefined,
  now: string,
): { startsAt: string; endsAt: string | null } | undefined => {
  if (schedule === undefined) return undefined
  const startsAt = schedule.starts_at === undefined ? now : new Date(schedule.starts_at).toISOString()
  const endsAt = schedule.ends_at === undefined || schedule.ends_at === null ? null : new Date(schedule.ends_at).toISOString()
  if (endsAt !== null && endsAt <= startsAt) throw invalidField('access_schedule', 'ends_at must be after starts_at')
  return { startsAt, endsAt }
}
