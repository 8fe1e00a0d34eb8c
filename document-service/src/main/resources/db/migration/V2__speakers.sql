-- Speakers other than local committees (issue 10): what kind of body speaks, and the person named beside it.
ALTER TABLE speech ADD COLUMN speaker_kind VARCHAR(20) DEFAULT 'committee' NOT NULL;
ALTER TABLE speech ADD COLUMN speaker_name VARCHAR(50);
