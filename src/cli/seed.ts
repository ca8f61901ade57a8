import type { TokenCipher } from '../auth/token-cipher.ts'
import { systemClock } from '../clock.ts'
import { applySeed, describeReport } from '../seed/apply.ts'
import type { SeedReport } from '../seed/report.ts'
import type { Store } from '../store/store.ts'
import type { CliIo } from './io.ts'
import type { ServeOptions } from './serve-options.ts'

/** Applies `serve --seed` to the opened store and says on stderr what it did and what it left as it was. */
export const seedStore = async (
  store: Store,
  tokenCipher: TokenCipher,
  options: ServeOptions,
  io: CliIo,
): Promise<SeedReport | undefined> => {
  if (options.seed === undefined) return undefined
  const report = await applySeed(
    { store, clock: systemClock, tokenCipher, sessionLifetimeMs: options.config.sessionLifetimeMs },
    options.seed.seed,
  )
  for (const line of describeReport(options.seed.source, report)) io.err(line)
  return report
}
