/** Field schemas shared across resources; every object schema is strict (unknown keys → 400). */
import * as z from 'zod';
import { isCurrencyCode } from '../../domain/money/currencies';
import { isCalendarDate, isValidTimeZone } from '../../domain/time/calendar-date';

export const idOf = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be a ${prefix}_ id`)
    .meta({ example: `${prefix}_01JD7X2M4K8Q9R3S5T6V7W8X9Y` });

export const currencyCode = z
  .string()
  .refine(isCurrencyCode, 'must be an ISO 4217 currency code')
  .meta({ description: 'ISO 4217 currency code', example: 'EUR' });

/** Integer minor units (cents for EUR, yen for JPY, fils for KWD). */
export const minorUnits = z
  .number()
  .int('must be an integer number of minor units')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'Integer amount in minor units of the currency', example: 125000 });

export const positiveMinorUnits = minorUnits.min(1, 'must be greater than zero');

export const calendarDate = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')
  .meta({ description: 'Calendar date', example: '2026-03-31', format: 'date' });

export const instant = z.iso.datetime({ offset: true }).meta({ example: '2026-03-08T14:00:00Z' });

export const timeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
  .meta({ example: 'America/New_York' });

export const jurisdiction = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as US-NY, GB or DE')
  .meta({ example: 'US-NY' });

export const shortText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
};

export const idParams = (prefix: string) => z.strictObject({ id: idOf(prefix) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 7807 problem details' });

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
