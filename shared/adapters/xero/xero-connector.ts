/**
 * Xero through its Accounting API: OAuth 2.0 with Xero Identity (refresh tokens are single-use:
 * every refresh answers a new one to keep), the organisation from `GET /connections`, and the
 * collections `GET /api.xro/2.0/{Contacts|Invoices|CreditNotes|Payments}?page=n&pageSize=m&where=…
 * &order=<id>` with the `Xero-Tenant-Id` and `If-Modified-Since` headers, paged entity by entity.
 * Ordered by id, a record changed during the pull keeps its place, so none is skipped.
 */
import {
  creditNoteFromXero,
  customerFromXero,
  invoiceFromXero,
  paymentFromXero,
  type XeroContact,
  type XeroCreditNote,
  type XeroInvoice,
  type XeroPayment,
} from '../../domain/connectors/xero-records';
import { emptyPage, type SourcePage } from '../../domain/connectors/source-records';
import {
  ConnectorProviderError,
  type AccountingConnector,
  type ConnectorSession,
  type ConnectorTokens,
} from '../../ports/accounting-connector';
import { REVOCATION_TIMEOUT_MS, requestTokens, type OAuthClientSettings } from '../connectors/oauth-client';
import {
  defaultRetryPolicy,
  fetchWaitingOutRateLimits,
  type RetryPolicy,
} from '../connectors/rate-limited-fetch';

export const XERO_AUTHORIZE_ENDPOINT = 'https://login.xero.com/identity/connect/authorize';
export const XERO_TOKEN_ENDPOINT = 'https://identity.xero.com/connect/token';
export const XERO_API_BASE_URL = 'https://api.xero.com';
/** Read-only: Recoup reads the books; offline_access brings the refresh token. */
export const XERO_SCOPES = 'openid offline_access accounting.contacts.read accounting.transactions.read';

export interface XeroSettings extends OAuthClientSettings {
  authorizeEndpoint?: string;
  apiBaseUrl?: string;
  /** Records per page (Xero allows up to 1000; 100 by default). */
  pageSize?: number;
  retry?: RetryPolicy;
}

const ENTITIES = {
  Contacts: { where: 'IsCustomer==true', order: 'ContactID' },
  Invoices: { where: 'Type=="ACCREC"', order: 'InvoiceID' },
  CreditNotes: { where: 'Type=="ACCRECCREDIT"', order: 'CreditNoteID' },
  Payments: { where: 'PaymentType=="ACCRECPAYMENT"', order: 'PaymentID' },
} as const;
type Entity = keyof typeof ENTITIES;
const ORDER = Object.keys(ENTITIES) as Entity[];

interface Cursor {
  entity: Entity;
  page: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor {
  if (!text) return { entity: ORDER[0]!, page: 1 };
  const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
  if (!ORDER.includes(cursor.entity) || !Number.isSafeInteger(cursor.page) || cursor.page < 1) {
    throw new RangeError('Not a Xero cursor');
  }
  return cursor;
}

/** Xero reads If-Modified-Since as a UTC timestamp without zone: `2027-03-10T09:00:00`. */
export function ifModifiedSince(since: string): string {
  return new Date(since).toISOString().slice(0, 19);
}

export class XeroConnector implements AccountingConnector {
  readonly provider = 'xero' as const;
  private readonly pageSize: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly settings: XeroSettings) {
    this.pageSize = settings.pageSize ?? 100;
    this.retry = settings.retry ?? defaultRetryPolicy;
  }

