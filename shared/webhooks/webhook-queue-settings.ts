/**
 * The webhook queue's settings, one source for the CDK construct and the local queue. Receives of
 * one entry: one per attempt (8, see webhook-retry.ts) plus a few for claims still held; 30 leaves
 * room before an entry is dead-lettered, and a visibility timeout above the sender's 60 s timeout
 * means an entry is never handed to a second sender while the first still runs.
 */
export const WEBHOOK_QUEUE_VISIBILITY_TIMEOUT_MS = 2 * 60_000;
export const WEBHOOK_QUEUE_MAX_RECEIVES = 30;
