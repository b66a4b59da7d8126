//! The database for analysts: documents, statements, fulfilment rows, the
//! statements behind each row's plan, its candidate outcomes and the
//! documents searched, in one SQLite file with keys between the tables (the
//! schema is in `docs/output.md`). Written in one transaction with prepared
//! statements, so its cost grows with the rows written.

use crate::link::{Candidate, Fulfilment};
use crate::record::DocumentInfo;
use crate::statement::{Kind, Statement};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashMap;
use std::path::Path;

/// What the database holds.
pub struct Database<'a> {
    pub documents: &'a [DocumentInfo],
    pub statements: &'a [Statement],
    pub rows: &'a [Fulfilment],
}

/// The tables, their columns and keys.
pub const SCHEMA: &str = include_str!("sqlite.sql");

/// Writes a new database at `path` (which must not exist yet).
pub fn write(path: &Path, db: &Database<'_>) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    conn.execute_batch(SCHEMA)?;
    let tx = conn.transaction()?;
    let documents = write_documents(&tx, db.documents)?;
    let statements = write_statements(&tx, db.statements, &documents)?;
    write_rows(&tx, db.rows, &documents, &statements)?;
    tx.commit()?;
    conn.execute_batch("ANALYZE;")?;
    Ok(())
}

/// Statement ids by what plan and outcome references name: kind, target,
/// path, line and quote.
type StatementIds<'a> = HashMap<(Kind, &'a str, &'a str, usize, &'a str), i64>;

fn write_documents<'a>(
    tx: &Transaction<'_>,
    documents: &'a [DocumentInfo],
) -> rusqlite::Result<HashMap<&'a str, i64>> {
    let mut insert = tx.prepare(
        "INSERT INTO documents (id, doc, path, place, kind, year, date, reviewed, sha256, bytes, place_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut reviewed =
        tx.prepare("INSERT INTO reviewed_periods (document_id, year, period) VALUES (?1, ?2, ?3)")?;
    let mut ids = HashMap::new();
    for (i, d) in documents.iter().enumerate() {
        let id = i as i64 + 1;
        let periods: Vec<String> = d
            .reviewed
            .iter()
            .map(|r| format!("{} {}", r.year, r.period))
            .collect();
        let kind = serde_json::to_value(d.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        insert.execute(params![
            id,
            d.doc,
            d.path,
            empty_null(&d.place),
            kind,
            d.year,
            d.date.map(|d| d.to_string()),
            periods.join(", "),
            d.sha256,
            d.bytes as i64,
            empty_null(&d.place_code),
        ])?;
        for r in &d.reviewed {
            reviewed.execute(params![id, r.year, r.period.to_string()])?;
        }
        ids.insert(d.path.as_str(), id);
    }
    Ok(ids)
}

fn write_statements<'a>(
    tx: &Transaction<'_>,
    statements: &'a [Statement],
    documents: &HashMap<&str, i64>,
) -> rusqlite::Result<StatementIds<'a>> {
    let mut insert = tx.prepare(
        "INSERT INTO statements (id, document_id, doc, place, kind, target, measure, year, period,
            value, upper, unit, bound, hedge, estimated, scope, line, col, byte_start, byte_end, quote, place_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    )?;
    let mut ids = HashMap::with_capacity(statements.len());
    for (i, s) in statements.iter().enumerate() {
        let id = i as i64 + 1;
        insert.execute(params![
            id,
            documents.get(s.path.as_str()),
            s.doc,
            empty_null(&s.place_name),
            s.kind.as_str(),
            s.target,
            s.measure.as_str(),
            s.year,
            s.period.to_string(),
            s.value,
            s.upper,
            s.unit,
            s.bound.as_str(),
            empty_null(&s.hedge),
            s.estimated,
            empty_null(&s.scope),
            s.position.line as i64,
            s.position.column as i64,
            s.position.start as i64,
            s.position.end as i64,
            s.quote,
            empty_null(&s.place_code),
        ])?;
        ids.entry((
            s.kind,
            s.target.as_str(),
            s.path.as_str(),
            s.position.line,
            s.quote.as_str(),
        ))
        .or_insert(id);
    }
    Ok(ids)
}

