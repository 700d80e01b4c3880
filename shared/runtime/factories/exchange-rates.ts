import { DynamoDbExchangeRateStore } from '../../adapters/dynamodb/exchange-rate-store';
import type { ServiceFactory } from '../wire-services';

export const exchangeRates: ServiceFactory<'exchangeRates'> = ({ client, table, clock }) =>
  new DynamoDbExchangeRateStore(client, table, clock);
