/**
 * The language a debtor is written to in, and the locale amounts and dates are formatted in: the
 * language the debtor asked for, else German where it is an official language of the debtor's
 * country (DE, AT, LI, LU, CH), else English; formatted as that language is written in the
 * debtor's country (`en-DE`: 1 Feb 2027, €1,250.50).
 */
import { countryOf } from '../compliance/jurisdiction-zones';

export const MESSAGE_LANGUAGES = ['en', 'de'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

const GERMAN_SPEAKING = new Set(['DE', 'AT', 'LI', 'LU', 'CH']);

export interface MessageLocale {
  language: MessageLanguage;
  /** BCP 47 tag for Intl formatting, e.g. `de-DE`, `en-US`. */
  format: string;
}

export function messageLocale(jurisdiction: string, preferred?: MessageLanguage): MessageLocale {
  const country = countryOf(jurisdiction);
  const language: MessageLanguage = preferred ?? (GERMAN_SPEAKING.has(country) ? 'de' : 'en');
  return { language, format: `${language}-${country}` };
}

/** The locale a debtor's messages use. */
export function debtorLocale(debtor: { jurisdiction: string; language?: MessageLanguage }): MessageLocale {
  return messageLocale(debtor.jurisdiction, debtor.language);
}
