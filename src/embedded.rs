//! The library compiled into the app by `build.rs`.

use parallax_core::library::Library;

static LIBRARY_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/library.postcard"));

/// Deserialises the embedded library. `build.rs` wrote it with the same types, so failure here
/// is a build bug, not bad user input.
pub fn library() -> Library {
    Library::from_bytes(LIBRARY_BYTES).expect("embedded library matches the core's types")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_library_holds_the_cleaned_seeds() {
        let library = library();
        assert_eq!(library.articles().len(), 2);
        assert!(library.articles().iter().all(|a| !a.paragraphs.is_empty()));
        let wt = library
            .articles()
            .iter()
            .find(|a| a.outlet.is_some())
            .expect("one has an outlet");
        assert_eq!(wt.outlet.as_deref(), Some("The Washington Times"));
        assert_eq!(wt.removed.len(), 5);
    }

    #[test]
    fn embedded_index_answers_queries() {
        let library = library();
        let results = library.search("deported", &Default::default(), 10);
        assert_eq!(results.total, 2, "both seeds report deportations");
    }
}
