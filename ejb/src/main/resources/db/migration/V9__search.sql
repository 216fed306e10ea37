-- Version 9: full-text search over what a clerk looks documents up by — number and notation,
-- abstract, issuing organ and the PDF's own text — with and without diacritics: "quyet dinh"
-- finds "Quyết định". The 'simple' configuration (no stemming: Vietnamese words are syllables)
-- over text with its diacritics removed, đ included.

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); pinned to one dictionary it is safe to
-- index, which is what declaring this wrapper IMMUTABLE says.
CREATE FUNCTION lt_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

ALTER TABLE outgoing_document
    ADD COLUMN search_meta tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', lt_fold(coalesce(notation, '') || ' ' || replace(coalesce(notation, ''), '/', ' ')
            || ' ' || abstract))) STORED,
    -- the issuing organ's name and the PDF's text, read once when the document comes in
    ADD COLUMN search_body tsvector NOT NULL DEFAULT ''::tsvector;

CREATE INDEX outgoing_document_search_idx ON outgoing_document USING gin ((search_meta || search_body));
