import { findVisibleDispute } from '../../../shared/app/disputes/resolve-dispute';
import { disputeView } from '../../../shared/app/views/ledger-views';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDispute as route } from '../../../shared/http/routes/disputes';
import { services } from '../../../shared/runtime/services';

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: disputeView(await findVisibleDispute(services(), { actor }, params.id)),
}));
