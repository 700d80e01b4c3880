import { fromDecimalString } from '../../../shared/domain/money/money';
import { isCurrencyCode } from '../../../shared/domain/money/currencies';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Which of the currencies owed a form is about. */
export function CurrencyField({
  currencies,
  value,
  onChange,
}: {
  currencies: readonly string[];
  value: string;
  onChange: (currency: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t('portal.promise.currency')}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An amount as a person typed it, in minor units of the currency; the field's problem otherwise. */
export function typedAmount(text: string, currency: string, label: string): number {
  const value = isCurrencyCode(currency) ? fromDecimalString(text, currency) : undefined;
  if (!value) throw new ApiProblem(400, label, [{ path: 'amount', message: text }]);
  return value.amount;
}
