-- One vault key pair (X25519) per user. The private key is stored only wrapped: under a key derived from
-- the password (Argon2id, its own salt) and under a key derived from the recovery code (HKDF-SHA256).
-- Both wraps carry their format version and KDF parameters. The public key seals new credentials.
CREATE TABLE vault.keys (
    user_id         uuid PRIMARY KEY,
    public_key      bytea       NOT NULL,
    password_wrap   bytea       NOT NULL,
    recovery_wrap   bytea,
    failed_attempts integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Broker credentials, each sealed with HPKE to its owner's vault public key, bound to owner and id.
CREATE TABLE vault.credentials (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL,
    broker      text        NOT NULL,
    label       text        NOT NULL,
    fingerprint text        NOT NULL,
    sealed      bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX credentials_user ON vault.credentials (user_id, created_at);
