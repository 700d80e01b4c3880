/** Instants arrive as `Date`s from code and as ISO-8601 strings from storage; both are accepted. */
export type Instant = Date | string;

export function toDate(instant: Instant): Date {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return date;
}
