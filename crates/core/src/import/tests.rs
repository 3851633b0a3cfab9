//! Import as a reader meets it: saved pages, hostile pages, bad files, the JSON round trip,
//! pasting, the corpus file form and near-duplicates.

use super::*;
use crate::clean::clean_article;
use crate::corpus::{PartialDate, RemovalReason};

const LA_NACION: &str = include_str!("../../tests/pages/la-nacion.html");
const HERALD_SUN: &str = include_str!("../../tests/pages/herald-sun.html");
const LE_MONDE: &str = include_str!("../../tests/pages/lemonde.html");
const MALICIOUS: &str = include_str!("../../tests/pages/malicious.html");
const SEED_A: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
const SEED_B: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

fn one(name: &str, bytes: &[u8]) -> (Article, Vec<String>) {
    let imported = import_file(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(imported.articles.len(), 1, "{name}");
    (
        imported.articles.into_iter().next().unwrap(),
        imported.notes,
    )
}

fn date(a: &Article) -> Option<String> {
    a.published.map(|d| d.to_string())
}

fn removed_with(a: &Article, reason: RemovalReason) -> Vec<&str> {
    a.removed
        .iter()
        .filter(|r| r.reason == reason)
        .map(|r| r.text.as_str())
        .collect()
}

/// Everything of an article a reader sees as text: title, metadata, body and removed lines.
fn all_text(a: &Article) -> String {
    let mut parts = vec![a.title.clone(), a.language.clone(), a.source_file.clone()];
    parts.extend(a.outlet.clone());
    parts.extend(a.author.clone());
    parts.extend(a.url.clone());
    parts.extend(a.dateline.clone());
    parts.extend(a.paragraphs.iter().cloned());
    parts.extend(a.removed.iter().map(|r| r.text.clone()));
    parts.join("\n")
}

fn assert_plain_text(a: &Article) {
    let text = all_text(a);
    for markup in [
        "<p", "</", "<a ", "href=", "class=", "<img", "<div", "&amp;", "&nbsp;",
    ] {
        assert!(!text.contains(markup), "{markup} in {}", a.source_file);
    }
}

// --- Saved real pages ---------------------------------------------------------------------

#[test]
fn la_nacion_page_gives_the_opinion_piece_and_discloses_the_site_around_it() {
    let (a, notes) = one("la-nacion.html", LA_NACION.as_bytes());
    assert_eq!(a.title, "Una solución no violenta para la cuestión mapuche");
    assert_eq!(a.outlet.as_deref(), Some("LA NACION"));
    assert_eq!(
        a.url.as_deref(),
        Some(
            "http://www.lanacion.com.ar/2089096-una-solucion-no-violenta-para-la-cuestion-mapuche"
        )
    );
    assert_eq!(a.language, "es");
    // The page states no date or author in its metadata; neither is guessed.
    assert_eq!(a.published, None);
    assert_eq!(a.author, None);
    assert!(a.paragraphs[0].starts_with("Abdullah Ocalan, el líder independentista kurdo"));
    assert!(a.paragraphs[0].ends_with("en la isla turca de Imrali."));
    assert!(a
        .paragraphs
        .last()
        .unwrap()
        .starts_with("Andrés Malamud es politólogo"));
    assert_eq!(a.paragraphs.len(), 11);
    let body = a.paragraphs.join("\n");
    for clutter in [
        "Últimas Noticias",
        "Las más leídas",
        "Foto: LA NACION",
        "Enviá tu comentario",
        "Más sobre",
        "Copyright 2017",
        "Recibí por mail",
        "NO SOPORTADO",
    ] {
        assert!(!body.contains(clutter), "{clutter} left in the body");
    }
    assert_eq!(
        removed_with(&a, RemovalReason::Caption),
        ["Foto: LA NACION"]
    );
    assert_eq!(
        removed_with(&a, RemovalReason::RepeatedTitle),
        ["Una solución no violenta para la cuestión mapuche"]
    );
    assert!(removed_with(&a, RemovalReason::Comments)
        .iter()
        .any(|t| t.contains("Enviá tu comentario")));
    assert!(removed_with(&a, RemovalReason::RelatedLinks)
        .iter()
        .any(|t| t.starts_with("Las más leídas")));
    // Hidden alerts and the hidden sign-up box are not visible text and are not in the body.
    assert!(!all_text(&a).contains("Último momento"));
    assert!(notes[0].starts_with("Took the article from the page's <section id=\"cuerpo\">"));
    assert_plain_text(&a);
}

#[test]
fn herald_sun_page_gives_the_column_with_byline_and_date_from_its_metadata() {
    let (a, notes) = one("herald-sun.html", HERALD_SUN.as_bytes());
    assert_eq!(
        a.title,
        "Angry media won’t buckle over new surveillance laws"
    );
    assert_eq!(a.author.as_deref(), Some("Laurie Oakes"));
    assert_eq!(date(&a).as_deref(), Some("2015-03-13"));
    assert_eq!(a.outlet.as_deref(), Some("HeraldSun"));
    assert_eq!(a.language, "en");
    assert!(a.paragraphs[0].starts_with("A HIGH-powered federal government team"));
    // The part of the story behind the "Read more" button is the story too.
    assert!(a
        .paragraphs
        .iter()
        .any(|p| p.starts_with("The Bill would require telecommunications service providers")));
    assert_eq!(
        a.paragraphs.last().unwrap(),
        "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"
    );
    let body = a.paragraphs.join("\n");
    for clutter in [
        "Read more",
        "Breaking News",
        "Login using",
        "Most Popular Stories",
        "Fraser’s lasting legacy",
        "Back To Top",
        "Source: Supplied",
        "document.write",
    ] {
        assert!(!body.contains(clutter), "{clutter} left in the body");
    }
    assert_eq!(
        removed_with(&a, RemovalReason::RelatedLinks)[0],
        "Read more"
    );
    assert!(removed_with(&a, RemovalReason::Byline)
        .iter()
        .any(|t| t.contains("Laurie Oakes")));
    assert!(notes[0].contains("<div class=\"story-body\">"));
    assert_plain_text(&a);
}

#[test]
fn le_monde_page_gives_the_report_and_names_its_cookie_banner() {
    let (a, _) = one("lemonde.html", LE_MONDE.as_bytes());
    assert_eq!(
        a.title,
        "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée"
    );
    assert_eq!(date(&a).as_deref(), Some("2015-05-04"));
    assert_eq!(a.outlet.as_deref(), Some("Le Monde.fr"));
    assert_eq!(a.language, "fr");
    assert!(a
        .author
        .as_deref()
        .is_some_and(|au| au.starts_with("Martin Untersinger")));
    assert!(a.paragraphs[0].starts_with("Les députés ont, sans surprise, adopté"));
    // `&nbsp;` between "mardi", "5" and "mai" is a plain space in the text.
    assert!(a.paragraphs[0].contains("mardi 5 mai"));
    assert!(a
        .paragraphs
        .last()
        .unwrap()
        .ends_with("dénoncé des actes potentiellement illégaux."));
    // Subheadings are part of the article.
    assert!(a
        .paragraphs
        .iter()
        .any(|p| p == "La Commission de contrôle"));
    let cookie = removed_with(&a, RemovalReason::CookieNotice);
    assert_eq!(cookie.len(), 1);
    assert!(cookie[0].starts_with("En poursuivant votre navigation"));
    let related = removed_with(&a, RemovalReason::RelatedLinks);
    assert!(related.iter().any(|t| t.starts_with("Lire aussi")));
    let body = a.paragraphs.join("\n");
    for clutter in [
        "Lire aussi",
        "Accueil",
        "S'abonner",
        "Journaliste au Monde",
        "cookies",
    ] {
        assert!(!body.contains(clutter), "{clutter} left in the body");
    }
    assert_plain_text(&a);
}

#[test]
fn removed_blocks_carry_the_source_line_they_start_on() {
    let (a, _) = one("la-nacion.html", LA_NACION.as_bytes());
    let lines: Vec<&str> = LA_NACION.lines().collect();
    for r in &a.removed {
        let first_word = r.text.split_whitespace().next().unwrap();
        assert!(
            lines[r.line - 1..]
                .iter()
                .take(3)
                .any(|l| l.contains(first_word)),
            "line {} does not start {:?}",
            r.line,
            r.text
        );
    }
    assert!(a.removed.windows(2).all(|w| w[0].line <= w[1].line));
}

// --- Written pages: each kind of clutter ---------------------------------------------------

const BRIDGE: &str = r##"<!DOCTYPE html><html lang="en-GB"><head><title>Bridge closes for repairs - City Gazette</title></head>
<body><header><a href="/">City Gazette</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
<main><article>
<h1>Bridge closes for repairs</h1>
<div class="byline">By Ana Ruiz · March 3, 2026</div>
<ul class="share-tools"><li><a href="#">Share on Facebook</a></li><li><a href="#">Tweet</a></li></ul>
<p>The city closed the old bridge on Monday for six months of repairs, officials said, diverting traffic to the ring road.</p>
<p>Story continues below advertisement</p>
<div class="ad-slot">Advertisement</div>
<p>Engineers found cracks in two of the bridge's supports during an inspection in January, the transport department said.</p>
<div class="signup-box"><p>Get the morning briefing in your inbox. Sign up for our newsletter.</p><form><input type="email"><button>Sign up</button></form></div>
<figure><img src="bridge.jpg" alt="The bridge"><figcaption>The bridge in 1932. Photo: City Archive</figcaption></figure>
<p>Buses will run every ten minutes between the two banks while the bridge is closed, and cyclists can use the ferry for free.</p>
<h3>Related</h3><ul><li><a href="/a">Ring road traffic doubles in a week</a></li><li><a href="/b">Ferry adds a night service for commuters</a></li></ul>
</article>
<aside><h2>Most read</h2><ol><li><a href="/c">Cat rescued from a tree by the fire crew</a></li><li><a href="/d">Council votes on the new budget</a></li></ol></aside></main>
<div class="notice">We use cookies to improve your experience on our site. <button>Accept all</button></div>
<footer><a href="/about">About us</a> <a href="/privacy">Privacy</a> © 2026 City Gazette</footer></body></html>"##;

#[test]
fn each_kind_of_clutter_is_left_out_under_its_own_name() {
    let (a, notes) = one("bridge.html", BRIDGE.as_bytes());
    assert_eq!(a.title, "Bridge closes for repairs");
    assert_eq!(
        a.author.as_deref(),
        Some("Ana Ruiz"),
        "from the byline block"
    );
    assert_eq!(
        date(&a).as_deref(),
        Some("2026-03-03"),
        "from the byline block"
    );
    assert_eq!(a.language, "en");
    assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("The city closed the old bridge"));
    assert!(a.paragraphs[2].starts_with("Buses will run every ten minutes"));
    let reasons = |reason| removed_with(&a, reason);
    assert_eq!(
        reasons(RemovalReason::Byline),
        ["By Ana Ruiz · March 3, 2026"]
    );
    assert_eq!(
        reasons(RemovalReason::Sharing),
        ["Share on Facebook · Tweet"]
    );
    assert_eq!(reasons(RemovalReason::Advertisement), ["Advertisement"]);
    assert_eq!(
        reasons(RemovalReason::Boilerplate),
        ["Story continues below advertisement", "Related"]
    );
    assert_eq!(reasons(RemovalReason::Newsletter).len(), 1);
    assert_eq!(
        reasons(RemovalReason::Caption),
        ["The bridge in 1932. Photo: City Archive"]
    );
    assert_eq!(
        reasons(RemovalReason::CookieNotice),
        ["We use cookies to improve your experience on our site. Accept all"]
    );
    let related = reasons(RemovalReason::RelatedLinks);
    assert!(related
        .iter()
        .any(|t| t.starts_with("Ring road traffic doubles")));
    assert!(related.iter().any(|t| t.starts_with("Most read")));
    let navigation = reasons(RemovalReason::Navigation);
    assert!(navigation
        .iter()
        .any(|t| t.starts_with("City Gazette · News") || t.starts_with("City Gazette News")));
    assert!(navigation.iter().any(|t| t.contains("About us")));
    assert_eq!(
        notes,
        [format!(
            "Took the article from the page's <article>; left out {} blocks: {}.",
            a.removed.len(),
            {
                let mut labels: Vec<(&str, usize)> = Vec::new();
                for r in &a.removed {
                    match labels.iter_mut().find(|(l, _)| *l == r.reason.label()) {
                        Some((_, n)) => *n += 1,
                        None => labels.push((r.reason.label(), 1)),
                    }
                }
                labels.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
                labels
                    .iter()
                    .map(|(l, _)| *l)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        )]
    );
}

#[test]
fn an_article_split_over_sibling_blocks_is_read_whole_and_the_sidebar_is_not() {
    let prose = |n: usize| {
        format!("<p>Paragraph {n} of the report, which goes on for a while, with commas, clauses and detail enough to read as prose.</p>")
    };
    // The wrapper's class names a sidebar, so the wrapper itself scores low; the blocks of the
    // story inside it are still read together.
    let html = format!(
        "<html><body><div class=\"layout has-sidebar\"><div class=\"block\">{}{}</div><div class=\"block\">{}{}</div><div class=\"sidebar\"><p>Subscribe for unlimited access.</p><a href=/x>Sports</a></div></div></body></html>",
        prose(1),
        prose(2),
        prose(3),
        prose(4)
    );
    let (a, notes) = one("split.html", html.as_bytes());
    let numbers: Vec<&str> = a
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    assert!(
        notes[0]
            .starts_with("Took the article from the page's 2 blocks inside <div class=\"layout\">"),
        "{notes:?}"
    );
    assert_eq!(
        removed_with(&a, RemovalReason::OutsideArticle),
        ["Subscribe for unlimited access. · Sports"]
    );
}

#[test]
fn a_page_with_no_clutter_leaves_nothing_out() {
    let html = "<html><head><title>Plain</title></head><body><h1>Plain</h1><p>Only prose here, in one paragraph, with nothing around it at all.</p><p>And a second paragraph, also prose, to close the report.</p></body></html>";
    let (a, notes) = one("plain.html", html.as_bytes());
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(removed_with(&a, RemovalReason::RepeatedTitle), ["Plain"]);
    assert_eq!(a.removed.len(), 1, "{:?}", a.removed);
    assert!(
        notes[0].ends_with("left out 1 block: repeated title."),
        "{notes:?}"
    );
}

// --- Hostile pages -------------------------------------------------------------------------

#[test]
fn malicious_page_leaves_no_script_handler_or_javascript_url_in_anything_read() {
    let (a, _) = one("malicious.html", MALICIOUS.as_bytes());
    assert_eq!(a.title, "Harbour reopens after storm");
    assert_eq!(a.author.as_deref(), Some("Jane Doe"));
    assert_eq!(a.outlet.as_deref(), Some("Test Gazette"));
    assert_eq!(
        a.url, None,
        "a javascript: canonical link is not an address"
    );
    let text = all_text(&a).to_lowercase();
    for bad in [
        "alert",
        "onerror",
        "onload",
        "onclick",
        "javascript",
        "<img",
        "<iframe",
        "<svg",
        "srcdoc",
        "injected paragraph",
        "enable scripts",
        "template paragraph",
        "svg text",
        "hidden text",
        "parallaxpwned",
    ] {
        assert!(!text.contains(bad), "{bad} reached the article");
    }
    // The article's own prose around the hostile markup is all there.
    assert!(a.paragraphs[1]
        .starts_with("Crews cleared debris from the channel overnight. Inspectors checked"));
    assert!(a
        .paragraphs
        .iter()
        .any(|p| p.starts_with("Officials said repairs") && p.contains("spring, and that")));
    // Markup written as text on the page is text, shown as the page showed it.
    assert_eq!(
        a.paragraphs.last().unwrap(),
        "<script> is how the port's website spells a tag, as text."
    );
    let tags_in_body = a.paragraphs.iter().filter(|p| p.contains('<')).count();
    assert_eq!(tags_in_body, 1);
}

#[test]
fn pasted_html_is_extracted_like_a_file_and_stays_inert() {
    let a = import_paste(&Pasted {
        text: MALICIOUS.into(),
        outlet: "My Outlet".into(),
        ..Pasted::default()
    })
    .unwrap();
    assert_eq!(a.outlet.as_deref(), Some("My Outlet"), "the form wins");
    assert_eq!(a.title, "Harbour reopens after storm");
    assert!(!all_text(&a).to_lowercase().contains("alert"));
}

#[test]
fn pasted_html_fragment_without_a_page_around_it_is_all_article() {
    let a = import_paste(&Pasted {
        text: "<h2>Port reopens</h2><p>The port reopened on <b>Friday</b>, officials said.</p><p>Ferries left at dawn &amp; on time.</p>".into(),
        ..Pasted::default()
    })
    .unwrap();
    assert_eq!(a.title, "Port reopens");
    assert_eq!(
        a.paragraphs,
        [
            "The port reopened on Friday, officials said.",
            "Ferries left at dawn & on time."
        ]
    );
    // Text that merely mentions a tag is not HTML.
    let b = import_paste(&Pasted {
        text: "Tags\n\nWrite <b> for bold.".into(),
        ..Pasted::default()
    })
    .unwrap();
    assert_eq!(b.paragraphs, ["Write <b> for bold."]);
}

// --- Bad input -----------------------------------------------------------------------------

#[test]
fn empty_and_blank_files_are_refused_by_name() {
    for bytes in [
        &b""[..],
        b"  \n\t\r\n",
        b"\xEF\xBB\xBF  \n",
        b"\xFF\xFE \x00\n\x00",
    ] {
        let e = import_file("empty.txt", bytes).unwrap_err();
        assert_eq!(e.to_string(), "empty.txt is empty.", "{bytes:?}");
    }
}

#[test]
fn binary_files_are_named_by_kind_and_never_read_as_text() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("report.pdf", b"%PDF-1.7\n1 0 obj", "PDF"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
        (
            "bundle.zip",
            b"PK\x03\x04\x14\0\0\0",
            "ZIP archive or Office document",
        ),
        (
            "notes.txt",
            b"Title\n\nBody with a \0 NUL byte",
            "binary data",
        ),
    ];
    for (name, bytes, kind) in cases {
        let e = import_file(name, bytes).unwrap_err();
        assert_eq!(
            e,
            ImportError::Binary {
                name: name.into(),
                kind: kind.into()
            }
        );
        assert_eq!(
            e.to_string(),
            format!("{name} looks like a binary file ({kind}), not text: save the article as .txt or .html and add that.")
        );
    }
}

