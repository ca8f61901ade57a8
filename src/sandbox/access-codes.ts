import { randomInt } from 'node:crypto'

import { SANDBOX_LOCK_MODEL } from './lock-model.ts'

/**
 * A PIN code the lock does not hold yet, of the model's shortest length. Random digits from the
 * CSPRNG: a code opens a door, so it must not be guessable from the ones before it.
 */
export const freeCode = (taken: ReadonlySet<string>): string => {
  for (const length of SANDBOX_LOCK_MODEL.codeLengths) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = Array.from({ length }, () => randomInt(10)).join('')
      if (!taken.has(code)) return code
    }
  }
  throw new Error('no free access code on this lock')
}

/** Codes the keypad takes: digits only, of a length the model supports. */
export const codeFitsLock = (code: string): boolean =>
  /^\d+$/.test(code) && (SANDBOX_LOCK_MODEL.codeLengths as readonly number[]).includes(code.length)

/**
 * Where a code stands on the lock at `now`. The sandbox lock takes a change at once, so an
 * ongoing code is `set`; a time-bound one is `set` inside its window and `unset` outside it.
 */
export const codeStatus = (code: { startsAt: string | null; endsAt: string | null }, now: Date): 'set' | 'unset' => {
  if (code.startsAt === null || code.endsAt === null) return 'set'
  const at = now.getTime()
  return at >= new Date(code.startsAt).getTime() && at < new Date(code.endsAt).getTime() ? 'set' : 'unset'
}
