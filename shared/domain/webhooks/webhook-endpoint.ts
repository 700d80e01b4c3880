/**
 * A tenant's webhook endpoint: where events go, which ones, and the secret they are signed with.
 * The secret is shown once (on creation and on rotation) and never appears in a view or an audit
 * record.
 */
import { ValidationError } from '../errors';
import type { WebhookEventType } from './webhook-event';

export type WebhookStatus = 'enabled' | 'disabled';

/** Deliveries in a row that failed for good before the endpoint is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;

export interface WebhookEndpoint {
  id: string;
  tenantId: string;
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
  status: WebhookStatus;
  /** Why it was disabled, when the platform disabled it. */
  disabledReason?: string;
  secret: string;
  secretRotatedAt?: string;
  /** Deliveries in a row that failed after every retry; a success resets it. */
  consecutiveFailures: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

/** The endpoint without its secret: what views and audit records show. */
export type WebhookEndpointView = Omit<WebhookEndpoint, 'secret' | 'tenantId'>;

export function endpointView(endpoint: WebhookEndpoint): WebhookEndpointView {
  const { secret: _secret, tenantId: _tenantId, ...view } = endpoint;
  return view;
}

export type UrlPolicy = 'https_only' | 'https_or_local_http';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * HTTPS in AWS, and never a loopback, private or link-local address there: the sender must not
 * become a way into the platform's own network. Locally `http://localhost` is allowed too, so a
 * developer's receiver can listen on their machine.
 */
export function checkEndpointUrl(text: string, policy: UrlPolicy): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError([{ path: 'url', message: 'must be an absolute URL' }]);
  }
  const host = url.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host);
  if (url.username || url.password) {
    throw new ValidationError([{ path: 'url', message: 'must not carry credentials' }]);
  }
  if (policy === 'https_or_local_http' && local && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return url.toString();
  }
  if (url.protocol !== 'https:') {
    throw new ValidationError([
      {
        path: 'url',
        message: policy === 'https_only' ? 'must use https' : 'must use https (or http://localhost locally)',
      },
    ]);
  }
  if (local || isPrivateAddress(host)) {
    throw new ValidationError([{ path: 'url', message: 'must not point at a private or loopback address' }]);
  }
  return url.toString();
}

function isPrivateAddress(host: string): boolean {
  if (host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  // IPv6 literals: loopback, unique-local and link-local ranges, and IPv4-mapped addresses.
  if (host.startsWith('[')) return /^\[(::1?|f[cd]|fe[89ab]|::ffff:)/i.test(host);
  return false;
}

export function subscribes(endpoint: WebhookEndpoint, type: WebhookEventType): boolean {
  return endpoint.status === 'enabled' && endpoint.eventTypes.includes(type);
}
