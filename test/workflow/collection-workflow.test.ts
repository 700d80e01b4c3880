import { startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;
let token: string;
const TENANT = 'workflow-co';

beforeAll(async () => {
  api = await startTestApi();
  token = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  // Monday 2027-03-01 09:00 UTC.
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
});
afterAll(() => api.stop());

let counter = 0;
async function debtorWithInvoice(dueDate: string, amount = 100_000, overrides: Record<string, unknown> = {}) {
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: {
      name: 'Initech GmbH',
      kind: 'business',
      email: 'ap@initech.example',
      phone: '+4930123456',
      postalAddress: { lines: ['Hauptstr. 1'], locality: 'Berlin', postalCode: '10115', country: 'DE' },
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
      ...overrides,
    },
  });
  expect(debtor.status).toBe(201);
  const invoice = await api.request('POST', '/v1/invoices', {
    token,
    body: {
      debtorId: debtor.body.id,
      number: `WF-${++counter}`,
      currency: 'EUR',
      amount,
      issueDate: '2027-02-01',
      dueDate,
    },
  });
  expect(invoice.status).toBe(201);
  return { debtorId: debtor.body.id as string, invoiceId: invoice.body.id as string };
}

const caseOf = async (debtorId: string) =>
  (await api.request('GET', `/v1/debtors/${debtorId}/case`, { token })).body;
const outbox = async (debtorId: string) =>
  (await api.request('GET', `/dev/outbox?debtorId=${debtorId}`)).body.items;
const advanceTo = (iso: string) => api.request('POST', '/dev/clock', { body: { now: iso } });

describe('the collection workflow (synthesized definition, local interpreter, local clock)', () => {
  it('opens the case when the invoice enters the policy window, and waits for the first step', async () => {
    const { debtorId } = await debtorWithInvoice('2027-03-15');
    // Due in two weeks: the first step (-7) is a week away, no case yet.
    expect(await caseOf(debtorId)).toMatchObject({ status: 404 });
    // The tenant's day 03-07 opens (UTC): the window starts tomorrow, the case opens and waits.
    await advanceTo('2027-03-07T06:00:00Z');
    const collectionCase = await caseOf(debtorId);
    expect(collectionCase).toMatchObject({
      status: 'active',
      policyId: 'builtin-default',
      currentState: 'WaitForNextStep',
      currentStep: { index: 0, action: 'email', date: '2027-03-08' },
      nextActionAt: '2027-03-08T09:00:00.000Z',
    });
    expect(collectionCase.executionName).toContain(TENANT);
  });
});

describe('the default cadence', () => {
  it('sends each step on its day at 10:00 in the debtor’s zone, across the DST change, then hands off', async () => {
    const { debtorId } = await debtorWithInvoice('2027-03-15');
    await advanceTo('2027-05-03T00:00:00Z');
    const sent = (await outbox(debtorId)).map((message: { channel: string; sentAt: string }) => [
      message.channel,
      message.sentAt,
    ]);
    expect(sent).toEqual([
      ['email', '2027-03-08T09:00:00.000Z'], // -7, Monday, CET
      ['email', '2027-03-15T09:00:00.000Z'], // due date
      ['email', '2027-03-18T09:00:00.000Z'], // +3
      ['sms', '2027-03-25T09:00:00.000Z'], // +10
      ['email', '2027-03-25T09:00:00.000Z'],
      ['email', '2027-04-09T08:00:00.000Z'], // +25 final notice, CEST since 03-28
      ['letter', '2027-04-09T08:00:00.000Z'],
    ]);
    const collectionCase = await caseOf(debtorId);
    expect(collectionCase).toMatchObject({
      status: 'handed_off',
      currentState: 'CaseHandedOff',
      closeReason: 'handed_off',
    });
    expect(collectionCase.history.map((event: { kind: string }) => event.kind)).toEqual([
      'opened',
      'reminder_sent',
      'reminder_sent',
      'reminder_sent',
      'reminder_sent', // +10: the SMS and the email are two steps of one day
      'reminder_sent',
      'call_task_created',
      'final_notice_sent',
      'call_task_created',
      'handed_off',
    ]);
    const executions = (await api.request('GET', `/dev/executions?debtorId=${debtorId}`)).body.items;
    expect(executions).toHaveLength(1);
    expect(executions[0]).toMatchObject({
      status: 'SUCCEEDED',
      currentState: 'CaseHandedOff',
      name: collectionCase.executionName,
    });
    // Two transitions per touch (ReviewCase + WaitForNextStep) for the eight step days, two for the
    // opening review and one for the end state: no polling, no extra states.
    expect(executions[0].transitions).toBe(2 * 8 + 2 + 1);
  });
});

