import { LEDGER_ROLES, READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { approvalView } from '../schemas/adjustments';
import * as z from 'zod/mini';
import '../../zod'; // zod/mini's English messages, before any of these schemas parses
import { idParams } from '../schemas/common';
import { disputeView, openDisputeBody, resolveDisputeBody } from '../schemas/disputes';
import { debtorParams } from './debtors';
import { invoiceParams } from './invoices';

const disputeParams = idParams('dsp');

export const openDispute = defineRoute({
  id: 'openDispute',
  signalsCase: true,
  method: 'POST',
  path: '/v1/invoices/{id}/disputes',
  handlerEntry: 'functions/api/disputes/open-dispute.ts',
  summary: 'Open a dispute on an invoice: its collection pauses until resolved',
  tag: 'Disputes',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: invoiceParams, body: openDisputeBody },
  responses: { 201: { description: 'Dispute opened', schema: disputeView } },
  idempotent: true,
});

export const getDispute = defineRoute({
  id: 'getDispute',
  method: 'GET',
  path: '/v1/disputes/{id}',
  handlerEntry: 'functions/api/disputes/get-dispute.ts',
  summary: 'Get a dispute',
  tag: 'Disputes',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: disputeParams },
  responses: { 200: { description: 'The dispute', schema: disputeView } },
});

export const resolveDispute = defineRoute({
  id: 'resolveDispute',
  signalsCase: true,
  method: 'POST',
  path: '/v1/disputes/{id}/resolve',
  handlerEntry: 'functions/api/disputes/resolve-dispute.ts',
  summary: 'Resolve a dispute: upheld (credit note) or rejected (collection resumes)',
  tag: 'Disputes',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: disputeParams, body: resolveDisputeBody },
  responses: {
    200: { description: 'The resolved dispute', schema: disputeView },
    202: {
      description: 'The credit is above the four-eyes threshold: held for approval',
      schema: approvalView,
    },
  },
  idempotent: true,
});

export const listDebtorDisputes = defineRoute({
  id: 'listDebtorDisputes',
  method: 'GET',
  path: '/v1/debtors/{id}/disputes',
  handlerEntry: 'functions/api/disputes/list-debtor-disputes.ts',
  summary: "A debtor's disputes, open and resolved",
  tag: 'Disputes',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams },
  responses: { 200: { description: 'Disputes', schema: z.object({ items: z.array(disputeView) }) } },
});
