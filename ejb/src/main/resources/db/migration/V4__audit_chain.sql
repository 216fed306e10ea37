-- Version 4: the audit trail as a hash chain. Each entry records the document's SHA-256 where it
-- concerns one, its place in the chain and the hash of the entry before it; its own hash covers
-- all of that (AuditChain). Changing, removing or inserting an entry breaks the chain at that
-- point, which GET /api/v1/audit/chain names. Entries written before this version are outside it.

ALTER TABLE audit_event ADD COLUMN document_sha256 VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN chain_position BIGINT UNIQUE;
ALTER TABLE audit_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN entry_hash VARCHAR(64);

-- Append-only for the application: an entry is never updated or deleted.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
