/**
 * Threshold alerts a manager defines: a figure of the book (DSO over 45 days, CEI under 70, the
 * overdue total above an amount) or of an account (a debtor's overdue above 10,000.00 EUR, a
 * promise broken on an account owing more than X). Checked when the tenant's day closes; an alert
 * is sent when a subject starts breaching and not again until it has cleared (and the clearing is
 * told too). A broken promise is an event, not a level: it alerts once.
 */
import type { CurrencyCode } from '../money/currencies';

/** Figures of the book over the last `windowDays` days (see ar-metrics.ts). */
export const BOOK_FIGURES = [
  'dso',
  'bestPossibleDso',
  'averageDaysDelinquent',
  'cei',
  'badDebtRatio',
  'promiseKeptRate',
] as const;
export type BookFigure = (typeof BOOK_FIGURES)[number];

export const ALERT_METRICS = [
  ...BOOK_FIGURES,
  'overdue_total',
  'debtor_overdue',
  'broken_promise_balance',
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

/** Metrics whose threshold is an amount in minor units of the rule's currency. */
export const AMOUNT_METRICS = new Set<AlertMetric>([
  'overdue_total',
  'debtor_overdue',
  'broken_promise_balance',
]);

export interface AlertRule {
  id: string;
  tenantId: string;
  name: string;
  metric: AlertMetric;
  comparison: 'above' | 'below';
  /** A figure (days, percent, ratio) or, for amount metrics, minor units of `currency`. */
  threshold: number;
  currency: CurrencyCode;
  /** Period of the book figures, ending with the closed day. */
  windowDays: number;
  /** Who is told; empty: the tenant's managers (settings `alerts.managerEmails`). */
  recipients: string[];
  createdAt: string;
  createdBy: string;
  version: number;
}

/** What a rule currently says about one subject (`book`, a debtor id, a promise id). */
export interface AlertState {
  ruleId: string;
  subject: string;
  firing: boolean;
  since: string;
  value: number | null;
  /** A one-off event (broken promise): never cleared, never told twice. */
  event?: boolean;
}

export interface Observation {
  subject: string;
  /** What the subject is, for the message: "the book", a debtor's name. */
  label: string;
  value: number | null;
  event?: boolean;
}

export interface AlertTransition {
  kind: 'fired' | 'cleared';
  observation: Observation;
  state: AlertState;
}

export function breaches(rule: Pick<AlertRule, 'comparison' | 'threshold'>, value: number | null): boolean {
  if (value === null) return false;
  return rule.comparison === 'above' ? value > rule.threshold : value < rule.threshold;
}

/**
 * The transitions of one rule: subjects that start breaching fire; subjects firing that no longer
 * breach (or were not observed: paid off, merged away) clear; events fire once.
 */
export function alertTransitions(
  rule: AlertRule,
  observations: readonly Observation[],
  states: readonly AlertState[],
  at: string,
): AlertTransition[] {
  const known = new Map(states.map((state) => [state.subject, state]));
  const transitions: AlertTransition[] = [];
  const seen = new Set<string>();
  for (const observation of observations) {
    seen.add(observation.subject);
    const previous = known.get(observation.subject);
    const breaching = breaches(rule, observation.value);
    if (breaching && !previous?.firing && !(previous?.event ?? false)) {
      transitions.push({
        kind: 'fired',
        observation,
        state: {
          ruleId: rule.id,
          subject: observation.subject,
          firing: true,
          since: at,
          value: observation.value,
          ...(observation.event ? { event: true } : {}),
        },
      });
    } else if (!breaching && previous?.firing && !previous.event) {
      transitions.push({
        kind: 'cleared',
        observation,
        state: { ...previous, firing: false, since: at, value: observation.value },
      });
    }
  }
  for (const previous of states) {
    if (!previous.firing || previous.event || seen.has(previous.subject)) continue;
    transitions.push({
      kind: 'cleared',
      observation: { subject: previous.subject, label: previous.subject, value: null },
      state: { ...previous, firing: false, since: at, value: null },
    });
  }
  return transitions;
}
