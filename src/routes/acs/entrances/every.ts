import type { AppContext } from '../../../domain/context.ts'
import type { AcsEntranceRecord, AcsFilter, Scope } from '../../../store/records.ts'

/** Pages of entrances read through to the end: the lists Seam answers whole (no `pagination`). */
export const everyEntrance = async (context: AppContext, scope: Scope, filter: AcsFilter): Promise<AcsEntranceRecord[]> => {
  const all: AcsEntranceRecord[] = []
  let after: { createdAt: string; id: string } | undefined
  for (;;) {
    const page = await context.store.listAcsEntrances(scope, filter, { limit: 500, after })
    all.push(...page.items)
    const last = page.items.at(-1)
    if (!page.hasNextPage || last === undefined) return all
    after = { createdAt: last.createdAt, id: last.acsEntranceId }
  }
}
