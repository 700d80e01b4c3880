/**
 * The debtor portal: what they owe (per currency, never summed), their open invoices, payments,
 * promises and plans, and what they can do about it — promise to pay, dispute an invoice, say how
 * they want to be contacted. Reached by the signed link in a reminder; no password.
 */
import { api, type Page } from '../api/client';
import { useEffect, useState } from 'preact/hooks';
import { claims, linkInAddress, signInWithLink, signOut } from '../api/session';
import type {
  ContactPreferences,
  Debtor,
  Dispute,
  DocumentRecord,
  Invoice,
  Payment,
  PaymentPlan,
  PaymentPromise,
} from '../api/types';
import { DocumentList } from '../components/document-list';
import { LanguageSwitch, useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { DisputeForm } from './dispute-form';
import { PreferencesForm } from './preferences-form';
import { PromiseForm } from './promise-form';
import { PayForm } from './pay-form';
import { PlanForm } from './plan-form';

interface PortalData {
  debtor: Debtor;
  invoices: Invoice[];
  payments: Payment[];
  promises: PaymentPromise[];
  plans: PaymentPlan[];
  preferences: ContactPreferences;
  disputes: Dispute[];
  documents: DocumentRecord[];
}

async function loadPortal(debtorId: string): Promise<PortalData> {
  const base = `/v1/debtors/${debtorId}`;
  const [debtor, invoices, payments, promises, plans, preferences, disputes, documents] = await Promise.all([
    api.get<Debtor>(base),
    api.get<Page<Invoice>>(`${base}/invoices?limit=100`),
    api.get<Page<Payment>>(`${base}/payments?limit=100`),
    api.get<Page<PaymentPromise>>(`${base}/promises`),
    api.get<Page<PaymentPlan>>(`${base}/plans`),
    api.get<ContactPreferences>(`${base}/contact-preferences`),
    api.get<Page<Dispute>>(`${base}/disputes`),
    api.get<Page<DocumentRecord>>(`${base}/documents`),
  ]);
  return {
    debtor,
    invoices: invoices.items,
    payments: payments.items,
    promises: promises.items,
    plans: plans.items,
    preferences,
    disputes: disputes.items,
    documents: documents.items,
  };
}

export function PortalApp() {
  const { t } = useI18n();
  const [link] = useState(linkInAddress);
  const [signIn, setSignIn] = useState<'pending' | 'done'>(link ? 'pending' : 'done');
  useEffect(() => {
    if (!link) return;
    // A link that does not admit leaves no session: the page says the link has expired.
    void signInWithLink(link).then((admitted) => {
      if (!admitted) signOut();
      setSignIn('done');
    });
  }, [link]);
  const session = signIn === 'done' ? claims() : undefined;
  const debtorId = session?.roles.includes('debtor') ? session.debtorId : undefined;
  const resource = useResource(
    () => (debtorId ? loadPortal(debtorId) : Promise.reject(new Error('no session'))),
    [debtorId],
  );

  return (
    <>
      <a class="skip" href="#main">
        {t('common.skip')}
      </a>
      <header class="topbar">
        <strong>Recoup</strong>
        <LanguageSwitch />
      </header>
      <main id="main" class="page narrow">
        <h1>{t('portal.title')}</h1>
        {signIn === 'pending' ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : !debtorId ? (
          <p role="alert">{t('portal.signedOut')}</p>
        ) : resource.loading && !resource.data ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : resource.error ? (
          <p role="alert">{t('portal.signedOut')}</p>
        ) : resource.data ? (
          <PortalContent data={resource.data} reload={resource.reload} />
        ) : null}
      </main>
    </>
  );
}

function PortalContent({ data, reload }: { data: PortalData; reload: () => void }) {
  const { t, money, date } = useI18n();
  const open = data.invoices.filter((invoice) => invoice.outstanding > 0);
  const balances = (data.debtor.balances ?? []).filter((balance) => balance.outstanding > 0);
  const documentsOf = (id: string) => data.documents.filter((document) => document.attachedTo.id === id);
  return (
    <>
      <p class="lead">{data.debtor.name}</p>
      {new URLSearchParams(location.search).get('paid') === '1' ? (
        <p role="status" class="status ok">
          {t('portal.pay.thanks')}
        </p>
      ) : null}
      <section aria-labelledby="balances">
        <h2 id="balances">{t('portal.balances')}</h2>
        {balances.length === 0 ? (
          <p>{t('portal.noBalance')}</p>
        ) : (
          <ul class="balances" data-testid="balances">
            {balances.map((balance) => (
              <li key={balance.currency}>
                <span class="amount">{money(balance.outstanding, balance.currency)}</span>
                {balance.overdue > 0 ? (
                  <span class="muted">
                    {' '}
                    ({t('portal.overdue')} {money(balance.overdue, balance.currency)})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {(data.debtor.credits ?? []).map((credit) => (
          <p key={credit.currency}>
            {t('portal.credit')}: {money(credit.amount, credit.currency)}
          </p>
        ))}
      </section>

      <section aria-labelledby="invoices">
        <h2 id="invoices">{t('portal.invoices')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('portal.invoice')}</th>
                <th scope="col">{t('portal.due')}</th>
                <th scope="col" class="number">
                  {t('portal.amount')}
                </th>
                <th scope="col" class="number">
                  {t('portal.open')}
                </th>
                <th scope="col">{t('portal.status')}</th>
                <th scope="col">{t('portal.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((invoice) => (
                <tr key={invoice.id} data-testid={`invoice-${invoice.number}`}>
                  <th scope="row">{invoice.number}</th>
                  <td>{date(invoice.dueDate)}</td>
                  <td class="number">{money(invoice.amount, invoice.currency)}</td>
                  <td class="number">{money(invoice.outstanding, invoice.currency)}</td>
                  <td>{t(`status.${invoice.status}` as 'status.open')}</td>
                  <td>
                    <DocumentList
                      documents={documentsOf(invoice.id)}
                      testId={`documents-${invoice.number}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {data.disputes.length > 0 ? (
        <section aria-labelledby="disputes">
          <h2 id="disputes">{t('portal.disputes')}</h2>
          <ul data-testid="disputes">
            {data.disputes.map((dispute) => (
              <li key={dispute.id}>
                {data.invoices.find((invoice) => invoice.id === dispute.invoiceId)?.number}: {dispute.reason}{' '}
                · {t(`status.${dispute.status}` as 'status.open')}
                <DocumentList
                  documents={documentsOf(dispute.id)}
                  testId={`dispute-documents-${dispute.id}`}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="promises">
        <h2 id="promises">{t('portal.promises')}</h2>
        {data.promises.length === 0 && data.plans.length === 0 ? (
          <p>{t('portal.noPromises')}</p>
        ) : (
          <ul data-testid="promises">
            {data.promises.map((promise) => (
              <li key={promise.id}>
                {money(promise.amount, promise.currency)} · {date(promise.dueDate)} ·{' '}
                {t(`status.${promise.status}` as 'status.pending')}
              </li>
            ))}
            {data.plans.map((plan) => (
              <li key={plan.id}>
                {money(plan.total, plan.currency)} · {t(`status.${plan.status}` as 'status.active')}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="payments">
        <h2 id="payments">{t('portal.payments')}</h2>
        {data.payments.length === 0 ? (
          <p>{t('portal.noPayments')}</p>
        ) : (
          <ul>
            {data.payments.map((payment) => (
              <li key={payment.id}>
                {date(payment.receivedAt.slice(0, 10))}: {money(payment.amount, payment.currency)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <PayForm debtorId={data.debtor.id} balances={balances} />
      <PromiseForm debtorId={data.debtor.id} balances={balances} onDone={reload} />
      <PlanForm
        debtorId={data.debtor.id}
        invoices={open.filter(
          (invoice) => !invoice.openDisputeId && invoice.status !== 'disputed' && !invoice.planId,
        )}
        onDone={reload}
      />
      <DisputeForm
        invoices={open.filter((invoice) => !invoice.openDisputeId && invoice.status !== 'disputed')}
        onDone={reload}
      />
      <PreferencesForm debtorId={data.debtor.id} preferences={data.preferences} onDone={reload} />
    </>
  );
}
