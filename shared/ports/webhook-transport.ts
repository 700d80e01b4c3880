/** Posts a signed webhook body to an endpoint and reports what happened, never throwing. */
export interface WebhookTransport {
  post(request: {
    url: string;
    body: string;
    headers: Record<string, string>;
    timeoutMs: number;
  }): Promise<{ status?: number; latencyMs: number; error?: string }>;
}
