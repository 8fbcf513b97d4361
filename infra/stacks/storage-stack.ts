// The stateful stack: the tracker's table, retained and protected. Everything else is stateless and
// receives the table by props, so it can be destroyed and redeployed freely.
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type KeyAttribute, trackerTable } from '../table.ts';

const attribute = (key: KeyAttribute) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/** Holds the table. */
export class StorageStack extends Stack {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new TableV2(this, 'TrackerTable', {
      partitionKey: attribute(trackerTable.partitionKey),
      sortKey: attribute(trackerTable.sortKey),
      billing: Billing.onDemand(),
      timeToLiveAttribute: trackerTable.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: trackerTable.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
      })),
    });
  }
}
