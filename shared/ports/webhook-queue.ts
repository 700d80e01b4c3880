/** Which delivery a webhook queue entry is about: its key only, the sender reads the rest. */
export interface WebhookDeliveryRef {
  tenantId: string;
  webhookId: string;
  deliveryId: string;
}

/** The webhook delivery queue (SQS in AWS, the local queue locally). */
export interface WebhookQueue {
  enqueue(ref: WebhookDeliveryRef): Promise<void>;
  /**
   * Keeps a received entry out of sight until its next attempt is due (SQS visibility timeout),
   * so the one entry carries a delivery through all its retries.
   */
  postpone(receiptHandle: string, delayMs: number): Promise<void>;
}
