import * as z from 'zod';
import { calendarDate, currencyCode, idOf, minorUnits } from './common';

export const interestQuery = z.strictObject({
  asOf: calendarDate.optional().meta({
    description:
      "Last day of accrual (inclusive); defaults to today in the debtor's time zone. Not before the issue date.",
  }),
});

const percent = z.string().meta({ description: 'Annual rate, decimal percent', example: '12.00' });

const interestPeriod = z
  .object({
    from: calendarDate,
    to: calendarDate,
    days: z.number().int().min(1),
    principal: minorUnits.meta({ description: 'Principal outstanding during the period' }),
    annualRatePercent: percent,
    reference: z
      .object({ ratePercent: percent, fixedOn: calendarDate })
      .optional()
      .meta({ description: 'The reference rate and the day that fixed it' }),
    dayCountBasis: z.union([z.literal(365), z.literal(360)]),
    interest: minorUnits.meta({
      description:
        'This period alone, rounded half-up, for display: the total is rounded once from the exact sum',
    }),
    exactInterest: z
      .object({ numerator: z.string(), denominator: z.string() })
      .meta({ description: 'Exact interest in minor units = numerator / denominator' }),
  })
  .meta({ id: 'InterestPeriod' });

export const interestView = z
  .object({
    invoiceId: idOf('inv'),
    debtorId: idOf('dbt'),
    currency: currencyCode,
    dueDate: calendarDate,
    asOf: calendarDate,
    debtKind: z
      .enum(['business', 'consumer'])
      .meta({ description: "From the debtor's kind: a person's debt is a consumer debt" }),
    jurisdiction: z.string().meta({ description: "The debtor's jurisdiction", example: 'GB' }),
    rulePack: z
      .enum(['GB', 'EU', 'DE'])
      .optional()
      .meta({ description: 'Statutory rule pack applied; absent where no statutory late interest exists' }),
    basis: z.enum(['statutory', 'contract', 'none']),
    legalBasis: z.string().optional(),
    daysLate: z.number().int().min(0),
    lateDebt: minorUnits.meta({
      description: 'Principal outstanding when interest started to run (decides the compensation band)',
    }),
    interest: minorUnits,
    compensation: minorUnits.meta({ description: 'Fixed compensation for a late business debt' }),
    total: minorUnits.meta({ description: 'interest + compensation' }),
    periods: z.array(interestPeriod),
    warnings: z.array(z.enum(['reference_rate_unconfirmed', 'compensation_currency_differs'])),
    reason: z
      .enum(['no_statutory_late_interest', 'consumer_debt', 'not_overdue', 'settled_by_due_date'])
      .optional()
      .meta({ description: 'Why nothing accrues, when nothing does' }),
  })
  .meta({ id: 'LateInterest' });

export const postChargesBody = z
  .strictObject({
    asOf: calendarDate.optional().meta({ description: "Default: today in the debtor's time zone" }),
  })
  .meta({ id: 'PostInterestCharges' });

export const waiveChargeBody = z
  .strictObject({ reason: z.string().trim().min(1).max(500) })
  .meta({ id: 'WaiveCharge' });

export const chargeParams = z.strictObject({ id: idOf('inv'), chargeId: idOf('chg') });

const totals = z.object({ amount: minorUnits, paid: minorUnits, waived: minorUnits, owed: minorUnits });

export const chargesView = z
  .object({
    currency: currencyCode,
    totals,
    byKind: z.object({ interest: totals, compensation: totals, fee: totals }),
    charges: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['interest', 'compensation', 'fee']),
        postedOn: calendarDate,
        throughDate: calendarDate.optional(),
        amount: minorUnits,
        paid: minorUnits,
        waived: minorUnits,
        owed: minorUnits,
        waivedAt: z.string().optional(),
        waivedBy: z.string().optional(),
        waiverReason: z.string().optional(),
        waiverApprovedBy: z.string().optional(),
      }),
    ),
    posted: z.array(z.unknown()).optional(),
    overPosted: z.object({ interest: minorUnits, compensation: minorUnits }).optional(),
  })
  .meta({ id: 'InvoiceCharges' });
