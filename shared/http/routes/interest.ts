import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { interestQuery, interestView } from '../schemas/interest';
import { invoiceParams } from './invoices';

export const getInvoiceInterest = defineRoute({
  id: 'getInvoiceInterest',
  method: 'GET',
  path: '/v1/invoices/{id}/interest',
  handlerEntry: 'functions/api/interest/get-invoice-interest.ts',
  summary: 'Late-payment interest and fixed compensation accrued on an invoice, computed on demand',
  tag: 'Interest',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: invoiceParams, query: interestQuery },
  responses: { 200: { description: 'Interest by period, compensation, legal basis', schema: interestView } },
});
