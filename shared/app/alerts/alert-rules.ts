import { AMOUNT_METRICS, type AlertMetric, type AlertRule } from '../../domain/alerts/alert-rule';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';

export interface AlertRuleDraft {
  name: string;
  metric: AlertMetric;
  comparison: 'above' | 'below';
  threshold: number;
  currency: string;
  windowDays?: number;
  recipients?: string[];
}

function ruleView(rule: AlertRule, states: { subject: string; since: string; value: number | null }[] = []) {
  const { tenantId: _tenantId, ...fields } = rule;
  return { ...fields, firing: states };
}

export async function createAlertRule(
  services: Pick<Services, 'clock' | 'ids' | 'alertRules'>,
  context: UseCaseContext,
  draft: AlertRuleDraft,
) {
  if (AMOUNT_METRICS.has(draft.metric) && !Number.isSafeInteger(draft.threshold)) {
    throw new ValidationError([
      { path: 'threshold', message: 'must be an integer of minor units for an amount' },
    ]);
  }
  const now = services.clock.now();
  const rule: AlertRule = {
    id: services.ids.next('alr'),
    tenantId: context.actor.tenantId,
    name: draft.name,
    metric: draft.metric,
    comparison: draft.comparison,
    threshold: draft.threshold,
    currency: draft.currency,
    windowDays: draft.windowDays ?? 30,
    recipients: draft.recipients ?? [],
    createdAt: now.toISOString(),
    createdBy: context.actor.sub,
    version: 1,
  };
  const view = ruleView(rule);
  await services.alertRules.create(rule, {
    audit: [
      auditor(services.ids, context.actor, now)('alert_rule', rule.id, 'alert_rule.created', null, rule),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return view;
}

export async function listAlertRules(services: Pick<Services, 'alertRules'>, context: UseCaseContext) {
  const { rules, states } = await services.alertRules.load(context.actor.tenantId);
  return {
    items: rules
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((rule) =>
        ruleView(
          rule,
          states
            .filter((state) => state.ruleId === rule.id && state.firing)
            .map(({ subject, since, value }) => ({ subject, since, value })),
        ),
      ),
    nextCursor: null,
  };
}

export async function deleteAlertRule(
  services: Pick<Services, 'clock' | 'ids' | 'alertRules'>,
  context: UseCaseContext,
  id: string,
) {
  const { rules } = await services.alertRules.load(context.actor.tenantId);
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new NotFoundError('Alert rule');
  const now = services.clock.now();
  await services.alertRules.remove(rule, {
    audit: [
      auditor(services.ids, context.actor, now)('alert_rule', rule.id, 'alert_rule.deleted', rule, null),
    ],
  });
  return ruleView(rule);
}
