/** The Creditsafe client's conversation: token reuse and renewal, bad credentials, rate limits. */
import { CreditsafeBureau, retryAfterSeconds } from '../../../shared/adapters/creditsafe/creditsafe-bureau';
import {
  CreditBureauNotFoundError,
  CreditBureauRateLimitedError,
  CreditBureauUnauthorisedError,
} from '../../../shared/ports/credit-bureau';

const now = new Date('2027-03-01T09:00:00Z');
const clock = { now: () => now };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function bureau(answers: ((url: string, init?: RequestInit) => Response)[]) {
  const calls: string[] = [];
  const sleeps: number[] = [];
  const client = new CreditsafeBureau(
    { baseUrl: 'https://bureau.test/v1', username: 'u', password: 'p' },
    clock,
    {
      fetch: async (input, init) => {
        const url = String(input);
        calls.push(`${init?.method ?? 'GET'} ${url.replace('https://bureau.test/v1', '')}`);
        const answer = answers.shift();
        if (!answer) throw new Error(`unexpected call ${url}`);
        return answer(url, init);
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  );
  return { client, calls, sleeps };
}

const token = () => json(200, { token: 'jwt-1' });
const found = () =>
  json(200, { totalSize: 1, companies: [{ id: 'GB-0-1', country: 'GB', name: 'A LTD', regNo: '1' }] });

it('authenticates once, searches by registration number, and reuses the token', async () => {
  const { client, calls } = bureau([token, found, found]);
  await client.findCompany({ country: 'GB', name: 'A Ltd', registrationNumber: '1' });
  await client.findCompany({ country: 'GB', name: 'A Ltd', registrationNumber: '1' });
  expect(calls).toEqual([
    'POST /authenticate',
    'GET /companies?countries=GB&pageSize=5&regNo=1',
    'GET /companies?countries=GB&pageSize=5&regNo=1',
  ]);
});

it('falls back from the registration number to name and postcode, then to the name alone', async () => {
  const none = () => json(200, { totalSize: 0, companies: [], messages: [{ code: 'NoResults' }] });
  const { client, calls } = bureau([token, none, () => json(404, {}), found]);
  const match = await client.findCompany({
    country: 'GB',
    name: 'A Ltd',
    registrationNumber: '9',
    postalCode: 'EC1',
  });
  expect(match).toEqual({ companyId: 'GB-0-1', name: 'A LTD', country: 'GB', registrationNumber: '1' });
  expect(calls.slice(1)).toEqual([
    'GET /companies?countries=GB&pageSize=5&regNo=9',
    'GET /companies?countries=GB&pageSize=5&name=A+Ltd&postCode=EC1',
    'GET /companies?countries=GB&pageSize=5&name=A+Ltd',
  ]);
});

it('renews a token the bureau no longer accepts, once', async () => {
  const { client, calls } = bureau([token, () => json(401, {}), token, found]);
  await client.findCompany({ country: 'GB', name: 'A', registrationNumber: '1' });
  expect(calls.filter((call) => call === 'POST /authenticate')).toHaveLength(2);
  const again = bureau([token, () => json(401, {}), token, () => json(401, {})]);
  await expect(
    again.client.findCompany({ country: 'GB', name: 'A', registrationNumber: '1' }),
  ).rejects.toThrow(CreditBureauUnauthorisedError);
});

it('does not retry refused credentials (Creditsafe locks the endpoint after repeated bad logins)', async () => {
  const { client, calls } = bureau([() => json(401, { message: 'Access denied' })]);
  await expect(client.fetchReport('GB-0-1')).rejects.toThrow(CreditBureauUnauthorisedError);
  expect(calls).toEqual(['POST /authenticate']);
});

it('waits out short rate limits and passes on long ones or too many', async () => {
  const report = () => json(200, { correlationId: 'c', report: { companySummary: { businessName: 'A' } } });
  const limited = (seconds: string) => () => json(429, {}, { 'retry-after': seconds });
  const short = bureau([token, limited('2'), report]);
  expect((await short.client.fetchReport('GB-0-1')).companyName).toBe('A');
  expect(short.sleeps).toEqual([2000]);

  const long = bureau([token, limited('60')]);
  await expect(long.client.fetchReport('GB-0-1')).rejects.toEqual(new CreditBureauRateLimitedError(60));
  expect(long.sleeps).toEqual([]);

  const many = bureau([token, limited('1'), limited('1'), limited('1')]);
  await expect(many.client.fetchReport('GB-0-1')).rejects.toThrow(CreditBureauRateLimitedError);
  expect(many.sleeps).toEqual([1000, 1000]);
});

it('answers not found for an unknown company or an empty report', async () => {
  const unknown = bureau([token, () => json(404, {})]);
  await expect(unknown.client.fetchReport('GB-0-404')).rejects.toThrow(CreditBureauNotFoundError);
  const empty = bureau([token, () => json(200, { correlationId: 'c' })]);
  await expect(empty.client.fetchReport('GB-0-1')).rejects.toThrow(CreditBureauNotFoundError);
});

it('reads Retry-After as seconds or as an HTTP date', () => {
  expect(retryAfterSeconds('7', now)).toBe(7);
  expect(retryAfterSeconds('Mon, 01 Mar 2027 09:00:30 GMT', now)).toBe(30);
  expect(retryAfterSeconds(null, now)).toBe(1);
  expect(retryAfterSeconds('soon', now)).toBe(1);
});

it('states a reason for viewing with a German report, as Creditsafe requires', async () => {
  const report = () => json(200, { correlationId: 'c', report: { companySummary: { businessName: 'G' } } });
  const { client, calls } = bureau([token, report, report]);
  await client.fetchReport('DE-X-HRB1');
  await client.fetchReport('GB-0-1');
  expect(calls.slice(1)).toEqual([
    'GET /companies/DE-X-HRB1?language=en&customData=de_reason_code%3A%3A1',
    'GET /companies/GB-0-1?language=en',
  ]);
});
