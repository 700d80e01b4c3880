/**
 * An accounting system Recoup pulls receivables from (QuickBooks Online, Xero; Sage, NetSuite and
 * others by the same contract): OAuth 2.0 authorization code flow with rotating refresh tokens,
 * and an incremental pull by last-modified time in resumable pages.
 */
import type { ConnectorProvider, SourcePage } from '../domain/connectors/source-records';

export interface ConnectorTokens {
  accessToken: string;
  refreshToken: string;
  /** Instants (UTC ISO) after which each token no longer works. */
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt?: string;
}

/** Who the pull acts for: the provider's organisation (QuickBooks realm, Xero tenant) and a token. */
export interface ConnectorSession {
  organisationId: string;
  accessToken: string;
  /** The currency of records that name none (QuickBooks companies without multicurrency). */
  homeCurrency: string;
}

/** The provider asked us to slow down; the pull may be resumed from the same cursor later. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`The provider is rate limiting; retry after ${retryAfterMs} ms`);
    this.name = 'RateLimitedError';
  }
}

/** The access token was refused (expired or revoked): refresh it, then retry once. */
export class AccessTokenRejectedError extends Error {
  constructor() {
    super('The provider refused the access token');
    this.name = 'AccessTokenRejectedError';
  }
}

/** The refresh token or code was refused: the connection must be authorized again. */
export class AuthorizationRevokedError extends Error {
  constructor(detail: string) {
    super(`The provider refused the grant: ${detail}`);
    this.name = 'AuthorizationRevokedError';
  }
}

/** Any other answer the provider should not have given (its fault code, never a token). */
export class ConnectorProviderError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`The provider answered ${status}: ${detail}`);
    this.name = 'ConnectorProviderError';
  }
}

export interface AccountingConnector {
  readonly provider: ConnectorProvider;
  /** Where to send the admin to grant access; `state` comes back with the code. */
  authorizeUrl(state: string): Promise<string>;
  /** Trades the authorization code for tokens (`now` dates their expiry). */
  exchangeCode(code: string, now: Date): Promise<ConnectorTokens>;
  /**
   * The organisation the grant is for: QuickBooks names its realm in the callback (`realmId`);
   * Xero's tenants are listed by its connections endpoint.
   */
  organisation(tokens: ConnectorTokens, callback: { realmId?: string }): Promise<string>;
  /** New tokens for the refresh token; the refresh token may rotate, so keep the answer's. */
  refresh(refreshToken: string, now: Date): Promise<ConnectorTokens>;
  /**
   * Ends Recoup's access to the organisation at the provider: Recoup keeps no access it does not
   * use. Only that organisation's: a grant may span others still connected.
   */
  revoke(tokens: ConnectorTokens, organisationId: string, now: Date): Promise<void>;
  /**
   * The page after `cursor` (the first when absent) of the records changed after `since` (all
   * when absent): customers first, then invoices, credit notes and payments, so that what a
   * record names was pulled before it. The last page has no `nextCursor`.
   */
  pull(session: ConnectorSession, since: string | undefined, cursor: string | undefined): Promise<SourcePage>;
  /**
   * Adds a line to the invoice's internal note in the accounting system, where the provider's
   * API allows it (QuickBooks: `PrivateNote`, by sparse update); absent where it does not.
   * `requestId`, when given, is the provider's idempotency key: the same id adds the line once,
   * however many requests carry it (two retries of one API request racing each other).
   */
  appendInvoiceNote?(
    session: ConnectorSession,
    invoiceSourceId: string,
    line: string,
    requestId?: string,
  ): Promise<void>;
}

/** The connectors a deployment offers, by provider (only the configured ones). */
export type AccountingConnectors = Partial<Record<ConnectorProvider, AccountingConnector>>;
