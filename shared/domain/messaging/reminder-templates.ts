/**
 * The built-in cadence messages, in English and German: one per step action and channel. A policy
 * step may name its own template instead. Texts hold variables only (render-template.ts); the
 * footers the law asks for are added by the compliance gate's obligations (message-footers.ts).
 */
import type { PolicyAction } from '../policies/policy';
import type { MessageLanguage } from './message-locale';

export type WrittenChannel = 'email' | 'sms' | 'letter';

export interface ReminderTemplate {
  id: string;
  subject?: string;
  body: string;
}

type Kind = 'reminder' | 'final_notice' | 'handoff';

const kindOf = (action: PolicyAction): Kind =>
  action === 'final_notice' ? 'final_notice' : action === 'handoff' ? 'handoff' : 'reminder';

const TEXTS: Record<MessageLanguage, Record<Kind, { subject: string; long: string; sms: string }>> = {
  en: {
    reminder: {
      subject: 'Payment reminder',
      long: 'Dear {{debtorName}},\n\nOur records show the following open balance of {{totalOutstanding}}:\n{{itemisedBalance}}\n\nPay, promise a date or tell us what is wrong, online: {{portalLink}}\n\nIf you have already paid, please ignore this message.',
      sms: '{{debtorName}}: {{totalOutstanding}} is open on your account (oldest due {{oldestDueDate}}). Pay or reply online: {{portalLink}}',
    },
    final_notice: {
      subject: 'Final notice before further action',
      long: 'Dear {{debtorName}},\n\nDespite our reminders, {{totalOutstanding}} remains unpaid:\n{{itemisedBalance}}\n\nPlease pay within 10 days or agree a payment plan: {{portalLink}}',
      sms: '{{debtorName}}: final notice, {{totalOutstanding}} remains unpaid. Please pay within 10 days: {{portalLink}}',
    },
    handoff: {
      subject: 'Your account has been passed on',
      long: 'Dear {{debtorName}},\n\nAs {{totalOutstanding}} remains unpaid, your account has been passed on for further collection:\n{{itemisedBalance}}',
      sms: '{{debtorName}}: your account ({{totalOutstanding}} unpaid) has been passed on for further collection.',
    },
  },
  de: {
    reminder: {
      subject: 'Zahlungserinnerung',
      long: 'Guten Tag {{debtorName}},\n\nunseren Unterlagen nach ist folgender Betrag von {{totalOutstanding}} offen:\n{{itemisedBalance}}\n\nZahlen, einen Termin zusagen oder uns sagen, was nicht stimmt – online: {{portalLink}}\n\nFalls Sie bereits gezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos.',
      sms: '{{debtorName}}: Auf Ihrem Konto sind {{totalOutstanding}} offen (älteste Fälligkeit {{oldestDueDate}}). Zahlen oder antworten Sie online: {{portalLink}}',
    },
    final_notice: {
      subject: 'Letzte Mahnung vor weiteren Schritten',
      long: 'Guten Tag {{debtorName}},\n\ntrotz unserer Erinnerungen sind {{totalOutstanding}} noch offen:\n{{itemisedBalance}}\n\nBitte zahlen Sie innerhalb von 10 Tagen oder vereinbaren Sie eine Ratenzahlung: {{portalLink}}',
      sms: '{{debtorName}}: Letzte Mahnung, {{totalOutstanding}} sind noch offen. Bitte zahlen Sie innerhalb von 10 Tagen: {{portalLink}}',
    },
    handoff: {
      subject: 'Übergabe Ihrer Forderung',
      long: 'Guten Tag {{debtorName}},\n\nda {{totalOutstanding}} weiterhin offen sind, haben wir Ihre Forderung zur weiteren Beitreibung abgegeben:\n{{itemisedBalance}}',
      sms: '{{debtorName}}: Ihre Forderung ({{totalOutstanding}} offen) wurde zur weiteren Beitreibung abgegeben.',
    },
  },
};

export function builtinTemplate(
  action: PolicyAction,
  channel: WrittenChannel,
  language: MessageLanguage,
): ReminderTemplate {
  const kind = kindOf(action);
  const text = TEXTS[language][kind];
  const id = `builtin-${kind}-${channel}-${language}`;
  return channel === 'sms' ? { id, body: text.sms } : { id, subject: text.subject, body: text.long };
}
