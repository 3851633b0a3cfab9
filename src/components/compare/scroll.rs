//! Browser glue for the two panes: synchronised scrolling by shared rows, and bringing sentences
//! into view. Rows are the panes' direct children, in the same order in both.

use crate::state::compare::Reveal;
use parallax_core::report::Column;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Scroll positions set by code, per pane, so the scroll event they cause is not mistaken for the
/// reader scrolling (which would echo back to the other pane).
#[derive(Default)]
pub struct Guard {
    expected: [Cell<Option<f64>>; 2],
}

impl Guard {
    fn slot(&self, col: Column) -> &Cell<Option<f64>> {
        &self.expected[if col == Column::A { 0 } else { 1 }]
    }

    /// Whether the scroll event `pane` just fired was one we caused (and forgets it).
    pub fn ours(&self, col: Column, pane: &Element) -> bool {
        match self.slot(col).take() {
            Some(expected) => (f64::from(pane.scroll_top()) - expected).abs() < 2.0,
            None => false,
        }
    }

    /// Sets `pane`'s scroll position, remembering it when it really moves (no move, no event).
    fn set(&self, col: Column, pane: &Element, top: f64) {
        let before = pane.scroll_top();
        pane.set_scroll_top(top.max(0.0).round() as i32);
        let after = pane.scroll_top();
        if after != before {
            self.slot(col).set(Some(f64::from(after)));
        }
    }
}

fn rows(pane: &Element) -> Vec<HtmlElement> {
    let children = pane.children();
    (0..children.length())
        .filter_map(|i| children.item(i)?.dyn_into().ok())
        .collect()
}

/// Scrolls `dst` so the row at the top of `src` is at its top, the same fraction of the way in.
/// With level bands (wide screens) this equals mirroring; stacked, it keeps the same passage.
pub fn follow(src: &Element, dst: &Element, dst_col: Column, guard: &Guard) {
    let top = f64::from(src.scroll_top());
    let (src_rows, dst_rows) = (rows(src), rows(dst));
    let at = src_rows.partition_point(|r| f64::from(r.offset_top() + r.offset_height()) <= top);
    let (Some(s), Some(d)) = (src_rows.get(at), dst_rows.get(at)) else {
        return;
    };
    let height = f64::from(s.offset_height());
    let frac = if height > 0.0 {
        ((top - f64::from(s.offset_top())) / height).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let target = f64::from(d.offset_top()) + frac * f64::from(d.offset_height());
    // At the very bottom of the source, show the bottom of the other too.
    let at_end = top + f64::from(src.client_height()) >= f64::from(src.scroll_height()) - 1.0;
    let target = if at_end {
        f64::from(dst.scroll_height())
    } else {
        target
    };
    guard.set(dst_col, dst, target);
}

/// Brings the revealed sentences to the middle of their panes, then the panes into the window.
/// A request for one side lets that pane's scroll event move the other (synchronised).
pub fn reveal(panes: [&Element; 2], box_: Option<&Element>, r: &Reveal, guard: &Guard) {
    let mut shown = Vec::new();
    for (col, target) in [(Column::A, r.a), (Column::B, r.b)] {
        let Some(i) = target else { continue };
        let pane = panes[if col == Column::A { 0 } else { 1 }];
        let Ok(Some(el)) = pane.query_selector(&format!("[data-index=\"{i}\"]")) else {
            continue;
        };
        let (pr, er) = (
            pane.get_bounding_client_rect(),
            el.get_bounding_client_rect(),
        );
        let offset = er.top() - pr.top() + f64::from(pane.scroll_top());
        let top = offset - (f64::from(pane.client_height()) - er.height()) / 2.0;
        if r.follow {
            pane.set_scroll_top(top.max(0.0).round() as i32);
        } else {
            guard.set(col, pane, top);
        }
        shown.push(el);
    }
    let window = gloo::utils::window();
    let view_h = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let outside = |el: &Element| {
        let rect = el.get_bounding_client_rect();
        rect.top() < 0.0 || rect.bottom() > view_h
    };
    // Where the panes fit the window (wide screens), show them whole; elsewhere at least the
    // sentences.
    if let Some(b) = box_.filter(|b| outside(b) || shown.iter().any(outside)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        b.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Keeps the current card visible in its list when the list scrolls by itself (wide screens),
/// without moving the page.
pub fn card_into_view(list: &Element, index: usize) {
    let Ok(Some(card)) = list.query_selector(&format!("#cmp-card-{index}")) else {
        return;
    };
    if list.scroll_height() <= list.client_height() {
        return;
    }
    let (lr, cr) = (
        list.get_bounding_client_rect(),
        card.get_bounding_client_rect(),
    );
    if cr.top() < lr.top() {
        list.set_scroll_top(list.scroll_top() - (lr.top() - cr.top()).ceil() as i32 - 8);
    } else if cr.bottom() > lr.bottom() {
        list.set_scroll_top(list.scroll_top() + (cr.bottom() - lr.bottom()).ceil() as i32 + 8);
    }
}

/// A shared [`Guard`] for the panes' listeners and the reveal effect.
pub type SharedGuard = Rc<Guard>;
