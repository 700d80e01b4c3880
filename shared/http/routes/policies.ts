import { READ_ROLES, type Role } from '../../domain/roles';
import { defineRoute } from '../route';
import { pageOf } from '../schemas/common';
import {
  applicablePolicyView,
  getPolicyQuery,
  listPoliciesQuery,
  policyBody,
  policyParams,
  policyView,
} from '../schemas/policies';
import { debtorParams } from './debtors';

/** Cadences decide what the tenant sends its debtors: set by those who run collection. */
const POLICY_WRITE_ROLES: readonly Role[] = ['admin', 'manager'];

export const createPolicy = defineRoute({
  id: 'createPolicy',
  method: 'POST',
  path: '/v1/policies',
  handlerEntry: 'functions/api/policies/create-policy.ts',
  summary: 'Create a collection policy (cadence); without appliesTo it becomes the tenant default',
  tag: 'Policies',
  auth: { kind: 'jwt', roles: POLICY_WRITE_ROLES },
  request: { body: policyBody },
  responses: { 201: { description: 'Policy created', schema: policyView } },
  idempotent: true,
});

export const listPolicies = defineRoute({
  id: 'listPolicies',
  method: 'GET',
  path: '/v1/policies',
  handlerEntry: 'functions/api/policies/list-policies.ts',
  summary: "The tenant's own policies at their current versions (the built-in one is builtin-default)",
  tag: 'Policies',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: listPoliciesQuery },
  responses: { 200: { description: 'A page of policies', schema: pageOf(policyView, 'PolicyPage') } },
});

export const getPolicy = defineRoute({
  id: 'getPolicy',
  method: 'GET',
  path: '/v1/policies/{id}',
  handlerEntry: 'functions/api/policies/get-policy.ts',
  summary: 'A policy at its current version, or at ?version=; builtin-default is the built-in cadence',
  tag: 'Policies',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: policyParams, query: getPolicyQuery },
  responses: { 200: { description: 'The policy', schema: policyView } },
});

export const updatePolicy = defineRoute({
  id: 'updatePolicy',
  method: 'PUT',
  path: '/v1/policies/{id}',
  handlerEntry: 'functions/api/policies/update-policy.ts',
  summary: 'Replace a policy as its next version (If-Match for optimistic concurrency)',
  tag: 'Policies',
  auth: { kind: 'jwt', roles: POLICY_WRITE_ROLES },
  request: { params: policyParams, body: policyBody },
  responses: { 200: { description: 'The new version', schema: policyView } },
  conditional: true,
});

export const listPolicyVersions = defineRoute({
  id: 'listPolicyVersions',
  method: 'GET',
  path: '/v1/policies/{id}/versions',
  handlerEntry: 'functions/api/policies/list-policy-versions.ts',
  summary: 'Every version of a policy, version 1 first',
  tag: 'Policies',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: policyParams, query: listPoliciesQuery },
  responses: {
    200: { description: 'A page of versions', schema: pageOf(policyView, 'PolicyVersionPage') },
  },
});

export const getApplicablePolicy = defineRoute({
  id: 'getApplicablePolicy',
  method: 'GET',
  path: '/v1/debtors/{id}/policy',
  handlerEntry: 'functions/api/policies/get-applicable-policy.ts',
  summary: 'The policy and version that applies to a debtor, and why',
  tag: 'Policies',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: debtorParams },
  responses: { 200: { description: 'The applicable policy', schema: applicablePolicyView } },
});
