import fc from 'fast-check';
import { applyCredit, MAX_CREDIT_PAYMENTS_PER_INVOICE } from '../../../shared/domain/ledger/apply-credit';
import { adjust } from '../../../shared/domain/adjustments/adjustment';
import { outstanding, type Invoice } from '../../../shared/domain/invoices/invoice';
import {
  allocateByDefault,
  allocateExplicitly,
  type OpenItem,
} from '../../../shared/domain/ledger/allocation';
import { addDays } from '../../../shared/domain/time/calendar-date';

const item = (
  id: string,
  dueDate: string,
  outstandingAmount: number,
  extra: Partial<OpenItem> = {},
): OpenItem => ({
  id,
  number: id,
  currency: 'EUR',
  issueDate: '2026-01-01',
  dueDate,
  outstanding: outstandingAmount,
  disputed: false,
  ...extra,
});

const arbitraryItems = fc
  .array(
    fc.record({
      due: fc.integer({ min: 0, max: 120 }),
      issue: fc.integer({ min: 0, max: 5 }),
      outstanding: fc.integer({ min: 0, max: 1_000_000 }),
      disputed: fc.boolean(),
      currency: fc.constantFrom('EUR', 'EUR', 'USD'),
    }),
    { maxLength: 25 },
  )
  .map((specs) =>
    specs.map((spec, index) =>
      item(`inv${String(index).padStart(2, '0')}`, addDays('2026-01-01', spec.due), spec.outstanding, {
        issueDate: addDays('2025-12-01', spec.issue),
        disputed: spec.disputed,
        currency: spec.currency,
      }),
    ),
  );

describe('default allocation', () => {
  it('conserves money, never over-applies, skips disputed and other currencies', () => {
    fc.assert(
      fc.property(arbitraryItems, fc.integer({ min: 1, max: 5_000_000 }), (items, amount) => {
        const { allocations, unapplied } = allocateByDefault(amount, 'EUR', items);
        expect(allocations.reduce((sum, a) => sum + a.amount, 0) + unapplied).toBe(amount);
        expect(unapplied).toBeGreaterThanOrEqual(0);
        const byId = new Map(items.map((i) => [i.id, i]));
        for (const allocation of allocations) {
          const target = byId.get(allocation.invoiceId) as OpenItem;
          expect(allocation.amount).toBeGreaterThan(0);
          expect(allocation.amount).toBeLessThanOrEqual(target.outstanding);
          expect(target.disputed).toBe(false);
          expect(target.currency).toBe('EUR');
        }
        // Credit is left only when every eligible invoice is settled.
        const eligible = items.filter((i) => !i.disputed && i.currency === 'EUR' && i.outstanding > 0);
        if (unapplied > 0) expect(allocations).toHaveLength(eligible.length);
      }),
    );
  });

  it('pays the oldest due date first, then the oldest issue date, then the lower number', () => {
    const items = [
      item('INV-10', '2026-03-01', 100),
      item('INV-9', '2026-03-01', 100),
      item('INV-2', '2026-02-01', 100, { issueDate: '2026-01-05' }),
      item('INV-1', '2026-02-01', 100, { issueDate: '2026-01-09' }),
    ];
    expect(allocateByDefault(350, 'EUR', items).allocations).toEqual([
      { invoiceId: 'INV-2', amount: 100 },
      { invoiceId: 'INV-1', amount: 100 },
      { invoiceId: 'INV-9', amount: 100 },
      { invoiceId: 'INV-10', amount: 50 },
    ]);
  });
});

describe('explicit allocation', () => {
  it('honours valid requests and conserves money', () => {
    fc.assert(
      fc.property(arbitraryItems, fc.integer({ min: 0, max: 2_000_000 }), (items, extra) => {
        const requested = items
          .filter((i) => i.currency === 'EUR' && i.outstanding > 0)
          .map((i) => ({ invoiceId: i.id, amount: Math.max(1, Math.floor(i.outstanding / 2)) }));
        const total = requested.reduce((sum, r) => sum + r.amount, 0) + extra;
        if (total === 0) return;
        const result = allocateExplicitly(total, 'EUR', requested, items);
        if ('issues' in result) throw new Error(JSON.stringify(result.issues));
        expect(result.allocations).toEqual(requested);
        expect(result.unapplied).toBe(extra);
      }),
    );
  });

  it('names every bad line', () => {
    const items = [item('A', '2026-02-01', 500), item('B', '2026-02-01', 500, { currency: 'USD' })];
    const result = allocateExplicitly(
      600,
      'EUR',
      [
        { invoiceId: 'A', amount: 501 },
        { invoiceId: 'B', amount: 10 },
        { invoiceId: 'Z', amount: 10 },
        { invoiceId: 'A', amount: 1 },
      ],
      items,
    );
    expect('issues' in result && result.issues.map((i) => i.path)).toEqual([
      'allocations.0.amount',
      'allocations.1.invoiceId',
      'allocations.2.invoiceId',
      'allocations.3.invoiceId',
    ]);
  });
});

