import { previewTemplate } from '../../../shared/app/templates/preview-template';
import { apiHandler } from '../../../shared/http/api-handler';
import { previewTemplate as route } from '../../../shared/http/routes/templates';
import { contacts } from '../../../shared/runtime/factories/contacts';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { settings } from '../../../shared/runtime/factories/settings';
import { templates } from '../../../shared/runtime/factories/templates';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ contacts, debtors, ledger, settings, templates });

export const handler = apiHandler(route, services, async ({ actor, params, body }) => ({
  body: await previewTemplate(services(), { actor }, params.id, body),
}));
