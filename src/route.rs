//! Where the reader is, as a URL fragment. Hash routing keeps every view linkable and reloadable
//! on any static host: the server only ever serves `index.html`.
//!
//! A fragment is a path and optional search parameters: `#/article/<id>?q=prison&place=Chile`.
//! The parameters travel with the reader from the results into an article and back, so hits stay
//! highlighted and the filters stay set.

use parallax_core::library::{Facet, Selection};

/// A view of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The article list, filtered by the search parameters.
    #[default]
    Home,
    /// One article, by its corpus id.
    Article(String),
    /// Two articles side by side: `a` on the left, `b` on the right.
    Compare(String, String),
    /// The reader's own articles: adding, editing, deleting, exporting.
    Yours,
    /// A fragment that names no view; kept so the page can say what was asked for.
    NotFound(String),
}

/// The query and chosen facet values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchParams {
    pub query: String,
    pub selection: Selection,
}

impl SearchParams {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty() && self.selection.is_empty()
    }
}

/// A route plus the search parameters: everything the URL holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub route: Route,
    pub params: SearchParams,
}

impl Location {
    pub fn new(route: Route, params: SearchParams) -> Location {
        Location { route, params }
    }

    /// Reads `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Location {
        let fragment = hash.trim_start_matches('#');
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        Location {
            route: Route::from_path(path),
            params: parse_params(query),
        }
    }

    /// The fragment, `#` included, for `href`s and the address bar. Parameters are written in a
    /// fixed order so one state has one URL.
    pub fn to_hash(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.params.query.trim().is_empty() {
            pairs.push(("q", self.params.query.as_str()));
        }
        for (facet, value) in self.params.selection.iter() {
            pairs.push((facet.key(), value));
        }
        let query: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        let path = self.route.path();
        if query.is_empty() {
            format!("#{path}")
        } else {
            format!("#{path}?{}", query.join("&"))
        }
    }
}

impl Route {
    fn from_path(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["article", id] if is_id(id) => Route::Article((*id).to_string()),
            ["compare", a, b] if is_id(a) && is_id(b) => {
                Route::Compare((*a).to_string(), (*b).to_string())
            }
            ["yours"] => Route::Yours,
            _ => Route::NotFound(path.to_string()),
        }
    }

    fn path(&self) -> String {
        match self {
            Route::Home => "/".to_string(),
            Route::Article(id) => format!("/article/{id}"),
            Route::Compare(a, b) => format!("/compare/{a}/{b}"),
            Route::Yours => "/yours".to_string(),
            Route::NotFound(path) => path.clone(),
        }
    }

    /// The fragment for this route with no search parameters.
    pub fn to_hash(&self) -> String {
        format!("#{}", self.path())
    }
}

/// Article ids are slugs; anything else in that position is not an article link.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Unknown keys are ignored, so an old or hand-edited link still opens.
fn parse_params(query: &str) -> SearchParams {
    let mut params = SearchParams::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "q" => params.query = value,
            _ => {
                if let Some(facet) = Facet::from_key(key) {
                    if !value.is_empty() && !params.selection.is_chosen(facet, &value) {
                        params.selection.toggle(facet, &value);
                    }
                }
            }
        }
    }
    params
}

/// Percent-encodes everything but unreserved characters (RFC 3986), spaces as `%20`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; malformed escapes are kept as written rather than rejected.
fn decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex(*hi).zip(hex(*lo)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> Location {
        Location::default()
    }

    #[test]
    fn empty_and_root_fragments_are_home() {
        for h in ["", "#", "#/", "/", "#/?"] {
            assert_eq!(Location::from_hash(h), home(), "{h:?}");
        }
    }

    #[test]
    fn article_route_round_trips_through_the_fragment() {
        let l = Location::new(
            Route::Article("chiles-far-right".into()),
            SearchParams::default(),
        );
        assert_eq!(l.to_hash(), "#/article/chiles-far-right");
        assert_eq!(Location::from_hash(&l.to_hash()), l);
    }

    #[test]
    fn yours_route_round_trips_and_keeps_the_filters() {
        let l = Location::from_hash("#/yours?q=prison");
        assert_eq!(l.route, Route::Yours);
        assert_eq!(l.params.query, "prison");
        assert_eq!(Location::from_hash(&l.to_hash()), l);
    }

    #[test]
    fn compare_route_keeps_sides_in_order() {
        let l = Location::from_hash("#/compare/left-one/right-two");
        assert_eq!(
            l.route,
            Route::Compare("left-one".into(), "right-two".into())
        );
        assert_eq!(l.to_hash(), "#/compare/left-one/right-two");
        assert_eq!(
            Location::from_hash("#/compare/only-one").route,
            Route::NotFound("/compare/only-one".into())
        );
    }

    #[test]
    fn query_and_facets_round_trip_with_unicode_and_reserved_characters() {
        let mut params = SearchParams {
            query: "\"iron fist\" José -trump & co".into(),
            ..Default::default()
        };
        params.selection.toggle(Facet::Place, "Costa Rica");
        params
            .selection
            .toggle(Facet::Outlet, "The Washington Times");
        let l = Location::new(Route::Article("x".into()), params);
        let hash = l.to_hash();
        assert!(
            hash.starts_with(
                "#/article/x?q=%22iron%20fist%22%20Jos%C3%A9%20-trump%20%26%20co&outlet="
            ),
            "{hash}"
        );
        assert_eq!(Location::from_hash(&hash), l);
    }

    #[test]
    fn hand_written_parameters_are_read_leniently() {
        let l =
            Location::from_hash("#/?q=bukele+prison&place=Chile&place=Chile&bogus=1&outlet=&q2=x");
        assert_eq!(l.params.query, "bukele prison");
        assert_eq!(
            l.params.selection.iter().collect::<Vec<_>>(),
            [(Facet::Place, "Chile")]
        );
        assert_eq!(Location::from_hash("#/?q=100%").params.query, "100%");
        assert_eq!(Location::from_hash("#/?q=%zz").params.query, "%zz");
        assert_eq!(Location::from_hash("#/?q=%é").params.query, "%é");
    }

    #[test]
    fn malformed_fragments_are_not_found_not_a_crash() {
        assert_eq!(
            Location::from_hash("#/article/").route,
            Route::NotFound("/article/".into())
        );
        assert_eq!(
            Location::from_hash("#/article/<script>").route,
            Route::NotFound("/article/<script>".into())
        );
        assert_eq!(
            Location::from_hash("#/nowhere").route,
            Route::NotFound("/nowhere".into())
        );
    }
}
