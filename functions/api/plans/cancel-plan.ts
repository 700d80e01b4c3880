import { signalCase } from '../../../shared/app/cases/signal-case';
import { cancelPlan } from '../../../shared/app/plans/cancel-plan';
import { apiHandler } from '../../../shared/http/api-handler';
import { cancelPlan as route } from '../../../shared/http/routes/promises-and-plans';
import { cases } from '../../../shared/runtime/factories/cases';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ cases, debtors, idempotency: idempotencyStore, ledger, policies, workflow });

export const handler = apiHandler(
  route,
  services,
  async ({ actor, idempotency, params, body }) => ({
    body: await cancelPlan(services(), { actor, idempotency }, params.id, params.planId, body.reason),
  }),
  signalCase,
);
