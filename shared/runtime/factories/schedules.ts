import { DynamoDbScheduleStore } from '../../adapters/dynamodb/schedule-store';
import type { ServiceFactory } from '../wire-services';

export const schedules: ServiceFactory<'schedules'> = ({ client, table }) =>
  new DynamoDbScheduleStore(client, table);
