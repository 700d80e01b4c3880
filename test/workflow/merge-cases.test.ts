import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;
const TENANT = 'merge-cases-co';

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
});
afterAll(() => api.stop());

let counter = 0;
async function debtorWithInvoice(name: string, dueDate: string) {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: {
      name,
      kind: 'business',
      email: 'ap@initech.example',
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
    },
  });
  const invoice = await api.request('POST', '/v1/invoices', {
    token,
    body: {
      debtorId: debtor.body.id,
      number: `MC-${++counter}`,
      currency: 'EUR',
      amount: 80_000,
      issueDate: '2027-01-01',
      dueDate,
    },
  });
  expect(invoice.status).toBe(201);
  return debtor.body.id as string;
}

const caseOf = async (debtorId: string) =>
  (await api.request('GET', `/v1/debtors/${debtorId}/case`, { token })).body;
const executionsOf = async (debtorId: string) =>
  (await api.request('GET', `/dev/executions?debtorId=${debtorId}`)).body.items;

/**
 * Merges the duplicate into the survivor in a request whose process dies as it closes the
 * duplicate's case: the books moved and the merge completed, the cases not handed over.
 */
async function mergeStoppingBeforeHandOver(survivorId: string, duplicateId: string, headers = {}) {
  const closeOpen = jest
    .spyOn(api.runtime.services.cases, 'closeOpen')
    .mockRejectedValueOnce(new Error('the process died'));
  const stopped = await api.request('POST', `/v1/debtors/${survivorId}/merge`, {
    token,
    body: { duplicateId },
    headers,
  });
  expect(stopped.status).toBe(500);
  closeOpen.mockRestore();
  const { mergeId } = (await api.request('GET', `/v1/debtors/${duplicateId}`, { token })).body;
  const path = `/v1/merges/${mergeId}`;
  expect((await api.request('GET', path, { token })).body).toMatchObject({
    status: 'completed',
    casesHandedOver: false,
  });
  expect(await caseOf(duplicateId)).toMatchObject({ status: 'active' });
  return { mergeId: mergeId as string, path };
}

describe('a merge and the collection cases', () => {
  it("ends the duplicate's case and execution, and the survivor's case takes the debts up", async () => {
    // The survivor owes later (no case yet); the duplicate is overdue, its case running.
    const survivorId = await debtorWithInvoice('Initech GmbH', '2027-06-01');
    const duplicateId = await debtorWithInvoice('Initech AG', '2027-02-15');
    expect(await caseOf(survivorId)).toMatchObject({ status: 404 });
    const running = await caseOf(duplicateId);
    expect(running.status).toBe('active');
    expect(await executionsOf(duplicateId)).toMatchObject([{ status: 'RUNNING' }]);

    const merged = await api.request('POST', `/v1/debtors/${survivorId}/merge`, {
      token,
      body: { duplicateId },
    });
    expect(merged.status).toBe(200);

    expect(await caseOf(duplicateId)).toMatchObject({
      id: running.id,
      status: 'closed',
      closeReason: 'merged',
    });
    expect(await executionsOf(duplicateId)).toMatchObject([
      { status: 'SUCCEEDED', currentState: 'CaseClosed' },
    ]);
    const taken = await caseOf(survivorId);
    expect(taken.status).toBe('active');
    expect(await executionsOf(survivorId)).toMatchObject([{ status: 'RUNNING', name: taken.executionName }]);
  });

  it('hands the cases over when the request that finished the merge stopped before doing so', async () => {
    const survivorId = await debtorWithInvoice('Hooli GmbH', '2027-06-01');
    const duplicateId = await debtorWithInvoice('Hooli AG', '2027-02-15');
    const running = await caseOf(duplicateId);
    expect(running.status).toBe('active');

    const key = { 'idempotency-key': `merge-${duplicateId}` };
    const { path } = await mergeStoppingBeforeHandOver(survivorId, duplicateId, key);
    const request = () =>
      api.request('POST', `/v1/debtors/${survivorId}/merge`, { token, body: { duplicateId }, headers: key });

    // The retry with the same key is not answered from the store: it hands the cases over first.
    const retried = await request();
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body).toMatchObject({
      id: survivorId,
      balances: [{ currency: 'EUR', outstanding: 160_000 }],
    });
    expect(await caseOf(duplicateId)).toMatchObject({
      id: running.id,
      status: 'closed',
      closeReason: 'merged',
    });
    expect(await executionsOf(duplicateId)).toMatchObject([
      { status: 'SUCCEEDED', currentState: 'CaseClosed' },
    ]);
    const taken = await caseOf(survivorId);
    expect(taken.status).toBe('active');
    expect(await executionsOf(survivorId)).toMatchObject([{ status: 'RUNNING', name: taken.executionName }]);
    expect((await api.request('GET', path, { token })).body).toMatchObject({ casesHandedOver: true });

    // From here the stored answer is replayed.
    const replayed = await request();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(retried.body);
  });

  it('hands the cases over at the next tenant day when the stopped request is never retried', async () => {
    const survivorId = await debtorWithInvoice('Pied Piper GmbH', '2027-06-01');
    const duplicateId = await debtorWithInvoice('Pied Piper AG', '2027-02-15');
    const running = await caseOf(duplicateId);
    expect(running.status).toBe('active');
    const { mergeId, path } = await mergeStoppingBeforeHandOver(survivorId, duplicateId);

    // Nobody asks again; the tenant's next day begins.
    await api.request('POST', '/dev/clock', { body: { advance: 'P1D' } });
    expect((await api.request('GET', path, { token })).body).toMatchObject({ casesHandedOver: true });
    expect(await caseOf(duplicateId)).toMatchObject({
      id: running.id,
      status: 'closed',
      closeReason: 'merged',
    });
    expect(await caseOf(survivorId)).toMatchObject({ status: 'active' });
    const audit = await api.request('GET', `/v1/audit?entityId=${mergeId}`, { token });
    expect(audit.body.items.map((entry: any) => [entry.action, entry.actor.sub])).toContainEqual([
      'merge.cases_handed_over',
      'system:merges',
    ]);
  });
});
