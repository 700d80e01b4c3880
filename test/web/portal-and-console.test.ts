/**
 * Both web apps in a real browser against the local runtime: a debtor opens their link, downloads
 * an invoice copy, disputes an invoice with a document (uploaded straight to the S3 stand-in) and
 * promises to pay the rest; the next morning a collector finds the promise on the
 * worklist, sees the compliance check, logs a call; the dashboard shows what GET /v1/metrics says.
 */
import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../shared/domain/money/money';
import { launchBrowser, screenshot } from '../support/browser';
import { startTestApi, type TestApi } from '../support/local-api';

const TENANT = 'web-co';
let api: TestApi;
let browser: Browser;
let admin: string;
let debtorId: string;
let otherDebtorId: string;
const invoiceIds: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  browser = await launchBrowser();
  await api.runtime.clock.moveTo(new Date('2027-03-01T09:00:00Z'));
  admin = await api.token(TENANT, ['admin'], { sub: 'admin-1' });
  const settings = await api.request('PUT', '/v1/settings', {
    token: admin,
    body: {
      timezone: 'Europe/Berlin',
      baseCurrency: 'EUR',
      collectors: [
        { id: 'carol', name: 'Carol', email: 'carol@web-co.example', dailyCapacity: 20 },
        { id: 'dave', name: 'Dave', email: 'dave@web-co.example', dailyCapacity: 20 },
      ],
    },
  });
  expect(settings.status).toBe(200);
  const debtor = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: {
      name: 'Initech GmbH',
      kind: 'business',
      email: 'ap@initech.example',
      phone: '+4930123456',
      timezone: 'Europe/Berlin',
      jurisdiction: 'DE',
      collectorId: 'carol',
    },
  });
  debtorId = debtor.body.id;
  const other = await api.request('POST', '/v1/debtors', {
    token: admin,
    body: { name: 'Someone Else AG', kind: 'business', timezone: 'Europe/Berlin', jurisdiction: 'DE' },
  });
  otherDebtorId = other.body.id;
  for (const [number, amount, dueDate] of [
    ['A-1', 50_000, '2027-02-01'],
    ['A-2', 120_000, '2027-02-15'],
  ] as const) {
    const invoice = await api.request('POST', '/v1/invoices', {
      token: admin,
      body: { debtorId, number, currency: 'EUR', amount, issueDate: '2027-01-15', dueDate },
    });
    expect(invoice.status).toBe(201);
    invoiceIds[number] = invoice.body.id;
  }
  const payment = await api.request('POST', '/v1/payments', {
    token: admin,
    headers: { 'idempotency-key': 'web-pay-1' },
    body: { debtorId, currency: 'EUR', amount: 20_000, receivedAt: '2027-02-20T10:00:00Z' },
  });
  expect(payment.status).toBe(201);
  // The creditor's copy of A-2, uploaded as any client would: announce, then POST to storage.
  const copy = Buffer.from('%PDF-1.7\n% invoice A-2\n%%EOF\n', 'latin1');
  const announced = await api.request('POST', `/v1/invoices/${invoiceIds['A-2']}/documents`, {
    token: admin,
    body: {
      fileName: 'invoice-A-2.pdf',
      contentType: 'application/pdf',
      size: copy.length,
      category: 'invoice_copy',
    },
  });
  expect(announced.status).toBe(201);
  const form = new FormData();
  for (const [name, value] of Object.entries(announced.body.upload.fields as Record<string, string>)) {
    form.append(name, value);
  }
  form.append('file', new Blob([new Uint8Array(copy)]), 'invoice-A-2.pdf');
  expect((await fetch(announced.body.upload.url, { method: 'POST', body: form })).status).toBe(204);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

async function open(path: string, token: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(
    `${api.runtime.url}${path}${path.includes('?') ? '&' : '?'}lang=en#token=${encodeURIComponent(token)}`,
  );
  return page;
}

