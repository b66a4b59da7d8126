//! Relations between targets, as linking needs them: which flow a stock
//! accumulates (so two running totals give a derived flow) and which targets
//! are near misses for each other (listed as indicator drift, never judged).
//!
//! They are declared in the rule files (`stock_of`, `related`) and handed to
//! [`link`](super::link) as a value built from the rules in effect, so a
//! target a user adds gets the same linking as a default one; nothing here
//! reads files or guesses from the shape of an id.

use crate::rule_set::RuleSet;
use crate::statement::Measure;
use std::collections::{BTreeSet, HashMap};

/// What linking knows about how targets relate, by target id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TargetRelations {
    by_id: HashMap<String, Relation>,
}

/// One target's side of the relations.
#[derive(Debug, Clone, Default, PartialEq)]
struct Relation {
    /// Declared measure; `None` for an id only named by another target.
    measure: Option<Measure>,
    /// The flow target this stock accumulates.
    stock_of: Option<String>,
    /// Near-miss targets, in both directions, sorted so drift lists are stable.
    related: BTreeSet<String>,
}

impl TargetRelations {
    /// How the targets of a rule set relate (`stock_of`, `related`).
    pub fn of(rules: &RuleSet) -> TargetRelations {
        let mut relations = TargetRelations::new();
        for loaded in &rules.targets {
            let t = &loaded.target;
            relations.declare(
                t.id.get_ref(),
                t.measure,
                t.stock_of.as_ref().map(|s| s.get_ref().as_str()),
                t.related.iter().map(|r| r.get_ref().as_str()),
            );
        }
        relations
    }

    /// No relations: every target stands alone.
    pub fn new() -> TargetRelations {
        TargetRelations::default()
    }

    /// Records one target as its rule declares it. A stock and the flow it
    /// accumulates are also near misses for each other; a `related` id is
    /// related back, so each relation needs declaring on one side only. A
    /// target is never its own near miss.
    pub fn declare<'r>(
        &mut self,
        id: &str,
        measure: Measure,
        stock_of: Option<&'r str>,
        related: impl IntoIterator<Item = &'r str>,
    ) {
        let entry = self.by_id.entry(id.to_owned()).or_default();
        entry.measure = Some(measure);
        entry.stock_of = stock_of.map(str::to_owned);
        let others: Vec<&str> = related.into_iter().chain(stock_of).collect();
        for other in others.into_iter().filter(|&other| other != id) {
            self.relate(id, other);
            self.relate(other, id);
        }
    }

    fn relate(&mut self, from: &str, to: &str) {
        self.by_id
            .entry(from.to_owned())
            .or_default()
            .related
            .insert(to.to_owned());
    }

    /// The flow target whose additions the stock target `stock` adds up, if
    /// `stock` is declared a stock with `stock_of`.
    pub fn flow_of(&self, stock: &str) -> Option<&str> {
        let relation = self.by_id.get(stock)?;
        match relation.measure {
            Some(Measure::Stock) => relation.stock_of.as_deref(),
            _ => None,
        }
    }

    /// Targets whose figures are near misses for `target`, sorted by id.
    pub fn related(&self, target: &str) -> impl Iterator<Item = &str> {
        self.by_id
            .get(target)
            .into_iter()
            .flat_map(|r| r.related.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The relations the linker tests use (schools and 5G stations).
    fn schools_and_stations() -> TargetRelations {
        crate::link::tests::relations()
    }

    fn related<'a>(relations: &'a TargetRelations, target: &str) -> Vec<&'a str> {
        relations.related(target).collect()
    }

    #[test]
    fn a_relation_declared_once_works_both_ways() {
        let relations = schools_and_stations();
        assert_eq!(
            related(&relations, "school_places_k12"),
            ["school_places_public"]
        );
        assert_eq!(
            related(&relations, "school_places_public"),
            ["kindergarten_places", "school_places_k12"]
        );
    }

    #[test]
    fn a_stock_and_its_flow_are_near_misses_for_each_other() {
        let relations = schools_and_stations();
        assert_eq!(
            relations.flow_of("g5_base_stations_total"),
            Some("g5_base_stations")
        );
        assert_eq!(relations.flow_of("g5_base_stations"), None);
        assert_eq!(
            related(&relations, "g5_base_stations"),
            ["g5_base_stations_total"]
        );
        assert_eq!(
            related(&relations, "g5_base_stations_total"),
            ["g5_base_stations"]
        );
    }

    #[test]
    fn nothing_is_read_from_the_shape_of_an_id() {
        let mut relations = TargetRelations::new();
        relations.declare("bidao_total", Measure::Stock, None, []);
        relations.declare(
            "ev_chargers_to_date",
            Measure::Stock,
            Some("charging_piles"),
            [],
        );
        assert_eq!(relations.flow_of("bidao_total"), None);
        assert_eq!(related(&relations, "bidao"), Vec::<&str>::new());
        assert_eq!(
            relations.flow_of("ev_chargers_to_date"),
            Some("charging_piles")
        );
        assert_eq!(related(&relations, "unknown"), Vec::<&str>::new());
    }

    #[test]
    fn only_a_stock_accumulates_and_nothing_is_its_own_near_miss() {
        let mut relations = TargetRelations::new();
        relations.declare("bidao", Measure::Flow, Some("greenway"), ["bidao"]);
        assert_eq!(relations.flow_of("bidao"), None);
        assert_eq!(related(&relations, "bidao"), ["greenway"]);
    }
}
