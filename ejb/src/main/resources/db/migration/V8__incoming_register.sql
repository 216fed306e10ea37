-- Version 8: what a recipient unit does with an incoming document (Decree 30/2020/NĐ-CP, art. 20
-- to 24): registered in its incoming register (sổ đăng ký văn bản đến) with the next number of the
-- year, assigned by the leader to a handler with a deadline, in progress, done, or rejected with a
-- reason; and the sender's recall (edXML 13, answered 15 or 16).

-- Numbers run from 01 each calendar year per unit, like the outgoing register (art. 22 §2).
CREATE TABLE incoming_register (
    unit_code   VARCHAR(32) NOT NULL REFERENCES unit (code),
    year        INTEGER     NOT NULL,
    last_number INTEGER     NOT NULL,
    PRIMARY KEY (unit_code, year)
);

ALTER TABLE delivery
    ADD COLUMN incoming_year      INTEGER,
    ADD COLUMN incoming_number    INTEGER,
    ADD COLUMN registered_at      TIMESTAMPTZ,
    ADD COLUMN registered_by      VARCHAR(64) REFERENCES app_user (username),
    ADD COLUMN handler            VARCHAR(64) REFERENCES app_user (username),
    ADD COLUMN assigned_by        VARCHAR(64) REFERENCES app_user (username),
    ADD COLUMN deadline           DATE,
    ADD COLUMN rejection_reason   TEXT,
    ADD COLUMN answer_document_id UUID REFERENCES outgoing_document (id),
    ADD COLUMN done_at            TIMESTAMPTZ,
    -- an earlier arrival of the same number, notation and issuing organ: not registered twice
    ADD COLUMN duplicate_of       UUID REFERENCES delivery (id),
    ADD COLUMN recall             VARCHAR(16) CHECK (recall IN ('REQUESTED', 'ACCEPTED', 'REFUSED')),
    ADD COLUMN recall_reason      TEXT,
    ADD COLUMN recall_answer      TEXT,
    -- the document's urgency, kept here so that one index orders an inbox urgency first
    ADD COLUMN urgency_rank       SMALLINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT delivery_incoming_number_key UNIQUE (recipient_code, incoming_year, incoming_number);

UPDATE delivery d SET urgency_rank = CASE o.urgency
        WHEN 'FLASH' THEN 3 WHEN 'VERY_URGENT' THEN 2 WHEN 'URGENT' THEN 1 ELSE 0 END
    FROM outgoing_document o WHERE o.id = d.document_id;

-- The inbox, urgency first, newest first, read a page at a time from a cursor.
DROP INDEX delivery_inbox_idx;
CREATE INDEX delivery_inbox_idx ON delivery (recipient_code, urgency_rank DESC, arrived_at DESC, id DESC)
    WHERE status NOT IN ('PENDING', 'RECALLED');
CREATE INDEX delivery_handler_idx ON delivery (handler, deadline) WHERE handler IS NOT NULL;
CREATE INDEX delivery_overdue_idx ON delivery (recipient_code, deadline)
    WHERE deadline IS NOT NULL AND status IN ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS');

-- What a history entry is besides a status change: a recall asked, accepted or refused, an
-- update or a replacement, an administrator's retry.
ALTER TABLE delivery_event ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'STATUS';

-- How many deliveries each unit has in each status, kept by the database as they change, so an
-- inbox answers its counts without counting years of documents on every call. Deliveries on their
-- way (PENDING) are not counted: the router would otherwise queue on one row per recipient.
CREATE TABLE inbox_count (
    unit_code VARCHAR(32) NOT NULL,
    status    VARCHAR(16) NOT NULL,
    n         BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, status)
);
INSERT INTO inbox_count (unit_code, status, n)
    SELECT recipient_code, status, count(*) FROM delivery WHERE status <> 'PENDING'
    GROUP BY recipient_code, status;

CREATE FUNCTION inbox_count_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status <> 'PENDING' THEN
        UPDATE inbox_count SET n = n - 1 WHERE unit_code = OLD.recipient_code AND status = OLD.status;
    END IF;
    IF NEW.status <> 'PENDING' THEN
        INSERT INTO inbox_count (unit_code, status, n) VALUES (NEW.recipient_code, NEW.status, 1)
            ON CONFLICT (unit_code, status) DO UPDATE SET n = inbox_count.n + 1;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER delivery_inbox_count AFTER INSERT OR UPDATE OF status ON delivery
    FOR EACH ROW EXECUTE FUNCTION inbox_count_keep();

-- A second arrival of one document is found by its issuing organ and notation.
CREATE INDEX outgoing_document_notation_idx ON outgoing_document (unit_code, notation)
    WHERE notation IS NOT NULL;

-- Replace (edXML business type 3): a new document supersedes a sent one; both are linked.
ALTER TABLE outgoing_document
    ADD COLUMN replaces    UUID REFERENCES outgoing_document (id),
    ADD COLUMN replaced_by UUID REFERENCES outgoing_document (id);
