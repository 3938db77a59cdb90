-- The paper exchange: accounts of platform users, their balances, orders and fills (docs/paper-exchange.md).
CREATE TABLE paper.accounts (
    id            uuid PRIMARY KEY,
    owner_id      uuid        NOT NULL,
    label         text        NOT NULL,
    -- The API key identifies the account in signed requests; the secret is sealed (AES-256-GCM, bound to id).
    api_key       text        NOT NULL UNIQUE,
    sealed_secret bytea       NOT NULL,
    permissions   text[]      NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX accounts_by_owner ON paper.accounts (owner_id, created_at, id);

CREATE TABLE paper.balances (
    account_id uuid          NOT NULL REFERENCES paper.accounts ON DELETE CASCADE,
    asset      text          NOT NULL,
    free       numeric(38, 8) NOT NULL CHECK (free >= 0),
    locked     numeric(38, 8) NOT NULL CHECK (locked >= 0),
    PRIMARY KEY (account_id, asset)
);

CREATE TABLE paper.orders (
    id                   bigserial PRIMARY KEY,
    account_id           uuid           NOT NULL REFERENCES paper.accounts ON DELETE CASCADE,
    symbol               text           NOT NULL,
    side                 text           NOT NULL,
    type                 text           NOT NULL,
    status               text           NOT NULL,
    price                numeric(38, 8) NOT NULL,
    orig_qty             numeric(38, 8) NOT NULL,
    executed_qty         numeric(38, 8) NOT NULL,
    cumulative_quote_qty numeric(38, 8) NOT NULL,
    client_order_id      text           NOT NULL,
    created_at           timestamptz    NOT NULL,
    updated_at           timestamptz    NOT NULL,
    -- A repeated newClientOrderId is the same order (idempotent placement), over all of an account's orders.
    UNIQUE (account_id, client_order_id)
);
CREATE INDEX orders_open ON paper.orders (account_id, symbol) WHERE status = 'NEW';
CREATE INDEX orders_by_account ON paper.orders (account_id, symbol, id);

CREATE TABLE paper.fills (
    id               bigserial PRIMARY KEY,
    -- Orders fill whole, once: one fill per order.
    order_id         bigint         NOT NULL UNIQUE REFERENCES paper.orders ON DELETE CASCADE,
    account_id       uuid           NOT NULL REFERENCES paper.accounts ON DELETE CASCADE,
    symbol           text           NOT NULL,
    side             text           NOT NULL,
    price            numeric(38, 8) NOT NULL,
    qty              numeric(38, 8) NOT NULL,
    quote_qty        numeric(38, 8) NOT NULL,
    commission       numeric(38, 8) NOT NULL,
    commission_asset text           NOT NULL,
    maker            boolean        NOT NULL,
    created_at       timestamptz    NOT NULL
);
CREATE INDEX fills_by_account ON paper.fills (account_id, symbol, id);
