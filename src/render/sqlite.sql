-- The schema of `luoshi track --format sqlite` (documented in docs/output.md).
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,            -- file stem
    path TEXT NOT NULL UNIQUE,    -- as given on the command line
    place TEXT,                   -- full name of the place the report is about; NULL when unknown
    place_code TEXT,              -- its GB/T 2260 code (or a catalogue's own code)
    kind TEXT NOT NULL,           -- h1, annual, gwr, unknown
    year INTEGER,                 -- the year the report is mainly about
    date TEXT,                    -- delivery or publication date, YYYY-MM-DD
    reviewed TEXT NOT NULL,       -- every year and period reviewed, e.g. "2024 FY"
    sha256 TEXT NOT NULL,         -- of the file's bytes
    bytes INTEGER NOT NULL
);
CREATE TABLE reviewed_periods (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    year INTEGER NOT NULL,
    period TEXT NOT NULL
);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),
    doc TEXT NOT NULL,
    place TEXT,
    place_code TEXT,
    kind TEXT NOT NULL,           -- plan or outcome
    target TEXT NOT NULL,
    measure TEXT NOT NULL,        -- flow, stock, rate
    year INTEGER NOT NULL,
    period TEXT NOT NULL,         -- FY, H1, ...
    value REAL NOT NULL,          -- in the unit below
    upper REAL,                   -- upper end of a range
    unit TEXT NOT NULL,
    bound TEXT NOT NULL,          -- at_least, about, at_most, exact
    hedge TEXT,                   -- 力争, 确保, 计划, 预计 ...
    estimated INTEGER NOT NULL,   -- 1 for a 预计 figure
    scope TEXT,                   -- named area; NULL for the whole place
    line INTEGER NOT NULL,        -- 1-based, in the decoded text
    col INTEGER NOT NULL,         -- 1-based, in characters
    byte_start INTEGER NOT NULL,  -- byte range of the quote in the decoded text
    byte_end INTEGER NOT NULL,
    quote TEXT NOT NULL
);
CREATE TABLE rows (
    id INTEGER PRIMARY KEY,
    place TEXT,
    place_code TEXT,
    target TEXT NOT NULL,
    measure TEXT NOT NULL,
    scope TEXT,
    year INTEGER NOT NULL,
    status TEXT NOT NULL,         -- exceeded, met, short, on_pace, behind_pace, unreported, pending, unplanned
    status_zh TEXT NOT NULL,
    ratio REAL,                   -- outcome / plan (flows, stocks)
    gap_pp REAL,                  -- outcome - plan in points (rates)
    plan_statement_id INTEGER REFERENCES statements(id),  -- the plan judged against
    plan_value REAL,
    plan_upper REAL,
    plan_unit TEXT,
    plan_bound TEXT,
    plan_hedge TEXT,
    outcome_statement_id INTEGER REFERENCES statements(id),  -- NULL when none or derived
    outcome_value REAL,
    outcome_unit TEXT,
    outcome_period TEXT,
    outcome_estimated INTEGER,
    outcome_derived INTEGER,
    flags TEXT NOT NULL           -- comma-separated
);
CREATE TABLE row_plans (
    row_id INTEGER NOT NULL REFERENCES rows(id),
    statement_id INTEGER REFERENCES statements(id),
    value REAL NOT NULL,
    doc TEXT NOT NULL,
    line INTEGER NOT NULL
);
CREATE TABLE candidates (
    row_id INTEGER NOT NULL REFERENCES rows(id),
    statement_id INTEGER REFERENCES statements(id),  -- NULL for a flow derived from stocks
    role TEXT NOT NULL,           -- outcome (same target) or drift (near miss)
    decision TEXT NOT NULL,       -- taken, superseded, other_year, other_scope, ...
    reason TEXT NOT NULL,
    scope_similarity REAL NOT NULL,
    target TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    measure TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL,
    scope TEXT,
    derived INTEGER NOT NULL,
    doc TEXT NOT NULL,
    line INTEGER NOT NULL,
    quote TEXT NOT NULL
);
CREATE TABLE searched (
    row_id INTEGER NOT NULL REFERENCES rows(id),
    document_id INTEGER REFERENCES documents(id),
    period TEXT NOT NULL
);
CREATE INDEX statements_document ON statements(document_id);
CREATE INDEX statements_target_year ON statements(target, year);
CREATE INDEX rows_plan ON rows(plan_statement_id);
CREATE INDEX rows_place_year ON rows(place, year);
CREATE INDEX row_plans_row ON row_plans(row_id);
CREATE INDEX candidates_row ON candidates(row_id);
CREATE INDEX searched_row ON searched(row_id);
