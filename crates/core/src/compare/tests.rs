//! Behaviour of [`compare`] on the seed articles and on constructed pairs.

use super::*;
use crate::clean::clean_article;

const SEED_A: &str = include_str!("../../../../assets/corpus/000_076469dcc618ac48.txt");
const SEED_B: &str = include_str!("../../../../assets/corpus/001_49638b6ecd2811bf.txt");

fn seeds() -> Comparison {
    let a = clean_article("000_076469dcc618ac48.txt", SEED_A);
    let b = clean_article("001_49638b6ecd2811bf.txt", SEED_B);
    compare(&a, &b)
}

/// An article from a title and paragraphs, through the real cleaner.
fn article(name: &str, paragraphs: &[&str]) -> Article {
    let raw = format!("Report on the events\n\n{}\n", paragraphs.join("\n\n"));
    clean_article(name, &raw)
}

fn compare_texts(a: &[&str], b: &[&str]) -> Comparison {
    compare(&article("a.txt", a), &article("b.txt", b))
}

fn of_kind(c: &Comparison, kind: DiscrepancyKind) -> Vec<&Discrepancy> {
    c.discrepancies.iter().filter(|d| d.kind == kind).collect()
}

#[test]
fn compare_flags_conflicting_deportation_counts_in_the_seeds() {
    let c = seeds();
    let conflicts = of_kind(&c, DiscrepancyKind::NumberConflict);
    let d = conflicts
        .iter()
        .find(|d| d.summary.starts_with("over 250 (A) vs over 200 (B)"))
        .unwrap_or_else(|| panic!("{:#?}", c.discrepancies));
    assert!(d.summary.contains("Venezuelans"), "{}", d.summary);
    let (a_text, a_span) = (d.a_text.as_ref().unwrap(), d.a_span.clone().unwrap());
    assert_eq!(&a_text[a_span], "over 250");
    assert_eq!(
        &d.b_text.as_ref().unwrap()[d.b_span.clone().unwrap()],
        "over 200"
    );
    assert!(d.b_text.as_ref().unwrap().contains("Trump administration"));
    // Nothing else in the two reports counts the same thing differently.
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
}

#[test]
fn facts_only_the_washington_times_reports_are_listed_as_only_in_b() {
    let c = seeds();
    let only_b: Vec<&str> = c
        .discrepancies
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                DiscrepancyKind::NumberOnlyInB | DiscrepancyKind::EntityOnlyInB
            )
        })
        .map(|d| d.summary.as_str())
        .collect();
    for expected in ["480", "40,000", "Costa Rica", "Socorro Juridico"] {
        assert!(
            only_b.iter().any(|s| s.contains(expected)),
            "{expected} missing from {only_b:#?}"
        );
    }
    // And the sentences carrying them have no partner in A.
    let unmatched: Vec<&str> = c.only_in_b.iter().map(|s| s.text.as_str()).collect();
    for expected in ["Socorro Juridico", "40,000", "Costa Rican"] {
        assert!(
            unmatched.iter().any(|s| s.contains(expected)),
            "{expected}: {unmatched:#?}"
        );
    }
    // None of them is claimed to be missing from B.
    assert!(!c
        .discrepancies
        .iter()
        .any(|d| d.kind == DiscrepancyKind::EntityOnlyInA
            && (d.summary.contains("Costa Rica") || d.summary.contains("Socorro"))));
}

#[test]
fn far_right_is_a_descriptor_only_the_washington_times_uses() {
    let c = seeds();
    let d = of_kind(&c, DiscrepancyKind::DescriptorOnlyInB);
    assert!(
        d.iter()
            .any(|d| d.summary.contains("far-right") && d.summary.contains("Kast")),
        "{d:#?}"
    );
    assert!(!of_kind(&c, DiscrepancyKind::DescriptorOnlyInA)
        .iter()
        .any(|d| d.summary.contains("far-right")));
}

