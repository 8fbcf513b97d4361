// The DynamoDB actions each function needs, named by purpose, so grants stay least-privilege, and
// the grant that gives them on the table and its named indexes (never `index/*`).
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { trackerTable } from '../table.ts';

export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  /** The dispatcher: queries the feed states of due sources. */
  dispatchRead: ['dynamodb:Query'],
  /** Writing articles, mentions and counters in one transaction, and feed state. */
  ingest: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  /** Reviews and manual mentions: transactions of puts and updates. */
  review: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  /** The last run of each schedule. */
  recordRuns: ['dynamodb:PutItem'],
  /** The digest's week record: a conditional put, then a conditional update per recipient. */
  digestRecords: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  /** The Facebook snapshot: its state (get, put), days (update), posts (batch put) and its run. */
  facebookSnapshot: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:BatchWriteItem',
  ],
  /** Alert records (conditional put, then update), subscription delivery state, and the run. */
  alertRecords: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
} as const;

/** Grants the actions on the table and on each of its indexes by name. */
export function grantTable(table: ITableV2, grantee: IGrantable, ...actions: string[]): Grant {
  const indexArns = trackerTable.globalSecondaryIndexes.map(
    (index) => `${table.tableArn}/index/${index.indexName}`,
  );
  return Grant.addToPrincipal({
    grantee,
    actions: [...new Set(actions)],
    resourceArns: [table.tableArn, ...indexArns],
  });
}
