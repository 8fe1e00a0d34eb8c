-- What the parser reads beyond the speeches' titles and bodies (issue 10), so nothing it read is lost on import:
-- a speech header's subtitle line (——在全市政协工作推进会上的发言) and date line, and the paragraphs of a
-- compilation's preface or editor's note (前言, 编者按) as a JSON array in TEXT like a speech's lead. The subtitle
-- is TEXT because the parser bounds no header line's length (a VARCHAR would turn a long one into a failed
-- import). Rows from before this migration have no subtitle, no date and an empty preface.
ALTER TABLE speech ADD COLUMN subtitle TEXT;
ALTER TABLE speech ADD COLUMN speech_date DATE;
ALTER TABLE compilation ADD COLUMN preface_json TEXT DEFAULT '[]' NOT NULL;
