//! Extract: the second pipeline stage. Runs the compiled rules over a
//! document's sentences and indicator table and returns `Statement`s.

use crate::document::Document;
use crate::rule_set::{RuleError, RuleSet};
use crate::statement::Statement;

/// Rules compiled for matching.
#[derive(Debug)]
pub struct Extractor {}

impl Extractor {
    /// Compiles every rule in the set.
    pub fn new(_rules: &RuleSet) -> Result<Extractor, RuleError> {
        Ok(Extractor {})
    }

    /// Every statement in a document, in document order.
    pub fn extract(&self, _doc: &Document) -> Vec<Statement> {
        Vec::new()
    }
}
