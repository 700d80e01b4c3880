import * as z from 'zod';
import { CONNECTOR_PROVIDERS } from '../../domain/connectors/source-records';
import { currencyCode, idOf, jurisdiction } from './common';

export const createConnectionBody = z
  .strictObject({
    provider: z.enum(CONNECTOR_PROVIDERS),
    currency: currencyCode
      .optional()
      .meta({ description: "Currency of records that name none (the tenant's base currency by default)" }),
    jurisdiction: jurisdiction
      .optional()
      .meta({ description: 'Jurisdiction of customers whose billing address names no country' }),
  })
  .meta({ id: 'CreateConnection' });

/** Not strict: providers add parameters of their own (Xero: `scope`, `session_state`). */
export const connectionCallbackQuery = z.object({
  code: z.string().min(1).max(4096),
  state: z.string().min(1).max(4096),
  realmId: z.string().max(64).optional().meta({ description: 'QuickBooks: the company connected' }),
});

const counts = z.object({ created: z.int(), updated: z.int(), unchanged: z.int(), skipped: z.int() });

export const connectionView = z
  .object({
    id: idOf('con'),
    provider: z.enum(CONNECTOR_PROVIDERS),
    status: z.enum(['pending', 'active', 'reauthorization_required']),
    organisationId: z.string().optional().meta({ description: 'QuickBooks realm id or Xero tenant id' }),
    defaults: z.object({ currency: z.string(), jurisdiction: z.string().optional() }),
    watermark: z
      .string()
      .optional()
      .meta({ description: 'Records changed after this instant are still to pull' }),
    pull: z
      .object({
        cursor: z.string(),
        since: z.string().optional(),
        startedAt: z.string(),
        latestSeen: z.string().optional(),
      })
      .optional()
      .meta({ description: 'The pull under way, resumed from its cursor' }),
    lastRun: z
      .object({
        startedAt: z.string(),
        finishedAt: z.string().optional(),
        outcome: z.enum(['running', 'completed', 'paused', 'rate_limited', 'failed']),
        pages: z.int(),
        counts,
        skipped: z.array(
          z.object({
            kind: z.enum(['customer', 'invoice', 'payment', 'credit_note']),
            sourceId: z.string(),
            reason: z.string(),
          }),
        ),
        error: z.string().optional(),
      })
      .optional(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  })
  .meta({ id: 'Connection' });

export const startedConnection = connectionView
  .extend({
    authorizeUrl: z.string().meta({ description: "The provider's consent page: send the admin there" }),
  })
  .meta({ id: 'StartedConnection' });

export const connectionList = z
  .object({ items: z.array(connectionView), nextCursor: z.null() })
  .meta({ id: 'ConnectionList' });

export const pushInvoiceNoteBody = z
  .strictObject({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(500)
      .meta({ description: "The note, added as a dated line to the invoice's internal note" }),
  })
  .meta({ id: 'PushInvoiceNote' });

export const pushedInvoiceNote = z
  .object({
    invoiceId: idOf('inv'),
    provider: z.enum(CONNECTOR_PROVIDERS),
    connectionId: idOf('con'),
    note: z.string().meta({ description: 'The line as the accounting system received it' }),
  })
  .meta({ id: 'PushedInvoiceNote' });
