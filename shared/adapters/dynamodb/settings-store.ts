import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import { defaultSettings, type TenantSettings } from '../../domain/settings/tenant-settings';
import type { Clock } from '../../ports/clock';
import type { SettingsStore } from '../../ports/settings-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';

import { commitTransaction, writeContextSteps, versionedPut } from './transaction';

export class DynamoDbSettingsStore implements SettingsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string): Promise<TenantSettings> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.settings(tenantId), ConsistentRead: true }),
    );
    return result.Item ? stripKeys<TenantSettings>(result.Item) : defaultSettings(tenantId);
  }

  async put(before: TenantSettings, after: TenantSettings, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        { ...keys.settings(after.tenantId), entity: 'TenantSettings', ...after },
        before.version,
        () => new ConflictError('The settings were changed by someone else'),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }
}
