/**
 * Rollups equal the on-demand metrics: a random ledger built through the API (invoices in three
 * currencies with back-dated issue dates, payments default and explicit, overpayments applied to
 * later invoices, bounced payments, write-offs, credit notes, disputes upheld and rejected,
 * promises kept and broken, invoices re-dated) while the clock runs the nightly schedules. Then
 * the figures from the day aggregates, and the stored nightly rollups, equal those recomputed from
 * every money record, for random periods, day and month series included.
 */
import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let admin: string;
const TENANT = 'rollups-co';
const CURRENCIES = ['EUR', 'JPY', 'KWD'] as const;

/** A seeded generator: the ledger is random but the same on every run (seed printed on failure). */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return {
    below: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const SEED = 20_270_401;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-04-01T10:00:00Z'));
  admin = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  await api.request('PUT', '/v1/settings', {
    token: admin,
    body: { timezone: 'Europe/Berlin', baseCurrency: 'EUR' },
  });
}, 60_000);
afterAll(() => api.stop());

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  day(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

async function ok(method: string, path: string, body?: unknown, expected = [200, 201]) {
  const response = await api.request(method, path, { token: admin, body });
  if (!expected.includes(response.status)) {
    throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)} (seed ${SEED})`);
  }
  return response.body;
}

it('the figures from the day aggregates and the nightly rollups equal the on-demand metrics', async () => {
  const random = generator(SEED);
  const debtors: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    const created = await ok('POST', '/v1/debtors', {
      name: `Debtor ${index}`,
      kind: 'business',
      email: `ap${index}@debtor.example`,
      timezone: random.pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo']),
      jurisdiction: 'DE',
    });
    debtors.push(created.id);
  }
  const invoices: { id: string; debtorId: string; currency: string; amount: number }[] = [];
  const payments: string[] = [];
  let number = 0;

  for (let step = 0; step < 70; step += 1) {
    const today = day(api.runtime.clock.now());
    const debtorId = random.pick(debtors);
    const currency = random.pick(CURRENCIES);
    const own = invoices.filter((invoice) => invoice.debtorId === debtorId && invoice.currency === currency);
    const operation = random.below(100);
    if (operation < 30 || own.length === 0) {
      const issueDate = addDays(today, -random.below(90));
      const amount = (1 + random.below(500)) * (currency === 'JPY' ? 100 : 1_000);
      const invoice = await ok('POST', '/v1/invoices', {
        debtorId,
        number: `N-${(number += 1)}`,
        currency,
        amount,
        issueDate,
        dueDate: addDays(issueDate, random.pick([0, 14, 30, 45])),
      });
      invoices.push({ id: invoice.id, debtorId, currency, amount });
    } else if (operation < 55) {
      const target = random.pick(own);
      const amount = Math.max(1, Math.floor(target.amount * random.pick([0.3, 0.5, 1, 1.4])));
      const receivedAt = new Date(
        api.runtime.clock.now().getTime() - random.below(20) * 86_400_000,
      ).toISOString();
      const payment = await api.request('POST', '/v1/payments', {
        token: admin,
        body: {
          debtorId,
          currency,
          amount,
          receivedAt,
          ...(random.chance(0.3)
            ? { allocations: [{ invoiceId: target.id, amount: Math.min(amount, 1) }] }
            : {}),
        },
      });
      if (payment.status === 201) payments.push(payment.body.id);
    } else if (operation < 62 && payments.length > 0) {
      await api.request('POST', `/v1/payments/${random.pick(payments)}/reverse`, {
        token: admin,
        body: { reason: 'Returned by the bank' },
      });
    } else if (operation < 68) {
      await api.request('POST', `/v1/invoices/${random.pick(own).id}/write-off`, {
        token: admin,
        body: { reason: 'Uncollectable', ...(random.chance(0.5) ? { amount: 500 } : {}) },
      });
    } else if (operation < 74) {
      await api.request('POST', `/v1/invoices/${random.pick(own).id}/credit-notes`, {
        token: admin,
        body: { amount: 700, reason: 'Price adjustment' },
      });
    } else if (operation < 82) {
      const opened = await api.request('POST', `/v1/invoices/${random.pick(own).id}/disputes`, {
        token: admin,
        body: { reason: 'Not delivered' },
      });
      if (opened.status === 201 && random.chance(0.7)) {
        const upheld = random.chance(0.5);
        await api.request('POST', `/v1/disputes/${opened.body.id}/resolve`, {
          token: admin,
          body: upheld ? { outcome: 'upheld', creditAmount: 300 } : { outcome: 'rejected' },
        });
      }
    } else if (operation < 90) {
      await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
        token: admin,
        body: {
          currency,
          amount: 1_000 + random.below(50_000),
          dueDate: addDays(today, random.below(4)),
          graceDays: 1,
        },
      });
    } else {
      const target = random.pick(own);
      await api.request('PATCH', `/v1/invoices/${target.id}`, {
        token: admin,
        body: { dueDate: addDays(today, random.below(30) - 15) },
      });
    }
    if (random.chance(0.3)) {
      await api.runtime.clock.moveTo(
        new Date(api.runtime.clock.now().getTime() + (1 + random.below(3)) * 86_400_000),
      );
    }
  }
  // Past the next midnight in Berlin, so the last day is closed and rolled up.
  await api.runtime.clock.moveTo(new Date(api.runtime.clock.now().getTime() + 86_400_000));
  const today = day(api.runtime.clock.now());

  const metrics = async (query: string) => {
    const aggregates = await ok('GET', `/v1/metrics?${query}`);
    const ledger = await ok('GET', `/v1/metrics?${query}&source=ledger`);
    return { aggregates, ledger };
  };
  const start = '2026-12-01';
  for (const currency of CURRENCIES) {
    for (let sample = 0; sample < 4; sample += 1) {
      const from = addDays(start, random.below(150));
      const to = addDays(from, random.below(60));
      const { aggregates, ledger } = await metrics(
        `from=${from}&to=${to}&currency=${currency}&granularity=day`,
      );
      const { source: _a, ...fromAggregates } = aggregates;
      const { source: _l, ...fromLedger } = ledger;
      expect(fromAggregates).toEqual(fromLedger);
    }
    const months = await metrics(
      `from=2027-01-01&to=${addDays(today, -1)}&currency=${currency}&granularity=month`,
    );
    expect(months.aggregates.series).toEqual(months.ledger.series);
    expect(months.aggregates.inputs.creditSales).toBeGreaterThan(0);

    // The nightly rollups: each closed day's stored figures equal the on-demand ones of that day.
    const stored = await api.runtime.services.rollups.list(TENANT, currency, 'day', '2027-04-01', today);
    expect(stored.length).toBeGreaterThan(10);
    for (const rollup of stored.filter((_, index) => index % 5 === 0)) {
      const { ledger } = await metrics(`from=${rollup.key}&to=${rollup.key}&currency=${currency}`);
      const { currency: _c, ...figures } = rollup.metrics;
      const { source: _s, timezone: _t, currency: _lc, ...expected } = ledger;
      expect(figures).toEqual(expected);
    }
  }
}, 240_000);
