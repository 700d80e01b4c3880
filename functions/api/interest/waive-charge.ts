import { waiveCharge } from '../../../shared/app/interest/interest-charges';
import { apiHandler } from '../../../shared/http/api-handler';
import { waiveCharge as route } from '../../../shared/http/routes/interest';
import { outcomeResponse } from '../adjustments/outcome-response';
import { approvals } from '../../../shared/runtime/factories/approvals';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  approvals,
  debtors,
  idempotency: idempotencyStore,
  invoices,
  ledger,
  settings,
});

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) =>
  outcomeResponse(
    await waiveCharge(services(), { actor, idempotency }, params.id, params.chargeId, body.reason),
  ),
);
