//! Facets: the values a reader filters by, their live counts, and the reader's choices.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

/// A dimension to filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Facet {
    Outlet,
    Year,
    Person,
    Organisation,
    Place,
}

impl Facet {
    /// In the order the panel shows them.
    pub const ALL: [Facet; 5] = [
        Facet::Outlet,
        Facet::Year,
        Facet::Person,
        Facet::Organisation,
        Facet::Place,
    ];

    /// The short name used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Year => "year",
            Facet::Person => "person",
            Facet::Organisation => "org",
            Facet::Place => "place",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Outlet => "Outlet",
            Facet::Year => "Year",
            Facet::Person => "People",
            Facet::Organisation => "Organisations",
            Facet::Place => "Places",
        }
    }

    /// The query-language field that searches this facet's values, where there is one
    /// (`outlet:`, and `entity:` for every kind of name).
    pub fn query_field(self) -> Option<&'static str> {
        match self {
            Facet::Outlet => Some("outlet"),
            Facet::Person | Facet::Organisation | Facet::Place => Some("entity"),
            Facet::Year => None,
        }
    }
}

/// The values a reader has chosen, per facet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    chosen: BTreeMap<Facet, BTreeSet<String>>,
}

impl Selection {
    /// Chooses `value` if it was not chosen, un-chooses it if it was.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let values = self.chosen.entry(facet).or_default();
        if !values.remove(value) {
            values.insert(value.to_string());
        }
        if values.is_empty() {
            self.chosen.remove(&facet);
        }
    }

    pub fn is_chosen(&self, facet: Facet, value: &str) -> bool {
        self.chosen.get(&facet).is_some_and(|v| v.contains(value))
    }

    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    /// Every chosen (facet, value), facets in panel order.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &str)> {
        self.chosen
            .iter()
            .flat_map(|(f, vs)| vs.iter().map(move |v| (*f, v.as_str())))
    }

    /// The chosen values, by facet.
    pub(crate) fn by_facet(&self) -> impl Iterator<Item = (Facet, &BTreeSet<String>)> {
        self.chosen.iter().map(|(f, vs)| (*f, vs))
    }
}

/// One value in the panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// Shared with the library's table: thousands of values are listed on every keystroke, and
    /// copying each string was a tenth of a search.
    pub value: Arc<str>,
    pub count: usize,
    pub chosen: bool,
}

/// A facet's values with counts, most frequent first (years newest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
}

/// Facet values interned to small ids, and each article's ids: counting facets on every keystroke
/// is then integer work, not string comparison.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct FacetTable {
    values: Vec<(Facet, Arc<str>)>,
    /// Per article: sorted ids into `values`.
    articles: Vec<Vec<u32>>,
    /// `values` inverted; rebuilt on first use after deserialising.
    #[serde(skip)]
    ids: OnceLock<HashMap<(Facet, String), u32>>,
    /// Value ids sorted by (facet, value): listing thousands of values on every keystroke then
    /// needs no string comparison. Rebuilt on first use after a change.
    #[serde(skip)]
    sorted: OnceLock<Vec<u32>>,
    /// Per value, how many articles have it; rebuilt on first use after a change.
    #[serde(skip)]
    totals: OnceLock<Vec<u32>>,
}

impl FacetTable {
    fn ids(&self) -> &HashMap<(Facet, String), u32> {
        self.ids.get_or_init(|| {
            self.values
                .iter()
                .enumerate()
                .map(|(i, (f, v))| ((*f, v.to_string()), i as u32))
                .collect()
        })
    }

