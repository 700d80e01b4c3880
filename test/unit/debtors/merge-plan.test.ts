import fc from 'fast-check';
import {
  chunkFrom,
  completedMerge,
  MERGE_CHUNK_SIZE,
  type DebtorMerge,
} from '../../../shared/domain/debtors/merge/debtor-merge';
import {
  addCredit,
  mergedBook,
  outstandingByCurrency,
  planMerge,
  subtractCredit,
  type MergeableBook,
} from '../../../shared/domain/debtors/merge/merge-plan';
import { reversalRefusals } from '../../../shared/domain/debtors/merge/merge-reversal';
import { stricterContactProfile } from '../../../shared/domain/debtors/merge/stricter-contact-profile';
import { defaultContactProfile } from '../../../shared/domain/compliance/contact-profile';

const CURRENCIES = ['EUR', 'USD', 'JPY'] as const;
const NOW = new Date('2026-05-01T10:00:00Z');

/** A debtor's book: invoices part paid, credited or written off, payments, promises, activities, credit. */
function arbitraryBook(debtorId: string, prefix: string): fc.Arbitrary<MergeableBook> {
  const invoice = fc
    .record({
      currency: fc.constantFrom(...CURRENCIES),
      amount: fc.integer({ min: 1, max: 10_000_000 }),
      paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
      creditedShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      version: fc.integer({ min: 1, max: 9 }),
    })
    .map(({ currency, amount, paidShare, creditedShare, version }) => {
      const paid = Math.floor(amount * paidShare);
      const credited = Math.floor((amount - paid) * creditedShare);
      return { currency, amount, paid, credited, writtenOff: 0, version };
    });
  return fc
    .record({
      invoices: fc.array(invoice, { maxLength: 30 }),
      payments: fc.array(
        fc.record({
          currency: fc.constantFrom(...CURRENCIES),
          amount: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        { maxLength: 20 },
      ),
      promises: fc.nat({ max: 3 }),
      activities: fc.nat({ max: 40 }),
      credit: fc.dictionary(fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 500_000 })),
    })
    .map(({ invoices, payments, promises, activities, credit }) => ({
      ledger: { tenantId: 't', debtorId, credit, version: 3 },
      invoices: invoices.map((fields, index) => ({
        ...fields,
        id: `inv_${prefix}${index}`,
        tenantId: 't',
        debtorId,
        number: `${prefix}-${index}`,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        createdBy: 'u',
      })),
      payments: payments.map((fields, index) => ({
        ...fields,
        id: `pay_${prefix}${index}`,
        tenantId: 't',
        debtorId,
        receivedAt: NOW.toISOString(),
        allocations: [],
        unapplied: 0,
        status: 'applied' as const,
        version: 1,
        createdAt: NOW.toISOString(),
        createdBy: 'u',
      })),
      promises: Array.from({ length: promises }, (_, index) => ({
        id: `ptp_${prefix}${index}`,
        debtorId,
        version: 1,
      })),
      activities: Array.from({ length: activities }, (_, index) => ({
        id: `act_${prefix}${index}`,
        debtorId,
        at: `2026-03-01T10:00:${String(index % 60).padStart(2, '0')}Z`,
      })),
      adjustments: [],
      disputes: [],
      plans: [],
      charges: [],
    })) as unknown as fc.Arbitrary<MergeableBook>;
}

const recordsOfBook = (book: MergeableBook) =>
  [
    ...book.invoices,
    ...book.payments,
    ...book.adjustments,
    ...book.promises,
    ...book.disputes,
    ...book.plans,
    ...book.charges,
    ...book.activities,
  ] as { id: string; debtorId: string }[];

const creditTotals = (...credits: Partial<Record<string, number>>[]) => {
  const totals: Record<string, number> = {};
  for (const credit of credits) {
    for (const [currency, amount] of Object.entries(credit))
      totals[currency] = (totals[currency] ?? 0) + (amount ?? 0);
  }
  return Object.fromEntries(Object.entries(totals).filter(([, amount]) => amount > 0));
};

function mergeRecord(survivor: MergeableBook, duplicate: MergeableBook): DebtorMerge {
  const plan = planMerge(survivor, duplicate);
  return {
    id: 'mrg_1',
    tenantId: 't',
    survivorId: 'dbt_s',
    duplicateId: 'dbt_d',
    status: 'in_progress',
    ...plan,
    chunkSize: MERGE_CHUNK_SIZE,
    movedCount: 0,
    requestedBy: 'u',
    createdAt: NOW.toISOString(),
    version: 1,
  };
}

