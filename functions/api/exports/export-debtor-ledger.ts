import { exportLedger } from '../../../shared/app/exports/export-ledger';
import { apiHandler } from '../../../shared/http/api-handler';
import { exportDebtorLedger as route } from '../../../shared/http/routes/exports';
import { csvResult } from '../../../shared/http/csv-result';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) =>
  csvResult(await exportLedger(services(), { actor }, params.id)),
);
