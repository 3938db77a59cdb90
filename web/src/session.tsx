import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { call, type Account, type TokenPair } from './api';

// Who is signed in. The tokens live in this page's memory only: never in localStorage or sessionStorage, so a
// script that finds its way into the page cannot carry them off later, and a reload signs the person out (staying
// signed in across reloads comes with the refresh token in an HttpOnly cookie: not built yet, see web/README.md).

interface Session {
  account: Account;
  tokens: TokenPair;
}

interface SessionApi {
  session: Session | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Calls the API as the signed-in person. */
  authorized<T>(method: string, path: string, body?: unknown): Promise<T>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);

  const signIn = useCallback(async (email: string, password: string) => {
    const tokens = await call<TokenPair>('POST', '/auth/login', { body: { email, password } });
    const account = await call<Account>('GET', '/users/me', { token: tokens.accessToken });
    setSession({ account, tokens });
  }, []);

  const signOut = useCallback(async () => {
    const ending = session;
    setSession(null);
    if (ending) {
      await call<void>('POST', '/auth/logout', { body: { refreshToken: ending.tokens.refreshToken } }).catch(() => undefined);
    }
  }, [session]);

  const authorized = useCallback(
    <T,>(method: string, path: string, body?: unknown) => {
      if (!session) return Promise.reject(new Error('not signed in'));
      return call<T>(method, path, { body, token: session.tokens.accessToken });
    },
    [session],
  );

  const api = useMemo(() => ({ session, signIn, signOut, authorized }), [session, signIn, signOut, authorized]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}
