import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { Bot, Portfolio } from './api';
import { canStart, canStop, stateWords } from './botStates';
import { money } from './format';
import { NewBot } from './NewBot';
import { ProblemMessage } from './ProblemMessage';
import { useSession } from './session';
import { StartBot } from './StartBot';
import { useLoaded } from './useLoaded';

const REFRESH_MS = 5000;

/**
 * The signed-in person's bots, refreshed every few seconds (live updates over the gateway are not built yet),
 * with Start (which asks for the password) and Stop.
 */
export function Bots() {
  const { authorized } = useSession();
  const [starting, setStarting] = useState<Bot | null>(null);
  const [defining, setDefining] = useState(false);
  const { value, problem, reload: load, act } = useLoaded(useCallback(async () => {
    const [list, results] = await Promise.all([authorized<Bot[]>('GET', '/bots'),
      authorized<Portfolio>('GET', '/portfolio').catch(() => null)]);
    return { bots: list, results };
  }, [authorized]), REFRESH_MS);
  const bots = value?.bots ?? null;
  const results = value?.results ?? null;

  const stop = (bot: Bot) => act(() => authorized('POST', `/bots/${bot.id}/stop`));

  return (
    <main>
      <h1>Your bots</h1>
      <ProblemMessage problem={problem} />
      {!defining && <button type="button" onClick={() => setDefining(true)}>New bot</button>}
      {defining && <NewBot onCreated={() => { setDefining(false); load(); }} onCancel={() => setDefining(false)} />}
      {starting && <StartBot bot={starting} onDone={() => { setStarting(null); load(); }} />}
      {bots === null && !problem && <p>Loading your bots…</p>}
      {bots !== null && bots.length === 0 && (
        <p className="empty">No bots yet.</p>
      )}
      {bots !== null && bots.length > 0 && (
        <table className="bots">
          <caption className="visually-hidden">Your bots and their state</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Image</th><th scope="col">State</th><th scope="col">Health</th>
              <th scope="col">Last heartbeat</th><th scope="col">Realized P&amp;L</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {bots.map((bot) => (
              <tr key={bot.id}>
                <td><Link to={`/bots/${bot.id}`}>{bot.name}</Link></td>
                <td><code>{bot.image}</code></td>
                <td><span className={`state state-${bot.state.toLowerCase()}`}>{stateWords(bot)}</span></td>
                <td>{bot.health ?? '—'}</td>
                <td>{bot.lastHeartbeatAt ? new Date(bot.lastHeartbeatAt).toLocaleString() : '—'}</td>
                <td>{pnl(results, bot.id)}</td>
                <td>
                  {canStart(bot) && <button type="button" aria-label={`Start ${bot.name}`}
                                            onClick={() => setStarting(bot)}>Start</button>}
                  {canStop(bot) && <button type="button" className="secondary" aria-label={`Stop ${bot.name}`}
                                           onClick={() => stop(bot)}>Stop</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function pnl(portfolio: Portfolio | null, botId: string): string {
  const entry = portfolio?.bots.find((bot) => bot.botId === botId);
  return entry ? money(entry.realizedPnl, entry.equityAsset ?? '') : '—';
}
