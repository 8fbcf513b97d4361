// The cloud adapter of the metrics port: Powertools Metrics, which writes embedded metric format
// (EMF) lines to stdout that CloudWatch turns into metrics without an API call.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { metricNamespace } from './metric-names.ts';
import type { MetricsSink } from './metrics-port.ts';

/** A sink publishing under the tracker's namespace with the function's `service` dimension. */
export function powertoolsMetrics(serviceName: string): MetricsSink {
  const metrics = new Metrics({ namespace: metricNamespace, serviceName });
  // Points with dimensions or properties are published at once on lines of their own; flushing an
  // instance holding nothing makes Powertools log a warning, on every API request.
  let stored = 0;
  return {
    record({ name, value, unit, dimensions, properties }) {
      const metricUnit = unit === 'Count' ? MetricUnit.Count : MetricUnit.Milliseconds;
      if (!dimensions && !properties) {
        metrics.addMetric(name, metricUnit, value);
        stored++;
        return;
      }
      // Extra dimensions and properties get their own EMF line, so the plain metric keeps the
      // `service` dimension alone and the alarms can read it.
      const single = metrics.singleMetric();
      if (dimensions) single.addDimensions(dimensions);
      for (const [key, text] of Object.entries(properties ?? {})) single.addMetadata(key, text);
      single.addMetric(name, metricUnit, value);
    },
    flush: () => {
      if (stored === 0) return;
      stored = 0;
      metrics.publishStoredMetrics();
    },
  };
}
