import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertRule, AlertState } from '../../domain/alerts/alert-rule';
import { ConflictError } from '../../domain/errors';
import type { AlertRuleStore } from '../../ports/alert-rule-store';
import type { Clock } from '../../ports/clock';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/** A tenant's alert rules (`RULE#<id>`) and their states (`STATE#<ruleId>#<subject>`) share a partition. */
export class DynamoDbAlertRuleStore implements AlertRuleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async load(tenantId: string) {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.alertRulesPartition(tenantId) },
      ConsistentRead: true,
    });
    return {
      rules: items.filter((item) => item.entity === 'AlertRule').map((item) => stripKeys<AlertRule>(item)),
      states: items.filter((item) => item.entity === 'AlertState').map((item) => stripKeys<AlertState>(item)),
    };
  }

  async create(rule: AlertRule, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        { ...keys.alertRule(rule.tenantId, rule.id), entity: 'AlertRule', ...rule },
        0,
        () => new ConflictError(`Alert rule ${rule.id} already exists`),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async remove(rule: AlertRule, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.alertRule(rule.tenantId, rule.id),
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': rule.version },
          },
        },
        onConditionFailed: () => new ConflictError('The alert rule was changed by someone else'),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async saveStates(tenantId: string, states: readonly AlertState[]): Promise<void> {
    const requests = states.map((state) => ({
      PutRequest: {
        Item: { ...keys.alertState(tenantId, state.ruleId, state.subject), entity: 'AlertState', ...state },
      },
    }));
    for (let start = 0; start < requests.length; start += 25) {
      let batch: unknown[] = requests.slice(start, start + 25);
      while (batch.length > 0) {
        const result = await this.client.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: batch as never } }),
        );
        batch = result.UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }
}
