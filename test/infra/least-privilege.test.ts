// Reads the synthesized IAM policies and compares each function's actions with what its code calls:
// a wildcard action anywhere fails, and so does an action a function does not use or lacks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceStack } from '../../infra/stacks/service-stack.ts';
import { StorageStack } from '../../infra/stacks/storage-stack.ts';

// What each function's code calls, by the SDK commands in the modules it runs:
const reads = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const transactionWrites = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'];
const needs: Record<string, string[]> = {
  // Feed states (Query), the run record (Put), SendMessageBatch (authorised as sqs:SendMessage).
  Dispatch: ['dynamodb:Query', 'dynamodb:PutItem', 'sqs:SendMessage'],
  // Reads, ingestion transactions, and the SQS event source mapping's documented consumer actions.
  ScrapeWorker: [
    ...reads,
    ...transactionWrites,
    'sqs:ReceiveMessage',
    'sqs:ChangeMessageVisibility',
    'sqs:GetQueueUrl',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
  ],
  // Reads, reviews and manual mentions as transactions; the key that seals alert webhooks.
  Api: [...reads, ...transactionWrites, 'ssm:GetParameter'],
  // Reads the week, records the run and the digest week (conditional put, update per recipient), mails.
  WeeklyDigest: [...reads, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'ses:SendEmail'],
  // Its state (get/put), days (update), posts (batch write), and the page token.
  FacebookSnapshot: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:BatchWriteItem',
    'ssm:GetParameter',
  ],
  // Recent mentions and subscriptions (query), aggregates (batch get), alert records and delivery
  // state (conditional put, update), its run; the webhook key; mail through the digest's identity.
  InstantAlerts: [...reads, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'ssm:GetParameter', 'ses:SendEmail'],
};

interface Statement {
  Action: string | string[];
  Resource: unknown;
}
let service: Template;

beforeAll(() => {
  // The feature flags of cdk.json shape the policies (e.g. minimizePolicies), so use them.
  const { context } = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const env = { account: '123456789012', region: 'eu-central-1' };
  const storage = new StorageStack(app, 'Storage', { env });
  const stack = new ServiceStack(app, 'Service', {
    env,
    table: storage.table,
    outletsFile: resolve('config/outlets.json'),
    rosterFile: resolve('config/roster.json'),
    dashboardDir: resolve('functions/api/static'),
    authDomainPrefix: 'test-tracker',
    version: '0.0.0-test',
    facebookPageId: '1234567890',
  });
  service = Template.fromStack(stack);
}, 120_000);

/** The statements of the policies attached to each of our functions' roles, by function name. */
function statementsByFunction(): Map<string, Statement[]> {
  const functions = Object.entries(service.findResources('AWS::Lambda::Function')).filter(
    ([, fn]) => fn.Properties.Handler === 'index.handler',
  );
  const policies = Object.values(service.findResources('AWS::IAM::Policy'));
  const result = new Map<string, Statement[]>();
  for (const [logicalId, fn] of functions) {
    const name = logicalId.replace(/Function[0-9A-F]{8}$/, '');
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    const statements = policies
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    result.set(name, statements);
  }
  return result;
}

const actionsOf = (statements: Statement[]) => statements.flatMap((statement) => [statement.Action].flat());

describe('least privilege', () => {
  it('has no wildcard action in any policy of the stack', () => {
    const actions = actionsOf(
      Object.values(service.findResources('AWS::IAM::Policy')).flatMap(
        (policy) => policy.Properties.PolicyDocument.Statement as Statement[],
      ),
    );
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('gives each function exactly the actions its code calls', () => {
    const byFunction = statementsByFunction();
    expect([...byFunction.keys()].sort()).toEqual(Object.keys(needs).sort());
    for (const [name, statements] of byFunction) {
      const granted = [...new Set(actionsOf(statements))].sort();
      expect({ name, granted }).toEqual({ name, granted: [...new Set(needs[name])].sort() });
    }
  });

  it('names every table index instead of index/*, and grants no resource "*"', () => {
    for (const [name, statements] of statementsByFunction()) {
      const resources = JSON.stringify(statements.map((statement) => statement.Resource));
      expect({ name, wildcardIndex: resources.includes('/index/*') }).toEqual({ name, wildcardIndex: false });
      for (const statement of statements) expect(statement.Resource).not.toBe('*');
    }
  });
});
