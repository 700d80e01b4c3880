import type * as z from 'zod/mini';

/** A queue message's body read against its schema; undefined when it is not JSON or not that shape. */
export function parseQueueMessage<T>(schema: z.ZodMiniType<T>, body: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
