/** The delivery queue's gauges, as a server's `/metrics` reports them. */
const gauge = (metrics: string, name: string): number => {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)
  if (match === null) throw new Error(`/metrics has no ${name}`)
  return Number(match[1])
}

/**
 * Waits until the server has made and sent every webhook delivery (nothing pending, no event
 * awaiting its deliveries) and answers how many seconds that took. Gives up after 120 s.
 */
export const waitForDeliveries = async (url: string): Promise<number> => {
  const started = performance.now()
  for (;;) {
    const metrics = await (await fetch(`${url}/metrics`)).text()
    if (
      gauge(metrics, 'latchkey_webhook_deliveries_pending') === 0 &&
      gauge(metrics, 'latchkey_webhook_events_awaiting_deliveries') === 0
    ) {
      return (performance.now() - started) / 1000
    }
    if (performance.now() - started > 120_000) throw new Error(`${url}: webhook deliveries still pending after 120 s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
