import { logActivity } from '../../../shared/app/contacts/log-activity';
import { apiHandler } from '../../../shared/http/api-handler';
import { logActivity as route } from '../../../shared/http/routes/contacts';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ contacts, debtors, idempotency: idempotencyStore, ledger, settings });

export const handler = apiHandler(route, services, async ({ actor, idempotency, params, body }) => ({
  body: await logActivity(services(), { actor, idempotency }, params.id, body),
}));
