import { mergeDebtors } from '../../shared/app/debtors/merge-debtors';
import { reverseMerge } from '../../shared/app/debtors/reverse-merge';
import { recordPayment } from '../../shared/app/payments/record-payment';
import type { DebtorStore } from '../../shared/ports/debtor-store';
import type { MergeStore } from '../../shared/ports/merge-store';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let manager: string;
const TENANT = 'merge-co';

beforeAll(async () => {
  api = await startTestApi();
  manager = await api.token(TENANT, ['manager'], { sub: 'manager-1' });
});
afterAll(() => api.stop());

let counter = 0;
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await api.request('POST', path, { token: manager, body, headers });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};
const get = async (path: string, token = manager) => (await api.request('GET', path, { token })).body;

async function invoice(debtorId: string, currency: string, amount: number) {
  return post('/v1/invoices', {
    debtorId,
    number: `MRG-${++counter}`,
    currency,
    amount,
    issueDate: '2026-01-05',
    // Far ahead: no collection case opens, the books alone are under test here.
    dueDate: '2027-12-31',
  });
}

const pay = (debtorId: string, currency: string, amount: number) =>
  post('/v1/payments', { debtorId, currency, amount, receivedAt: api.runtime.clock.now().toISOString() });

const balances = async (debtorId: string) => {
  const debtor = await get(`/v1/debtors/${debtorId}`);
  return {
    balances: debtor.balances.map((b: any) => ({ currency: b.currency, outstanding: b.outstanding })),
    credits: debtor.credits,
  };
};

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();

/** The manager, as a use case called directly sees them. */
const managerActor = { sub: 'manager-1', tenantId: TENANT, roles: ['manager' as const] };

type MoveChunk = MergeStore['moveChunk'];

/**
 * The merge store of a process whose chunk moves go through `moveChunk`, handed the real one: to
 * make the process die at a chunk, or to change a record between two chunks.
 */
