// The CDK app: a stateful storage stack and a stateless service stack that receives the table.
// Choose the bundled config with `-c outlets=<file> -c roster=<file>` (or OUTLETS_FILE / ROSTER_FILE).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { ServiceStack } from './stacks/service-stack.ts';
import { StorageStack } from './stacks/storage-stack.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = new App();
const context = (key: string): string | undefined => app.node.tryGetContext(key) ?? undefined;
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

const storage = new StorageStack(app, 'CouncilPressTracker-Storage', { env, terminationProtection: true });
new ServiceStack(app, 'CouncilPressTracker-Service', {
  env,
  table: storage.table,
  outletsFile: resolve(resolveOutletsPath(context('outlets'))),
  rosterFile: resolve(resolveRosterPath(context('roster'))),
  dashboardDir: resolve(root, 'functions/api/static'),
  authDomainPrefix: context('authDomainPrefix') ?? 'council-press-tracker',
  version,
  facebookPageId: context('facebookPageId') ?? process.env.FACEBOOK_PAGE_ID,
});
Tags.of(app).add('project', 'council-press-tracker');
