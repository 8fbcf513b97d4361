// The port through which handlers and adapters report metrics. Use cases never see it; the cloud
// passes the Powertools adapter (EMF on stdout), local runs and tests a no-op or a collecting sink.
import type { metricNames } from './metric-names.ts';

/** A metric name the alarms and dashboards know. */
export type MetricName = (typeof metricNames)[keyof typeof metricNames];

/** One recorded data point. */
export interface MetricPoint {
  name: MetricName;
  value: number;
  unit: 'Count' | 'Milliseconds';
  /** Dimensions beyond the function's `service` (e.g. a failure `kind`): each value is a series of its own. */
  dimensions?: Record<string, string>;
  /**
   * Fields written beside the value but not as dimensions (e.g. an API `route`): no series of their
   * own, which CloudWatch bills by the month, yet Logs Insights can group the values by them.
   */
  properties?: Record<string, string>;
}

/** Where handlers put their metrics; `flush` publishes what was recorded since the last flush. */
export interface MetricsSink {
  record(point: MetricPoint): void;
  flush(): void;
}

/** Records nothing: for local runs that do not watch metrics. */
export const noMetrics: MetricsSink = { record: () => {}, flush: () => {} };

/** Keeps every flushed point in memory, for tests and the cost model. */
export function collectingMetrics(): MetricsSink & {
  points: MetricPoint[];
  total(name: MetricName): number;
} {
  const pending: MetricPoint[] = [];
  const points: MetricPoint[] = [];
  return {
    points,
    record: (point) => {
      pending.push(point);
    },
    flush: () => {
      points.push(...pending.splice(0));
    },
    total: (name) =>
      points.filter((point) => point.name === name).reduce((sum, point) => sum + point.value, 0),
  };
}