describe('merge plan', () => {
  const books = fc.tuple(arbitraryBook('dbt_s', 's'), arbitraryBook('dbt_d', 'd'));

  it('conserves the outstanding per currency and the credit, and loses no record', () => {
    fc.assert(
      fc.property(books, ([survivor, duplicate]) => {
        const plan = planMerge(survivor, duplicate);
        const after = mergedBook(survivor, duplicate, plan);
        const outstandingOf = (invoices: MergeableBook['invoices']) =>
          Object.fromEntries(outstandingByCurrency(invoices).map((b) => [b.currency, b.outstanding]));
        const before = outstandingOf([...survivor.invoices, ...duplicate.invoices]);
        expect(outstandingOf(after.invoices)).toEqual(before);
        expect(creditTotals(after.ledger.credit)).toEqual(
          creditTotals(survivor.ledger.credit, duplicate.ledger.credit),
        );

        const expected = [...recordsOfBook(survivor), ...recordsOfBook(duplicate)].map((r) => r.id).sort();
        const merged = recordsOfBook(after);
        expect(merged.map((record) => record.id).sort()).toEqual(expected);
        expect(merged.every((record) => record.debtorId === 'dbt_s')).toBe(true);
        expect(plan.records).toHaveLength(recordsOfBook(duplicate).length);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts the plan into chunks that cover every record once', () => {
    fc.assert(
      fc.property(books, ([survivor, duplicate]) => {
        const merge = mergeRecord(survivor, duplicate);
        const chunked = [];
        for (let from = 0; from < merge.records.length; from += chunkFrom(merge, from).length) {
          chunked.push(chunkFrom(merge, from));
        }
        expect(chunked.every((chunk) => chunk.length > 0 && chunk.length <= MERGE_CHUNK_SIZE)).toBe(true);
        expect(chunked.flat()).toEqual(merge.records);
      }),
    );
  });

  it('takes back exactly the credit it added', () => {
    fc.assert(
      fc.property(books, ([survivor, duplicate]) => {
        const added = addCredit(survivor.ledger.credit, duplicate.ledger.credit);
        expect(creditTotals(subtractCredit(added, duplicate.ledger.credit) ?? {})).toEqual(
          creditTotals(survivor.ledger.credit),
        );
      }),
    );
    expect(subtractCredit({ EUR: 100 }, { EUR: 101 })).toBeUndefined();
  });
});

describe('merge reversal rule', () => {
  const survivor = {
    ledger: { tenantId: 't', debtorId: 'dbt_s', credit: {}, version: 1 },
    invoices: [],
    payments: [],
    adjustments: [],
    promises: [],
    disputes: [],
    plans: [],
    charges: [],
    activities: [],
  } as MergeableBook;
  const duplicate = {
    ...survivor,
    ledger: { tenantId: 't', debtorId: 'dbt_d', credit: { EUR: 500 }, version: 2 },
    invoices: [
      {
        id: 'inv_1',
        debtorId: 'dbt_d',
        version: 4,
        currency: 'EUR',
        amount: 1000,
        paid: 0,
        credited: 0,
        writtenOff: 0,
      },
    ],
    activities: [{ id: 'act_1', debtorId: 'dbt_d', at: '2026-03-01T00:00:00Z' }],
  } as unknown as MergeableBook;
  const completed = completedMerge(mergeRecord(survivor, duplicate), NOW);
  const unchanged = { versions: new Map([['invoice#inv_1', 4]]), credit: { EUR: 700 } };

  it('allows a reversal within 30 days while the moved records are as they arrived', () => {
    expect(reversalRefusals(completed, unchanged, new Date('2026-05-31T09:59:59Z'))).toEqual([]);
  });

  it('refuses after the window, after a change to a moved record, and once the credit is spent', () => {
    const codes = (state: typeof unchanged, at: Date) =>
      reversalRefusals(completed, state, at).map((r) => r.code);
    expect(codes(unchanged, new Date('2026-05-31T10:00:01Z'))).toEqual(['window_closed']);
    expect(codes({ ...unchanged, versions: new Map([['invoice#inv_1', 5]]) }, NOW)).toEqual([
      'record_changed',
    ]);
    expect(codes({ ...unchanged, versions: new Map() }, NOW)).toEqual(['record_changed']);
    expect(codes({ ...unchanged, credit: { EUR: 499 } }, NOW)).toEqual(['credit_spent']);
    expect(reversalRefusals({ ...completed, status: 'reversed' }, unchanged, NOW).map((r) => r.code)).toEqual(
      ['not_completed'],
    );
  });
});

describe('stricter contact profile', () => {
  it('keeps a cease, opt-outs and flags from either record, not the duplicate consent', () => {
    const survivor = {
      ...defaultContactProfile('t', 'dbt_s'),
      optOut: { email: true },
      consent: { sms: true },
      version: 4,
    };
    const duplicate = {
      ...defaultContactProfile('t', 'dbt_d'),
      cease: true,
      optOut: { sms: true },
      consent: { call: true },
      attorneyRepresented: true,
    };
    const merged = stricterContactProfile(survivor, duplicate, NOW, 'manager-1');
    expect(merged).toMatchObject({
      debtorId: 'dbt_s',
      cease: true,
      optOut: { email: true, sms: true },
      consent: { sms: true },
      attorneyRepresented: true,
      doNotCall: false,
      version: 5,
    });
  });
});
