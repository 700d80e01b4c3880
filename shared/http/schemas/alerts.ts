import * as z from 'zod';
import { ALERT_METRICS } from '../../domain/alerts/alert-rule';
import { currencyCode, idOf, shortText } from './common';

const metric = z.enum(ALERT_METRICS);

export const alertRuleBody = z
  .strictObject({
    name: shortText(200),
    metric: metric.meta({
      description:
        'A figure of the book over windowDays (dso, cei…), the overdue total, a debtor’s overdue, or a promise broken on an account owing more than the threshold',
    }),
    comparison: z.enum(['above', 'below']),
    threshold: z
      .number()
      .finite()
      .meta({ description: 'Days, percent or ratio for figures; minor units of currency for amounts' }),
    currency: currencyCode,
    windowDays: z
      .int()
      .min(1)
      .max(366)
      .optional()
      .meta({ description: 'Period of book figures; default 30' }),
    recipients: z
      .array(z.email().max(254))
      .max(20)
      .optional()
      .meta({ description: "Default: the tenant's managers (settings alerts.managerEmails)" }),
  })
  .meta({ id: 'CreateAlertRule' });

export const alertRuleView = z
  .object({
    id: idOf('alr'),
    name: z.string(),
    metric,
    comparison: z.enum(['above', 'below']),
    threshold: z.number(),
    currency: currencyCode,
    windowDays: z.int(),
    recipients: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
    version: z.int(),
    firing: z
      .array(z.object({ subject: z.string(), since: z.string(), value: z.number().nullable() }))
      .meta({ description: 'Subjects (book, debtor or promise ids) breaching since they were last told' }),
  })
  .meta({ id: 'AlertRule' });

export const alertRuleList = z
  .object({ items: z.array(alertRuleView), nextCursor: z.null() })
  .meta({ id: 'AlertRuleList' });