async function portalLink(): Promise<string> {
  const issued = await api.request('POST', `/v1/debtors/${debtorId}/portal-link`, { token: admin });
  expect(issued.status).toBe(201);
  // Thirty days from now (the local clock runs on from where the test set it).
  const days = (Date.parse(issued.body.expiresAt) - api.runtime.clock.now().getTime()) / 86_400_000;
  expect(days).toBeGreaterThan(29.99);
  expect(days).toBeLessThanOrEqual(30);
  return issued.body.link as string;
}

it('a debtor opens the link, disputes an invoice with a document and promises to pay the rest', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const page = await context.newPage();
  // The link a reminder carries: no password, no token of ours — the user pool's custom challenge.
  await page.goto(`${api.runtime.url}${(await portalLink()).replace('/portal#', '/portal?lang=en#')}`);
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await expect(page.getByTestId('balances').textContent()).resolves.toContain('€1,500.00');
  // The link left the address bar once used.
  expect(page.url()).not.toContain('link=');
  await screenshot(page, 'portal');

  // The creditor's copy of an invoice is there to download.
  const copy = page.getByTestId('documents-A-2').getByRole('button', { name: 'invoice-A-2.pdf' });
  const [copyDownload] = await Promise.all([page.waitForEvent('download'), copy.click()]);
  expect(copyDownload.suggestedFilename()).toBe('invoice-A-2.pdf');

  const dispute = page.getByRole('region', { name: 'Dispute an invoice' });
  await dispute.getByLabel('Invoice').selectOption({ label: 'A-1' });
  await dispute.getByLabel('What is wrong?').fill('The goods of A-1 never arrived.');
  const evidence = dispute.getByLabel('A document to support it (optional)');
  // Checked in the page before anything is sent: a text file is not accepted.
  await evidence.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await dispute.getByText('This file type cannot be sent').waitFor();
  expect(await dispute.getByRole('button', { name: 'Send dispute' }).isDisabled()).toBe(true);
  const deliveryNote = Buffer.from('%PDF-1.4\n% delivery note: not signed\n%%EOF\n', 'latin1');
  await evidence.setInputFiles({
    name: 'delivery-note.pdf',
    mimeType: 'application/pdf',
    buffer: deliveryNote,
  });
  await dispute.getByRole('button', { name: 'Send dispute' }).click();
  await page.getByText('Your dispute is recorded').waitFor();
  // The document shows on the dispute, checked and available, and downloads as sent.
  const onDispute = page.getByTestId('disputes').getByRole('button', { name: 'delivery-note.pdf' });
  const [download] = await Promise.all([page.waitForEvent('download'), onDispute.click()]);
  expect(download.suggestedFilename()).toBe('delivery-note.pdf');
  const downloaded = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of downloaded) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(deliveryNote)).toBe(true);

  const promise = page.getByRole('region', { name: 'Promise to pay' });
  await promise.getByLabel('Amount').fill('1,200.00');
  await promise.getByLabel('I will pay by').fill('2027-03-02');
  await promise.getByRole('button', { name: 'Promise to pay' }).click();
  await page.getByText('Your promise is recorded').waitFor();
  await expect(page.getByTestId('promises').textContent()).resolves.toContain('€1,200.00');

  const disputes = await api.request('GET', `/v1/debtors/${debtorId}/disputes`, { token: admin });
  expect(disputes.body.items).toEqual([
    expect.objectContaining({
      invoiceId: invoiceIds['A-1'],
      status: 'open',
      reason: 'The goods of A-1 never arrived.',
    }),
  ]);
  const documents = await api.request(
    'GET',
    `/v1/debtors/${debtorId}/documents?attachedTo=${disputes.body.items[0].id}`,
    { token: admin },
  );
  expect(documents.body.items).toEqual([
    expect.objectContaining({
      fileName: 'delivery-note.pdf',
      category: 'dispute_evidence',
      status: 'available',
      uploadedBy: expect.stringMatching(/.+/),
    }),
  ]);
  const promises = await api.request('GET', `/v1/debtors/${debtorId}/promises`, { token: admin });
  expect(promises.body.items).toEqual([
    expect.objectContaining({ currency: 'EUR', amount: 120_000, dueDate: '2027-03-02', status: 'pending' }),
  ]);
  await page.context().close();
});

