import { mergeDebtors } from '../../../shared/app/debtors/merge-debtors';
import { apiHandler } from '../../../shared/http/api-handler';
import { mergeDebtors as route } from '../../../shared/http/routes/merges';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, idempotency, params, body }) => {
  const { view, mergeId } = await mergeDebtors(
    services(),
    { actor, idempotency },
    params.id,
    body.duplicateId,
  );
  return { body: view, headers: { 'content-location': `/v1/merges/${mergeId}` } };
});
