/**
 * CSV exports through the local runtime, against the JSON API's own figures: the aging report's
 * rows equal each debtor's balances and aging, its totals the portfolio's; a debtor's ledger ends at
 * what the debtor owes; metrics equal GET /v1/metrics — in euros, yen and dinars, each in its own
 * decimals, with a minor-units column beside every amount.
 */
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';
import { parseCsv } from '../support/csv';

let api: TestApi;
let token: string;
const debtors: Record<string, string> = {};

const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

beforeAll(async () => {
  api = await startTestApi();
  await api.runtime.clock.moveTo(new Date('2027-06-15T09:00:00Z'));
  token = await api.token('exports-co', ['accountant']);
  const create = async (name: string, externalRef: string) => {
    const created = await api.request('POST', '/v1/debtors', {
      token,
      body: sampleDebtor({ name, externalRef }),
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  debtors.formula = await create('=HYPERLINK("http://evil.example","Click")', '+49-REF');
  debtors.plain = await create('Initech, "The" Company', 'C-2002');
  const invoice = async (
    debtorId: string,
    number: string,
    currency: string,
    amount: number,
    dueDate: string,
  ) => {
    const created = await api.request('POST', '/v1/invoices', {
      token,
      body: { debtorId, number, currency, amount, issueDate: '2027-01-10', dueDate },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  await invoice(debtors.formula, 'E-1', 'EUR', 125_050, '2027-02-09');
  await invoice(debtors.formula, 'E-2', 'EUR', 60_000, '2027-06-30');
  await invoice(debtors.formula, 'J-1', 'JPY', 150_000, '2027-04-20');
  await invoice(debtors.formula, 'K-1', 'KWD', 1_234_567, '2027-05-25');
  await invoice(debtors.plain, 'E-3', 'EUR', 9_999, '2027-05-01');
  await invoice(debtors.plain, 'K-2', 'KWD', 500, '2027-07-01');
  const pay = async (debtorId: string, currency: string, amount: number) => {
    const paid = await api.request('POST', '/v1/payments', {
      token,
      body: { debtorId, currency, amount, receivedAt: '2027-06-01T10:00:00Z', reference: '@SUM(A1)' },
    });
    expect(paid.status).toBe(201);
  };
  await pay(debtors.formula, 'EUR', 50_000);
  await pay(debtors.formula, 'JPY', 200_000); // more than owed: 50,000 yen of credit
  await pay(debtors.plain, 'KWD', 250);
});
afterAll(() => api.stop());

const csv = async (path: string) => {
  const response = await api.request('GET', path, { token });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return { text: response.body as string, rows: parseCsv(response.body as string), response };
};

describe('CSV exports', () => {
  it('aging: a row per debtor and currency equal to the debtor view, totals equal to the portfolio', async () => {
    const { rows, response, text } = await csv('/v1/exports/aging.csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="aging-2027-06-15.csv"');
    expect(text.split('\r\n')[0]).toBe(
      'row,as_of,debtor_id,debtor_name,external_ref,currency,outstanding,outstanding_minor,overdue,overdue_minor,current,current_minor,d1_30,d1_30_minor,d31_60,d31_60_minor,d61_90,d61_90_minor,d90_plus,d90_plus_minor',
    );
    for (const debtorId of Object.values(debtors)) {
      const view = (await api.request('GET', `/v1/debtors/${debtorId}`, { token })).body;
      expect(view.asOf).toBe('2027-06-15');
      const own = rows.filter((row) => row.row === 'debtor' && row.debtor_id === debtorId);
      expect(own.map((row) => row.currency)).toEqual(view.balances.map((balance: any) => balance.currency));
      for (const balance of view.balances) {
        const row = own.find((candidate) => candidate.currency === balance.currency)!;
        expect(Number(row.outstanding_minor)).toBe(balance.outstanding);
        expect(Number(row.overdue_minor)).toBe(balance.overdue);
        const aging = view.aging.find((entry: any) => entry.currency === balance.currency);
        for (const bucket of BUCKETS) expect(Number(row[`${bucket}_minor`])).toBe(aging[bucket]);
      }
    }
    const portfolio = (await api.request('GET', '/v1/portfolio?asOf=2027-06-15', { token })).body;
    const totals = rows.filter((row) => row.row === 'total');
    expect(totals.map((row) => row.currency)).toEqual(['EUR', 'JPY', 'KWD']);
    for (const book of portfolio.currencies) {
      const total = totals.find((row) => row.currency === book.currency)!;
      expect(Number(total.outstanding_minor)).toBe(book.outstanding);
      expect(Number(total.overdue_minor)).toBe(book.overdue);
      for (const bucket of BUCKETS) expect(Number(total[`${bucket}_minor`])).toBe(book.aging[bucket]);
      // The debtor rows add up to the total.
      const sum = rows
        .filter((row) => row.row === 'debtor' && row.currency === book.currency)
        .reduce((owed, row) => owed + Number(row.outstanding_minor), 0);
      expect(sum).toBe(book.outstanding);
    }
    // Each currency in its own decimals.
    expect(totals.map((row) => [row.currency, row.outstanding])).toEqual([
      ['EUR', '1450.49'],
      ['JPY', '0'],
      ['KWD', '1234.817'],
    ]);
    // A name that is a formula is defused, and names with commas and quotes survive quoting.
    const names = rows.filter((row) => row.row === 'debtor').map((row) => row.debtor_name);
    expect(names).toContain('\'=HYPERLINK("http://evil.example","Click")');
    expect(names).toContain('Initech, "The" Company');
    expect(rows.find((row) => row.debtor_id === debtors.formula)!.external_ref).toBe("'+49-REF");
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
  });

  it('aging: one currency, at an earlier date', async () => {
    const { rows } = await csv('/v1/exports/aging.csv?currency=KWD&asOf=2027-05-31');
    expect(rows.map((row) => [row.row, row.currency, row.outstanding, row.current, row.d1_30])).toEqual([
      ['debtor', 'KWD', '1234.567', '0.000', '1234.567'],
      ['debtor', 'KWD', '0.500', '0.500', '0.000'],
      ['total', 'KWD', '1235.067', '0.500', '1234.567'],
    ]);
  });

  it('ledger: every line in date order with a running balance ending at what the debtor owes', async () => {
    const { rows, response } = await csv(`/v1/debtors/${debtors.formula}/ledger.csv`);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ledger-${debtors.formula}.csv"`,
    );
    const view = (await api.request('GET', `/v1/debtors/${debtors.formula}`, { token })).body;
    for (const currency of ['EUR', 'JPY', 'KWD']) {
      const lines = rows.filter((row) => row.currency === currency);
      const owed = view.balances.find((balance: any) => balance.currency === currency)?.outstanding ?? 0;
      const credit = view.credits.find((entry: any) => entry.currency === currency)?.amount ?? 0;
      expect(Number(lines.at(-1)!.balance_minor)).toBe(owed - credit);
      // Each balance is the one before plus the debit, less the credit.
      let running = 0;
      for (const line of lines) {
        running += Number(line.debit_minor || 0) - Number(line.credit_minor || 0);
        expect(Number(line.balance_minor)).toBe(running);
      }
    }
    expect(rows.map((row) => [row.date, row.type, row.currency, row.debit, row.credit, row.balance])).toEqual(
      [
        ['2027-01-10', 'invoice', 'EUR', '1250.50', '', '1250.50'],
        ['2027-01-10', 'invoice', 'EUR', '600.00', '', '1850.50'],
        ['2027-06-01', 'payment', 'EUR', '', '500.00', '1350.50'],
        ['2027-01-10', 'invoice', 'JPY', '150000', '', '150000'],
        ['2027-06-01', 'payment', 'JPY', '', '200000', '-50000'],
        ['2027-01-10', 'invoice', 'KWD', '1234.567', '', '1234.567'],
      ],
    );
    // The payment's reference is what someone typed: defused.
    expect(rows.find((row) => row.type === 'payment')!.reference).toBe("'@SUM(A1)");
  });

  it('metrics: the figures of GET /v1/metrics, per month with a granularity', async () => {
    const query = 'from=2027-01-01&to=2027-06-15&currency=KWD&granularity=month';
    const json = (await api.request('GET', `/v1/metrics?${query}`, { token })).body;
    const { rows } = await csv(`/v1/exports/metrics.csv?${query}`);
    expect(rows.map((row) => row.row)).toEqual(['period', ...json.series.map(() => 'month')]);
    const [period] = rows;
    expect(period).toMatchObject({ from: '2027-01-01', to: '2027-06-15', currency: 'KWD' });
    expect(Number(period!.ar_end_minor)).toBe(json.inputs.arEnd);
    expect(period!.ar_end).toBe((json.inputs.arEnd / 1000).toFixed(3));
    expect(Number(period!.collections_minor)).toBe(json.inputs.collections);
    for (const bucket of BUCKETS) expect(Number(period![`aging_${bucket}_minor`])).toBe(json.aging[bucket]);
    expect(period!.dso === '' ? null : Number(period!.dso)).toBe(json.dso);
    expect(period!.cei === '' ? null : Number(period!.cei)).toBe(json.cei);
  });

  it("answers 404 for another tenant's debtor and refuses the debtor role", async () => {
    const stranger = await api.token('someone-else', ['admin']);
    const ledger = await api.request('GET', `/v1/debtors/${debtors.plain}/ledger.csv`, { token: stranger });
    expect(ledger.status).toBe(404);
    expect(ledger.headers.get('content-type')).toBe('application/problem+json');
    const portal = await api.token('exports-co', ['debtor'], { debtorId: debtors.plain });
    expect((await api.request('GET', '/v1/exports/aging.csv', { token: portal })).status).toBe(403);
    const empty = await api.request('GET', '/v1/exports/aging.csv', { token: stranger });
    expect(empty.body).toBe(
      'row,as_of,debtor_id,debtor_name,external_ref,currency,outstanding,outstanding_minor,overdue,overdue_minor,current,current_minor,d1_30,d1_30_minor,d31_60,d31_60_minor,d61_90,d61_90_minor,d90_plus,d90_plus_minor\r\n',
    );
  });
});
