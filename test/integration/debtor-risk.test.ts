import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = await api.token('risk-co', ['manager']);
});
afterAll(() => api.stop());

async function debtorWith(invoice: { dueDate: string } | undefined, extra: Record<string, unknown> = {}) {
  const debtor = await api.request('POST', '/v1/debtors', { token, body: sampleDebtor(extra) });
  if (invoice) {
    await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId: debtor.body.id,
        number: `R-${debtor.body.id}`,
        currency: 'EUR',
        amount: 500_000,
        issueDate: '2025-01-01',
        ...invoice,
      },
    });
  }
  return (await api.request('GET', `/v1/debtors/${debtor.body.id}`, { token })).body;
}

it('scores a long-overdue debtor riskier than a current one, with explained factors', async () => {
  const late = await debtorWith({ dueDate: '2025-02-01' }, { creditScore: 300 });
  const current = await debtorWith({ dueDate: '2099-01-01' }, { creditScore: 800 });
  const settled = await debtorWith(undefined);
  expect(late.riskScore).toBeGreaterThan(current.riskScore);
  expect(late.risk[0]).toMatchObject({
    currency: 'EUR',
    score: late.riskScore,
    modelVersion: expect.any(String),
  });
  const daysPastDue = late.risk[0].factors.find((f: { name: string }) => f.name === 'daysPastDue');
  expect(daysPastDue.explanation).toEqual(expect.any(String));
  expect(daysPastDue.contribution).toBeGreaterThan(0);
  expect(settled.riskScore).toBeNull();
  expect(settled.risk).toEqual([]);
});
