//! Spans the engine reads as one expression on realistic news sentences: ranges of lengths,
//! open-ended dates, the last part of a year, the week of a day, holidays counted back or
//! ahead, recurring parts of weekdays and days written as ordinal words.

use std::sync::Arc;

use chrono::NaiveDate;

use dateline::extract::timex;
use dateline::model::{Article, Timex, TimexType};
use dateline::text::Document;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn tag(text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
    let article = Article { id: "a".into(), text: Arc::from(text), ..Default::default() };
    timex::tag(&article, &Document::parse(text), anchor)
}

/// (text, value) of every timex.
fn values(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String)> {
    tag(text, anchor).into_iter().map(|t| (t.text, t.value)).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn ranges_of_lengths_and_open_ended_dates_are_one_expression() {
    let a = d(1989, 11, 1);
    let all = tag(
        "Intel will resume shipments within two to three weeks and make acquisitions over the next \
         12-18 months. The unit won't be profitable until 1994 or later, and the outlook for 1990 \
         and beyond is firm. Margins rose from 10 to 15 percent.",
        a,
    );
    let got: Vec<(&str, &str, Option<&str>)> =
        all.iter().map(|t| (t.text.as_str(), t.value.as_str(), t.modifier.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("two to three weeks", "P2W", Some("EQUAL_OR_MORE")),
            ("the next 12-18 months", "P12M", Some("EQUAL_OR_MORE")),
            ("1994 or later", "1994", Some("ON_OR_AFTER")),
            ("1990 and beyond", "1990", Some("ON_OR_AFTER")),
        ]
    );
    // `or after` followed by more words is a second time, not an open bound.
    let got = values("The vote comes in 2010 or after the census.", a);
    assert_eq!(got, pairs(&[("2010", "2010")]));
    // A range is a length, never one date: `in two to three years` stays a duration, and
    // `two or three years ago` is not read as a range.
    let got = values("The plant will reopen in two to three years.", a);
    assert_eq!(got, pairs(&[("two to three years", "P2Y")]));
    let got = values("Margins were wider two or three years ago.", a);
    assert_eq!(got, pairs(&[("three years ago", "1986")]));
}

#[test]
fn the_last_part_of_a_named_year() {
    let a = d(1989, 11, 1);
    let got = values(
        "Anheuser expects lower earnings for the last half of 1989. Sales in the final quarter of \
         1988 rose. Last quarter, volume fell.",
        a,
    );
    assert_eq!(
        got,
        pairs(&[
            ("the last half of 1989", "1989-H2"),
            ("the final quarter of 1988", "1988-Q4"),
            ("Last quarter", "1989-Q3")
        ])
    );
}

#[test]
fn a_part_of_the_year_is_one_expression() {
    // Published Wednesday 2013-03-20: `the year` is this one, or the year just named.
    let a = d(2013, 3, 20);
    let got = values(
        "Growth slowed in the first half of the year. In 2011, exports fell in the third quarter \
         of the year.",
        a,
    );
    assert_eq!(
        got,
        pairs(&[
            ("the first half of the year", "2013-H1"),
            ("2011", "2011"),
            ("the third quarter of the year", "2011-Q3"),
        ])
    );
}

#[test]
fn the_week_of_a_day_and_holidays_counted_back_or_ahead() {
    // Published Thursday 2000-02-24.
    let a = d(2000, 2, 24);
    let got = values(
        "The custody fight may be resolved in a hearing the week of March 6. The boy was rescued \
         at sea last Thanksgiving, and his father hopes to see him by next Christmas.",
        a,
    );
    assert_eq!(
        got,
        pairs(&[
            ("the week of March 6", "2000-W10"),
            ("last Thanksgiving", "1999-11-25"),
            ("next Christmas", "2000-12-25"),
        ])
    );
}

#[test]
fn a_weekday_with_a_plural_part_of_day_recurs() {
    let a = d(1998, 2, 13);
    let all = tag(
        "The airline adds flights on Tuesday nights; she works Sunday mornings. He left Friday night.",
        a,
    );
    let got: Vec<(&str, TimexType, &str)> =
        all.iter().map(|t| (t.text.as_str(), t.kind, t.value.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Tuesday nights", TimexType::Set, "XXXX-WXX-2TNI"),
            ("Sunday mornings", TimexType::Set, "XXXX-WXX-7TMO"),
            ("Friday night", TimexType::Date, "1998-02-13"),
        ]
    );
}

#[test]
fn days_written_as_ordinal_words() {
    let a = d(1998, 3, 5);
    let got = values(
        "International Women's Day is this coming Sunday, March eighth. The deadline is the first \
         of April.",
        a,
    );
    assert_eq!(
        got,
        pairs(&[("this coming Sunday, March eighth", "1998-03-08"), ("first of April", "1998-04-01")])
    );
    // The first word of a compound is no day: `March second-quarter` is not March 2.
    let got = values("In March second-quarter sales rose.", a);
    assert!(got.contains(&("March".to_string(), "1998-03".to_string())), "{got:?}");
    let got = values("Output rose 0.5 pct in the January-March first quarter.", a);
    assert!(got.iter().all(|(_, v)| v != "1998-03-01"), "{got:?}");
}

#[test]
fn results_for_the_year_name_the_period_not_a_length() {
    // Published Friday 1989-10-27. `for the full year` is the year being reported on (this
    // one, even after a later target year), `for the year` alone the year of the last date;
    // only `the year ended …` and `throughout the year` are lengths.
    let a = d(1989, 10, 27);
    let got = values(
        "The chairman said the company aims to double its share by 1992, and he forecast an \
         earnings increase for the full year. Profit fell 5% in the quarter ended Sept. 30. For \
         the year, volume was flat. Revenue for the year ended June 30 rose, and margins held \
         throughout the year.",
        a,
    );
    assert_eq!(
        got,
        pairs(&[
            ("1992", "1992"),
            ("the full year", "1989"),
            ("the quarter", "1989-Q3"),
            ("Sept. 30", "1989-09-30"),
            ("the year", "1989"),
            ("the year", "P1Y"),
            ("June 30", "1989-06-30"),
            ("the year", "P1Y"),
        ])
    );
    // `during the day` names no day of its own: no timex, the weekday carries the date.
    let got = values("During the day Friday, the boy played in the yard.", a);
    assert_eq!(got, pairs(&[("Friday", "1989-10-27")]));
}

#[test]
fn around_stays_in_the_extent_of_the_point_it_brackets() {
    // Published Thursday 1989-10-26. `around` is kept with `mod="APPROX"`, `about` left out.
    let a = d(1989, 10, 26);
    let all = tag(
        "The gunmen entered the store around 7:15 p.m., police said. The sale is to be completed \
         around Nov. 1, and the merger should close around year end. It took about two weeks.",
        a,
    );
    let got: Vec<(&str, &str, Option<&str>)> =
        all.iter().map(|t| (t.text.as_str(), t.value.as_str(), t.modifier.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            ("around 7:15 p.m.", "1989-10-26T19:15", Some("APPROX")),
            ("around Nov. 1", "1989-11-01", Some("APPROX")),
            ("around year end", "1989", Some("APPROX")),
            ("two weeks", "P2W", Some("APPROX")),
        ]
    );
    // A weekday after the particle of `get around` is no approximation.
    let got = values("Relatives looked for ways to get around Wednesday's ruling.", a);
    assert_eq!(got, pairs(&[("Wednesday", "1989-10-25")]));
}

#[test]
fn a_length_describing_a_noun_leaves_the_nouns_article_out() {
    // `the two day rally`, `a several-year tenure`: the article belongs to the noun the length
    // describes; `the two days of music` is the length itself and keeps it.
    let a = d(1998, 3, 3);
    let got = values(
        "Thousands gathered for the two day rally in Abuja, and organizers said the two days of \
         music drew crowds. Her appointment followed a several-year tenure as editor.",
        a,
    );
    assert_eq!(got, pairs(&[("two day", "P2D"), ("the two days", "P2D"), ("several-year", "PXY")]));
}