describe('events reach the running execution at once', () => {
  it('a full payment closes the case within the same clock tick', async () => {
    const { debtorId } = await debtorWithInvoice('2027-06-01', 50_000);
    await advanceTo('2027-06-02T12:00:00Z');
    expect((await caseOf(debtorId)).status).toBe('active');
    const payment = await api.request('POST', '/v1/payments', {
      token,
      body: { debtorId, currency: 'EUR', amount: 50_000, receivedAt: '2027-06-02T12:00:00Z' },
    });
    expect(payment.status).toBe(201);
    const collectionCase = await caseOf(debtorId);
    expect(collectionCase).toMatchObject({
      status: 'closed',
      closeReason: 'settled',
      currentState: 'CaseClosed',
    });
    const [execution] = (await api.request('GET', `/dev/executions?debtorId=${debtorId}`)).body.items;
    expect(execution).toMatchObject({ status: 'SUCCEEDED', currentState: 'CaseClosed' });
  });

  it('a dispute pauses the case and its rejection resumes it', async () => {
    const { debtorId, invoiceId } = await debtorWithInvoice('2027-06-07');
    await advanceTo('2027-06-08T12:00:00Z');
    const dispute = await api.request('POST', `/v1/invoices/${invoiceId}/disputes`, {
      token,
      body: { reason: 'Wrong quantity' },
    });
    expect(dispute.status).toBe(201);
    expect(await caseOf(debtorId)).toMatchObject({ status: 'paused', pauseReason: 'dispute' });
    const before = (await outbox(debtorId)).length;
    await advanceTo('2027-06-25T12:00:00Z');
    expect((await outbox(debtorId)).length).toBe(before);
    await api.request('POST', `/v1/disputes/${dispute.body.id}/resolve`, {
      token,
      body: { outcome: 'rejected' },
    });
    const resumed = await caseOf(debtorId);
    expect(resumed.status).toBe('active');
    expect(resumed.history.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining(['paused', 'resumed']),
    );
    // The latest step that fell due during the pause (+17: the +15 call task) runs now; the earlier ones are skipped.
    expect(resumed.history.at(-1)).toMatchObject({ kind: 'call_task_created' });
  });
});

