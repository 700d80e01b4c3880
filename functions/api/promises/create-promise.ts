import { makePromise } from '../../../shared/app/promises/make-promise';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPromise as route } from '../../../shared/http/routes/promises-and-plans';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: (await makePromise(services(), { actor, idempotency }, params.id, body)).view,
}));
