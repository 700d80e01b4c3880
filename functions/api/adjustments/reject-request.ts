import { decideApproval } from '../../../shared/app/approvals/decide-approval';
import { apiHandler } from '../../../shared/http/api-handler';
import { rejectRequest as route } from '../../../shared/http/routes/adjustments';
import { approvals } from '../../../shared/runtime/factories/approvals';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { invoices } from '../../../shared/runtime/factories/invoices';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ approvals, debtors, idempotency: idempotencyStore, invoices, ledger });

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) => ({
  body: (await decideApproval(services(), { actor, idempotency }, params.id, 'rejected', body.note)).view,
}));
