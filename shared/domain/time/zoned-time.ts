/**
 * Wall-clock time in an IANA zone, fast enough for a gate asked 100,000 times a second.
 * Offsets come from the runtime's time-zone database (through @date-fns/tz) and are memoised per
 * zone and quarter hour: offsets in use today are whole quarter hours and change on one, so an
 * offset never changes inside a bucket (contacts are gated in the present, not in 1970).
 */
import { tzOffset } from '@date-fns/tz';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_CACHED_BUCKETS = 50_000;

const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC in minutes at an instant (New York in January: -300). */
export function zoneOffsetMinutes(zone: string, instantMs: number): number {
  let cache = offsets.get(zone);
  if (!cache) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const bucket = Math.floor(instantMs / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
    offset = tzOffset(zone, new Date(bucket * BUCKET_MS));
    if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${zone}`);
    cache.set(bucket, offset);
  }
  return offset;
}

/** A local wall-clock reading: day number (days since 1970-01-01 in that zone), ISO weekday, time of day. */
export interface WallClock {
  readonly day: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Milliseconds since local midnight as the wall clock shows it (08:00 → 28,800,000). */
  readonly timeOfDayMs: number;
}

export function wallClock(instantMs: number, zone: string): WallClock {
  const local = instantMs + zoneOffsetMinutes(zone, instantMs) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, weekday: isoWeekday(day), timeOfDayMs: local - day * DAY_MS };
}

export function isoWeekday(day: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The instant the wall clock of `zone` shows `timeOfDayMs` on local `day`. A reading that does not
 * exist (inside a spring-forward gap) maps to the first instant after the gap; a reading that exists
 * twice (fall-back) maps to the earlier one.
 */
export function instantOfWallClock(day: number, timeOfDayMs: number, zone: string): number {
  const local = day * DAY_MS + timeOfDayMs;
  const first = local - zoneOffsetMinutes(zone, local) * MINUTE_MS;
  const second = local - zoneOffsetMinutes(zone, first) * MINUTE_MS;
  if (first === second) return first;
  const candidates = [first, second].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + zoneOffsetMinutes(zone, candidate) * MINUTE_MS === local) return candidate;
  }
  // In a gap: the later candidate is the first instant whose wall clock is past the reading.
  return candidates[1]!;
}

/** `HH:MM` → milliseconds since midnight. */
export function parseTimeOfDay(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match || (match[1] === '24' && match[2] !== '00')) throw new RangeError(`Not a time of day: ${value}`);
  return (Number(match[1]) * 60 + Number(match[2])) * MINUTE_MS;
}

export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dateToDayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}
