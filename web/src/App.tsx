import { Suspense, lazy, type ReactNode } from 'react';
import { Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './AccountPage';
import { Bots } from './Bots';
import { Recover } from './Recover';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { SignUp } from './SignUp';
import { Vault } from './Vault';

// A bot's page brings the charts library: loaded when first opened, so the first page stays small.
const BotPage = lazy(() => import('./BotPage'));
const PortfolioPage = lazy(() => import('./PortfolioPage'));

export function App() {
  return (
    <>
      <Header />
      <Routes>
        <Route path="/signin" element={<SignIn />} />
        <Route path="/signup" element={<SignUp />} />
        <Route path="/recover" element={<Recover />} />
        <Route path="/account" element={<SignedIn><AccountPage /></SignedIn>} />
        <Route path="/bots" element={<SignedIn><Bots /></SignedIn>} />
        <Route path="/bots/:id" element={<SignedIn><Suspense fallback={<main><p>Loading…</p></main>}><BotPage /></Suspense></SignedIn>} />
        <Route path="/vault" element={<SignedIn><Vault /></SignedIn>} />
        <Route path="/portfolio" element={<SignedIn><Suspense fallback={<main><p>Loading…</p></main>}><PortfolioPage /></Suspense></SignedIn>} />
        <Route path="/" element={<Navigate to="/bots" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}

function Header() {
  const { session, signOut } = useSession();
  return (
    <header>
      <Link to="/" className="brand">Knag</Link>
      {session && (
        <nav aria-label="Main">
          <NavLink to="/bots">Bots</NavLink>
          <NavLink to="/portfolio">Portfolio</NavLink>
          <NavLink to="/vault">Vault</NavLink>
          <NavLink to="/account" aria-label={`Your account (${session.account.displayName})`}>{session.account.displayName}</NavLink>
          <button type="button" onClick={() => signOut()}>Sign out</button>
        </nav>
      )}
    </header>
  );
}

/** A page for the signed-in only: anyone else is sent to sign in. */
function SignedIn({ children }: { children: ReactNode }) {
  const { session, restoring } = useSession();
  if (restoring) return <main><p>Loading…</p></main>;
  return session ? <>{children}</> : <Navigate to="/signin" replace />;
}

function NotFound() {
  return (
    <main className="narrow">
      <h1>There is nothing here</h1>
      <p><Link to="/bots">Go to your bots</Link></p>
    </main>
  );
}