#[test]
fn seed_alignment_links_the_same_facts_and_reports_confidence() {
    let c = seeds();
    let linked = |a_has: &str, b_has: &str| {
        c.links.iter().any(|l| {
            c.a.sentences[l.a].text.contains(a_has) && c.b.sentences[l.b].text.contains(b_has)
        })
    };
    assert!(
        linked("250 Venezuelans", "200 Venezuelans"),
        "{:?}",
        c.links
    );
    assert!(
        linked("replication", "not necessarily to replicate"),
        "{:?}",
        c.links
    );
    assert!(
        linked("Amnesty International", "documented cases of torture"),
        "{:?}",
        c.links
    );
    assert!(c.links.iter().all(|l| l.score > 0.0 && l.score <= 1.0));
    // The AI rewrite's Q&A about human rights has no counterpart in the Washington Times.
    assert!(c
        .only_in_a
        .iter()
        .any(|s| s.text.contains("Chilean journalist")));
    assert_eq!(c.diffs.len(), c.links.len());
    assert!(c.summary.a_covered_by_b > 0.0 && c.summary.a_covered_by_b < 1.0);
    assert_eq!(c.summary.only_in_a, c.only_in_a.len());
    assert!(c.similarity > 0.1 && c.similarity < 0.9, "{}", c.similarity);
}

#[test]
fn identical_articles_have_no_discrepancies_and_full_coverage() {
    let a = clean_article("001_49638b6ecd2811bf.txt", SEED_B);
    let c = compare(&a, &a);
    assert!(c.discrepancies.is_empty(), "{:#?}", c.discrepancies);
    assert!(c.only_in_a.is_empty() && c.only_in_b.is_empty());
    assert_eq!(c.summary.changed, 0);
    assert_eq!(c.summary.shared, c.a.sentences.len());
    assert!((c.summary.a_covered_by_b - 1.0).abs() < 1e-9);
    for l in &c.links {
        assert_eq!(l.a, l.b, "{l:?}");
    }
}

#[test]
fn a_sentence_and_its_light_paraphrase_align() {
    let c = compare_texts(
        &[
            "Heavy rain flooded the northern suburbs overnight.",
            "Kast visited the mega-prison on Friday ahead of a meeting with President Nayib Bukele to discuss organized crime.",
            "The central bank kept interest rates on hold.",
        ],
        &[
            "Ahead of a meeting on organized crime with President Nayib Bukele, Kast toured the mega-prison on Friday.",
            "Schools in the capital reopened after the holidays.",
        ],
    );
    assert_eq!(c.links.len(), 1, "{:?}", c.links);
    assert_eq!((c.links[0].a, c.links[0].b), (1, 0));
    assert!(c.links[0].score >= THRESHOLD, "{}", c.links[0].score);
    assert_eq!(c.only_in_a.len(), 2);
}

#[test]
fn changed_hedged_counts_are_a_conflict() {
    let c = compare_texts(
        &["At least 30 people were injured in the blast near the market, officials said."],
        &["At least 45 people were injured in the blast near the market, officials said."],
    );
    let d = of_kind(&c, DiscrepancyKind::NumberConflict);
    assert_eq!(d.len(), 1, "{:#?}", c.discrepancies);
    assert!(
        d[0].summary
            .starts_with("at least 30 (A) vs at least 45 (B): people"),
        "{}",
        d[0].summary
    );
    assert!(of_kind(&c, DiscrepancyKind::NumberOnlyInA).is_empty());
}

#[test]
fn the_same_number_written_in_words_is_not_a_conflict() {
    let c = compare_texts(
        &["Over two hundred Venezuelans were deported to the prison in March."],
        &["Over 200 Venezuelans were deported to the prison in March."],
    );
    assert!(c.discrepancies.is_empty(), "{:#?}", c.discrepancies);
    assert_eq!(c.links.len(), 1);
}

#[test]
fn a_year_and_a_count_are_never_in_conflict() {
    let c = compare_texts(
        &["The government declared a state of emergency in 2022 and suspended some rights."],
        &["The government declared a state of emergency and detained 2,023 people, suspending some rights."],
    );
    assert!(
        of_kind(&c, DiscrepancyKind::NumberConflict).is_empty(),
        "{:#?}",
        c.discrepancies
    );
    // Each is still a fact the other report lacks.
    assert_eq!(of_kind(&c, DiscrepancyKind::NumberOnlyInA).len(), 1);
    assert_eq!(of_kind(&c, DiscrepancyKind::NumberOnlyInB).len(), 1);
}

