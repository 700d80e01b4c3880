import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token('acme', ['admin'], { sub: 'alice' });
});
afterAll(() => api.stop());

const createDebtor = async (overrides: Record<string, unknown> = {}, token = admin) =>
  api.request('POST', '/v1/debtors', { token, body: sampleDebtor(overrides) });

describe('debtors API', () => {
  it('creates a debtor and reads it back with per-currency balances', async () => {
    const created = await createDebtor({ externalRef: 'C-1' });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^dbt_/);
    expect(created.headers.get('location')).toBe(`/v1/debtors/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');

    const fetched = await api.request('GET', `/v1/debtors/${created.body.id}`, { token: admin });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toMatchObject({
      name: 'Globex GmbH',
      timezone: 'Europe/Berlin',
      version: 1,
      balances: [],
    });
    expect(fetched.body).not.toHaveProperty('tenantId');
  });

  it('keeps the language a debtor asked to be written to, clears it, and refuses one it cannot write', async () => {
    const created = await createDebtor({ language: 'en' });
    expect(created.status).toBe(201);
    expect(created.body.language).toBe('en');
    const cleared = await api.request('PATCH', `/v1/debtors/${created.body.id}`, {
      token: admin,
      body: { language: null },
      headers: { 'if-match': '"1"' },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('language');
    const french = await createDebtor({ language: 'fr' });
    expect(french.status).toBe(400);
    expect(french.body.errors[0].path).toBe('language');
  });

  it('keeps tenants apart: a token of tenant A gets 404 for tenant B debtor', async () => {
    const otherTenant = await api.token('globex-bank', ['admin']);
    const theirs = await createDebtor({}, otherTenant);
    expect(theirs.status).toBe(201);

    const read = await api.request('GET', `/v1/debtors/${theirs.body.id}`, { token: admin });
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    const patch = await api.request('PATCH', `/v1/debtors/${theirs.body.id}`, {
      token: admin,
      body: { name: 'Mine' },
    });
    expect(patch.status).toBe(404);
    const list = await api.request('GET', '/v1/debtors?limit=100', { token: admin });
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(theirs.body.id);
  });

  it('refuses writes to an auditor with 403 and anonymous callers with 401', async () => {
    const auditor = await api.token('acme', ['auditor']);
    const refused = await createDebtor({}, auditor);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 403, title: expect.any(String) });

    expect((await api.request('GET', '/v1/debtors')).status).toBe(401);
    const forged = `${admin.slice(0, -4)}AAAA`;
    expect((await api.request('GET', '/v1/debtors', { token: forged })).status).toBe(401);
    expect((await api.request('GET', '/v1/debtors', { token: auditor })).status).toBe(200);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"name": ' }, 'body'],
    ['an unknown field', { body: sampleDebtor({ color: 'red' }) }, ''],
    ['a wrong type', { body: sampleDebtor({ name: 42 }) }, 'name'],
    ['a 100 KB name', { body: sampleDebtor({ name: 'x'.repeat(100 * 1024) }) }, 'name'],
    ['an unknown time zone', { body: sampleDebtor({ timezone: 'Mars/Olympus' }) }, 'timezone'],
    ['a bad jurisdiction', { body: sampleDebtor({ jurisdiction: 'usa' }) }, 'jurisdiction'],
  ])('answers %s with 400 problem+json naming the field', async (_case, request, field) => {
    const before = await api.request('GET', '/v1/debtors?limit=100', { token: admin });
    const response = await api.request('POST', '/v1/debtors', { token: admin, ...request });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400 });
    expect(response.body.errors.length).toBeGreaterThan(0);
    if (field) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    const after = await api.request('GET', '/v1/debtors?limit=100', { token: admin });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('changes a debtor with If-Match and refuses a stale version with 409', async () => {
    const { body: debtor } = await createDebtor({ externalRef: 'C-PATCH' });
    const changed = await api.request('PATCH', `/v1/debtors/${debtor.id}`, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { name: 'Globex AG', email: null, externalRef: 'C-PATCH-2' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Globex AG', version: 2, externalRef: 'C-PATCH-2' });
    expect(changed.body).not.toHaveProperty('email');

    const stale = await api.request('PATCH', `/v1/debtors/${debtor.id}`, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { name: 'Late' },
    });
    expect(stale.status).toBe(409);
    const unchanged = await api.request('GET', `/v1/debtors/${debtor.id}`, { token: admin });
    expect(unchanged.body.name).toBe('Globex AG');

    // The released reference can be claimed again; the new one is taken.
    expect((await createDebtor({ externalRef: 'C-PATCH' })).status).toBe(201);
    expect((await createDebtor({ externalRef: 'C-PATCH-2' })).status).toBe(409);
  });

  it('refuses required fields set to null and an empty change', async () => {
    const { body: debtor } = await createDebtor();
    expect(
      (await api.request('PATCH', `/v1/debtors/${debtor.id}`, { token: admin, body: { name: null } })).status,
    ).toBe(400);
    expect((await api.request('PATCH', `/v1/debtors/${debtor.id}`, { token: admin, body: {} })).status).toBe(
      400,
    );
    const badVersion = await api.request('PATCH', `/v1/debtors/${debtor.id}`, {
      token: admin,
      headers: { 'if-match': 'yesterday' },
      body: { name: 'X' },
    });
    expect(badVersion.status).toBe(400);
  });

  it('lists with a cursor and searches by name prefix and external reference', async () => {
    const searcher = await api.token('search-co', ['collector']);
    const names = ['Álvarez Hermanos', 'Alvarado Ltd', 'Bertram plc', 'Candela SA', 'Alverton Inc'];
    for (const [index, name] of names.entries()) {
      expect((await createDebtor({ name, externalRef: `S-${index}` }, searcher)).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.request('GET', `/v1/debtors${query}`, { token: searcher });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d: { name: string }) => d.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...names].sort());

    const alv = await api.request('GET', '/v1/debtors?search=alv', { token: searcher });
    expect(alv.body.items.map((d: { name: string }) => d.name).sort()).toEqual(
      ['Alvarado Ltd', 'Alverton Inc', 'Álvarez Hermanos'].sort(),
    );
    const byRef = await api.request('GET', '/v1/debtors?search=S-2', { token: searcher });
    expect(byRef.body.items.map((d: { name: string }) => d.name)).toEqual(['Bertram plc']);

    const foreignCursor = Buffer.from(
      JSON.stringify({ gsi1pk: 'T#acme#DEBTORS', gsi1sk: 'a', pk: 'x', sk: 'y' }),
    ).toString('base64url');
    const tampered = await api.request('GET', `/v1/debtors?cursor=${foreignCursor}`, { token: searcher });
    expect(tampered.status).toBe(400);
    const partial = Buffer.from(JSON.stringify({ gsi1pk: 'T#search-co#DEBTORS' })).toString('base64url');
    expect((await api.request('GET', `/v1/debtors?cursor=${partial}`, { token: searcher })).status).toBe(400);
    const page = await api.request('GET', '/v1/debtors?search=alv&limit=1', { token: searcher });
    const otherSearch = await api.request('GET', `/v1/debtors?search=bert&cursor=${page.body.nextCursor}`, {
      token: searcher,
    });
    expect(otherSearch.status).toBe(400);
  });

  it('records who changed what, when, before and after', async () => {
    const { body: debtor } = await createDebtor();
    await api.request('PATCH', `/v1/debtors/${debtor.id}`, { token: admin, body: { creditScore: 640 } });
    const audit = await api.request('GET', `/v1/audit?entityId=${debtor.id}`, { token: admin });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'debtor.created',
      'debtor.updated',
    ]);
    const [created, updated] = audit.body.items;
    expect(created).toMatchObject({
      actor: { sub: 'alice', roles: ['admin'] },
      before: null,
      after: { id: debtor.id },
    });
    expect(updated.before).not.toHaveProperty('creditScore');
    expect(updated.after).toMatchObject({ creditScore: 640, version: 2 });

    const collector = await api.token('acme', ['collector']);
    expect((await api.request('GET', `/v1/audit?entityId=${debtor.id}`, { token: collector })).status).toBe(
      403,
    );
  });

  it('replays a POST with the same Idempotency-Key once and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'create-debtor-42' };
    const first = await api.request('POST', '/v1/debtors', {
      token: admin,
      headers,
      body: sampleDebtor({ name: 'Once Ltd' }),
    });
    const second = await api.request('POST', '/v1/debtors', {
      token: admin,
      headers,
      body: sampleDebtor({ name: 'Once Ltd' }),
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.request('POST', '/v1/debtors', {
      token: admin,
      headers,
      body: sampleDebtor({ name: 'Twice Ltd' }),
    });
    expect(other.status).toBe(422);

    const concurrent = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.request('POST', '/v1/debtors', {
          token: admin,
          headers: { 'idempotency-key': 'race-1' },
          body: sampleDebtor({ name: 'Race Ltd' }),
        }),
      ),
    );
    expect(new Set(concurrent.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    const found = await api.request('GET', '/v1/debtors?search=race', { token: admin });
    expect(found.body.items).toHaveLength(1);
  });

  it('lets a portal user see only their own debtor record', async () => {
    const { body: mine } = await createDebtor();
    const { body: other } = await createDebtor();
    const portal = await api.token('acme', ['debtor'], { debtorId: mine.id });
    expect((await api.request('GET', `/v1/debtors/${mine.id}`, { token: portal })).status).toBe(200);
    expect((await api.request('GET', `/v1/debtors/${other.id}`, { token: portal })).status).toBe(404);
    expect((await api.request('GET', '/v1/debtors', { token: portal })).status).toBe(403);
  });

  it('serves health and the OpenAPI document without a token', async () => {
    expect((await api.request('GET', '/health')).body).toEqual({ status: 'ok' });
    const document = await api.request('GET', '/v1/openapi.json');
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/v1/debtors', '/v1/debtors/{id}', '/v1/invoices']),
    );
    expect((await api.request('DELETE', '/v1/debtors')).status).toBe(405);
    expect((await api.request('GET', '/v1/nothing-here')).status).toBe(404);
  });
});
