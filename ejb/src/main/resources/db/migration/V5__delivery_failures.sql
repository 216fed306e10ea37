-- Version 5: a delivery that cannot be made ends in a failed state that both units see, with its
-- reason, instead of being published again for ever.

ALTER TABLE delivery ADD COLUMN failure_reason TEXT;

-- Each failed attempt of the recipient's listener, and each message the broker gave up on and
-- dead-lettered. No foreign key: a row is written beside a failing transaction, which may hold
-- the delivery's row lock until it has rolled back.
CREATE TABLE delivery_failure (
    id          BIGSERIAL   PRIMARY KEY,
    delivery_id UUID        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('ATTEMPT', 'DEAD_LETTER')),
    reason      TEXT
);
CREATE INDEX delivery_failure_delivery_idx ON delivery_failure (delivery_id, id);
