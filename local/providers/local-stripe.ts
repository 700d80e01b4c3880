/**
 * A local stand-in of the part of the Stripe API Recoup uses, so the real Stripe client and our
 * adapter run unchanged: `POST /v1/checkout/sessions` (form-encoded, Idempotency-Key honoured),
 * a hosted checkout page with a Pay button, and on paying a `checkout.session.completed` event
 * signed as Stripe signs webhooks (`Stripe-Signature`, HMAC-SHA256 with the endpoint secret),
 * posted to the webhook URL before the payer is sent back to the success URL.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import type { Clock } from '../../shared/ports/clock';
import { listenLocally, type LocalHttpServer } from './local-http-server';
import { requestBody } from './request-body';
import { isCurrencyCode } from '../../shared/domain/money/currencies';
import { formatMoney } from '../../shared/domain/money/money';

export const LOCAL_STRIPE_SECRET_KEY = 'sk_test_local_recoup';
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_local_recoup';

interface Session {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  url: string;
  livemode: false;
  created: number;
  description: string;
}

export class LocalStripe {
  private server: LocalHttpServer | undefined;
  private readonly sessions = new Map<string, Session>();
  private readonly byIdempotencyKey = new Map<string, string>();
  port = 0;
  /** Where paid events go (the API's webhook route), set once the API listens. */
  webhookUrl = '';

  constructor(private readonly clock: Clock) {}

  async start(): Promise<number> {
    this.server = await listenLocally(
      (request, response) => this.handle(request, response),
      (response, error) => stripeError(response, 500, 'api_error', String(error)),
    );
    this.port = this.server.port;
    return this.port;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await requestBody(request)).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      if (request.headers.authorization !== `Bearer ${LOCAL_STRIPE_SECRET_KEY}`) {
        return stripeError(response, 401, 'invalid_request_error', 'Invalid API Key provided');
      }
      return this.createSession(new URLSearchParams(body), request.headers['idempotency-key'], response);
    }
    const page = /^\/checkout\/(cs_test_\w+)(\/pay)?$/u.exec(url.pathname);
    const session = page ? this.sessions.get(page[1]!) : undefined;
    if (session && request.method === 'GET' && !page![2]) return checkoutPage(session, response);
    if (session && request.method === 'POST' && page![2]) return this.pay(session, response);
    stripeError(
      response,
      404,
      'invalid_request_error',
      `Unrecognized request URL (${request.method}: ${url.pathname})`,
    );
  }

  private createSession(
    form: URLSearchParams,
    idempotencyKey: string | string[] | undefined,
    response: ServerResponse,
  ) {
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : undefined;
    const known = key ? this.byIdempotencyKey.get(key) : undefined;
    if (known) return answer(response, 200, this.sessions.get(known));
    const amount = Number(form.get('line_items[0][price_data][unit_amount]'));
    const currency = form.get('line_items[0][price_data][currency]') ?? '';
    if (!Number.isSafeInteger(amount) || amount < 1 || !/^[a-z]{3}$/u.test(currency)) {
      return stripeError(response, 400, 'invalid_request_error', 'Invalid line_items[0][price_data]');
    }
    const metadata: Record<string, string> = {};
    for (const [name, value] of form) {
      const match = /^metadata\[(\w+)\]$/u.exec(name);
      if (match) metadata[match[1]!] = value;
    }
    const id = `cs_test_${randomUUID().replaceAll('-', '')}`;
    const session: Session = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency,
      client_reference_id: form.get('client_reference_id'),
      customer_email: form.get('customer_email'),
      metadata,
      success_url: form.get('success_url') ?? '',
      cancel_url: form.get('cancel_url') ?? '',
      url: `http://127.0.0.1:${this.port}/checkout/${id}`,
      livemode: false,
      created: Math.floor(this.clock.now().getTime() / 1000),
      description: form.get('line_items[0][price_data][product_data][name]') ?? '',
    };
    this.sessions.set(id, session);
    if (key) this.byIdempotencyKey.set(key, id);
    answer(response, 200, session);
  }

  private async pay(session: Session, response: ServerResponse): Promise<void> {
    if (session.payment_status !== 'paid') {
      session.status = 'complete';
      session.payment_status = 'paid';
      const payload = JSON.stringify({
        id: `evt_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        api_version: '2025-01-01',
        type: 'checkout.session.completed',
        created: Math.floor(this.clock.now().getTime() / 1000),
        livemode: false,
        data: { object: session },
      });
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: LOCAL_STRIPE_WEBHOOK_SECRET,
        timestamp: Math.floor(Date.now() / 1000),
      });
      const delivered = await fetch(this.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      });
      if (!delivered.ok) throw new Error(`The webhook answered ${delivered.status}`);
    }
    response.writeHead(303, { location: session.success_url });
    response.end();
  }
}

function checkoutPage(session: Session, response: ServerResponse): void {
  const currency = session.currency.toUpperCase();
  const amount = isCurrencyCode(currency)
    ? formatMoney({ amount: session.amount_total, currency }, 'en-US')
    : `${session.amount_total} ${currency}`;
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (local)</title></head>
<body><main><h1>Pay ${amount}</h1><p>${escape(session.description)}</p>
<form method="post" action="/checkout/${session.id}/pay"><button type="submit">Pay</button></form>
<p><a href="${escape(session.cancel_url)}">Cancel</a></p></main></body></html>`);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => `&#${char.charCodeAt(0)};`);
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomUUID()}` });
  response.end(JSON.stringify(body));
}

function stripeError(response: ServerResponse, status: number, type: string, message: string): void {
  answer(response, status, { error: { type, message } });
}
