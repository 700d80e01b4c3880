/**
 * Issuing and checking the links that open a debtor's portal. Issuing ensures the debtor has a
 * portal user to sign in as; checking is what the sign-in's challenge runs: a genuine MAC, not
 * expired, and for the very tenant and debtor the user stands for.
 */
import type { Actor } from '../../domain/actor';
import type { Debtor } from '../../domain/debtors/debtor';
import {
  decodePortalLink,
  encodePortalLink,
  portalLinkExpiry,
  portalLinkMessage,
} from '../../domain/portal/portal-link';
import type { Services } from '../../runtime/services';
import { findVisibleDebtor } from '../debtors/find-debtor';

export type PortalAccessServices = Pick<Services, 'clock' | 'debtors' | 'linkSigner' | 'portalUsers'>;

export async function issuePortalLink(
  services: PortalAccessServices,
  actor: Actor,
  debtorId: string,
): Promise<{ link: string; expiresAt: string }> {
  return portalLinkFor(services, await findVisibleDebtor(services.debtors, actor, debtorId));
}

/** The link for a debtor the caller has already read (and may see). */
export async function portalLinkFor(
  services: Pick<Services, 'clock' | 'linkSigner' | 'portalUsers'>,
  debtor: Pick<Debtor, 'tenantId' | 'id'>,
): Promise<{ link: string; expiresAt: string }> {
  await services.portalUsers.ensure(debtor.tenantId, debtor.id);
  const claims = {
    tenantId: debtor.tenantId,
    debtorId: debtor.id,
    expiresAt: portalLinkExpiry(services.clock.now()),
  };
  const mac = await services.linkSigner.sign(portalLinkMessage(claims));
  // A path: the web apps' origin is the client's to put in front (the console, a reminder's base URL).
  return { link: `/portal#link=${encodePortalLink(claims, mac)}`, expiresAt: claims.expiresAt };
}

export async function portalLinkAdmits(
  services: Pick<Services, 'clock' | 'linkSigner'>,
  answer: string,
  user: { tenantId?: string; debtorId?: string },
): Promise<boolean> {
  const decoded = decodePortalLink(answer);
  if (!decoded) return false;
  const { claims, mac } = decoded;
  if (Date.parse(claims.expiresAt) <= services.clock.now().getTime()) return false;
  if (claims.tenantId !== user.tenantId || claims.debtorId !== user.debtorId) return false;
  return services.linkSigner.verify(portalLinkMessage(claims), mac);
}
