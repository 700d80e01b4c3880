import * as z from 'zod';
import {
  calendarDate,
  currencyCode,
  idOf,
  minorUnits,
  pageQuery,
  positiveMinorUnits,
  shortText,
} from './common';

export const createInvoiceBody = z
  .strictObject({
    debtorId: idOf('dbt'),
    number: shortText(64),
    currency: currencyCode,
    amount: positiveMinorUnits,
    issueDate: calendarDate,
    dueDate: calendarDate,
    description: shortText(500).optional(),
    externalRef: shortText(100).optional(),
  })
  .refine((invoice) => invoice.dueDate >= invoice.issueDate, {
    path: ['dueDate'],
    message: 'must not be before issueDate',
  })
  .meta({ id: 'CreateInvoice' });

export const updateInvoiceBody = z
  .strictObject({
    issueDate: calendarDate.optional(),
    dueDate: calendarDate.optional(),
    description: shortText(500).nullable().optional(),
    externalRef: shortText(100).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateInvoice' });

export const listInvoicesQuery = z.strictObject({ ...pageQuery });

export const invoiceView = z
  .object({
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
    description: z.string().optional(),
    externalRef: z.string().optional(),
    planId: z.string().optional().meta({ description: 'Active payment plan covering the invoice' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Invoice' });
