/**
 * A local stand-in of the parts of QuickBooks Online Recoup uses, speaking Intuit's documented
 * wire protocol so the real adapter runs unchanged:
 * - `GET /connect/oauth2` (the consent page; here consent is given at once: 302 to the
 *   redirect URI with `code`, `state` and `realmId`),
 * - `POST /oauth2/v1/tokens/bearer` (client credentials in Basic; `authorization_code` and
 *   `refresh_token` grants; access tokens live an hour, each refresh rotates the refresh token
 *   and retires the old one; `{"error":"invalid_grant"}` otherwise),
 * - `POST /v2/oauth2/tokens/revoke` (Basic; JSON `{"token": …}`, a refresh or access token: the
 *   whole grant it belongs to ends; 200 also for a token not known, as RFC 7009 has it),
 * - `GET /v3/company/{realmId}/query?query=…&minorversion=…` answering
 *   `{QueryResponse:{<Entity>:[…],startPosition,maxResults},time}` for
 *   `SELECT * FROM <Entity> [WHERE MetaData.LastUpdatedTime > '…'] [ORDERBY Id]
 *   [STARTPOSITION n] [MAXRESULTS m]`, `Fault` bodies for errors (401 AuthenticationFailed,
 *   400 QueryParserError, 429 ThrottleExceeded with `Retry-After`),
 * - `GET /v3/company/{realmId}/invoice/{id}` and `POST /v3/company/{realmId}/invoice` (a sparse
 *   update of `PrivateNote`; a stale `SyncToken` is refused with 5010 Stale Object Error; a
 *   `requestid` seen before gets the answer it got then, and changes nothing).
 * Tests and `npm start` put companies' records in with the methods below.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  QuickBooksCreditMemo,
  QuickBooksCustomer,
  QuickBooksInvoice,
  QuickBooksPayment,
} from '../../shared/domain/connectors/quickbooks-records';
import type { Clock } from '../../shared/ports/clock';
import { listenLocally, type LocalHttpServer } from './local-http-server';
import { requestBody } from './request-body';

export const LOCAL_QUICKBOOKS_CLIENT_ID = 'local-quickbooks-client';
export const LOCAL_QUICKBOOKS_CLIENT_SECRET = 'local-quickbooks-secret';

const ACCESS_TOKEN_SECONDS = 3600;
const REFRESH_TOKEN_SECONDS = 8_726_400;
const ENTITIES = ['Customer', 'Invoice', 'CreditMemo', 'Payment'] as const;
type Entity = (typeof ENTITIES)[number];
type EntityRecord = { Id: string; MetaData: { CreateTime?: string; LastUpdatedTime: string } } & Record<
  string,
  unknown
>;

/** Records without Id and MetaData: the stand-in assigns them as QuickBooks does. */
export type NewRecord<T> = Omit<T, 'Id' | 'MetaData'>;

interface Grant {
  realmId: string;
  redirectUri: string;
}

/** The tokens of one consent share its grant id: revoking any of them ends them all. */
interface Issued {
  realmId: string;
  grant: string;
}

export class LocalQuickBooks {
  private server: LocalHttpServer | undefined;
  private readonly realms = new Map<string, Map<Entity, EntityRecord[]>>();
  private readonly codes = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Issued>();
  private readonly accessTokens = new Map<string, Issued & { expiresAt: number }>();
  /** Answers by realm and `requestid`: QuickBooks answers a repeated request id as the first time. */
  private readonly answered = new Map<string, Answer>();
  private nextId = 1;
  private throttled = { count: 0, retryAfterSeconds: 0, afterCalls: 0 };
  /** The company the next consent grants (a test may name its own). */
  consentRealmId = '9130350000000001';
  port = 0;
  /** Every query received, for tests that check paging. */
  readonly queries: string[] = [];
  /** The companies whose grants the app revoked, in order (tests). */
  readonly revokedRealms: string[] = [];

