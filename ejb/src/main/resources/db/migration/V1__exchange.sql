-- Liên Thông schema, version 1: the unit tree, users, the content store, outgoing documents with
-- their register, and the exchange (envelopes, deliveries, their status history).

-- Đơn vị: a unit of the local government. The tree is data (district model or the 2025
-- province -> commune model alike).
CREATE TABLE unit (
    code        VARCHAR(32)  PRIMARY KEY,        -- mã định danh (organ code), e.g. 000.00.31.H17
    name        VARCHAR(255) NOT NULL,
    notation    VARCHAR(32)  NOT NULL,            -- chữ viết tắt tên cơ quan, e.g. UBND, QLĐT
    parent_code VARCHAR(32)  REFERENCES unit (code),
    sort_order  INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX unit_parent_idx ON unit (parent_code);

CREATE TABLE app_user (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(128) NOT NULL,          -- bcrypt, modular crypt form ($2a$...)
    full_name     VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'CLERK', 'LEADER', 'OFFICER')),
    unit_code     VARCHAR(32)  NOT NULL REFERENCES unit (code),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX app_user_unit_idx ON app_user (unit_code);

-- Content store: document bytes as PostgreSQL large objects, keyed by their SHA-256, so they are
-- streamed in and out and stored once however many documents refer to them.
CREATE TABLE content (
    sha256     CHAR(64)     PRIMARY KEY,
    size_bytes BIGINT       NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    data       OID          NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Sổ đăng ký văn bản đi: numbers run from 01 each calendar year per unit (Decree 30, art. 15).
CREATE TABLE outgoing_register (
    unit_code   VARCHAR(32) NOT NULL REFERENCES unit (code),
    year        INTEGER     NOT NULL,
    last_number INTEGER     NOT NULL,
    PRIMARY KEY (unit_code, year)
);

CREATE TABLE outgoing_document (
    id              UUID         PRIMARY KEY,
    unit_code       VARCHAR(32)  NOT NULL REFERENCES unit (code),
    created_by      VARCHAR(64)  NOT NULL REFERENCES app_user (username),
    type            VARCHAR(32)  NOT NULL,
    abstract        TEXT         NOT NULL,
    urgency         VARCHAR(16)  NOT NULL,
    -- Classified documents never enter the system: the only accepted value is NORMAL.
    classification  VARCHAR(16)  NOT NULL CHECK (classification = 'NORMAL'),
    due_date        DATE,
    file_sha256     CHAR(64)     NOT NULL REFERENCES content (sha256),
    file_name       VARCHAR(255) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    register_year   INTEGER,
    register_number INTEGER,
    notation        VARCHAR(96),
    issued_by       VARCHAR(64)  REFERENCES app_user (username),
    issued_at       TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (unit_code, register_year, register_number)
);
CREATE INDEX outgoing_document_unit_idx ON outgoing_document (unit_code, created_at DESC);

-- One envelope per send: what the outbound queue carries (by id) to the router.
CREATE TABLE envelope (
    id               UUID        PRIMARY KEY,
    document_id      UUID        NOT NULL REFERENCES outgoing_document (id),
    sender_code      VARCHAR(32) NOT NULL REFERENCES unit (code),
    status           VARCHAR(16) NOT NULL,
    publish_attempts INTEGER     NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL,
    last_published_at TIMESTAMPTZ NOT NULL,
    routed_at        TIMESTAMPTZ,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX envelope_queued_idx ON envelope (last_published_at) WHERE status = 'QUEUED';

CREATE TABLE envelope_recipient (
    envelope_id    UUID        NOT NULL REFERENCES envelope (id),
    recipient_code VARCHAR(32) NOT NULL REFERENCES unit (code),
    PRIMARY KEY (envelope_id, recipient_code)
);

-- One delivery per (document, recipient unit): the recipient's incoming document. The unique key
-- is what makes a redelivered or re-routed message land at most once.
CREATE TABLE delivery (
    id                UUID        PRIMARY KEY,
    envelope_id       UUID        NOT NULL REFERENCES envelope (id),
    document_id       UUID        NOT NULL REFERENCES outgoing_document (id),
    recipient_code    VARCHAR(32) NOT NULL REFERENCES unit (code),
    status            VARCHAR(16) NOT NULL,
    publish_attempts  INTEGER     NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL,
    last_published_at TIMESTAMPTZ NOT NULL,
    arrived_at        TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (document_id, recipient_code)
);
CREATE INDEX delivery_inbox_idx ON delivery (recipient_code, arrived_at DESC) WHERE status <> 'PENDING';
CREATE INDEX delivery_pending_idx ON delivery (last_published_at) WHERE status = 'PENDING';

-- Status history of a delivery, one row per transition (what the sender's trace shows).
CREATE TABLE delivery_event (
    id          BIGSERIAL   PRIMARY KEY,
    delivery_id UUID        NOT NULL REFERENCES delivery (id),
    status      VARCHAR(16) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       VARCHAR(64),
    note        TEXT
);
CREATE INDEX delivery_event_delivery_idx ON delivery_event (delivery_id, id);

-- The legal audit trail: who did what, including refusals (a classified document, for one).
CREATE TABLE audit_event (
    id          BIGSERIAL    PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(64),
    unit_code   VARCHAR(32),
    action      VARCHAR(64)  NOT NULL,
    object_id   VARCHAR(64),
    detail      TEXT
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
