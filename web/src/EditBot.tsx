import { useState, type FormEvent } from 'react';
import type { BotDetails, Problem } from './api';
import { ParamsField, parseParams } from './ParamsField';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

/** Changing a stopped bot: its name and its parameters (JSON). The platform checks them as at its creation. */
export function EditBot({ bot, onDone }: { bot: BotDetails; onDone: () => void }) {
  const { authorized } = useSession();
  const [name, setName] = useState(bot.name);
  const [params, setParams] = useState(JSON.stringify(bot.params ?? {}, null, 2));
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseParams(params);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    try {
      await authorized('PATCH', `/bots/${bot.id}`, { name, params: parsed.params });
      onDone();
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  return (
    <section className="panel wide" aria-labelledby="edit-title">
      <h2 id="edit-title">Change {bot.name}</h2>
      <form onSubmit={submit}>
        <label>
          Name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ParamsField value={params} onChange={(text) => { setParams(text); setProblem(null); }} />
        <ProblemMessage problem={problem} />
        <div className="actions">
          <button type="submit">Save changes</button>
          <button type="button" className="secondary" onClick={onDone}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