describe('promises and plans change the cadence', () => {
  it('a kept promise skips the steps dated up to its due date + grace', async () => {
    const { debtorId } = await debtorWithInvoice('2027-07-05', 100_000);
    await advanceTo('2027-07-06T12:00:00Z'); // due-date email sent
    const promise = await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 40_000, dueDate: '2027-07-14', graceDays: 2 },
    });
    expect(promise.status).toBe(201);
    expect((await caseOf(debtorId)).history.at(-1)).toMatchObject({ kind: 'promise_pending' });
    await advanceTo('2027-07-07T09:00:00Z');
    await api.request('POST', '/v1/payments', {
      token,
      body: { debtorId, currency: 'EUR', amount: 40_000, receivedAt: '2027-07-07T09:00:00Z' },
    });
    const before = (await outbox(debtorId)).length;
    await advanceTo('2027-07-20T12:00:00Z');
    // +3 (07-08) and +10 (07-15) fell while the promise stood: skipped, nothing sent.
    expect((await outbox(debtorId)).length).toBe(before);
    const kinds = (await caseOf(debtorId)).history.map((event: { kind: string }) => event.kind);
    expect(kinds.filter((kind: string) => kind === 'steps_skipped').length).toBeGreaterThanOrEqual(3);
    expect(kinds).not.toContain('escalated');
    // The next step after the promise (+15, 07-20) is the call task.
    expect(kinds.at(-1)).toBe('call_task_created');
  });

  it('a broken promise escalates after its grace days, once', async () => {
    const { debtorId } = await debtorWithInvoice('2027-08-02', 100_000);
    await advanceTo('2027-08-03T12:00:00Z');
    await api.request('POST', `/v1/debtors/${debtorId}/promises`, {
      token,
      body: { currency: 'EUR', amount: 40_000, dueDate: '2027-08-06', graceDays: 1 },
    });
    await advanceTo('2027-08-07T12:00:00Z');
    expect((await caseOf(debtorId)).history.map((event: { kind: string }) => event.kind)).not.toContain(
      'escalated',
    );
    // 08-08 00:00 Berlin (08-07 22:00Z): the promise is broken.
    await advanceTo('2027-08-07T22:00:00Z');
    const collectionCase = await caseOf(debtorId);
    expect(
      collectionCase.history.filter((event: { kind: string }) => event.kind === 'escalated'),
    ).toHaveLength(1);
    await advanceTo('2027-08-20T12:00:00Z');
    expect(
      (await caseOf(debtorId)).history.filter((event: { kind: string }) => event.kind === 'escalated'),
    ).toHaveLength(1);
  });

  it('an active plan takes its invoices out of dunning; another invoice keeps its cadence', async () => {
    const { debtorId, invoiceId } = await debtorWithInvoice('2027-09-06', 120_000);
    const other = await api.request('POST', '/v1/invoices', {
      token,
      body: {
        debtorId,
        number: `WF-${++counter}`,
        currency: 'EUR',
        amount: 10_000,
        issueDate: '2027-08-01',
        dueDate: '2027-09-20',
      },
    });
    await advanceTo('2027-09-07T12:00:00Z');
    const plan = await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
      token,
      body: { invoiceIds: [invoiceId], installments: 3, frequency: 'monthly', firstDueDate: '2027-10-01' },
    });
    expect(plan.status).toBe(201);
    const before = (await outbox(debtorId)).length;
    await advanceTo('2027-09-21T12:00:00Z');
    const messages = (await outbox(debtorId)).slice(before);
    // Only the other invoice is chased (its due date email on 09-20); the planned one is left alone.
    expect(messages.length).toBeGreaterThan(0);
    expect((await caseOf(debtorId)).currentStep).toMatchObject({ invoiceId: other.body.id });
    // Written in German to a debtor in Germany: the invoice by its number.
    for (const message of messages) expect(message.body).toContain(`Rechnung WF-${counter}`);
  });

  it('a plan cancelled early returns its invoices to dunning at once', async () => {
    const { debtorId, invoiceId } = await debtorWithInvoice('2027-09-23', 90_000);
    const plan = await api.request('POST', `/v1/debtors/${debtorId}/plans`, {
      token,
      body: { invoiceIds: [invoiceId], installments: 3, frequency: 'monthly', firstDueDate: '2027-10-15' },
    });
    expect(plan.status).toBe(201);
    await advanceTo('2027-09-22T06:00:00Z');
    const before = (await outbox(debtorId)).length;
    // The due-date email (09-23) and the +3 (09-26) fall while the plan stands: nothing goes out.
    await advanceTo('2027-09-27T11:00:00Z');
    expect((await outbox(debtorId)).length).toBe(before);

    const cancelled = await api.request('POST', `/v1/debtors/${debtorId}/plans/${plan.body.id}/cancel`, {
      token,
      body: { reason: 'The debtor asked to end the plan' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      endedAt: expect.stringMatching(/^2027-09-27T11:00/),
      cancellation: { by: 'admin-1', reason: 'The debtor asked to end the plan' },
    });
    expect((await api.request('GET', `/v1/invoices/${invoiceId}`, { token })).body.planId).toBeUndefined();
    // Woken by the cancellation, the case sends the step that fell due last, now (13:00 in Berlin).
    await advanceTo('2027-09-27T11:05:00Z');
    const sent = (await outbox(debtorId)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].sentAt).toMatch(/^2027-09-27T11:0/);
    expect((await caseOf(debtorId)).currentStep).toMatchObject({ invoiceId });

    const again = await api.request('POST', `/v1/debtors/${debtorId}/plans/${plan.body.id}/cancel`, {
      token,
      body: { reason: 'Twice' },
    });
    expect(again.status).toBe(422);
  });
});

