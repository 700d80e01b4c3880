import { DynamoDbSettingsStore } from '../../adapters/dynamodb/settings-store';
import type { ServiceFactory } from '../wire-services';

export const settings: ServiceFactory<'settings'> = ({ client, table, clock }) =>
  new DynamoDbSettingsStore(client, table, clock);