  async authorizeUrl(state: string): Promise<string> {
    const url = new URL(this.settings.authorizeEndpoint ?? XERO_AUTHORIZE_ENDPOINT);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
      scope: XERO_SCOPES,
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

  refresh(refreshToken: string, now: Date): Promise<ConnectorTokens> {
    return requestTokens(this.settings, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
  }

  /**
   * Disconnects this organisation alone: `DELETE /connections/{id}` of its connection. Revoking the
   * refresh token would end every organisation the same Xero user connected, and a tenant may hold
   * several.
   */
  async revoke(tokens: ConnectorTokens, organisationId: string, now: Date): Promise<void> {
    const current =
      new Date(tokens.accessTokenExpiresAt) > now ? tokens : await this.refresh(tokens.refreshToken, now);
    const headers = { authorization: `Bearer ${current.accessToken}`, accept: 'application/json' };
    const signal = () => AbortSignal.timeout(REVOCATION_TIMEOUT_MS);
    const listed = await fetch(`${this.base()}/connections`, { headers, signal: signal() });
    const connections = (await listed.json().catch(() => [])) as { id: string; tenantId: string }[];
    if (!listed.ok) throw new ConnectorProviderError(listed.status, 'the connections could not be listed');
    const connection = connections.find((candidate) => candidate.tenantId === organisationId);
    if (!connection) return;
    const deleted = await fetch(`${this.base()}/connections/${encodeURIComponent(connection.id)}`, {
      method: 'DELETE',
      headers,
      signal: signal(),
    });
    await deleted.arrayBuffer();
    if (!deleted.ok && deleted.status !== 404) {
      throw new ConnectorProviderError(deleted.status, 'the connection could not be deleted');
    }
  }

  /** The organisation this grant connected: the newest ORGANISATION among the grant's connections. */
  async organisation(tokens: ConnectorTokens): Promise<string> {
    const response = await fetchWaitingOutRateLimits(
      `${this.base()}/connections`,
      { headers: { authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json' } },
      this.retry,
    );
    const connections = (await response.json().catch(() => [])) as {
      tenantId: string;
      tenantType: string;
      createdDateUtc?: string;
    }[];
    const organisation = connections
      .filter((connection) => connection.tenantType === 'ORGANISATION')
      .sort((a, b) => (b.createdDateUtc ?? '').localeCompare(a.createdDateUtc ?? ''))[0];
    if (!response.ok || !organisation)
      throw new ConnectorProviderError(response.status, 'no organisation was connected');
    return organisation.tenantId;
  }

  async pull(
    session: ConnectorSession,
    since: string | undefined,
    cursorText: string | undefined,
  ): Promise<SourcePage> {
    const cursor = decodeCursor(cursorText);
    const { where, order } = ENTITIES[cursor.entity];
    const url = new URL(`${this.base()}/api.xro/2.0/${cursor.entity}`);
    url.search = new URLSearchParams({
      page: String(cursor.page),
      pageSize: String(this.pageSize),
      where,
      order,
    }).toString();
    const response = await fetchWaitingOutRateLimits(
      url.toString(),
      {
        headers: {
          authorization: `Bearer ${session.accessToken}`,
          'xero-tenant-id': session.organisationId,
          accept: 'application/json',
          ...(since ? { 'if-modified-since': ifModifiedSince(since) } : {}),
        },
      },
      this.retry,
    );
    // 304: nothing changed since.
    const answer = (response.status === 304 ? {} : await response.json().catch(() => ({}))) as Partial<
      Record<Entity, unknown[]>
    > & { Detail?: string; Message?: string; Title?: string };
    if (!response.ok && response.status !== 304) {
      throw new ConnectorProviderError(
        response.status,
        answer.Detail ?? answer.Message ?? answer.Title ?? 'error',
      );
    }
    const records = answer[cursor.entity] ?? [];
    const page = emptyPage();
    switch (cursor.entity) {
      case 'Contacts':
        page.customers = (records as XeroContact[]).map(customerFromXero);
        break;
      case 'Invoices':
        page.invoices = (records as XeroInvoice[]).map(invoiceFromXero);
        break;
      case 'CreditNotes':
        page.creditNotes = (records as XeroCreditNote[]).map(creditNoteFromXero);
        break;
      case 'Payments':
        page.payments = (records as XeroPayment[]).map((record) =>
          paymentFromXero(record, session.homeCurrency),
        );
        break;
    }
    const following = ORDER[ORDER.indexOf(cursor.entity) + 1];
    const next: Cursor | undefined =
      records.length >= this.pageSize
        ? { entity: cursor.entity, page: cursor.page + 1 }
        : following && { entity: following, page: 1 };
    return next ? { ...page, nextCursor: encodeCursor(next) } : page;
  }

  private base(): string {
    return this.settings.apiBaseUrl ?? XERO_API_BASE_URL;
  }
}
