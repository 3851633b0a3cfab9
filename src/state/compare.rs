//! The comparison view's own state: which discrepancy is current, what to bring into view next,
//! and what to announce. Plain data and a reducer, tested without a DOM; the view turns a
//! [`Reveal`] into scrolling and a flash.

use std::rc::Rc;
use yew::Reducible;

/// One difference the reader can walk to: its announcement and the sentences it is in.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    /// What a screen reader hears when it becomes current ("Number: over 250 (A) vs …").
    pub label: String,
    /// Sentence index in A, if the difference is in A.
    pub a: Option<usize>,
    /// Sentence index in B, if the difference is in B.
    pub b: Option<usize>,
}

/// A request to bring sentences into view and flash them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reveal {
    pub a: Option<usize>,
    pub b: Option<usize>,
    /// Let synchronised scrolling move the other column (a request for one side only), rather
    /// than placing each column on its own sentence.
    pub follow: bool,
    /// Changes with every request, so asking for the same place twice shows it twice.
    pub nonce: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareState {
    pub stops: Rc<[Stop]>,
    /// Index into `stops`.
    pub current: Option<usize>,
    pub reveal: Option<Reveal>,
    /// The last walk went past one end and came round to the other.
    pub wrapped: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareAction {
    /// The next difference (`n`), from the first when none is current.
    Next,
    /// The previous difference (`p`), from the last when none is current.
    Prev,
    /// A difference picked directly (a card was clicked).
    Select(usize),
    /// Show sentences that are not a difference (a minimap tick, a moved sentence's partner).
    Show { a: Option<usize>, b: Option<usize> },
}

impl CompareState {
    pub fn new(stops: Vec<Stop>) -> CompareState {
        CompareState {
            stops: stops.into(),
            current: None,
            reveal: None,
            wrapped: false,
        }
    }

    /// The text of the live region: where the walk is, or how to start it.
    pub fn announcement(&self) -> String {
        let total = self.stops.len();
        match self.current {
            _ if total == 0 => "No differences to walk through.".to_string(),
            None => format!("{total} differences. Press n for the next, p for the previous."),
            Some(i) => {
                let wrapped = match (self.wrapped, i) {
                    (false, _) => "",
                    (true, 0) => " (back at the first)",
                    (true, _) => " (back at the last)",
                };
                format!(
                    "Difference {} of {total}{wrapped}: {}",
                    i + 1,
                    self.stops[i].label
                )
            }
        }
    }

    fn nonce(&self) -> u32 {
        self.reveal.map_or(0, |r| r.nonce.wrapping_add(1))
    }

    fn at(&self, i: usize, wrapped: bool) -> CompareState {
        let stop = &self.stops[i];
        CompareState {
            stops: Rc::clone(&self.stops),
            current: Some(i),
            reveal: Some(Reveal {
                a: stop.a,
                b: stop.b,
                follow: stop.a.is_none() || stop.b.is_none(),
                nonce: self.nonce(),
            }),
            wrapped,
        }
    }
}

impl Reducible for CompareState {
    type Action = CompareAction;

    fn reduce(self: Rc<Self>, action: CompareAction) -> Rc<Self> {
        let total = self.stops.len();
        if total == 0 && !matches!(action, CompareAction::Show { .. }) {
            return self;
        }
        let next = match action {
            CompareAction::Next => match self.current {
                None => self.at(0, false),
                Some(i) if i + 1 == total => self.at(0, true),
                Some(i) => self.at(i + 1, false),
            },
            CompareAction::Prev => match self.current {
                None => self.at(total - 1, false),
                Some(0) => self.at(total - 1, true),
                Some(i) => self.at(i - 1, false),
            },
            CompareAction::Select(i) if i < total => self.at(i, false),
            CompareAction::Select(_) => return self,
            CompareAction::Show { a, b } => CompareState {
                reveal: Some(Reveal {
                    a,
                    b,
                    follow: a.is_none() || b.is_none(),
                    nonce: self.nonce(),
                }),
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(n: usize) -> Rc<CompareState> {
        let stops = (0..n)
            .map(|i| Stop {
                label: format!("stop {i}"),
                a: Some(i * 2),
                b: (i % 2 == 0).then_some(i * 3),
            })
            .collect();
        Rc::new(CompareState::new(stops))
    }

    #[test]
    fn next_starts_at_the_first_difference_and_reveals_its_sentences() {
        let s = state(3).reduce(CompareAction::Next);
        assert_eq!(s.current, Some(0));
        let r = s.reveal.unwrap();
        assert_eq!((r.a, r.b, r.follow), (Some(0), Some(0), false));
        assert_eq!(s.announcement(), "Difference 1 of 3: stop 0");
    }

    #[test]
    fn a_one_sided_difference_lets_the_other_column_follow() {
        // Stop 1 is only in A: B has no sentence of its own to go to.
        let r = state(3).reduce(CompareAction::Select(1)).reveal.unwrap();
        assert_eq!((r.a, r.b, r.follow), (Some(2), None, true));
    }

    #[test]
    fn walking_past_the_end_wraps_and_says_so() {
        let s = state(2)
            .reduce(CompareAction::Next)
            .reduce(CompareAction::Next);
        assert_eq!(s.current, Some(1));
        assert!(!s.wrapped);
        let s = s.reduce(CompareAction::Next);
        assert_eq!(s.current, Some(0));
        assert_eq!(
            s.announcement(),
            "Difference 1 of 2 (back at the first): stop 0"
        );
        let s = s.reduce(CompareAction::Prev);
        assert_eq!(s.current, Some(1));
        assert_eq!(
            s.announcement(),
            "Difference 2 of 2 (back at the last): stop 1"
        );
    }

    #[test]
    fn prev_from_nothing_starts_at_the_last() {
        let s = state(4).reduce(CompareAction::Prev);
        assert_eq!(s.current, Some(3));
        assert!(!s.wrapped, "starting from the end is not wrapping");
    }

    #[test]
    fn every_reveal_is_new_even_for_the_same_difference() {
        let s = state(3).reduce(CompareAction::Select(1));
        let first = s.reveal.unwrap();
        let s = s.reduce(CompareAction::Select(1));
        let second = s.reveal.unwrap();
        assert_eq!((first.a, first.b), (second.a, second.b));
        assert_ne!(
            first.nonce, second.nonce,
            "clicking a card again must flash it again"
        );
    }

    #[test]
    fn selecting_out_of_range_changes_nothing() {
        let s = state(2);
        let after = Rc::clone(&s).reduce(CompareAction::Select(2));
        assert!(Rc::ptr_eq(&s, &after));
    }

    #[test]
    fn walking_with_no_differences_is_a_no_op_with_a_clear_message() {
        let s = state(0);
        let after = Rc::clone(&s).reduce(CompareAction::Next);
        assert!(Rc::ptr_eq(&s, &after));
        assert_eq!(after.current, None);
        assert_eq!(after.announcement(), "No differences to walk through.");
    }

    #[test]
    fn showing_one_side_follows_and_keeps_the_current_difference() {
        let s = state(3)
            .reduce(CompareAction::Select(2))
            .reduce(CompareAction::Show {
                a: Some(7),
                b: None,
            });
        assert_eq!(s.current, Some(2), "n continues from where the reader was");
        let r = s.reveal.unwrap();
        assert_eq!((r.a, r.b, r.follow), (Some(7), None, true));
        let both = s
            .reduce(CompareAction::Show {
                a: Some(1),
                b: Some(4),
            })
            .reveal
            .unwrap();
        assert!(
            !both.follow,
            "two targets are placed each in its own column"
        );
    }

    #[test]
    fn announcement_before_walking_says_how_to_start() {
        assert_eq!(
            state(5).announcement(),
            "5 differences. Press n for the next, p for the previous."
        );
    }
}
