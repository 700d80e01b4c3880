import { DynamoDbSettingsStore } from '../../adapters/dynamodb/settings-store';
import type { WiringContext } from '../wire-services';

/** The tenant's time zone, from its settings: the ledger and contacts stores date their records in it. */
export function tenantTimeZone({ client, table, clock }: WiringContext) {
  const settings = new DynamoDbSettingsStore(client, table, clock);
  return async (tenantId: string) => (await settings.get(tenantId)).timezone;
}
