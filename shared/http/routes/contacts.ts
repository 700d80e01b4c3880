import { READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { pageOf } from '../schemas/common';
import {
  activityView,
  contactCheckQuery,
  contactDecisionView,
  contactPreferencesBody,
  contactPreferencesView,
  listActivitiesQuery,
  logActivityBody,
} from '../schemas/contacts';
import { debtorParams } from './debtors';

export const checkContact = defineRoute({
  id: 'checkContact',
  method: 'GET',
  path: '/v1/debtors/{id}/contact-check',
  handlerEntry: 'functions/api/contacts/check-contact.ts',
  summary: 'Ask the compliance gate: may this debtor be contacted on this channel now (or at `at`)?',
  tag: 'Contacts',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: debtorParams, query: contactCheckQuery },
  responses: {
    200: {
      description: 'The decision, its reasons and the next allowed instant',
      schema: contactDecisionView,
    },
  },
});

export const getContactPreferences = defineRoute({
  id: 'getContactPreferences',
  method: 'GET',
  path: '/v1/debtors/{id}/contact-preferences',
  handlerEntry: 'functions/api/contacts/get-contact-preferences.ts',
  summary: "A debtor's contact preferences and flags",
  tag: 'Contacts',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams },
  responses: { 200: { description: 'Preferences', schema: contactPreferencesView } },
});

export const putContactPreferences = defineRoute({
  id: 'putContactPreferences',
  signalsCase: true,
  method: 'PUT',
  path: '/v1/debtors/{id}/contact-preferences',
  handlerEntry: 'functions/api/contacts/put-contact-preferences.ts',
  summary:
    'Record a cease request, opt-outs, consent or account flags (a debtor may set its own cease, opt-outs and consent)',
  tag: 'Contacts',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: debtorParams, body: contactPreferencesBody },
  responses: { 200: { description: 'Preferences saved', schema: contactPreferencesView } },
  conditional: true,
});

export const logActivity = defineRoute({
  id: 'logActivity',
  method: 'POST',
  path: '/v1/debtors/{id}/activities',
  handlerEntry: 'functions/api/contacts/log-activity.ts',
  summary: 'Log a note, call, letter, email or text; an outbound call counts toward the call caps',
  tag: 'Contacts',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: debtorParams, body: logActivityBody },
  responses: {
    201: {
      description: 'Activity logged, with the gate’s verdict on an outbound contact',
      schema: activityView,
    },
  },
  idempotent: true,
});

export const listActivities = defineRoute({
  id: 'listActivities',
  method: 'GET',
  path: '/v1/debtors/{id}/activities',
  handlerEntry: 'functions/api/contacts/list-activities.ts',
  summary: "A debtor's activities, newest first, including contacts the gate refused",
  tag: 'Contacts',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: debtorParams, query: listActivitiesQuery },
  responses: { 200: { description: 'A page of activities', schema: pageOf(activityView, 'ActivityPage') } },
});
