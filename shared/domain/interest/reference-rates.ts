/**
 * Central-bank reference rates as dated data. Each entry gives the rate in force from its
 * `effectiveFrom` date until the next entry. `knownThrough` is the last date the table was checked
 * against the publisher: a rate looked up after it is still the last entry, but the calculation is
 * flagged (`reference_rate_unconfirmed`) so that nobody posts interest on a stale table silently.
 *
 * Maintenance: append new entries (never rewrite history) and move `knownThrough` forward.
 */
import type { CalendarDate } from '../time/calendar-date';
import { parsePercent, type MicroPercent } from './percent';

export interface RateEntry {
  readonly effectiveFrom: CalendarDate;
  /** Annual rate, decimal percent string ('5.25'). */
  readonly ratePercent: string;
}

export interface RateHistory {
  readonly name: string;
  readonly source: string;
  /** Entries in strictly increasing `effectiveFrom` order. */
  readonly entries: readonly RateEntry[];
  readonly knownThrough: CalendarDate;
}

/**
 * Bank of England Bank Rate (the "official dealing rate" of SI 2002/1675), by the date of each
 * MPC decision taking effect. Source: Bank of England, "Bank Rate history".
 * Held at 3.75% on 2026-02-05 (last decision checked).
 */
export const BANK_OF_ENGLAND_BASE_RATE: RateHistory = {
  name: 'Bank of England Bank Rate',
  source: 'https://www.bankofengland.co.uk/boeapps/database/Bank-Rate.asp',
  knownThrough: '2026-02-05',
  entries: [
    { effectiveFrom: '2021-12-16', ratePercent: '0.25' },
    { effectiveFrom: '2022-02-03', ratePercent: '0.50' },
    { effectiveFrom: '2022-03-17', ratePercent: '0.75' },
    { effectiveFrom: '2022-05-05', ratePercent: '1.00' },
    { effectiveFrom: '2022-06-16', ratePercent: '1.25' },
    { effectiveFrom: '2022-08-04', ratePercent: '1.75' },
    { effectiveFrom: '2022-09-22', ratePercent: '2.25' },
    { effectiveFrom: '2022-11-03', ratePercent: '3.00' },
    { effectiveFrom: '2022-12-15', ratePercent: '3.50' },
    { effectiveFrom: '2023-02-02', ratePercent: '4.00' },
    { effectiveFrom: '2023-03-23', ratePercent: '4.25' },
    { effectiveFrom: '2023-05-11', ratePercent: '4.50' },
    { effectiveFrom: '2023-06-22', ratePercent: '5.00' },
    { effectiveFrom: '2023-08-03', ratePercent: '5.25' },
    { effectiveFrom: '2024-08-01', ratePercent: '5.00' },
    { effectiveFrom: '2024-11-07', ratePercent: '4.75' },
    { effectiveFrom: '2025-02-06', ratePercent: '4.50' },
    { effectiveFrom: '2025-05-08', ratePercent: '4.25' },
    { effectiveFrom: '2025-08-07', ratePercent: '4.00' },
    { effectiveFrom: '2025-12-18', ratePercent: '3.75' },
  ],
};

/**
 * ECB rate on the main refinancing operations (fixed rate tenders), by the date each change took
 * effect (the start of the next MRO). Source: ECB, "Key ECB interest rates".
 * Unchanged at 2.15% through the operation of 2025-12-22 (last checked).
 */
export const ECB_MAIN_REFINANCING_RATE: RateHistory = {
  name: 'ECB main refinancing operations rate',
  source:
    'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html',
  knownThrough: '2025-12-31',
  entries: [
    { effectiveFrom: '2016-03-16', ratePercent: '0.00' },
    { effectiveFrom: '2022-07-27', ratePercent: '0.50' },
    { effectiveFrom: '2022-09-14', ratePercent: '1.25' },
    { effectiveFrom: '2022-11-02', ratePercent: '2.00' },
    { effectiveFrom: '2022-12-21', ratePercent: '2.50' },
    { effectiveFrom: '2023-02-08', ratePercent: '3.00' },
    { effectiveFrom: '2023-03-22', ratePercent: '3.50' },
    { effectiveFrom: '2023-05-10', ratePercent: '3.75' },
    { effectiveFrom: '2023-06-21', ratePercent: '4.00' },
    { effectiveFrom: '2023-08-02', ratePercent: '4.25' },
    { effectiveFrom: '2023-09-20', ratePercent: '4.50' },
    { effectiveFrom: '2024-06-12', ratePercent: '4.25' },
    { effectiveFrom: '2024-09-18', ratePercent: '3.65' },
    { effectiveFrom: '2024-10-23', ratePercent: '3.40' },
    { effectiveFrom: '2024-12-18', ratePercent: '3.15' },
    { effectiveFrom: '2025-02-05', ratePercent: '2.90' },
    { effectiveFrom: '2025-03-12', ratePercent: '2.65' },
    { effectiveFrom: '2025-04-23', ratePercent: '2.40' },
    { effectiveFrom: '2025-06-11', ratePercent: '2.15' },
  ],
};

/**
 * German Basiszinssatz (§ 247 BGB), set on 1 January and 1 July by the Deutsche Bundesbank.
 * Source: Deutsche Bundesbank, "Basiszinssatz". 1.27% from 2026-01-01 (announced 2025-12-24),
 * valid until 2026-06-30.
 */
export const GERMAN_BASE_RATE: RateHistory = {
  name: 'Basiszinssatz (§ 247 BGB)',
  source: 'https://www.bundesbank.de/de/bundesbank/organisation/agb-und-regelungen/basiszinssatz-607820',
  knownThrough: '2026-06-30',
  entries: [
    { effectiveFrom: '2016-07-01', ratePercent: '-0.88' },
    { effectiveFrom: '2023-01-01', ratePercent: '1.62' },
    { effectiveFrom: '2023-07-01', ratePercent: '3.12' },
    { effectiveFrom: '2024-01-01', ratePercent: '3.62' },
    { effectiveFrom: '2024-07-01', ratePercent: '3.37' },
    { effectiveFrom: '2025-01-01', ratePercent: '2.27' },
    { effectiveFrom: '2025-07-01', ratePercent: '1.27' },
    { effectiveFrom: '2026-01-01', ratePercent: '1.27' },
  ],
};

export interface RateInForce {
  readonly ratePercent: string;
  readonly rate: MicroPercent;
  readonly effectiveFrom: CalendarDate;
  /** False when the date is after the table's `knownThrough`. */
  readonly confirmed: boolean;
}

/** The rate in force on a date: the last entry whose `effectiveFrom` is on or before it. */
export function rateInForce(history: RateHistory, date: CalendarDate): RateInForce {
  let found: RateEntry | undefined;
  for (const entry of history.entries) {
    if (entry.effectiveFrom <= date) found = entry;
    else break;
  }
  if (!found) throw new RangeError(`${history.name}: no rate known on ${date}`);
  return {
    ratePercent: found.ratePercent,
    rate: parsePercent(found.ratePercent),
    effectiveFrom: found.effectiveFrom,
    confirmed: date <= history.knownThrough,
  };
}

/** A one-entry history, for examples and tests ("with a reference rate of 4.00%"). */
export function constantRate(ratePercent: string, name = `constant ${ratePercent}%`): RateHistory {
  return {
    name,
    source: 'example data',
    knownThrough: '9999-12-31',
    entries: [{ effectiveFrom: '0001-01-01', ratePercent }],
  };
}
