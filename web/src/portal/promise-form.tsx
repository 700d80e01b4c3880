import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { CurrencyField, typedAmount } from '../components/currency-field';
import type { Balance } from '../api/types';
import { FormStatus } from '../components/form-status';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

/** A promise to pay an amount by a date, in one of the currencies owed. */
export function PromiseForm({
  debtorId,
  balances,
  onDone,
}: {
  debtorId: string;
  balances: Balance[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [currency, setCurrency] = useState(balances[0]?.currency ?? '');
  const [amount, setAmount] = useState('');
  const [dueDate, setDueDate] = useState('');
  const send = useSubmit(async () => {
    await api.post(`/v1/debtors/${debtorId}/promises`, {
      currency,
      amount: typedAmount(amount, currency, t('portal.promise.amount')),
      dueDate,
    });
    onDone();
  });
  if (balances.length === 0) return null;
  return (
    <section aria-labelledby="promise">
      <h2 id="promise">{t('portal.promise')}</h2>
      <p>{t('portal.promise.help')}</p>
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
          {t('portal.promise.amount')}
          <input
            name="amount"
            inputMode="decimal"
            required
            value={amount}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('portal.promise.date')}
          <input
            name="dueDate"
            type="date"
            required
            value={dueDate}
            onInput={(event) => setDueDate(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={send.busy}>
          {t('portal.promise.submit')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText={t('portal.promise.done')} />
      </form>
    </section>
  );
}
