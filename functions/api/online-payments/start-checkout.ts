import { startCheckout } from '../../../shared/app/payments/start-checkout';
import { apiHandler } from '../../../shared/http/api-handler';
import { startCheckout as route } from '../../../shared/http/routes/online-payments';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { payments } from '../../../shared/runtime/factories/payments';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, idempotency: idempotencyStore, ledger, payments });

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) => ({
  body: await startCheckout(services(), { actor, idempotency }, params.id, body),
}));
