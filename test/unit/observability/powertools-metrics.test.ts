// What the cloud adapter writes: embedded-metric-format lines whose dimensions decide how many series
// CloudWatch bills. A failure kind is a dimension; an API route is a property, in the line but no series.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metricNames } from '#shared/observability/metric-names.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';

interface EmfLine {
  _aws: {
    CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }>;
  };
  [field: string]: unknown;
}

let lines: EmfLine[];

beforeEach(() => {
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as EmfLine);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('powertoolsMetrics', () => {
  it('writes the API route beside the latency, not as a dimension', () => {
    const sink = powertoolsMetrics('api');
    sink.record({
      name: metricNames.apiLatency,
      value: 12,
      unit: 'Milliseconds',
      properties: { route: 'GET /api/mentions' },
    });
    sink.record({
      name: metricNames.apiLatency,
      value: 7,
      unit: 'Milliseconds',
      properties: { route: 'GET /api/summary' },
    });
    sink.flush();
    const latency = lines.filter((line) => 'ApiLatency' in line);
    expect(latency.map((line) => [line.route, line.ApiLatency])).toEqual([
      ['GET /api/mentions', 12],
      ['GET /api/summary', 7],
    ]);
    // One series for both routes: the only dimension is the function's service.
    for (const line of latency) {
      expect(line._aws.CloudWatchMetrics[0]?.Namespace).toBe('CouncilPressTracker');
      expect(line._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service']]);
      expect(line.service).toBe('api');
    }
  });

  it('writes nothing, not even a warning, when a flush has nothing stored', () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const sink = powertoolsMetrics('api');
    sink.record({
      name: metricNames.apiLatency,
      value: 3,
      unit: 'Milliseconds',
      properties: { route: 'GET /api/health' },
    });
    sink.flush();
    expect(lines).toHaveLength(1);
    expect(warnings).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it('keeps a failure kind as a dimension, on its own line beside the plain counts', () => {
    const sink = powertoolsMetrics('scrape-worker');
    sink.record({ name: metricNames.sourcesFailed, value: 2, unit: 'Count' });
    sink.record({
      name: metricNames.sourcesFailed,
      value: 2,
      unit: 'Count',
      dimensions: { kind: 'timeout' },
    });
    sink.flush();
    const dimensionSets = lines.map((line) => line._aws.CloudWatchMetrics[0]?.Dimensions);
    expect(dimensionSets).toContainEqual([['service']]);
    expect(dimensionSets).toContainEqual([['service', 'kind']]);
    expect(lines.find((line) => line.kind === 'timeout')?.SourcesFailed).toBe(2);
  });
});
