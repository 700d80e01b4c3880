import { READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams, pageOf } from '../schemas/common';
import { createDebtorBody, debtorView, listDebtorsQuery, updateDebtorBody } from '../schemas/debtors';

export const debtorParams = idParams('dbt');

export const createDebtor = defineRoute({
  id: 'createDebtor',
  method: 'POST',
  path: '/v1/debtors',
  handlerEntry: 'functions/api/debtors/create-debtor.ts',
  summary: 'Create a debtor',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { body: createDebtorBody },
  responses: { 201: { description: 'Debtor created', schema: debtorView } },
  idempotent: true,
});

export const listDebtors = defineRoute({
  id: 'listDebtors',
  method: 'GET',
  path: '/v1/debtors',
  handlerEntry: 'functions/api/debtors/list-debtors.ts',
  summary: 'List debtors, or search by name prefix or external reference',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: listDebtorsQuery },
  responses: { 200: { description: 'A page of debtors', schema: pageOf(debtorView, 'DebtorPage') } },
});

export const getDebtor = defineRoute({
  id: 'getDebtor',
  method: 'GET',
  path: '/v1/debtors/{id}',
  handlerEntry: 'functions/api/debtors/get-debtor.ts',
  summary:
    'Get a debtor with balances and aging per currency; a merged debtor has mergedInto and a Location header naming the survivor',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams },
  responses: { 200: { description: 'The debtor', schema: debtorView } },
});

export const updateDebtor = defineRoute({
  id: 'updateDebtor',
  method: 'PATCH',
  path: '/v1/debtors/{id}',
  handlerEntry: 'functions/api/debtors/update-debtor.ts',
  summary: 'Change a debtor (optimistic concurrency with If-Match)',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: debtorParams, body: updateDebtorBody },
  responses: { 200: { description: 'The changed debtor', schema: debtorView } },
  conditional: true,
});
