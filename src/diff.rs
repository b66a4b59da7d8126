//! Diff: what changed between two runs, the loop a rule edit is checked in.
//! Over two `extract` JSON outputs, the statements that appeared, disappeared
//! or changed value, bound or period; over two `track` JSON outputs, the rows
//! whose verdict changed, appeared or disappeared. Outputs are read as JSON
//! values, field by field, so a diff works across versions that add fields.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a JSON output holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// `extract` statements.
    Statements,
    /// `track` rows.
    Rows,
}

/// Fields that say where a statement stands (with its order in that place).
const STATEMENT_PLACE: &[&str] = &["doc", "target", "kind"];
/// Fields whose change is a changed statement.
pub const STATEMENT_FIELDS: &[&str] =
    &["value", "upper", "unit", "bound", "year", "period", "scope"];
/// Fields that name a track row (those present are used: district or place).
const ROW_KEY: &[&str] = &["place_code", "district", "place", "year", "target", "scope"];
/// Fields whose change is a changed row.
pub const ROW_FIELDS: &[&str] = &["status"];

/// One item present in both runs but different.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub old: Value,
    pub new: Value,
    /// The fields that differ, in the order of `STATEMENT_FIELDS` or `ROW_FIELDS`.
    pub fields: Vec<String>,
}

/// The difference between two outputs of the same command.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub subject: Subject,
    pub appeared: Vec<Value>,
    pub disappeared: Vec<Value>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
}

/// Why two outputs cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiffError {
    #[error("not a JSON list of statements or track rows (write it with --format json)")]
    NotAnOutput,
    #[error("one file holds statements, the other track rows")]
    Mixed,
}

/// What `items` hold, `None` when empty.
pub fn subject_of(items: &[Value]) -> Result<Option<Subject>, DiffError> {
    let subject = |v: &Value| {
        let object = v.as_object()?;
        if object.contains_key("status") {
            Some(Subject::Rows)
        } else if object.contains_key("kind") && object.contains_key("value") {
            Some(Subject::Statements)
        } else {
            None
        }
    };
    let mut found = None;
    for item in items {
        let s = subject(item).ok_or(DiffError::NotAnOutput)?;
        if found.is_some_and(|f| f != s) {
            return Err(DiffError::NotAnOutput);
        }
        found = Some(s);
    }
    Ok(found)
}

/// Compares two outputs, each a JSON list of one command's items.
pub fn diff(old: &Value, new: &Value) -> Result<Diff, DiffError> {
    let (Some(old), Some(new)) = (old.as_array(), new.as_array()) else {
        return Err(DiffError::NotAnOutput);
    };
    let subject = match (subject_of(old)?, subject_of(new)?) {
        (Some(a), Some(b)) if a != b => return Err(DiffError::Mixed),
        (Some(s), _) | (None, Some(s)) => s,
        (None, None) => Subject::Statements,
    };
    Ok(match subject {
        Subject::Statements => compare(subject, old, new, STATEMENT_PLACE, STATEMENT_FIELDS),
        Subject::Rows => compare(subject, old, new, ROW_KEY, ROW_FIELDS),
    })
}

/// The item's values of `fields`, as a key (absent fields are left out).
fn key(item: &Value, fields: &[&str]) -> String {
    let object = item.as_object();
    let mut parts: Vec<String> = fields
        .iter()
        .filter_map(|f| object.and_then(|o| o.get(*f)).map(|v| format!("{f}={v}")))
        .collect();
    // A statement's place includes its line: the same figure on another
    // line is another statement.
    if let Some(line) = item.pointer("/position/line") {
        parts.push(format!("line={line}"));
    }
    parts.join("\u{1f}")
}

/// The fields of `fields` where `a` and `b` differ.
fn differing(a: &Value, b: &Value, fields: &[&str]) -> Vec<String> {
    let get = |v: &Value, f: &str| v.get(f).cloned().unwrap_or(Value::Null);
    fields
        .iter()
        .filter(|f| !same(&get(a, f), &get(b, f)))
        .map(|f| (*f).to_owned())
        .collect()
}

