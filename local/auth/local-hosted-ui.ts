/**
 * A local stand-in of the user pool's hosted sign-in for the console: the OAuth 2.0 authorization
 * code flow with PKCE (S256), as Cognito's `/oauth2/authorize` and `/oauth2/token` run it. The
 * sign-in page asks for a tenant, a role and a user name instead of a password (locally anyone
 * may be anyone); the token endpoint checks the code, the redirect URI and the verifier, and
 * answers with a token of the local issuer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../shared/domain/roles';
import { TENANT_ID_PATTERN } from '../../shared/domain/tenant';
import type { Clock } from '../../shared/ports/clock';
import type { LocalTokenIssuer } from './local-token-issuer';

export const LOCAL_CONSOLE_CLIENT_ID = 'recoup-local-console';
const CODE_MS = 5 * 60_000;

interface PendingCode {
  challenge: string;
  redirectUri: string;
  until: number;
  claims: { tenantId: string; roles: Role[]; sub: string };
}

export interface HostedUiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const html = (body: string): HostedUiAnswer => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in (local)</title></head><body><main>${body}</main></body></html>`,
});
const json = (status: number, value: unknown): HostedUiAnswer => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(value),
});
const escape = (text: string) => text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);

export class LocalHostedUi {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly issuer: LocalTokenIssuer,
    private readonly clock: Clock,
  ) {}

  /** GET: the sign-in page; POST: the signed-in answer, a redirect with the code. */
  authorize(method: string, query: URLSearchParams, form: URLSearchParams): HostedUiAnswer {
    const clientId = query.get('client_id');
    const redirectUri = query.get('redirect_uri') ?? '';
    const challenge = query.get('code_challenge') ?? '';
    if (
      clientId !== LOCAL_CONSOLE_CLIENT_ID ||
      query.get('response_type') !== 'code' ||
      query.get('code_challenge_method') !== 'S256' ||
      !challenge ||
      !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//u.test(redirectUri)
    ) {
      return json(400, { error: 'invalid_request' });
    }
    if (method === 'GET') {
      const roles = ROLES.filter((role) => role !== 'debtor')
        .map((role) => `<option value="${role}">${role}</option>`)
        .join('');
      return html(`<h1>Sign in to Recoup (local)</h1>
<form method="post">
<p><label>Tenant <input name="tenant" required value="demo"></label></p>
<p><label>User <input name="user" required value="collector-1"></label></p>
<p><label>Role <select name="role">${roles}</select></label></p>
<p><button type="submit">Sign in</button></p></form>`);
    }
    const tenantId = form.get('tenant') ?? '';
    const role = form.get('role') as Role | null;
    const sub = (form.get('user') ?? '').trim();
    if (!TENANT_ID_PATTERN.test(tenantId) || !role || !ROLES.includes(role) || role === 'debtor' || !sub) {
      return html(`<p role="alert">${escape('Tenant, user and a staff role are needed.')}</p>`);
    }
    const code = randomUUID();
    this.codes.set(code, {
      challenge,
      redirectUri,
      until: this.clock.now().getTime() + CODE_MS,
      claims: { tenantId, roles: [role], sub },
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = query.get('state');
    if (state) target.searchParams.set('state', state);
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }

  async token(form: URLSearchParams): Promise<HostedUiAnswer> {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== LOCAL_CONSOLE_CLIENT_ID ||
      !pending ||
      pending.until < this.clock.now().getTime() ||
      pending.redirectUri !== form.get('redirect_uri') ||
      pending.challenge !== challenge
    ) {
      return json(400, { error: 'invalid_grant' });
    }
    const { token } = await this.issuer.issue({ ...pending.claims, expiresIn: 3600 });
    return json(200, { access_token: token, id_token: token, token_type: 'Bearer', expires_in: 3600 });
  }
}
