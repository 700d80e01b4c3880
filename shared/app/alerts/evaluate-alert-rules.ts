/**
 * Checks the tenant's threshold alerts when its day closes: book figures and the overdue total
 * from the day aggregates; per-account rules from the money records. Transitions are told by email
 * (stored first, ids deterministic) and the new states saved, so an alert is not repeated until its
 * subject has cleared.
 */
import {
  AMOUNT_METRICS,
  BOOK_FIGURES,
  alertTransitions,
  type AlertRule,
  type AlertTransition,
  type BookFigure,
  type Observation,
} from '../../domain/alerts/alert-rule';
import { outstanding } from '../../domain/invoices/invoice';
import { formatMoney, money } from '../../domain/money/money';
import type { StaffNotification } from '../../domain/notifications/staff-notification';
import { promiseLastDay } from '../../domain/promises/promise';
import { dailyPositions, metricsFromDays } from '../../domain/metrics/rollup-metrics';
import { DEFAULT_ALERTS } from '../../domain/settings/tenant-settings';
import { addDays, startOfLocalDay, type CalendarDate } from '../../domain/time/calendar-date';
import type { TenantLedgerRecords } from '../../ports/ledger-facts-reader';
import type { Services } from '../../runtime/services';
import { sendNotifications } from '../notifications/send-notifications';

type AlertServices = Pick<
  Services,
  'clock' | 'settings' | 'facts' | 'receivableDays' | 'debtors' | 'alertRules' | 'notifications' | 'messages'
>;

/** Broken promises are looked at for a week after their last day, in case days were caught up late. */
const BROKEN_PROMISE_LOOKBACK_DAYS = 7;

export async function evaluateAlertRules(
  services: AlertServices,
  tenantId: string,
  closedDay: CalendarDate,
): Promise<AlertTransition[]> {
  const { rules, states } = await services.alertRules.load(tenantId);
  if (rules.length === 0) return [];
  const settings = await services.settings.get(tenantId);
  const at = startOfLocalDay(addDays(closedDay, 1), settings.timezone).toISOString();
  const records = new Map<string, Promise<TenantLedgerRecords>>();
  const recordsOf = (currency: string) => {
    if (!records.has(currency)) records.set(currency, services.facts.records(tenantId, currency));
    return records.get(currency)!;
  };
  const names = new Map<string, Promise<string>>();
  const nameOf = (debtorId: string) => {
    if (!names.has(debtorId)) {
      names.set(
        debtorId,
        services.debtors.get(tenantId, debtorId).then((debtor) => debtor?.name ?? debtorId),
      );
    }
    return names.get(debtorId)!;
  };

  const all: AlertTransition[] = [];
  const notifications: StaffNotification[] = [];
  for (const rule of rules) {
    const observations = await observe(rule);
    const transitions = alertTransitions(
      rule,
      observations,
      states.filter((state) => state.ruleId === rule.id),
      at,
    );
    const recipients =
      rule.recipients.length > 0 ? rule.recipients : (settings.alerts ?? DEFAULT_ALERTS).managerEmails;
    for (const transition of transitions) {
      for (const to of recipients) notifications.push(notificationOf(rule, transition, to, tenantId, at));
    }
    all.push(...transitions);
  }
  await sendNotifications(services, tenantId, notifications);
  await services.alertRules.saveStates(
    tenantId,
    all.map((transition) => transition.state),
  );
  return all;

  async function observe(rule: AlertRule): Promise<Observation[]> {
    if ((BOOK_FIGURES as readonly string[]).includes(rule.metric)) {
      const days = await services.receivableDays.days(tenantId, rule.currency, closedDay);
      const figures = metricsFromDays(days, rule.currency, {
        from: addDays(closedDay, -(rule.windowDays - 1)),
        to: closedDay,
      });
      return [{ subject: 'book', label: 'the book', value: figures[rule.metric as BookFigure] }];
    }
    if (rule.metric === 'overdue_total') {
      const days = await services.receivableDays.days(tenantId, rule.currency, closedDay);
      const [position] = dailyPositions(days, rule.currency, closedDay, closedDay);
      return [
        { subject: 'book', label: 'the book', value: position ? position.arEnd - position.currentEnd : 0 },
      ];
    }
    const book = await recordsOf(rule.currency);
    const owed = new Map<string, { outstanding: number; overdue: number }>();
    for (const invoice of book.invoices) {
      const open = outstanding(invoice);
      if (open <= 0) continue;
      const entry = owed.get(invoice.debtorId) ?? { outstanding: 0, overdue: 0 };
      entry.outstanding += open;
      if (invoice.dueDate < closedDay) entry.overdue += open;
      owed.set(invoice.debtorId, entry);
    }
    if (rule.metric === 'debtor_overdue') {
      return Promise.all(
        [...owed].map(async ([debtorId, entry]) => ({
          subject: debtorId,
          label: await nameOf(debtorId),
          value: entry.overdue,
        })),
      );
    }
    // broken_promise_balance: a promise broken lately on an account owing more than the threshold.
    const since = addDays(closedDay, -(BROKEN_PROMISE_LOOKBACK_DAYS - 1));
    return Promise.all(
      book.promises
        .filter((promise) => promise.status === 'broken')
        .filter((promise) => promiseLastDay(promise) >= since && promiseLastDay(promise) <= closedDay)
        .map(async (promise) => ({
          subject: promise.id,
          label: `${await nameOf(promise.debtorId)} (promise to pay by ${promise.dueDate})`,
          value: owed.get(promise.debtorId)?.outstanding ?? 0,
          event: true,
        })),
    );
  }
}

function notificationOf(
  rule: AlertRule,
  transition: AlertTransition,
  to: string,
  tenantId: string,
  at: string,
): StaffNotification {
  const shown = (value: number | null) =>
    value === null
      ? 'not defined'
      : AMOUNT_METRICS.has(rule.metric)
        ? formatMoney(money(value, rule.currency), 'en-US')
        : String(value);
  const { observation } = transition;
  const fired = transition.kind === 'fired';
  const subject = fired
    ? `Alert "${rule.name}": ${observation.label}`
    : `Cleared "${rule.name}": ${observation.label}`;
  const body = fired
    ? `${rule.metric} for ${observation.label} is ${shown(observation.value)}, ${rule.comparison} the threshold of ${shown(rule.threshold)} (${rule.currency}).`
    : `${rule.metric} for ${observation.label} is back within the threshold of ${shown(rule.threshold)} (now ${shown(observation.value)}).`;
  return {
    id: `ntf:threshold:${rule.id}:${observation.subject}:${transition.kind}:${at}:${to}`,
    tenantId,
    kind: 'threshold_alert',
    ...(observation.subject.startsWith('dbt') ? { debtorId: observation.subject } : {}),
    channel: 'email',
    to,
    template: 'threshold_alert',
    subject,
    body,
    status: 'queued',
    createdAt: at,
  };
}