#[test]
fn latin1_file_decodes_with_a_note_saying_so() {
    let (a, notes) = one(
        "archive.txt",
        b"Caf\xe9 S\xe3o Paulo reopens\n\nThe caf\xe9 in S\xe3o Paulo reopened on Monday \x96 after a year.",
    );
    assert_eq!(a.title, "Café São Paulo reopens");
    assert_eq!(
        a.paragraphs,
        ["The café in São Paulo reopened on Monday – after a year."]
    );
    assert_eq!(
        notes,
        ["Decoded as Windows-1252 (Latin-1): the file was not UTF-8."]
    );
}

#[test]
fn utf8_files_get_no_encoding_note_with_or_without_a_bom() {
    for bytes in [
        "Café\n\nO café abriu.".as_bytes().to_vec(),
        [
            b"\xEF\xBB\xBF".as_slice(),
            "Café\n\nO café abriu.".as_bytes(),
        ]
        .concat(),
    ] {
        let (a, notes) = one("cafe.txt", &bytes);
        assert_eq!(a.title, "Café");
        assert!(notes.is_empty(), "{notes:?}");
    }
}

#[test]
fn utf16_file_with_a_bom_decodes() {
    let text = "Café São Paulo reopens\r\n\r\nThe café reopened on Monday.";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (a, notes) = one("utf16.txt", &bytes);
    assert_eq!(a.title, "Café São Paulo reopens");
    assert_eq!(a.paragraphs, ["The café reopened on Monday."]);
    assert!(notes[0].contains("UTF-16 (little-endian)"));
    let broken = &bytes[..bytes.len() - 1];
    assert!(import_file("utf16.txt", broken)
        .unwrap_err()
        .to_string()
        .starts_with("utf16.txt is marked as UTF-16 but it ends in the middle of a character"));
}

