import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { ACCEPTED_FILES, fileProblem, uploadDocument } from '../api/documents';
import type { Dispute, Invoice } from '../api/types';
import { FormStatus } from '../components/form-status';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

/**
 * Disputing an invoice pauses its collection until the creditor answers. A document (the damaged
 * goods, a delivery note) may go with it: checked here first, then uploaded straight to storage.
 */
export function DisputeForm({ invoices, onDone }: { invoices: Invoice[]; onDone: () => void }) {
  const { t } = useI18n();
  const [invoiceId, setInvoiceId] = useState(invoices[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const send = useSubmit(async () => {
    const dispute = await api.post<Dispute>(`/v1/invoices/${invoiceId}/disputes`, { reason });
    if (file) await uploadDocument(`/v1/disputes/${dispute.id}/documents`, file, 'dispute_evidence');
    setReason('');
    setFile(undefined);
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
          if (!fileError) void send.submit();
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
        <label>
          {t('portal.dispute.document')}
          <input
            type="file"
            name="document"
            accept={ACCEPTED_FILES}
            aria-describedby="dispute-document-help"
            aria-invalid={fileError ? 'true' : undefined}
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0];
              const problem = chosen ? fileProblem(chosen) : undefined;
              setFile(problem ? undefined : chosen);
              setFileError(problem && t(problem === 'type' ? 'document.wrongType' : 'document.tooBig'));
            }}
          />
        </label>
        <p id="dispute-document-help" class="muted">
          {t('document.rules')}
        </p>
        {fileError ? (
          <p role="alert" class="status error">
            {fileError}
          </p>
        ) : null}
        <button type="submit" disabled={send.busy || invoices.length === 0 || fileError !== undefined}>
          {t('portal.dispute.submit')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText={t('portal.dispute.done')} />
      </form>
    </section>
  );
}
