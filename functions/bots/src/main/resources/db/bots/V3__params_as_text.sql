-- Parameters are kept as the canonical JSON text they were checked as (size, depth): jsonb re-renders numbers
-- (1e300 becomes 301 digits), so what a bot receives could grow past the limit it was checked against.
ALTER TABLE bots.bots ALTER COLUMN params TYPE text USING params::text;
