//! Entities of the seed articles: people with roles, linking inside an article, and the
//! cross-article alias merge (spacing and romanisation variants), bylines as authors.

use dateline::extract::{analyze, entities};
use dateline::model::{Article, EntityKind, EntityMention};
use dateline::text::Document;
use dateline::timeline::entities::merge;

fn seeds() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("seeds").flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            let text = std::fs::read_to_string(p).expect("seed");
            Article { id: name[..3].to_string(), path: name, text: text.into(), ..Default::default() }
        })
        .collect()
}

fn mentions(a: &Article) -> Vec<EntityMention> {
    entities::extract(a, &Document::parse(&a.text))
}

fn person<'a>(ms: &'a [EntityMention], name: &str) -> &'a EntityMention {
    ms.iter()
        .find(|m| m.kind == EntityKind::Person && m.name == name && m.role.is_some())
        .unwrap_or_else(|| panic!("no person {name} with a role in {ms:#?}"))
}

#[test]
fn people_with_titles_and_roles() {
    let all = seeds();
    let ms = mentions(&all[0]);
    assert_eq!(
        person(&ms, "Kim Hong-kyun").role.as_deref(),
        Some("South Korea's First Vice Foreign Minister")
    );
    assert_eq!(person(&ms, "Lim Soo-suk").role.as_deref(), Some("Foreign Ministry spokesperson"));
    assert!(person(&ms, "Lee Seung-buhm").role.as_deref().is_some_and(|r| r.contains("Defense Ministry")));
    assert_eq!(person(&ms, "Vladimir Putin").role.as_deref(), Some("Russian President"));
    // `Lim` alone and `Secretary Xin` link to the full names.
    assert!(ms.iter().any(|m| m.text == "Lim" && m.name == "Lim Soo-suk"));
    assert!(ms.iter().any(|m| m.text == "Xin" && m.name == "Xin Changxing"));
    // Places come from the gazetteer, possessives stripped.
    assert!(ms.iter().any(|m| m.kind == EntityKind::Place && m.name == "Pyongyang"));
    assert!(
        ms.iter().any(|m| m.kind == EntityKind::Place && m.text == "South Korea" && m.name == "South Korea")
    );
    // Sentence openers and months are not entities.
    assert!(ms.iter().all(|m| m.text != "In April" && m.text != "April" && m.text != "The"));
}

#[test]
fn acronym_links_to_its_expansion_and_appositive_roles() {
    let all = seeds();
    let ms = mentions(&all[1]);
    assert!(ms.iter().any(|m| m.text == "INSS" && m.name == "Institute for National Security Strategy"));
    assert!(
        ms.iter().any(|m| m.kind == EntityKind::Organization && m.name == "South Korean Foreign Ministry")
    );
    let lee = person(&ms, "Lee Seung-beom");
    assert!(lee.role.as_deref().is_some_and(|r| r.starts_with("director general for international policy")));
    let ms2 = mentions(&all[2]);
    assert!(person(&ms2, "Ma Zhaoxu").role.as_deref().is_some_and(|r| r.contains("Executive Vice Minister")));
}

#[test]
fn merge_joins_spelling_variants_and_marks_authors() {
    let mut all = seeds();
    all[1].byline = Some("Ji Da-gyum".to_string());
    let analyses: Vec<_> = all.iter().map(|a| analyze(a, None)).collect();
    let index = merge(&all, &analyses);
    let by = |n: &str| {
        index.entities.iter().filter(|e| e.name == n || e.aliases.iter().any(|x| x == n)).collect::<Vec<_>>()
    };
    let lee = by("Lee Seung-buhm");
    assert_eq!(lee.len(), 1);
    assert_eq!(by("Lee Seung-beom").len(), 1);
    assert_eq!(lee[0].id, by("Lee Seung-beom")[0].id);
    assert!(lee[0].articles.len() >= 2);
    let yoon = by("Yoon Suk Yeol");
    assert_eq!(yoon.len(), 1);
    assert_eq!(yoon[0].id, by("Yoon Suk-yeol")[0].id);
    let ji = by("Ji Da-gyum");
    assert_eq!(ji.len(), 1);
    assert_eq!(ji[0].role.as_deref(), Some("author"));
    assert_eq!(ji[0].kind, EntityKind::Person);
    // Different people with the same surname stay apart.
    assert_ne!(by("Kim Hong-kyun")[0].id, lee[0].id);
    assert_eq!(index.id_for("001", "Lee Seung-beom"), Some(&lee[0].id));
    // Ids are stable: a second run gives the same ids in the same order.
    let again = merge(&all, &analyses);
    let ids = |i: &dateline::timeline::entities::EntityIndex| {
        i.entities.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&index), ids(&again));
}
