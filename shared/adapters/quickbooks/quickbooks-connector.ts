/**
 * QuickBooks Online through its Accounting API: OAuth 2.0 with Intuit (the refresh token rotates:
 * every refresh answers a new one to keep), and the Query endpoint
 * `GET /v3/company/{realmId}/query?query=SELECT * FROM Customer WHERE MetaData.LastUpdatedTime >
 * '…' ORDERBY Id STARTPOSITION n MAXRESULTS m&minorversion=…`, paged entity by entity. Ordered by
 * Id, a record changed during the pull keeps its place, so none is skipped.
 */
import {
  creditNoteFromQuickBooks,
  customerFromQuickBooks,
  invoiceFromQuickBooks,
  paymentFromQuickBooks,
  type QuickBooksCreditMemo,
  type QuickBooksCustomer,
  type QuickBooksInvoice,
  type QuickBooksPayment,
} from '../../domain/connectors/quickbooks-records';
import { emptyPage, type SourcePage } from '../../domain/connectors/source-records';
import { ValidationError } from '../../domain/errors';
import {
  ConnectorProviderError,
  type AccountingConnector,
  type ConnectorSession,
  type ConnectorTokens,
} from '../../ports/accounting-connector';
import {
  basicAuthorization,
  REVOCATION_TIMEOUT_MS,
  requestTokens,
  type OAuthClientSettings,
} from '../connectors/oauth-client';
import {
  defaultRetryPolicy,
  fetchWaitingOutRateLimits,
  type RetryPolicy,
} from '../connectors/rate-limited-fetch';

export const INTUIT_AUTHORIZE_ENDPOINT = 'https://appcenter.intuit.com/connect/oauth2';
export const INTUIT_TOKEN_ENDPOINT = 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer';
export const INTUIT_REVOCATION_ENDPOINT = 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke';
export const QUICKBOOKS_API_BASE_URL = 'https://quickbooks.api.intuit.com';
export const QUICKBOOKS_SANDBOX_API_BASE_URL = 'https://sandbox-quickbooks.api.intuit.com';
/** The Accounting API's minor version Recoup reads (field set of the entities above). */
export const QUICKBOOKS_MINOR_VERSION = '75';

export interface QuickBooksSettings extends OAuthClientSettings {
  authorizeEndpoint?: string;
  revocationEndpoint?: string;
  apiBaseUrl?: string;
  /** Records per query page (QuickBooks allows up to 1000). */
  pageSize?: number;
  retry?: RetryPolicy;
}

/** QuickBooks keeps at most this many characters in an invoice's PrivateNote. */
export const PRIVATE_NOTE_LIMIT = 4000;

/** The note with the line added; the oldest lines give way when it would grow past the limit. */
export function appendedNote(existing: string | undefined, line: string): string {
  const lines = [...(existing ? existing.split('\n') : []), line.slice(0, PRIVATE_NOTE_LIMIT)];
  while (lines.join('\n').length > PRIVATE_NOTE_LIMIT) lines.shift();
  return lines.join('\n');
}

/** Pulled in this order: what a record names comes before it. */
const ENTITIES = ['Customer', 'Invoice', 'CreditMemo', 'Payment'] as const;
type Entity = (typeof ENTITIES)[number];

interface Cursor {
  entity: Entity;
  startPosition: number;
}

interface QueryAnswer {
  QueryResponse?: Partial<Record<Entity, unknown[]>> & { startPosition?: number; maxResults?: number };
  Fault?: { type?: string; Error?: { Message?: string; Detail?: string; code?: string }[] };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor {
  if (!text) return { entity: ENTITIES[0], startPosition: 1 };
  const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
  if (
    !ENTITIES.includes(cursor.entity) ||
    !Number.isSafeInteger(cursor.startPosition) ||
    cursor.startPosition < 1
  ) {
    throw new RangeError('Not a QuickBooks cursor');
  }
  return cursor;
}

/** QuickBooks compares LastUpdatedTime with an ISO instant; quotes cannot occur in one. */
export function quickBooksQuery(
  entity: Entity,
  since: string | undefined,
  cursor: Cursor,
  pageSize: number,
): string {
  const where = since ? ` WHERE MetaData.LastUpdatedTime > '${since}'` : '';
  return `SELECT * FROM ${entity}${where} ORDERBY Id STARTPOSITION ${cursor.startPosition} MAXRESULTS ${pageSize}`;
}

export class QuickBooksConnector implements AccountingConnector {
  readonly provider = 'quickbooks' as const;
  private readonly pageSize: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly settings: QuickBooksSettings) {
    this.pageSize = settings.pageSize ?? 500;
    this.retry = settings.retry ?? defaultRetryPolicy;
  }

  async authorizeUrl(state: string): Promise<string> {
    const url = new URL(this.settings.authorizeEndpoint ?? INTUIT_AUTHORIZE_ENDPOINT);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      response_type: 'code',
      scope: 'com.intuit.quickbooks.accounting',
      redirect_uri: this.settings.redirectUri,
      state,
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, now: Date): Promise<ConnectorTokens> {
    return requestTokens(
      this.settings,
      { grant_type: 'authorization_code', code, redirect_uri: this.settings.redirectUri },
      now,
    );
  }

  async organisation(_tokens: ConnectorTokens, callback: { realmId?: string }): Promise<string> {
    // The callback's own query is short of the company: the request's fault, not Intuit's.
    if (!callback.realmId)
      throw new ValidationError([{ path: 'realmId', message: 'is required for QuickBooks' }]);
    return callback.realmId;
  }

