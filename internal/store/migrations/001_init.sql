-- Answers given in chat: no question text, no user.
CREATE TABLE answers (
	id        TEXT PRIMARY KEY,
	at        INTEGER NOT NULL, -- unix seconds
	platform  TEXT NOT NULL,
	intent    TEXT NOT NULL,
	abstained INTEGER NOT NULL
);
CREATE INDEX answers_at ON answers(at);

-- The guide sections each answer cited.
CREATE TABLE citations (
	answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
	n         INTEGER NOT NULL,
	guide     TEXT NOT NULL,
	source    TEXT NOT NULL,
	section   TEXT NOT NULL,
	PRIMARY KEY (answer_id, n)
);

-- One vote per user (a keyed hash of the id) per answer.
CREATE TABLE votes (
	answer_id TEXT NOT NULL,
	user_hash TEXT NOT NULL,
	at        INTEGER NOT NULL,
	platform  TEXT NOT NULL,
	vote      TEXT NOT NULL CHECK (vote IN ('helpful', 'not_helpful')),
	intent    TEXT NOT NULL,
	cited     TEXT NOT NULL, -- JSON array of {guide, source, section}
	PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX votes_at ON votes(at);

-- The only question text kept: questions the guides could not answer and
-- questions whose answer was voted not helpful, for retention_days.
CREATE TABLE questions (
	id        INTEGER PRIMARY KEY,
	at        INTEGER NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('abstained', 'not_helpful')),
	answer_id TEXT NOT NULL,
	intent    TEXT NOT NULL,
	text      TEXT NOT NULL
);
CREATE INDEX questions_at ON questions(at);
CREATE INDEX questions_answer ON questions(answer_id);
