import { DynamoDbForecastStore } from '../../adapters/dynamodb/forecast-store';
import type { ServiceFactory } from '../wire-services';

export const forecasts: ServiceFactory<'forecasts'> = ({ client, table }) =>
  new DynamoDbForecastStore(client, table);
