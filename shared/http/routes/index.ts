/**
 * The route table of the deployed API. CDK creates one API Gateway route and one Lambda per
 * entry, the local server dispatches with it, and the OpenAPI document is generated from it.
 * Local-only routes (`/dev/*`) live in `local/` and never reach the CDK app.
 */
import type { RouteDefinition } from '../route';
import {
  approveRequest,
  createCreditNote,
  listApprovals,
  rejectRequest,
  writeOffInvoice,
} from './adjustments';
import { createAlertRule, deleteAlertRule, listAlertRules } from './alerts';
import { listAudit } from './audit';
import { getDebtorCase } from './cases';
import {
  checkContact,
  getContactPreferences,
  listActivities,
  logActivity,
  putContactPreferences,
} from './contacts';
import { createDebtor, getDebtor, listDebtors, updateDebtor } from './debtors';
import { checkDebtorCredit, listCreditReports } from './credit-reports';
import {
  createDebtorDocument,
  createDisputeDocument,
  createInvoiceDocument,
  getDocument,
  listDebtorDocuments,
} from './documents';
import { getDispute, listDebtorDisputes, openDispute, resolveDispute } from './disputes';
import { getInvoiceInterest, listInvoiceCharges, postInterestCharges, waiveCharge } from './interest';
import { createInvoice, getInvoice, listDebtorInvoices, updateInvoice } from './invoices';
import { getForecast } from './forecast';
import { createImport, getImport, listImportErrors, listImports, startImport } from './imports';
import { findDuplicates, getMerge, mergeDebtors, reverseMerge } from './merges';
import { getMetrics } from './metrics';
import { getProductivity } from './productivity';
import { createPayment, getPayment, listDebtorPayments, reversePayment } from './payments';
import { paymentWebhook, startCheckout } from './online-payments';
import { createPortalLink } from './portal';
import {
  createPolicy,
  getApplicablePolicy,
  getPolicy,
  listPolicies,
  listPolicyVersions,
  updatePolicy,
} from './policies';
import { simulatePolicy } from './policy-simulation';
import { getPortfolio, recordExchangeRate } from './portfolio';
import {
  cancelPlan,
  cancelPromise,
  createPlan,
  createPromise,
  listPlans,
  listPromises,
} from './promises-and-plans';
import { getSettings, putSettings } from './settings';
import { health, openApiDocument } from './system';
import { createTemplate, getTemplate, listTemplates, previewTemplate, updateTemplate } from './templates';
import { getWorklist } from './worklist';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  retryWebhookDelivery,
  updateWebhook,
} from './webhooks';
import { exportAging, exportDebtorLedger, exportMetrics } from './exports';
import {
  connectionCallback,
  createConnection,
  deleteConnection,
  listConnections,
  pushInvoiceNote,
  syncConnection,
} from './connections';

export * from './adjustments';
export * from './alerts';
export * from './audit';
export * from './cases';
export * from './contacts';
export * from './debtors';
export * from './credit-reports';
export * from './disputes';
export * from './documents';
export * from './interest';
export * from './invoices';
export * from './forecast';
export * from './imports';
export * from './merges';
export * from './metrics';
export * from './productivity';
export * from './payments';
export * from './online-payments';
export * from './portal';
export * from './policies';
export * from './policy-simulation';
export * from './portfolio';
export * from './promises-and-plans';
export * from './settings';
export * from './system';
export * from './templates';
export * from './worklist';
export * from './webhooks';
export * from './exports';
export * from './connections';

export const apiRoutes: readonly RouteDefinition[] = [
  health,
  openApiDocument,
  createDebtor,
  listDebtors,
  getDebtor,
  updateDebtor,
  findDuplicates,
  mergeDebtors,
  getMerge,
  reverseMerge,
  checkDebtorCredit,
  listCreditReports,
  listDebtorInvoices,
  createInvoice,
  getInvoice,
  updateInvoice,
  getInvoiceInterest,
  postInterestCharges,
  listInvoiceCharges,
  waiveCharge,
  createPayment,
  getPayment,
  reversePayment,
  listDebtorPayments,
  startCheckout,
  paymentWebhook,
  createPortalLink,
  writeOffInvoice,
  createCreditNote,
  listApprovals,
  approveRequest,
  rejectRequest,
  openDispute,
  getDispute,
  resolveDispute,
  listDebtorDisputes,
  createDebtorDocument,
  createInvoiceDocument,
  createDisputeDocument,
  listDebtorDocuments,
  getDocument,
  createPromise,
  listPromises,
  cancelPromise,
  createPlan,
  listPlans,
  cancelPlan,
  getSettings,
  putSettings,
  createPolicy,
  listPolicies,
  getPolicy,
  updatePolicy,
  listPolicyVersions,
  getApplicablePolicy,
  simulatePolicy,
  getDebtorCase,
  checkContact,
  getContactPreferences,
  putContactPreferences,
  logActivity,
  listActivities,
  getMetrics,
  getWorklist,
  getForecast,
  getProductivity,
  createAlertRule,
  listAlertRules,
  deleteAlertRule,
  createTemplate,
  listTemplates,
  getTemplate,
  updateTemplate,
  previewTemplate,
  getPortfolio,
  recordExchangeRate,
  createImport,
  startImport,
  getImport,
  listImports,
  listImportErrors,
  listAudit,
  createWebhook,
  listWebhooks,
  getWebhook,
  updateWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  retryWebhookDelivery,
  exportAging,
  exportMetrics,
  exportDebtorLedger,
  createConnection,
  connectionCallback,
  listConnections,
  syncConnection,
  deleteConnection,
  pushInvoiceNote,
];
