import { exportLedger } from '../../../shared/app/exports/export-ledger';
import { apiHandler } from '../../../shared/http/api-handler';
import { exportDebtorLedger as route } from '../../../shared/http/routes/exports';
import { services } from '../../../shared/runtime/services';
import { csvResult } from '../../../shared/http/csv-result';

export const handler = apiHandler(route, async ({ actor, params }) =>
  csvResult(await exportLedger(services(), { actor }, params.id)),
);
