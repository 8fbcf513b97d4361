// What every store function needs: the document client and the table's name.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A table handle passed to the store functions. */
export interface TableContext {
  db: DynamoDBDocumentClient;
  tableName: string;
}
