/**
 * The link in a reminder that opens the debtor's portal without a password: who it is for
 * (tenant, debtor), until when, and a MAC over exactly that, made with a key only the platform
 * holds (KMS HMAC in AWS). Whoever holds the link is let in as that debtor until it expires — as
 * with a letter in their letterbox — so links are short-lived and name one debtor only.
 */
export const PORTAL_LINK_DAYS = 30;

export interface PortalLinkClaims {
  tenantId: string;
  debtorId: string;
  /** UTC instant after which the link no longer signs anyone in. */
  expiresAt: string;
}

/** The exact bytes the MAC covers: versioned, unambiguous (ids carry no `|`). */
export function portalLinkMessage(claims: PortalLinkClaims): string {
  return `recoup-portal-link:v1|${claims.tenantId}|${claims.debtorId}|${claims.expiresAt}`;
}

/** base64url of UTF-8, the same in Node and in the browser (the portal reads the link too). */
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/gu, '-')
    .replace(/\//gu, '_')
    .replace(/=+$/u, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/gu, '+').replace(/_/gu, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodePortalLink(claims: PortalLinkClaims, mac: string): string {
  return toBase64Url(JSON.stringify({ t: claims.tenantId, d: claims.debtorId, e: claims.expiresAt, m: mac }));
}

export function decodePortalLink(link: string): { claims: PortalLinkClaims; mac: string } | undefined {
  try {
    const value = JSON.parse(fromBase64Url(link)) as Record<string, unknown>;
    const { t, d, e, m } = value;
    if (typeof t !== 'string' || typeof d !== 'string' || typeof e !== 'string' || typeof m !== 'string') {
      return undefined;
    }
    if ([t, d].some((id) => !/^[A-Za-z0-9_-]{1,64}$/u.test(id)) || Number.isNaN(Date.parse(e)))
      return undefined;
    return { claims: { tenantId: t, debtorId: d, expiresAt: e }, mac: m };
  } catch {
    return undefined;
  }
}

export function portalLinkExpiry(now: Date, days = PORTAL_LINK_DAYS): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/**
 * The sign-in name of a debtor's portal user. The user pool signs people in by email, so the
 * portal user has a synthetic address that reaches nobody (`.invalid` is reserved, RFC 2606).
 */
export function portalUsername(tenantId: string, debtorId: string): string {
  return `${debtorId.toLowerCase()}.${tenantId.toLowerCase()}@portal.invalid`;
}
