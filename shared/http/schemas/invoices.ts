import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import {
  calendarDate,
  currencyCode,
  idOf,
  minorUnits,
  pageQuery,
  positiveMinorUnits,
  shortText,
} from './common';

export const createInvoiceBody = withMeta(
  z
    .strictObject({
      debtorId: idOf('dbt'),
      number: shortText(64),
      currency: currencyCode,
      amount: positiveMinorUnits,
      issueDate: calendarDate,
      dueDate: calendarDate,
      description: z.optional(shortText(500)),
      externalRef: z.optional(shortText(100)),
    })
    .check(
      z.refine((invoice) => invoice.dueDate >= invoice.issueDate, {
        path: ['dueDate'],
        message: 'must not be before issueDate',
      }),
    ),
  { id: 'CreateInvoice' },
);

export const updateInvoiceBody = withMeta(
  z
    .strictObject({
      issueDate: z.optional(calendarDate),
      dueDate: z.optional(calendarDate),
      description: z.optional(z.nullable(shortText(500))),
      externalRef: z.optional(z.nullable(shortText(100))),
    })
    .check(z.refine((body) => Object.keys(body).length > 0, 'must change at least one field')),
  { id: 'UpdateInvoice' },
);

export const listInvoicesQuery = z.strictObject({ ...pageQuery });

export const invoiceView = withMeta(
  z.object({
    id: idOf('inv'),
    debtorId: idOf('dbt'),
    number: z.string(),
    currency: currencyCode,
    amount: minorUnits,
    outstanding: minorUnits,
    paid: minorUnits,
    credited: minorUnits,
    writtenOff: minorUnits,
    status: z.enum(['open', 'paid', 'disputed', 'written_off']),
    issueDate: calendarDate,
    dueDate: calendarDate,
    description: z.optional(z.string()),
    externalRef: z.optional(z.string()),
    planId: withMeta(z.optional(z.string()), { description: 'Active payment plan covering the invoice' }),
    version: z.number().check(z.int()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  { id: 'Invoice' },
);
