import type { Registry } from 'prom-client'
import { AggregatorRegistry } from 'prom-client'

import { asToWorker, type ToPrimary } from './cluster-messages.ts'

/** A worker's side of `serve --workers N`: what it needs from the primary, over IPC. */
export interface WorkerLink {
  /** Prometheus text for every worker together, gathered by the primary. */
  clusterMetrics(): Promise<{ text: string; contentType: string }>
}

const send = (message: ToPrimary) => process.send?.(message)

/**
 * Joins this worker to the primary: its registry answers the primary's collection requests
 * (prom-client's cluster protocol), and /metrics asks the primary for the sum over all workers.
 */
export const joinPrimary = (registry: Registry): WorkerLink => {
  AggregatorRegistry.setRegistries([registry])
  // Constructing one installs prom-client's worker-side listener.
  new AggregatorRegistry()
  let nextId = 0
  const waiting = new Map<number, { resolve(value: { text: string; contentType: string }): void; reject(error: Error): void }>()
  process.on('message', (raw: unknown) => {
    const message = asToWorker(raw)
    if (message === undefined || message.latchkey === 'stop') return
    const pending = waiting.get(message.id)
    waiting.delete(message.id)
    if (message.latchkey === 'metrics') pending?.resolve({ text: message.text, contentType: message.contentType })
    else pending?.reject(new Error(message.message))
  })
  return {
    clusterMetrics: () =>
      new Promise((resolve, reject) => {
        const id = nextId++
        // The primary gives up on a silent worker after 5 s; this waits a little longer than that.
        const timer = setTimeout(() => {
          waiting.delete(id)
          reject(new Error('the primary process did not answer'))
        }, 6_000)
        waiting.set(id, {
          resolve: (value) => (clearTimeout(timer), resolve(value)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        })
        send({ latchkey: 'metrics-request', id })
      }),
  }
}

/** Tells the primary this worker is answering on `url`. */
export const announceListening = (url: string): void => {
  send({ latchkey: 'listening', url })
}

/** Calls `onStop` when the primary asks this worker to stop, with the drain the primary chose. */
export const onStopRequest = (onStop: (drainMs: number) => void): void => {
  process.on('message', (raw: unknown) => {
    const message = asToWorker(raw)
    if (message?.latchkey === 'stop') onStop(message.drainMs)
  })
}