#[test]
fn oversize_files_are_refused_before_any_decoding() {
    let e = import_file_within("big.txt", b"0123456789ab", 10).unwrap_err();
    assert_eq!(
        e,
        ImportError::TooLarge {
            name: "big.txt".into(),
            bytes: 12,
            limit: 10
        }
    );
    let fifty_mb = ImportError::TooLarge {
        name: "big.txt".into(),
        bytes: 50 * 1024 * 1024,
        limit: MAX_FILE_BYTES,
    };
    assert_eq!(
        fifty_mb.to_string(),
        "big.txt is 50.0 MB; the limit is 25 MB per file: split it into articles."
    );
    assert!(import_file_within("ok.txt", b"Title\n\nBody.", 12).is_ok());
}

#[test]
fn malformed_json_names_line_and_column() {
    let e = import_file(
        "export.json",
        b"{\n  \"format\": \"parallax-articles\"\n  \"version\": 1\n}",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "export.json is not valid JSON (line 3, column 3: expected `,` or `}`)."
    );
}

#[test]
fn json_of_the_wrong_shape_says_what_is_wrong() {
    let e = import_file("package.json", br#"{"name": "x", "version": "1.0.0"}"#).unwrap_err();
    assert!(matches!(e, ImportError::NotAnExport { .. }));
    assert!(e
        .to_string()
        .starts_with("package.json is JSON but not a Parallax article export (it has no \"format\": \"parallax-articles\" field)"));

    let missing_title = r#"{"format": "parallax-articles", "version": 1, "articles": [
  {"id": "x", "outlet": null}
]}"#;
    let e = import_file("export.json", missing_title.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("line 2, column"), "{e}");
    assert!(e.to_string().contains("missing field"), "{e}");

    let newer = br#"{"format": "parallax-articles", "version": 2, "articles": []}"#;
    let e = import_file("future.json", newer).unwrap_err();
    assert_eq!(
        e,
        ImportError::NewerExport {
            name: "future.json".into(),
            version: 2
        }
    );

    let empty = br#"{"format": "parallax-articles", "version": 1, "articles": []}"#;
    assert!(matches!(
        import_file("none.json", empty),
        Err(ImportError::NoArticleText { .. })
    ));
}

