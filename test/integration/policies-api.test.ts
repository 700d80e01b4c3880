import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let manager: string;

beforeAll(async () => {
  api = await startTestApi();
  manager = await api.token('acme', ['manager'], { sub: 'mona' });
});
afterAll(() => api.stop());

const samplePolicy = (overrides: Record<string, unknown> = {}) => ({
  name: 'Small businesses',
  appliesTo: { kind: 'business', sizes: ['micro', 'small'] },
  steps: [
    { offsetDays: 30, action: 'handoff', handoffTo: 'legal' },
    { offsetDays: -3, action: 'email', template: 'friendly' },
    { offsetDays: 7, action: 'sms' },
    { offsetDays: 7, action: 'email' },
    { offsetDays: 14, action: 'call_task' },
    { offsetDays: 21, action: 'final_notice' },
  ],
  ...overrides,
});

const createPolicy = (body: unknown, token = manager, headers: Record<string, string> = {}) =>
  api.request('POST', '/v1/policies', { token, body, headers });

const NONEXISTENT = 'pol_01JD7X2M4K8Q9R3S5T6V7W8X9Y';

describe('policies API', () => {
  it('creates a policy: steps in running order, defaults written in, version 1', async () => {
    const created = await createPolicy(samplePolicy());
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^pol_/);
    expect(created.headers.get('location')).toBe(`/v1/policies/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'Small businesses',
      appliesTo: { kind: 'business', sizes: ['micro', 'small'] },
      version: 1,
      sendHour: 10,
      createdBy: 'mona',
    });
    expect(created.body.steps).toEqual([
      { offsetDays: -3, action: 'email', template: 'friendly' },
      { offsetDays: 7, action: 'sms' },
      { offsetDays: 7, action: 'email' },
      { offsetDays: 14, action: 'call_task', assignee: 'collector' },
      { offsetDays: 21, action: 'final_notice', channels: ['email', 'letter'] },
      { offsetDays: 30, action: 'handoff', handoffTo: 'legal' },
    ]);
    expect(created.body).not.toHaveProperty('tenantId');

    const fetched = await api.request('GET', `/v1/policies/${created.body.id}`, { token: manager });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
    expect(fetched.headers.get('etag')).toBe('"1"');
  });

  it('replaces a policy with If-Match as a new version, keeps the old one, and refuses a stale version', async () => {
    const { body: first } = await createPolicy(samplePolicy({ name: 'Versioned' }));
    const changed = await api.request('PUT', `/v1/policies/${first.id}`, {
      token: manager,
      headers: { 'if-match': '"1"' },
      body: { name: 'Versioned, faster', steps: [{ offsetDays: 1, action: 'email' }], sendHour: 8 },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({
      id: first.id,
      name: 'Versioned, faster',
      version: 2,
      sendHour: 8,
      steps: [{ offsetDays: 1, action: 'email' }],
      createdAt: first.createdAt,
    });
    // PUT replaces: the segment it did not send is gone.
    expect(changed.body).not.toHaveProperty('appliesTo');

    const stale = await api.request('PUT', `/v1/policies/${first.id}`, {
      token: manager,
      headers: { 'if-match': '"1"' },
      body: samplePolicy({ name: 'Late' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');

    const current = await api.request('GET', `/v1/policies/${first.id}`, { token: manager });
    expect(current.body).toEqual(changed.body);
    const v1 = await api.request('GET', `/v1/policies/${first.id}?version=1`, { token: manager });
    expect(v1.status).toBe(200);
    expect(v1.body).toEqual(first);
    expect(v1.headers.get('etag')).toBe('"1"');
    expect((await api.request('GET', `/v1/policies/${first.id}?version=3`, { token: manager })).status).toBe(
      404,
    );
    expect(
      (await api.request('GET', `/v1/policies/${first.id}?version=zero`, { token: manager })).status,
    ).toBe(400);

    const versions = await api.request('GET', `/v1/policies/${first.id}/versions`, { token: manager });
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; name: string }) => [v.version, v.name])).toEqual([
      [1, 'Versioned'],
      [2, 'Versioned, faster'],
    ]);
    const paged = await api.request('GET', `/v1/policies/${first.id}/versions?limit=1`, { token: manager });
    expect(paged.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const rest = await api.request(
      'GET',
      `/v1/policies/${first.id}/versions?limit=1&cursor=${paged.body.nextCursor}`,
      { token: manager },
    );
    expect(rest.body.items.map((v: { version: number }) => v.version)).toEqual([2]);

    // Without If-Match the change applies to whatever is current.
    const third = await api.request('PUT', `/v1/policies/${first.id}`, {
      token: manager,
      body: samplePolicy({ name: 'Third' }),
    });
    expect(third.body.version).toBe(3);

    const audit = await api.request('GET', `/v1/audit?entityId=${first.id}`, { token: manager });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'policy.created',
      'policy.updated',
      'policy.updated',
    ]);
    expect(audit.body.items[1]).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
  });

  it('answers concurrent edits of one version with one success and 409s', async () => {
    const { body: policy } = await createPolicy(samplePolicy({ name: 'Contested' }));
    const attempts = await Promise.all(
      ['A', 'B', 'C', 'D'].map((suffix) =>
        api.request('PUT', `/v1/policies/${policy.id}`, {
          token: manager,
          headers: { 'if-match': '"1"' },
          body: samplePolicy({ name: `Contested ${suffix}` }),
        }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const versions = await api.request('GET', `/v1/policies/${policy.id}/versions`, { token: manager });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"name": ' }, 'body'],
    ['an unknown field', { body: samplePolicy({ color: 'red' }) }, ''],
    ['no steps', { body: samplePolicy({ steps: [] }) }, 'steps'],
    [
      'a fractional offset',
      { body: samplePolicy({ steps: [{ offsetDays: 1.5, action: 'email' }] }) },
      'steps.0.offsetDays',
    ],
    [
      'an unknown action',
      { body: samplePolicy({ steps: [{ offsetDays: 1, action: 'fax' }] }) },
      'steps.0.action',
    ],
    [
      'the same action twice on a day',
      {
        body: samplePolicy({
          steps: [
            { offsetDays: 1, action: 'email' },
            { offsetDays: 1, action: 'email' },
          ],
        }),
      },
      'steps.1',
    ],
    [
      'a step after the hand-off',
      {
        body: samplePolicy({
          steps: [
            { offsetDays: 10, action: 'handoff' },
            { offsetDays: 20, action: 'letter' },
          ],
        }),
      },
      'steps.1',
    ],
    [
      'channels on an SMS',
      { body: samplePolicy({ steps: [{ offsetDays: 1, action: 'sms', channels: ['sms'] }] }) },
      'steps.0.channels',
    ],
    ['an empty segment', { body: samplePolicy({ appliesTo: {} }) }, 'appliesTo'],
    [
      'a size that does not exist',
      { body: samplePolicy({ appliesTo: { sizes: ['huge'] } }) },
      'appliesTo.sizes.0',
    ],
    [
      'a balance band without a currency',
      { body: samplePolicy({ appliesTo: { balanceBand: { max: 100 } } }) },
      'appliesTo.balanceBand.currency',
    ],
    ['a send hour at midnight', { body: samplePolicy({ sendHour: 0 }) }, 'sendHour'],
  ])('answers %s with 400 problem+json naming the field', async (_case, request, field) => {
    const tenant = await api.token('bad-input', ['admin']);
    const response = await api.request('POST', '/v1/policies', { token: tenant, ...request });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400 });
    expect(response.body.errors.length).toBeGreaterThan(0);
    if (field) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    const list = await api.request('GET', '/v1/policies', { token: tenant });
    expect(list.body.items).toEqual([]);
  });

  it('lets admins and managers write, staff read, and nobody else', async () => {
    const collector = await api.token('acme', ['collector']);
    const auditor = await api.token('acme', ['auditor']);
    const admin = await api.token('acme', ['admin']);
    const { body: policy } = await createPolicy(samplePolicy({ name: 'Roles' }), admin);
    expect(policy.id).toMatch(/^pol_/);

    const refused = await createPolicy(samplePolicy(), collector);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(
      (await api.request('PUT', `/v1/policies/${policy.id}`, { token: collector, body: samplePolicy() }))
        .status,
    ).toBe(403);
    expect((await api.request('GET', `/v1/policies/${policy.id}`, { token: collector })).status).toBe(200);
    expect((await api.request('GET', '/v1/policies', { token: auditor })).status).toBe(200);

    const { body: debtor } = await api.request('POST', '/v1/debtors', { token: admin, body: sampleDebtor() });
    const portal = await api.token('acme', ['debtor'], { debtorId: debtor.id });
    expect((await api.request('GET', '/v1/policies', { token: portal })).status).toBe(403);
    expect((await api.request('GET', `/v1/policies/${policy.id}`, { token: portal })).status).toBe(403);
    expect((await api.request('GET', `/v1/debtors/${debtor.id}/policy`, { token: portal })).status).toBe(403);
    expect((await api.request('GET', '/v1/policies')).status).toBe(401);
  });

  it("keeps tenants apart: another tenant's policy is 404 everywhere", async () => {
    const { body: ours } = await createPolicy(samplePolicy({ name: 'Tenant A' }));
    const otherTenant = await api.token('globex-bank', ['admin']);
    expect((await api.request('GET', `/v1/policies/${ours.id}`, { token: otherTenant })).status).toBe(404);
    expect(
      (await api.request('GET', `/v1/policies/${ours.id}?version=1`, { token: otherTenant })).status,
    ).toBe(404);
    expect(
      (await api.request('GET', `/v1/policies/${ours.id}/versions`, { token: otherTenant })).status,
    ).toBe(404);
    const put = await api.request('PUT', `/v1/policies/${ours.id}`, {
      token: otherTenant,
      body: samplePolicy(),
    });
    expect(put.status).toBe(404);
    const list = await api.request('GET', '/v1/policies?limit=100', { token: otherTenant });
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(ours.id);
    expect((await api.request('GET', `/v1/policies/${NONEXISTENT}`, { token: manager })).status).toBe(404);
    expect((await api.request('GET', '/v1/policies/not-a-policy', { token: manager })).status).toBe(400);
  });

  it('lists the current versions with a cursor', async () => {
    const lister = await api.token('list-co', ['admin']);
    const names = ['One', 'Two', 'Three', 'Four', 'Five'];
    const ids: string[] = [];
    for (const name of names) ids.push((await createPolicy(samplePolicy({ name }), lister)).body.id);
    await api.request('PUT', `/v1/policies/${ids[1]}`, {
      token: lister,
      body: samplePolicy({ name: 'Two v2' }),
    });
    const seen: { name: string; version: number }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.request('GET', `/v1/policies${query}`, { token: lister });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((p) => [p.name, p.version])).toEqual([
      ['One', 1],
      ['Two v2', 2],
      ['Three', 1],
      ['Four', 1],
      ['Five', 1],
    ]);
    // A cursor of the versions list is not a cursor of this list.
    const versions = await api.request('GET', `/v1/policies/${ids[1]}/versions?limit=1`, { token: lister });
    const foreign = await api.request('GET', `/v1/policies?cursor=${versions.body.nextCursor}`, {
      token: lister,
    });
    expect(foreign.status).toBe(400);
  });

  it('replays a POST with the same Idempotency-Key once', async () => {
    const replayer = await api.token('replay-co', ['manager']);
    const headers = { 'idempotency-key': 'policy-1' };
    const first = await createPolicy(samplePolicy({ name: 'Once' }), replayer, headers);
    const second = await createPolicy(samplePolicy({ name: 'Once' }), replayer, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await createPolicy(samplePolicy({ name: 'Twice' }), replayer, headers)).status).toBe(422);
    const list = await api.request('GET', '/v1/policies', { token: replayer });
    expect(list.body.items).toHaveLength(1);
  });

  it('serves the built-in default cadence read-only', async () => {
    const builtin = await api.request('GET', '/v1/policies/builtin-default', { token: manager });
    expect(builtin.status).toBe(200);
    expect(builtin.headers.get('etag')).toBe('"1"');
    expect(builtin.body).toMatchObject({ id: 'builtin-default', version: 1, sendHour: 10 });
    expect(builtin.body).not.toHaveProperty('appliesTo');
    expect(
      builtin.body.steps.map((s: { offsetDays: number; action: string }) => `${s.offsetDays} ${s.action}`),
    ).toEqual([
      '-7 email',
      '0 email',
      '3 email',
      '10 sms',
      '10 email',
      '15 call_task',
      '25 final_notice',
      '35 call_task',
      '45 handoff',
    ]);
    expect(builtin.body.steps[7]).toMatchObject({ assignee: 'manager' });
    expect(builtin.body.steps[6]).toMatchObject({ channels: ['email', 'letter'] });

    const versions = await api.request('GET', '/v1/policies/builtin-default/versions', { token: manager });
    expect(versions.body).toEqual({ items: [builtin.body], nextCursor: null });
    expect(
      (await api.request('GET', '/v1/policies/builtin-default?version=1', { token: manager })).status,
    ).toBe(200);
    expect(
      (await api.request('GET', '/v1/policies/builtin-default?version=2', { token: manager })).status,
    ).toBe(404);

    const put = await api.request('PUT', '/v1/policies/builtin-default', {
      token: manager,
      headers: { 'if-match': '"1"' },
      body: samplePolicy(),
    });
    expect(put.status).toBe(422);
    expect(put.body.detail).toContain('built-in');
    const unchanged = await api.request('GET', '/v1/policies/builtin-default', { token: manager });
    expect(unchanged.body).toEqual(builtin.body);
  });

  it("chooses a debtor's policy: segment, then the tenant's default, then the built-in", async () => {
    const tenant = await api.token('segments-co', ['admin']);
    const collector = await api.token('segments-co', ['collector']);
    const debtor = async (overrides: Record<string, unknown>) =>
      (await api.request('POST', '/v1/debtors', { token: tenant, body: sampleDebtor(overrides) })).body
        .id as string;
    const business = await debtor({ name: 'Globex GmbH', kind: 'business', segment: { size: 'small' } });
    const person = await debtor({
      name: 'Jane Doe',
      kind: 'person',
      timezone: 'America/New_York',
      jurisdiction: 'US-NY',
    });
    const applicable = async (id: string) => {
      const response = await api.request('GET', `/v1/debtors/${id}/policy`, { token: collector });
      expect(response.status).toBe(200);
      return response.body;
    };

    expect(await applicable(business)).toMatchObject({
      debtorId: business,
      policyId: 'builtin-default',
      version: 1,
      reason: 'builtin_default',
      matchedOn: [],
      policy: { id: 'builtin-default' },
    });

    const { body: segment } = await createPolicy(samplePolicy({ name: 'Small businesses' }), tenant);
    const forBusiness = await applicable(business);
    expect(forBusiness).toMatchObject({
      policyId: segment.id,
      version: 1,
      reason: 'segment',
      matchedOn: ['kind', 'sizes'],
      facts: { kind: 'business', size: 'small', balances: [] },
      policy: { name: 'Small businesses' },
    });
    expect(forBusiness.explanation).toContain('Small businesses');
    expect(await applicable(person)).toMatchObject({
      policyId: 'builtin-default',
      reason: 'builtin_default',
    });

    // A default of the tenant's own replaces the built-in for everyone outside a segment.
    const { body: tenantDefault } = await createPolicy(
      { name: 'Our default', steps: [{ offsetDays: 5, action: 'email' }] },
      tenant,
    );
    expect(await applicable(person)).toMatchObject({
      policyId: tenantDefault.id,
      reason: 'tenant_default',
      policy: { name: 'Our default' },
    });
    expect(await applicable(business)).toMatchObject({ policyId: segment.id });

    // The version that applies follows the policy's changes.
    await api.request('PUT', `/v1/policies/${tenantDefault.id}`, {
      token: tenant,
      body: { name: 'Our default v2', steps: [{ offsetDays: 3, action: 'email' }] },
    });
    expect(await applicable(person)).toMatchObject({ policyId: tenantDefault.id, version: 2 });

    // A balance band reads the debtor's ledger: USD 2,000.00 owed puts Jane in the band.
    const { body: bigDebts } = await createPolicy(
      {
        name: 'Large USD consumer debts',
        appliesTo: { kind: 'person', balanceBand: { currency: 'USD', min: 1_000_00 } },
        steps: [{ offsetDays: 0, action: 'letter' }],
      },
      tenant,
    );
    expect(await applicable(person)).toMatchObject({ reason: 'tenant_default' });
    const invoice = await api.request('POST', '/v1/invoices', {
      token: tenant,
      body: {
        debtorId: person,
        number: 'J-1',
        currency: 'USD',
        amount: 2_000_00,
        issueDate: '2026-01-10',
        dueDate: '2026-02-09',
      },
    });
    expect(invoice.status).toBe(201);
    expect(await applicable(person)).toMatchObject({
      policyId: bigDebts.id,
      reason: 'segment',
      matchedOn: ['kind', 'balanceBand'],
      facts: { kind: 'person', balances: [{ currency: 'USD', outstanding: 2_000_00 }] },
    });

    const elsewhere = await api.token('acme', ['admin']);
    expect((await api.request('GET', `/v1/debtors/${person}/policy`, { token: elsewhere })).status).toBe(404);
  });

  it('documents the policy routes in OpenAPI', async () => {
    const document = await api.request('GET', '/v1/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/policies',
        '/v1/policies/{id}',
        '/v1/policies/{id}/versions',
        '/v1/debtors/{id}/policy',
      ]),
    );
    expect(document.body.components.schemas.Policy).toBeDefined();
  });
});
