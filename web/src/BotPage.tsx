import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  klines, type BotDetails, type BotLogs, type Kline, type Performance, type StatusChange, type TradesPage,
} from './api';
import { canStart, canStop, stateWords } from './botStates';
import { ChartCredit, EquityChart, PriceChart } from './Charts';
import { EditBot } from './EditBot';
import { money } from './format';
import { ProblemMessage } from './ProblemMessage';
import { useSession } from './session';
import { StartBot } from './StartBot';
import { useLoaded } from './useLoaded';

const REFRESH_MS = 5000;

interface Seen {
  bot: BotDetails;
  performance: Performance;
  trades: TradesPage;
  history: StatusChange[];
  logs: BotLogs;
  candles: Kline[] | null;
}

/** One bot: what it is doing, what it traded and earned, its market with its trades on it, its history and log. */
export default function BotPage() {
  const { id = '' } = useParams();
  const { authorized } = useSession();
  const [starting, setStarting] = useState(false);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const path = `/bots/${encodeURIComponent(id)}`;

  const { value: seen, problem, reload: load, act } = useLoaded(useCallback(async (): Promise<Seen> => {
    const [bot, performance, trades, history, logs] = await Promise.all([
      authorized<BotDetails>('GET', path),
      authorized<Performance>('GET', `${path}/performance`),
      authorized<TradesPage>('GET', `${path}/trades?limit=50`),
      authorized<StatusChange[]>('GET', `${path}/events`),
      authorized<BotLogs>('GET', `${path}/logs?tail=100`),
    ]);
    const symbol = typeof bot.params.symbol === 'string' ? bot.params.symbol : null;
    const candles = symbol ? await klines(symbol, '1m', 120).catch(() => null) : null;
    return { bot, performance, trades, history, logs, candles };
  }, [authorized, path]), REFRESH_MS);

  const stop = () => act(() => authorized('POST', `${path}/stop`));

  /** Asks first; a running bot is stopped, then deleted once it has stopped. */
  function remove() {
    if (!seen || !window.confirm(`Delete ${seen.bot.name}, with its history? Its trades stay on the exchange.`)) return;
    act(() => authorized('DELETE', path), () => navigate('/bots'));
  }

  if (!seen) {
    return (
      <main>
        <p><Link to="/bots">All your bots</Link></p>
        <ProblemMessage problem={problem} />
        {!problem && <p>Loading the bot…</p>}
      </main>
    );
  }
  const { bot, performance, trades, history, logs, candles } = seen;
  const asset = performance.equityAsset ?? '';
  return (
    <main>
      <p><Link to="/bots">All your bots</Link></p>
      <h1>{bot.name}</h1>
      <p>
        <span className={`state state-${bot.state.toLowerCase()}`}>{stateWords(bot)}</span>
        {' · '}<code>{bot.image}</code>{bot.health && <> · health {bot.health}</>}
      </p>
      <ProblemMessage problem={problem} />
      <div className="actions">
        {canStart(bot) && <button type="button" onClick={() => setStarting(true)}>Start</button>}
        {canStop(bot) && <button type="button" className="secondary" onClick={stop}>Stop</button>}
        {canStart(bot) && !editing && <button type="button" className="secondary" onClick={() => setEditing(true)}>Change</button>}
        {!bot.deleting && <button type="button" className="dangerous" onClick={remove}>Delete</button>}
      </div>
      {starting && <StartBot bot={bot} onDone={() => { setStarting(false); load(); }} />}
      {editing && <EditBot bot={bot} onDone={() => { setEditing(false); load(); }} />}

      <section aria-labelledby="results">
        <h2 id="results">Results</h2>
        <dl className="figures">
          <div><dt>Trades</dt><dd>{performance.tradeCount ?? 0}</dd></div>
          <div><dt>Realized P&amp;L</dt><dd>{money(performance.realizedPnl, asset)}</dd></div>
          <div><dt>Fees</dt><dd>{money(performance.fees, asset)}</dd></div>
          <div><dt>Win rate</dt><dd>{performance.winRate == null ? '—' : `${Math.round(performance.winRate * 100)} %`}</dd></div>
          <div><dt>Largest fall</dt><dd>{performance.maxDrawdown == null ? '—' : `${(performance.maxDrawdown * 100).toFixed(2)} %`}</dd></div>
          <div><dt>Equity</dt><dd>{money(performance.lastEquity, asset)}</dd></div>
        </dl>
        {(performance.equity ?? []).length > 0
          ? <EquityChart points={performance.equity ?? []} label={`Equity of ${bot.name} over time`} />
          : <p className="empty">No equity reported yet.</p>}
      </section>

      {candles && candles.length > 0 && (
        <section aria-labelledby="market">
          <h2 id="market">{String(bot.params.symbol)}, one-minute candles, with the bot's trades</h2>
          <PriceChart candles={candles} trades={trades.trades} label={`Price of ${String(bot.params.symbol)} with the trades of ${bot.name}`} />
        </section>
      )}

      {((performance.equity ?? []).length > 0 || (candles && candles.length > 0)) && <ChartCredit />}

      <section aria-labelledby="trades">
        <h2 id="trades">Trades ({trades.total})</h2>
        {trades.trades.length === 0 ? <p className="empty">No trades yet.</p> : (
          <table>
            <thead>
              <tr><th scope="col">Time</th><th scope="col">Side</th><th scope="col">Quantity</th><th scope="col">Price</th>
                <th scope="col">Fee</th><th scope="col">Source</th></tr>
            </thead>
            <tbody>
              {trades.trades.map((trade) => (
                <tr key={trade.tradeId}>
                  <td>{new Date(trade.time).toLocaleTimeString()}</td>
                  <td>{trade.side === 'BUY' ? 'Buy' : 'Sell'}</td>
                  <td>{trade.quantity} {trade.symbol}</td>
                  <td>{trade.price}</td>
                  <td>{trade.commission} {trade.commissionAsset}</td>
                  <td>{trade.source === 'exchange' ? 'the exchange' : 'reported by the bot'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">Status history</h2>
        <ol className="history">
          {history.map((change, index) => (
            <li key={index}><time dateTime={change.at}>{new Date(change.at).toLocaleString()}</time> {change.to.toLowerCase()}: {change.detail}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="log">
        <h2 id="log">Log</h2>
        {logs.lines.length === 0 ? <p className="empty">Nothing logged yet.</p>
          : <pre className="log" tabIndex={0} aria-label={`The log of ${bot.name}`}>{logs.lines.join('\n')}</pre>}
      </section>
    </main>
  );
}