#[test]
fn a_title_alone_is_not_an_article() {
    let e = import_file("title.txt", b"Just a headline\n").unwrap_err();
    assert_eq!(
        e,
        ImportError::NoArticleText {
            name: "title.txt".into()
        }
    );
    let e = import_file(
        "furniture.html",
        b"<html><body><nav><a href=/>Home</a></nav></body></html>",
    )
    .unwrap_err();
    assert!(matches!(e, ImportError::NoArticleText { .. }));
}

// --- Kinds ---------------------------------------------------------------------------------

#[test]
fn markdown_front_matter_and_crlf_text_read_like_the_seed_corpus() {
    let md = "---\r\ntitle: Storm hits coast\r\noutlet: Gazette\r\ndate: 2025-03-04\r\nauthor: Jane Doe\r\n---\r\nThe storm hit the coast.\r\n\r\nShare this article\r\n";
    let (a, notes) = one("storm.md", md.as_bytes());
    assert_eq!(a.title, "Storm hits coast");
    assert_eq!(a.id, "storm-hits-coast");
    assert_eq!(a.author.as_deref(), Some("Jane Doe"));
    assert_eq!(a.paragraphs, ["The storm hit the coast."]);
    assert_eq!(notes, ["Left out 1 line: site furniture."]);
    // A seed file imports exactly as the build cleans it.
    let (seed, _) = one("001_49638b6ecd2811bf.txt", SEED_B.as_bytes());
    assert_eq!(seed, clean_article("001_49638b6ecd2811bf.txt", SEED_B));
}

