//! Facets: the values a reader filters by, their live counts, and the reader's choices.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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

    /// Whether an article with `values` passes: for every facet with choices (except `except`),
    /// it has at least one chosen value.
    pub fn allows(&self, values: &[(Facet, String)], except: Option<Facet>) -> bool {
        self.chosen
            .iter()
            .filter(|(f, _)| Some(**f) != except)
            .all(|(f, chosen)| values.iter().any(|(vf, v)| vf == f && chosen.contains(v)))
    }
}

/// One value in the panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
    pub chosen: bool,
}

/// A facet's values with counts, most frequent first (years newest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
}

impl FacetCounts {
    /// Counts `facet`'s values over the articles in `pool` (given by their facet values). Chosen
    /// values are listed even when the pool has none of them, so they can always be un-chosen.
    pub fn count<'a>(
        facet: Facet,
        pool: impl Iterator<Item = &'a [(Facet, String)]>,
        selection: &Selection,
    ) -> FacetCounts {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for values in pool {
            for (f, v) in values {
                if *f == facet {
                    *counts.entry(v.as_str()).or_default() += 1;
                }
            }
        }
        let mut values: Vec<FacetValue> = counts
            .into_iter()
            .map(|(value, count)| FacetValue {
                value: value.to_string(),
                count,
                chosen: selection.is_chosen(facet, value),
            })
            .collect();
        for (f, v) in selection.iter() {
            if f == facet && !values.iter().any(|fv| fv.value == v) {
                values.push(FacetValue {
                    value: v.to_string(),
                    count: 0,
                    chosen: true,
                });
            }
        }
        if facet == Facet::Year {
            values.sort_by(|a, b| b.value.cmp(&a.value));
        } else {
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        FacetCounts { facet, values }
    }
}
