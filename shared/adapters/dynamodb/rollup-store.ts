import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MetricsRollup, RollupStore } from '../../ports/rollup-store';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';

/** One partition per tenant and currency: `DAY#<date>` and `MONTH#<yyyy-mm>` items, so a trend is one query. */
export class DynamoDbRollupStore implements RollupStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(rollup: MetricsRollup): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.rollup(rollup.tenantId, rollup.metrics.currency, rollup.granularity, rollup.key),
          entity: 'MetricsRollup',
          ...rollup,
        },
      }),
    );
  }

  async list(
    tenantId: string,
    currency: string,
    granularity: 'day' | 'month',
    fromKey: string,
    toKey: string,
  ) {
    const prefix = granularity === 'day' ? 'DAY#' : 'MONTH#';
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.rollupsPartition(tenantId, currency),
        ':from': `${prefix}${fromKey}`,
        ':to': `${prefix}${toKey}`,
      },
    });
    return items.map((item) => stripKeys<MetricsRollup>(item));
  }
}
