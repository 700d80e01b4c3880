import { useState } from 'preact/hooks';

/** A form's send: one request at a time, the outcome kept for FormStatus. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [state, setState] = useState<{ busy: boolean; done: boolean; error?: unknown }>({
    busy: false,
    done: false,
  });
  const submit = async (...args: A) => {
    if (state.busy) return;
    setState({ busy: true, done: false });
    try {
      await action(...args);
      setState({ busy: false, done: true });
    } catch (error) {
      setState({ busy: false, done: false, error });
    }
  };
  return { ...state, submit };
}
