import { findVisibleDispute } from '../../../shared/app/disputes/resolve-dispute';
import { disputeView } from '../../../shared/app/views/ledger-views';
import { apiHandler } from '../../../shared/http/api-handler';
import { getDispute as route } from '../../../shared/http/routes/disputes';
import { ledger } from '../../../shared/runtime/factories/ledger';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ ledger });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: disputeView(await findVisibleDispute(services(), { actor }, params.id)),
}));
