/**
 * A local stand-in of Creditsafe Connect, answering as its API reference documents, so the real
 * adapter (shared/adapters/creditsafe) runs unchanged: `POST /v1/authenticate` (JSON username and
 * password → `{token}`, valid one hour on the local clock; 401 otherwise), `GET /v1/companies`
 * (search by `regNo`, `vatNo`, `name`, `postCode` within `countries` → `{correlationId, totalSize,
 * companies}`), `GET /v1/companies/{connectId}` (the report → `{correlationId, companyId,
 * dateOfOrder, language, report}`; a German company's only with `customData=de_reason_code::<n>`).
 * A missing, unknown or expired bearer token gets 401; tests can make the next requests answer 429
 * with a Retry-After.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../shared/ports/clock';
import { LOCAL_CREDIT_DIRECTORY, type DirectoryCompany } from './credit-bureau-directory';
import { listenLocally, type LocalHttpServer } from './local-http-server';
import { requestBody } from './request-body';

export const LOCAL_CREDITSAFE_USERNAME = 'recoup-local';
export const LOCAL_CREDITSAFE_PASSWORD = 'local-creditsafe-password';

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export class LocalCreditBureau {
  private server: LocalHttpServer | undefined;
  private readonly tokens = new Map<string, number>();
  private throttle: { remaining: number; retryAfterSeconds: number } = { remaining: 0, retryAfterSeconds: 0 };
  port = 0;
  /** Reports ordered (Creditsafe bills each), by connectId: tests check a replay orders none. */
  readonly reportsOrdered: string[] = [];
  /** Requests answered 429. */
  throttled = 0;
  /** The registration number (or name) each company search asked for, found or not. */
  readonly searches: string[] = [];
  /** Registration numbers of companies taken off the register: searches no longer find them. */
  private readonly delisted = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly directory: readonly DirectoryCompany[] = LOCAL_CREDIT_DIRECTORY,
  ) {}

  /** The API's base URL, as the adapter takes it. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(): Promise<number> {
    this.server = await listenLocally(
      (request, response) => this.handle(request, response),
      (response, error) => answer(response, 500, { message: String(error) }),
    );
    this.port = this.server.port;
    return this.port;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** The company with this registration number is struck off: no search finds it from now on. */
  delist(regNo: string): void {
    this.delisted.add(regNo);
  }

  /** The next `requests` requests (any endpoint) answer 429 Too Many Requests with this Retry-After. */
  rateLimitNext(requests: number, retryAfterSeconds: number): void {
    this.throttle = { remaining: requests, retryAfterSeconds };
  }

  /** Ends every token, as a password change at Creditsafe does. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await requestBody(request)).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (this.throttle.remaining > 0) {
      this.throttle.remaining -= 1;
      this.throttled += 1;
      response.setHeader('retry-after', String(this.throttle.retryAfterSeconds));
      return answer(response, 429, { message: 'Too Many Requests' });
    }
    if (request.method === 'POST' && url.pathname === '/v1/authenticate')
      return this.authenticate(body, response);
    if (!this.authorised(request.headers.authorization)) {
      return answer(response, 401, { message: 'Unauthorized' });
    }
    if (request.method === 'GET' && url.pathname === '/v1/companies')
      return this.search(url.searchParams, response);
    const report = /^\/v1\/companies\/([^/]+)$/u.exec(url.pathname);
    if (request.method === 'GET' && report) {
      return this.report(decodeURIComponent(report[1]!), url.searchParams, response);
    }
    answer(response, 404, { message: `No route for ${request.method} ${url.pathname}` });
  }

  private authenticate(body: string, response: ServerResponse): void {
    let credentials: { username?: unknown; password?: unknown } = {};
    try {
      credentials = JSON.parse(body) as typeof credentials;
    } catch {
      return answer(response, 400, { message: 'The body must be JSON' });
    }
    if (
      credentials.username !== LOCAL_CREDITSAFE_USERNAME ||
      credentials.password !== LOCAL_CREDITSAFE_PASSWORD
    ) {
      return answer(response, 401, { message: 'Access denied - Please check your credentials' });
    }
    const token = `local.${randomUUID()}`;
    this.tokens.set(token, this.clock.now().getTime() + TOKEN_LIFETIME_MS);
    answer(response, 200, { token });
  }

  private authorised(header: string | undefined): boolean {
    const token = /^Bearer (.+)$/u.exec(header ?? '')?.[1];
    const expiresAt = token ? this.tokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > this.clock.now().getTime();
  }

  private search(query: URLSearchParams, response: ServerResponse): void {
    const countries = (query.get('countries') ?? '').toUpperCase().split(',').filter(Boolean);
    if (countries.length === 0) return answer(response, 400, { message: 'countries is required' });
    const compact = (text: string | null) => (text ?? '').replace(/[\s.-]/gu, '').toUpperCase();
    const regNo = compact(query.get('regNo'));
    const vatNo = compact(query.get('vatNo'));
    const name = nameKey(query.get('name') ?? '');
    const postCode = compact(query.get('postCode'));
    this.searches.push(query.get('regNo') ?? query.get('name') ?? '');
    const companies = this.directory
      .map(({ company }) => company)
      .filter((company) => !this.delisted.has(company.regNo ?? ''))
      .filter((company) => countries.includes(company.country))
      .filter((company) => !regNo || compact(company.regNo ?? '') === regNo)
      .filter((company) => !vatNo || [company.vatNo ?? []].flat().some((vat) => compact(vat) === vatNo))
      .filter((company) => !name || nameKey(company.name).includes(name))
      .filter((company) => !postCode || compact(company.address?.postCode ?? '').startsWith(postCode));
    const pageSize = Number(query.get('pageSize') ?? 15);
    answer(response, 200, {
      correlationId: randomUUID(),
      totalSize: companies.length,
      companies: companies.slice(0, pageSize),
      ...(companies.length === 0
        ? { messages: [{ type: 'Information', code: 'NoResults', text: 'No results found' }] }
        : {}),
    });
  }

  private report(connectId: string, query: URLSearchParams, response: ServerResponse): void {
    const entry = this.directory.find(({ company }) => company.id === connectId);
    if (!entry) return answer(response, 404, { correlationId: randomUUID(), message: 'Company not found' });
    // German reports need a reason for viewing, as at Creditsafe.
    if (entry.company.country === 'DE' && !/^de_reason_code::\d+$/u.test(query.get('customData') ?? '')) {
      return answer(response, 400, { correlationId: randomUUID(), message: 'Invalid Custom Data' });
    }
    this.reportsOrdered.push(connectId);
    answer(response, 200, {
      correlationId: randomUUID(),
      failedSections: [],
      report: { companyId: connectId, language: 'EN', ...entry.report },
      companyId: connectId,
      dateOfOrder: this.clock.now().toISOString(),
      language: 'EN',
      userId: 101_010,
    });
  }
}

/** Names compared as bureaus' searches do: case, accents and punctuation aside. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/gu, ' ')
    .trim();
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
