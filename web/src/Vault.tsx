import { useCallback, useState, type FormEvent } from 'react';
import type { Credential, NewPaperAccount, Problem } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';
import { useLoaded } from './useLoaded';
import { AddCredential } from './AddCredential';

/**
 * The signed-in person's vault: the broker keys it holds (never a secret, only what names them), and a paper
 * account made and its key stored in one step, another broker's key with the fields it needs, and deleting one.
 */
export function Vault() {
  const { authorized } = useSession();
  const { value: credentials, problem, reload: load, act } = useLoaded(useCallback(
    () => authorized<Credential[]>('GET', '/vault/credentials'), [authorized]));

  /** Asks first: a bot that trades with the key cannot start without it. */
  function remove(credential: Credential) {
    if (!window.confirm(`Delete the key “${credential.label}”? Bots that trade with it cannot start until they get another.`)) {
      return;
    }
    act(() => authorized('DELETE', `/vault/credentials/${credential.id}`));
  }

  return (
    <main>
      <h1>Your vault</h1>
      <p className="hint">Broker keys, sealed so that only your password opens them. Their secrets are never shown again.</p>
      <ProblemMessage problem={problem} />
      {credentials !== null && credentials.length === 0 && <p className="empty">No keys in your vault yet.</p>}
      {credentials !== null && credentials.length > 0 && (
        <table>
          <caption className="visually-hidden">The keys in your vault</caption>
          <thead>
            <tr><th scope="col">Label</th><th scope="col">Broker</th><th scope="col">Fingerprint</th><th scope="col">Added</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {credentials.map((credential) => (
              <tr key={credential.id}>
                <td>{credential.label}</td>
                <td>{credential.broker}</td>
                <td><code>{credential.fingerprint}</code></td>
                <td>{new Date(credential.createdAt).toLocaleDateString()}</td>
                <td>
                  <button type="button" className="secondary" aria-label={`Delete ${credential.label}`}
                          onClick={() => remove(credential)}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddPaperAccount onAdded={load} />
      <AddCredential onAdded={load} />
    </main>
  );
}

/** A practice account on Knag's paper exchange, its key straight into the vault: the secret never shows. */
function AddPaperAccount({ onAdded }: { onAdded: () => void }) {
  const { authorized } = useSession();
  const [label, setLabel] = useState('practice');
  const [balance, setBalance] = useState('10000');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setAdded(null);
    try {
      const account = await authorized<NewPaperAccount>('POST', '/paper/accounts', { label, balances: { USDT: balance } });
      try {
        await authorized('POST', '/vault/credentials', {
          broker: 'paper', label, secrets: { apiKey: account.apiKey, apiSecret: account.apiSecret },
        });
      } catch (error) {
        // A paper account whose key is not in the vault is of no use: taken back.
        await authorized('DELETE', `/paper/accounts/${account.id}`).catch(() => undefined);
        throw error;
      }
      setAdded(label);
      onAdded();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="paper-title">
      <h2 id="paper-title">Add a paper account</h2>
      <p className="hint">Trade with play money on Knag's own exchange, at market prices, before risking any.</p>
      <form onSubmit={submit}>
        <label>
          Label
          <input required maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          Starting balance (USDT)
          <input inputMode="decimal" required pattern="[0-9]+(\.[0-9]+)?" value={balance}
                 onChange={(e) => setBalance(e.target.value)} />
        </label>
        <ProblemMessage problem={problem} />
        {added && <p role="status">The paper account “{added}” is in your vault.</p>}
        <button type="submit" disabled={busy}>Add paper account</button>
      </form>
    </section>
  );
}
