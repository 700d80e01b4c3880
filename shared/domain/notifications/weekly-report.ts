/**
 * The weekly report to managers, as plain text: per currency the aging at the end of the week and
 * the DSO / CEI of each of the last four weeks (oldest first, so the trend reads left to right);
 * then the collectors' week: calls, conversations, other contacts, worklist items assigned; then
 * the reminders the system sent.
 */
import type { Productivity } from '../activities/activity-day';
import type { Aging } from '../ledger/aging';
import { formatMoney, money } from '../money/money';
import type { Collector } from '../settings/tenant-settings';
import type { CalendarDate } from '../time/calendar-date';

export interface WeeklyCurrencySection {
  currency: string;
  aging: Aging;
  trend: { from: CalendarDate; to: CalendarDate; dso: number | null; cei: number | null }[];
}

export interface WeeklyReportInput {
  week: { from: CalendarDate; to: CalendarDate };
  currencies: readonly WeeklyCurrencySection[];
  productivity: Productivity;
  /** Worklist items assigned to each person over the week. */
  assigned: Record<string, number>;
  collectors: readonly Collector[];
  locale?: string;
}

export function weeklyReport(input: WeeklyReportInput): { subject: string; body: string } {
  const locale = input.locale ?? 'en-US';
  const figure = (value: number | null) => (value === null ? '—' : value.toFixed(2));
  const lines: string[] = [`Week ${input.week.from} – ${input.week.to}`, ''];
  for (const section of input.currencies) {
    const amount = (value: number) => formatMoney(money(value, section.currency), locale);
    const { current, d1_30, d31_60, d61_90, d90_plus } = section.aging;
    lines.push(
      `${section.currency}`,
      `  Aging at ${input.week.to}: current ${amount(current)}, 1–30 ${amount(d1_30)}, 31–60 ${amount(d31_60)}, 61–90 ${amount(d61_90)}, 90+ ${amount(d90_plus)}`,
      `  DSO by week: ${section.trend.map((week) => figure(week.dso)).join(' → ')}`,
      `  CEI by week: ${section.trend.map((week) => figure(week.cei)).join(' → ')}`,
      '',
    );
  }
  const names = new Map(input.collectors.map((collector) => [collector.id, collector.name]));
  const people = new Set([...Object.keys(input.productivity.people), ...Object.keys(input.assigned)]);
  lines.push('Collectors');
  if (people.size === 0) lines.push('  no activity logged');
  for (const person of [...people].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b))) {
    const work = input.productivity.people[person] ?? { calls: 0, conversations: 0, contacts: 0 };
    lines.push(
      `  ${names.get(person) ?? person}: calls ${work.calls} (conversations ${work.conversations}), other contacts ${work.contacts}, worklist items ${input.assigned[person] ?? 0}`,
    );
  }
  const reminders = Object.entries(input.productivity.reminders).sort(([a], [b]) => a.localeCompare(b));
  lines.push(
    '',
    `Reminders sent: ${reminders.length === 0 ? 'none' : reminders.map(([channel, count]) => `${count} ${channel}`).join(', ')}`,
  );
  return {
    subject: `Collections weekly report ${input.week.from} – ${input.week.to}`,
    body: lines.join('\n'),
  };
}
