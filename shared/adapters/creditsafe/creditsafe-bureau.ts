/**
 * Creditsafe Connect over HTTPS with fetch: `POST /authenticate` with the account's username and
 * password for a token (valid one hour, kept for 55 minutes per container), then `GET /companies`
 * (search: a registration or VAT number first, then name and postcode, then name, as Creditsafe
 * advises) and `GET /companies/{connectId}` (the report, billed per order).
 *
 * A 401 on a call drops the token and authenticates once more (tokens also end early when an
 * account's password changes); a 401 from /authenticate is our credentials' fault. A 429 is waited
 * out as its Retry-After says when that fits in a request (at most `maxWaitSeconds`, a few times),
 * else it reaches the caller as CreditBureauRateLimitedError. Credentials and response bodies are
 * never logged: reports describe real companies and their directors.
 */
import type { CompanyQuery } from '../../domain/credit/credit-check-subject';
import type { CreditReport } from '../../domain/credit/credit-report';
import type { Clock } from '../../ports/clock';
import {
  CreditBureauNotFoundError,
  CreditBureauRateLimitedError,
  CreditBureauUnauthorisedError,
  type CompanyMatch,
  type CreditBureau,
} from '../../ports/credit-bureau';
import type {
  CreditsafeAuthentication,
  CreditsafeCompanySearch,
  CreditsafeReportResponse,
} from './creditsafe-json';
import { CREDITSAFE, creditReportFromCreditsafe } from './creditsafe-report';

export const CREDITSAFE_PRODUCTION_URL = 'https://connect.creditsafe.com/v1';

export interface CreditsafeSettings {
  /** `https://connect.creditsafe.com/v1`, the sandbox's, or a local stand-in's. */
  baseUrl: string;
  username: string;
  password: string;
  /**
   * German reports must state a reason for viewing (`customData=de_reason_code::<code>`); Creditsafe
   * documents code 1, credit decisioning. An account may be set up for another.
   */
  germanReasonCode?: string;
}

export interface CreditsafeOptions {
  fetch?: typeof fetch;
  /** Real time, even locally: the bureau's rate limit runs on its clock, not ours. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** The longest Retry-After waited out inside one request. */
  maxWaitSeconds?: number;
  /** Calls per operation, the first included, before a 429 reaches the caller. */
  maxAttempts?: number;
}

const TOKEN_LIFETIME_MS = 55 * 60 * 1000;

export class CreditsafeBureau implements CreditBureau {
  readonly name = CREDITSAFE;
  private token: { value: string; expiresAt: number } | undefined;
  private readonly fetch: typeof fetch;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly maxWaitSeconds: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly settings: CreditsafeSettings,
    private readonly clock: Clock,
    options: CreditsafeOptions = {},
  ) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    this.maxWaitSeconds = options.maxWaitSeconds ?? 10;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  async findCompany(query: CompanyQuery): Promise<CompanyMatch> {
    const attempts: Record<string, string>[] = [];
    if (query.registrationNumber) attempts.push({ regNo: query.registrationNumber });
    if (query.vatNumber) attempts.push({ vatNo: query.vatNumber });
    if (query.postalCode) attempts.push({ name: query.name, postCode: query.postalCode });
    attempts.push({ name: query.name });
    for (const criteria of attempts) {
      const search = new URLSearchParams({ countries: query.country, pageSize: '5', ...criteria });
      const found = await this.call<CreditsafeCompanySearch>(`/companies?${search}`, {
        notFoundIsEmpty: true,
      });
      const company = found?.companies?.find((candidate) => candidate.id);
      if (company?.id) {
        return {
          companyId: company.id,
          name: company.name ?? query.name,
          country: company.country ?? query.country,
          ...(company.regNo ? { registrationNumber: company.regNo } : {}),
        };
      }
    }
    throw new CreditBureauNotFoundError(`Creditsafe found no company for this debtor in ${query.country}`);
  }

  async fetchReport(companyId: string): Promise<CreditReport> {
    const query = new URLSearchParams({ language: 'en' });
    if (companyId.toUpperCase().startsWith('DE')) {
      query.set('customData', `de_reason_code::${this.settings.germanReasonCode ?? '1'}`);
    }
    const response = await this.call<CreditsafeReportResponse>(
      `/companies/${encodeURIComponent(companyId)}?${query}`,
      { notFoundIsEmpty: false },
    );
    if (!response?.report) throw new CreditBureauNotFoundError(`Creditsafe has no report for ${companyId}`);
    return creditReportFromCreditsafe(response, companyId, this.clock.now());
  }

  /** A GET with the token; undefined for a 404 the caller treats as "nothing found". */
  private async call<T>(
    path: string,
    { notFoundIsEmpty }: { notFoundIsEmpty: boolean },
  ): Promise<T | undefined> {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const response = await this.fetch(`${this.settings.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await this.accessToken()}`, accept: 'application/json' },
      });
      if (response.status === 401 && !renewed) {
        await response.body?.cancel();
        this.token = undefined;
        renewed = true;
        attempt--;
        continue;
      }
      if (response.status === 429) {
        await this.waitOrGiveUp(response, attempt);
        continue;
      }
      if (response.status === 401) {
        await response.body?.cancel();
        throw new CreditBureauUnauthorisedError('Creditsafe refused a fresh token');
      }
      if (response.status === 404) {
        await response.body?.cancel();
        if (notFoundIsEmpty) return undefined;
        throw new CreditBureauNotFoundError('Creditsafe has no such company');
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`Creditsafe answered ${response.status} to ${path.split('?')[0]}`);
      }
      return (await response.json()) as T;
    }
  }

  private async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    for (let attempt = 1; ; attempt++) {
      const response = await this.fetch(`${this.settings.baseUrl}/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username: this.settings.username, password: this.settings.password }),
      });
      if (response.status === 429) {
        await this.waitOrGiveUp(response, attempt);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        // Creditsafe locks the endpoint after repeated bad logins: no retry here.
        throw new CreditBureauUnauthorisedError('Creditsafe refused the username and password');
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`Creditsafe answered ${response.status} to /authenticate`);
      }
      const { token } = (await response.json()) as CreditsafeAuthentication;
      if (!token) throw new Error('Creditsafe authenticated without a token');
      this.token = { value: token, expiresAt: now + TOKEN_LIFETIME_MS };
      return token;
    }
  }

  private async waitOrGiveUp(response: Response, attempt: number): Promise<void> {
    await response.body?.cancel();
    const seconds = retryAfterSeconds(response.headers.get('retry-after'), this.clock.now());
    if (attempt >= this.maxAttempts || seconds > this.maxWaitSeconds) {
      throw new CreditBureauRateLimitedError(seconds);
    }
    await this.sleep(seconds * 1000);
  }
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); one second when absent. */
export function retryAfterSeconds(header: string | null, now: Date): number {
  if (!header) return 1;
  if (/^\d+$/u.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
