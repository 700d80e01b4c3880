import * as z from 'zod/mini';
import '../../zod'; // zod/mini's English messages, before any of these schemas parses
import { READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import {
  cancelBody,
  createPlanBody,
  createPromiseBody,
  planParams,
  planView,
  promiseParams,
  promiseView,
} from '../schemas/promises';
import { debtorParams } from './debtors';

export const createPromise = defineRoute({
  id: 'createPromise',
  signalsCase: true,
  method: 'POST',
  path: '/v1/debtors/{id}/promises',
  handlerEntry: 'functions/api/promises/create-promise.ts',
  summary: 'Record a promise to pay (supersedes a pending one in the same currency)',
  tag: 'Promises and plans',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: debtorParams, body: createPromiseBody },
  responses: { 201: { description: 'Promise recorded', schema: promiseView } },
  idempotent: true,
});

export const listPromises = defineRoute({
  id: 'listPromises',
  method: 'GET',
  path: '/v1/debtors/{id}/promises',
  handlerEntry: 'functions/api/promises/list-promises.ts',
  summary: "A debtor's promises, newest first, with kept/broken status",
  tag: 'Promises and plans',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams },
  responses: { 200: { description: 'Promises', schema: z.object({ items: z.array(promiseView) }) } },
});

export const createPlan = defineRoute({
  id: 'createPlan',
  signalsCase: true,
  method: 'POST',
  path: '/v1/debtors/{id}/plans',
  handlerEntry: 'functions/api/plans/create-plan.ts',
  summary: 'Agree a payment plan over invoices: installments weekly or monthly from a first due date',
  tag: 'Promises and plans',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: debtorParams, body: createPlanBody },
  responses: { 201: { description: 'Plan with its schedule', schema: planView } },
  idempotent: true,
});

export const listPlans = defineRoute({
  id: 'listPlans',
  method: 'GET',
  path: '/v1/debtors/{id}/plans',
  handlerEntry: 'functions/api/plans/list-plans.ts',
  summary: "A debtor's payment plans with each installment's status",
  tag: 'Promises and plans',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams },
  responses: { 200: { description: 'Plans', schema: z.object({ items: z.array(planView) }) } },
});

export const cancelPromise = defineRoute({
  id: 'cancelPromise',
  signalsCase: true,
  method: 'POST',
  path: '/v1/debtors/{id}/promises/{promiseId}/cancel',
  handlerEntry: 'functions/api/promises/cancel-promise.ts',
  summary: 'Withdraw a pending promise (taken back or recorded in error): collection no longer waits for it',
  tag: 'Promises and plans',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: promiseParams, body: cancelBody },
  responses: { 200: { description: 'The promise, cancelled', schema: promiseView } },
  idempotent: true,
});

export const cancelPlan = defineRoute({
  id: 'cancelPlan',
  signalsCase: true,
  method: 'POST',
  path: '/v1/debtors/{id}/plans/{planId}/cancel',
  handlerEntry: 'functions/api/plans/cancel-plan.ts',
  summary: 'End an active payment plan early: its invoices return to normal collection',
  tag: 'Promises and plans',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: planParams, body: cancelBody },
  responses: { 200: { description: 'The plan, cancelled', schema: planView } },
  idempotent: true,
});
