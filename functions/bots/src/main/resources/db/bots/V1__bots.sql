-- Bot definitions and where each is in its lifecycle. generation counts launches: events of an earlier
-- launch are recognised as stale. deleting: deleted while running, removed once stopped.
CREATE TABLE bots.bots (
    id             uuid PRIMARY KEY,
    user_id        uuid        NOT NULL,
    name           text        NOT NULL,
    image          text        NOT NULL,
    credential_id  uuid        NOT NULL,
    params         jsonb       NOT NULL,
    cpu_millis     integer     NOT NULL,
    memory_mib     integer     NOT NULL,
    restart_mode   text        NOT NULL,
    max_restarts   integer     NOT NULL,
    state          text        NOT NULL,
    generation     bigint      NOT NULL,
    deleting       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX bots_user ON bots.bots (user_id, created_at);
CREATE INDEX bots_active ON bots.bots (state) WHERE state IN ('STARTING', 'RUNNING', 'STOPPING');

-- Every state change of every bot: the status history.
CREATE TABLE bots.history (
    seq         bigserial PRIMARY KEY,
    bot_id      uuid        NOT NULL REFERENCES bots.bots (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL,
    from_state  text,
    to_state    text        NOT NULL,
    at          timestamptz NOT NULL,
    detail      text        NOT NULL
);
CREATE INDEX history_bot ON bots.history (bot_id, seq);

-- Ids of the events the bot manager has handled: a redelivered event is recognised and ignored.
CREATE TABLE bots.handled_events (
    event_id   uuid PRIMARY KEY,
    handled_at timestamptz NOT NULL
);
CREATE INDEX handled_events_at ON bots.handled_events (handled_at);
