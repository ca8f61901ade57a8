import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Store } from '../../src/store/store.ts'
import { timeStore } from '../../src/http/instrument.ts'

/**
 * Every store operation is reported once with its outcome, whether it succeeds, rejects, answers
 * at once or throws; the caller sees the same result or failure as unwrapped, in the same form
 * (a value answered at once is not turned into a promise).
 */
describe('timed store: one report per operation, whatever its outcome', () => {
  const failure = new Error('no database')
  const raw = {
    findApiKey: async (id: string) => ({ id }),
    findPublishableKey: async () => {
      throw failure
    },
    // The one synchronous operation (SQLite's answer at hand): it answers at once, or throws.
    clientSessionAuthNow: (tokenId: string) => {
      if (tokenId === 'broken') throw failure
      return { tokenId }
    },
  }

  const timed = () => {
    const reports: { operation: string; seconds: number; ok: boolean }[] = []
    const store = timeStore(raw as unknown as Store, (operation, seconds, outcome) => reports.push({ operation, seconds, ok: outcome.ok }))
    return { store, reports }
  }

  it('reports a success with its duration and hands on the result', async () => {
    const { store, reports } = timed()
    assert.deepEqual(await store.findApiKey('abc'), { id: 'abc' })
    assert.equal(reports.length, 1)
    assert.equal(reports[0]?.operation, 'findApiKey')
    assert.equal(reports[0]?.ok, true)
    assert.ok((reports[0]?.seconds ?? -1) >= 0 && (reports[0]?.seconds ?? 1) < 1)
  })

  it('hands on an answer given at once as it is, not as a promise, and reports it', () => {
    const { store, reports } = timed()
    assert.deepEqual(store.clientSessionAuthNow?.('t'), { tokenId: 't' })
    assert.deepEqual(
      reports.map(({ operation, ok }) => ({ operation, ok })),
      [{ operation: 'clientSessionAuthNow', ok: true }],
    )
  })

  it('reports a rejection and a synchronous throw as failures, and fails the same way with the same error', async () => {
    const { store, reports } = timed()
    await assert.rejects(store.findPublishableKey('x'), (error) => error === failure)
    assert.throws(
      () => store.clientSessionAuthNow?.('broken'),
      (error) => error === failure,
    )
    assert.deepEqual(
      reports.map(({ operation, ok }) => ({ operation, ok })),
      [
        { operation: 'findPublishableKey', ok: false },
        { operation: 'clientSessionAuthNow', ok: false },
      ],
    )
  })
})
