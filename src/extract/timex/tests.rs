//! Unit tests of the time-expression engine, one group per pattern family.

use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Tags `text` anchored at `anchor` and returns (text, value) pairs.
fn run(text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
    let doc = Document::parse(text);
    tag_text("t", text, &doc, anchor)
}

fn pairs(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String)> {
    run(text, anchor).into_iter().map(|t| (t.text, t.value)).collect()
}

fn p(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn seed_001_weekdays_follow_tense() {
    let a = Some(d(2024, 6, 17));
    let text = "South Korea and China are set to hold a high-level dialogue on Tuesday in Seoul, \
                the Foreign Ministry announced Monday.";
    let got = run(text, a);
    assert_eq!(got[0].value, "2024-06-18");
    assert_eq!(
        got[0].derivation,
        "'on Tuesday' + published Mon 2024-06-17, future ('are set to hold') → Tue 2024-06-18"
    );
    assert_eq!(got[1].value, "2024-06-17");
    let got = pairs("An official confirmed this past Wednesday that the dialogue will occur.", a);
    assert_eq!(got, [p("this past Wednesday", "2024-06-12")]);
    let got = pairs("The institute said in a report released Friday that ties were loosening.", a);
    assert_eq!(got, [p("Friday", "2024-06-14")]);
}
