import { READ_ROLES, type Role } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams } from '../schemas/common';
import { debtorView } from '../schemas/debtors';
import { duplicatesView, mergeDebtorsBody, mergeView, reverseMergeBody } from '../schemas/merges';

/** Merging rewrites two books: a manager's decision, not a collector's. */
const MERGE_ROLES: readonly Role[] = ['admin', 'manager'];
const TAG = 'Duplicates and merges';

export const findDuplicates = defineRoute({
  id: 'findDuplicates',
  method: 'GET',
  path: '/v1/debtors/{id}/duplicates',
  handlerEntry: 'functions/api/merges/find-duplicates.ts',
  summary: 'Debtors that may be the same: scored 0–100 with the fields that match',
  tag: TAG,
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: idParams('dbt') },
  responses: { 200: { description: 'Candidates, best first', schema: duplicatesView } },
});

export const mergeDebtors = defineRoute({
  id: 'mergeDebtors',
  method: 'POST',
  path: '/v1/debtors/{id}/merge',
  handlerEntry: 'functions/api/merges/merge-debtors.ts',
  summary:
    'Merge a duplicate into this debtor: every record moves (ids kept), both histories stay; the duplicate answers with mergedInto',
  tag: TAG,
  auth: { kind: 'jwt', roles: MERGE_ROLES },
  request: { params: idParams('dbt'), body: mergeDebtorsBody },
  responses: { 200: { description: 'The surviving debtor with the combined balances', schema: debtorView } },
  idempotent: true,
  drivesCases: true,
  longRunning: true,
});

export const getMerge = defineRoute({
  id: 'getMerge',
  method: 'GET',
  path: '/v1/merges/{id}',
  handlerEntry: 'functions/api/merges/get-merge.ts',
  summary: 'A merge: its state, the records it moved, until when it can be reversed',
  tag: TAG,
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: idParams('mrg') },
  responses: { 200: { description: 'The merge', schema: mergeView } },
});

export const reverseMerge = defineRoute({
  id: 'reverseMerge',
  method: 'POST',
  path: '/v1/merges/{id}/reverse',
  handlerEntry: 'functions/api/merges/reverse-merge.ts',
  summary:
    'Reverse a merge within 30 days, while the records that came from the duplicate are unchanged (422 otherwise)',
  tag: TAG,
  auth: { kind: 'jwt', roles: MERGE_ROLES },
  request: { params: idParams('mrg'), body: reverseMergeBody },
  responses: { 200: { description: 'The reversed merge', schema: mergeView } },
  idempotent: true,
  drivesCases: true,
  longRunning: true,
});
