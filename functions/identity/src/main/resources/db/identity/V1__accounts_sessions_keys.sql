-- Accounts: emails stored normalised (trimmed, lower case). Hashes are PHC strings that name their parameters.
CREATE TABLE identity.accounts (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    recovery_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON identity.accounts (email);

-- Refresh tokens, by SHA-256 only. One family per login; spent tokens stay to detect reuse.
CREATE TABLE identity.refresh_tokens (
    id         uuid PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES identity.accounts (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON identity.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON identity.refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expiry ON identity.refresh_tokens (expires_at);

-- Access-token signing keys. The private key is sealed (AES-256-GCM) under the key-encryption key from
-- configuration, bound to its kid. At most one key is active (not retired).
CREATE TABLE identity.signing_keys (
    kid                text PRIMARY KEY,
    public_key         bytea       NOT NULL,
    sealed_private_key bytea       NOT NULL,
    created_at         timestamptz NOT NULL,
    retired_at         timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active ON identity.signing_keys ((true)) WHERE retired_at IS NULL;