#[test]
fn html_saved_as_txt_and_unknown_extensions_are_told_by_content() {
    let page = "<!DOCTYPE html><html><head><title>Floods</title></head><body><article><h1>Floods</h1><p>The river rose by two metres overnight, officials said, and roads closed.</p></article></body></html>";
    let (a, notes) = one("page.txt", page.as_bytes());
    assert_eq!(a.title, "Floods");
    assert_eq!(
        notes[0],
        "Read as a web page: the file is named .txt but holds HTML."
    );
    let (b, _) = one("download", page.as_bytes());
    assert_eq!(b.paragraphs, a.paragraphs);
    let (c, _) = one("notes.rtfd", b"Plain title\n\nPlain body text.");
    assert_eq!(c.title, "Plain title");
    let exported = export_articles(std::slice::from_ref(&c));
    let again = import_file("backup.bak", exported.as_bytes()).unwrap();
    assert_eq!(again.articles, [c]);
}

// --- JSON export and records ---------------------------------------------------------------

fn tricky_article() -> Article {
    let mut a = clean_article(
        "tricky.txt",
        "Kast’s “model”: São Paulo\n\nCECOT holds 40,000 — 日本語 text 🙂.\n\nSecond\u{7}paragraph with a bell, a tab\tand \"quotes\" \\ backslash.",
    );
    a.id = "custom-id-kept".into();
    a.removed.push(RemovedLine {
        line: 7,
        text: "Share on Facebook\u{0}".into(),
        reason: RemovalReason::Sharing,
    });
    a.author = Some("Zoë O’Neill".into());
    a.url = Some("https://example.org/a?b=1&c=2".into());
    a
}

