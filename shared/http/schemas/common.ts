/** Field schemas shared across resources; every object schema is strict (unknown keys → 400). */
import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { isCurrencyCode } from '../../domain/money/currencies';
import { isCalendarDate, isValidTimeZone } from '../../domain/time/calendar-date';

export const idOf = (prefix: string) =>
  withMeta(
    z.string().check(z.regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be a ${prefix}_ id`)),
    { example: `${prefix}_01JD7X2M4K8Q9R3S5T6V7W8X9Y` },
  );

export const currencyCode = withMeta(
  z.string().check(z.refine(isCurrencyCode, 'must be an ISO 4217 currency code')),
  { description: 'ISO 4217 currency code', example: 'EUR' },
);

/** Integer minor units (cents for EUR, yen for JPY, fils for KWD). */
export const minorUnits = withMeta(
  z
    .number()
    .check(z.int('must be an integer number of minor units'), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
  { description: 'Integer amount in minor units of the currency', example: 125000 },
);

export const positiveMinorUnits = minorUnits.check(z.gte(1, 'must be greater than zero'));

export const calendarDate = withMeta(
  z.string().check(z.refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')),
  { description: 'Calendar date', example: '2026-03-31', format: 'date' },
);

export const instant = withMeta(z.iso.datetime({ offset: true }), { example: '2026-03-08T14:00:00Z' });

export const timeZone = withMeta(
  z
    .string()
    .check(z.maxLength(64), z.refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')),
  { example: 'America/New_York' },
);

export const jurisdiction = withMeta(
  z
    .string()
    .check(z.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as US-NY, GB or DE')),
  { example: 'US-NY' },
);

export const shortText = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max));

export const pageQuery = {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
};

export const idParams = (prefix: string) => z.strictObject({ id: idOf(prefix) });

export const problemSchema = withMeta(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.optional(z.string()),
    errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
  { id: 'Problem', description: 'RFC 7807 problem details' },
);

export const pageOf = <T extends z.ZodMiniType>(item: T, id: string) =>
  withMeta(z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) }), { id });
