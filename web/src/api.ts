// The platform's REST API (docs/api), on this page's own origin. Every failure becomes a Problem: the
// problem+json the platform answered with, or one of our own when it could not be reached.

export interface Problem {
  status: number;
  type: string;
  title: string;
  detail?: string;
  violations?: { field: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export const UNREACHABLE: Problem = {
  status: 0,
  type: 'about:blank#unreachable',
  title: 'The platform cannot be reached',
  detail: 'Check that Knag is running (./knag up) and try again.',
};

export async function call<T>(method: string, path: string,
                              options: { body?: unknown; token?: string; session?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  // The refresh token in an HttpOnly cookie, never in this page (docs/api/identity.md, "A browser session").
  if (options.session) headers['X-Knag-Session'] = 'cookie';
  return request<T>(`/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
}

/** One request to this origin: its JSON, or a Problem (the one it answered, or "cannot be reached"). */
async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store' });
  } catch {
    throw new ProblemError(UNREACHABLE);
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  throw new ProblemError(await problemOf(response));
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && typeof body.title === 'string') return { status: response.status, ...body };
    } catch {
      // falls through: not the problem+json it said it was
    }
  }
  return {
    status: response.status,
    type: 'about:blank',
    title: response.status >= 500 ? 'The platform failed to answer' : `The request was refused (${response.status})`,
  };
}

/** What login and refresh answer a browser session: the refresh token is in its HttpOnly cookie instead. */
export interface AccessToken {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface Registered {
  id: string;
  email: string;
  displayName: string;
  recoveryCode: string;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
}

export interface Bot {
  id: string;
  name: string;
  image: string;
  state: 'CREATED' | 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'FAILED';
  deleting: boolean;
  createdAt: string;
  updatedAt: string;
  lastHeartbeatAt: string | null;
  health: 'ok' | 'silent' | null;
}

export interface Credential {
  id: string;
  broker: string;
  label: string;
  fingerprint: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewPaperAccount {
  id: string;
  label: string;
  apiKey: string;
  apiSecret: string;
}

export interface Trade {
  tradeId: string;
  orderId: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  price: number;
  quantity: number;
  quoteQuantity: number;
  commission: number;
  commissionAsset: string;
  time: string;
  source: 'exchange' | 'reported';
}

export interface TradesPage {
  trades: Trade[];
  total: number;
  offset: number;
  limit: number;
}

export interface EquityPoint {
  at: string;
  equity: number;
  asset: string;
}

/** A field the platform does not know yet is left out of the answer, or null. */
export interface Performance {
  since?: string | null;
  tradeCount: number;
  realizedPnl?: number | null;
  fees?: number | null;
  winRate?: number | null;
  maxDrawdown?: number | null;
  lastEquity?: number | null;
  equityAsset?: string | null;
  equity?: EquityPoint[];
}

export interface StatusChange {
  botId: string;
  from: Bot['state'] | null;
  to: Bot['state'];
  at: string;
  detail: string;
}

export interface BotLogs {
  botId: string;
  state: Bot['state'];
  lines: string[];
}

export interface BotDetails extends Bot {
  credentialId: string;
  params: Record<string, unknown>;
}

/** A candle of the paper exchange's klines: [open time ms, open, high, low, close, ...] as Binance writes it. */
export type Kline = [number, string, string, string, string, ...unknown[]];

/** The paper exchange's public market data (docs/paper-exchange.md): no token, same origin. */
export function klines(symbol: string, interval: string, limit: number): Promise<Kline[]> {
  const query = new URLSearchParams({ symbol, interval, limit: String(limit) });
  return request<Kline[]>(`/paper/api/v3/klines?${query}`, { headers: { Accept: 'application/json' } });
}

export interface PortfolioEntry {
  botId: string;
  name: string;
  state: Bot['state'];
  health?: string | null;
  lastHeartbeatAt?: string | null;
  tradeCount: number;
  realizedPnl?: number | null;
  fees?: number | null;
  lastEquity?: number | null;
  equityAsset?: string | null;
  since?: string | null;
}

export interface Portfolio {
  bots: PortfolioEntry[];
  realizedPnl?: number | null;
  fees?: number | null;
  tradeCount: number;
}

export interface PaperAccount {
  id: string;
  label: string;
  balances: { asset: string; free: string; locked: string }[];
}

export interface RecoveryCode {
  recoveryCode: string;
}
