import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, type Problem, type Registered } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

/**
 * Sign up, then the recovery code, shown once: the only way back into an account (and its vault) whose password
 * is lost. The person must say they saved it before going on; the page forgets it then.
 */
export function SignUp() {
  const { signIn } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const registered = await call<Registered>('POST', '/auth/register', { body: { email, password, displayName } });
      await signIn(email, password);
      setRecoveryCode(registered.recoveryCode);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setPassword('');
      setBusy(false);
    }
  }

  if (recoveryCode) {
    return <SaveRecoveryCode code={recoveryCode} />;
  }
  return (
    <main className="narrow">
      <h1>Sign up for Knag</h1>
      <form onSubmit={submit}>
        <label>
          Your name
          <input autoComplete="name" required maxLength={100} value={displayName}
                 onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label>
          Email
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="new-password" required minLength={12} value={password}
                 aria-describedby="password-hint" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <p id="password-hint" className="hint">
          At least 12 characters; a few words you will remember are best. It also opens your vault of broker keys, and
          the server never learns it.
        </p>
        <ProblemMessage problem={problem} />
        <button type="submit" disabled={busy}>Sign up</button>
      </form>
      <p>Already have an account? <Link to="/signin">Sign in</Link></p>
    </main>
  );
}

function SaveRecoveryCode({ code }: { code: string }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <main className="narrow">
      <h1>Save your recovery code</h1>
      <p>
        If you forget your password, this code is the only way back into your account and your vault. It is shown
        once, now: write it down or keep it in a password manager.
      </p>
      <p className="code" aria-label="Your recovery code">{code}</p>
      <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy the code'}</button>
      <label className="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        I have saved my recovery code
      </label>
      {saved ? <Link className="button" to="/bots">Continue to my bots</Link>
        : <p className="hint">Tick the box once the code is safe, to go on.</p>}
    </main>
  );
}
