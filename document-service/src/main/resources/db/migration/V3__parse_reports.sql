-- What the parser made of each compilation (issue 10), kept so GET /compilations/{id} shows it after the import:
-- the share of the source placed in speeches, what was assumed (warnings) and what could not be placed
-- (unplaced), both JSON arrays in TEXT like a speech body, and the GB/T 2260 code of the province inferred
-- from the speakers (the region of an edited committee is resolved within it). Compilations imported before
-- this migration have no report: coverage NULL, empty arrays.
ALTER TABLE compilation ADD COLUMN province_code VARCHAR(12);
ALTER TABLE compilation ADD COLUMN coverage DOUBLE PRECISION;
ALTER TABLE compilation ADD COLUMN warnings_json TEXT DEFAULT '[]' NOT NULL;
ALTER TABLE compilation ADD COLUMN unplaced_json TEXT DEFAULT '[]' NOT NULL;
-- A source without a cover title is imported (with a warning), not refused: its compilation has no title.
ALTER TABLE compilation ALTER COLUMN title DROP NOT NULL;