it('a link that was tampered with opens nothing', async () => {
  const link = await portalLink();
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  // Another debtor's id in the signed claims: the MAC no longer matches.
  const [path, encoded] = link.split('#link=') as [string, string];
  const claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  const forged = Buffer.from(JSON.stringify({ ...claims, d: otherDebtorId })).toString('base64url');
  await page.goto(`${api.runtime.url}${path}?lang=en#link=${forged}`);
  await page.getByText('This link has expired or is incomplete').waitFor();
  await context.close();
});

it('a debtor token cannot see another debtor', async () => {
  const token = await api.token(TENANT, ['debtor'], { sub: 'portal-initech', debtorId });
  const page = await open('/portal', token);
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  const status = await page.evaluate(async (other) => {
    // Runs in the page: the portal's own session token.
    const bearer = (globalThis as any).sessionStorage.getItem('recoup.token') as string;
    const response = await fetch(`/v1/debtors/${other}`, { headers: { authorization: `Bearer ${bearer}` } });
    return response.status;
  }, otherDebtorId);
  expect(status).toBe(404);
  await page.context().close();
});

it('the next morning a collector finds the promise on the worklist, checks, and logs a call', async () => {
  // 10:00 in Berlin: the tenant's day has opened and its worklist is built; calls are allowed.
  await api.runtime.clock.moveTo(new Date('2027-03-02T09:00:00Z'));
  const token = await api.token(TENANT, ['collector'], { sub: 'carol' });
  const page = await open('/console', token);
  const row = page.getByTestId('worklist').locator('tr', { hasText: 'Initech GmbH' });
  await row.filter({ hasText: 'Promise to pay 1200.00 EUR falls due today' }).waitFor();
  await screenshot(page, 'console-worklist');

  await row.getByRole('link', { name: 'Initech GmbH' }).first().click();
  await page.getByRole('heading', { name: 'Initech GmbH' }).waitFor();
  await expect(page.getByTestId('call-check').textContent()).resolves.toContain('A call is allowed now.');
  await expect(page.getByTestId('story-promises').textContent()).resolves.toContain('Pending');
  await expect(page.getByTestId('story-disputes').textContent()).resolves.toContain('never arrived');
  await expect(page.getByTestId('story-documents').textContent()).resolves.toContain('delivery-note.pdf');
  await page.getByLabel('Outcome').selectOption('conversation');
  await page.getByLabel('Note', { exact: true }).fill('Confirmed payment of A-2 today.');
  await page.getByRole('button', { name: 'Log call' }).click();
  await page.getByText('Call logged.').waitFor();
  await page.getByTestId('story-activities').getByText('Confirmed payment of A-2 today.').waitFor();
  await screenshot(page, 'console-debtor');

  const activities = await api.request('GET', `/v1/debtors/${debtorId}/activities`, { token: admin });
  expect(activities.body.items[0]).toMatchObject({
    type: 'call',
    outcome: 'conversation',
    source: 'person',
    loggedBy: 'carol',
    text: 'Confirmed payment of A-2 today.',
  });
  await page.context().close();
});

it('a manager answers the dispute and hands the account to another collector', async () => {
  const token = await api.token(TENANT, ['manager'], { sub: 'mia' });
  const page = await open(`/console/debtors/${debtorId}`, token);
  const disputes = page.getByTestId('story-disputes');
  await disputes.getByLabel('Answer').fill('Delivery confirmed by the carrier.');
  await disputes.getByRole('button', { name: 'Reject' }).click();
  await disputes.getByText('rejected').waitFor();
  const dispute = (await api.request('GET', `/v1/debtors/${debtorId}/disputes`, { token: admin })).body
    .items[0];
  expect(dispute).toMatchObject({ status: 'rejected', resolutionNote: 'Delivery confirmed by the carrier.' });

  const assignment = page.getByRole('region', { name: 'Assignment' });
  await assignment.getByLabel('Assigned to').selectOption({ label: 'Dave' });
  await assignment.getByRole('button', { name: 'Assign' }).click();
  await assignment.getByText('✓').waitFor();
  expect((await api.request('GET', `/v1/debtors/${debtorId}`, { token: admin })).body.collectorId).toBe(
    'dave',
  );
  await page.context().close();
});

