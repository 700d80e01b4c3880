import * as z from 'zod';
import { calendarDate } from './common';

export const productivityQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    granularity: z.enum(['day', 'month']).optional(),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });

const figures = {
  period: z.object({ from: calendarDate, to: calendarDate }),
  reminders: z.record(z.string(), z.int()).meta({ description: 'Automated messages sent, by channel' }),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      calls: z.int(),
      conversations: z.int(),
      contacts: z.int().meta({ description: 'Other outbound contacts logged (emails, letters, texts)' }),
    }),
  ),
};

export const productivityView = z
  .object({
    ...figures,
    granularity: z.enum(['day', 'month']).optional(),
    series: z.array(z.object(figures)).optional(),
  })
  .meta({ id: 'Productivity' });
