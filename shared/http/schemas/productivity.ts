import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate } from './common';

export const productivityQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    granularity: z.optional(z.enum(['day', 'month'])),
  })
  .check(z.refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' }));

const figures = {
  period: z.object({ from: calendarDate, to: calendarDate }),
  reminders: withMeta(z.record(z.string(), z.int()), { description: 'Automated messages sent, by channel' }),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.optional(z.string()),
      calls: z.int(),
      conversations: z.int(),
      contacts: withMeta(z.int(), { description: 'Other outbound contacts logged (emails, letters, texts)' }),
    }),
  ),
};

export const productivityView = withMeta(
  z.object({
    ...figures,
    granularity: z.optional(z.enum(['day', 'month'])),
    series: z.optional(z.array(z.object(figures))),
  }),
  { id: 'Productivity' },
);
