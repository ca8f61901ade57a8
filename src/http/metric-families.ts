import type { Registry } from 'prom-client'

/**
 * Counters and histograms for the request path, exposed through prom-client's registry (which
 * formats `/metrics`), but recorded without prom-client's per-call work: its `inc`/`observe`
 * validate and hash the label set on every call, even through `labels()` children, a visible
 * share of the hot path's profile (docs/performance.md). Here a caller looks its
 * series up once by label values and then only adds numbers.
 */

type Labels = Record<string, string>

interface Exported {
  name: string
  help: string
  type: 'counter' | 'histogram'
  aggregator: 'sum'
  values: { labels: Labels; value: number; metricName?: string }[]
}

/** The part of prom-client's metric interface its Registry reads. */
interface RegistrableMetric {
  name: string
  help: string
  type: string
  aggregator: string
  get(): Promise<Exported>
  reset(): void
}

export class CounterSeries {
  value = 0
  constructor(readonly labels: Labels) {}
  inc(by = 1): void {
    this.value += by
  }
}

export class HistogramSeries {
  readonly buckets: Float64Array
  sum = 0
  count = 0
  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.buckets = new Float64Array(bounds.length)
  }

  observe(value: number): void {
    this.sum += value
    this.count += 1
    const { bounds } = this
    for (let i = 0; i < bounds.length; i++) {
      if (value <= (bounds[i] as number)) {
        this.buckets[i] = (this.buckets[i] as number) + 1
        return
      }
    }
  }
}

abstract class Family<S extends { labels: Labels }> implements RegistrableMetric {
  readonly aggregator = 'sum'
  abstract readonly type: 'counter' | 'histogram'
  protected readonly all = new Map<string, S>()

  constructor(
    readonly name: string,
    readonly help: string,
    protected readonly labelNames: readonly string[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never)
  }

  protected abstract create(labels: Labels): S

  /** The series for these label values (in `labelNames` order); keep it and reuse it. */
  series(...values: string[]): S {
    const key = values.join('\u0000')
    let found = this.all.get(key)
    if (found === undefined) {
      const labels: Labels = {}
      this.labelNames.forEach((name, i) => (labels[name] = values[i] ?? ''))
      this.all.set(key, (found = this.create(labels)))
    }
    return found
  }

  reset(): void {
    this.all.clear()
  }

  abstract get(): Promise<Exported>
}

export class CounterFamily extends Family<CounterSeries> {
  readonly type = 'counter'
  protected create(labels: Labels) {
    return new CounterSeries(labels)
  }

  async get(): Promise<Exported> {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: [...this.all.values()].map((s) => ({ labels: s.labels, value: s.value })),
    }
  }
}

export class HistogramFamily extends Family<HistogramSeries> {
  readonly type = 'histogram'
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    private readonly bounds: readonly number[],
    registry: Registry,
  ) {
    super(name, help, labelNames, registry)
  }

  protected create(labels: Labels) {
    return new HistogramSeries(labels, this.bounds)
  }

  async get(): Promise<Exported> {
    const values: Exported['values'] = []
    for (const series of this.all.values()) {
      let cumulative = 0
      this.bounds.forEach((bound, i) => {
        cumulative += series.buckets[i] as number
        values.push({ labels: { le: String(bound), ...series.labels }, value: cumulative, metricName: `${this.name}_bucket` })
      })
      values.push({ labels: { le: '+Inf', ...series.labels }, value: series.count, metricName: `${this.name}_bucket` })
      values.push({ labels: series.labels, value: series.sum, metricName: `${this.name}_sum` })
      values.push({ labels: series.labels, value: series.count, metricName: `${this.name}_count` })
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
  }
}
