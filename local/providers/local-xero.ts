/**
 * A local stand-in of the parts of Xero Recoup uses, speaking its documented wire protocol so the
 * real adapter runs unchanged:
 * - `GET /identity/connect/authorize` (consent given at once: 302 to the redirect URI with `code`
 *   and `state`),
 * - `POST /connect/token` (client credentials in Basic; access tokens live 30 minutes; refresh
 *   tokens are single-use: each refresh answers a new one and retires the old),
 * - `GET /connections` (the organisations the token may read: `id`, `tenantId`, `tenantType`),
 * - `DELETE /connections/{id}` (disconnects that organisation: the grant's tokens stop reading it),
 * - `GET /api.xro/2.0/{Contacts|Invoices|CreditNotes|Payments}` with `Xero-Tenant-Id`,
 *   `If-Modified-Since`, `page`, `pageSize`, `where` (`Field=="value"` / `Field==true`) and
 *   `order`, answering `{Id, Status:"OK", ProviderName, DateTimeUTC, <Entity>:[…]}` with
 *   `/Date(ms+0000)/` instants; 401 `TokenExpired`, 403 for a tenant the token may not read, 429
 *   with `Retry-After` and `X-Rate-Limit-Problem`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  XeroContact,
  XeroCreditNote,
  XeroInvoice,
  XeroPayment,
} from '../../shared/domain/connectors/xero-records';
import type { Clock } from '../../shared/ports/clock';
import { listenLocally, type LocalHttpServer } from './local-http-server';
import { requestBody } from './request-body';

export const LOCAL_XERO_CLIENT_ID = 'LOCALXEROCLIENT';
export const LOCAL_XERO_CLIENT_SECRET = 'local-xero-secret';

const ACCESS_TOKEN_SECONDS = 1800;
const ENTITIES = ['Contacts', 'Invoices', 'CreditNotes', 'Payments'] as const;
type Entity = (typeof ENTITIES)[number];
const ID_FIELD: Record<Entity, string> = {
  Contacts: 'ContactID',
  Invoices: 'InvoiceID',
  CreditNotes: 'CreditNoteID',
  Payments: 'PaymentID',
};
type StoredRecord = Record<string, unknown> & { UpdatedDateUTC: string };
export type NewXeroRecord<T> = Omit<
  T,
  'ContactID' | 'InvoiceID' | 'CreditNoteID' | 'PaymentID' | 'UpdatedDateUTC'
>;

/** The tokens of one consent share its grant id, and with it the grant's connection. */
interface Issued {
  tenantId: string;
  grant: string;
  /** The id `GET /connections` names the grant's organisation by. */
  connectionId: string;
  connectedAt: string;
}

export class LocalXero {
  private server: LocalHttpServer | undefined;
  private readonly organisations = new Map<string, Map<Entity, StoredRecord[]>>();
  private readonly codes = new Map<string, string>();
  private readonly refreshTokens = new Map<string, Issued>();
  private readonly accessTokens = new Map<string, Issued & { expiresAt: number }>();
  private throttled = { count: 0, retryAfterSeconds: 0 };
  /** The organisation the next consent connects. */
  consentTenantId = 'a3b9c1d2-0000-4000-8000-000000000001';
  port = 0;
  readonly requests: string[] = [];
  /** The organisations the app disconnected, in order (tests). */
  readonly revokedTenants: string[] = [];

