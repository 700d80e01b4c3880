import { checkContact } from '../../../shared/app/contacts/check-contact';
import { apiHandler } from '../../../shared/http/api-handler';
import { checkContact as route } from '../../../shared/http/routes/contacts';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { settings } from '../../../shared/runtime/factories/settings';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ contacts, debtors, ledger, settings });

export const handler = apiHandler(route, services, async ({ actor, params, query }) => ({
  body: await checkContact(services(), { actor }, params.id, query),
}));
