import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Invoice } from '../api/types';
import { FormStatus } from '../components/form-status';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

/** Disputing an invoice pauses its collection until the creditor answers. */
export function DisputeForm({ invoices, onDone }: { invoices: Invoice[]; onDone: () => void }) {
  const { t } = useI18n();
  const [invoiceId, setInvoiceId] = useState(invoices[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const send = useSubmit(async () => {
    await api.post(`/v1/invoices/${invoiceId}/disputes`, { reason });
    setReason('');
    onDone();
  });
  if (invoices.length === 0 && !send.done) return null;
  return (
    <section aria-labelledby="dispute">
      <h2 id="dispute">{t('portal.dispute')}</h2>
      <p>{t('portal.dispute.help')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send.submit();
        }}
      >
        <label>
          {t('portal.dispute.invoice')}
          <select value={invoiceId} onChange={(event) => setInvoiceId(event.currentTarget.value)}>
            {invoices.map((invoice) => (
              <option key={invoice.id} value={invoice.id}>
                {invoice.number}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('portal.dispute.reason')}
          <textarea
            name="reason"
            required
            maxLength={2000}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={send.busy || invoices.length === 0}>
          {t('portal.dispute.submit')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText={t('portal.dispute.done')} />
      </form>
    </section>
  );
}
