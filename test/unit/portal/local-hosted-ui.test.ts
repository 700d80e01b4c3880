/** The local stand-in of the hosted sign-in keeps to the code flow's rules, as Cognito does. */
import { createHash } from 'node:crypto';
import { LocalHostedUi, LOCAL_CONSOLE_CLIENT_ID } from '../../../local/auth/local-hosted-ui';
import { LocalTokenIssuer } from '../../../local/auth/local-token-issuer';

const clock = { now: () => new Date('2027-03-01T09:00:00Z') };
const verifier = 'a-verifier-of-forty-three-characters-or-more-123';
const challenge = createHash('sha256').update(verifier).digest('base64url');
const redirect = 'http://localhost:3000/auth/callback';

async function codeFor(ui: LocalHostedUi, role = 'collector'): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: LOCAL_CONSOLE_CLIENT_ID,
    redirect_uri: redirect,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 's1',
  });
  const answer = ui.authorize('POST', query, new URLSearchParams({ tenant: 'acme', user: 'carol', role }));
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.location!);
  expect(location.searchParams.get('state')).toBe('s1');
  return location.searchParams.get('code')!;
}

const exchange = (ui: LocalHostedUi, code: string, overrides: Record<string, string> = {}) =>
  ui.token(
    new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: LOCAL_CONSOLE_CLIENT_ID,
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
      ...overrides,
    }),
  );

it('gives a token for the code, the redirect and the verifier it was asked with — once', async () => {
  const issuer = await LocalTokenIssuer.create(undefined, clock.now);
  const ui = new LocalHostedUi(issuer, clock);
  const code = await codeFor(ui);
  const answer = await exchange(ui, code);
  expect(answer.status).toBe(200);
  const token = JSON.parse(answer.body).access_token as string;
  expect(await issuer.verify(token)).toMatchObject({
    tenant_id: 'acme',
    sub: 'carol',
    'cognito:groups': ['collector'],
  });
  expect((await exchange(ui, code)).status).toBe(400); // a code is used once
});

it('refuses a wrong verifier, another redirect, and a debtor signing in to the console', async () => {
  const issuer = await LocalTokenIssuer.create(undefined, clock.now);
  const ui = new LocalHostedUi(issuer, clock);
  expect((await exchange(ui, await codeFor(ui), { code_verifier: `${verifier}x` })).status).toBe(400);
  expect(
    (await exchange(ui, await codeFor(ui), { redirect_uri: 'http://localhost:3000/elsewhere' })).status,
  ).toBe(400);
  const debtor = ui.authorize(
    'POST',
    new URLSearchParams({
      response_type: 'code',
      client_id: LOCAL_CONSOLE_CLIENT_ID,
      redirect_uri: redirect,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }),
    new URLSearchParams({ tenant: 'acme', user: 'pat', role: 'debtor' }),
  );
  expect(debtor.status).toBe(200);
  expect(debtor.body).toContain('staff role');
});
