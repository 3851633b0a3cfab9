//! Where each sentence of a [`Comparison`] goes on screen: rows shared by the two columns, so
//! linked sentences sit side by side. Pure data from the core's links, tested natively.
//!
//! News reorders facts, so links cross. Rows follow the longest chain of links that keeps both
//! articles in reading order; a sentence whose links all cross that chain is shown in its own
//! place as "moved", with a way to its partner.

use parallax_core::compare::{Comparison, DiffKind};
use parallax_core::report::Column;
use std::ops::Range;

/// How a sentence relates to the other article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Linked, same words.
    Shared,
    /// Linked, different words.
    Changed,
    /// No sentence of the other article reports it.
    Only,
    /// Linked, but the partner is elsewhere in the other article's order.
    Moved,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Shared => "shared",
            Status::Changed => "changed",
            Status::Only => "only",
            Status::Moved => "moved",
        }
    }
}

/// What the view needs to know about one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub status: Status,
    /// Index into `Comparison::diffs` of the pair whose word diff this sentence shows.
    pub diff: Option<usize>,
    /// Linked sentences of the other article, best first.
    pub partners: Vec<usize>,
    /// The row it is shown in.
    pub row: usize,
    /// Discrepancies about words of this sentence: (index into `discrepancies`, byte range).
    pub flags: Vec<(usize, Range<usize>)>,
}

/// One band across both columns. Either side may be empty (the other article has nothing there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
}

