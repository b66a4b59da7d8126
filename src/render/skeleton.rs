//! A rule skeleton as commented TOML, ready to save in a `--rules` folder:
//! what was read from the sentence, and the two names left to fill in.

use super::statements::format_value;
use crate::rule_check::Skeleton;
use crate::statement::{Bound, Measure};
use std::io::{self, Write};

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Writes `skeleton` as a `[[target]]` table with comments.
pub fn write(out: &mut dyn Write, s: &Skeleton) -> io::Result<()> {
    writeln!(
        out,
        "# A new target read from one sentence. Fill in `name_zh` and"
    )?;
    writeln!(
        out,
        "# `name_en`, check the terms, add a second example and a"
    )?;
    writeln!(out, "# counter-example, then run `luoshi rules check DIR`.")?;
    if s.replaces {
        writeln!(
            out,
            "# `{}` is already a target: in a --rules folder this table replaces it.",
            s.id
        )?;
    }
    writeln!(out, "[[target]]")?;
    writeln!(out, "id = {}", quoted(&s.id))?;
    writeln!(
        out,
        "name_zh = \"\"  # fill in: the Chinese name shown in outputs, e.g. 充电桩"
    )?;
    writeln!(
        out,
        "name_en = \"\"  # fill in: the English name, e.g. EV charging piles built"
    )?;
    writeln!(
        out,
        "unit = {}  # read from `{}`{}",
        quoted(&s.unit),
        s.quantity,
        bound_note(s.bound)
    )?;
    writeln!(
        out,
        "measure = \"{}\"  # {}",
        measure_word(s.measure),
        measure_note(s.measure)
    )?;
    if s.term.is_empty() {
        writeln!(out, "terms = []  # fill in: the words that name the target")?;
    } else {
        writeln!(
            out,
            "terms = [{}]  # the words before the number; keep what names the target in any report",
            quoted(&s.term)
        )?;
    }
    for (term, targets) in &s.competing {
        writeln!(
            out,
            "# `{term}` is a term of {}: where terms overlap the longest wins, and the nearest term takes a number (docs/rules.md, \"How terms compete\")",
            targets
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    for (target, quantity) in &s.read_as {
        writeln!(
            out,
            "# the rules in effect already read `{quantity}` here as `{target}`"
        )?;
    }
    writeln!(out, "examples = [")?;
    writeln!(
        out,
        "  {{ text = {}, value = {} }},",
        quoted(&s.sentence),
        format_value(s.value)
    )?;
    writeln!(out, "]")?;
    writeln!(
        out,
        "counter_examples = []  # a near-miss sentence that must give nothing"
    )
}

fn measure_word(m: Measure) -> &'static str {
    match m {
        Measure::Flow => "flow",
        Measure::Stock => "stock",
        Measure::Rate => "rate",
    }
}

fn measure_note(m: Measure) -> &'static str {
    match m {
        Measure::Flow => {
            "an amount added in the period; `stock` for a running total, `rate` for a growth rate"
        }
        Measure::Stock => {
            "a running total (累计…); `flow` if the figure is what was added in the period"
        }
        Measure::Rate => "a growth rate in percent; `flow` or `stock` for an amount",
    }
}

fn bound_note(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "",
        Bound::AtLeast => "; the sentence sets a floor (at least)",
        Bound::AtMost => "; the sentence sets a ceiling (at most)",
        Bound::About => "; the figure is approximate (约, 左右)",
    }
}