fn write_rows(
    tx: &Transaction<'_>,
    rows: &[Fulfilment],
    documents: &HashMap<&str, i64>,
    statements: &StatementIds<'_>,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO rows (id, place, target, measure, scope, year, status, status_zh, ratio, gap_pp,
            plan_statement_id, plan_value, plan_upper, plan_unit, plan_bound, plan_hedge,
            outcome_statement_id, outcome_value, outcome_unit, outcome_period, outcome_estimated,
            outcome_derived, flags, place_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24)",
    )?;
    let mut plan = tx.prepare(
        "INSERT INTO row_plans (row_id, statement_id, value, doc, line) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut candidate = tx.prepare(
        "INSERT INTO candidates (row_id, statement_id, role, decision, reason, scope_similarity,
            target, value, unit, measure, year, period, scope, derived, doc, line, quote)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let mut searched =
        tx.prepare("INSERT INTO searched (row_id, document_id, period) VALUES (?1, ?2, ?3)")?;
    for (i, r) in rows.iter().enumerate() {
        let id = i as i64 + 1;
        let plan_id = r.plan.as_ref().and_then(|p| {
            statement_id(statements, Kind::Plan, &r.target, &p.path, p.line, &p.quote)
        });
        let outcome_id = r.outcome.as_ref().filter(|o| !o.derived).and_then(|o| {
            statement_id(
                statements,
                Kind::Outcome,
                &o.target,
                &o.path,
                o.line,
                &o.quote,
            )
        });
        let flags: Vec<&str> = r.flags.iter().map(|f| f.as_str()).collect();
        insert.execute(params![
            id,
            empty_null(&r.place_name),
            r.target,
            r.measure.as_str(),
            empty_null(&r.scope),
            r.year,
            r.status.as_str(),
            r.status_zh,
            r.ratio,
            r.gap_pp,
            plan_id,
            r.plan.as_ref().map(|p| p.value),
            r.plan.as_ref().and_then(|p| p.upper),
            r.plan.as_ref().map(|p| p.unit.as_str()),
            r.plan.as_ref().map(|p| p.bound.as_str()),
            r.plan.as_ref().and_then(|p| empty_null(&p.hedge)),
            outcome_id,
            r.outcome.as_ref().map(|o| o.value),
            r.outcome.as_ref().map(|o| o.unit.as_str()),
            r.outcome.as_ref().map(|o| o.period.to_string()),
            r.outcome.as_ref().map(|o| o.estimated),
            r.outcome.as_ref().map(|o| o.derived),
            flags.join(","),
            empty_null(&r.place_code),
        ])?;
        for p in &r.plans {
            let sid = statement_id(statements, Kind::Plan, &r.target, &p.path, p.line, &p.quote);
            plan.execute(params![id, sid, p.value, p.doc, p.line as i64])?;
        }
        let roles = r
            .outcomes
            .iter()
            .map(|c| ("outcome", c))
            .chain(r.drift.iter().map(|c| ("drift", c)));
        for (role, c) in roles {
            write_candidate(&mut candidate, id, role, c, statements)?;
        }
        for s in &r.searched {
            searched.execute(params![
                id,
                documents.get(s.path.as_str()),
                s.period.to_string()
            ])?;
        }
    }
    Ok(())
}

fn write_candidate(
    insert: &mut rusqlite::Statement<'_>,
    row: i64,
    role: &str,
    c: &Candidate,
    statements: &StatementIds<'_>,
) -> rusqlite::Result<()> {
    let o = &c.outcome;
    let sid = (!o.derived)
        .then(|| {
            statement_id(
                statements,
                Kind::Outcome,
                &o.target,
                &o.path,
                o.line,
                &o.quote,
            )
        })
        .flatten();
    let decision = serde_json::to_value(c.decision)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    insert.execute(params![
        row,
        sid,
        role,
        decision,
        c.decision.reason(),
        c.scope_similarity,
        o.target,
        o.value,
        o.unit,
        o.measure.as_str(),
        o.year,
        o.period.to_string(),
        empty_null(&o.scope),
        o.derived,
        o.doc,
        o.line as i64,
        o.quote,
    ])?;
    Ok(())
}

/// The id of the statement a row or candidate refers to, by what names it:
/// kind, target, document, line and quote. A derived outcome has none.
fn statement_id(
    statements: &StatementIds<'_>,
    kind: Kind,
    target: &str,
    path: &str,
    line: usize,
    quote: &str,
) -> Option<i64> {
    statements.get(&(kind, target, path, line, quote)).copied()
}

/// Empty text is stored as NULL, so `IS NULL` finds what is unknown.
fn empty_null(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}
