import { useEffect, useState, type FormEvent } from 'react';
import type { Credential, Problem } from './api';
import { ParamsField, parseParams } from './ParamsField';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

interface Images {
  images: { image: string; prefix: boolean }[];
}

/** What the built-in images take, as a start (bot-images/reference-bot/README.md); any other image starts from {}. */
const EXAMPLES: Record<string, unknown> = {
  'knag/reference-bot': { symbol: 'BTCUSDT', fast: 9, slow: 21, interval: '1m', quoteFraction: 0.1, stopLossPct: 2,
    takeProfitPct: 3 },
};

/**
 * Defining a bot: a name, an image from the operator's allowlist (an entry that is a prefix is completed by hand),
 * a key from the vault, and its parameters as JSON. The platform checks it all; its problems are shown here.
 */
export function NewBot({ onCreated, onCancel }: { onCreated: () => void; onCancel: () => void }) {
  const { authorized } = useSession();
  const [images, setImages] = useState<Images['images']>([]);
  const [credentials, setCredentials] = useState<Credential[]>([]);
  const [name, setName] = useState('');
  const [entry, setEntry] = useState('');
  const [repository, setRepository] = useState('');
  const [credentialId, setCredentialId] = useState('');
  const [params, setParams] = useState('{}');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([authorized<Images>('GET', '/bots/images'), authorized<Credential[]>('GET', '/vault/credentials')])
      .then(([allowed, keys]) => {
        setImages(allowed.images);
        setCredentials(keys);
        if (allowed.images.length > 0) choose(allowed.images[0].image);
        if (keys.length > 0) setCredentialId(keys[0].id);
      })
      .catch((error) => setProblem(asProblem(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [authorized]);

  function choose(image: string) {
    setEntry(image);
    setParams(JSON.stringify(EXAMPLES[image] ?? {}, null, 2));
  }

  const isPrefix = images.find((image) => image.image === entry)?.prefix ?? false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const parsed = parseParams(params);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    setBusy(true);
    try {
      await authorized('POST', '/bots', { name, image: isPrefix ? entry + repository : entry, credentialId, params: parsed.params });
      onCreated();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel wide" aria-labelledby="new-bot-title">
      <h2 id="new-bot-title">New bot</h2>
      {credentials.length === 0 && images.length > 0 && (
        <p className="hint">A bot trades with a key from your vault: add one first (a paper account is enough to try).</p>
      )}
      <form onSubmit={submit}>
        <label>
          Name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Image
          <select value={entry} onChange={(e) => choose(e.target.value)}>
            {images.map((image) => (
              <option key={image.image} value={image.image}>{image.prefix ? `${image.image}… (any repository under it)` : image.image}</option>
            ))}
          </select>
        </label>
        {isPrefix && (
          <label>
            Repository and tag under {entry}
            <input required value={repository} placeholder="grid-bot:1.2" onChange={(e) => setRepository(e.target.value)} />
          </label>
        )}
        <label>
          Key from your vault
          <select required value={credentialId} onChange={(e) => setCredentialId(e.target.value)}>
            {credentials.map((credential) => (
              <option key={credential.id} value={credential.id}>{credential.label} ({credential.broker}, {credential.fingerprint})</option>
            ))}
          </select>
        </label>
        <ParamsField value={params} onChange={(text) => { setParams(text); setProblem(null); }} />
        <ProblemMessage problem={problem} />
        <div className="actions">
          <button type="submit" disabled={busy || credentials.length === 0}>Create bot</button>
          <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