describe('ledger histories', () => {
  type Operation =
    | { kind: 'pay'; amount: number }
    | { kind: 'credit' | 'write_off'; invoice: number; share: number }
    | { kind: 'reverse'; payment: number };

  const operation: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({ kind: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 300_000 }) }),
    fc.record({
      kind: fc.constantFrom('credit' as const, 'write_off' as const),
      invoice: fc.nat(9),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('reverse' as const), payment: fc.nat(20) }),
  );

  it('keep outstanding = amount − payments − credits − write-offs, never negative, credit conserved', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 10 }),
        fc.array(operation, { maxLength: 40 }),
        (amounts, operations) => {
          const now = new Date('2026-03-01T00:00:00Z');
          let invoices: Invoice[] = amounts.map((amount, index) => ({
            id: `inv${index}`,
            tenantId: 't',
            debtorId: 'd',
            number: String(index),
            currency: 'EUR',
            amount,
            paid: 0,
            credited: 0,
            writtenOff: 0,
            issueDate: '2026-01-01',
            dueDate: addDays('2026-01-15', index),
            version: 1,
            createdAt: '',
            updatedAt: '',
            createdBy: 'u',
          }));
          const payments: {
            allocations: { invoiceId: string; amount: number }[];
            unapplied: number;
            reversed: boolean;
            amount: number;
          }[] = [];
          let credits = 0;
          let writeOffs = 0;
          for (const op of operations) {
            if (op.kind === 'pay') {
              const items = invoices.map((i) => item(i.id, i.dueDate, outstanding(i), { number: i.number }));
              const { allocations, unapplied } = allocateByDefault(op.amount, 'EUR', items);
              invoices = invoices.map((i) => ({
                ...i,
                paid: i.paid + (allocations.find((a) => a.invoiceId === i.id)?.amount ?? 0),
              }));
              payments.push({ allocations, unapplied, reversed: false, amount: op.amount });
            } else if (op.kind === 'reverse') {
              const payment = payments[op.payment];
              if (!payment || payment.reversed) continue;
              payment.reversed = true;
              invoices = invoices.map((i) => ({
                ...i,
                paid:
                  i.paid -
                  payment.allocations.filter((a) => a.invoiceId === i.id).reduce((s, a) => s + a.amount, 0),
              }));
            } else {
              const target = invoices[op.invoice % invoices.length] as Invoice;
              const owed = outstanding(target);
              const amount = Math.max(1, Math.floor(owed * op.share));
              if (owed === 0) continue;
              const adjusted = adjust(
                target,
                op.kind === 'credit' ? 'credit_note' : 'write_off',
                amount,
                now,
              );
              invoices = invoices.map((i) => (i.id === target.id ? adjusted : i));
              if (op.kind === 'credit') credits += amount;
              else writeOffs += amount;
            }
          }
          const live = payments.filter((p) => !p.reversed);
          const applied = live.reduce((sum, p) => sum + p.allocations.reduce((s, a) => s + a.amount, 0), 0);
          const billed = invoices.reduce((sum, i) => sum + i.amount, 0);
          const owed = invoices.reduce((sum, i) => sum + outstanding(i), 0);
          expect(owed).toBe(billed - applied - credits - writeOffs);
          for (const i of invoices)
            expect(i.amount - i.paid - i.credited - i.writtenOff).toBeGreaterThanOrEqual(0);
          for (const p of live)
            expect(p.allocations.reduce((s, a) => s + a.amount, 0) + p.unapplied).toBe(p.amount);
        },
      ),
    );
  });
});

describe('unapplied credit meeting a new invoice', () => {
  it('uses the oldest credit first, from at most 40 payments, and leaves the rest', () => {
    const invoice = {
      id: 'inv',
      tenantId: 't',
      debtorId: 'd',
      number: 'N',
      currency: 'EUR',
      amount: 100,
      paid: 0,
      credited: 0,
      writtenOff: 0,
      issueDate: '2026-01-01',
      dueDate: '2026-02-01',
      version: 1,
      createdAt: '',
      updatedAt: '',
      createdBy: 'u',
    };
    const payments = Array.from({ length: 45 }, (_, index) => ({
      id: `pay${String(index).padStart(2, '0')}`,
      tenantId: 't',
      debtorId: 'd',
      currency: 'EUR',
      amount: 1,
      receivedAt: '2026-01-01T00:00:00Z',
      allocations: [],
      unapplied: 1,
      status: 'applied' as const,
      version: 1,
      createdAt: '',
      createdBy: 'u',
    }));
    const result = applyCredit(invoice, payments, new Date('2026-03-01T00:00:00Z'));
    expect(result.applied).toBe(MAX_CREDIT_PAYMENTS_PER_INVOICE);
    expect(result.payments.map(({ after }) => after.id)).toEqual(payments.slice(0, 40).map((p) => p.id));
    expect(result.invoice.paid).toBe(40);
  });
});
