import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Problem } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

export function SignIn() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email, password);
      navigate('/bots');
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main className="narrow">
      <h1>Sign in to Knag</h1>
      {notice && <p role="status" className="notice">{notice}</p>}
      <form onSubmit={submit} aria-describedby="sign-in-problem">
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password}
                 onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div id="sign-in-problem"><ProblemMessage problem={problem} /></div>
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
      <p>New here? <Link to="/signup">Sign up</Link></p>
      <p>Lost your password? <Link to="/recover">Recover your account</Link> with your recovery code.</p>
    </main>
  );
}
