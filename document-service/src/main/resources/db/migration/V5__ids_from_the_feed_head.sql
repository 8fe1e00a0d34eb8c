-- Speech and audit ids are handed out like feed cursors: from counters in the feed_head row, which every writer
-- locks first (see ChangeLog), not by identity columns. An identity value is only known once its row is inserted,
-- so Hibernate inserts such rows one by one, at once; ids known beforehand let it send an import's thousands of
-- rows in JDBC batches. The counters start at the highest id so far; the identity defaults go, so that a row
-- without an id is refused rather than given one the counters hand out again.
ALTER TABLE feed_head ADD COLUMN last_speech_id BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE feed_head ADD COLUMN last_audit_id BIGINT DEFAULT 0 NOT NULL;
UPDATE feed_head SET last_speech_id = (SELECT COALESCE(MAX(id), 0) FROM speech),
    last_audit_id = (SELECT COALESCE(MAX(id), 0) FROM audit_entry);
ALTER TABLE speech ALTER COLUMN id DROP IDENTITY;
ALTER TABLE audit_entry ALTER COLUMN id DROP IDENTITY;
