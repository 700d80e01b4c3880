import * as z from 'zod';
import { calendarDate, currencyCode } from './common';

export const agingExportQuery = z.strictObject({
  asOf: calendarDate.optional().meta({ description: "Default: today on the tenant's calendar" }),
  currency: currencyCode.optional().meta({ description: 'Default: every currency, each with its own total' }),
});

/** The CSV text, for the OpenAPI document (the body is not JSON). */
export const csvText = (columns: string) =>
  z.string().meta({
    description: `RFC 4180 CSV with a header row (${columns}). Amounts as decimals in the currency's exponent with a \`_minor\` column of integer minor units beside each; text cells starting with = + - @ are prefixed with '.`,
  });
