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

interface WebConfig {
  cognito: { endpoint: string; clientId: string };
  console: { authorizeUrl: string; tokenUrl: string; clientId: string };
}

async function webConfig(): Promise<WebConfig> {
  return (await (await fetch('/config.json')).json()) as WebConfig;
}

const PKCE_KEY = 'recoup.pkce';

function randomText(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...values))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Staff sign in with the user pool's hosted page: the authorization code flow with PKCE (S256). */
export async function startConsoleSignIn(): Promise<void> {
  const config = await webConfig();
  const verifier = randomText(48);
  const state = randomText(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const challenge = btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(config.console.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.console.clientId,
    redirect_uri: `${location.origin}/auth/callback`,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Back from the hosted page: the code (for this very state) becomes the session's token. */
export async function completeConsoleSignIn(): Promise<boolean> {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PKCE_KEY);
  const code = query.get('code');
  if (!pending || !code || query.get('state') !== pending.state) return false;
  const config = await webConfig();
  const response = await fetch(config.console.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.console.clientId,
      code,
      redirect_uri: `${location.origin}/auth/callback`,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) return false;
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) return false;
  sessionStorage.setItem(KEY, tokens.access_token);
  return true;
}
