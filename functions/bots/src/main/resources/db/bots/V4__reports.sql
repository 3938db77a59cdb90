-- What bots report back (docs/bot-contract.md): the broker of the running launch, the last heartbeat, whether
-- a running bot has gone silent; every accepted report once (by its event id); the trades and equity.
ALTER TABLE bots.bots ADD COLUMN broker text;
ALTER TABLE bots.bots ADD COLUMN last_heartbeat_at timestamptz;
ALTER TABLE bots.bots ADD COLUMN silent boolean NOT NULL DEFAULT false;

CREATE TABLE bots.reports (
    bot_id      uuid        NOT NULL REFERENCES bots.bots (id) ON DELETE CASCADE,
    event_id    text        NOT NULL,
    generation  bigint      NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (bot_id, event_id)
);
CREATE INDEX reports_received ON bots.reports (received_at);

CREATE TABLE bots.orders (
    bot_id          uuid           NOT NULL REFERENCES bots.bots (id) ON DELETE CASCADE,
    order_id        text           NOT NULL,
    client_order_id text,
    symbol          text           NOT NULL,
    side            text           NOT NULL,
    type            text           NOT NULL,
    quantity        numeric(38, 8),
    price           numeric(38, 8),
    placed_at       timestamptz    NOT NULL,
    PRIMARY KEY (bot_id, order_id)
);

-- source: 'exchange' (the paper exchange's own fill) or 'reported' (what a bot on a live broker said).
CREATE TABLE bots.trades (
    seq              bigserial PRIMARY KEY,
    bot_id           uuid           NOT NULL REFERENCES bots.bots (id) ON DELETE CASCADE,
    user_id          uuid           NOT NULL,
    broker           text           NOT NULL,
    trade_id         text           NOT NULL,
    order_id         text,
    symbol           text           NOT NULL,
    side             text           NOT NULL,
    price            numeric(38, 8) NOT NULL,
    quantity         numeric(38, 8) NOT NULL,
    quote_quantity   numeric(38, 8) NOT NULL,
    commission       numeric(38, 8) NOT NULL,
    commission_asset text,
    source           text           NOT NULL,
    traded_at        timestamptz    NOT NULL,
    -- A trade of a broker account counts once, for one bot of its owner.
    UNIQUE (user_id, broker, trade_id)
);
CREATE INDEX trades_by_bot ON bots.trades (bot_id, traded_at DESC, seq DESC);

CREATE TABLE bots.equity (
    bot_id uuid           NOT NULL REFERENCES bots.bots (id) ON DELETE CASCADE,
    at     timestamptz    NOT NULL,
    equity numeric(38, 8) NOT NULL,
    asset  text           NOT NULL
);
CREATE INDEX equity_by_bot ON bots.equity (bot_id, at);
