import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ExchangeRate } from '../../domain/money/conversion';
import type { Clock } from '../../ports/clock';
import type { ExchangeRateStore } from '../../ports/exchange-rate-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { commitTransaction, writeContextSteps } from './transaction';

/** Rates per tenant and pair, sorted by date: the effective rate is one reverse query, limit 1. */
export class DynamoDbExchangeRateStore implements ExchangeRateStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async effective(
    tenantId: string,
    from: string,
    to: string,
    date: string,
  ): Promise<ExchangeRate | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :date',
        ExpressionAttributeValues: { ':pk': keys.exchangeRatePartition(tenantId, from, to), ':date': date },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = result.Items?.[0];
    return item ? stripKeys<ExchangeRate>(item) : undefined;
  }

  async get(tenantId: string, from: string, to: string, date: string): Promise<ExchangeRate | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.exchangeRate(tenantId, from, to, date),
        ConsistentRead: true,
      }),
    );
    return result.Item ? stripKeys<ExchangeRate>(result.Item) : undefined;
  }

  async put(tenantId: string, rate: ExchangeRate, context: WriteContext): Promise<void> {
    const key = keys.exchangeRate(tenantId, rate.from, rate.to, rate.date);
    await commitTransaction(this.client, [
      { item: { Put: { TableName: this.tableName, Item: { ...key, entity: 'ExchangeRate', ...rate } } } },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }
}
