//! Direction from context on realistic news sentences: intentions, deferrals, events named
//! by their day, and the other context rules of `extract::timex::context`.

use std::sync::Arc;

use chrono::NaiveDate;

use dateline::extract::timex;
use dateline::model::Article;
use dateline::text::Document;

/// (text, value) of every timex of `text` published on `anchor`.
fn values(text: &str, anchor: NaiveDate) -> Vec<(String, String)> {
    let article = Article { id: "a".into(), text: Arc::from(text), ..Default::default() };
    timex::tag(&article, &Document::parse(text), Some(anchor))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn value_of(text: &str, anchor: NaiveDate, expr: &str) -> String {
    values(text, anchor)
        .into_iter()
        .find(|(t, _)| t == expr)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no timex '{expr}' in {text:?}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn an_intended_act_lies_ahead_whatever_the_tense_of_the_intention() {
    // Published Wednesday 2000-03-29.
    let wed = day(2000, 3, 29);
    let s = "Immigration officials said they did not plan to remove the boy on Thursday.";
    assert_eq!(value_of(s, wed, "Thursday"), "2000-03-30");
    let s = "The two sides agreed to resume talks on Monday in Geneva.";
    assert_eq!(value_of(s, wed, "Monday"), "2000-04-03");
    // An old plan stays in the past.
    let s = "The offer had been scheduled to expire at midnight Friday.";
    assert_eq!(value_of(s, wed, "midnight Friday"), "2000-03-24T24:00");
    let s = "Officials had planned to meet on Monday but the talks collapsed.";
    assert_eq!(value_of(s, wed, "Monday"), "2000-03-27");
}

#[test]
fn a_deferred_deadline_lies_ahead_of_the_deferral() {
    // Published Thursday 2000-03-30.
    let thu = day(2000, 3, 30);
    let s = "U.S. officials postponed until Tuesday any action on the boy's case.";
    assert_eq!(value_of(s, thu, "Tuesday"), "2000-04-04");
    let s = "The agency extended its deadline until 9 a.m. EST Monday.";
    assert_eq!(value_of(s, thu, "9 a.m. EST Monday"), "2000-04-03T09:00");
    // Without a deferral, `until` after a past verb stays in the past.
    let s = "The market was closed until Monday.";
    assert_eq!(value_of(s, thu, "Monday"), "2000-03-27");
}

#[test]
fn an_event_named_by_its_day_is_one_already_held() {
    // Published Friday 2000-01-07: "Wednesday's ruling" is this week's, even in reported speech.
    let fri = day(2000, 1, 7);
    let s = "Relatives said they would look for ways to get around Wednesday's ruling.";
    assert_eq!(value_of(s, fri, "Wednesday"), "2000-01-05");
    let s = "The candidates will meet again after Tuesday's debate.";
    assert_eq!(value_of(s, fri, "Tuesday"), "2000-01-04");
    // Marked as coming, it is the next one.
    let s = "Both parties will campaign hard ahead of Sunday's vote.";
    assert_eq!(value_of(s, fri, "Sunday"), "2000-01-09");
}

#[test]
fn ahead_of_points_to_the_coming_period() {
    // Published Wednesday 1989-10-25.
    let s = "Traders squared positions ahead of the weekend.";
    assert_eq!(value_of(s, day(1989, 10, 25), "the weekend"), "1989-W43-WE");
}

#[test]
fn index_levels_and_amounts_are_not_years() {
    let mon = day(1987, 3, 2);
    let text = "The Dow Jones index rose 12.5 points to 1841 in heavy trading. The Nikkei average \
                closed at a preliminary 1852. Shares traded at 1990 yen. The company was founded in 1841.";
    let got = values(text, mon);
    assert_eq!(got, vec![("1841".to_string(), "1841".to_string())], "only the founding year: {got:?}");
    // A plain year after `to` in a clause about sales stays a year.
    let got = values("Sales rose from 1985 to 1986.", mon);
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn season_words_in_names_tables_and_crops_are_not_seasons() {
    let mon = day(1987, 3, 2);
    let text = "U.S. EXPORT INSPECTIONS, IN THOUSANDS OF BUSHELS: HARD RED WINTER 4,216. \
                Farmers planted more winter wheat, and the Winter Olympics drew crowds.";
    assert_eq!(values(text, mon), Vec::<(String, String)>::new());
    // A season as a time is still one.
    assert_eq!(value_of("Prices fell sharply last winter.", mon, "last winter"), "1986-WI");
    assert_eq!(value_of("Talks will resume in the summer.", mon, "the summer"), "1987-SU");
}

#[test]
fn titles_and_idioms_are_not_times() {
    let fri = day(1999, 3, 12);
    let text = "Gonzalez said on CBS's ''60 Minutes'' that he would wait. A poster showed Gary \
                Cooper in High Noon. For the people of Poland, high noon comes today.";
    assert_eq!(values(text, fri), vec![("today".to_string(), "1999-03-12".to_string())]);
    // A real clock time and a real length of time are still found.
    assert_eq!(value_of("The ceremony begins at noon.", fri, "noon"), "1999-03-12T12:00");
    assert_eq!(value_of("The vote took 60 minutes.", fri, "60 minutes"), "PT60M");
}

#[test]
fn a_participle_after_a_determiner_is_not_a_past_tense() {
    // Published Thursday 1989-10-26: the dividend is to be paid, in the coming January.
    let s = "The dividend would be paid on a still unspecified date in January to holders of record.";
    assert_eq!(value_of(s, day(1989, 10, 26), "January"), "1990-01");
    // A real past tense still points back.
    let s = "The company paid a special dividend in January.";
    assert_eq!(value_of(s, day(1989, 10, 26), "January"), "1989-01");
}

#[test]
fn a_part_of_day_counted_from_the_story_day_is_that_day() {
    // Published Thursday 2000-02-24; the story day is Tuesday 2000-02-22.
    let thu = day(2000, 2, 24);
    let s = "He was hounded on the courthouse steps on Tuesday. He appeared healthy in court the \
             next morning. The previous evening he had met his lawyers.";
    assert_eq!(value_of(s, thu, "the next morning"), "2000-02-23");
    assert_eq!(value_of(s, thu, "The previous evening"), "2000-02-22");
}

#[test]
fn comparisons_and_fractions_are_not_times() {
    let wed = day(1989, 11, 1);
    let text = "The quarter-to-quarter comparison was enhanced by charges. Funds account for more \
                than a quarter of the entire junk market. Prices are set on a day-to-day basis.";
    assert_eq!(values(text, wed), Vec::<(String, String)>::new());
    // Counted quarters are still lengths of time and dates.
    let s = "It became profitable after several quarters of losses.";
    assert_eq!(value_of(s, wed, "several quarters"), "PXQ");
    let s = "Weakness should continue through the first two quarters of 1990.";
    assert_eq!(value_of(s, wed, "1990"), "1990");
}

#[test]
fn nouns_that_look_like_intentions_do_not_point_ahead() {
    // Published Wednesday 2000-03-29: the planes were sent last Tuesday.
    let s = "The air force sent planes to evacuate civilians on Tuesday.";
    assert_eq!(value_of(s, day(2000, 3, 29), "Tuesday"), "2000-03-28");
}

#[test]
fn a_planned_or_expected_thing_lies_ahead_and_names_are_no_verbs() {
    let wed = day(1987, 3, 4);
    // The nearest verb, `plans`, decides, not the `said` before it.
    let text = "Trade Representative Clayton Yeutter said he plans a July trip to China.";
    assert_eq!(value_of(text, wed, "July"), "1987-07");
    let text = "The company said it expects a decision in May.";
    assert_eq!(value_of(text, wed, "May"), "1987-05");
    // A past plan stays past.
    let text = "He said he made a July trip to China.";
    assert_eq!(value_of(text, wed, "July"), "1986-07");
    // `Allied` and `United` are names here, not past tenses: the verb after the day decides.
    let text = "The Allied Signal board on Friday will vote on the offer.";
    assert_eq!(value_of(text, wed, "Friday"), "1987-03-06");
    let text = "Shares of United Airlines on Monday rose 5 pct.";
    assert_eq!(value_of(text, wed, "Monday"), "1987-03-02");
    // A stretch from now stays a length, and a fall on a market is no season.
    let v = values("It expects to sell the unit in the next six months.", wed);
    assert!(v.contains(&("the next six months".to_string(), "P6M".to_string())), "{v:?}");
    let v = values("Exhausted buyers and a late fall on the share market led to a sharp drop.", wed);
    assert!(v.is_empty(), "{v:?}");
    let v = values("A cold winter raised feed demand and a late spring would delay planting.", wed);
    assert_eq!(v.len(), 2, "{v:?}");
    // In all-capitals text a past form is still a verb (`TO SET … MONDAY` lies ahead).
    let text = "U.S. TO SET ORANGE JUICE DUTIES MONDAY";
    assert_eq!(value_of(text, wed, "MONDAY"), "1987-03-09");
}

#[test]
fn a_day_that_opens_the_sentence_takes_the_main_verb_after_the_subject() {
    // Published Monday 1998-10-26: the league's plan is for the coming Tuesday, the vote was
    // last Thursday.
    let mon = day(1998, 10, 26);
    let s = "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold \
             a news conference.";
    assert_eq!(value_of(s, mon, "Tuesday"), "1998-10-27");
    let s = "On Thursday, the state's largest abortion rights group and two other unions endorsed him.";
    assert_eq!(value_of(s, mon, "Thursday"), "1998-10-22");
    // The copula before `expected to`, `due to` is part of that future cue.
    let s = "On Sunday, the secretary of state is expected to arrive in Jordan.";
    assert_eq!(value_of(s, mon, "Sunday"), "1998-11-01");
    // …but a month inside the subject keeps to the nearest reading (published 1987-03-24).
    let s = "Industrial production, down 0.5 pct in January, is likely to turn positive.";
    assert_eq!(value_of(s, day(1987, 3, 24), "January"), "1987-01");
}

#[test]
fn a_bare_part_of_day_belongs_to_the_day_in_the_text() {
    // Published Monday 1989-10-30; the story day is Friday 1989-10-27.
    let mon = day(1989, 10, 30);
    let s = "Tokyo shares rose Friday. Dealers placed heavy buy orders in the morning to start the \
             new trading month. By mid afternoon, profit-taking set in. In London at mid-afternoon \
             yesterday, shares were up. The morning session was calm.";
    let got = values(s, mon);
    assert_eq!(
        got,
        [
            ("Friday", "1989-10-27"),
            ("the morning", "1989-10-27TMO"),
            ("mid afternoon", "1989-10-27TAF"),
            ("mid-afternoon yesterday", "1989-10-29TAF"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // With no day in the text, a part of the day may be a habit: no day is claimed.
    assert_eq!(value_of("Banks may open during the afternoon.", mon, "the afternoon"), "XXXX-XX-XXTAF");
}

#[test]
fn this_season_and_this_date_are_of_the_year_of_publication() {
    // Published Tuesday 1987-03-31: a past-tense verb elsewhere in the sentence does not send
    // `this summer` back a year; `this winter` in March is the one just gone.
    let tue = day(1987, 3, 31);
    let s = "The voluntary program reached with exporters in 1983 ends this summer.";
    assert_eq!(value_of(s, tue, "this summer"), "1987-SU");
    let s = "Sales under the grain agreement, which ends this September 30, were extended.";
    assert_eq!(value_of(s, tue, "this September 30"), "1987-09-30");
    assert_eq!(value_of("Heating oil demand was weak this winter.", tue, "this winter"), "1986-WI");
    // `that summer` is the summer of the year just named.
    let s = "Farmers planted little corn in 1983. A severe drought that summer cut yields.";
    assert_eq!(value_of(s, tue, "that summer"), "1983-SU");
    // …but `that` before a crop is a conjunction: `noted that spring crops yield less`.
    assert!(values("Analysts noted that spring crops normally yield less.", tue).is_empty());
}

#[test]
fn this_weekend_follows_the_tense() {
    // Published Monday 1987-03-09: what was done `this weekend` was done the weekend just gone;
    // what could be announced `this weekend` (Friday 1987-04-17) is the coming one.
    let s = "Finance Ministry figures released this weekend showed a fall in payments.";
    assert_eq!(value_of(s, day(1987, 3, 9), "this weekend"), "1987-W10-WE");
    let s = "The spokesman indicated that the sale could be finalized and announced this weekend.";
    assert_eq!(value_of(s, day(1987, 4, 17), "this weekend"), "1987-W16-WE");
}

#[test]
fn a_scheduled_event_in_the_present_tense_lies_ahead() {
    // Published Monday 2024-06-17.
    let mon = day(2024, 6, 17);
    let s = "He and the Palestinian leader meet separately Thursday with the secretary of state.";
    assert_eq!(value_of(s, mon, "Thursday"), "2024-06-20");
    assert_eq!(value_of("The new law takes effect Jan. 1.", mon, "Jan. 1"), "2025-01-01");
    assert_eq!(value_of("Officials said the talks resume Friday in Geneva.", mon, "Friday"), "2024-06-21");
    // Travel, polls and deadlines in the present tense are scheduled too.
    let s = "The president travels to Asia on Saturday for a week of talks.";
    assert_eq!(value_of(s, mon, "Saturday"), "2024-06-22");
    assert_eq!(value_of("Voters go to the polls on Sunday.", mon, "Sunday"), "2024-06-23");
    let s = "The minister, who leaves for Moscow on Tuesday, met the president.";
    assert_eq!(value_of(s, mon, "Tuesday"), "2024-06-18");
    assert_eq!(value_of("The tender offer closes on Friday, the bank said.", mon, "Friday"), "2024-06-21");
    // Not when the verb is negated in the past, nor `starts` (mostly a noun: housing starts).
    assert_eq!(value_of("The two leaders did not meet Thursday.", mon, "Thursday"), "2024-06-13");
    assert_eq!(value_of("Single-family starts rose 2% in April.", mon, "April"), "2024-04");
}

#[test]
fn a_period_ending_at_a_date_is_a_length_not_the_current_year() {
    // Published Thursday 1987-02-26: the year ended last December, not in 1987.
    let thu = day(1987, 2, 26);
    let v = values("Profit rose 12 pct in the year ended December 31, the company said.", thu);
    assert!(v.contains(&("the year".to_string(), "P1Y".to_string())), "{v:?}");
    assert!(v.contains(&("December 31".to_string(), "1986-12-31".to_string())), "{v:?}");
    let v = values("Money supply grew 8 pct in the year to December.", thu);
    assert!(v.contains(&("the year".to_string(), "P1Y".to_string())), "{v:?}");
    // Without a closing date `in the year` is still the year of the story.
    let v = values("Sales rose in the year, the company said.", thu);
    assert!(v.iter().any(|(t, v)| t == "the year" && v == "1987"), "{v:?}");
}
