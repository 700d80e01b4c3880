/** The CLI's view of the HTTP API: a base URL, a bearer token, JSON in and out, problems as errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { title?: string; detail?: string; errors?: { path: string; message: string }[] },
  ) {
    const fields = (problem.errors ?? []).map((error) => `\n  ${error.path}: ${error.message}`).join('');
    super(`${status} ${problem.title ?? ''}${problem.detail ? `: ${problem.detail}` : ''}${fields}`);
    this.name = 'ApiError';
  }
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /**
   * A token for the local runtime (`npm start`): issued by its development issuer. The deployed
   * API has no such route; there a token comes from sign-in (RECOUP_TOKEN).
   */
  static async withLocalToken(baseUrl: string, tenantId: string): Promise<ApiClient> {
    const response = await fetch(new URL('/dev/token', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId, roles: ['admin'], sub: `${tenantId}-cli` }),
    });
    if (!response.ok) {
      throw new Error(
        `No token given (--token or RECOUP_TOKEN) and ${baseUrl} issues none: ${response.status}`,
      );
    }
    return new ApiClient(baseUrl, ((await response.json()) as { token: string }).token);
  }

  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.send(method, path, body, headers);
    return (await response.json()) as T;
  }

  async text(path: string): Promise<string> {
    return (await this.send('GET', path)).text();
  }

  private async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as never);
    return response;
  }
}
