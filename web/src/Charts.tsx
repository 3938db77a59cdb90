import { useEffect, useRef } from 'react';
import {
  CandlestickSeries, ColorType, LineSeries, createChart, createSeriesMarkers, type IChartApi, type SeriesMarker,
  type Time, type UTCTimestamp,
} from 'lightweight-charts';
import type { EquityPoint, Kline, Trade } from './api';

// Charts by TradingView's lightweight-charts (canvas; no inline script or style, so the page's CSP holds).

const CANDLE_SECONDS = 60;

function useChart(build: (chart: IChartApi) => void, deps: unknown[]) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return undefined;
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    const chart = createChart(container.current, {
      height: 260,
      autoSize: true,
      // Its logo brings a <style> element, which the page's CSP refuses: the attribution the library's licence
      // asks for is a link under the charts instead (ChartCredit).
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: dark ? '#d1d5db' : '#374151',
        attributionLogo: false },
      grid: { vertLines: { visible: false }, horzLines: { color: dark ? '#1f2937' : '#e5e7eb' } },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    build(chart);
    return () => chart.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return container;
}

/** The bot's equity as it reported it, one point a second at most. */
export function EquityChart({ points, label }: { points: EquityPoint[]; label: string }) {
  const container = useChart((chart) => {
    const series = chart.addSeries(LineSeries, { color: '#16a34a', lineWidth: 2 });
    const bySecond = new Map<number, number>();
    for (const point of points) bySecond.set(Math.floor(Date.parse(point.at) / 1000), point.equity);
    series.setData([...bySecond].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value })));
    chart.timeScale().fitContent();
  }, [points]);
  return <div className="chart" ref={container} role="img" aria-label={label} />;
}

/** The market's one-minute candles with the bot's trades marked on them (buys below, sells above). */
export function PriceChart({ candles, trades, label }: { candles: Kline[]; trades: Trade[]; label: string }) {
  const container = useChart((chart) => {
    const series = chart.addSeries(CandlestickSeries, { upColor: '#16a34a', downColor: '#dc2626', borderVisible: false,
      wickUpColor: '#16a34a', wickDownColor: '#dc2626' });
    series.setData(candles.map((k) => ({ time: Math.floor(k[0] / 1000) as UTCTimestamp, open: Number(k[1]),
      high: Number(k[2]), low: Number(k[3]), close: Number(k[4]) })));
    const first = candles.length > 0 ? Math.floor(candles[0][0] / 1000) : Infinity;
    const markers: SeriesMarker<Time>[] = trades
      .map((trade) => ({ trade, time: Math.floor(Date.parse(trade.time) / 1000 / CANDLE_SECONDS) * CANDLE_SECONDS }))
      .filter(({ time }) => time >= first)
      .sort((a, b) => a.time - b.time)
      .map(({ trade, time }) => ({
        time: time as UTCTimestamp,
        position: trade.side === 'BUY' ? 'belowBar' : 'aboveBar',
        color: trade.side === 'BUY' ? '#2563eb' : '#ea580c',
        shape: trade.side === 'BUY' ? 'arrowUp' : 'arrowDown',
        text: trade.side === 'BUY' ? 'buy' : 'sell',
      }));
    createSeriesMarkers(series, markers);
    chart.timeScale().fitContent();
  }, [candles, trades]);
  return <div className="chart" ref={container} role="img" aria-label={label} />;
}

/** The attribution lightweight-charts' licence asks for, in place of its logo. */
export function ChartCredit() {
  return (
    <p className="hint">
      Charts by <a href="https://www.tradingview.com/lightweight-charts/" rel="noopener noreferrer">TradingView Lightweight Charts</a>.
    </p>
  );
}
