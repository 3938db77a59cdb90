import { ProblemError, type Problem } from './api';

/** A failure in plain words, next to what caused it: the problem's title, its detail and what was wrong with each field. */
export function ProblemMessage({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div className="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail && problem.detail !== problem.title && <p>{problem.detail}</p>}
      {problem.violations && problem.violations.length > 0 && (
        <ul>
          {problem.violations.map((violation) => (
            <li key={violation.field}>{violation.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function asProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  return { status: 0, type: 'about:blank', title: 'Something went wrong in this page', detail: String(error) };
}
