import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Account, Problem } from './api';
import { ProblemMessage, asProblem } from './ProblemMessage';
import { useSession } from './session';

/** The signed-in person's account: their name, their password (the vault follows it), and deleting it all. */
export function AccountPage() {
  const { session } = useSession();
  if (!session) return null;
  return (
    <main className="narrow">
      <h1>Your account</h1>
      <p>{session.account.email}</p>
      <DisplayName account={session.account} />
      <ChangePassword />
      <DeleteAccount />
    </main>
  );
}

function DisplayName({ account }: { account: Account }) {
  const { authorized, renamed } = useSession();
  const [name, setName] = useState(account.displayName);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    try {
      renamed(await authorized<Account>('PATCH', '/users/me', { displayName: name }));
      setDone(true);
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  return (
    <section className="panel" aria-labelledby="name-title">
      <h2 id="name-title">Your name</h2>
      <form onSubmit={submit}>
        <label>
          Display name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ProblemMessage problem={problem} />
        {done && <p role="status">Saved.</p>}
        <button type="submit">Save name</button>
      </form>
    </section>
  );
}

function ChangePassword() {
  const { authorized, signOut } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const body = { currentPassword: current, newPassword: next };
    setCurrent('');
    setNext('');
    try {
      await authorized('POST', '/users/me/password', body);
      await signOut();
      navigate('/signin', { state: { notice: 'Your password is changed, and your vault opens with it now. Sign in with the new one.' } });
    } catch (error) {
      setProblem(asProblem(error));
    }
  }

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <p className="hint">Your vault of broker keys is re-sealed to the new password at the same time; every session
        ends, so you sign in again.</p>
      <form onSubmit={submit}>
        <label>
          Current password
          <input type="password" autoComplete="current-password" required value={current}
                 onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          New password
          <input type="password" autoComplete="new-password" required minLength={12} value={next}
                 onChange={(e) => setNext(e.target.value)} />
        </label>
        <ProblemMessage problem={problem} />
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}

/** Asks twice: the password, then a second, explicit confirmation. */
function DeleteAccount() {
  const { authorized, signOut } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const typed = password;
    setPassword('');
    try {
      await authorized('DELETE', '/users/me', { password: typed });
      await signOut();
      navigate('/signin', { state: { notice: 'Your account, its vault and its bots are deleted.' } });
    } catch (error) {
      setConfirming(false);
      setProblem(asProblem(error));
    }
  }

  return (
    <section className="panel danger" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <p className="hint">Your bots are stopped and deleted, your vault is emptied, your paper accounts go. This
        cannot be undone.</p>
      <form onSubmit={submit}>
        <label>
          Your password
          <input type="password" autoComplete="current-password" required value={password}
                 onChange={(e) => { setPassword(e.target.value); setConfirming(false); }} />
        </label>
        <ProblemMessage problem={problem} />
        {confirming && <p role="alert" className="problem"><strong>Are you sure?</strong> Press the button once more
          to delete everything.</p>}
        <button type="submit" className="dangerous">{confirming ? 'Yes, delete my account' : 'Delete my account'}</button>
      </form>
    </section>
  );
}
