import { updateContactPreferences } from '../../../shared/app/contacts/contact-preferences';
import { signalCase } from '../../../shared/app/cases/signal-case';
import { apiHandler } from '../../../shared/http/api-handler';
import { putContactPreferences as route } from '../../../shared/http/routes/contacts';
import { cases } from '../../../shared/runtime/factories/cases';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { policies } from '../../../shared/runtime/factories/policies';
import { workflow } from '../../../shared/runtime/factories/workflow';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ cases, contacts, debtors, ledger, policies, workflow });

export const handler = apiHandler(
  route,
  services,
  async ({ actor, ifMatch, params, body }) => {
    const view = await updateContactPreferences(
      services(),
      { actor, expectedVersion: ifMatch },
      params.id,
      body,
    );
    return { body: view, headers: { etag: `"${view.version}"` } };
  },
  signalCase,
);
