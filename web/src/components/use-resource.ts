import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../api/client';

export interface Resource<T> {
  data: T | undefined;
  error: ApiProblem | Error | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads what a page shows; `reload` after an action changes it. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
