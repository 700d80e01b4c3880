/**
 * A debtor's whole story on one page: balances, invoices, payments, promises and plans (withdrawn
 * or ended early here, with a reason), disputes, messages and notes, and where the collection case
 * stands — with the compliance check before a call and one-click call logging.
 */
import { useState } from 'preact/hooks';
import { api, type Page } from '../api/client';
import type {
  DocumentRecord,
  Activity,
  CaseView,
  ContactCheck,
  Debtor,
  Dispute,
  Invoice,
  Payment,
  PaymentPlan,
  PaymentPromise,
} from '../api/types';
import { DocumentList } from '../components/document-list';
import { FormStatus } from '../components/form-status';
import { useResource } from '../components/use-resource';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

interface Story {
  debtor: Debtor;
  invoices: Invoice[];
  payments: Payment[];
  promises: PaymentPromise[];
  plans: PaymentPlan[];
  disputes: Dispute[];
  activities: Activity[];
  collectionCase?: CaseView;
  callCheck: ContactCheck;
  documents: DocumentRecord[];
}

async function loadStory(id: string): Promise<Story> {
  const base = `/v1/debtors/${id}`;
  const [
    debtor,
    invoices,
    payments,
    promises,
    plans,
    disputes,
    activities,
    collectionCase,
    callCheck,
    documents,
  ] = await Promise.all([
    api.get<Debtor>(base),
    api.get<Page<Invoice>>(`${base}/invoices?limit=100`),
    api.get<Page<Payment>>(`${base}/payments?limit=100`),
    api.get<Page<PaymentPromise>>(`${base}/promises`),
    api.get<Page<PaymentPlan>>(`${base}/plans`),
    api.get<Page<Dispute>>(`${base}/disputes`),
    api.get<Page<Activity>>(`${base}/activities?limit=50`),
    api.get<CaseView>(`${base}/case`).catch(() => undefined),
    api.get<ContactCheck>(`${base}/contact-check?channel=call`),
    api.get<Page<DocumentRecord>>(`${base}/documents`),
  ]);
  return {
    debtor,
    invoices: invoices.items,
    payments: payments.items,
    promises: promises.items,
    plans: plans.items,
    disputes: disputes.items,
    activities: activities.items,
    ...(collectionCase ? { collectionCase } : {}),
    callCheck,
    documents: documents.items,
  };
}