#[test]
fn export_then_import_gives_back_exactly_the_same_articles() {
    let (page, _) = one("la-nacion.html", LA_NACION.as_bytes());
    let seeds = [
        clean_article("000_076469dcc618ac48.txt", SEED_A),
        clean_article("001_49638b6ecd2811bf.txt", SEED_B),
    ];
    let articles: Vec<Article> = seeds.into_iter().chain([page, tricky_article()]).collect();
    let file = export_articles(&articles);
    assert!(file.starts_with("{\n  \"format\": \"parallax-articles\",\n  \"version\": 1,"));
    let back = import_file("parallax-export.json", file.as_bytes()).unwrap();
    assert_eq!(back.articles, articles);
    assert_eq!(
        back.notes,
        ["Read 4 articles from Parallax JSON, exactly as exported."]
    );
    // And a second round trip is byte-identical.
    assert_eq!(export_articles(&back.articles), file);
}

#[test]
fn records_round_trip_and_a_corrupt_one_says_where() {
    let a = tricky_article();
    let record = to_record(&a);
    assert!(!record.contains('\n'), "one line per record");
    assert_eq!(from_record(&record).unwrap(), a);
    let e = from_record(&record[..record.len() / 2]).unwrap_err();
    assert!(matches!(e, ImportError::BadRecord { .. }));
    assert!(e
        .to_string()
        .starts_with("A stored article could not be read (line 1, column"));
    let e = from_record(r#"{"id": 3}"#).unwrap_err();
    assert!(e.to_string().contains("invalid type"), "{e}");
}

#[test]
fn records_written_before_author_and_url_existed_still_read() {
    let mut old: serde_json::Value = serde_json::from_str(&to_record(&tricky_article())).unwrap();
    let map = old.as_object_mut().unwrap();
    map.remove("author");
    map.remove("url");
    let a = from_record(&old.to_string()).unwrap();
    assert_eq!(a.author, None);
    assert_eq!(a.url, None);
}

// --- Paste ---------------------------------------------------------------------------------

#[test]
fn pasted_fields_win_over_what_the_text_implies() {
    let p = Pasted {
        text: "Storm hits coast\n\nThe storm hit the coast at dawn.\n\nCopyright © 2024 The Daily Planet".into(),
        title: "  A better   title ".into(),
        outlet: "Gazette".into(),
        date: "2025-03".into(),
        url: "https://gazette.example/storm".into(),
    };
    let a = import_paste(&p).unwrap();
    assert_eq!(a.title, "A better title");
    assert_eq!(a.id, "a-better-title");
    assert_eq!(a.outlet.as_deref(), Some("Gazette"));
    assert_eq!(date(&a).as_deref(), Some("2025-03"));
    assert_eq!(a.url.as_deref(), Some("https://gazette.example/storm"));
    assert_eq!(a.source_file, PASTED_SOURCE);
    // With a title given, the text's first line stays body text.
    assert_eq!(
        a.paragraphs,
        ["Storm hits coast", "The storm hit the coast at dawn."]
    );
}

#[test]
fn pasted_title_repeated_as_first_line_is_disclosed_not_kept() {
    let a = import_paste(&Pasted {
        text: "Storm hits coast\n\nThe storm hit the coast at dawn.".into(),
        title: "Storm hits coast".into(),
        ..Pasted::default()
    })
    .unwrap();
    assert_eq!(a.paragraphs, ["The storm hit the coast at dawn."]);
    assert_eq!(
        removed_with(&a, RemovalReason::RepeatedTitle),
        ["Storm hits coast"]
    );
}

#[test]
fn pasted_text_alone_infers_what_it_can_and_leaves_the_rest_unknown() {
    let a = import_paste(&Pasted {
        text: "Storm hits coast\n\nThe storm hit the coast at dawn.".into(),
        ..Pasted::default()
    })
    .unwrap();
    assert_eq!(a.title, "Storm hits coast");
    assert_eq!(a.outlet, None);
    assert_eq!(a.published, None);
}

#[test]
fn a_bad_pasted_date_or_url_is_an_error_naming_the_field() {
    let base = Pasted {
        text: "Title\n\nBody.".into(),
        ..Pasted::default()
    };
    let e = import_paste(&Pasted {
        date: "next tuesday".into(),
        ..base.clone()
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "The pasted text's date \"next tuesday\" is not a date: write it as 2026, 2026-01 or 2026-01-09."
    );
    let e = import_paste(&Pasted {
        url: "javascript:alert(1)".into(),
        ..base.clone()
    })
    .unwrap_err();
    assert!(matches!(&e, ImportError::BadField { field, .. } if field == "URL"));
    assert_eq!(
        import_paste(&Pasted {
            text: " \n ".into(),
            ..base
        })
        .unwrap_err()
        .to_string(),
        "The pasted text is empty."
    );
}

// --- Corpus file form ----------------------------------------------------------------------

fn assert_corpus_round_trip(a: &Article) {
    let file = to_corpus_file(a);
    let back = clean_article("back.md", &file);
    assert_eq!(back.title, a.title);
    assert_eq!(back.outlet, a.outlet);
    assert_eq!(back.published, a.published);
    assert_eq!(back.author, a.author);
    assert_eq!(back.url, a.url);
    assert_eq!(back.language, a.language);
    assert_eq!(back.dateline, a.dateline);
    assert_eq!(back.paragraphs, a.paragraphs);
    assert_eq!(back.word_count, a.word_count);
    assert_eq!(back.removed, a.removed, "the disclosure survives a rebuild");
}

#[test]
fn corpus_file_reads_back_to_the_same_text_and_metadata() {
    assert_corpus_round_trip(&clean_article("000_076469dcc618ac48.txt", SEED_A));
    assert_corpus_round_trip(&clean_article("001_49638b6ecd2811bf.txt", SEED_B));
    for (name, page) in [
        ("la-nacion.html", LA_NACION),
        ("herald-sun.html", HERALD_SUN),
        ("lemonde.html", LE_MONDE),
    ] {
        assert_corpus_round_trip(&one(name, page.as_bytes()).0);
    }
    let mut a = tricky_article();
    a.removed.clear();
    a.title = "\"Quoted\": a title with: colons \\ and a backslash".into();
    a.outlet = Some("---".into());
    a.published = Some(PartialDate {
        year: 2026,
        month: Some(1),
        day: None,
    });
    assert_corpus_round_trip(&a);
}

#[test]
fn corpus_file_is_front_matter_then_paragraphs() {
    let a = clean_article("x.txt", "Storm hits coast\n\nThe storm hit.\n\nIt left.");
    assert_eq!(
        to_corpus_file(&a),
        "---\ntitle: \"Storm hits coast\"\nlanguage: \"und\"\n---\n\nThe storm hit.\n\nIt left.\n"
    );
}

// --- Near-duplicates -----------------------------------------------------------------------

const WIRE: &str = "Wildfire forces thousands to flee\n\nLOS ANGELES (AP) — A fast-moving wildfire pushed through dry hills north of the city on Tuesday, forcing thousands of residents to leave their homes as firefighters struggled against gusting winds.\n\nThe fire had burned more than 4,000 acres by evening and was five percent contained, the county fire department said. No deaths were reported, but officials said at least a dozen homes had been destroyed.\n\n\"The wind is our biggest enemy right now,\" said fire captain Maria Lopez, who added that crews expected the gusts to ease overnight.\n\nEvacuation centers opened at two high schools, and the Red Cross said it was providing food and cots for several hundred people.\n\nThe cause of the fire was under investigation. Utilities said they had cut power to about 20,000 customers to reduce the risk of new fires.";

fn wire_copy() -> Article {
    // The same wire story in another outlet: its own headline, one paragraph dropped, site
    // clutter around it.
    let text = WIRE
        .replacen(
            "Wildfire forces thousands to flee",
            "Thousands evacuate as fire races through hills",
            1,
        )
        .replace(
            "\n\nEvacuation centers opened at two high schools, and the Red Cross said it was providing food and cots for several hundred people.",
            "",
        );
    let html = format!(
        "<html><body><nav><a href=/>Home</a><a href=/us>US</a></nav><article><h1>{}</h1>{}</article><aside class=related><a href=/x>Other story one here</a></aside></body></html>",
        "Thousands evacuate as fire races through hills",
        text.split("\n\n")
            .skip(1)
            .map(|p| format!("<p>{p}</p><div class=share>Share</div>"))
            .collect::<String>()
    );
    one("copy.html", html.as_bytes()).0
}

#[test]
fn the_same_wire_story_in_two_outlets_is_a_near_duplicate() {
    let original = clean_article("wire.txt", WIRE);
    let copy = wire_copy();
    assert_ne!(original.title, copy.title);
    let others = [
        clean_article("000_076469dcc618ac48.txt", SEED_A),
        copy,
        clean_article("001_49638b6ecd2811bf.txt", SEED_B),
    ];
    let found = near_duplicates(&original, &others);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].index, 1);
    assert!(found[0].similarity > 0.9, "{found:?}");
}

