/**
 * What the law makes a message carry, from the compliance gate's obligations for that contact
 * (shared/domain/compliance): the way to opt out of the channel (Reg F 1006.6(e), for every email
 * and text), the validation notice with its itemisation and the last day to dispute (1006.34),
 * the time-barred disclosure (e.g. Cal. Civ. Code 1788.14), the privacy notice (GDPR art. 14).
 */
import type { ContactObligation } from '../compliance/contact-rule-pack';
import type { CalendarDate } from '../time/calendar-date';
import type { MessageLanguage } from './message-locale';
import type { WrittenChannel } from './reminder-templates';

export interface FooterDetails {
  /** Lines of the itemised balance, already formatted. */
  itemisedBalance: string;
  totalOutstanding: string;
  /** The last day to dispute, when the validation notice is owed. */
  validationPeriodEnd?: CalendarDate;
}

const OPT_OUT: Record<MessageLanguage, Record<WrittenChannel, string>> = {
  en: {
    email: 'To stop receiving emails about this debt, reply with the word STOP.',
    sms: 'Reply STOP to opt out of texts.',
    letter: 'You may ask us in writing to stop contacting you by mail.',
  },
  de: {
    email: 'Wenn Sie keine E-Mails zu dieser Forderung mehr erhalten möchten, antworten Sie mit STOP.',
    sms: 'Antworten Sie STOP, um keine SMS mehr zu erhalten.',
    letter: 'Sie können uns schriftlich mitteilen, dass Sie keine Briefe mehr erhalten möchten.',
  },
};

const TIME_BARRED: Record<MessageLanguage, string> = {
  en: 'The law limits how long you can be sued on a debt. Because of the age of your debt, we will not sue you for it.',
  de: 'Diese Forderung ist verjährt. Wir werden sie nicht gerichtlich geltend machen.',
};

const PRIVACY: Record<MessageLanguage, string> = {
  en: 'We process your personal data to collect this debt (GDPR art. 6(1)(b) and (f)); you have the rights of access, rectification, erasure and objection described in our privacy notice.',
  de: 'Wir verarbeiten Ihre Daten zur Durchsetzung dieser Forderung (Art. 6 Abs. 1 lit. b und f DSGVO); Ihre Rechte auf Auskunft, Berichtigung, Löschung und Widerspruch beschreibt unsere Datenschutzerklärung.',
};

export function messageFooters(
  obligations: readonly ContactObligation[],
  channel: WrittenChannel,
  language: MessageLanguage,
  details: FooterDetails,
): string[] {
  const lines: string[] = [];
  if (obligations.includes('validation_notice') && channel !== 'sms' && details.validationPeriodEnd) {
    lines.push(validationNotice(language, details));
  }
  if (obligations.includes('time_barred_disclosure')) lines.push(TIME_BARRED[language]);
  if (obligations.includes('privacy_notice') && channel !== 'sms') lines.push(PRIVACY[language]);
  if (obligations.includes('opt_out_notice')) lines.push(OPT_OUT[language][channel]);
  return lines;
}

function validationNotice(language: MessageLanguage, details: FooterDetails): string {
  // Regulation F validation notices are in English; a Spanish version is optional, German is not one.
  void language;
  return [
    'VALIDATION NOTICE',
    `You owe ${details.totalOutstanding}:`,
    details.itemisedBalance,
    `Call or write to us by ${details.validationPeriodEnd} to dispute all or part of the debt. If you do not, we will assume that our information is correct.`,
    `If you write to us by ${details.validationPeriodEnd}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt, and you may ask us for the name and address of the original creditor.`,
  ].join('\n');
}
