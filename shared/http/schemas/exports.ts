import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { calendarDate, currencyCode } from './common';

export const agingExportQuery = z.strictObject({
  asOf: withMeta(z.optional(calendarDate), { description: "Default: today on the tenant's calendar" }),
  currency: withMeta(z.optional(currencyCode), {
    description: 'Default: every currency, each with its own total',
  }),
});

/** The CSV text, for the OpenAPI document (the body is not JSON). */
export const csvText = (columns: string) =>
  withMeta(z.string(), {
    description: `RFC 4180 CSV with a header row (${columns}). Amounts as decimals in the currency's exponent with a \`_minor\` column of integer minor units beside each; text cells starting with = + - @ are prefixed with '.`,
  });
