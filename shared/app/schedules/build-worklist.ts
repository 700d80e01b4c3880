/**
 * Builds the worklist of a tenant's local date from what needs a person: open call tasks and
 * escalations from the collection cases, promises falling due today, promises broken and plan
 * installments missed in the last week, disputes waiting for an answer, and high-risk overdue
 * accounts nobody contacted lately.
 * Ordering and balancing are the domain's (shared/domain/worklist/worklist.ts).
 */
import { outstanding } from '../../domain/invoices/invoice';
import { convert } from '../../domain/money/conversion';
import { currencyExponent } from '../../domain/money/currencies';
import { money, toDecimalString } from '../../domain/money/money';
import { promiseLastDay } from '../../domain/promises/promise';
import { riskInputFromFacts } from '../../domain/risk/risk-input';
import { scoreRisk } from '../../domain/risk/risk-score';
import type { TenantSettings } from '../../domain/settings/tenant-settings';
import {
  addDays,
  daysBetween,
  localDate,
  startOfLocalDay,
  type CalendarDate,
} from '../../domain/time/calendar-date';
import { buildWorklist, type WorklistCandidate, type WorklistKind } from '../../domain/worklist/worklist';
import type { TenantLedgerRecords } from '../../ports/ledger-facts-reader';
import type { Services } from '../../runtime/services';
import { ledgerFactsFrom } from '../metrics/ledger-facts-from-records';
import { evaluateStoredPlan } from '../plans/plan-evaluation';
import { recordsByDebtor } from '../metrics/records-by-debtor';

/** Broken promises and missed installments stay on the list this many days. */
const FOLLOW_UP_DAYS = 7;
/** A dispute open this long without an answer asks for one. */
const DISPUTE_WAITING_DAYS = 5;
/** Risk score from which an account with no recent contact is worth a call. */
const HIGH_RISK = 70;
const NO_CONTACT_DAYS = 14;

type WorklistServices = Pick<
  Services,
  'clock' | 'settings' | 'facts' | 'debtors' | 'cases' | 'contacts' | 'exchangeRates' | 'worklists'
>;

/** What needs a person, before it is weighed: the debtor's figures are added once for all. */
type FollowUp = Pick<WorklistCandidate, 'sourceId' | 'kind' | 'debtorId' | 'reason' | 'dueAt'>;

interface DebtorExposure {
  debtorId: string;
  currency: string;
  overdue: number;
  daysPastDue: number;
  riskScore: number;
}

export async function buildDailyWorklist(services: WorklistServices, tenantId: string, date: CalendarDate) {
  const settings = await services.settings.get(tenantId);
  const zone = settings.timezone;
  const endOfDay = startOfLocalDay(addDays(date, 1), zone).toISOString();
  const exposures = new Map<string, DebtorExposure>();
  const pending: FollowUp[] = [];

  for (const currency of await services.facts.currencies(tenantId)) {
    const records = await services.facts.records(tenantId, currency);
    for (const exposure of exposuresOf(records, currency, date, zone)) {
      const known = exposures.get(exposure.debtorId);
      // One headline exposure per debtor: the riskiest currency, then the larger overdue.
      if (!known || exposure.riskScore > known.riskScore) exposures.set(exposure.debtorId, exposure);
    }
    pending.push(...followUps(records, date, zone, endOfDay));
  }

  for (const item of await services.cases.workItems(tenantId, 1000)) {
    if (item.dueAt >= endOfDay) continue;
    pending.push({
      sourceId: item.id,
      kind: item.kind as WorklistKind,
      debtorId: item.debtorId,
      reason: item.reason,
      dueAt: item.dueAt,
    });
  }

  const since = startOfLocalDay(addDays(date, -NO_CONTACT_DAYS), zone);
  for (const exposure of exposures.values()) {
    if (exposure.riskScore < HIGH_RISK) continue;
    const { activities } = await services.contacts.recent(tenantId, exposure.debtorId, since);
    if (activities.some((activity) => activity.direction !== 'inbound')) continue;
    pending.push({
      sourceId: `risk:${exposure.debtorId}`,
      kind: 'high_risk_no_contact',
      debtorId: exposure.debtorId,
      reason: `Risk score ${exposure.riskScore} and no contact for ${NO_CONTACT_DAYS} days`,
      dueAt: startOfLocalDay(date, zone).toISOString(),
    });
  }

  // One batched read for every debtor named, not a round trip each (a tenant may have thousands).
  const debtors = await services.debtors.getMany(tenantId, [
    ...new Set(pending.map((item) => item.debtorId)),
  ]);
  const candidates: WorklistCandidate[] = [];
  for (const item of pending) {
    const debtor = debtors.get(item.debtorId);
    if (!debtor || debtor.mergedInto) continue;
    const exposure = exposures.get(item.debtorId);
    const basis = exposure
      ? await amountBasis(services, settings, exposure, date)
      : { value: 0, converted: false };
    candidates.push({
      ...item,
      debtorName: debtor.name,
      ...(debtor.collectorId ? { collectorId: debtor.collectorId } : {}),
      ...(exposure ? { riskScore: exposure.riskScore } : {}),
      ...(exposure ? { overdue: { currency: exposure.currency, amount: exposure.overdue } } : {}),
      amountWeightBasis: basis.value,
      amountConverted: basis.converted,
      daysPastDue: exposure?.daysPastDue ?? 0,
    });
  }
  const entries = buildWorklist(candidates, settings.collectors ?? []);
  const worklist = { date, builtAt: services.clock.now().toISOString(), entries };
  await services.worklists.replace(tenantId, worklist);
  return worklist;
}

