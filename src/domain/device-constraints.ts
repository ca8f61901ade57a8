import { invalidField, notFound } from '../contract/api-error.ts'
import type { Scope } from '../store/records.ts'
import type { AppContext } from './context.ts'
import { lockInScope } from './locks.ts'

export interface ReportedConstraints {
  supported_code_lengths?: number[] | undefined
  min_code_length?: number | undefined
  max_code_length?: number | undefined
}

/** Seam's bounds for a reported code length. */
const SHORTEST = 4
const LONGEST = 20

/**
 * The code lengths the device reports taking, as Seam's `properties.supported_code_lengths`: the
 * list itself, or every length from `min_code_length` to `max_code_length` (one given alone is
 * bounded by Seam's 4 to 20). Shared codes create_multiple generates for it are then of those lengths.
 */
const lengthsOf = (reported: ReportedConstraints): number[] => {
  const { supported_code_lengths: lengths, min_code_length: min, max_code_length: max } = reported
  if (lengths !== undefined) {
    if (min !== undefined || max !== undefined) {
      throw invalidField('supported_code_lengths', 'give supported_code_lengths or min_code_length/max_code_length, not both')
    }
    return [...new Set(lengths)].sort((a, b) => a - b)
  }
  if (min === undefined && max === undefined) {
    throw invalidField('supported_code_lengths', 'supported_code_lengths or min_code_length/max_code_length is required')
  }
  const from = min ?? SHORTEST
  const to = max ?? LONGEST
  if (from > to) throw invalidField('min_code_length', 'min_code_length must not exceed max_code_length')
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

export const reportDeviceConstraints = async (context: AppContext, scope: Scope, deviceId: string, reported: ReportedConstraints) => {
  const supported = lengthsOf(reported)
  const device = await lockInScope(context, scope, deviceId)
  const change = { workspaceId: device.workspaceId, deviceId, properties: { supported_code_lengths: supported }, events: [] }
  if ((await context.store.applyDeviceChange(change)) === undefined) throw notFound('device')
}
