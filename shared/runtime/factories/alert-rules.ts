import { DynamoDbAlertRuleStore } from '../../adapters/dynamodb/alert-rule-store';
import type { ServiceFactory } from '../wire-services';

export const alertRules: ServiceFactory<'alertRules'> = ({ client, table, clock }) =>
  new DynamoDbAlertRuleStore(client, table, clock);
