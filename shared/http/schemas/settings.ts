import * as z from 'zod';
import { isCurrencyCode } from '../../domain/money/currencies';
import { currencyCode, minorUnits, timeZone } from './common';

export const settingsBody = z
  .strictObject({
    timezone: timeZone,
    baseCurrency: currencyCode.optional(),
    approvalThresholds: z
      .record(z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code'), minorUnits)
      .default({})
      .meta({
        description: 'Write-offs and credit notes above these amounts (minor units) need a second approver',
      }),
  })
  .meta({ id: 'TenantSettings' });

export const settingsView = z
  .object({
    timezone: z.string(),
    baseCurrency: z.string().optional(),
    approvalThresholds: z.record(z.string(), minorUnits),
    version: z.number().int(),
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'Settings' });
