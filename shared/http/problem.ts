/** RFC 7807 problem details: every error the API returns has this shape. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FieldIssue } from '../domain/errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
}

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'The request is not valid'],
  401: ['unauthenticated', 'A valid bearer token is required'],
  403: ['forbidden', 'Your role does not allow this'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'The resource changed or already exists'],
  413: ['payload-too-large', 'The request body is too large'],
  415: ['unsupported-media-type', 'Send JSON (application/json)'],
  422: ['rule-violation', 'A business rule refuses this request'],
  502: ['bad-gateway', 'A service we depend on failed'],
  503: ['service-unavailable', 'Try again later'],
  428: ['precondition-required', 'This request needs a precondition'],
  500: ['internal-error', 'Something went wrong on our side'],
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail?: string,
    readonly errors?: FieldIssue[],
    /** Headers the answer carries (`Retry-After` on a 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? TITLES[status]?.[1] ?? 'Error');
    this.name = 'HttpProblem';
  }

  toProblem(): Problem {
    return problem(this.status, this.message, this.errors);
  }
}

export function problem(status: number, detail?: string, errors?: FieldIssue[]): Problem {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  return {
    type: `https://recoup.dev/problems/${slug}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemResponse(
  value: Problem,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: value.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(value),
  };
}
