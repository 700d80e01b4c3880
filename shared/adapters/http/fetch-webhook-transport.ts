import type { WebhookTransport } from '../../ports/webhook-transport';

/**
 * Posts with Node's fetch, no redirects followed (a redirect could lead the sender somewhere the
 * endpoint's URL check never saw) and the response body discarded unread beyond its status.
 */
export const fetchWebhookTransport: WebhookTransport = {
  async post({ url, body, headers, timeoutMs }) {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answered = { status: response.status, latencyMs: latency() };
      // The body is not read: only the status counts, and a receiver's answer may be large.
      await response.body?.cancel().catch(() => undefined);
      return answered;
    } catch (error) {
      const name = (error as Error).name;
      return {
        latencyMs: latency(),
        error: name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'connection failed',
      };
    }
  },
};
