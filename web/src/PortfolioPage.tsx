import { useCallback } from 'react';
import { Link } from 'react-router';
import type { EquityPoint, PaperAccount, Performance, Portfolio } from './api';
import { ChartCredit, EquityChart } from './Charts';
import { money } from './format';
import { ProblemMessage } from './ProblemMessage';
import { useSession } from './session';
import { useLoaded } from './useLoaded';

const REFRESH_MS = 15000;
const BUCKET_MS = 60_000;

/**
 * Everything at once: the totals of all the person's bots, one equity curve summed over them (each bot's reported
 * equity, per minute, its last value carried forward), each bot's results, and the balances of the paper accounts
 * per asset.
 */
export default function PortfolioPage() {
  const { authorized } = useSession();
  const { value, problem } = useLoaded(useCallback(async () => {
    const [all, accounts] = await Promise.all([
      authorized<Portfolio>('GET', '/portfolio'),
      authorized<PaperAccount[]>('GET', '/paper/accounts'),
    ]);
    // One performance request a bot (at most the quota's 20): the portfolio answer carries no equity series.
    const performances = await Promise.all(all.bots.map((bot) =>
      authorized<Performance>('GET', `/bots/${bot.botId}/performance`).catch(() => null)));
    return {
      portfolio: all,
      curve: summed(performances.flatMap((performance) => (performance?.equity ? [performance.equity] : []))),
      balances: perAsset(accounts),
    };
  }, [authorized]), REFRESH_MS);
  const portfolio = value?.portfolio ?? null;
  const curve = value?.curve ?? [];
  const balances = value?.balances ?? new Map<string, number>();

  const asset = portfolio?.bots.find((bot) => bot.equityAsset)?.equityAsset ?? 'USDT';
  return (
    <main>
      <h1>Your portfolio</h1>
      <ProblemMessage problem={problem} />
      {!portfolio && !problem && <p>Loading…</p>}
      {portfolio && (
        <>
          <dl className="figures">
            <div><dt>Bots</dt><dd>{portfolio.bots.length}</dd></div>
            <div><dt>Trades</dt><dd>{portfolio.tradeCount ?? 0}</dd></div>
            <div><dt>Realized P&amp;L</dt><dd>{money(portfolio.realizedPnl, asset)}</dd></div>
            <div><dt>Fees</dt><dd>{money(portfolio.fees, asset)}</dd></div>
          </dl>
          {curve.length > 0 ? (
            <>
              <EquityChart points={curve} label="The equity of all your bots together over time" />
              <ChartCredit />
            </>
          ) : <p className="empty">No bot has reported its equity yet.</p>}
          <h2>Bots</h2>
          {portfolio.bots.length === 0 ? <p className="empty">No bots yet.</p> : (
            <table>
              <thead>
                <tr><th scope="col">Bot</th><th scope="col">State</th><th scope="col">Trades</th>
                  <th scope="col">Realized P&amp;L</th><th scope="col">Equity</th></tr>
              </thead>
              <tbody>
                {portfolio.bots.map((bot) => (
                  <tr key={bot.botId}>
                    <td><Link to={`/bots/${bot.botId}`}>{bot.name}</Link></td>
                    <td>{bot.state.toLowerCase()}</td>
                    <td>{bot.tradeCount ?? 0}</td>
                    <td>{money(bot.realizedPnl, bot.equityAsset ?? '')}</td>
                    <td>{money(bot.lastEquity, bot.equityAsset ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Balances on the paper exchange</h2>
          {balances.size === 0 ? <p className="empty">No paper accounts.</p> : (
            <table>
              <thead><tr><th scope="col">Asset</th><th scope="col">Total (free and locked)</th></tr></thead>
              <tbody>
                {[...balances].sort((a, b) => a[0].localeCompare(b[0])).map(([name, total]) => (
                  <tr key={name}><td>{name}</td><td>{total.toLocaleString(undefined, { maximumFractionDigits: 8 })}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}

/** The bots' equity series added up per minute, each bot's last value carried forward until it reports again. */
export function summed(series: EquityPoint[][]): EquityPoint[] {
  const buckets = new Set<number>();
  const perBot = series.map((points) => {
    const byBucket = new Map<number, number>();
    for (const point of points) {
      const bucket = Math.floor(Date.parse(point.at) / BUCKET_MS) * BUCKET_MS;
      byBucket.set(bucket, point.equity);
      buckets.add(bucket);
    }
    return byBucket;
  });
  const ordered = [...buckets].sort((a, b) => a - b);
  const last: (number | undefined)[] = perBot.map(() => undefined);
  return ordered.map((bucket) => {
    perBot.forEach((byBucket, index) => {
      if (byBucket.has(bucket)) last[index] = byBucket.get(bucket);
    });
    const total = last.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    return { at: new Date(bucket).toISOString(), equity: total, asset: '' };
  });
}

function perAsset(accounts: PaperAccount[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const account of accounts) {
    for (const balance of account.balances) {
      totals.set(balance.asset, (totals.get(balance.asset) ?? 0) + Number(balance.free) + Number(balance.locked));
    }
  }
  return totals;
}
