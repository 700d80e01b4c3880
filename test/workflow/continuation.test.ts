/**
 * A case outlives an execution's one-year limit (here: a dispute nobody answers): near the limit
 * the review hands it to the next generation's execution, and the first ends at CaseContinued —
 * run on the synthesized definition by the local interpreter, on the local clock.
 */
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token('long-co', ['admin'], { sub: 'admin-1' });
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
});
afterAll(() => api.stop());

it('hands a case that lives past 330 days to a new execution, which carries on', async () => {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: {
      name: 'Slow GmbH',
      kind: 'business',
      email: 'ap@slow.example',
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
    },
  });
  const invoice = await api.request('POST', '/v1/invoices', {
    token,
    body: {
      debtorId: debtor.body.id,
      number: 'LONG-1',
      currency: 'EUR',
      amount: 50_000,
      issueDate: '2027-02-01',
      dueDate: '2027-03-15',
    },
  });
  await api.request('POST', '/dev/clock', { body: { now: '2027-03-08T12:00:00Z' } });
  const opened = (await api.request('GET', `/v1/debtors/${debtor.body.id}/case`, { token })).body;
  expect(opened.status).toBe('active');
  const dispute = await api.request('POST', `/v1/invoices/${invoice.body.id}/disputes`, {
    token,
    body: { reason: 'Never ordered' },
  });
  expect(dispute.status).toBe(201);

  await api.request('POST', '/dev/clock', { body: { now: '2028-02-15T12:00:00Z' } });
  const executions = (await api.request('GET', `/dev/executions?debtorId=${debtor.body.id}`)).body.items;
  expect(
    executions.map((execution: { name: string; status: string; currentState: string }) => [
      execution.name,
      execution.status,
      execution.currentState,
    ]),
  ).toEqual([
    [opened.executionName, 'SUCCEEDED', 'CaseContinued'],
    [`${opened.executionName}_g2`, 'RUNNING', 'WaitForNextStep'],
  ]);
  const collectionCase = (await api.request('GET', `/v1/debtors/${debtor.body.id}/case`, { token })).body;
  expect(collectionCase).toMatchObject({ status: 'paused', executionName: `${opened.executionName}_g2` });
  expect(collectionCase.history.map((event: { kind: string }) => event.kind)).toContain('continued');
}, 120_000);
