import { useEffect, useState, type FormEvent } from 'react';
import type { Credential, Problem } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

export interface Broker {
  id: string;
  name: string;
  fields: { name: string; required: boolean }[];
}

/**
 * A broker's key into the vault, with the fields that broker needs (GET /api/v1/vault/brokers). Where the broker
 * can say what a key may do, the vault asks it first and refuses a key that can withdraw: that refusal, like every
 * other, is shown here in the platform's words. Secrets leave the page with the request.
 */
export function AddCredential({ onAdded }: { onAdded: () => void }) {
  const { authorized } = useSession();
  const [brokers, setBrokers] = useState<Broker[]>([]);
  const [broker, setBroker] = useState('');
  const [label, setLabel] = useState('');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authorized<Broker[]>('GET', '/vault/brokers').then((all) => {
      setBrokers(all);
      if (all.length > 0) setBroker(all[0].id);
    }).catch((error) => setProblem(asProblem(error)));
  }, [authorized]);

  const fields = brokers.find((candidate) => candidate.id === broker)?.fields ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const filled = Object.fromEntries(fields.map((field) => [field.name, secrets[field.name] ?? ''])
      .filter(([, value]) => value !== ''));
    setSecrets({});
    setBusy(true);
    try {
      await authorized<Credential>('POST', '/vault/credentials', { broker, label, secrets: filled });
      setLabel('');
      onAdded();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="add-key-title">
      <h2 id="add-key-title">Add a broker key</h2>
      <form onSubmit={submit}>
        <label>
          Broker
          <select value={broker} onChange={(e) => { setBroker(e.target.value); setSecrets({}); }}>
            {brokers.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
          </select>
        </label>
        <label>
          Label
          <input required maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        {fields.map((field) => (
          <label key={field.name}>
            {field.name}{field.required ? '' : ' (optional)'}
            <input type="password" autoComplete="off" spellCheck={false} required={field.required}
                   value={secrets[field.name] ?? ''}
                   onChange={(e) => setSecrets({ ...secrets, [field.name]: e.target.value })} />
          </label>
        ))}
        <ProblemMessage problem={problem} />
        <button type="submit" disabled={busy}>Add credential</button>
      </form>
    </section>
  );
}
