import { applyApiKeys, applyPublishableKeys, applyUser, applyWorkspace } from './apply-credentials.ts'
import { applyClientSessions, applyConnectedAccounts, applyUserIdentities, applyWebhooks } from './apply-resources.ts'
import { emptyReport, type SeedReport, type SeedTarget } from './report.ts'
import type { Seed } from './schema.ts'

/**
 * Writes what the seed declares and the database lacks; what is there already is compared, never
 * overwritten, so a restart on the same database changes nothing and a changed seed only adds.
 * Order matters: workspaces before their members, accounts and identities before the sessions
 * granted them.
 */
export const applySeed = async (target: SeedTarget, seed: Seed): Promise<SeedReport> => {
  const report = emptyReport()
  for (const [i, w] of seed.workspaces.entries()) {
    const where = `workspaces[${i}]`
    await applyWorkspace(target, w, where, report)
    await applyApiKeys(target, w, where, report)
    await applyPublishableKeys(target, w, where, report)
    await applyUserIdentities(target, w, where, report)
    await applyConnectedAccounts(target, w, where, report)
    await applyClientSessions(target, w, where, report)
    await applyWebhooks(target, w, where, report)
  }
  for (const [i, u] of seed.users.entries()) await applyUser(target, u, `users[${i}]`, report)
  return report
}

/** The lines a server logs about a seed: one summary, and one warning per thing it left as it was. */
export const describeReport = (source: string, report: SeedReport): string[] => [
  `Seed ${source}: ${report.added.length} added, ${report.unchanged.length} already as seeded, ${report.warnings.length} left as they were.`,
  ...report.warnings.map((warning) => `seed warning: ${warning}`),
]
