/** A function deployed without a service (the workflow, a queue…) must fail loudly if it reaches for it. */
export function unconfigured<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new Error(`${what} is not configured for this function`)),
  });
}
