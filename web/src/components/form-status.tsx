import { ApiProblem } from '../api/client';

/** What a form says after it is sent: done, or the API's reasons, announced to screen readers. */
export function FormStatus({ done, error, doneText }: { done: boolean; error: unknown; doneText: string }) {
  if (error) {
    const problem = error instanceof ApiProblem ? error : undefined;
    return (
      <div role="alert" class="status error">
        <p>{problem?.title ?? String(error)}</p>
        {problem && problem.fields.length > 0 ? (
          <ul>
            {problem.fields.map((field) => (
              <li key={field.path}>
                <code>{field.path}</code>: {field.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return done ? (
    <p role="status" class="status ok">
      {doneText}
    </p>
  ) : null;
}
