import { accountingFromEnvironment } from '../../shared/runtime/accounting-connectors';
import { provideAccountingConnectors, services } from '../../shared/runtime/services';
import { syncWorkerHandler } from '../../shared/connectors/sync-worker';

provideAccountingConnectors(accountingFromEnvironment);

export const handler = syncWorkerHandler(services);
