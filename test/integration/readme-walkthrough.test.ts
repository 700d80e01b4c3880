/** The README's curl walkthrough, run verbatim against the local runtime. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

function walkthrough(): string {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const block = /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme);
  if (!block?.[1]) throw new Error('README has no walkthrough block');
  return block[1];
}

it('runs the README walkthrough verbatim and gets the documented answers', async () => {
  // Asynchronously: the local server answering the script runs in this very process.
  const { stdout: output } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', walkthrough()], {
    env: { ...process.env, BASE: api.runtime.url },
    encoding: 'utf8',
  });
  const lines = output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, any>);
  const [
    secondInvoice,
    payment,
    debtor,
    invoice,
    search,
    audit,
    patched,
    stale,
    invalid,
    promise,
    metrics,
    contactCheck,
    simulation,
    collectionCase,
    clock,
    worklist,
    series,
  ] = lines;
  expect(secondInvoice).toMatchObject({ number: '2026-0077', status: 'open' });
  expect(payment).toMatchObject({ amount: 150000, unapplied: 0 });
  expect(payment?.allocations.map((a: { amount: number }) => a.amount)).toEqual([125000, 25000]);
  expect(debtor?.balances).toEqual([{ currency: 'EUR', outstanding: 35000, overdue: expect.any(Number) }]);
  expect(invoice).toMatchObject({ status: 'paid', outstanding: 0 });
  expect(search?.items).toHaveLength(1);
  expect(audit?.items.map((e: { action: string }) => e.action)).toEqual([
    'invoice.created',
    'invoice.payment_applied',
  ]);
  expect(patched).toMatchObject({ phone: '+4930123456', version: 2 });
  expect(stale).toMatchObject({ status: 409 });
  expect(invalid).toMatchObject({ status: 400 });
  expect(invalid?.errors.map((e: { path: string }) => e.path)).toEqual(
    expect.arrayContaining(['kind', 'timezone', 'jurisdiction']),
  );
  expect(promise).toMatchObject({ status: 'pending', amount: 35000 });
  expect(metrics).toMatchObject({ currency: 'EUR', inputs: { creditSales: 185000 } });
  expect(contactCheck).toMatchObject({
    allowed: false,
    reasons: [{ code: 'not_a_contact_day' }],
    nextAllowedAt: '2026-03-09T07:00:00.000Z',
    rulePacks: ['business-defaults', 'recoup-defaults'],
  });
  expect(simulation).toMatchObject({ lawful: true, summary: { sent: expect.any(Number) } });
  expect(simulation?.summary.sent).toBeGreaterThan(0);
  // The first invoice was months overdue when the case opened: its cadence starts that day.
  expect(collectionCase).toMatchObject({
    status: 'active',
    policyId: 'builtin-default',
    executionName: expect.stringContaining('demo_case_'),
    currentState: 'WaitForNextStep',
  });
  expect(collectionCase?.history[0]).toMatchObject({ kind: 'opened' });
  expect(clock?.now).toEqual(expect.any(String));
  // The day the clock moved into opened: its worklist is built (empty: no calls due yet).
  expect(worklist).toMatchObject({ builtAt: expect.any(String), items: expect.any(Array) });
  // One point a month; March has no credit sales, so no DSO (null, never NaN).
  expect(series?.map((point: { month: string }) => point.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  expect(series?.[0].dso).toEqual(expect.any(Number));
  expect(series?.[2].dso).toBeNull();
});
