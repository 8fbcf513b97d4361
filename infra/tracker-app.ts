// The CDK app: a stateful storage stack and a stateless service stack that receives the table, checked
// by cdk-nag's AwsSolutions rules on every synth.
// Choose the bundled config with `-c outlets=<file> -c roster=<file> -c digest=<file>` (or OUTLETS_FILE /
// ROSTER_FILE / DIGEST_FILE), the digest's SES sender with -c digestFrom, sesIdentity, sesConfigurationSet,
// and who receives alarms with -c alarmEmails=ops@council.example,second@council.example.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { resolveDigestPath } from '#shared/config/digest-recipients.ts';
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { ServiceStack } from './stacks/service-stack.ts';
import { StorageStack } from './stacks/storage-stack.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
type Context = (key: string) => string | undefined;

/** Builds the app's two stacks from its context, with the AwsSolutions checks registered. */
export function buildTrackerApp(props: AppProps = {}): App {
  const app = new App(props);
  const context: Context = (key) => app.node.tryGetContext(key) ?? undefined;
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
    digestFile: resolve(resolveDigestPath(context('digest'))),
    ...digestMail(context),
    facebookPageId: context('facebookPageId') ?? process.env.FACEBOOK_PAGE_ID,
    facebookTokenParameter: context('facebookTokenParameter'),
    alertKeyParameter: context('alertKeyParameter'),
    alarmEmails: (context('alarmEmails') ?? '')
      .split(',')
      .map((email) => email.trim())
      .filter(Boolean),
  });
  Tags.of(app).add('project', 'council-press-tracker');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

/** The digest's SES settings from `-c digestFrom=… -c sesIdentity=… -c sesConfigurationSet=…`. */
function digestMail(context: Context) {
  const from = context('digestFrom');
  const configurationSet = context('sesConfigurationSet');
  if (!from || !configurationSet) return {};
  // The identity defaults to the sender address's domain, the usual verified identity.
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const identity = context('sesIdentity') ?? address.split('@')[1] ?? address;
  return { mail: { from, identity, configurationSet } };
}
