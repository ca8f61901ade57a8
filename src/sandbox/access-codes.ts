import { randomInt } from 'node:crypto'

import { currentProperties } from './devices.ts'

/**
 * The code lengths a lock's keypad takes: what the lock reports, which is its model's until
 * access_codes/report_device_constraints narrows or widens it.
 */
export const codeLengthsOf = (device: { deviceType: string; displayName: string; properties: Record<string, unknown> }): number[] => {
  const lengths = (currentProperties(device) as Record<string, unknown>).supported_code_lengths
  return Array.isArray(lengths) ? lengths.filter((n): n is number => typeof n === 'number').sort((a, b) => a - b) : []
}

/**
 * A PIN code the lock does not hold yet, of the shortest length it takes. Random digits from the
 * CSPRNG: a code opens a door, so it must not be guessable from the ones before it.
 */
export const freeCode = (taken: ReadonlySet<string>, lengths: readonly number[]): string => {
  for (const length of lengths) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = Array.from({ length }, () => randomInt(10)).join('')
      if (!taken.has(code)) return code
    }
  }
  throw new Error('no free access code on this lock')
}

/** Codes the keypad takes: digits only, of a length the lock takes. */
export const codeFitsLock = (code: string, lengths: readonly number[]): boolean => /^\d+$/.test(code) && lengths.includes(code.length)

/**
 * Where a code stands on the lock at `now`. The sandbox lock takes a change at once, so an
 * ongoing code is `set`; a time-bound one is `set` inside its window and `unset` outside it.
 */
export const codeStatus = (code: { startsAt: string | null; endsAt: string | null }, now: Date): 'set' | 'unset' => {
  if (code.startsAt === null || code.endsAt === null) return 'set'
  const at = now.getTime()
  return at >= new Date(code.startsAt).getTime() && at < new Date(code.endsAt).getTime() ? 'set' : 'unset'
}
