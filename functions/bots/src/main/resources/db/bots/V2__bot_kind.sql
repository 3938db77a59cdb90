-- How a bot runs: CONTINUOUS (always one instance) or REQUEST_DRIVEN (scaled to zero between requests).
ALTER TABLE bots.bots ADD COLUMN kind text NOT NULL DEFAULT 'CONTINUOUS';