describe('retries and the failure path', () => {
  afterEach(() => {
    api.runtime.workflows.interceptor = undefined;
  });

  it('retries ReviewCase after transient failures and carries on', async () => {
    const { debtorId } = await debtorWithInvoice('2027-10-11');
    let failures = 0;
    api.runtime.workflows.interceptor = async (state, payload, next) => {
      const ref = (payload as { caseRef?: { debtorId?: string } }).caseRef;
      if (state === 'ReviewCase' && ref?.debtorId === debtorId && failures < 2) {
        failures += 1;
        const error = new Error('DynamoDB throttled');
        error.name = 'Recoup.TransientError';
        throw error;
      }
      return next();
    };
    await advanceTo('2027-10-04T12:00:00Z');
    expect(failures).toBe(2);
    expect((await outbox(debtorId)).map((message: { sentAt: string }) => message.sentAt)).toEqual([
      '2027-10-04T08:00:00.000Z',
    ]);
    const [execution] = (await api.request('GET', `/dev/executions?debtorId=${debtorId}`)).body.items;
    expect(execution.events.filter((event: { type: string }) => event.type === 'StateRetried')).toHaveLength(
      2,
    );
    expect(execution.status).toBe('RUNNING');
  });

  it('a crash between queueing a message and delivering it neither loses nor repeats it', async () => {
    const { debtorId } = await debtorWithInvoice('2027-10-20');
    const messages = api.runtime.services.messages;
    const deliver = messages.deliver.bind(messages);
    let crashes = 0;
    messages.deliver = async (message) => {
      if (message.debtorId === debtorId && crashes === 0) {
        crashes += 1;
        const error = new Error('queue unavailable');
        error.name = 'ServiceUnavailable';
        throw error;
      }
      return deliver(message);
    };
    try {
      await advanceTo('2027-10-13T12:00:00Z');
    } finally {
      messages.deliver = deliver;
    }
    expect(crashes).toBe(1);
    expect((await outbox(debtorId)).map((message: { sentAt: string }) => message.sentAt)).toEqual([
      '2027-10-13T08:00:00.000Z',
    ]);
    const activities = (await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token })).body.items;
    expect(activities).toHaveLength(1);
  });

  it('a review that always fails lands in the failure path: alarm metric, work item, failed execution', async () => {
    const { debtorId } = await debtorWithInvoice('2027-10-25');
    api.runtime.workflows.interceptor = async (state, payload, next) => {
      const ref = (payload as { caseRef?: { debtorId?: string } }).caseRef;
      if (state === 'ReviewCase' && ref?.debtorId === debtorId) throw new TypeError('a bug');
      return next();
    };
    await advanceTo('2027-10-18T12:00:00Z');
    const [execution] = (await api.request('GET', `/dev/executions?debtorId=${debtorId}`)).body.items;
    expect(execution).toMatchObject({ status: 'FAILED', currentState: 'CaseFailed' });
    expect(execution.events.map((event: { state?: string }) => event.state)).toContain('RaiseCaseAlarm');
    const collectionCase = await caseOf(debtorId);
    expect(collectionCase.history.at(-1)).toMatchObject({
      kind: 'failed',
      detail: expect.stringContaining('TypeError'),
    });
    const items = await api.runtime.services.cases.workItems(TENANT, 100);
    expect(items).toContainEqual(
      expect.objectContaining({ debtorId, kind: 'case_failure', assignee: 'manager', status: 'open' }),
    );
  });
});

