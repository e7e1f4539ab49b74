"""Explicit schema migrations: step N takes a database from version N-1 to N."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, the inputs that gave them, problems, full-text search
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        outlet TEXT,
        title TEXT,
        published TEXT,
        dateline TEXT,
        text TEXT NOT NULL,
        url TEXT,
        format TEXT,
        retrieved TEXT,
        offset_map TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        story_id TEXT,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE inputs (
        input_id TEXT NOT NULL,
        raw_hash TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (input_id, raw_hash)
    );
    CREATE INDEX inputs_article ON inputs(article_id);
    CREATE TABLE problems (
        input_id TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        PRIMARY KEY (input_id, code)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 2: what the nlp and resolve stages find: entities, their mentions, quotes, times
    """
    ALTER TABLE articles ADD COLUMN analyzed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        actor_id TEXT,
        lat REAL,
        lon REAL
    );
    CREATE INDEX entities_type ON entities(type);
    CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        entity_id TEXT NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end, entity_id)
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue TEXT,
        speaker_entity_id TEXT,
        speaker_text TEXT,
        group_id TEXT
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        date TEXT,
        precision TEXT,
        weekday INTEGER,
        PRIMARY KEY (article_id, start, end)
    );
    """,
    # v3: events. An event is what fusion makes of its mentions; until two
    # reports fuse, each mention is an event of its own. A mention keeps its
    # own reading (record) so that disagreements between reports stay visible.
    """
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        plover TEXT,
        source TEXT,
        target TEXT,
        source_entity_id TEXT,
        target_entity_id TEXT,
        source_country TEXT,
        target_country TEXT,
        date TEXT,
        date_precision TEXT,
        place TEXT,
        counts TEXT NOT NULL DEFAULT '{}',
        confidence REAL NOT NULL,
        flags TEXT NOT NULL DEFAULT '[]',
        disputed INTEGER NOT NULL DEFAULT 0,
        disagreements TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_cameo ON events(cameo);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_entity_id);
    CREATE INDEX events_target ON events(target_entity_id);
    CREATE TABLE event_mentions (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        trigger TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX event_mentions_event ON event_mentions(event_id);
    CREATE INDEX event_mentions_article ON event_mentions(article_id);
    UPDATE articles SET analyzed = 0;
    """,
    # v4: stories. What story grouping keeps of an article (its weighted terms
    # and MinHash), so that a later run compares new articles with stored ones
    # without reading their texts again; verified near-duplicate pairs.
    """
    CREATE TABLE story_features (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        day INTEGER,
        terms TEXT NOT NULL,
        minhash BLOB NOT NULL
    );
    CREATE TABLE near_duplicates (
        article_id TEXT NOT NULL REFERENCES articles(id),
        other_id TEXT NOT NULL REFERENCES articles(id),
        jaccard REAL NOT NULL,
        PRIMARY KEY (article_id, other_id)
    );
    CREATE INDEX articles_story ON articles(story_id);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
