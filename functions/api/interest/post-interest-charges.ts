import { postInterestCharges } from '../../../shared/app/interest/interest-charges';
import { apiHandler } from '../../../shared/http/api-handler';
import { postInterestCharges as route } from '../../../shared/http/routes/interest';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, idempotency: idempotencyStore, invoices, ledger });

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) =>
  postInterestCharges(services(), { actor, idempotency }, params.id, body.asOf),
);
