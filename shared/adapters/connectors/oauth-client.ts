/**
 * The OAuth 2.0 token endpoint calls QuickBooks and Xero share (RFC 6749 §4.1.3 and §6): client
 * credentials in HTTP Basic, form-encoded grant, JSON answer with lifetimes in seconds.
 */
import {
  AuthorizationRevokedError,
  ConnectorProviderError,
  type ConnectorTokens,
} from '../../ports/accounting-connector';

export interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
  redirectUri: string;
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  /** Intuit's name for the refresh token's lifetime. */
  x_refresh_token_expires_in?: number;
  error?: string;
}

/** The client's credentials as RFC 6749 §2.3.1 sends them: HTTP Basic. */
export function basicAuthorization(settings: Pick<OAuthClientSettings, 'clientId' | 'clientSecret'>): string {
  return `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64')}`;
}

/** Revocations run after the connection is gone: a provider that hangs must not hold the request. */
export const REVOCATION_TIMEOUT_MS = 5_000;

export async function requestTokens(
  settings: OAuthClientSettings,
  grant: Record<string, string>,
  now: Date,
): Promise<ConnectorTokens> {
  const response = await fetch(settings.tokenEndpoint, {
    method: 'POST',
    headers: {
      authorization: basicAuthorization(settings),
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(grant).toString(),
  });
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (response.status === 400 || response.status === 401) {
    // invalid_grant: the code was used or the refresh token expired, rotated or was revoked.
    throw new AuthorizationRevokedError(answer.error ?? `status ${response.status}`);
  }
  if (!response.ok || !answer.access_token || !answer.refresh_token || !answer.expires_in) {
    throw new ConnectorProviderError(response.status, answer.error ?? 'the token endpoint gave no tokens');
  }
  const after = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessTokenExpiresAt: after(answer.expires_in),
    ...(answer.x_refresh_token_expires_in
      ? { refreshTokenExpiresAt: after(answer.x_refresh_token_expires_in) }
      : {}),
  };
}
