import { useEffect, useState } from 'react';
import type { Bot, Problem } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

const REFRESH_MS = 5000;

/** The signed-in person's bots, refreshed every few seconds (live updates over the gateway are not built yet). */
export function Bots() {
  const { authorized } = useSession();
  const [bots, setBots] = useState<Bot[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let stopped = false;
    async function load() {
      try {
        const list = await authorized<Bot[]>('GET', '/bots');
        if (!stopped) {
          setBots(list);
          setProblem(null);
        }
      } catch (error) {
        if (!stopped) setProblem(asProblem(error));
      }
    }
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [authorized]);

  return (
    <main>
      <h1>Your bots</h1>
      <ProblemMessage problem={problem} />
      {bots === null && !problem && <p>Loading your bots…</p>}
      {bots !== null && bots.length === 0 && (
        <p className="empty">No bots yet. Creating bots from this page is not built yet: see docs/api/bots.md to create one with the API.</p>
      )}
      {bots !== null && bots.length > 0 && (
        <table>
          <caption className="visually-hidden">Your bots and their state</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Image</th><th scope="col">State</th><th scope="col">Health</th>
              <th scope="col">Last heartbeat</th></tr>
          </thead>
          <tbody>
            {bots.map((bot) => (
              <tr key={bot.id}>
                <td>{bot.name}</td>
                <td><code>{bot.image}</code></td>
                <td><span className={`state state-${bot.state.toLowerCase()}`}>{stateWords(bot)}</span></td>
                <td>{bot.health ?? '—'}</td>
                <td>{bot.lastHeartbeatAt ? new Date(bot.lastHeartbeatAt).toLocaleString() : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function stateWords(bot: Bot): string {
  const words = { CREATED: 'Not started', STARTING: 'Starting', RUNNING: 'Running', STOPPING: 'Stopping',
    STOPPED: 'Stopped', FAILED: 'Failed' }[bot.state];
  return bot.deleting ? `${words}, being deleted` : words;
}