#[test]
fn two_reports_of_one_event_are_not_near_duplicates() {
    let a = clean_article("000_076469dcc618ac48.txt", SEED_A);
    let b = clean_article("001_49638b6ecd2811bf.txt", SEED_B);
    assert!(near_duplicates(&a, std::slice::from_ref(&b)).is_empty());
    assert!(near_duplicates(&b, std::slice::from_ref(&a)).is_empty());
}

#[test]
fn an_article_is_never_its_own_near_duplicate_but_a_copy_under_another_id_is() {
    let a = clean_article("wire.txt", WIRE);
    let mut copy = a.clone();
    copy.id = format!("{}-2", a.id);
    let found = near_duplicates(&a, &[a.clone(), copy]);
    assert_eq!(
        found,
        [NearDuplicate {
            index: 1,
            similarity: 1.0
        }]
    );
}

#[test]
fn near_duplicates_come_most_similar_first() {
    let original = clean_article("wire.txt", WIRE);
    let exact = {
        let mut c = original.clone();
        c.id = "exact".into();
        c
    };
    let found = near_duplicates(&original, &[wire_copy(), exact]);
    assert_eq!(found.iter().map(|d| d.index).collect::<Vec<_>>(), [1, 0]);
    assert!(found[0].similarity >= found[1].similarity);
}

#[test]
fn a_short_quote_inside_a_long_article_is_not_a_near_duplicate() {
    let long = clean_article("wire.txt", WIRE);
    let brief = clean_article(
        "brief.txt",
        "Brief\n\n\"The wind is our biggest enemy right now,\" said fire captain Maria Lopez, who added that crews expected the gusts to ease overnight.",
    );
    assert!(near_duplicates(&brief, std::slice::from_ref(&long)).is_empty());
    let tiny = clean_article("tiny.txt", "Tiny\n\nFire.");
    assert!(near_duplicates(&tiny, std::slice::from_ref(&long)).is_empty());
}
