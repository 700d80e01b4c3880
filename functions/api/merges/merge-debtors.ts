import { mergeDebtors } from '../../../shared/app/debtors/merge-debtors';
import { apiHandler } from '../../../shared/http/api-handler';
import { mergeDebtors as route } from '../../../shared/http/routes/merges';
import { approvals } from '../../../shared/runtime/factories/approvals';
import { cases } from '../../../shared/runtime/factories/cases';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { merges } from '../../../shared/runtime/factories/merges';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  approvals,
  cases,
  contacts,
  debtors,
  idempotency: idempotencyStore,
  ledger,
  merges,
  policies,
  workflow,
});

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) => {
  const { view, mergeId } = await mergeDebtors(
    services(),
    { actor, idempotency },
    params.id,
    body.duplicateId,
  );
  return { body: view, headers: { 'content-location': `/v1/merges/${mergeId}` } };
});
