/**
 * The contact rules Recoup knows, as dated data (domain rules §7). Each pack cites its source; a
 * new version of a rule is a new pack with its own `effectiveFrom` (and the old one gets an
 * `effectiveUntil`), so a contact is always judged by the rules in force on its day.
 */
import { CONTACT_CHANNELS } from './contact-channel';
import type { ContactRulePack } from './contact-rule-pack';

const US_EFFECTIVE = '2021-11-30'; // Regulation F took effect; the US packs are aligned with it.

/** FDCPA and Regulation F (12 CFR 1006), and the TCPA for texts. */
export const US_FEDERAL_CONSUMER: ContactRulePack = {
  id: 'us-federal-consumer',
  name: 'United States: FDCPA / Regulation F',
  legalBasis: '15 U.S.C. 1692 et seq.; 12 CFR 1006; 47 U.S.C. 227',
  jurisdictions: ['US'],
  debtKinds: ['consumer'],
  effectiveFrom: US_EFFECTIVE,
  hours: { from: '08:00', to: '21:00', channels: ['call', 'sms', 'email'] },
  caps: [{ channels: ['call'], maxAttempts: 7, periodDays: 7, citation: '12 CFR 1006.14(b)(2)(i)(A)' }],
  quietAfterConversation: { days: 7, citation: '12 CFR 1006.14(b)(2)(i)(B)' },
  consentRequiredFor: ['sms'],
  obligations: [
    { obligation: 'opt_out_notice', channels: ['email', 'sms'] },
    { obligation: 'validation_notice', channels: ['call', 'sms', 'email', 'letter'] },
  ],
  validationNotice: { sendWithinDays: 5, validationPeriodDays: 30, receiptAfterBusinessDays: 5 },
};

/** Massachusetts binds creditors too, and counts texts and recorded messages as telephone calls. */
export const US_MASSACHUSETTS_CONSUMER: ContactRulePack = {
  id: 'us-ma-consumer',
  name: 'Massachusetts: 940 CMR 7.00',
  legalBasis: '940 CMR 7.04(1)(f); M.G.L. c. 93A; M.G.L. c. 260 s. 2',
  jurisdictions: ['US-MA'],
  debtKinds: ['consumer'],
  effectiveFrom: US_EFFECTIVE,
  caps: [{ channels: ['call', 'sms'], maxAttempts: 2, periodDays: 7, citation: '940 CMR 7.04(1)(f)' }],
  limitationYears: 6,
};

/** California's Rosenthal Act extends the federal conduct rules to creditors collecting their own debts. */
export const US_CALIFORNIA_CONSUMER: ContactRulePack = {
  id: 'us-ca-consumer',
  name: 'California: Rosenthal Fair Debt Collection Practices Act',
  legalBasis: 'Cal. Civ. Code 1788.11, 1788.14, 1788.17; Cal. Code Civ. Proc. 337',
  jurisdictions: ['US-CA'],
  debtKinds: ['consumer'],
  effectiveFrom: US_EFFECTIVE,
  hours: { from: '08:00', to: '21:00', channels: ['call', 'sms', 'email'] },
  caps: [
    { channels: ['call'], maxAttempts: 7, periodDays: 7, citation: 'Cal. Civ. Code 1788.17; 12 CFR 1006.14' },
  ],
  quietAfterConversation: { days: 7, citation: 'Cal. Civ. Code 1788.17; 12 CFR 1006.14' },
  obligations: [{ obligation: 'time_barred_disclosure', channels: ['letter', 'email'] }],
  limitationYears: 4,
};

/** New York's consumer-credit limitation period (Consumer Credit Fairness Act). */
export const US_NEW_YORK_CONSUMER: ContactRulePack = {
  id: 'us-ny-consumer',
  name: 'New York: Consumer Credit Fairness Act',
  legalBasis: 'N.Y. CPLR 214-i; 23 NYCRR 1',
  jurisdictions: ['US-NY'],
  debtKinds: ['consumer'],
  effectiveFrom: '2022-04-07',
  obligations: [{ obligation: 'time_barred_disclosure', channels: ['letter', 'email'] }],
  limitationYears: 3,
};

/** UK: FCA Consumer Credit sourcebook (no contact at unreasonable times) and UK GDPR. */
export const GB_CONSUMER: ContactRulePack = {
  id: 'gb-consumer',
  name: 'United Kingdom: FCA CONC 7 and UK GDPR',
  legalBasis: 'FCA CONC 7.9.4; UK GDPR art. 6(1)(b), 13, 14; Limitation Act 1980 s. 5',
  jurisdictions: ['GB'],
  debtKinds: ['consumer'],
  effectiveFrom: '2014-04-01',
  hours: { from: '08:00', to: '21:00', channels: ['call', 'sms', 'email'] },
  obligations: [
    { obligation: 'opt_out_notice', channels: ['email', 'sms'] },
    { obligation: 'privacy_notice', channels: ['email', 'letter'] },
  ],
  limitationYears: 6,
};

