-- Version 11: personal API tokens, so scripts do not pay a bcrypt check on every call (issue 10).
-- The secret is shown once and only its SHA-256 is kept: it is 256 random bits, which no slow hash
-- needs to protect. A token acts as its user in the unit and role the user had when it was made;
-- it stops working when revoked, past its expiry, or once the user is disabled or changes unit or
-- role (the login realm's query checks all of that on every call).
CREATE TABLE api_token (
    id            VARCHAR(36)  PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL REFERENCES app_user (username),
    unit_code     VARCHAR(32)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    secret_sha256 CHAR(64)     NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_token_user_idx ON api_token (username);
