//! luoshi (落实, "follow-through") checks whether Chinese district governments
//! do what their reports said they would.
//!
//! The pipeline runs one way: [`document`] reads and normalises a report
//! (and [`place`] identifies its government by division code),
//! [`extract`] turns it into [`statement::Statement`]s with the TOML rules of
//! [`rule_set`], [`link`] pairs each year's plans with later outcomes, and
//! [`render`] prints tables, CSV, JSON or Markdown.

pub mod cli;
pub mod command;
pub mod diff;
pub mod doc_name;
pub mod document;
pub mod error;
pub mod eval;
pub mod extract;
pub mod input;
pub mod link;
pub mod place;
pub mod quantity;
pub mod record;
pub mod render;
pub mod rule;
pub mod rule_check;
pub mod rule_set;
pub mod statement;
pub mod suggestion;
pub mod summary;
pub mod unit;

pub use command::run;