describe('every send goes through the compliance gate', () => {
  it('a contact the gate refuses is deferred to its next allowed instant, with the reason recorded', async () => {
    const policy = await api.request('POST', '/v1/policies', {
      token,
      body: {
        name: 'Early birds',
        appliesTo: { kind: 'person' },
        sendHour: 6,
        steps: [
          { offsetDays: 0, action: 'email' },
          { offsetDays: 30, action: 'handoff' },
        ],
      },
    });
    expect(policy.status).toBe(201);
    const { debtorId } = await debtorWithInvoice('2027-11-02', 10_000, {
      name: 'Pat Doe',
      kind: 'person',
      email: 'pat@example.com',
      timezone: 'America/New_York',
      jurisdiction: 'US-NY',
    });
    await advanceTo('2027-11-02T15:00:00Z');
    // 06:00 EDT (DST lasts to 11-07) is outside the 08:00–21:00 window: the email goes at 08:00 EDT.
    const [message] = await outbox(debtorId);
    expect(message).toMatchObject({ channel: 'email', sentAt: '2027-11-02T12:00:00.000Z' });
    expect(message.obligations).toEqual(expect.arrayContaining(['opt_out_notice', 'validation_notice']));
    // What the obligations make the message carry: the notice with the itemised debt, the opt-out.
    expect(message.body).toContain('VALIDATION NOTICE');
    expect(message.body).toMatch(/Invoice WF-\d+, due Nov 2, 2027: €100\.00/);
    expect(message.body).toContain('To stop receiving emails about this debt, reply with the word STOP.');
    const history = (await caseOf(debtorId)).history;
    expect(history).toContainEqual(
      expect.objectContaining({
        kind: 'send_deferred',
        detail: expect.stringContaining('outside_contact_hours'),
      }),
    );
    const activities = (await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token })).body.items;
    expect(activities.map((activity: { status: string }) => activity.status)).toEqual(['done', 'refused']);
  });
});

describe('policy versions', () => {
  it('a running case keeps the policy version it started with', async () => {
    const tenantToken = await api.token('versions-co', ['admin']);
    const created = await api.request('POST', '/v1/policies', {
      token: tenantToken,
      body: {
        name: 'Short',
        steps: [
          { offsetDays: 0, action: 'email' },
          { offsetDays: 5, action: 'letter' },
        ],
      },
    });
    const debtor = await api.request('POST', '/v1/debtors', {
      token: tenantToken,
      body: {
        name: 'Hooli',
        kind: 'business',
        email: 'ap@hooli.example',
        timezone: 'Europe/Berlin',
        jurisdiction: 'DE',
      },
    });
    // Due tomorrow: the case opens now, on version 1.
    await api.request('POST', '/v1/invoices', {
      token: tenantToken,
      body: {
        debtorId: debtor.body.id,
        number: 'V-1',
        currency: 'EUR',
        amount: 1_000,
        issueDate: '2027-10-01',
        dueDate: '2027-11-03',
      },
    });
    const updated = await api.request('PUT', `/v1/policies/${created.body.id}`, {
      token: tenantToken,
      headers: { 'if-match': '"1"' },
      body: { name: 'Short', steps: [{ offsetDays: 0, action: 'sms' }] },
    });
    expect(updated.status).toBe(200);
    await advanceTo('2027-11-04T00:00:00Z');
    const collectionCase = (
      await api.request('GET', `/v1/debtors/${debtor.body.id}/case`, { token: tenantToken })
    ).body;
    expect(collectionCase).toMatchObject({ policyId: created.body.id, policyVersion: 1 });
    expect((await outbox(debtor.body.id)).map((message: { channel: string }) => message.channel)).toEqual([
      'email',
    ]);
  });
});
