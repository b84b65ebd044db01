-- Rate limits per person (S30), counted here so that every instance counts the same calls. Unlogged: a count is
-- worth nothing after a crash, and not writing it to the WAL keeps the one statement per request cheap. Only the
-- server's own login writes it, outside the request transactions; the runtime role has no access.
CREATE UNLOGGED TABLE rate_limit_windows (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits >= 0)
);
