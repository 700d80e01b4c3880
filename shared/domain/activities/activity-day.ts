/**
 * Day counters of the contact work, kept like the receivables' (a ledger of counts, `ADD`ed with
 * each activity in its own transaction): what the system sent and what each person did.
 * - `reminders:<channel>`: automated outbound messages sent (email, sms, letter, voice);
 * - `calls:<user>`, `conversations:<user>`: outbound calls a person logged, and those that reached
 *   the debtor;
 * - `contacts:<user>`: other outbound contacts a person logged (emails, letters, texts).
 * Refused contacts and notes count nothing.
 */
import type { Activity } from './activity';

export interface ActivityDay {
  date: string;
  counters: Record<string, number>;
}

export function activityCounters(activity: Activity): Record<string, number> {
  if (activity.status !== 'done' || activity.direction !== 'outbound' || activity.type === 'note') return {};
  if (activity.source === 'system') return { [`reminders:${activity.type}`]: 1 };
  if (activity.type === 'call') {
    return {
      [`calls:${activity.loggedBy}`]: 1,
      ...(activity.outcome === 'conversation' ? { [`conversations:${activity.loggedBy}`]: 1 } : {}),
    };
  }
  return { [`contacts:${activity.loggedBy}`]: 1 };
}

export interface Productivity {
  /** Automated messages sent, by channel. */
  reminders: Record<string, number>;
  /** Per person: calls, conversations, other contacts. */
  people: Record<string, { calls: number; conversations: number; contacts: number }>;
}

/** Sums day counters into the period's figures. */
export function productivityOf(days: readonly ActivityDay[]): Productivity {
  const result: Productivity = { reminders: {}, people: {} };
  for (const day of days) {
    for (const [name, value] of Object.entries(day.counters)) {
      const separator = name.indexOf(':');
      const family = name.slice(0, separator);
      const key = name.slice(separator + 1);
      if (family === 'reminders') {
        result.reminders[key] = (result.reminders[key] ?? 0) + value;
        continue;
      }
      const person = (result.people[key] ??= { calls: 0, conversations: 0, contacts: 0 });
      if (family === 'calls') person.calls += value;
      else if (family === 'conversations') person.conversations += value;
      else if (family === 'contacts') person.contacts += value;
    }
  }
  return result;
}
