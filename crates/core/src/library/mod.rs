//! The corpus as readers use it: articles with their search index, facet values and the
//! gazetteer learned from them, searchable and filterable in one call.
//!
//! The embedded corpus is built into a `Library` at build time and shipped as postcard bytes;
//! articles added later join it incrementally with [`Library::add`]. Both the app and the CLI go
//! through this type, so a search means the same thing everywhere.

mod facets;
mod layers;

use facets::FacetTable;
pub use facets::{Facet, FacetCounts, FacetValue, Selection};
pub use layers::{segments, AsSpan, Highlighted, Layer, LayerSet, Segment};

use crate::compare::similarity::SimilarityModel;
use crate::corpus::{Article, Corpus};
use crate::extract::{EntityKind, Gazetteer};
use crate::search::{
    parse, top, Doc, DocNo, DocText, Index, Mark, Query, Ranked, Snippet, Suggestion,
};
use serde::{Deserialize, Serialize};

/// Hits a search lists at first, and how many more each "Show more" adds. Every listed hit costs
/// a snippet, the largest share of a keystroke's work, so the list grows on request, as
/// Pagefind's does, rather than being built long on every keystroke.
pub const RESULTS_PAGE: usize = 20;

/// Articles, their index and their facet values, kept in step: article `i` is index document `i`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Library {
    corpus: Corpus,
    index: Index,
    facets: FacetTable,
    gazetteer: Gazetteer,
}

/// One result row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultHit {
    /// Position of the article in [`Library::articles`].
    pub article: usize,
    /// Found only through a typo or a broken-name join: shown as approximate.
    pub approximate: bool,
    pub title_marks: Vec<Mark>,
    /// The best passage; `None` when browsing without a query.
    pub snippet: Option<Snippet>,
}

/// What a search shows: hits, counts for every facet, and notes for the reader.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub hits: Vec<ResultHit>,
    /// Articles matching the query and the chosen facets.
    pub total: usize,
    pub facets: Vec<FacetCounts>,
    /// How the query was read when it was malformed, and why nothing matched.
    pub hints: Vec<String>,
    /// Nearby words for query words that matched nothing.
    pub suggestions: Vec<Suggestion>,
    /// No query words: the facets alone choose the articles, in corpus order.
    pub browsing: bool,
}

impl DocText for Corpus {
    fn title(&self, doc: DocNo) -> &str {
        self.articles
            .get(doc as usize)
            .map_or("", |a| a.title.as_str())
    }

    fn paragraphs(&self, doc: DocNo) -> &[String] {
        self.articles
            .get(doc as usize)
            .map_or(&[], |a| a.paragraphs.as_slice())
    }
}

impl Library {
    /// Learns names from the whole corpus first, so that a surname in one article resolves to the
    /// full name another gives, then indexes every article.
    pub fn build(corpus: Corpus) -> Library {
        let gazetteer = Gazetteer::learn(corpus.articles.iter().flat_map(article_texts));
        let mut library = Library {
            gazetteer,
            ..Library::default()
        };
        for article in corpus.articles {
            library.insert(article);
        }
        library
    }

    /// Adds an article to a built library, indexing it in place. Its id is made unique among the
    /// articles already here; the id it got is returned.
    pub fn add(&mut self, mut article: Article) -> String {
        let base = article.id.clone();
        let mut n = 1;
        while self.corpus.get(&article.id).is_some() {
            n += 1;
            article.id = format!("{base}-{n}");
        }
        let learned = Gazetteer::learn(article_texts(&article));
        self.gazetteer.merge(&learned);
        let id = article.id.clone();
        self.insert(article);
        id
    }

    fn insert(&mut self, article: Article) {
        let values = self.facet_values(&article);
        let fields = values
            .iter()
            .filter_map(|(facet, value)| facet.query_field().map(|f| (f, value.clone())))
            .collect();
        self.index.add(&Doc {
            id: &article.id,
            title: &article.title,
            body: &article.paragraphs,
            fields,
        });
        self.facets.push(&values);
        self.corpus.articles.push(article);
    }

    fn facet_values(&self, article: &Article) -> Vec<(Facet, String)> {
        let mut values = Vec::new();
        if let Some(outlet) = &article.outlet {
            values.push((Facet::Outlet, outlet.clone()));
        }
        if let Some(date) = article.published {
            values.push((Facet::Year, date.year.to_string()));
        }
        for text in article_texts(article) {
            for mention in self.gazetteer.entities(text) {
                let facet = match mention.kind {
                    EntityKind::Person => Facet::Person,
                    EntityKind::Organisation => Facet::Organisation,
                    EntityKind::Place => Facet::Place,
                };
                values.push((facet, mention.name));
            }
        }
        values.sort();
        values.dedup();
        values
    }

