import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ProblemError, call, type AccessToken, type Account } from './api';

// Who is signed in. The access token lives in this page's memory only, never in localStorage or sessionStorage;
// the refresh token lives in an HttpOnly cookie scoped to /api/v1/auth that no script here can read
// (X-Knag-Session: cookie). A reload or a new tab refreshes the session from that cookie; a timer refreshes the
// access token a minute before it expires. Refreshes are one at a time across this browser's tabs (Web Locks):
// two at once with one cookie would count as a reused refresh token and end the session everywhere.

interface Session {
  account: Account;
  token: AccessToken;
}

interface SessionApi {
  session: Session | null;
  /** True while a reload looks for the session in the cookie. */
  restoring: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** The account as it is after a change of its name. */
  renamed(account: Account): void;
  /** Calls the API as the signed-in person. */
  authorized<T>(method: string, path: string, body?: unknown): Promise<T>;
}

const SessionContext = createContext<SessionApi | null>(null);
const EARLY_MS = 60_000;

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('knag-session', work) as Promise<T>) : work();
}

async function withAccount(token: AccessToken): Promise<Session> {
  const account = await call<Account>('GET', '/users/me', { token: token.accessToken });
  return { account, token };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(true);
  const timer = useRef<number | undefined>(undefined);

  const refresh = useCallback(async (): Promise<Session | null> => {
    try {
      const token = await oneAtATime(() => call<AccessToken>('POST', '/auth/refresh', { session: true }));
      const next = await withAccount(token);
      setSession(next);
      return next;
    } catch {
      setSession(null);
      return null;
    }
  }, []);

  useEffect(() => {
    refresh().finally(() => setRestoring(false));
  }, [refresh]);

  useEffect(() => {
    window.clearTimeout(timer.current);
    if (session) {
      const wait = Math.max(5_000, session.token.expiresIn * 1000 - EARLY_MS);
      timer.current = window.setTimeout(() => { refresh(); }, wait);
    }
    return () => window.clearTimeout(timer.current);
  }, [session, refresh]);

  const signIn = useCallback(async (email: string, password: string) => {
    const token = await call<AccessToken>('POST', '/auth/login', { body: { email, password }, session: true });
    setSession(await withAccount(token));
  }, []);

  const signOut = useCallback(async () => {
    setSession(null);
    await call<void>('POST', '/auth/logout', { session: true }).catch(() => undefined);
  }, []);

  const authorized = useCallback(
    async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
      if (!session) throw new Error('not signed in');
      try {
        return await call<T>(method, path, { body, token: session.token.accessToken });
      } catch (error) {
        // An access token that expired while the page slept: one refresh, then the call once more.
        if (error instanceof ProblemError && error.problem.status === 401) {
          const renewed = await refresh();
          if (renewed) return call<T>(method, path, { body, token: renewed.token.accessToken });
        }
        throw error;
      }
    },
    [session, refresh],
  );

  const renamed = useCallback((account: Account) => {
    setSession((current) => (current ? { ...current, account } : current));
  }, []);

  const api = useMemo(() => ({ session, restoring, signIn, signOut, authorized, renamed }),
    [session, restoring, signIn, signOut, authorized, renamed]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