  constructor(private readonly clock: Clock) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<number> {
    this.server = await listenLocally(
      (request, response) => this.handle(request, response),
      (response, error) => fault(response, 500, 'SystemFault', '10000', String(error)),
    );
    this.port = this.server.port;
    return this.port;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  addCustomer(realmId: string, record: NewRecord<QuickBooksCustomer>): QuickBooksCustomer {
    return this.add(realmId, 'Customer', record) as unknown as QuickBooksCustomer;
  }

  addInvoice(realmId: string, record: NewRecord<QuickBooksInvoice>): QuickBooksInvoice {
    return this.add(realmId, 'Invoice', record) as unknown as QuickBooksInvoice;
  }

  addCreditMemo(realmId: string, record: NewRecord<QuickBooksCreditMemo>): QuickBooksCreditMemo {
    return this.add(realmId, 'CreditMemo', record) as unknown as QuickBooksCreditMemo;
  }

  addPayment(realmId: string, record: NewRecord<QuickBooksPayment>): QuickBooksPayment {
    return this.add(realmId, 'Payment', record) as unknown as QuickBooksPayment;
  }

  /** A sparse update: the named fields change, LastUpdatedTime moves to now. */
  update(realmId: string, entity: Entity, id: string, changes: Record<string, unknown>): void {
    const record = this.records(realmId, entity).find((candidate) => candidate.Id === id);
    if (!record) throw new Error(`No ${entity} ${id} in realm ${realmId}`);
    Object.assign(record, changes, {
      MetaData: { ...record.MetaData, LastUpdatedTime: this.clock.now().toISOString() },
    });
  }

  /** A record as the company holds it now (tests). */
  record(realmId: string, entity: Entity, id: string): Record<string, unknown> {
    const found = this.records(realmId, entity).find((candidate) => candidate.Id === id);
    if (!found) throw new Error(`No ${entity} ${id} in realm ${realmId}`);
    return structuredClone(found);
  }

  /** After `afterCalls` more API calls, the next `count` answer 429 ThrottleExceeded with this Retry-After. */
  throttleNext(count: number, retryAfterSeconds: number, afterCalls = 0): void {
    this.throttled = { count, retryAfterSeconds, afterCalls };
  }

  /** The company's owner disconnects the app: every token issued so far is refused. */
  revokeGrants(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  /** Every access token issued so far stops working (as an hour passing would do). */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  private add(realmId: string, entity: Entity, record: object): EntityRecord {
    const at = this.clock.now().toISOString();
    const stored = {
      ...record,
      Id: String(this.nextId++),
      SyncToken: '0',
      MetaData: { CreateTime: at, LastUpdatedTime: at },
    } as EntityRecord;
    this.records(realmId, entity).push(stored);
    return structuredClone(stored);
  }

  private records(realmId: string, entity: Entity): EntityRecord[] {
    let realm = this.realms.get(realmId);
    if (!realm) this.realms.set(realmId, (realm = new Map(ENTITIES.map((name) => [name, []]))));
    return realm.get(entity)!;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/connect/oauth2') return this.consent(url, response);
    if (request.method === 'POST' && url.pathname === '/oauth2/v1/tokens/bearer') {
      return this.token(request, (await requestBody(request)).toString('utf8'), response);
    }
    if (request.method === 'POST' && url.pathname === '/v2/oauth2/tokens/revoke') {
      return this.revoke(request, (await requestBody(request)).toString('utf8'), response);
    }
    const company = /^\/v3\/company\/([^/]+)\/(query|invoice)(?:\/([^/]+))?$/u.exec(url.pathname);
    if (company) {
      const realmId = decodeURIComponent(company[1]!);
      if (this.refuse(realmId, request, response)) return;
      if (request.method === 'GET' && company[2] === 'query' && !company[3])
        return this.query(realmId, url, response);
      if (request.method === 'GET' && company[2] === 'invoice' && company[3]) {
        return this.readInvoice(realmId, decodeURIComponent(company[3]), response);
      }
      if (request.method === 'POST' && company[2] === 'invoice' && !company[3]) {
        const body = (await requestBody(request)).toString('utf8');
        const requestId = url.searchParams.get('requestid');
        const key = requestId && `${realmId}\u0000${requestId}`;
        const earlier = key ? this.answered.get(key) : undefined;
        if (earlier) return json(response, earlier.status, earlier.body);
        const answer = this.updateInvoice(realmId, body);
        if (key) this.answered.set(key, answer);
        return json(response, answer.status, answer.body);
      }
    }
    fault(response, 404, 'ValidationFault', '610', `Unsupported ${request.method} ${url.pathname}`);
  }

  private consent(url: URL, response: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('client_id') !== LOCAL_QUICKBOOKS_CLIENT_ID || !redirectUri) {
      return json(response, 400, { error: 'invalid_request' });
    }
    const code = `AB11${randomBytes(16).toString('hex')}`;
    this.codes.set(code, { realmId: this.consentRealmId, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    back.searchParams.set('realmId', this.consentRealmId);
    response.writeHead(302, { location: back.toString() });
    response.end();
  }

  private clientAuthenticated(request: IncomingMessage): boolean {
    const expected = Buffer.from(`${LOCAL_QUICKBOOKS_CLIENT_ID}:${LOCAL_QUICKBOOKS_CLIENT_SECRET}`).toString(
      'base64',
    );
    return request.headers.authorization === `Basic ${expected}`;
  }

  private revoke(request: IncomingMessage, body: string, response: ServerResponse): void {
    if (!this.clientAuthenticated(request)) return json(response, 401, { error: 'invalid_client' });
    const token = (JSON.parse(body || '{}') as { token?: unknown }).token;
    if (typeof token !== 'string' || !token) return json(response, 400, { error: 'invalid_request' });
    const issued = this.refreshTokens.get(token) ?? this.accessTokens.get(token);
    if (issued) {
      for (const tokens of [this.refreshTokens, this.accessTokens]) {
        for (const [key, value] of tokens) if (value.grant === issued.grant) tokens.delete(key);
      }
      this.revokedRealms.push(issued.realmId);
    }
    response.writeHead(200);
    response.end();
  }

  private token(request: IncomingMessage, body: string, response: ServerResponse): void {
    if (!this.clientAuthenticated(request)) return json(response, 401, { error: 'invalid_client' });
    const form = new URLSearchParams(body);
    let issued: Issued | undefined;
    if (form.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      // A code works once, and only with the redirect URI it was issued for.
      if (grant && grant.redirectUri === form.get('redirect_uri')) {
        issued = { realmId: grant.realmId, grant: randomBytes(8).toString('hex') };
      }
      this.codes.delete(form.get('code') ?? '');
    } else if (form.get('grant_type') === 'refresh_token') {
      issued = this.refreshTokens.get(form.get('refresh_token') ?? '');
      this.refreshTokens.delete(form.get('refresh_token') ?? '');
    }
    if (!issued) return json(response, 400, { error: 'invalid_grant' });
    const accessToken = `eyJlbmMiOi${randomBytes(24).toString('base64url')}`;
    const refreshToken = `RT1-${randomBytes(24).toString('hex')}`;
    this.accessTokens.set(accessToken, {
      ...issued,
      expiresAt: this.clock.now().getTime() + ACCESS_TOKEN_SECONDS * 1000,
    });
    this.refreshTokens.set(refreshToken, issued);
    json(response, 200, {
      token_type: 'bearer',
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      x_refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
    });
  }

  /** Throttling and authentication, as every company endpoint answers them; true when refused. */
  private refuse(realmId: string, request: IncomingMessage, response: ServerResponse): boolean {
    if (this.throttled.count > 0 && this.throttled.afterCalls > 0) {
      this.throttled.afterCalls -= 1;
    } else if (this.throttled.count > 0) {
      this.throttled.count -= 1;
      response.setHeader('retry-after', String(this.throttled.retryAfterSeconds));
      fault(response, 429, 'ThrottlingFault', '003001', 'ThrottleExceeded');
      return true;
    }
    const token = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1];
    const access = token ? this.accessTokens.get(token) : undefined;
    if (!access || access.realmId !== realmId || access.expiresAt <= this.clock.now().getTime()) {
      fault(
        response,
        401,
        'AUTHENTICATION',
        '3200',
        'message=AuthenticationFailed; errorCode=003200; statusCode=401',
      );
      return true;
    }
    return false;
  }

  private readInvoice(realmId: string, id: string, response: ServerResponse): void {
    const invoice = this.records(realmId, 'Invoice').find((record) => record.Id === id);
    if (!invoice) return fault(response, 400, 'ValidationFault', '610', 'Object Not Found');
    json(response, 200, { Invoice: invoice, time: this.clock.now().toISOString() });
  }

  /** Sparse updates of PrivateNote only (what Recoup sends); a stale SyncToken is refused. */
  private updateInvoice(realmId: string, body: string): Answer {
    const change = JSON.parse(body) as {
      Id?: string;
      SyncToken?: string;
      sparse?: boolean;
      PrivateNote?: string;
    };
    const invoice = this.records(realmId, 'Invoice').find((record) => record.Id === change.Id);
    if (!invoice) return faultAnswer(400, 'ValidationFault', '610', 'Object Not Found');
    if (
      change.sparse !== true ||
      typeof change.PrivateNote !== 'string' ||
      change.PrivateNote.length > 4000
    ) {
      return faultAnswer(400, 'ValidationFault', '2020', 'Required param missing or invalid: PrivateNote');
    }
    if (change.SyncToken !== invoice.SyncToken) {
      return faultAnswer(400, 'ValidationFault', '5010', 'Stale Object Error');
    }
    this.update(realmId, 'Invoice', invoice.Id, {
      PrivateNote: change.PrivateNote,
      SyncToken: String(Number(invoice.SyncToken) + 1),
    });
    return { status: 200, body: { Invoice: invoice, time: this.clock.now().toISOString() } };
  }

  private query(realmId: string, url: URL, response: ServerResponse): void {
    const text = url.searchParams.get('query') ?? '';
    this.queries.push(text);
    const parsed =
      /^SELECT \* FROM (\w+)(?: WHERE MetaData\.LastUpdatedTime > '([^']+)')?(?: ORDERBY (Id|MetaData\.LastUpdatedTime))?(?: STARTPOSITION (\d+))?(?: MAXRESULTS (\d+))?$/iu.exec(
        text.trim(),
      );
    const entity = ENTITIES.find((name) => name.toLowerCase() === parsed?.[1]?.toLowerCase());
    if (!parsed || !entity)
      return fault(response, 400, 'ValidationFault', '4000', `QueryParserError: ${text}`);
    const since = parsed[2] ? new Date(parsed[2]).getTime() : undefined;
    if (since !== undefined && Number.isNaN(since)) {
      return fault(response, 400, 'ValidationFault', '4000', 'QueryValidationError: bad LastUpdatedTime');
    }
    const startPosition = Number(parsed[4] ?? 1);
    const maxResults = Math.min(Number(parsed[5] ?? 100), 1000);
    const order = parsed[3] ?? 'Id';
    const matching = this.records(realmId, entity)
      .filter((record) => since === undefined || new Date(record.MetaData.LastUpdatedTime).getTime() > since)
      .sort((a, b) =>
        order === 'Id'
          ? Number(a.Id) - Number(b.Id)
          : a.MetaData.LastUpdatedTime.localeCompare(b.MetaData.LastUpdatedTime),
      );
    const page = matching.slice(startPosition - 1, startPosition - 1 + maxResults);
    // As QuickBooks does, an empty result is an empty QueryResponse.
    const queryResponse = page.length === 0 ? {} : { [entity]: page, startPosition, maxResults: page.length };
    json(response, 200, { QueryResponse: queryResponse, time: this.clock.now().toISOString() });
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    intuit_tid: randomBytes(8).toString('hex'),
  });
  response.end(JSON.stringify(body));
}

function fault(response: ServerResponse, status: number, type: string, code: string, message: string): void {
  const answer = faultAnswer(status, type, code, message);
  json(response, answer.status, answer.body);
}

interface Answer {
  status: number;
  body: unknown;
}

function faultAnswer(status: number, type: string, code: string, message: string): Answer {
  return {
    status,
    body: {
      Fault: { Error: [{ Message: message, Detail: message, code }], type },
      time: new Date().toISOString(),
    },
  };
}
