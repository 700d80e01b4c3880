import { createTemplate } from '../../../shared/app/templates/templates';
import { apiHandler } from '../../../shared/http/api-handler';
import { createTemplate as route } from '../../../shared/http/routes/templates';
import { idempotency as idempotencyStore } from '../../../shared/runtime/factories/idempotency';
import { templates } from '../../../shared/runtime/factories/templates';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ idempotency: idempotencyStore, templates });

export const handler = apiHandler(route, services, async ({ actor, idempotency, body }) => ({
  body: await createTemplate(services(), { actor, idempotency }, body),
}));
