// The DynamoDB actions each function needs, named by purpose, so grants stay least-privilege.

export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
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
