-- Liên Thông schema, version 2: signing in the workflow. The leader's certificates, the two-step
-- signing sessions (persisted, so the second call succeeds after a restart or on another node) and
-- the signatures of an outgoing document.

-- A user's certificate (chứng thư số), registered by an administrator: a leader signs only with a
-- certificate registered as his own.
CREATE TABLE user_certificate (
    sha256        CHAR(64)     PRIMARY KEY,       -- of the certificate's DER
    username      VARCHAR(64)  NOT NULL REFERENCES app_user (username),
    subject       TEXT         NOT NULL,
    not_after     TIMESTAMPTZ  NOT NULL,
    der           BYTEA        NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    registered_by VARCHAR(64)
);
CREATE INDEX user_certificate_user_idx ON user_certificate (username);

-- One prepared signature waiting for its value. `pending` holds everything the second step needs
-- (signing time, signed attributes, appearance), `document_sha256` the bytes it was prepared on.
CREATE TABLE signing_session (
    id              UUID         PRIMARY KEY,
    batch_id        UUID,
    document_id     UUID         NOT NULL REFERENCES outgoing_document (id),
    username        VARCHAR(64)  NOT NULL REFERENCES app_user (username),
    document_sha256 CHAR(64)     NOT NULL,
    pending         TEXT         NOT NULL,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PREPARED', 'COMPLETED', 'FAILED')),
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    completed_at    TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX signing_session_document_idx ON signing_session (document_id);

-- The leader's signature on a draft: who, when, and where its box is (the seal goes over it).
ALTER TABLE outgoing_document
    ADD COLUMN signed_by         VARCHAR(64) REFERENCES app_user (username),
    ADD COLUMN signed_at         TIMESTAMPTZ,
    ADD COLUMN signature_box     VARCHAR(64),
    ADD COLUMN draft_sha256      CHAR(64) REFERENCES content (sha256);

-- What the recipient's server found when the document arrived: the overall indication and the
-- verdict of every signature (JSON), kept as the record of the arrival check.
ALTER TABLE delivery
    ADD COLUMN arrival_indication VARCHAR(16),
    ADD COLUMN arrival_verdict    TEXT;