function mergesMoving(moveChunk: (real: MoveChunk, ...args: Parameters<MoveChunk>) => Promise<void>) {
  return new Proxy(api.runtime.services.merges, {
    get(target, property: keyof MergeStore) {
      if (property === 'moveChunk') {
        return (...args: Parameters<MoveChunk>) => moveChunk(target.moveChunk.bind(target), ...args);
      }
      const value = target[property];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Two records of one business: the survivor owes in EUR and USD, the duplicate in EUR, USD and holds GBP credit. */
async function twoBooks(suffix: string) {
  const survivor = await post(
    '/v1/debtors',
    sampleDebtor({
      name: `Globex ${suffix} GmbH`,
      email: `ap@globex-${suffix}.example`,
      taxId: `DE 123 456 ${suffix}`,
    }),
  );
  const duplicate = await post(
    '/v1/debtors',
    sampleDebtor({
      name: `GLOBEX ${suffix} Gmbh.`,
      email: `AP+billing@Globex-${suffix}.example`,
      taxId: `de123456${suffix}`,
      phone: '+4930123456',
    }),
  );
  const survivorInvoices = [
    await invoice(survivor.id, 'EUR', 100_000),
    await invoice(survivor.id, 'USD', 50_000),
  ];
  const survivorPayment = await pay(survivor.id, 'EUR', 30_000);
  const disputed = await invoice(duplicate.id, 'EUR', 40_000);
  const usd = await invoice(duplicate.id, 'USD', 20_000);
  const planned = await invoice(duplicate.id, 'EUR', 10_000);
  const duplicatePayments = [await pay(duplicate.id, 'USD', 5_000), await pay(duplicate.id, 'GBP', 7_000)];
  const promise = await post(`/v1/debtors/${duplicate.id}/promises`, {
    currency: 'EUR',
    amount: 10_000,
    dueDate: '2027-06-01',
  });
  const plan = await post(`/v1/debtors/${duplicate.id}/plans`, {
    invoiceIds: [planned.id],
    installments: 2,
    frequency: 'monthly',
    firstDueDate: '2027-07-01',
  });
  const dispute = await post(`/v1/invoices/${disputed.id}/disputes`, { reason: 'Goods not received' });
  const activities = [
    await post(`/v1/debtors/${duplicate.id}/activities`, { type: 'note', text: 'Same company as Globex' }),
    await post(`/v1/debtors/${duplicate.id}/activities`, {
      type: 'call',
      direction: 'inbound',
      outcome: 'conversation',
    }),
  ];
  return {
    survivor,
    duplicate,
    survivorInvoices,
    survivorPayment,
    duplicateInvoices: [disputed, usd, planned],
    duplicatePayments,
    promise,
    plan,
    dispute,
    activities,
  };
}

describe('duplicates and merges', () => {
  it('finds the duplicate, merges every record and the balances, keeps both histories, and reverses', async () => {
    const books = await twoBooks('01');
    const { survivor, duplicate } = books;

    const candidates = await get(`/v1/debtors/${survivor.id}/duplicates`);
    expect(candidates.items[0]).toMatchObject({ debtor: { id: duplicate.id }, score: 100 });
    expect(candidates.items[0].reasons.map((reason: any) => reason.field).sort()).toEqual([
      'email',
      'name',
      'taxId',
    ]);

    const before = { survivor: await balances(survivor.id), duplicate: await balances(duplicate.id) };
    expect(before.survivor.balances).toEqual([
      { currency: 'EUR', outstanding: 70_000 },
      { currency: 'USD', outstanding: 50_000 },
    ]);
    expect(before.duplicate).toEqual({
      balances: [
        { currency: 'EUR', outstanding: 50_000 },
        { currency: 'USD', outstanding: 15_000 },
      ],
      credits: [{ currency: 'GBP', amount: 7_000 }],
    });

    const key = { 'idempotency-key': `merge-${duplicate.id}` };
    const merged = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
      headers: key,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: survivor.id,
      balances: [
        { currency: 'EUR', outstanding: 120_000 },
        { currency: 'USD', outstanding: 65_000 },
      ],
      credits: [{ currency: 'GBP', amount: 7_000 }],
    });
    const mergePath = merged.headers.get('content-location') as string;
    expect(mergePath).toMatch(/^\/v1\/merges\/mrg_/);

    const replayed = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
      headers: key,
    });
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(merged.body);

    // Every record is the survivor's now, and the old ids still resolve.
    const allInvoices = [...books.survivorInvoices, ...books.duplicateInvoices];
    expect(ids(await get(`/v1/debtors/${survivor.id}/invoices?limit=50`))).toEqual(
      allInvoices.map((item) => item.id).sort(),
    );
    expect(ids(await get(`/v1/debtors/${survivor.id}/payments?limit=50`))).toEqual(
      [books.survivorPayment, ...books.duplicatePayments].map((item) => item.id).sort(),
    );
    expect(ids(await get(`/v1/debtors/${survivor.id}/promises`))).toEqual([books.promise.id]);
    expect(ids(await get(`/v1/debtors/${survivor.id}/plans`))).toEqual([books.plan.id]);
    expect(ids(await get(`/v1/debtors/${survivor.id}/disputes`))).toEqual([books.dispute.id]);
    const survivorActivities = ids(await get(`/v1/debtors/${survivor.id}/activities?limit=50`));
    for (const activity of books.activities) expect(survivorActivities).toContain(activity.id);
    for (const record of [
      `/v1/invoices/${books.duplicateInvoices[0].id}`,
      `/v1/payments/${books.duplicatePayments[0].id}`,
      `/v1/disputes/${books.dispute.id}`,
    ]) {
      expect(await get(record)).toMatchObject({ debtorId: survivor.id });
    }

    // The old debtor keeps its record and history, names the survivor, and takes no new invoice.
    const old = await api.request('GET', `/v1/debtors/${duplicate.id}`, { token: manager });
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ id: duplicate.id, mergedInto: survivor.id, balances: [], credits: [] });
    expect(old.headers.get('location')).toBe(`/v1/debtors/${survivor.id}`);
    expect((await get(`/v1/debtors/${duplicate.id}/activities`)).items).toHaveLength(2);
    const refused = await api.request('POST', '/v1/invoices', {
      token: manager,
      body: {
        debtorId: duplicate.id,
        number: `MRG-${++counter}`,
        currency: 'EUR',
        amount: 1_000,
        issueDate: '2026-01-05',
        dueDate: '2027-12-31',
      },
    });
    expect(refused.status).toBe(404);

    // The audit shows the merge on both debtors and on the merge.
    const auditor = await api.token(TENANT, ['auditor']);
    const actions = async (entityId: string) =>
      (await get(`/v1/audit?entityId=${entityId}`, auditor)).items.map((entry: any) => entry.action);
    expect(await actions(survivor.id)).toContain('debtor.merged');
    expect(await actions(duplicate.id)).toContain('debtor.merged_into');
    const mergeId = mergePath.split('/').pop() as string;
    expect(await actions(mergeId)).toEqual(['merge.started', 'merge.completed', 'merge.cases_handed_over']);
    const mergeRecord = await get(mergePath);
    expect(mergeRecord).toMatchObject({
      status: 'completed',
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      moved: { invoice: 3, payment: 2, promise: 1, plan: 1, dispute: 1, activity: 2 },
      movedCredit: { GBP: 7_000 },
      reversibleUntil: expect.any(String),
      casesHandedOver: true,
    });

    // Reversed: both books as they were.
    const reversed = await api.request('POST', `${mergePath}/reverse`, {
      token: manager,
      body: { reason: 'Two subsidiaries after all' },
    });
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ status: 'reversed', reversalReason: 'Two subsidiaries after all' });
    expect(await balances(survivor.id)).toEqual(before.survivor);
    expect(await balances(duplicate.id)).toEqual(before.duplicate);
    expect(ids(await get(`/v1/debtors/${duplicate.id}/invoices?limit=50`))).toEqual(
      books.duplicateInvoices.map((item) => item.id).sort(),
    );
    expect(await get(`/v1/payments/${books.duplicatePayments[1].id}`)).toMatchObject({
      debtorId: duplicate.id,
    });
    expect(ids(await get(`/v1/debtors/${survivor.id}/activities?limit=50`))).not.toContain(
      books.activities[0].id,
    );
    expect((await get(`/v1/debtors/${duplicate.id}`)).mergedInto).toBeUndefined();
    expect(await actions(mergeId)).toEqual([
      'merge.started',
      'merge.completed',
      'merge.cases_handed_over',
      'merge.reversal_started',
      'merge.reversed',
    ]);
  });

  it('refuses to reverse once a moved invoice was paid by the survivor', async () => {
    const { survivor, duplicate, duplicateInvoices } = await twoBooks('02');
    const merged = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
    });
    expect(merged.status).toBe(200);
    await post('/v1/payments', {
      debtorId: survivor.id,
      currency: 'USD',
      amount: 1_000,
      receivedAt: api.runtime.clock.now().toISOString(),
      allocations: [{ invoiceId: duplicateInvoices[1].id, amount: 1_000 }],
    });
    const reversal = await api.request('POST', `${merged.headers.get('content-location')}/reverse`, {
      token: manager,
      body: { reason: 'Wrong one' },
    });
    expect(reversal.status).toBe(422);
    expect(reversal.body.detail).toMatch(/invoice .* changed since the merge/);
  });

  it('stops a resumed reversal at a moved invoice the survivor paid meanwhile, moving nothing, and the merge stands', async () => {
    const { survivor, duplicate, duplicateInvoices } = await twoBooks('04');
    const merged = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
    });
    expect(merged.status).toBe(200);
    const mergePath = merged.headers.get('content-location') as string;
    const mergeId = mergePath.split('/').pop() as string;

    // The reversal passes its checks, then stops before its first chunk: the merge stays `reversing`.
    const services = api.runtime.services;
    const stopping = mergesMoving(async () => {
      throw new Error('the process died');
    });
    await expect(
      reverseMerge({ ...services, merges: stopping }, { actor: managerActor }, mergeId, 'Wrong one'),
    ).rejects.toThrow('the process died');
    expect(await get(mergePath)).toMatchObject({ status: 'reversing', movedCount: 0 });

    // Meanwhile the survivor pays an invoice that came from the duplicate.
    const paidInvoice = duplicateInvoices[1];
    const payment = await post('/v1/payments', {
      debtorId: survivor.id,
      currency: 'USD',
      amount: 1_000,
      receivedAt: api.runtime.clock.now().toISOString(),
      allocations: [{ invoiceId: paidInvoice.id, amount: 1_000 }],
    });
    const survivorBefore = await balances(survivor.id);

    const retried = await api.request('POST', `${mergePath}/reverse`, {
      token: manager,
      body: { reason: 'Wrong one' },
    });
    expect(retried.status).toBe(409);
    expect(retried.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(retried.body.detail).toMatch(new RegExp(`invoice ${paidInvoice.id} moved with version \\d+`));

    // Nothing moved: the paid invoice and its payment are both still the survivor's.
    expect(await get(`/v1/invoices/${paidInvoice.id}`)).toMatchObject({ debtorId: survivor.id });
    expect(await get(`/v1/payments/${payment.id}`)).toMatchObject({
      debtorId: survivor.id,
      allocations: [expect.objectContaining({ invoiceId: paidInvoice.id, amount: 1_000 })],
    });
    expect(ids(await get(`/v1/debtors/${duplicate.id}/invoices?limit=50`))).toEqual([]);
    expect(await balances(survivor.id)).toEqual(survivorBefore);
    expect(await balances(duplicate.id)).toEqual({ balances: [], credits: [] });
    const stood = await get(mergePath);
    expect(stood).toMatchObject({ status: 'completed', movedCount: stood.records.length });
    expect(stood.reversedBy).toBeUndefined();
  });

  it('returns to the survivor what a reversal moved back before it stopped on a changed record', async () => {
    const { survivor, duplicate } = await twoBooks('05');
    // More records than one chunk moves, so the reversal can stop after moving some back.
    const extra = [];
    for (let index = 0; index < 25; index += 1) extra.push(await invoice(duplicate.id, 'USD', 1_000));
    const merged = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
    });
    expect(merged.status).toBe(200);
    const mergePath = merged.headers.get('content-location') as string;
    const mergeId = mergePath.split('/').pop() as string;
    const completed = await get(mergePath);
    const records: { kind: string; id: string }[] = completed.records;
    expect(records.length).toBeGreaterThan(25);
    const target = records.slice(25).find((record) => record.kind === 'invoice');
    expect(target).toBeDefined();
    const survivorBefore = await balances(survivor.id);
    const activitiesBefore = ids(await get(`/v1/debtors/${survivor.id}/activities?limit=100`));

    // The first chunk moves back; before the second, the survivor pays an invoice that is in it. The
    // process then dies as it starts returning the first chunk to the survivor.
    const services = api.runtime.services;
    let chunks = 0;
    const paying = mergesMoving(async (moveChunk, ...args) => {
      const [, from, direction] = args;
      if (direction === 'merge') throw new Error('the process died');
      if (direction === 'reverse' && from > 0 && chunks++ === 0) {
        await post('/v1/payments', {
          debtorId: survivor.id,
          currency: 'USD',
          amount: 1_000,
          receivedAt: api.runtime.clock.now().toISOString(),
          allocations: [{ invoiceId: target!.id, amount: 1_000 }],
        });
      }
      return moveChunk(...args);
    });
    await expect(
      reverseMerge({ ...services, merges: paying }, { actor: managerActor }, mergeId, 'Wrong one'),
    ).rejects.toThrow('the process died');
    expect(chunks).toBe(1);
    expect(await get(mergePath)).toMatchObject({
      status: 'undoing_reversal',
      reversalStoppedAt: 25,
      movedCount: 0,
    });
    const movedBack = records.slice(0, 25).find((record) => record.kind === 'invoice');
    expect(await get(`/v1/invoices/${movedBack!.id}`)).toMatchObject({ debtorId: duplicate.id });

    // The next request finishes returning them, and says why the reversal did not happen.
    const resumed = await api.request('POST', `${mergePath}/reverse`, {
      token: manager,
      body: { reason: 'Wrong one' },
    });
    expect(resumed.status).toBe(409);
    expect(resumed.body.detail).toMatch(
      /stopped on a record changed since the merge; .*returned to the survivor/,
    );

    // Everything is the survivor's again, with the payment; the duplicate holds nothing.
    const stood = await get(mergePath);
    expect(stood).toMatchObject({ status: 'completed', movedCount: records.length });
    expect(stood.reversedBy).toBeUndefined();
    for (const record of records.filter((item) => item.kind === 'invoice')) {
      expect(await get(`/v1/invoices/${record.id}`)).toMatchObject({ debtorId: survivor.id });
    }
    expect(ids(await get(`/v1/debtors/${duplicate.id}/invoices?limit=100`))).toEqual([]);
    expect(await balances(duplicate.id)).toEqual({ balances: [], credits: [] });
    expect(await balances(survivor.id)).toEqual({
      ...survivorBefore,
      balances: survivorBefore.balances.map((balance: { currency: string; outstanding: number }) =>
        balance.currency === 'USD' ? { ...balance, outstanding: balance.outstanding - 1_000 } : balance,
      ),
    });
    expect(ids(await get(`/v1/debtors/${survivor.id}/activities?limit=100`))).toEqual(
      expect.arrayContaining(activitiesBefore),
    );
    expect((await get(`/v1/debtors/${duplicate.id}`)).mergedInto).toBe(survivor.id);

    const auditor = await api.token(TENANT, ['auditor']);
    const actions = (await get(`/v1/audit?entityId=${mergeId}`, auditor)).items.map(
      (entry: any) => entry.action,
    );
    expect(actions.slice(-3)).toEqual([
      'merge.reversal_started',
      'merge.reversal_stopped',
      'merge.reversal_undone',
    ]);

    // Asked again, the reversal is refused before anything moves: the invoice changed since the merge.
    const again = await api.request('POST', `${mergePath}/reverse`, {
      token: manager,
      body: { reason: 'Wrong one' },
    });
    expect(again.status).toBe(422);
    expect(again.body.detail).toMatch(/changed since the merge/);
  });

  it('keeps merges to managers and admins, and to the tenant', async () => {
    const { survivor, duplicate } = await twoBooks('03');
    const collector = await api.token(TENANT, ['collector']);
    const asCollector = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: collector,
      body: { duplicateId: duplicate.id },
    });
    expect(asCollector.status).toBe(403);
    const otherTenant = await api.token('other-co', ['admin']);
    const fromOutside = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: otherTenant,
      body: { duplicateId: duplicate.id },
    });
    expect(fromOutside.status).toBe(404);
    expect(
      (await api.request('GET', `/v1/debtors/${survivor.id}/duplicates`, { token: otherTenant })).status,
    ).toBe(404);
    const merged = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
    });
    const mergePath = merged.headers.get('content-location') as string;
    expect((await api.request('GET', mergePath, { token: otherTenant })).status).toBe(404);
    expect(
      (await api.request('POST', `${mergePath}/reverse`, { token: otherTenant, body: { reason: 'x' } }))
        .status,
    ).toBe(404);
    const again = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
    });
    expect(again.status).toBe(422);
    const itself = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: survivor.id },
    });
    expect(itself.status).toBe(422);
  });

  it('finishes a merge a crash cut short, with what reached the duplicate meanwhile', async () => {
    const survivor = await post('/v1/debtors', sampleDebtor({ name: 'Umbrella Ltd' }));
    const duplicate = await post('/v1/debtors', sampleDebtor({ name: 'Umbrella Limited' }));
    await invoice(survivor.id, 'EUR', 5_000);
    // 30 invoices: two chunks of the plan.
    for (let index = 0; index < 30; index += 1) await invoice(duplicate.id, 'EUR', 1_000);
    const services = api.runtime.services;
    let chunks = 0;
    const crashing = mergesMoving(async (moveChunk, ...args) => {
      chunks += 1;
      if (chunks > 1) throw new Error('the process died');
      return moveChunk(...args);
    });
    await expect(
      mergeDebtors({ ...services, merges: crashing }, { actor: managerActor }, survivor.id, duplicate.id),
    ).rejects.toThrow('the process died');

    const halfway = await get(`/v1/debtors/${duplicate.id}`);
    expect(halfway.mergedInto).toBe(survivor.id);
    expect(await get(`/v1/merges/${halfway.mergeId}`)).toMatchObject({
      status: 'in_progress',
      movedCount: 25,
    });
    // The duplicate's invoices are split over both partitions; the balances still add up.
    const split = [await balances(survivor.id), await balances(duplicate.id)].map(
      (debtor) => debtor.balances[0]?.outstanding ?? 0,
    );
    expect(split[0]! + split[1]!).toBe(35_000);
    expect(split[1]).toBe(5_000);
    // New records for a merged debtor are refused from the merge's start…
    const refusedPayment = await api.request('POST', '/v1/payments', {
      token: manager,
      body: {
        debtorId: duplicate.id,
        currency: 'EUR',
        amount: 500,
        receivedAt: api.runtime.clock.now().toISOString(),
      },
    });
    expect(refusedPayment.status).toBe(422);
    // …but a payment whose request read the duplicate before the merge marked it still lands there.
    const {
      mergedInto: _mergedInto,
      mergeId: _mergeId,
      ...readBefore
    } = { ...halfway, tenantId: TENANT, createdBy: 'manager-1' };
    const staleDebtors = new Proxy(services.debtors, {
      get(target, property: keyof DebtorStore) {
        if (property === 'get') return async () => readBefore;
        const value = target[property];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { payment: late } = await recordPayment(
      { ...services, debtors: staleDebtors },
      { actor: managerActor },
      {
        debtorId: duplicate.id,
        currency: 'EUR',
        amount: 500,
        receivedAt: api.runtime.clock.now().toISOString(),
      },
    );

    const resumed = await api.request('POST', `/v1/debtors/${survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: duplicate.id },
    });
    expect(resumed.status).toBe(200);
    expect(resumed.body.balances).toEqual([{ currency: 'EUR', outstanding: 34_500, overdue: 0 }]);
    expect((await get(`/v1/debtors/${survivor.id}/invoices?limit=50`)).items).toHaveLength(31);
    expect(await get(`/v1/payments/${late.id}`)).toMatchObject({ debtorId: survivor.id });
    expect(await get(`/v1/merges/${halfway.mergeId}`)).toMatchObject({
      status: 'completed',
      moved: { invoice: 30, payment: 1 },
    });
    expect(await balances(duplicate.id)).toEqual({ balances: [], credits: [] });
  });

  it('finishes, at the tenant’s next day, a merge and a reversal whose requests stopped half-way', async () => {
    const services = api.runtime.services;
    /** The merge store of a process that dies before its second chunk in `direction`. */
    const dyingAtSecondChunk = (direction: 'merge' | 'reverse') =>
      mergesMoving(async (moveChunk, ...args) => {
        if (args[2] === direction && args[1] > 0) throw new Error('the process died');
        return moveChunk(...args);
      });
    const withExtraInvoices = async (suffix: string) => {
      const books = await twoBooks(suffix);
      for (let index = 0; index < 25; index += 1) await invoice(books.duplicate.id, 'USD', 1_000);
      return books;
    };

    // A merge stops after its first chunk.
    const first = await withExtraInvoices('06');
    await expect(
      mergeDebtors(
        { ...services, merges: dyingAtSecondChunk('merge') },
        { actor: managerActor },
        first.survivor.id,
        first.duplicate.id,
      ),
    ).rejects.toThrow('the process died');
    const firstMergeId = (await get(`/v1/debtors/${first.duplicate.id}`)).mergeId as string;
    expect(await get(`/v1/merges/${firstMergeId}`)).toMatchObject({ status: 'in_progress', movedCount: 25 });

    // A reversal stops after its first chunk.
    const second = await withExtraInvoices('07');
    const merged = await api.request('POST', `/v1/debtors/${second.survivor.id}/merge`, {
      token: manager,
      body: { duplicateId: second.duplicate.id },
    });
    const secondMergeId = (merged.headers.get('content-location') as string).split('/').pop() as string;
    await expect(
      reverseMerge(
        { ...services, merges: dyingAtSecondChunk('reverse') },
        { actor: managerActor },
        secondMergeId,
        'Wrong one',
      ),
    ).rejects.toThrow('the process died');
    expect(await get(`/v1/merges/${secondMergeId}`)).toMatchObject({ status: 'reversing', movedCount: 25 });

    // Nobody asks again; the tenant's next day begins.
    await api.request('POST', '/dev/clock', { body: { advance: 'P1D' } });
    expect(await get(`/v1/merges/${firstMergeId}`)).toMatchObject({
      status: 'completed',
      casesHandedOver: true,
    });
    expect(ids(await get(`/v1/debtors/${first.duplicate.id}/invoices?limit=100`))).toEqual([]);
    expect((await get(`/v1/debtors/${first.survivor.id}/invoices?limit=100`)).items).toHaveLength(30);
    expect(await get(`/v1/merges/${secondMergeId}`)).toMatchObject({ status: 'reversed' });
    expect((await get(`/v1/debtors/${second.duplicate.id}/invoices?limit=100`)).items).toHaveLength(28);
    expect((await get(`/v1/debtors/${second.duplicate.id}`)).mergedInto).toBeUndefined();
  });
});
