import { issuePortalLink } from '../../../shared/app/portal/portal-link-access';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPortalLink as route } from '../../../shared/http/routes/portal';
import { debtors } from '../../../shared/runtime/factories/debtors';
import { linkSigner } from '../../../shared/runtime/factories/link-signer';
import { portalUsers } from '../../../shared/runtime/factories/portal-users';
import { wireServices } from '../../../shared/runtime/wire-services';

const services = wireServices({ debtors, linkSigner, portalUsers });

export const handler = apiHandler(route, services, async ({ actor, params }) => ({
  body: await issuePortalLink(services(), actor, params.id),
}));
