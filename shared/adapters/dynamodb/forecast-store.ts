import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CashForecast } from '../../domain/forecast/cash-forecast';
import type { ForecastStore } from '../../ports/forecast-store';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';

/** `T#t#FORECASTS#<currency>` / `<monday>`: one forecast a week, overwritten by a rerun of that Monday. */
export class DynamoDbForecastStore implements ForecastStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(tenantId: string, forecast: CashForecast, madeAt: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.forecast(tenantId, forecast.currency, forecast.asOf),
          entity: 'CashForecast',
          ...forecast,
          madeAt,
        },
      }),
    );
  }

  async list(
    tenantId: string,
    currency: string,
    fromMonday: string,
    toMonday: string,
  ): Promise<CashForecast[]> {
    if (fromMonday > toMonday) return [];
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.forecast(tenantId, currency, '').pk,
        ':from': fromMonday,
        ':to': toMonday,
      },
    });
    return items.map((item) => {
      const { madeAt: _madeAt, ...forecast } = stripKeys<CashForecast & { madeAt: string }>(item);
      return forecast;
    });
  }
}
