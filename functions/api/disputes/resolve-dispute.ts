import { resolveDisputeCase } from '../../../shared/app/disputes/resolve-dispute';
import { outcomeResponse } from '../adjustments/outcome-response';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { resolveDispute as route } from '../../../shared/http/routes/disputes';
import { approvals } from '../../../shared/runtime/factories/approvals';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { settings } from '../../../shared/runtime/factories/settings';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({
  approvals,
  cases,
  debtors,
  idempotency: idempotencyStore,
  ledger,
  policies,
  settings,
  workflow,
});

export const handler = apiHandler(
  route,
  services,
  async ({ actor, idempotency, params, body }) => {
    const outcome = await resolveDisputeCase(services(), { actor, idempotency }, params.id, body);
    return outcomeResponse(outcome);
  },
  signalCase,
);
