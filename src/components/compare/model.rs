//! A comparison and its layout, computed once per pair of articles and shared by every part of
//! the view.

use super::layout::{self, Layout, Status};
use crate::state::compare::Stop;
use parallax_core::compare::{Comparison, Sentence};
use parallax_core::report::{self, Column, Segment};

pub struct Model {
    pub c: Comparison,
    pub layout: Layout,
}

impl Model {
    pub fn new(c: Comparison) -> Model {
        let layout = layout::layout(&c);
        Model { c, layout }
    }

    pub fn sentence(&self, col: Column, i: usize) -> &Sentence {
        match col {
            Column::A => &self.c.a.sentences[i],
            Column::B => &self.c.b.sentences[i],
        }
    }

    pub fn sentences(&self, col: Column) -> &[Sentence] {
        match col {
            Column::A => &self.c.a.sentences,
            Column::B => &self.c.b.sentences,
        }
    }

    /// The sentence cut for display: word-diff marks against its partner (none for a pair the
    /// core calls rewritten: marking every word says nothing) and flags on discrepancy words.
    pub fn segments(&self, col: Column, i: usize) -> Vec<Segment> {
        let placed = self.layout.placed(col, i);
        let ops = match placed.diff.map(|d| &self.c.diffs[d]) {
            Some(d) if !d.rewritten => d.ops.as_slice(),
            _ => &[],
        };
        let flags: Vec<_> = placed.flags.iter().map(|f| f.1.clone()).collect();
        report::segments(&self.sentence(col, i).text, ops, col, &flags)
    }

    /// Whether the sentence's pair is so reworded that the core gives no word diff.
    pub fn reworded(&self, col: Column, i: usize) -> bool {
        self.layout
            .placed(col, i)
            .diff
            .is_some_and(|d| self.c.diffs[d].rewritten)
    }

    /// Links that cross the reading order and are shown as moved.
    pub fn moved_links(&self) -> usize {
        self.layout
            .a
            .iter()
            .filter(|p| p.status == Status::Moved)
            .count()
    }

    /// The differences `n` and `p` walk through, in the order of the panel.
    pub fn stops(&self) -> Vec<Stop> {
        self.c
            .discrepancies
            .iter()
            .map(|d| Stop {
                label: format!("{}: {}", report::kind_label(d.kind), d.summary),
                a: d.a_sentence,
                b: d.b_sentence,
            })
            .collect()
    }
}

/// The model shared between the view's parts, compared by identity.
pub type Shared = crate::state::Shared<Model>;

/// Element id of a sentence, for `aria-controls` and scrolling.
pub fn sentence_id(col: Column, i: usize) -> String {
    format!("cmp-{}-{i}", col.letter().to_ascii_lowercase())
}

/// Screen-reader and tooltip label of a sentence's status.
pub fn status_label(status: Status, col: Column, reworded: bool) -> String {
    match status {
        Status::Shared => "Shared: same wording in both".to_string(),
        Status::Changed if reworded => "Changed: reworded in the other article".to_string(),
        Status::Changed => "Changed: wording differs".to_string(),
        Status::Only => format!("Only in {}", col.letter()),
        Status::Moved => "Moved: reported elsewhere in the other article".to_string(),
    }
}

/// The icon that marks a status without colour.
pub fn status_icon(status: Status, col: Column) -> &'static str {
    match (status, col) {
        (Status::Shared, _) => "=",
        (Status::Changed, _) => "≈",
        (Status::Only, Column::A) => "−",
        (Status::Only, Column::B) => "+",
        (Status::Moved, _) => "⇅",
    }
}