  refresh(refreshToken: string, now: Date): Promise<ConnectorTokens> {
    return requestTokens(this.settings, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
  }

  /**
   * Revoking the refresh token disconnects the app from the company the grant is for (RFC 7009,
   * with the token as JSON, as Intuit takes it; an unknown token is answered 200 as well).
   */
  async revoke(tokens: ConnectorTokens): Promise<void> {
    const response = await fetch(this.settings.revocationEndpoint ?? INTUIT_REVOCATION_ENDPOINT, {
      method: 'POST',
      headers: {
        authorization: basicAuthorization(this.settings),
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ token: tokens.refreshToken }),
      signal: AbortSignal.timeout(REVOCATION_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) {
      throw new ConnectorProviderError(response.status, 'the revocation endpoint refused the token');
    }
  }

  /**
   * Reads the invoice for its SyncToken, then sends a sparse update of `PrivateNote` only;
   * QuickBooks refuses a stale SyncToken (someone changed the invoice meanwhile): read again.
   */
  async appendInvoiceNote(
    session: ConnectorSession,
    invoiceSourceId: string,
    line: string,
    requestId?: string,
  ): Promise<void> {
    const company = `${this.base()}/v3/company/${encodeURIComponent(session.organisationId)}`;
    const headers = { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' };
    for (let attempt = 1; ; attempt += 1) {
      const read = await fetchWaitingOutRateLimits(
        `${company}/invoice/${encodeURIComponent(invoiceSourceId)}?minorversion=${QUICKBOOKS_MINOR_VERSION}`,
        { headers },
        this.retry,
      );
      const current = (await read.json().catch(() => ({}))) as { Invoice?: QuickBooksInvoice } & QueryAnswer;
      if (!read.ok || !current.Invoice) throw faultOf(read.status, current);
      // One request id per attempt: QuickBooks answers a repeated id as it answered it first, so
      // the attempt after a stale SyncToken needs its own, and a racing duplicate shares it.
      const idempotency = requestId ? `&requestid=${encodeURIComponent(`${requestId}-${attempt}`)}` : '';
      const update = await fetchWaitingOutRateLimits(
        `${company}/invoice?minorversion=${QUICKBOOKS_MINOR_VERSION}${idempotency}`,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            Id: current.Invoice.Id,
            SyncToken: current.Invoice.SyncToken,
            sparse: true,
            PrivateNote: appendedNote(current.Invoice.PrivateNote, line),
          }),
        },
        this.retry,
      );
      if (update.ok) return;
      const answer = (await update.json().catch(() => ({}))) as QueryAnswer;
      const stale = answer.Fault?.Error?.some((error) => error.code === '5010');
      if (!stale || attempt >= 3) throw faultOf(update.status, answer);
    }
  }

  async pull(
    session: ConnectorSession,
    since: string | undefined,
    cursorText: string | undefined,
  ): Promise<SourcePage> {
    const cursor = decodeCursor(cursorText);
    const url = new URL(`${this.base()}/v3/company/${encodeURIComponent(session.organisationId)}/query`);
    url.search = new URLSearchParams({
      query: quickBooksQuery(cursor.entity, since, cursor, this.pageSize),
      minorversion: QUICKBOOKS_MINOR_VERSION,
    }).toString();
    const response = await fetchWaitingOutRateLimits(
      url.toString(),
      { headers: { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' } },
      this.retry,
    );
    const answer = (await response.json().catch(() => ({}))) as QueryAnswer;
    if (!response.ok || answer.Fault || !answer.QueryResponse) throw faultOf(response.status, answer);
    const records = answer.QueryResponse[cursor.entity] ?? [];
    const page = emptyPage();
    const home = session.homeCurrency;
    switch (cursor.entity) {
      case 'Customer':
        page.customers = (records as QuickBooksCustomer[]).map(customerFromQuickBooks);
        break;
      case 'Invoice':
        page.invoices = (records as QuickBooksInvoice[]).map((record) => invoiceFromQuickBooks(record, home));
        break;
      case 'CreditMemo':
        page.creditNotes = (records as QuickBooksCreditMemo[]).map((record) =>
          creditNoteFromQuickBooks(record, home),
        );
        break;
      case 'Payment':
        page.payments = (records as QuickBooksPayment[]).map((record) => paymentFromQuickBooks(record, home));
        break;
    }
    // A full page may have more after it; a short one ends the entity.
    const next: Cursor | undefined =
      records.length >= this.pageSize
        ? { entity: cursor.entity, startPosition: cursor.startPosition + records.length }
        : ENTITIES[ENTITIES.indexOf(cursor.entity) + 1] && {
            entity: ENTITIES[ENTITIES.indexOf(cursor.entity) + 1]!,
            startPosition: 1,
          };
    return next ? { ...page, nextCursor: encodeCursor(next) } : page;
  }

  private base(): string {
    return this.settings.apiBaseUrl ?? QUICKBOOKS_API_BASE_URL;
  }
}

/** A QuickBooks `Fault` as an error naming its code and message (never a token). */
function faultOf(status: number, answer: QueryAnswer): ConnectorProviderError {
  const error = answer.Fault?.Error?.[0];
  return new ConnectorProviderError(
    status,
    error ? `${error.code ?? ''} ${error.Message ?? ''}`.trim() : 'no answer',
  );
}
