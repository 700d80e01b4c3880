import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const worklistQuery = z.strictObject({
  collectorId: withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(128))), {
    description: 'Only what is assigned to this collector; `unassigned` for the overflow',
  }),
  date: withMeta(z.optional(calendarDate), {
    description: "The local date; default today in the tenant's time zone",
  }),
});

const entry = z.object({
  rank: z.int(),
  priority: z.number(),
  kind: z.enum([
    'call',
    'escalation',
    'handoff',
    'case_failure',
    'broken_promise',
    'promise_due',
    'missed_installment',
    'dispute_waiting',
    'high_risk_no_contact',
  ]),
  reason: z.string(),
  dueAt: z.string(),
  debtorId: z.string(),
  debtorName: z.string(),
  assignedTo: z.nullable(z.string()),
  overflow: z.boolean(),
  riskScore: z.optional(z.int()),
  overdue: z.optional(z.object({ currency: currencyCode, amount: minorUnits })),
  daysPastDue: z.int(),
  sourceId: z.string(),
});

export const worklistView = withMeta(
  z.object({
    date: calendarDate,
    builtAt: withMeta(z.nullable(z.string()), { description: 'null: the day has not been opened yet' }),
    items: z.array(entry),
  }),
  { id: 'Worklist' },
);
