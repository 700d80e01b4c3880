import { WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { portalLinkView } from '../schemas/portal';
import { debtorParams } from './debtors';

export const createPortalLink = defineRoute({
  id: 'createPortalLink',
  method: 'POST',
  path: '/v1/debtors/{id}/portal-link',
  handlerEntry: 'functions/api/portal/create-portal-link.ts',
  summary: "A signed, expiring link that opens the debtor's portal without a password",
  tag: 'Portal',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: debtorParams },
  responses: { 201: { description: 'The link (30 days)', schema: portalLinkView } },
  portalAccess: true,
});