function exposuresOf(
  records: TenantLedgerRecords,
  currency: string,
  date: CalendarDate,
  zone: string,
): DebtorExposure[] {
  const asOf = addDays(date, -1);
  const exposures: DebtorExposure[] = [];
  for (const [debtorId, book] of recordsByDebtor(records)) {
    const invoices = book.invoices.filter(
      (invoice) => outstanding(invoice) > 0 && invoice.dueDate < date && !invoice.openDisputeId,
    );
    if (invoices.length === 0) continue;
    const facts = ledgerFactsFrom(book, zone);
    const oldest = invoices.reduce(
      (first, invoice) => (invoice.dueDate < first ? invoice.dueDate : first),
      date,
    );
    exposures.push({
      debtorId,
      currency,
      overdue: invoices.reduce((sum, invoice) => sum + outstanding(invoice), 0),
      daysPastDue: daysBetween(oldest, asOf),
      riskScore: scoreRisk(riskInputFromFacts(facts, { currency, asOf })).score,
    });
  }
  return exposures;
}

/** Promises broken and installments missed during the last week; disputes waiting for an answer. */
function followUps(records: TenantLedgerRecords, date: CalendarDate, zone: string, endOfDay: string) {
  const items: FollowUp[] = [];
  const dayStart = startOfLocalDay(date, zone).toISOString();
  const window = addDays(date, -FOLLOW_UP_DAYS);
  for (const promise of records.promises) {
    // A promise falling due today: a word before it lapses keeps more promises than a call after.
    if (promise.status === 'pending' && promise.dueDate === date) {
      items.push({
        sourceId: promise.id,
        kind: 'promise_due',
        debtorId: promise.debtorId,
        reason: `Promise to pay ${toDecimalString(money(promise.amount, promise.currency))} ${promise.currency} falls due today`,
        dueAt: dayStart,
      });
      continue;
    }
    const lastDay = promiseLastDay(promise);
    if (promise.status !== 'broken' || lastDay < window || lastDay >= date) continue;
    items.push({
      sourceId: promise.id,
      kind: 'broken_promise',
      debtorId: promise.debtorId,
      reason: `Promise to pay by ${promise.dueDate} was broken`,
      dueAt: dayStart,
    });
  }
  const now = new Date(endOfDay);
  const books = recordsByDebtor(records);
  for (const plan of records.plans) {
    if (plan.status === 'cancelled' || plan.status === 'completed') continue;
    const own = books.get(plan.debtorId)?.payments ?? [];
    const evaluation = evaluateStoredPlan(plan, own, new Date(now.getTime() - 1), zone);
    const missed = evaluation.installments.find(
      (installment) =>
        installment.remaining > 0 &&
        installment.deadline.toISOString() <= dayStart &&
        localDate(installment.deadline, zone) > window,
    );
    if (!missed) continue;
    items.push({
      sourceId: `${plan.id}#${missed.sequence}`,
      kind: 'missed_installment',
      debtorId: plan.debtorId,
      reason: `Plan installment ${missed.sequence} due ${missed.dueDate} was missed`,
      dueAt: dayStart,
    });
  }
  for (const dispute of records.disputes) {
    if (dispute.status !== 'open') continue;
    const opened = localDate(new Date(dispute.openedAt), zone);
    if (daysBetween(opened, date) < DISPUTE_WAITING_DAYS) continue;
    items.push({
      sourceId: dispute.id,
      kind: 'dispute_waiting',
      debtorId: dispute.debtorId,
      reason: `Dispute open since ${opened} waits for an answer`,
      dueAt: dayStart,
    });
  }
  return items;
}

async function amountBasis(
  services: Pick<Services, 'exchangeRates'>,
  settings: TenantSettings,
  exposure: DebtorExposure,
  date: CalendarDate,
): Promise<{ value: number; converted: boolean }> {
  const base = settings.baseCurrency;
  if (base && base !== exposure.currency) {
    const rate = await services.exchangeRates.effective(settings.tenantId, exposure.currency, base, date);
    if (rate) {
      const converted = convert(money(exposure.overdue, exposure.currency), rate);
      return { value: converted.amount / 10 ** currencyExponent(base), converted: true };
    }
  }
  return { value: exposure.overdue / 10 ** currencyExponent(exposure.currency), converted: false };
}
