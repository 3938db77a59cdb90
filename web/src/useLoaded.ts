import { useCallback, useEffect, useState } from 'react';
import type { Problem } from './api';
import { asProblem } from './ProblemMessage';

/**
 * What a page shows, loaded by {@code load} now and, with {@code refreshMs}, again every so often (live updates
 * over the gateway are not built yet). {@code act} runs one of the page's actions and then loads again (or runs
 * {@code then}). The problem shown is the last action's, until the next action, else the last load's, until a
 * load succeeds: a refresh does not wipe out what a failed action had to say.
 */
export function useLoaded<T>(load: () => Promise<T>, refreshMs?: number) {
  const [value, setValue] = useState<T | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);

  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setLoadProblem(null);
    } catch (error) {
      setLoadProblem(asProblem(error));
    }
  }, [load]);

  useEffect(() => {
    reload();
    if (!refreshMs) return undefined;
    const timer = window.setInterval(reload, refreshMs);
    return () => window.clearInterval(timer);
  }, [reload, refreshMs]);

  const act = useCallback(async (action: () => Promise<unknown>, then?: () => void) => {
    setActionProblem(null);
    try {
      await action();
    } catch (error) {
      setActionProblem(asProblem(error));
      return;
    }
    if (then) then(); else await reload();
  }, [reload]);

  return { value, problem: actionProblem ?? loadProblem, reload, act };
}
