import { DynamoDbCreditReportStore } from '../../adapters/dynamodb/credit-report-store';
import type { ServiceFactory } from '../wire-services';

export const creditReports: ServiceFactory<'creditReports'> = ({ client, table, clock }) =>
  new DynamoDbCreditReportStore(client, table, clock);
