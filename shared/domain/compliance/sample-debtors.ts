/**
 * A generated, reproducible population for the policy simulator: debtors spread over the
 * jurisdictions and time zones Recoup has rules for, with the events that change what may be
 * done (disputes, cease requests, opt-outs, answered calls). The same seed gives the same sample.
 */
import { addDays, type CalendarDate } from '../time/calendar-date';
import type { SimulatedDebtor } from './cadence-simulation';
import type { DebtKind } from './contact-rule-pack';
import type { ContactStanding } from './contact-standing';

const PLACES: readonly { jurisdiction: string; zones: readonly (string | undefined)[] }[] = [
  { jurisdiction: 'US-NY', zones: ['America/New_York'] },
  { jurisdiction: 'US-MA', zones: ['America/New_York'] },
  { jurisdiction: 'US-CA', zones: ['America/Los_Angeles'] },
  { jurisdiction: 'US-TX', zones: ['America/Chicago', 'America/Denver', undefined] },
  { jurisdiction: 'US-FL', zones: ['America/New_York', undefined] },
  { jurisdiction: 'US-AZ', zones: ['America/Phoenix'] },
  { jurisdiction: 'US-HI', zones: ['Pacific/Honolulu'] },
  { jurisdiction: 'GB', zones: ['Europe/London'] },
  { jurisdiction: 'DE', zones: ['Europe/Berlin'] },
  { jurisdiction: 'FR', zones: ['Europe/Paris'] },
  { jurisdiction: 'ES', zones: ['Europe/Madrid', 'Atlantic/Canary', undefined] },
  { jurisdiction: 'AU', zones: ['Australia/Sydney', 'Australia/Perth', 'Australia/Lord_Howe'] },
  { jurisdiction: 'JP', zones: ['Asia/Tokyo'] },
  { jurisdiction: 'IN', zones: ['Asia/Kolkata'] },
];

/** mulberry32: small, fast, and good enough to spread a sample. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleDebtors(options: {
  count: number;
  seed: number;
  from: CalendarDate;
  days: number;
  debtKind?: DebtKind;
}): SimulatedDebtor[] {
  const next = random(options.seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const chance = (probability: number) => next() < probability;
  const day = () => Math.floor(next() * options.days);
  return Array.from({ length: options.count }, (_, index) => {
    const place = pick(PLACES);
    const timezone = pick(place.zones);
    const debtKind = options.debtKind ?? (chance(0.5) ? 'consumer' : 'business');
    const standing: ContactStanding = {
      consent: { sms: chance(0.7) },
      ...(chance(0.05) ? { doNotCall: true } : {}),
      ...(chance(0.05) ? { optOut: { email: true } } : {}),
    };
    const events: { day: number; change: Partial<ContactStanding> }[] = [];
    if (chance(0.1)) {
      const opened = day();
      events.push({ day: opened, change: { allDebtDisputed: true } });
      if (chance(0.7))
        events.push({
          day: Math.min(options.days - 1, opened + 5 + Math.floor(next() * 20)),
          change: { allDebtDisputed: false },
        });
    }
    if (chance(0.03)) events.push({ day: day(), change: { cease: true } });
    if (chance(0.05)) events.push({ day: day(), change: { optOut: { sms: true } } });
    return {
      ref: `sample-${index + 1}`,
      subject: {
        debtKind,
        jurisdiction: place.jurisdiction,
        ...(timezone ? { timezone } : {}),
        reachable: { call: chance(0.9), sms: chance(0.8), email: chance(0.9), letter: chance(0.95) },
      },
      // Due dates spread so cadences start at every point of the week and of the window.
      dueDate: addDays(options.from, Math.floor(next() * Math.max(1, options.days / 2)) - 7),
      standing,
      events,
      answersCalls: chance(0.3) ? [0] : [],
    };
  });
}
