import { issuePortalLink } from '../../../shared/app/portal/portal-link-access';
import { apiHandler } from '../../../shared/http/api-handler';
import { createPortalLink as route } from '../../../shared/http/routes/portal';
import { portalAccessFromEnvironment } from '../../../shared/runtime/portal-access';
import { providePortalAccess, services } from '../../../shared/runtime/services';

providePortalAccess(portalAccessFromEnvironment);

export const handler = apiHandler(route, async ({ actor, params }) => ({
  body: await issuePortalLink(services(), actor, params.id),
}));