it('the dashboard shows the figures of GET /v1/metrics', async () => {
  const token = await api.token(TENANT, ['manager'], { sub: 'mia' });
  const page = await open('/console/dashboard', token);
  const figures = page.getByTestId('figures');
  await figures.waitFor();
  const from = await figures.getAttribute('data-from');
  const to = await figures.getAttribute('data-to');
  const currency = await figures.getAttribute('data-currency');
  expect({ to, currency }).toEqual({ to: '2027-03-02', currency: 'EUR' });
  const metrics = (
    await api.request('GET', `/v1/metrics?from=${from}&to=${to}&currency=${currency}`, { token: admin })
  ).body;
  const shown = async (id: string) => (await page.getByTestId(id).textContent())?.trim();
  const fixed = (value: number | null) => (value === null ? 'n/a' : value.toFixed(1));
  expect(await shown('dso')).toBe(fixed(metrics.dso));
  expect(await shown('cei')).toBe(fixed(metrics.cei));
  expect(await shown('add')).toBe(fixed(metrics.averageDaysDelinquent));
  expect(metrics.dso).not.toBeNull();
  const aging = page.getByTestId('aging');
  const euros = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'en-US');
  for (const bucket of ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus']) {
    expect((await aging.locator(`[data-bucket="${bucket}"]`).textContent())?.trim()).toBe(
      euros(metrics.aging[bucket]),
    );
  }
  await screenshot(page, 'console-dashboard');
  await page.context().close();
});

it('a debtor pays online: the provider’s page, then back to the portal with the payment recorded', async () => {
  const token = await api.token(TENANT, ['debtor'], { sub: 'portal-initech', debtorId });
  const page = await open('/portal', token, { width: 390, height: 844 });
  const pay = page.getByRole('region', { name: 'Pay online' });
  await pay.getByLabel('Amount to pay').fill('100');
  await pay.getByRole('button', { name: 'Pay by card' }).click();
  await page.getByRole('heading', { name: 'Pay €100.00' }).waitFor();
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByText('Thank you for your payment').waitFor();
  expect(new URL(page.url()).pathname).toBe('/portal');
  const payments = await api.request('GET', `/v1/debtors/${debtorId}/payments`, { token: admin });
  expect(payments.body.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ amount: 10_000, currency: 'EUR', method: 'card' })]),
  );
  await page.context().close();
});

