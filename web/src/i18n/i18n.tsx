/**
 * Two languages, chosen from `?lang=`, then the browser's languages; the choice is kept for the
 * session. Money and dates are formatted in the same locale, each currency with its own decimals.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { formatMoney } from '../../../shared/domain/money/money';
import { isCurrencyCode } from '../../../shared/domain/money/currencies';
import { de, en, type MessageKey } from './messages';

export type Language = 'en' | 'de';
const KEY = 'recoup.lang';

function initialLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? sessionStorage.getItem(KEY);
  if (asked === 'en' || asked === 'de') return asked;
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
  money(amount: number, currency: string): string;
  date(date: string): string;
  instant(iso: string): string;
}

const Context = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n>(() => {
    const locale = language === 'de' ? 'de-DE' : 'en-US';
    document.documentElement.lang = language;
    return {
      language,
      setLanguage(next) {
        sessionStorage.setItem(KEY, next);
        setLanguageState(next);
      },
      t: (key) => (language === 'de' ? de : en)[key],
      money: (amount, currency) =>
        isCurrencyCode(currency) ? formatMoney({ amount, currency }, locale) : `${amount} ${currency}`,
      // A calendar date is a date, not a midnight: formatted in UTC so no zone moves it.
      date: (date) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${date}T00:00:00Z`),
        ),
      instant: (iso) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    };
  }, [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label class="language">
      {t('common.language')}{' '}
      <select
        value={language}
        onChange={(event) => setLanguage((event.currentTarget.value as Language) ?? 'en')}
      >
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </select>
    </label>
  );
}