/** EU member states: GDPR processing basis and reasonable hours (no Sundays). */
export const EU_CONSUMER: ContactRulePack = {
  id: 'eu-consumer',
  name: 'European Union: GDPR and reasonable contact hours',
  legalBasis: 'GDPR art. 6(1)(b) and (f), 13, 14, 21; Directive 2005/29/EC art. 8–9',
  jurisdictions: ['EU'],
  debtKinds: ['consumer'],
  effectiveFrom: '2018-05-25',
  hours: { from: '08:00', to: '20:00', channels: ['call', 'sms', 'email'], weekdays: [1, 2, 3, 4, 5, 6] },
  obligations: [
    { obligation: 'opt_out_notice', channels: ['email', 'sms'] },
    { obligation: 'privacy_notice', channels: ['email', 'letter'] },
  ],
};

/**
 * Business debts (B2B first-party collection): no statute sets hours, so Recoup defaults to the
 * debtor's business hours on working days. Tenants may tighten these like any other rule.
 */
export const BUSINESS_DEFAULTS: ContactRulePack = {
  id: 'business-defaults',
  name: 'Business debts: working hours',
  legalBasis: 'Recoup default for business debts (no statutory contact rule)',
  jurisdictions: ['*'],
  debtKinds: ['business'],
  effectiveFrom: '2000-01-01',
  hours: { from: '08:00', to: '20:00', channels: ['call', 'sms', 'email'], weekdays: [1, 2, 3, 4, 5] },
};

/**
 * Every debtor, business or consumer, wherever it is: at most one automated message per channel
 * per local calendar day. Two cadence steps falling due together, or a step due the day a
 * deferred one went out, would otherwise reach the debtor twice within minutes; the second waits
 * for the next day. Steps on different channels (the final notice by email and letter) still go
 * together, and what people do (a collector's call, a logged email) is neither counted nor
 * limited here: only the law's caps bind them. Composed like any pack, so tenants may tighten it
 * with caps of their own but not loosen it.
 */
export const RECOUP_DEFAULTS: ContactRulePack = {
  id: 'recoup-defaults',
  name: 'Every debt: one automated message per channel a day',
  legalBasis: 'Recoup default for every debtor (no statutory rule)',
  jurisdictions: ['*'],
  debtKinds: ['consumer', 'business'],
  effectiveFrom: '2000-01-01',
  caps: CONTACT_CHANNELS.map((channel) => ({
    channels: [channel],
    maxAttempts: 1,
    periodDays: 1,
    automatedOnly: true,
    citation: 'Recoup default: one automated message per channel per local day',
  })),
};

/**
 * Consumer debts where Recoup has no pack for the jurisdiction: the strictest combination of the
 * packs it has, so an unknown place is never treated more loosely than a known one.
 */
export const CONSUMER_FALLBACK: ContactRulePack = {
  id: 'consumer-fallback',
  name: 'Consumer debts in a jurisdiction without a rule pack: strictest known rules',
  legalBasis: 'Recoup default: the strictest of the known packs',
  jurisdictions: ['*'],
  debtKinds: ['consumer'],
  effectiveFrom: '2000-01-01',
  hours: { from: '09:00', to: '20:00', channels: ['call', 'sms', 'email'], weekdays: [1, 2, 3, 4, 5] },
  caps: [
    {
      channels: ['call', 'sms'],
      maxAttempts: 2,
      periodDays: 7,
      citation: 'strictest known cap (940 CMR 7.04)',
    },
  ],
  quietAfterConversation: { days: 7, citation: 'strictest known rule (12 CFR 1006.14)' },
  consentRequiredFor: ['sms'],
  obligations: [
    { obligation: 'opt_out_notice', channels: ['email', 'sms'] },
    { obligation: 'privacy_notice', channels: ['email', 'letter'] },
  ],
};

/** Statutory packs, matched by jurisdiction. */
export const LAW_PACKS: readonly ContactRulePack[] = [
  US_FEDERAL_CONSUMER,
  US_MASSACHUSETTS_CONSUMER,
  US_CALIFORNIA_CONSUMER,
  US_NEW_YORK_CONSUMER,
  GB_CONSUMER,
  EU_CONSUMER,
];
