-- Version 3: notations as Decree 30/2020/NĐ-CP writes them (art. 15, Annex I and III).
-- unit.notation is the organ's abbreviation in a document's notation ("UBND" for a ward's
-- People's Committee: 15/QĐ-UBND); the short name ("Thạc Gián") names accounts and screens.
-- A công văn also carries the abbreviation of the division that drafted it (12/UBND-VP).

ALTER TABLE unit ADD COLUMN short_name VARCHAR(64);
UPDATE unit SET short_name = notation;
-- Before this version the demo data put a committee's short name where its abbreviation goes.
UPDATE unit SET notation = 'UBND' WHERE name LIKE 'Ủy ban nhân dân %' AND notation <> 'UBND';
ALTER TABLE unit ALTER COLUMN short_name SET NOT NULL;

-- Phòng, ban of a unit that draft documents in its name (đơn vị soạn thảo).
CREATE TABLE unit_division (
    unit_code    VARCHAR(32)  NOT NULL REFERENCES unit (code),
    abbreviation VARCHAR(16)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    PRIMARY KEY (unit_code, abbreviation)
);

ALTER TABLE outgoing_document ADD COLUMN drafting_division VARCHAR(16);
