// Builds the DynamoDB document client once per process; pointed at DynamoDB Local when an endpoint is set.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the table lives. */
export interface DynamoSettings {
  /** Endpoint of DynamoDB Local; the regional AWS endpoint when absent. */
  endpoint?: string;
  region?: string;
}

/** A low-level client; local endpoints get dummy credentials so no AWS account is needed. */
export function createDynamoClient(settings: DynamoSettings = {}): DynamoDBClient {
  const local = settings.endpoint !== undefined;
  return new DynamoDBClient({
    region: settings.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    ...(local
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: local ? 2 : 3,
  });
}

/** A document client that strips undefined values, as every writer here expects. */
export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