#[test]
fn different_things_counted_are_not_a_conflict() {
    let c = compare_texts(
        &["Police arrested 30 protesters on Monday after clashes."],
        &["About 500 protesters marched through the capital peacefully."],
    );
    assert!(
        of_kind(&c, DiscrepancyKind::NumberConflict).is_empty(),
        "{:#?}",
        c.discrepancies
    );
    let c = compare_texts(
        &["The prison holds 40,000 inmates in eight cellblocks."],
        &["The prison employs 2,000 guards in eight cellblocks."],
    );
    assert!(
        of_kind(&c, DiscrepancyKind::NumberConflict).is_empty(),
        "{:#?}",
        c.discrepancies
    );
}

#[test]
fn a_vague_amount_that_includes_the_figure_is_not_a_conflict() {
    let c = compare_texts(
        &["Hundreds of Venezuelans were deported to the prison."],
        &["Over 250 Venezuelans were deported to the prison."],
    );
    assert!(
        of_kind(&c, DiscrepancyKind::NumberConflict).is_empty(),
        "{:#?}",
        c.discrepancies
    );
}

#[test]
fn the_same_claim_credited_to_different_sources_is_an_attribution_conflict() {
    let c = compare_texts(
        &["Amnesty International reported that at least 480 people have died in detention since the emergency began."],
        &["Human Rights Watch reported that at least 480 people have died in detention since the emergency began."],
    );
    let d = of_kind(&c, DiscrepancyKind::AttributionConflict);
    assert_eq!(d.len(), 1, "{:#?}", c.discrepancies);
    assert!(
        d[0].summary.contains("Amnesty International (A)"),
        "{}",
        d[0].summary
    );
    assert!(
        d[0].summary.contains("Human Rights Watch (B)"),
        "{}",
        d[0].summary
    );
}

#[test]
fn a_quote_credited_to_different_people_is_an_attribution_conflict() {
    let c = compare_texts(
        &["“We are ready to work hand-in-hand with our Chilean brothers,” Foreign Minister Alexandra Hill said."],
        &["“We are ready to work hand-in-hand with our Chilean brothers,” President Nayib Bukele said."],
    );
    let d = of_kind(&c, DiscrepancyKind::AttributionConflict);
    assert_eq!(d.len(), 1, "{:#?}", c.discrepancies);
    assert!(d[0].summary.contains("hand-in-hand"), "{}", d[0].summary);
}

#[test]
fn the_same_source_on_both_sides_is_not_an_attribution_conflict() {
    let c = compare_texts(
        &["Amnesty International reported that conditions in the prison were harsh."],
        &["Conditions in the prison were harsh, Amnesty International reported."],
    );
    assert!(
        of_kind(&c, DiscrepancyKind::AttributionConflict).is_empty(),
        "{:#?}",
        c.discrepancies
    );
}

#[test]
fn a_label_only_one_side_attaches_is_a_descriptor_difference() {
    let c = compare_texts(
        &["Chile’s far-right President-elect José Antonio Kast visited the prison on Friday."],
        &["Chile’s President-elect José Antonio Kast visited the prison on Friday."],
    );
    let d = of_kind(&c, DiscrepancyKind::DescriptorOnlyInA);
    assert_eq!(d.len(), 1, "{:#?}", c.discrepancies);
    assert!(d[0].summary.contains("far-right"));
    assert_eq!(
        &d[0].a_text.as_ref().unwrap()[d[0].a_span.clone().unwrap()],
        "far-right"
    );
    assert!(of_kind(&c, DiscrepancyKind::DescriptorOnlyInB).is_empty());
}