    fn sorted(&self) -> &[u32] {
        self.sorted.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.values.len() as u32).collect();
            order.sort_unstable_by(|&a, &b| self.values[a as usize].cmp(&self.values[b as usize]));
            order
        })
    }

    fn totals(&self) -> &[u32] {
        self.totals.get_or_init(|| {
            let mut totals = vec![0; self.values.len()];
            for &i in self.articles.iter().flatten() {
                totals[i as usize] += 1;
            }
            totals
        })
    }

    fn article(&self, doc: usize) -> &[u32] {
        self.articles.get(doc).map_or(&[], Vec::as_slice)
    }

    /// Every value's count over `matched`, with no choices to honour. When most articles match
    /// (the first letters of a query), counting the others and subtracting them from the totals
    /// touches fewer values.
    fn count(&self, matched: impl Iterator<Item = usize>, len: usize, counts: &mut [u32]) {
        let n = self.articles.len();
        if len * 2 <= n {
            for doc in matched {
                for &i in self.article(doc) {
                    counts[i as usize] += 1;
                }
            }
            return;
        }
        let mut hit = vec![false; n];
        for doc in matched {
            if let Some(h) = hit.get_mut(doc) {
                *h = true;
            }
        }
        counts.copy_from_slice(self.totals());
        for (ids, _) in self.articles.iter().zip(&hit).filter(|(_, &h)| !h) {
            for &i in ids {
                counts[i as usize] -= 1;
            }
        }
    }

    /// Records the next article's values.
    pub(crate) fn push(&mut self, values: &[(Facet, String)]) {
        self.sorted.take();
        self.totals.take();
        self.ids();
        let ids = self.ids.get_mut().expect("initialised above");
        let mut mine: Vec<u32> = values
            .iter()
            .map(|v| {
                *ids.entry(v.clone()).or_insert_with(|| {
                    self.values.push((v.0, v.1.as_str().into()));
                    (self.values.len() - 1) as u32
                })
            })
            .collect();
        mine.sort_unstable();
        mine.dedup();
        self.articles.push(mine);
    }

    /// Keeps the `matched` articles the selection allows and counts every facet, in one pass.
    ///
    /// Counts are disjunctive: an article counts towards facet F's values when it passes every
    /// other facet's choices, whatever F's own; so values within a facet are OR-ed, facets are
    /// AND-ed, and picking a value never sends its siblings to zero. Chosen values are listed
    /// even with no article, so they can always be un-chosen.
    pub(crate) fn filter_and_count<T>(
        &self,
        matched: Vec<T>,
        doc: impl Fn(&T) -> usize,
        selection: &Selection,
    ) -> (Vec<T>, Vec<FacetCounts>) {
        let chosen: Vec<(Facet, Vec<u32>)> = selection
            .by_facet()
            .map(|(f, values)| {
                let ids = values
                    .iter()
                    .filter_map(|v| self.ids().get(&(f, v.clone())).copied());
                (f, ids.collect())
            })
            .collect();
        let mut counts = vec![0u32; self.values.len()];
        let kept = if chosen.is_empty() {
            self.count(matched.iter().map(&doc), matched.len(), &mut counts);
            matched
        } else {
            let mut kept = Vec::new();
            for m in matched {
                let ids = self.article(doc(&m));
                let mut failing = None;
                let mut fails = 0;
                for (facet, wanted) in &chosen {
                    if !ids.iter().any(|i| wanted.contains(i)) {
                        fails += 1;
                        failing = Some(*facet);
                    }
                }
                if fails > 1 {
                    continue;
                }
                for &i in ids {
                    if fails == 0 || failing == Some(self.values[i as usize].0) {
                        counts[i as usize] += 1;
                    }
                }
                if fails == 0 {
                    kept.push(m);
                }
            }
            kept
        };
        let order = self.sorted();
        let facets = Facet::ALL
            .iter()
            .map(|&facet| {
                // The panel's order (see `by_panel_order`) without comparing strings: `order`
                // lists each facet's values by value, so years only need reversing, and a stable
                // counting sort by count keeps the others by value among equal counts.
                let lo = order.partition_point(|&i| self.values[i as usize].0 < facet);
                let hi = order.partition_point(|&i| self.values[i as usize].0 <= facet);
                let mut ids: Vec<u32> = order[lo..hi]
                    .iter()
                    .copied()
                    .filter(|&i| counts[i as usize] > 0)
                    .collect();
                if facet == Facet::Year {
                    ids.reverse();
                } else {
                    ids = by_count(ids, &counts);
                }
                let mut values: Vec<FacetValue> = ids
                    .into_iter()
                    .map(|i| {
                        let value = &self.values[i as usize].1;
                        FacetValue {
                            value: value.clone(),
                            count: counts[i as usize] as usize,
                            chosen: selection.is_chosen(facet, value),
                        }
                    })
                    .collect();
                let listed = values.len();
                for (f, v) in selection.iter() {
                    if f == facet && !values.iter().any(|fv| *fv.value == *v) {
                        values.push(FacetValue {
                            value: v.into(),
                            count: 0,
                            chosen: true,
                        });
                    }
                }
                if values.len() > listed {
                    by_panel_order(facet, &mut values);
                }
                FacetCounts { facet, values }
            })
            .collect();
        (kept, facets)
    }
}

/// `ids` by count, highest first, keeping their order among equal counts (a counting sort:
/// thousands of values on every keystroke, and counts are small integers).
fn by_count(ids: Vec<u32>, counts: &[u32]) -> Vec<u32> {
    let count = |i: u32| counts[i as usize] as usize;
    let max = ids.iter().map(|&i| count(i)).max().unwrap_or(0);
    // Slot of each count, highest first.
    let mut at = vec![0usize; max + 2];
    for &i in &ids {
        at[max - count(i) + 1] += 1;
    }
    for k in 1..at.len() {
        at[k] += at[k - 1];
    }
    let mut out = vec![0; ids.len()];
    for &i in &ids {
        let slot = &mut at[max - count(i)];
        out[*slot] = i;
        *slot += 1;
    }
    out
}

/// Most frequent first, then by value; years newest first.
fn by_panel_order(facet: Facet, values: &mut [FacetValue]) {
    if facet == Facet::Year {
        values.sort_by(|a, b| b.value.cmp(&a.value));
    } else {
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
}
