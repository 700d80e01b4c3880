import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { CONNECTOR_PROVIDERS } from '../../domain/connectors/source-records';
import { currencyCode, idOf, jurisdiction } from './common';

export const createConnectionBody = withMeta(
  z.strictObject({
    provider: z.enum(CONNECTOR_PROVIDERS),
    currency: withMeta(z.optional(currencyCode), {
      description: "Currency of records that name none (the tenant's base currency by default)",
    }),
    jurisdiction: withMeta(z.optional(jurisdiction), {
      description: 'Jurisdiction of customers whose billing address names no country',
    }),
  }),
  { id: 'CreateConnection' },
);

/** Not strict: providers add parameters of their own (Xero: `scope`, `session_state`). */
export const connectionCallbackQuery = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(4096)),
  state: z.string().check(z.minLength(1), z.maxLength(4096)),
  realmId: withMeta(z.optional(z.string().check(z.maxLength(64))), {
    description: 'QuickBooks: the company connected',
  }),
});

const counts = z.object({ created: z.int(), updated: z.int(), unchanged: z.int(), skipped: z.int() });

export const connectionView = withMeta(
  z.object({
    id: idOf('con'),
    provider: z.enum(CONNECTOR_PROVIDERS),
    status: z.enum(['pending', 'active', 'reauthorization_required']),
    organisationId: withMeta(z.optional(z.string()), {
      description: 'QuickBooks realm id or Xero tenant id',
    }),
    defaults: z.object({ currency: z.string(), jurisdiction: z.optional(z.string()) }),
    watermark: withMeta(z.optional(z.string()), {
      description: 'Records changed after this instant are still to pull',
    }),
    pull: withMeta(
      z.optional(
        z.object({
          cursor: z.string(),
          since: z.optional(z.string()),
          startedAt: z.string(),
          latestSeen: z.optional(z.string()),
        }),
      ),
      { description: 'The pull under way, resumed from its cursor' },
    ),
    lastRun: z.optional(
      z.object({
        startedAt: z.string(),
        finishedAt: z.optional(z.string()),
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
        error: z.optional(z.string()),
      }),
    ),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.int(),
  }),
  { id: 'Connection' },
);

export const startedConnection = withMeta(
  z.extend(connectionView, {
    authorizeUrl: withMeta(z.string(), { description: "The provider's consent page: send the admin there" }),
  }),
  { id: 'StartedConnection' },
);

export const connectionList = withMeta(z.object({ items: z.array(connectionView), nextCursor: z.null() }), {
  id: 'ConnectionList',
});

export const pushInvoiceNoteBody = withMeta(
  z.strictObject({
    text: withMeta(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500)), {
      description: "The note, added as a dated line to the invoice's internal note",
    }),
  }),
  { id: 'PushInvoiceNote' },
);

export const pushedInvoiceNote = withMeta(
  z.object({
    invoiceId: idOf('inv'),
    provider: z.enum(CONNECTOR_PROVIDERS),
    connectionId: idOf('con'),
    note: withMeta(z.string(), { description: 'The line as the accounting system received it' }),
  }),
  { id: 'PushedInvoiceNote' },
);