#[test]
fn diffs_of_linked_pairs_index_their_sentences() {
    let c = compare_texts(
        &["The facility received over 250 Venezuelans deported from the United States last year."],
        &["The facility received over 200 Venezuelans deported from the United States last year."],
    );
    assert_eq!(c.diffs.len(), 1);
    let d = &c.diffs[0];
    assert!(!d.rewritten);
    let change = d.ops.iter().find(|o| o.kind != DiffKind::Equal).unwrap();
    assert_eq!(&c.a.sentences[d.a].text[change.a.clone()], "250");
    assert_eq!(&c.b.sentences[d.b].text[change.b.clone()], "200");
    assert_eq!(c.summary.changed, 1);
    assert_eq!(c.summary.shared, 0);
}

#[test]
fn unrelated_articles_share_nothing() {
    let c = compare_texts(
        &[
            "The central bank left interest rates unchanged on Thursday.",
            "Inflation slowed to two percent.",
        ],
        &[
            "The football club signed a new striker from Brazil.",
            "Fans welcomed him at the airport.",
        ],
    );
    assert!(c.links.is_empty(), "{:?}", c.links);
    assert_eq!(c.summary.a_covered_by_b, 0.0);
    assert!(c.similarity < 0.05);
}

/// Deterministic pseudo-news: sentences drawn from a fixed vocabulary.
fn synthetic_article(seed: u64, words: usize) -> Vec<String> {
    const VOCAB: &[&str] = &[
        "government",
        "minister",
        "prison",
        "security",
        "crime",
        "report",
        "police",
        "court",
        "election",
        "president",
        "officials",
        "human",
        "rights",
        "gang",
        "members",
        "capital",
        "budget",
        "reform",
        "protest",
        "border",
        "trade",
        "economy",
        "inflation",
        "workers",
        "union",
        "strike",
        "hospital",
        "doctors",
        "school",
        "teachers",
        "students",
        "army",
    ];
    let mut s = seed;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) as usize
    };
    let mut paragraphs = Vec::new();
    let mut written = 0;
    while written < words {
        let mut para = String::new();
        for _ in 0..3 {
            let n = 12 + next() % 14;
            let sentence: Vec<String> = (0..n)
                .map(|k| match next() % 5 {
                    0 => "the".to_string(),
                    1 => format!("{}{}", VOCAB[next() % VOCAB.len()], k % 3),
                    _ => format!("w{}", next() % 3000),
                })
                .collect();
            let sentence = sentence.join(" ");
            // Sentences start with a capital, as the sentence splitter expects.
            para.push_str(&sentence[..1].to_uppercase());
            para.push_str(&sentence[1..]);
            para.push_str(". ");
            written += n;
        }
        paragraphs.push(para.trim().to_string());
    }
    paragraphs
}

#[test]
fn long_articles_score_few_candidate_pairs() {
    let a = synthetic_article(1, 5000);
    let b = synthetic_article(2, 5000);
    let (sa, sb) = (split_sentences(&a), split_sentences(&b));
    let mut prep = Preparer::new();
    let pa: Vec<Prepared> = sa
        .iter()
        .map(|s| prep.prepare(&s.text, Idf::builtin()))
        .collect();
    let pb: Vec<Prepared> = sb
        .iter()
        .map(|s| prep.prepare(&s.text, Idf::builtin()))
        .collect();
    let scored = align::candidate_count(&pa, &pb);
    assert!(sa.len() > 200 && sb.len() > 200);
    // Far fewer than all pairs: at most the per-sentence candidate budget from each side.
    assert!(
        scored <= 2 * align::CANDIDATES * (sa.len() + sb.len()),
        "{scored}"
    );
    assert!(scored < sa.len() * sb.len() / 4, "{scored}");
}

#[test]
fn alignment_alone_skips_discrepancies_but_keeps_links() {
    let a = clean_article("000_076469dcc618ac48.txt", SEED_A);
    let b = clean_article("001_49638b6ecd2811bf.txt", SEED_B);
    let quick = compare_with(
        &a,
        &b,
        CompareOptions {
            discrepancies: false,
        },
    );
    let full = compare(&a, &b);
    assert!(quick.discrepancies.is_empty());
    assert!(!full.discrepancies.is_empty());
    assert_eq!(quick.links, full.links);
    assert_eq!(quick.summary.discrepancies, 0);
}
