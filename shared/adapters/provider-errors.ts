/**
 * Sorting a provider's failure into what the sender can do about it. An error the service
 * answered with (it carries an HTTP status) means the message was not taken: permanent for the
 * names given (a bad address), to be retried otherwise. Anything without an answer — a timeout, a
 * dropped connection — is rethrown as it is: the provider may have taken the message.
 */
import { ProviderRefusedError, UndeliverableMessageError } from '../ports/channel-sender';

interface ServiceAnswer {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

function isServiceAnswer(error: unknown): error is ServiceAnswer {
  const metadata = (error as ServiceAnswer | undefined)?.$metadata;
  return error instanceof Error && typeof metadata?.httpStatusCode === 'number';
}

export function classifyProviderError(error: unknown, permanent: readonly string[]): Error {
  if (!isServiceAnswer(error)) return error instanceof Error ? error : new Error(String(error));
  if (permanent.includes(error.name)) return new UndeliverableMessageError(`${error.name}: ${error.message}`);
  return new ProviderRefusedError(`${error.name}: ${error.message}`);
}
