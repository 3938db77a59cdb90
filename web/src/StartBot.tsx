import { useState, type FormEvent } from 'react';
import type { Bot, Problem } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

/**
 * Starting a bot asks for the password: it opens the bot's credential in the vault for this one launch. The
 * password goes in the one request and is cleared from the page at once, whatever the answer.
 */
export function StartBot({ bot, onDone }: { bot: Bot; onDone: () => void }) {
  const { authorized } = useSession();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = password;
    setPassword('');
    setBusy(true);
    setProblem(null);
    try {
      await authorized('POST', `/bots/${bot.id}/start`, { password: typed });
      onDone();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="start-title">
      <h2 id="start-title">Start {bot.name}</h2>
      <form onSubmit={submit}>
        <label>
          Your password
          <input type="password" autoComplete="current-password" required autoFocus value={password}
                 aria-describedby="start-hint" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <p id="start-hint" className="hint">It opens this bot's broker key in your vault for this launch only; Knag does not keep it.</p>
        <ProblemMessage problem={problem} />
        <div className="actions">
          <button type="submit" disabled={busy}>Start</button>
          <button type="button" className="secondary" onClick={onDone}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
