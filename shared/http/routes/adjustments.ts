import { LEDGER_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import {
  adjustmentView,
  approvalView,
  creditNoteBody,
  decisionBody,
  listApprovalsQuery,
  writeOffBody,
} from '../schemas/adjustments';
import { idParams, pageOf } from '../schemas/common';
import { invoiceView } from '../schemas/invoices';
import { invoiceParams } from './invoices';

const approvalParams = idParams('apr');

export const writeOffInvoice = defineRoute({
  id: 'writeOffInvoice',
  signalsCase: true,
  method: 'POST',
  path: '/v1/invoices/{id}/write-off',
  handlerEntry: 'functions/api/adjustments/write-off-invoice.ts',
  summary: 'Write off an invoice as bad debt (above the four-eyes threshold: 202, waits for approval)',
  tag: 'Adjustments',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: invoiceParams, body: writeOffBody },
  responses: {
    200: { description: 'The invoice, written off', schema: invoiceView },
    202: { description: 'Held for a second approver', schema: approvalView },
  },
  idempotent: true,
});

export const createCreditNote = defineRoute({
  id: 'createCreditNote',
  signalsCase: true,
  method: 'POST',
  path: '/v1/invoices/{id}/credit-notes',
  handlerEntry: 'functions/api/adjustments/create-credit-note.ts',
  summary: 'Issue a credit note that reduces what the invoice is owed (above the threshold: 202)',
  tag: 'Adjustments',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: invoiceParams, body: creditNoteBody },
  responses: {
    201: { description: 'Credit note issued', schema: adjustmentView },
    202: { description: 'Held for a second approver', schema: approvalView },
  },
  idempotent: true,
});

export const listApprovals = defineRoute({
  id: 'listApprovals',
  method: 'GET',
  path: '/v1/approvals',
  handlerEntry: 'functions/api/adjustments/list-approvals.ts',
  summary: 'Four-eyes requests by status, oldest first',
  tag: 'Adjustments',
  auth: { kind: 'jwt', roles: [...LEDGER_ROLES, 'auditor'] },
  request: { query: listApprovalsQuery },
  responses: {
    200: { description: 'A page of approval requests', schema: pageOf(approvalView, 'ApprovalPage') },
  },
});

export const approveRequest = defineRoute({
  id: 'approveRequest',
  signalsCase: true,
  method: 'POST',
  path: '/v1/approvals/{id}/approve',
  handlerEntry: 'functions/api/adjustments/approve-request.ts',
  summary: "Approve someone else's write-off or credit note; it is applied at once",
  tag: 'Adjustments',
  auth: { kind: 'jwt', roles: ['admin', 'manager'] },
  request: { params: approvalParams, body: decisionBody },
  responses: { 200: { description: 'Approved and applied', schema: approvalView } },
  idempotent: true,
});

export const rejectRequest = defineRoute({
  id: 'rejectRequest',
  method: 'POST',
  path: '/v1/approvals/{id}/reject',
  handlerEntry: 'functions/api/adjustments/reject-request.ts',
  summary: "Reject someone else's write-off or credit note",
  tag: 'Adjustments',
  auth: { kind: 'jwt', roles: ['admin', 'manager'] },
  request: { params: approvalParams, body: decisionBody },
  responses: { 200: { description: 'Rejected', schema: approvalView } },
  idempotent: true,
});
