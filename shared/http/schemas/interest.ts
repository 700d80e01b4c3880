import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate, currencyCode, idOf, minorUnits } from './common';

export const interestQuery = z.strictObject({
  asOf: withMeta(z.optional(calendarDate), {
    description:
      "Last day of accrual (inclusive); defaults to today in the debtor's time zone. Not before the issue date.",
  }),
});

const percent = withMeta(z.string(), { description: 'Annual rate, decimal percent', example: '12.00' });

const interestPeriod = withMeta(
  z.object({
    from: calendarDate,
    to: calendarDate,
    days: z.number().check(z.int(), z.gte(1)),
    principal: withMeta(minorUnits, { description: 'Principal outstanding during the period' }),
    annualRatePercent: percent,
    reference: withMeta(z.optional(z.object({ ratePercent: percent, fixedOn: calendarDate })), {
      description: 'The reference rate and the day that fixed it',
    }),
    dayCountBasis: z.union([z.literal(365), z.literal(360)]),
    interest: withMeta(minorUnits, {
      description:
        'This period alone, rounded half-up, for display: the total is rounded once from the exact sum',
    }),
    exactInterest: withMeta(z.object({ numerator: z.string(), denominator: z.string() }), {
      description: 'Exact interest in minor units = numerator / denominator',
    }),
  }),
  { id: 'InterestPeriod' },
);

export const interestView = withMeta(
  z.object({
    invoiceId: idOf('inv'),
    debtorId: idOf('dbt'),
    currency: currencyCode,
    dueDate: calendarDate,
    asOf: calendarDate,
    debtKind: withMeta(z.enum(['business', 'consumer']), {
      description: "From the debtor's kind: a person's debt is a consumer debt",
    }),
    jurisdiction: withMeta(z.string(), { description: "The debtor's jurisdiction", example: 'GB' }),
    rulePack: withMeta(z.optional(z.enum(['GB', 'EU', 'DE'])), {
      description: 'Statutory rule pack applied; absent where no statutory late interest exists',
    }),
    basis: z.enum(['statutory', 'contract', 'none']),
    legalBasis: z.optional(z.string()),
    daysLate: z.number().check(z.int(), z.gte(0)),
    lateDebt: withMeta(minorUnits, {
      description: 'Principal outstanding when interest started to run (decides the compensation band)',
    }),
    interest: minorUnits,
    compensation: withMeta(minorUnits, { description: 'Fixed compensation for a late business debt' }),
    total: withMeta(minorUnits, { description: 'interest + compensation' }),
    periods: z.array(interestPeriod),
    warnings: z.array(z.enum(['reference_rate_unconfirmed', 'compensation_currency_differs'])),
    reason: withMeta(
      z.optional(
        z.enum(['no_statutory_late_interest', 'consumer_debt', 'not_overdue', 'settled_by_due_date']),
      ),
      { description: 'Why nothing accrues, when nothing does' },
    ),
  }),
  { id: 'LateInterest' },
);

export const postChargesBody = withMeta(
  z.strictObject({
    asOf: withMeta(z.optional(calendarDate), { description: "Default: today in the debtor's time zone" }),
  }),
  { id: 'PostInterestCharges' },
);

export const waiveChargeBody = withMeta(
  z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }),
  { id: 'WaiveCharge' },
);

export const chargeParams = z.strictObject({ id: idOf('inv'), chargeId: idOf('chg') });

const totals = z.object({ amount: minorUnits, paid: minorUnits, waived: minorUnits, owed: minorUnits });

export const chargesView = withMeta(
  z.object({
    currency: currencyCode,
    totals,
    byKind: z.object({ interest: totals, compensation: totals, fee: totals }),
    charges: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['interest', 'compensation', 'fee']),
        postedOn: calendarDate,
        throughDate: z.optional(calendarDate),
        amount: minorUnits,
        paid: minorUnits,
        waived: minorUnits,
        owed: minorUnits,
        waivedAt: z.optional(z.string()),
        waivedBy: z.optional(z.string()),
        waiverReason: z.optional(z.string()),
        waiverApprovedBy: z.optional(z.string()),
      }),
    ),
    posted: z.optional(z.array(z.unknown())),
    overPosted: z.optional(z.object({ interest: minorUnits, compensation: minorUnits })),
  }),
  { id: 'InvoiceCharges' },
);
