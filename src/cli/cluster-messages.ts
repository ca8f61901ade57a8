/**
 * What the processes of `serve --workers N` tell each other over node:cluster's IPC channel.
 * Every message carries `latchkey` so that other IPC traffic (prom-client's own) passes by.
 */
export type ToPrimary = { latchkey: 'listening'; url: string } | { latchkey: 'metrics-request'; id: number }

export type ToWorker =
  | { latchkey: 'stop'; drainMs: number }
  | { latchkey: 'metrics'; id: number; text: string; contentType: string }
  | { latchkey: 'metrics-failed'; id: number; message: string }

const isMessage = (value: unknown): value is { latchkey: string } =>
  typeof value === 'object' && value !== null && typeof (value as { latchkey?: unknown }).latchkey === 'string'

export const asToPrimary = (value: unknown): ToPrimary | undefined => (isMessage(value) ? (value as ToPrimary) : undefined)
export const asToWorker = (value: unknown): ToWorker | undefined => (isMessage(value) ? (value as ToWorker) : undefined)
