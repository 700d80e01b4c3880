import * as z from 'zod';
import { calendarDate, currencyCode, minorUnits } from './common';

export const worklistQuery = z.strictObject({
  collectorId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .meta({ description: 'Only what is assigned to this collector; `unassigned` for the overflow' }),
  date: calendarDate
    .optional()
    .meta({ description: "The local date; default today in the tenant's time zone" }),
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
  assignedTo: z.string().nullable(),
  overflow: z.boolean(),
  riskScore: z.int().optional(),
  overdue: z.object({ currency: currencyCode, amount: minorUnits }).optional(),
  daysPastDue: z.int(),
  sourceId: z.string(),
});

export const worklistView = z
  .object({
    date: calendarDate,
    builtAt: z.string().nullable().meta({ description: 'null: the day has not been opened yet' }),
    items: z.array(entry),
  })
  .meta({ id: 'Worklist' });