    pub fn articles(&self) -> &[Article] {
        &self.corpus.articles
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Position of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.corpus.articles.iter().position(|a| a.id == id)
    }

    /// Runs `query` within the chosen facet values and returns the best `limit` hits plus counts
    /// for every facet. An empty query browses: every article the facets allow, in corpus order.
    ///
    /// Counts are disjunctive: a facet's counts ignore that facet's own choices (values within a
    /// facet are OR-ed) but respect the query and the other facets (AND across facets). Picking a
    /// value therefore never sends its siblings to zero, and chosen values are always listed.
    pub fn search(&self, query: &str, selection: &Selection, limit: usize) -> Results {
        let parsed = parse(query);
        let browsing = !parsed.query.has_positive();
        let mut matcher = None;
        // Matches in document order; only the page shown is sorted, below.
        let matched: Vec<Ranked> = if browsing {
            // Only exclusions (`-trump`): the index answers those alone with every article they
            // do not match. No exclusions (or only stopwords): every article. Either way all
            // score alike, so they come in corpus order.
            let exclusions = Query {
                groups: parsed
                    .query
                    .groups
                    .iter()
                    .filter(|g| g.exclude)
                    .cloned()
                    .collect(),
            };
            if exclusions.groups.is_empty() {
                (0..self.corpus.articles.len())
                    .map(|i| Ranked {
                        doc: i as DocNo,
                        score: 0.0,
                        approximate: false,
                    })
                    .collect()
            } else {
                self.index.rank(&exclusions)
            }
        } else {
            let (ranked, m) = self.index.rank_with_matcher(&parsed.query);
            matcher = Some(m);
            ranked
        };
        let (mut results, facets) =
            self.facets
                .filter_and_count(matched, |r| r.doc as usize, selection);
        top(&mut results, limit);

        let hits = results
            .iter()
            .take(limit)
            .map(|r| {
                let doc = r.doc as usize;
                let article = &self.corpus.articles[doc];
                ResultHit {
                    article: doc,
                    approximate: r.approximate,
                    title_marks: matcher
                        .as_ref()
                        .map(|m| m.marks(&article.title))
                        .unwrap_or_default(),
                    snippet: matcher
                        .as_ref()
                        .map(|m| m.indexed_snippet(r.doc, &article.title, &article.paragraphs)),
                }
            })
            .collect();

        let mut out = Results {
            hits,
            total: results.len(),
            facets,
            hints: parsed.hints,
            suggestions: Vec::new(),
            browsing,
        };
        if out.total == 0 && !browsing {
            // The index explains an empty result (unknown words, nearest terms) on its own terms.
            let explained = self.index.search(&parsed.query, &self.corpus, 0);
            out.hints.extend(explained.hints);
            out.suggestions = explained.suggestions;
            if !selection.is_empty() && explained.total > 0 {
                out.hints.push(format!(
                    "{} articles match without the chosen filters.",
                    explained.total
                ));
            }
        }
        out
    }

    /// The other articles as (position, similarity to `id` in 0..1), most similar first: the
    /// candidates for "compare with". Term statistics come from the whole library, so words every
    /// article uses count for little. Empty for an unknown id.
    pub fn most_similar(&self, id: &str) -> Vec<(usize, f64)> {
        let Some(me) = self.position(id) else {
            return Vec::new();
        };
        let bodies: Vec<String> = self
            .corpus
            .articles
            .iter()
            .map(|a| a.paragraphs.join("\n\n"))
            .collect();
        let model = SimilarityModel::new(bodies.iter().map(String::as_str));
        let mine = model.vector(&bodies[me]);
        let mut out: Vec<(usize, f64)> = bodies
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != me)
            .map(|(i, body)| (i, mine.cosine(&model.vector(body))))
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }

    /// Compact bytes for embedding (postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a library always serialises")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Library, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("library data does not parse: {e}"))
    }
}

/// Title and paragraphs: the texts names are learned from and found in.
fn article_texts(article: &Article) -> impl Iterator<Item = &str> {
    std::iter::once(article.title.as_str()).chain(article.paragraphs.iter().map(String::as_str))
}

#[cfg(test)]
mod tests;
