import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyStore } from '../../ports/idempotency-store';
import type { IdempotentCompletion } from '../../ports/write-context';
import { keys } from './keys';

export class DynamoDbIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(tenantId: string, key: string): Promise<IdempotentCompletion | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.idempotency(tenantId, key),
        ConsistentRead: true,
      }),
    );
    const item = result.Item;
    if (!item) return undefined;
    return {
      key,
      requestHash: item.requestHash as string,
      routeId: item.routeId as string,
      statusCode: item.statusCode as number,
      body: JSON.parse(item.body as string) as unknown,
    };
  }
}
