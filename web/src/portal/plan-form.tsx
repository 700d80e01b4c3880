import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Invoice } from '../api/types';
import { CurrencyField } from '../components/currency-field';
import { FormStatus } from '../components/form-status';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

/**
 * A payment plan over what is open in one currency, agreed online within the creditor's rules
 * (the API says which rule a request breaks; a creditor without rules offers none online).
 */
export function PlanForm({
  debtorId,
  invoices,
  onDone,
}: {
  debtorId: string;
  invoices: Invoice[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const currencies = [...new Set(invoices.map((invoice) => invoice.currency))];
  const [currency, setCurrency] = useState(currencies[0] ?? '');
  const [installments, setInstallments] = useState('3');
  const [frequency, setFrequency] = useState<'monthly' | 'weekly'>('monthly');
  const [firstDueDate, setFirstDueDate] = useState('');
  const send = useSubmit(async () => {
    await api.post(`/v1/debtors/${debtorId}/plans`, {
      invoiceIds: invoices.filter((invoice) => invoice.currency === currency).map((invoice) => invoice.id),
      installments: Number(installments),
      frequency,
      firstDueDate,
    });
    onDone();
  });
  if (invoices.length === 0 && !send.done) return null;
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">{t('portal.plan')}</h2>
      <p>{t('portal.plan.help')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send.submit();
        }}
      >
        <CurrencyField currencies={currencies} value={currency} onChange={setCurrency} />
        <label>
          {t('portal.plan.installments')}
          <input
            name="installments"
            type="number"
            min="1"
            max="60"
            required
            value={installments}
            onInput={(event) => setInstallments(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('portal.plan.frequency')}
          <select
            value={frequency}
            onChange={(event) => setFrequency(event.currentTarget.value as 'monthly' | 'weekly')}
          >
            <option value="monthly">{t('portal.plan.monthly')}</option>
            <option value="weekly">{t('portal.plan.weekly')}</option>
          </select>
        </label>
        <label>
          {t('portal.plan.first')}
          <input
            name="firstDueDate"
            type="date"
            required
            value={firstDueDate}
            onInput={(event) => setFirstDueDate(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={send.busy}>
          {t('portal.plan.submit')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText={t('portal.plan.done')} />
      </form>
    </section>
  );
}
