import { parseArgs } from 'node:util'

import type { WebhookDeliveryRecord } from '../store/records.ts'
import { type CliIo, print, UsageError } from './io.ts'
import { databaseOption, withStore } from './store-option.ts'
import { optional } from '../store/optional.ts'

const LIMIT = 1000

const line = (d: WebhookDeliveryRecord) =>
  [
    d.deliveryId,
    d.status.padEnd(9),
    `attempts ${d.attempts}`,
    d.lastStatus === null ? (d.lastError ?? 'not attempted yet') : `last answer ${d.lastStatus}`,
    d.status === 'pending' ? `next ${d.nextAttemptAt}` : `done ${d.completedAt ?? ''}`,
  ].join('  ')

const toJson = (d: WebhookDeliveryRecord) => ({
  delivery_id: d.deliveryId,
  webhook_id: d.webhookId,
  workspace_id: d.workspaceId,
  event_id: d.eventId,
  status: d.status,
  attempts: d.attempts,
  next_attempt_at: d.nextAttemptAt,
  last_status: d.lastStatus,
  last_error: d.lastError,
  attempt_log: d.attemptLog,
  created_at: d.createdAt,
  completed_at: d.completedAt,
})

/** `latchkey webhooks deliveries | redeliver`: what was sent, what failed, and sending again. */
export const webhooksCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [action, ...rest] = args
  const { values } = parseArgs({
    args: rest,
    options: { ...databaseOption, webhook: { type: 'string' }, failed: { type: 'boolean' }, delivery: { type: 'string' } },
  })
  const json = values.json === true
  if (action === 'deliveries') {
    const found = await withStore(io, values, ({ store }) =>
      store.listDeliveries({
        limit: LIMIT,
        ...optional({ webhookId: values.webhook }),
        ...(values.failed === true ? { status: 'failed' as const } : {}),
      }),
    )
    print(io, json, { deliveries: found.map(toJson) }, found.length === 0 ? 'No deliveries.' : found.map(line).join('\n'))
    return 0
  }
  if (action === 'redeliver') {
    const deliveryId = values.delivery
    if (deliveryId === undefined) throw new UsageError('webhooks redeliver needs --delivery ID')
    const found = await withStore(io, values, ({ store }) => store.redeliver(deliveryId, new Date().toISOString()))
    if (!found) throw new UsageError(`no delivery ${deliveryId}`)
    print(io, json, { delivery_id: deliveryId, status: 'pending' }, `${deliveryId} is due again; a running server sends it.`)
    return 0
  }
  throw new UsageError('webhooks needs an action: deliveries or redeliver')
}
