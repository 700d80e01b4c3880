import { reverseMerge } from '../../../shared/app/debtors/reverse-merge';
import { apiHandler } from '../../../shared/http/api-handler';
import { reverseMerge as route } from '../../../shared/http/routes/merges';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => ({
  body: await reverseMerge(services(), { actor, idempotency }, params.id, body.reason),
}));
