import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { ALERT_METRICS } from '../../domain/alerts/alert-rule';
import { currencyCode, idOf, shortText } from './common';

const metric = z.enum(ALERT_METRICS);

export const alertRuleBody = withMeta(
  z.strictObject({
    name: shortText(200),
    metric: withMeta(metric, {
      description:
        'A figure of the book over windowDays (dso, cei…), the overdue total, a debtor’s overdue, or a promise broken on an account owing more than the threshold',
    }),
    comparison: z.enum(['above', 'below']),
    threshold: withMeta(z.number(), {
      description: 'Days, percent or ratio for figures; minor units of currency for amounts',
    }),
    currency: currencyCode,
    windowDays: withMeta(z.optional(z.int().check(z.gte(1), z.lte(366))), {
      description: 'Period of book figures; default 30',
    }),
    recipients: withMeta(z.optional(z.array(z.email().check(z.maxLength(254))).check(z.maxLength(20))), {
      description: "Default: the tenant's managers (settings alerts.managerEmails)",
    }),
  }),
  { id: 'CreateAlertRule' },
);

export const alertRuleView = withMeta(
  z.object({
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
    firing: withMeta(
      z.array(z.object({ subject: z.string(), since: z.string(), value: z.nullable(z.number()) })),
      { description: 'Subjects (book, debtor or promise ids) breaching since they were last told' },
    ),
  }),
  { id: 'AlertRule' },
);

export const alertRuleList = withMeta(z.object({ items: z.array(alertRuleView), nextCursor: z.null() }), {
  id: 'AlertRuleList',
});