it('the link in a reminder opens the portal: the message carries it, the browser signs in with it', async () => {
  const tenant = 'web-link-co';
  const manager = await api.token(tenant, ['admin'], { sub: 'admin-2' });
  const template = await api.request('POST', '/v1/templates', {
    token: manager,
    body: {
      key: 'with-link',
      channel: 'email',
      language: 'en',
      subject: 'Your account, {{debtorName}}',
      body: '{{totalOutstanding}} is open. Pay, promise or answer online: {{portalLink}}',
    },
  });
  expect(template.status).toBe(201);
  const policy = await api.request('POST', '/v1/policies', {
    token: manager,
    body: { name: 'With the link', steps: [{ offsetDays: 0, action: 'email', template: 'with-link' }] },
  });
  expect(policy.status).toBe(201);
  const debtor = await api.request('POST', '/v1/debtors', {
    token: manager,
    body: {
      name: 'Linked Ltd',
      kind: 'business',
      email: 'ap@linked.example',
      timezone: 'Europe/London',
      jurisdiction: 'GB',
    },
  });
  const invoice = await api.request('POST', '/v1/invoices', {
    token: manager,
    body: {
      debtorId: debtor.body.id,
      number: 'L-1',
      currency: 'GBP',
      amount: 42_000,
      issueDate: '2027-02-01',
      dueDate: '2027-03-04',
    },
  });
  expect(invoice.status).toBe(201);
  await api.runtime.clock.moveTo(new Date('2027-03-04T12:00:00Z'));

  const sent = (await api.request('GET', `/dev/outbox?debtorId=${debtor.body.id}`)).body.items;
  expect(sent).toHaveLength(1);
  const link = /(http:\/\/localhost:\d+\/portal#link=[A-Za-z0-9_-]+)/.exec(sent[0].body)?.[1];
  expect(link).toBeDefined();

  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(link!.replace('/portal#', '/portal?lang=en#'));
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await expect(page.getByTestId('balances').textContent()).resolves.toContain('£420.00');

  // This creditor offers no plans online: the portal says so, with the reason the API gives.
  const plan = page.getByRole('region', { name: 'Pay in installments' });
  await plan.getByLabel('Number of installments').fill('2');
  await plan.getByLabel('First installment on').fill('2027-03-20');
  await plan.getByRole('button', { name: 'Agree the plan' }).click();
  await plan.getByRole('alert').waitFor();
  await expect(plan.getByRole('alert').textContent()).resolves.toContain(
    'payment plans are agreed with a collector, not online',
  );

  // Once it offers them, the debtor agrees one on their own.
  const rules = { maxInstallments: 6, frequencies: ['monthly'], maxDaysToFirstInstallment: 30 };
  const settings = await api.request('PUT', '/v1/settings', {
    token: manager,
    body: { timezone: 'Europe/London', selfServicePlans: rules },
  });
  expect(settings.status).toBe(200);
  await plan.getByRole('button', { name: 'Agree the plan' }).click();
  await page.getByText('Your payment plan is agreed.').waitFor();
  const plans = await api.request('GET', `/v1/debtors/${debtor.body.id}/plans`, { token: manager });
  expect(plans.body.items).toEqual([
    expect.objectContaining({ total: 42_000, status: 'active', frequency: 'monthly' }),
  ]);
  await context.close();
});

it('staff sign in to the console through the hosted sign-in page (authorization code with PKCE)', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${api.runtime.url}/console?lang=en`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The local stand-in of the user pool's hosted page.
  await page.getByLabel('Tenant').fill(TENANT);
  await page.getByLabel('User').fill('carol');
  await page.getByLabel('Role').selectOption('collector');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Today’s worklist/ }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/console');
  expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('recoup.pkce'))).toBeNull();
  await context.close();
});

it('a manager edits a cadence, saves a new version and reads the simulator’s verdict', async () => {
  const token = await api.token('web-link-co', ['manager'], { sub: 'mo' });
  const page = await open('/console/policies', token);
  const steps = page.getByTestId('policy-steps');
  await steps.waitFor();
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.getByLabel('Action 2').selectOption('sms');
  await page.getByLabel('Day 2').fill('5');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByText('Saved. Running cases keep the version they started with.').waitFor();

  const policies = (await api.request('GET', '/v1/policies', { token })).body.items;
  expect(policies[0]).toMatchObject({
    version: 2,
    steps: [
      expect.objectContaining({ offsetDays: 0, action: 'email', template: 'with-link' }),
      expect.objectContaining({ offsetDays: 5, action: 'sms' }),
    ],
  });

  await page.getByRole('button', { name: /Simulate/ }).click();
  const simulation = page.getByTestId('simulation');
  await simulation.waitFor();
  const expected = (
    await api.request('POST', `/v1/policies/${policies[0].id}/simulate`, {
      token,
      body: { days: 120, sample: { count: 200, seed: 1 } },
    })
  ).body;
  expect(expected.policy.version).toBe(2);
  expect((await page.getByTestId('sim-sent').textContent())?.trim()).toBe(
    `${expected.summary.sent} / ${expected.summary.planned}`,
  );
  expect((await page.getByTestId('sim-lawful').textContent())?.trim()).toBe(expected.lawful ? '✓' : '✗');
  await screenshot(page, 'console-policy');
  await page.context().close();
  // The simulator runs 200 debtors over 120 days twice (the page, then the API to compare).
}, 90_000);

it('an accountant imports a CSV file in the console and sees the row it could not import', async () => {
  const token = await api.token('web-imports-co', ['accountant'], { sub: 'ana' });
  const page = await open('/console/imports', token);
  await page.getByLabel('What the file holds').selectOption('debtors');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'externalRef,name,kind,timezone,jurisdiction\nW-1,Web Ltd,business,Europe/Berlin,DE\nW-2,Nobody,martian,Europe/Berlin,DE\n',
    ),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByTestId('import-status').getByText('completed').waitFor();
  expect(await page.getByTestId('import-counts').textContent()).toContain('created 1');
  const problems = page.getByTestId('import-problems');
  await problems.waitFor();
  expect((await problems.locator('tbody tr').first().textContent())?.startsWith('2kind')).toBe(true);
  const found = await api.request('GET', '/v1/debtors?search=W-1', { token });
  expect(found.body.items).toEqual([expect.objectContaining({ name: 'Web Ltd' })]);
  await screenshot(page, 'console-imports');
  await page.context().close();
});

it('a collector withdraws a promise and ends a plan on the account page, each with a reason', async () => {
  const tenant = 'web-plans-co';
  const owner = await api.token(tenant, ['admin'], { sub: 'owner' });
  const debtor = await api.request('POST', '/v1/debtors', {
    token: owner,
    body: { name: 'Globex GmbH', kind: 'business', timezone: 'Europe/Berlin', jurisdiction: 'DE' },
  });
  const today = api.runtime.clock.now();
  const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const invoices = [];
  for (const number of ['G-1', 'G-2']) {
    const invoice = await api.request('POST', '/v1/invoices', {
      token: owner,
      body: {
        debtorId: debtor.body.id,
        number,
        currency: 'EUR',
        amount: 30_000,
        issueDate: inDays(-40),
        dueDate: inDays(-10),
      },
    });
    invoices.push(invoice.body.id as string);
  }
  const promise = await api.request('POST', `/v1/debtors/${debtor.body.id}/promises`, {
    token: owner,
    body: { currency: 'EUR', amount: 30_000, dueDate: inDays(5) },
  });
  expect(promise.status).toBe(201);
  const plan = await api.request('POST', `/v1/debtors/${debtor.body.id}/plans`, {
    token: owner,
    body: { invoiceIds: [invoices[1]], installments: 3, frequency: 'monthly', firstDueDate: inDays(7) },
  });
  expect(plan.status).toBe(201);

  const token = await api.token(tenant, ['collector'], { sub: 'colin' });
  const page = await open(`/console/debtors/${debtor.body.id}`, token);
  const promises = page.getByTestId('story-promises');
  await promises.getByText('Pending').waitFor();
  await promises.getByLabel('Reason').fill('Recorded on the wrong account');
  await promises.getByRole('button', { name: 'Withdraw promise' }).click();
  await promises.getByText('Cancelled').waitFor();

  const plans = page.getByTestId('story-plans');
  await plans.getByText('Active').waitFor();
  expect(await plans.textContent()).toContain('3 × Monthly');
  await plans.getByLabel('Reason').fill('The customer asked to end it');
  await plans.getByRole('button', { name: 'End plan' }).click();
  await plans.getByText('Cancelled').waitFor();
  await page.context().close();

  const stored = await api.request('GET', `/v1/debtors/${debtor.body.id}/plans`, { token: owner });
  expect(stored.body.items[0]).toMatchObject({
    status: 'cancelled',
    cancellation: { by: 'colin', reason: 'The customer asked to end it' },
  });
  const released = await api.request('GET', `/v1/invoices/${invoices[1]}`, { token: owner });
  expect(released.body.planId).toBeUndefined();
});
