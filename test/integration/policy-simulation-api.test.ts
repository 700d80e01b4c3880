import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let manager: string;

beforeAll(async () => {
  api = await startTestApi();
  manager = await api.token('simulation-co', ['manager']);
});
afterAll(() => api.stop());

const simulate = (policyId: string, body: unknown, token = manager) =>
  api.request('POST', `/v1/policies/${policyId}/simulate`, { token, body });

describe('POST /v1/policies/{id}/simulate', () => {
  it('shows the rule a cadence would break and proves what went out lawful', async () => {
    const policy = await api.request('POST', '/v1/policies', {
      token: manager,
      body: {
        name: 'Phone heavy',
        steps: [
          { offsetDays: 0, action: 'letter' },
          { offsetDays: 1, action: 'call_task' },
          { offsetDays: 2, action: 'call_task' },
          { offsetDays: 3, action: 'call_task' },
        ],
      },
    });
    expect(policy.status).toBe(201);
    const result = await simulate(policy.body.id, {
      from: '2026-05-01',
      days: 60,
      includeContacts: true,
      debtors: [
        {
          ref: 'boston',
          kind: 'person',
          jurisdiction: 'US-MA',
          timezone: 'America/New_York',
          dueDate: '2026-05-11',
        },
        {
          ref: 'albany',
          kind: 'person',
          jurisdiction: 'US-NY',
          timezone: 'America/New_York',
          dueDate: '2026-05-11',
        },
      ],
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      policy: { id: policy.body.id, version: 1 },
      debtors: 2,
      lawful: true,
      breaches: [],
      summary: { planned: 8, sent: 8, wouldHaveBroken: { contact_cap_reached: 1 } },
    });
    const deferred = result.body.contacts.filter(
      (contact: { deferredFor: string[] }) => contact.deferredFor.length > 0,
    );
    expect(deferred).toEqual([
      expect.objectContaining({
        debtor: 'boston',
        step: 3,
        channel: 'call',
        sentAt: '2026-05-19T12:00:00.000Z',
      }),
    ]);
  });

  it('runs the built-in cadence over a generated sample under the tenant’s own rules', async () => {
    const admin = await api.token('simulation-co', ['admin']);
    await api.request('PUT', '/v1/settings', {
      token: admin,
      body: { timezone: 'Europe/London', contactRules: { hours: { from: '09:00', to: '18:00' } } },
    });
    const result = await simulate('builtin-default', {
      from: '2026-03-01',
      days: 120,
      sample: { count: 150, seed: 3 },
    });
    expect(result.status).toBe(200);
    expect(result.body.lawful).toBe(true);
    expect(result.body.contacts).toEqual([]);
    expect(result.body.summary.sent).toBeGreaterThan(500);
    expect(result.body.summary.wouldHaveBroken.outside_contact_hours).toBeGreaterThan(0);
  });

  it('refuses a body with both debtors and a sample, an unknown policy, and a collector', async () => {
    const both = await simulate('builtin-default', {
      days: 30,
      sample: { count: 5 },
      debtors: [{ kind: 'person', jurisdiction: 'US-NY', dueDate: '2026-05-01' }],
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].path).toBe('debtors');
    expect(
      (await simulate('pol_01JZZZZZZZZZZZZZZZZZZZZZZZ', { days: 30, sample: { count: 5 } })).status,
    ).toBe(404);
    const collector = await api.token('simulation-co', ['collector']);
    expect((await simulate('builtin-default', { days: 30, sample: { count: 5 } }, collector)).status).toBe(
      403,
    );
  });
});
