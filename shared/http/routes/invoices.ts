import { READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams, pageOf } from '../schemas/common';
import { createInvoiceBody, invoiceView, listInvoicesQuery, updateInvoiceBody } from '../schemas/invoices';
import { debtorParams } from './debtors';

export const invoiceParams = idParams('inv');

export const listDebtorInvoices = defineRoute({
  id: 'listDebtorInvoices',
  method: 'GET',
  path: '/v1/debtors/{id}/invoices',
  handlerEntry: 'functions/api/invoices/list-debtor-invoices.ts',
  summary: "A debtor's invoices, by due date",
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams, query: listInvoicesQuery },
  responses: { 200: { description: 'A page of invoices', schema: pageOf(invoiceView, 'InvoicePage') } },
});

export const createInvoice = defineRoute({
  id: 'createInvoice',
  signalsCase: true,
  method: 'POST',
  path: '/v1/invoices',
  handlerEntry: 'functions/api/invoices/create-invoice.ts',
  summary: 'Create an invoice for a debtor',
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { body: createInvoiceBody },
  responses: { 201: { description: 'Invoice created', schema: invoiceView } },
  idempotent: true,
});

export const getInvoice = defineRoute({
  id: 'getInvoice',
  method: 'GET',
  path: '/v1/invoices/{id}',
  handlerEntry: 'functions/api/invoices/get-invoice.ts',
  summary: 'Get an invoice with its outstanding amount and status',
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: invoiceParams },
  responses: { 200: { description: 'The invoice', schema: invoiceView } },
});

export const updateInvoice = defineRoute({
  id: 'updateInvoice',
  signalsCase: true,
  method: 'PATCH',
  path: '/v1/invoices/{id}',
  handlerEntry: 'functions/api/invoices/update-invoice.ts',
  summary: 'Change an invoice (optimistic concurrency with If-Match)',
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: invoiceParams, body: updateInvoiceBody },
  responses: { 200: { description: 'The changed invoice', schema: invoiceView } },
  conditional: true,
});
