/**
 * The session's bearer token: taken from the link's fragment (`#token=…`), kept in sessionStorage
 * (gone with the tab), and read back from its claims for what the page needs to know (tenant,
 * roles, the debtor a portal token is for). The API verifies it; the page only reads it.
 */
import { decodePortalLink, portalUsername } from '../../../shared/domain/portal/portal-link';

const KEY = 'recoup.token';

export interface Claims {
  sub: string;
  tenantId: string;
  roles: string[];
  debtorId?: string;
  exp?: number;
}

export function takeTokenFromLink(): void {
  const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]!));
  history.replaceState(null, '', location.pathname + location.search);
}

export function token(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

export function claims(): Claims | undefined {
  const value = token();
  const payload = value?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const groups = json['cognito:groups'];
    return {
      sub: String(json.sub ?? ''),
      tenantId: String(json.tenant_id ?? ''),
      roles: Array.isArray(groups) ? groups.map(String) : [],
      ...(typeof json.debtor_id === 'string' ? { debtorId: json.debtor_id } : {}),
      ...(typeof json.exp === 'number' ? { exp: json.exp } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A portal link in the address (`#link=…`): the debtor's way in, exchanged for a token below. */
export function linkInAddress(): string | undefined {
  const match = /(?:^|&)link=([^&]+)/.exec(location.hash.slice(1));
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * Signs in with a portal link through the user pool's custom challenge (the link is the answer),
 * exactly as Cognito is called in AWS; locally `/config.json` points at the local stand-in.
 */
export async function signInWithLink(link: string): Promise<boolean> {
  history.replaceState(null, '', location.pathname + location.search);
  const decoded = decodePortalLink(link);
  if (!decoded) return false;
  const config = (await (await fetch('/config.json')).json()) as {
    cognito: { endpoint: string; clientId: string };
  };
  const call = (operation: string, body: unknown) =>
    fetch(config.cognito.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  const username = portalUsername(decoded.claims.tenantId, decoded.claims.debtorId);
  const started = await call('InitiateAuth', {
    AuthFlow: 'CUSTOM_AUTH',
    ClientId: config.cognito.clientId,
    AuthParameters: { USERNAME: username },
  });
  if (!started.ok) return false;
  const { Session } = (await started.json()) as { Session: string };
  const answered = await call('RespondToAuthChallenge', {
    ChallengeName: 'CUSTOM_CHALLENGE',
    ClientId: config.cognito.clientId,
    Session,
    ChallengeResponses: { USERNAME: username, ANSWER: link },
  });
  if (!answered.ok) return false;
  const { AuthenticationResult } = (await answered.json()) as {
    AuthenticationResult?: { AccessToken: string };
  };
  if (!AuthenticationResult) return false;
  sessionStorage.setItem(KEY, AuthenticationResult.AccessToken);
  return true;
}