export function DebtorStory({ id }: { id: string }) {
  const { t, money, date, instant } = useI18n();
  const story = useResource(() => loadStory(id), [id]);
  if (story.error) return <p role="alert">{story.error.message}</p>;
  if (!story.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const {
    debtor,
    invoices,
    payments,
    promises,
    plans,
    disputes,
    activities,
    collectionCase,
    callCheck,
    documents,
  } = story.data;
  return (
    <article aria-labelledby="debtor-name">
      <h1 id="debtor-name">{debtor.name}</h1>
      <p class="muted">
        {debtor.jurisdiction} · {debtor.timezone}
        {debtor.riskScore !== undefined ? ` · risk ${debtor.riskScore}` : ''}
      </p>
      <ul class="balances">
        {(debtor.balances ?? []).map((balance) => (
          <li key={balance.currency}>
            <span class="amount">{money(balance.outstanding, balance.currency)}</span>
            <span class="muted">
              {' '}
              ({t('console.overdue')} {money(balance.overdue, balance.currency)})
            </span>
          </li>
        ))}
      </ul>

      <div class="columns">
        <section aria-labelledby="call">
          <h2 id="call">{t('console.logCall')}</h2>
          <CallPanel debtorId={debtor.id} check={callCheck} onDone={story.reload} />
          <NoteForm debtorId={debtor.id} onDone={story.reload} />
        </section>

        <section aria-labelledby="case">
          <h2 id="case">{t('console.case')}</h2>
          {collectionCase ? (
            <>
              <p data-testid="case-status">
                {collectionCase.status}
                {collectionCase.currentState ? ` · ${collectionCase.currentState}` : ''}
              </p>
              {collectionCase.currentStep ? (
                <p>
                  {t('console.nextStep')}: {collectionCase.currentStep.action} ·{' '}
                  {date(collectionCase.currentStep.date)}
                </p>
              ) : null}
              <ol class="history">
                {collectionCase.history.slice(-8).map((event, index) => (
                  <li key={index}>
                    <time>{instant(event.at)}</time> {event.detail}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p>—</p>
          )}
        </section>
      </div>

      <section aria-labelledby="promises">
        <h2 id="promises">{t('console.promises')}</h2>
        <ul data-testid="story-promises">
          {promises.map((promise) => (
            <li key={promise.id}>
              {money(promise.amount, promise.currency)} · {date(promise.dueDate)} ·{' '}
              <strong>{t(`status.${promise.status}` as 'status.pending')}</strong>
              {promise.status === 'pending' ? (
                <Cancel
                  path={`/v1/debtors/${debtor.id}/promises/${promise.id}/cancel`}
                  action={t('console.promiseWithdraw')}
                  onDone={story.reload}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="plans">
        <h2 id="plans">{t('console.plans')}</h2>
        <ul data-testid="story-plans">
          {plans.map((plan) => (
            <li key={plan.id}>
              {money(plan.total, plan.currency)} · {plan.schedule.length} ×{' '}
              {t(plan.frequency === 'weekly' ? 'portal.plan.weekly' : 'portal.plan.monthly')} ·{' '}
              <strong>{t(`status.${plan.status}` as 'status.active')}</strong>
              {plan.status === 'active' ? (
                <Cancel
                  path={`/v1/debtors/${debtor.id}/plans/${plan.id}/cancel`}
                  action={t('console.planEnd')}
                  onDone={story.reload}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="disputes">
        <h2 id="disputes">{t('console.disputes')}</h2>
        <ul data-testid="story-disputes">
          {disputes.map((dispute) => (
            <li key={dispute.id}>
              {invoices.find((invoice) => invoice.id === dispute.invoiceId)?.number ?? dispute.invoiceId}:{' '}
              {dispute.reason} · {dispute.status}
              {dispute.status === 'open' ? (
                <ResolveDispute disputeId={dispute.id} onDone={story.reload} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents">{t('console.documents')}</h2>
        <DocumentList
          documents={documents}
          testId="story-documents"
          describe={(document) => {
            const { kind, id } = document.attachedTo;
            const invoiceId =
              kind === 'invoice' ? id : disputes.find((dispute) => dispute.id === id)?.invoiceId;
            const number = invoices.find((invoice) => invoice.id === invoiceId)?.number;
            return [t(`document.category.${document.category}` as 'document.category.other'), number]
              .filter(Boolean)
              .join(' · ');
          }}
        />
      </section>

      <Assignment debtor={debtor} onDone={story.reload} />

      <section aria-labelledby="invoices">
        <h2 id="invoices">{t('console.invoices')}</h2>
        <div class="table-wrap">
          <table>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">{invoice.number}</th>
                  <td>{date(invoice.dueDate)}</td>
                  <td class="number">{money(invoice.outstanding, invoice.currency)}</td>
                  <td>{t(`status.${invoice.status}` as 'status.open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="payments">
        <h2 id="payments">{t('console.payments')}</h2>
        <ul>
          {payments.map((payment) => (
            <li key={payment.id}>
              {date(payment.receivedAt.slice(0, 10))}: {money(payment.amount, payment.currency)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('console.history')}</h2>
        <ol class="history" data-testid="story-activities">
          {activities.map((activity) => (
            <li key={activity.id} data-type={activity.type}>
              <time>{instant(activity.at)}</time> {activity.type}
              {activity.direction === 'inbound' ? ' ←' : ''}
              {activity.outcome ? ` (${activity.outcome})` : ''} {activity.text ?? ''}
              {activity.status === 'refused' ? ' · refused' : ''}
              {activity.delivery ? ` · ${activity.delivery.status}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

const OUTCOMES = ['no_answer', 'left_message', 'conversation', 'wrong_number', 'refused'] as const;

function CallPanel({
  debtorId,
  check,
  onDone,
}: {
  debtorId: string;
  check: ContactCheck;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('conversation');
  const [text, setText] = useState('');
  const send = useSubmit(async () => {
    await api.post(`/v1/debtors/${debtorId}/activities`, {
      type: 'call',
      outcome,
      ...(text ? { text } : {}),
    });
    setText('');
    onDone();
  });
  return (
    <>
      <div class={check.allowed ? 'check ok' : 'check refused'} data-testid="call-check" role="status">
        <strong>{t('console.callCheck')}:</strong>{' '}
        {check.allowed ? t('console.callAllowed') : t('console.callRefused')}
        {check.reasons.length > 0 ? (
          <ul>
            {check.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send.submit();
        }}
      >
        <label>
          {t('console.callOutcome')}
          <select
            name="outcome"
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value as typeof outcome)}
          >
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {value.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.callNote')}
          <input name="callNote" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={send.busy}>
          {t('console.callSubmit')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText={t('console.callLogged')} />
      </form>
    </>
  );
}

function NoteForm({ debtorId, onDone }: { debtorId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const send = useSubmit(async () => {
    await api.post(`/v1/debtors/${debtorId}/activities`, { type: 'note', text });
    setText('');
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send.submit();
      }}
    >
      <label>
        {t('console.note')}
        <textarea name="note" required value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={send.busy}>
        {t('console.noteSubmit')}
      </button>
      <FormStatus done={send.done} error={send.error} doneText="✓" />
    </form>
  );
}

/** Answering a dispute: upheld (a credit note for what is disputed) or rejected (collection resumes). */
/** Withdraws a pending promise or ends an active plan, with the reason the audit keeps. */
function Cancel({ path, action, onDone }: { path: string; action: string; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const send = useSubmit(async () => {
    await api.post(path, { reason });
    onDone();
  });
  return (
    <form
      class="inline"
      onSubmit={(event) => {
        event.preventDefault();
        void send.submit();
      }}
    >
      <label>
        {t('console.cancelReason')}
        <input
          name="cancelReason"
          required
          maxLength={500}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={send.busy}>
        {action}
      </button>
      <FormStatus done={send.done} error={send.error} doneText="✓" />
    </form>
  );
}

function ResolveDispute({ disputeId, onDone }: { disputeId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const send = useSubmit(async (outcome: 'upheld' | 'rejected') => {
    await api.post(`/v1/disputes/${disputeId}/resolve`, { outcome, ...(note ? { note } : {}) });
    onDone();
  });
  return (
    <form class="inline" onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('console.disputeNote')}
        <input name="disputeNote" value={note} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <button type="button" disabled={send.busy} onClick={() => void send.submit('upheld')}>
        {t('console.disputeUphold')}
      </button>
      <button type="button" disabled={send.busy} onClick={() => void send.submit('rejected')}>
        {t('console.disputeReject')}
      </button>
      <FormStatus done={send.done} error={send.error} doneText="✓" />
    </form>
  );
}

/** Who works the account: one of the tenant's collectors (from the settings). */
function Assignment({ debtor, onDone }: { debtor: Debtor; onDone: () => void }) {
  const { t } = useI18n();
  const collectors = useResource(
    () =>
      api
        .get<{ collectors?: { id: string; name: string }[] }>('/v1/settings')
        .then((settings) => settings.collectors ?? []),
    [],
  );
  const [collectorId, setCollectorId] = useState(debtor.collectorId ?? '');
  const send = useSubmit(async () => {
    await api.patch(`/v1/debtors/${debtor.id}`, { collectorId: collectorId || null }, debtor.version);
    onDone();
  });
  if (!collectors.data) return null;
  return (
    <section aria-labelledby="assignment">
      <h2 id="assignment">{t('console.assignment')}</h2>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void send.submit();
        }}
      >
        <label>
          {t('console.assigned')}
          <select
            name="collectorId"
            value={collectorId}
            onChange={(event) => setCollectorId(event.currentTarget.value)}
          >
            <option value="">—</option>
            {collectors.data.map((collector) => (
              <option key={collector.id} value={collector.id}>
                {collector.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={send.busy}>
          {t('console.assign')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText="✓" />
      </form>
    </section>
  );
}