/// Equal values, numbers compared as numbers (`5200` and `5200.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Groups both sides by `place`; within a group, items equal in `fields` are
/// unchanged, the rest are paired in order as changes, and what is left over
/// appeared or disappeared.
fn compare(
    subject: Subject,
    old: &[Value],
    new: &[Value],
    place: &[&str],
    fields: &[&str],
) -> Diff {
    let mut groups: BTreeMap<String, (Vec<&Value>, Vec<&Value>)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (side, items) in [(0, old), (1, new)] {
        for item in items {
            let k = key(item, place);
            let entry = groups.entry(k.clone()).or_insert_with(|| {
                order.push(k);
                (Vec::new(), Vec::new())
            });
            if side == 0 {
                entry.0.push(item);
            } else {
                entry.1.push(item);
            }
        }
    }
    let mut out = Diff {
        subject,
        appeared: Vec::new(),
        disappeared: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
    };
    for k in order {
        let Some((mut before, mut after)) = groups.remove(&k) else {
            continue;
        };
        // Equal items first: they are unchanged whatever their order.
        before.retain(|b| {
            match after
                .iter()
                .position(|a| differing(b, a, fields).is_empty())
            {
                Some(i) => {
                    after.remove(i);
                    out.unchanged += 1;
                    false
                }
                None => true,
            }
        });
        let paired = before.len().min(after.len());
        for (b, a) in before.iter().zip(&after) {
            out.changed.push(Change {
                old: (*b).clone(),
                new: (*a).clone(),
                fields: differing(b, a, fields),
            });
        }
        out.disappeared
            .extend(before[paired..].iter().map(|v| (*v).clone()));
        out.appeared
            .extend(after[paired..].iter().map(|v| (*v).clone()));
    }
    out
}

/// A value of an item, as text (`310`, `FY`, `""` for none).
pub fn field_text(item: &Value, field: &str) -> String {
    match item.get(field) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(|x| {
                if x.fract() == 0.0 && x.abs() < 1e15 {
                    format!("{x:.0}")
                } else {
                    format!("{x}")
                }
            })
            .unwrap_or_else(|| n.to_string()),
        Some(other) => other.to_string(),
    }
}

/// The object of an item, empty when it is none.
pub fn object(item: &Value) -> Map<String, Value> {
    item.as_object().cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statement(line: u64, target: &str, value: f64, period: &str) -> Value {
        json!({"doc": "d", "kind": "outcome", "target": target, "value": value,
               "unit": "个", "bound": "exact", "year": 2024, "period": period,
               "scope": "", "position": {"line": line}})
    }

    #[test]
    fn statements_appear_disappear_and_change() {
        let old = json!([
            statement(1, "a", 5.0, "FY"),
            statement(2, "a", 7.0, "FY"),
            statement(3, "b", 1.0, "FY")
        ]);
        let new = json!([
            statement(1, "a", 5.0, "FY"),
            statement(2, "a", 7.0, "H1"),
            statement(4, "c", 2.0, "FY")
        ]);
        let d = diff(&old, &new).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.subject, Subject::Statements);
        assert_eq!(d.unchanged, 1);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].fields, ["period"]);
        assert_eq!(d.disappeared, [statement(3, "b", 1.0, "FY")]);
        assert_eq!(d.appeared, [statement(4, "c", 2.0, "FY")]);
    }

    #[test]
    fn rows_change_by_verdict() {
        let row = |status: &str| json!({"district": "安和区", "year": 2030, "target": "a", "scope": "", "status": status});
        let d =
            diff(&json!([row("met")]), &json!([row("short")])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.subject, Subject::Rows);
        assert_eq!(d.changed[0].fields, ["status"]);
    }

    #[test]
    fn statements_are_not_compared_with_rows() {
        let row =
            json!([{"district": "x", "year": 1, "target": "a", "scope": "", "status": "met"}]);
        let st = json!([statement(1, "a", 1.0, "FY")]);
        assert_eq!(diff(&row, &st), Err(DiffError::Mixed));
        assert_eq!(diff(&json!({"a": 1}), &st), Err(DiffError::NotAnOutput));
    }
}