impl Row {
    /// The row's band: a linked pair, or one column's sentences alone.
    pub fn kind(&self, layout: &Layout) -> &'static str {
        let status = |col: Column, s: &[usize]| s.first().map(|&i| layout.placed(col, i).status);
        match (status(Column::A, &self.a), status(Column::B, &self.b)) {
            (Some(_), Some(_)) => {
                let changed = self.a.iter().any(|&i| layout.a[i].status != Status::Shared);
                if changed {
                    "pair-changed"
                } else {
                    "pair-shared"
                }
            }
            (Some(Status::Moved), None) | (None, Some(Status::Moved)) => "moved",
            (Some(_), None) => "only-a",
            _ => "only-b",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub rows: Vec<Row>,
    pub a: Vec<Placed>,
    pub b: Vec<Placed>,
}

impl Layout {
    pub fn placed(&self, col: Column, i: usize) -> &Placed {
        match col {
            Column::A => &self.a[i],
            Column::B => &self.b[i],
        }
    }
}

/// Lays out `c` in shared rows.
pub fn layout(c: &Comparison) -> Layout {
    let (na, nb) = (c.a.sentences.len(), c.b.sentences.len());
    let chain = chain(c);
    let mut in_chain = vec![false; c.links.len()];
    chain.iter().for_each(|&l| in_chain[l] = true);

    // Hunks: runs of chain links that share a sentence (merges and splits) form one row.
    let mut hunks: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut prev: Option<usize> = None;
    for &l in &chain {
        let link = &c.links[l];
        match (prev.map(|p| &c.links[p]), hunks.last_mut()) {
            (Some(p), Some(h)) if p.a == link.a || p.b == link.b => {
                h.0.end = h.0.end.max(link.a + 1);
                h.1.end = h.1.end.max(link.b + 1);
            }
            _ => hunks.push((link.a..link.a + 1, link.b..link.b + 1)),
        }
        prev = Some(l);
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (ha, hb) in hunks
        .iter()
        .cloned()
        .chain(std::iter::once((na..na, nb..nb)))
    {
        rows.extend((i..ha.start).map(|x| Row {
            a: vec![x],
            b: vec![],
        }));
        rows.extend((j..hb.start).map(|y| Row {
            a: vec![],
            b: vec![y],
        }));
        if !ha.is_empty() {
            rows.push(Row {
                a: ha.clone().collect(),
                b: hb.clone().collect(),
            });
        }
        (i, j) = (ha.end, hb.end);
    }

    let place = |col: Column, n: usize| -> Vec<Placed> {
        (0..n)
            .map(|s| {
                let end = |l: &parallax_core::compare::Link| {
                    if col == Column::A {
                        (l.a, l.b)
                    } else {
                        (l.b, l.a)
                    }
                };
                let mut mine: Vec<usize> = (0..c.links.len())
                    .filter(|&l| end(&c.links[l]).0 == s)
                    .collect();
                mine.sort_by(|&x, &y| c.links[y].score.total_cmp(&c.links[x].score));
                let partners = mine.iter().map(|&l| end(&c.links[l]).1).collect();
                let aligned = mine.iter().copied().find(|&l| in_chain[l]);
                let (status, diff) = match (aligned, mine.first()) {
                    (Some(l), _) => {
                        let same = c.diffs[l].ops.iter().all(|o| o.kind == DiffKind::Equal);
                        (
                            if same {
                                Status::Shared
                            } else {
                                Status::Changed
                            },
                            Some(l),
                        )
                    }
                    (None, Some(&l)) => (Status::Moved, Some(l)),
                    (None, None) => (Status::Only, None),
                };
                let flags = c
                    .discrepancies
                    .iter()
                    .enumerate()
                    .filter_map(|(d, disc)| {
                        let (sentence, span) = match col {
                            Column::A => (disc.a_sentence, &disc.a_span),
                            Column::B => (disc.b_sentence, &disc.b_span),
                        };
                        (sentence == Some(s)).then(|| (d, span.clone().unwrap_or(0..0)))
                    })
                    .collect();
                Placed {
                    status,
                    diff,
                    partners,
                    row: 0,
                    flags,
                }
            })
            .collect()
    };
    let mut layout = Layout {
        a: place(Column::A, na),
        b: place(Column::B, nb),
        rows,
    };
    for (r, row) in layout.rows.iter().enumerate() {
        row.a.iter().for_each(|&s| layout.a[s].row = r);
        row.b.iter().for_each(|&s| layout.b[s].row = r);
    }
    layout
}

/// Indices of the links in the heaviest chain that is in order in both articles (a link may
/// share a sentence with the one before it). Weight prefers more links, then more confident ones.
fn chain(c: &Comparison) -> Vec<usize> {
    let links = &c.links;
    let n = links.len();
    let mut best = vec![0.0f64; n];
    let mut from = vec![usize::MAX; n];
    for k in 0..n {
        best[k] = 1.0 + links[k].score;
        for p in 0..k {
            let fits = links[p].a <= links[k].a && links[p].b <= links[k].b;
            if fits && best[p] + 1.0 + links[k].score > best[k] {
                best[k] = best[p] + 1.0 + links[k].score;
                from[k] = p;
            }
        }
    }
    let Some(mut k) = (0..n).max_by(|&x, &y| best[x].total_cmp(&best[y])) else {
        return Vec::new();
    };
    let mut out = vec![k];
    while from[k] != usize::MAX {
        k = from[k];
        out.push(k);
    }
    out.reverse();
    out
}

/// Where each sentence sits along its article, as (top, height) in percent of the whole text,
/// for the minimap.
pub fn minimap(lengths: &[usize]) -> Vec<(f64, f64)> {
    let total: usize = lengths.iter().sum();
    if total == 0 {
        return lengths.iter().map(|_| (0.0, 0.0)).collect();
    }
    let mut at = 0;
    lengths
        .iter()
        .map(|&len| {
            let top = at as f64 * 100.0 / total as f64;
            at += len;
            (top, len as f64 * 100.0 / total as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::clean::clean_article;
    use parallax_core::compare::compare;

    fn cmp(a: &[&str], b: &[&str]) -> Comparison {
        let art = |name: &str, ps: &[&str]| {
            clean_article(name, &format!("Report\n\n{}\n", ps.join("\n\n")))
        };
        compare(&art("a.txt", a), &art("b.txt", b))
    }

    const DEPORT: &str =
        "The prison received over 250 Venezuelans deported by the United States last year.";
    const DEPORT_B: &str =
        "The prison received over 200 Venezuelans deported by the United States last year.";
    const TOUR: &str = "Kast toured the maximum security facility with Bukele on Tuesday morning.";
    const LUNCH: &str = "Journalists waited outside the gates for several hours in the heat.";
    const RAIN: &str = "Heavy rain flooded the coastal highway near La Libertad overnight.";

    #[test]
    fn linked_sentences_share_a_row_and_unlinked_ones_get_their_own() {
        let c = cmp(&[TOUR, LUNCH, DEPORT], &[TOUR, DEPORT_B, RAIN]);
        let l = layout(&c);
        assert_eq!(l.a[0].row, l.b[0].row, "{:?}", l.rows);
        assert_eq!(l.a[2].row, l.b[1].row, "{:?}", l.rows);
        assert_eq!(l.a[0].status, Status::Shared);
        assert_eq!(l.a[2].status, Status::Changed);
        assert_eq!(l.a[1].status, Status::Only);
        assert_eq!(
            l.rows[l.a[1].row],
            Row {
                a: vec![1],
                b: vec![]
            }
        );
        assert_eq!(
            l.rows[l.b[2].row],
            Row {
                a: vec![],
                b: vec![2]
            }
        );
        assert_eq!(l.rows[l.a[1].row].kind(&l), "only-a");
        assert_eq!(l.rows[l.a[2].row].kind(&l), "pair-changed");
        assert_eq!(l.rows[l.a[0].row].kind(&l), "pair-shared");
        // Every sentence is in exactly one row, and rows keep each article's order.
        for col in [Column::A, Column::B] {
            let order: Vec<usize> = l
                .rows
                .iter()
                .flat_map(|r| {
                    if col == Column::A {
                        r.a.clone()
                    } else {
                        r.b.clone()
                    }
                })
                .collect();
            assert_eq!(
                order,
                (0..if col == Column::A {
                    l.a.len()
                } else {
                    l.b.len()
                })
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_crossing_link_is_moved_not_forced_into_a_row() {
        // B tells the same three facts with the first one last.
        let c = cmp(&[DEPORT, TOUR, LUNCH], &[TOUR, LUNCH, DEPORT_B]);
        let l = layout(&c);
        assert_eq!(l.a[1].row, l.b[0].row);
        assert_eq!(l.a[2].row, l.b[1].row);
        assert_eq!(l.a[0].status, Status::Moved, "{:?}", c.links);
        assert_eq!(l.b[2].status, Status::Moved);
        assert_eq!(l.a[0].partners, vec![2]);
        assert_ne!(l.a[0].row, l.b[2].row);
        assert_eq!(l.rows[l.a[0].row].kind(&l), "moved");
        assert!(
            l.a[0].diff.is_some(),
            "a moved pair still shows its word diff"
        );
    }

    #[test]
    fn discrepancy_spans_are_flagged_on_their_sentences() {
        let c = cmp(&[TOUR, DEPORT], &[TOUR, DEPORT_B]);
        let l = layout(&c);
        let d = c
            .discrepancies
            .iter()
            .position(|d| d.summary.contains("250"))
            .expect("the conflict is found");
        let (_, span) = l.a[1]
            .flags
            .iter()
            .find(|f| f.0 == d)
            .expect("flag on A's sentence");
        assert_eq!(&c.a.sentences[1].text[span.clone()], "over 250");
        assert!(l.b[1].flags.iter().any(|f| f.0 == d));
        assert!(
            l.a[0].flags.iter().all(|f| f.0 != d),
            "the tour sentence is not about it"
        );
    }

    #[test]
    fn the_seeds_lay_out_with_every_sentence_once() {
        let a = clean_article(
            "a.txt",
            include_str!("../../../assets/corpus/000_076469dcc618ac48.txt"),
        );
        let b = clean_article(
            "b.txt",
            include_str!("../../../assets/corpus/001_49638b6ecd2811bf.txt"),
        );
        let c = compare(&a, &b);
        let l = layout(&c);
        let count = |col: Column| {
            l.rows
                .iter()
                .map(|r| {
                    if col == Column::A {
                        r.a.len()
                    } else {
                        r.b.len()
                    }
                })
                .sum::<usize>()
        };
        assert_eq!(count(Column::A), c.a.sentences.len());
        assert_eq!(count(Column::B), c.b.sentences.len());
        let only_a = l.a.iter().filter(|p| p.status == Status::Only).count();
        assert_eq!(only_a, c.only_in_a.len());
        assert!(l.rows.iter().any(|r| !r.a.is_empty() && !r.b.is_empty()));
    }

    #[test]
    fn minimap_places_sentences_by_length() {
        let m = minimap(&[10, 30, 60]);
        assert_eq!(m, vec![(0.0, 10.0), (10.0, 30.0), (40.0, 60.0)]);
        assert_eq!(minimap(&[0, 0]), vec![(0.0, 0.0), (0.0, 0.0)]);
    }
}
