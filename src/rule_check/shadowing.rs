//! Shadowing: when another target's term keeps a target from an example's
//! number, which term won and by which rule. Two rules decide between terms
//! of different targets: the longest term wins where terms overlap
//! (`规上工业产值` over `工业产值`), and the term nearest a number takes it.
//! Found by reading the example's trace, so what is reported is what the
//! extractor did.

use crate::document::Document;
use crate::extract::{Extractor, Reason, Verdict};
use crate::rule::Target;
use std::path::Path;

/// Why another target's term took what an example asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shadow {
    /// The target's `term` stands inside `longer`, a term of `winner`, which
    /// is matched instead (leftmost-longest).
    LongerTerm {
        term: String,
        longer: String,
        winner: String,
    },
    /// `closer`, a term of `winner`, stands nearer the number `quantity`
    /// than the target's `term`, and takes it.
    CloserTerm {
        term: String,
        closer: String,
        winner: String,
        quantity: String,
    },
}

/// The shadows that kept `target` from its statement in `text`, if any.
pub fn shadows(extractor: &Extractor, target: &Target, text: &str) -> Vec<Shadow> {
    let doc = Document::from_text(
        Path::new("<example>"),
        text.to_owned(),
        extractor.normaliser(),
    );
    let id = target.id.get_ref();
    let own_terms: Vec<&str> = target
        .terms
        .iter()
        .map(|t| t.get_ref().as_str())
        .chain(
            target
                .context_terms
                .iter()
                .map(|c| c.term.get_ref().as_str()),
        )
        .collect();
    let mut out = Vec::new();
    for sentence in extractor.explain(&doc, 0..doc.text.len()) {
        let found: Vec<&str> = sentence.terms.iter().map(|t| t.term.as_str()).collect();
        for term in &own_terms {
            if !sentence.normalised.contains(term) || found.contains(term) {
                continue;
            }
            let longer = sentence
                .terms
                .iter()
                .find(|t| t.term.contains(term) && !t.targets.iter().any(|x| x == id));
            if let Some(longer) = longer {
                let shadow = Shadow::LongerTerm {
                    term: (*term).to_owned(),
                    longer: longer.term.clone(),
                    winner: longer.targets.join(", "),
                };
                if !out.contains(&shadow) {
                    out.push(shadow);
                }
            }
        }
        for lost in sentence.candidates.iter().filter(|c| c.target == *id) {
            let Verdict::Dropped(Reason::CloserTerm { term: closer }) = &lost.verdict else {
                continue;
            };
            let winner = sentence
                .candidates
                .iter()
                .find(|c| {
                    c.quantity == lost.quantity
                        && c.term == *closer
                        && c.verdict == Verdict::Kept
                        && c.target != *id
                })
                .map(|c| c.target.clone());
            if let Some(winner) = winner {
                let shadow = Shadow::CloserTerm {
                    term: lost.term.clone(),
                    closer: closer.clone(),
                    winner,
                    quantity: lost.quantity.clone(),
                };
                if !out.contains(&shadow) {
                    out.push(shadow);
                }
            }
        }
    }
    out
}
