-- Version 6: the classification stamp found on a draft's first page (MẬT, TỐI MẬT, TUYỆT MẬT),
-- which holds its send until the sender confirms the document is not classified.
ALTER TABLE outgoing_document ADD COLUMN stamped_classification VARCHAR(16);