  constructor(private readonly clock: Clock) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<number> {
    this.server = await listenLocally(
      (request, response) => this.handle(request, response),
      (response, error) => json(response, 500, { Title: 'Internal Server Error', Detail: String(error) }),
    );
    this.port = this.server.port;
    return this.port;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  addContact(tenantId: string, record: NewXeroRecord<XeroContact>): XeroContact {
    return this.add(tenantId, 'Contacts', record) as unknown as XeroContact;
  }

  addInvoice(tenantId: string, record: NewXeroRecord<XeroInvoice>): XeroInvoice {
    return this.add(tenantId, 'Invoices', record) as unknown as XeroInvoice;
  }

  addCreditNote(tenantId: string, record: NewXeroRecord<XeroCreditNote>): XeroCreditNote {
    return this.add(tenantId, 'CreditNotes', record) as unknown as XeroCreditNote;
  }

  addPayment(tenantId: string, record: NewXeroRecord<XeroPayment>): XeroPayment {
    return this.add(tenantId, 'Payments', record) as unknown as XeroPayment;
  }

  update(tenantId: string, entity: Entity, id: string, changes: Record<string, unknown>): void {
    const record = this.records(tenantId, entity).find((candidate) => candidate[ID_FIELD[entity]] === id);
    if (!record) throw new Error(`No ${entity} ${id} in ${tenantId}`);
    Object.assign(record, changes, { UpdatedDateUTC: xeroDate(this.clock.now()) });
  }

  throttleNext(count: number, retryAfterSeconds: number): void {
    this.throttled = { count, retryAfterSeconds };
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  private add(tenantId: string, entity: Entity, record: object): StoredRecord {
    const stored = {
      ...record,
      [ID_FIELD[entity]]: randomUUID(),
      UpdatedDateUTC: xeroDate(this.clock.now()),
    } as StoredRecord;
    this.records(tenantId, entity).push(stored);
    return structuredClone(stored);
  }

  private records(tenantId: string, entity: Entity): StoredRecord[] {
    let organisation = this.organisations.get(tenantId);
    if (!organisation)
      this.organisations.set(tenantId, (organisation = new Map(ENTITIES.map((name) => [name, []]))));
    return organisation.get(entity)!;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    this.requests.push(`${request.method} ${url.pathname}${url.search}`);
    if (request.method === 'GET' && url.pathname === '/identity/connect/authorize')
      return this.consent(url, response);
    if (request.method === 'POST' && url.pathname === '/connect/token') {
      return this.token(request, (await requestBody(request)).toString('utf8'), response);
    }
    if (this.throttled.count > 0) {
      this.throttled.count -= 1;
      response.setHeader('retry-after', String(this.throttled.retryAfterSeconds));
      response.setHeader('x-rate-limit-problem', 'minute');
      return json(response, 429, { Title: 'Too Many Requests', Status: 429, Detail: 'Rate limit exceeded' });
    }
    const access = this.access(request);
    if (!access) {
      return json(response, 401, {
        Type: null,
        Title: 'Unauthorized',
        Status: 401,
        Detail: 'TokenExpired: token expired',
      });
    }
    if (request.method === 'GET' && url.pathname === '/connections') {
      return json(response, 200, [
        {
          id: access.connectionId,
          authEventId: access.grant,
          tenantId: access.tenantId,
          tenantType: 'ORGANISATION',
          tenantName: 'Demo Company (Local)',
          createdDateUtc: access.connectedAt,
          updatedDateUtc: access.connectedAt,
        },
      ]);
    }
    const disconnected = /^\/connections\/([^/]+)$/u.exec(url.pathname)?.[1];
    if (request.method === 'DELETE' && disconnected) return this.disconnect(disconnected, response);
    const collection = /^\/api\.xro\/2\.0\/(\w+)$/u.exec(url.pathname)?.[1] as Entity | undefined;
    if (request.method === 'GET' && collection && ENTITIES.includes(collection)) {
      if (request.headers['xero-tenant-id'] !== access.tenantId) {
        return json(response, 403, { Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful' });
      }
      return this.collection(access.tenantId, collection, request, url, response);
    }
    json(response, 404, { Title: 'Not Found', Status: 404, Detail: `${request.method} ${url.pathname}` });
  }

  private access(request: IncomingMessage) {
    const token = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
    const access = token ? this.accessTokens.get(token) : undefined;
    return access && access.expiresAt > this.clock.now().getTime() ? access : undefined;
  }

  private consent(url: URL, response: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('client_id') !== LOCAL_XERO_CLIENT_ID || !redirectUri) {
      return json(response, 400, { error: 'unauthorized_client' });
    }
    const code = randomBytes(20).toString('hex');
    this.codes.set(code, `${this.consentTenantId}\n${redirectUri}`);
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('scope', url.searchParams.get('scope') ?? '');
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    response.writeHead(302, { location: back.toString() });
    response.end();
  }

  /** The organisation leaves the app: the grant's tokens no longer read it. */
  private disconnect(connectionId: string, response: ServerResponse): void {
    const tenants = new Set<string>();
    for (const tokens of [this.refreshTokens, this.accessTokens]) {
      for (const [key, value] of tokens) {
        if (value.connectionId !== connectionId) continue;
        tenants.add(value.tenantId);
        tokens.delete(key);
      }
    }
    if (tenants.size === 0) return json(response, 404, { Title: 'Not Found', Status: 404 });
    this.revokedTenants.push(...tenants);
    response.writeHead(204);
    response.end();
  }

  private clientAuthenticated(request: IncomingMessage): boolean {
    const expected = Buffer.from(`${LOCAL_XERO_CLIENT_ID}:${LOCAL_XERO_CLIENT_SECRET}`).toString('base64');
    return request.headers.authorization === `Basic ${expected}`;
  }

  private token(request: IncomingMessage, body: string, response: ServerResponse): void {
    if (!this.clientAuthenticated(request)) return json(response, 400, { error: 'invalid_client' });
    const form = new URLSearchParams(body);
    let issued: Issued | undefined;
    if (form.get('grant_type') === 'authorization_code') {
      const [granted, redirectUri] = (this.codes.get(form.get('code') ?? '') ?? '').split('\n');
      if (granted && redirectUri === form.get('redirect_uri')) {
        issued = {
          tenantId: granted,
          grant: randomBytes(8).toString('hex'),
          connectionId: randomUUID(),
          connectedAt: this.clock.now().toISOString(),
        };
      }
      this.codes.delete(form.get('code') ?? '');
    } else if (form.get('grant_type') === 'refresh_token') {
      issued = this.refreshTokens.get(form.get('refresh_token') ?? '');
      this.refreshTokens.delete(form.get('refresh_token') ?? '');
    }
    if (!issued) return json(response, 400, { error: 'invalid_grant' });
    const accessToken = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString('base64url')}`;
    const refreshToken = randomBytes(32).toString('hex');
    this.accessTokens.set(accessToken, {
      ...issued,
      expiresAt: this.clock.now().getTime() + ACCESS_TOKEN_SECONDS * 1000,
    });
    this.refreshTokens.set(refreshToken, issued);
    json(response, 200, {
      id_token: `eyJhbGciOiJSUzI1NiJ9.${randomBytes(16).toString('base64url')}`,
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      token_type: 'Bearer',
      refresh_token: refreshToken,
      scope: 'openid offline_access accounting.contacts.read accounting.transactions.read',
    });
  }

  private collection(
    tenantId: string,
    entity: Entity,
    request: IncomingMessage,
    url: URL,
    response: ServerResponse,
  ) {
    const sinceHeader = request.headers['if-modified-since'];
    const since =
      typeof sinceHeader === 'string'
        ? new Date(sinceHeader.endsWith('Z') ? sinceHeader : `${sinceHeader}Z`).getTime()
        : undefined;
    const where = url.searchParams.get('where');
    const condition = where ? /^(\w+)==(?:"([^"]*)"|(true|false))$/u.exec(where) : undefined;
    if (where && !condition)
      return json(response, 400, { Title: 'Bad Request', Detail: `Unsupported where: ${where}` });
    const order = url.searchParams.get('order') ?? ID_FIELD[entity];
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const pageSize = Math.min(Math.max(1, Number(url.searchParams.get('pageSize') ?? 100)), 1000);
    const matching = this.records(tenantId, entity)
      .filter((record) => since === undefined || instantOf(record.UpdatedDateUTC) > since)
      .filter((record) => {
        if (!condition) return true;
        const value = record[condition[1]!];
        return condition[2] !== undefined ? value === condition[2] : value === (condition[3] === 'true');
      })
      .sort((a, b) => String(a[order] ?? '').localeCompare(String(b[order] ?? '')));
    if (since !== undefined && matching.length === 0) {
      response.writeHead(304);
      response.end();
      return;
    }
    json(response, 200, {
      Id: randomUUID(),
      Status: 'OK',
      ProviderName: 'Recoup (local)',
      DateTimeUTC: xeroDate(this.clock.now()),
      [entity]: matching.slice((page - 1) * pageSize, page * pageSize),
    });
  }
}

function xeroDate(at: Date): string {
  return `/Date(${at.getTime()}+0000)/`;
}

function instantOf(text: string): number {
  return Number(/^\/Date\((-?\d+)/u.exec(text)?.[1] ?? Number.NaN);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'xero-correlation-id': randomUUID(),
  });
  response.end(JSON.stringify(body));
}
