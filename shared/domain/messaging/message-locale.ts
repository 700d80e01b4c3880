/**
 * The language a debtor is written to in, and the locale amounts and dates are formatted in:
 * German where it is an official language of the debtor's country (DE, AT, LI, LU, CH), English
 * elsewhere; numbers and currencies in the conventions of the debtor's country.
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

export function messageLocale(jurisdiction: string): MessageLocale {
  const country = countryOf(jurisdiction);
  const language: MessageLanguage = GERMAN_SPEAKING.has(country) ? 'de' : 'en';
  return { language, format: `${language}-${country}` };
}
