import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { CurrencyField, typedAmount } from '../components/currency-field';
import type { Balance } from '../api/types';
import { FormStatus } from '../components/form-status';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

/** Paying online: the payment provider's hosted page, then back here. */
export function PayForm({ debtorId, balances }: { debtorId: string; balances: Balance[] }) {
  const { t } = useI18n();
  const [currency, setCurrency] = useState(balances[0]?.currency ?? '');
  const [amount, setAmount] = useState('');
  const send = useSubmit(async () => {
    const checkout = await api.post<{ url: string }>(`/v1/debtors/${debtorId}/checkout`, {
      currency,
      amount: typedAmount(amount, currency, t('portal.pay.amount')),
      returnUrl: `${location.origin}/portal`,
    });
    location.assign(checkout.url);
  });
  if (balances.length === 0) return null;
  return (
    <section aria-labelledby="pay">
      <h2 id="pay">{t('portal.pay')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send.submit();
        }}
      >
        <CurrencyField
          currencies={balances.map((balance) => balance.currency)}
          value={currency}
          onChange={setCurrency}
        />
        <label>
          {t('portal.pay.amount')}
          <input
            name="payAmount"
            inputMode="decimal"
            required
            value={amount}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={send.busy}>
          {t('portal.pay.submit')}
        </button>
        <FormStatus done={false} error={send.error} doneText="" />
      </form>
    </section>
  );
}
