import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, type Problem, type RecoveryCode } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';

/** A lost password: the recovery code sets a new one (the vault is kept) and a new code is shown, once. */
export function Recover() {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [next, setNext] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const body = { email, recoveryCode: code, newPassword: password };
    setPassword('');
    try {
      setNext((await call<RecoveryCode>('POST', '/auth/recover', { body })).recoveryCode);
      setCode('');
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  if (next) {
    return (
      <main className="narrow">
        <h1>Your password is set</h1>
        <p>Your vault is as it was. The recovery code you used no longer works: here is your new one, shown once.</p>
        <p className="code" aria-label="Your new recovery code">{next}</p>
        <p><Link className="button" to="/signin">Sign in</Link></p>
      </main>
    );
  }
  return (
    <main className="narrow">
      <h1>Recover your account</h1>
      <form onSubmit={submit}>
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Recovery code
          <input required autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <label>
          New password
          <input type="password" autoComplete="new-password" required minLength={12} value={password}
                 onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ProblemMessage problem={problem} />
        <button type="submit">Set the new password</button>
      </form>
      <p><Link to="/signin">Back to sign in</Link></p>
    </main>
  );
}
