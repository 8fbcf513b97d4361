// Runs the AwsSolutions rule pack of cdk-nag over both stacks built as `npx cdk synth` builds them and
// asserts that every finding is either fixed or acknowledged with a reason.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { buildTrackerApp } from '../../infra/tracker-app.ts';

/** Synthesizes the tracker's app (plus `extra` stacks) and returns the validation failure, if any. */
function synthFailure(extra?: (app: ReturnType<typeof buildTrackerApp>) => void): string | undefined {
  const outdir = mkdtempSync(join(tmpdir(), 'nag-'));
  // The feature flags of cdk.json, as `cdk synth` passes them; skipping bundling keeps the test fast
  // (the rules read templates, not bundles).
  const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
  const app = buildTrackerApp({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  extra?.(app);
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('cdk-nag AwsSolutions checks', () => {
  it('leaves zero unacknowledged findings in the synthesized app', () => {
    expect(synthFailure()).toBeUndefined();
  }, 180_000);

  it('fails the synth on a finding nobody acknowledged', () => {
    const failure = synthFailure((app) => {
      new Queue(new Stack(app, 'Careless'), 'PlainQueue');
    });
    expect(failure).toContain('AwsSolutions-SQS4');
  }, 180_000);
});
