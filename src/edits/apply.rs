//! Replaying event, quote and entity edits on a fresh extraction.
//!
//! Each edit is applied in order; one whose target is not in the extraction (an article
//! removed from the folder, an event no longer found) is kept in the project and reported
//! in [`Extraction::unapplied_edits`], never dropped.

use std::collections::{BTreeSet, HashMap};

use crate::extract::ArticleAnalysis;
use crate::model::{Entity, Event, EventMention, Extraction, stable_hash};

use super::{Edit, timex_value};

/// Applies `edits` (all but `set_published`, which the pipeline applies before analysis;
/// here it is only checked) to `x`. `analyses` (may be empty) lets a split-off mention take
/// its own date and title instead of its former event's.
pub fn apply(x: &mut Extraction, analyses: &[ArticleAnalysis], edits: &[Edit]) {
    let (_, bad_dates) = super::published_overrides(edits);
    x.unapplied_edits.extend(bad_dates);
    let mut former: Option<HashMap<String, String>> = None;
    for e in edits {
        let mut result = apply_one(x, analyses, e);
        let gone = |id: &str| !x.events.iter().any(|ev| ev.id == id);
        let into_gone = matches!(e, Edit::MergeEvents { into, .. } if gone(into));
        if result.is_err() && (event_target(e).is_some_and(gone) || into_gone) {
            // the event's id changed (a new article reports it first, or dates it better):
            // find it by the ids its reports would have given it, and retarget the edit
            let map = former.get_or_insert_with(|| former_ids(x, analyses));
            let mut moved = e.clone();
            if let Some(now) = event_target(e).filter(|t| gone(t)).and_then(|t| map.get(t)) {
                moved = retarget(&moved, now);
            }
            if let Edit::MergeEvents { into, .. } = &mut moved
                && let Some(now) = map.get(into.as_str()).filter(|_| into_gone)
            {
                *into = now.clone();
            }
            if &moved != e {
                result = apply_one(x, analyses, &moved);
            }
        }
        if let Err(why) = result {
            x.unapplied_edits.push(format!("{}: {why} (kept in the project)", e.describe()));
        }
    }
    x.events.sort_by_key(|e| (e.start.is_none(), e.start, e.end));
}

fn apply_one(x: &mut Extraction, analyses: &[ArticleAnalysis], e: &Edit) -> Result<(), String> {
    match e {
        Edit::SetPublished { article, .. } => x
            .articles
            .iter()
            .any(|a| &a.id == article)
            .then_some(())
            .ok_or_else(|| missing("article", article)),
        Edit::SetEventDate { event, date, precision } => {
            let (start, end, implied) =
                timex_value::days_of(date).ok_or_else(|| format!("“{date}” is not a calendar date"))?;
            let ev = event_mut(x, event)?;
            ev.date = date.trim().to_string();
            ev.start = Some(start);
            ev.end = Some(end);
            ev.precision = Some(precision.unwrap_or(implied));
            ev.derivation = format!("set by the user to {}", ev.date);
            ev.confidence = 1.0;
            mark(ev, "date");
            Ok(())
        }
        Edit::RetitleEvent { event, title } => {
            let ev = event_mut(x, event)?;
            ev.title = title.clone();
            mark(ev, "title");
            Ok(())
        }
        Edit::MergeEvents { event, into } => merge_events(x, event, into),
        Edit::SplitMention { event, article, start } => split_mention(x, analyses, event, article, *start),
        Edit::HideEvent { event } => event_mut(x, event).map(|ev| ev.hidden = true),
        Edit::UnhideEvent { event } => event_mut(x, event).map(|ev| ev.hidden = false),
        Edit::StarEvent { event } => event_mut(x, event).map(|ev| ev.starred = true),
        Edit::UnstarEvent { event } => event_mut(x, event).map(|ev| ev.starred = false),
        Edit::TagEvent { event, tag } => event_mut(x, event).map(|ev| {
            let tag = tag.trim();
            if !tag.is_empty() && !ev.tags.iter().any(|t| t == tag) {
                ev.tags.push(tag.to_string());
            }
        }),
        Edit::UntagEvent { event, tag } => event_mut(x, event).map(|ev| ev.tags.retain(|t| t != tag.trim())),
        Edit::NoteEvent { event, note } => event_mut(x, event).map(|ev| {
            let n = note.trim();
            ev.note = (!n.is_empty()).then(|| note.clone());
        }),
        Edit::SetQuoteSpeaker { quote, speaker } => {
            let entity = entity_named(&x.entities, speaker).map(|en| (en.id.clone(), en.name.clone()));
            let q = x.quotes.iter_mut().find(|q| &q.id == quote).ok_or_else(|| missing("quote", quote))?;
            match entity {
                Some((id, name)) => {
                    q.speaker = Some(name);
                    q.speaker_entity = Some(id);
                }
                None => {
                    q.speaker = Some(speaker.trim().to_string());
                    q.speaker_entity = None;
                }
            }
            q.confidence = 1.0;
            mark_field(&mut q.edited, "speaker");
            Ok(())
        }
        Edit::MergeEntities { entity, into } => merge_entities(x, entity, into),
        Edit::SplitEntity { entity, alias } => split_entity(x, entity, alias),
    }
}

/// The event an event edit targets (the absorbing one for a merge is checked separately).
fn event_target(e: &Edit) -> Option<&str> {
    match e {
        Edit::SetEventDate { event, .. }
        | Edit::RetitleEvent { event, .. }
        | Edit::MergeEvents { event, .. }
        | Edit::SplitMention { event, .. }
        | Edit::HideEvent { event }
        | Edit::UnhideEvent { event }
        | Edit::StarEvent { event }
        | Edit::UnstarEvent { event }
        | Edit::TagEvent { event, .. }
        | Edit::UntagEvent { event, .. }
        | Edit::NoteEvent { event, .. } => Some(event),
        _ => None,
    }
}

/// `e` aimed at event `now` instead.
fn retarget(e: &Edit, now: &str) -> Edit {
    let mut e = e.clone();
    match &mut e {
        Edit::SetEventDate { event, .. }
        | Edit::RetitleEvent { event, .. }
        | Edit::MergeEvents { event, .. }
        | Edit::SplitMention { event, .. }
        | Edit::HideEvent { event }
        | Edit::UnhideEvent { event }
        | Edit::StarEvent { event }
        | Edit::UnstarEvent { event }
        | Edit::TagEvent { event, .. }
        | Edit::UntagEvent { event, .. }
        | Edit::NoteEvent { event, .. } => *event = now.to_string(),
        _ => {}
    }
    e
}

/// The id the timeline stage gives an event whose best-dated report has TIMEX value `date` and
/// whose first report is `evidence_text` of `article` (see `timeline::assemble`).
pub fn event_id(date: &str, article: &str, evidence_text: &str) -> String {
    stable_hash(&[date, article, evidence_text])[..16].to_string()
}

/// Every id each event could have had with a different set of reports (any of its reports
/// first, any of their dates best) → the event's current id. Lets edits follow an event
/// whose id changed because a new article reports it earlier or dates it more precisely.
pub fn former_ids(x: &Extraction, analyses: &[ArticleAnalysis]) -> HashMap<String, String> {
    let mut dates_at: HashMap<(&str, usize), Vec<&str>> = HashMap::new();
    for m in analyses.iter().flat_map(|a| a.events.iter()) {
        dates_at.entry((m.article.as_str(), m.evidence.start)).or_default().push(m.date.as_str());
    }
    // own ids first; a former id two events could claim is ambiguous and left out
    let mut map: HashMap<String, Option<String>> =
        x.events.iter().map(|ev| (ev.id.clone(), Some(ev.id.clone()))).collect();
    let own: BTreeSet<&str> = x.events.iter().map(|ev| ev.id.as_str()).collect();
    for ev in &x.events {
        let mut dates: Vec<&str> = vec![ev.date.as_str()];
        for v in &ev.evidence {
            dates.extend(dates_at.get(&(v.article.as_str(), v.start)).into_iter().flatten().copied());
        }
        dates.sort_unstable();
        dates.dedup();
        for v in &ev.evidence {
            for d in &dates {
                let id = event_id(d, &v.article, &v.text);
                if own.contains(id.as_str()) {
                    continue;
                }
                let slot = map.entry(id).or_insert_with(|| Some(ev.id.clone()));
                if slot.as_deref() != Some(ev.id.as_str()) {
                    *slot = None;
                }
            }
        }
    }
    map.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect()
}

fn missing(what: &str, id: &str) -> String {
    format!("{what} {id} is not in this extraction")
}

fn event_mut<'a>(x: &'a mut Extraction, id: &str) -> Result<&'a mut Event, String> {
    x.events.iter_mut().find(|e| e.id == id).ok_or_else(|| missing("event", id))
}

fn mark(ev: &mut Event, field: &str) {
    mark_field(&mut ev.edited, field);
}

/// Adds `field` to an `edited` list once.
fn mark_field(edited: &mut Vec<String>, field: &str) {
    if !edited.iter().any(|f| f == field) {
        edited.push(field.to_string());
    }
}

/// The id [`Edit::SplitMention`] gives the event it creates (derived from the edit, so later
/// edits that target the new event replay, and the app can select it).
pub fn split_event_id(event: &str, article: &str, start: usize) -> String {
    stable_hash(&["split", event, article, &start.to_string()])[..16].to_string()
}

/// The id [`Edit::SplitEntity`] gives the entity it creates (derived from the edit).
pub fn split_entity_id(entity: &str, alias: &str) -> String {
    stable_hash(&["split", entity, &alias.trim().to_lowercase()])[..16].to_string()
}

fn push_unique<T: PartialEq + Clone>(into: &mut Vec<T>, items: &[T]) {
    for i in items {
        if !into.contains(i) {
            into.push(i.clone());
        }
    }
}

/// Distinct outlets of `articles` (the article's source, or its path when it names none).
fn outlets_of(x: &Extraction, articles: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in articles {
        if let Some(a) = x.articles.iter().find(|a| &a.id == id) {
            let name = a.source.clone().unwrap_or_else(|| a.path.clone());
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn merge_events(x: &mut Extraction, from: &str, into: &str) -> Result<(), String> {
    if from == into {
        return Err("an event cannot be merged into itself".into());
    }
    let fi = x.events.iter().position(|e| e.id == from).ok_or_else(|| missing("event", from))?;
    if !x.events.iter().any(|e| e.id == into) {
        return Err(missing("event", into));
    }
    let gone = x.events.remove(fi);
    let ti = x.events.iter().position(|e| e.id == into).ok_or_else(|| missing("event", into))?;
    let t = &mut x.events[ti];
    push_unique(&mut t.articles, &gone.articles);
    push_unique(&mut t.outlets, &gone.outlets);
    push_unique(&mut t.evidence, &gone.evidence);
    push_unique(&mut t.quotes, &gone.quotes);
    push_unique(&mut t.entities, &gone.entities);
    push_unique(&mut t.conflicts, &gone.conflicts);
    push_unique(&mut t.tags, &gone.tags);
    t.starred |= gone.starred;
    t.first_reported = match (t.first_reported, gone.first_reported) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if t.note.is_none() {
        t.note = gone.note;
    }
    mark(t, "merged");
    for c in &mut x.conflicts {
        for id in &mut c.events {
            if id == from {
                *id = into.to_string();
            }
        }
        c.events.dedup();
    }
    Ok(())
}

/// The event mention of `article` whose evidence starts at `start`, if the analyses have it.
fn mention_at<'a>(analyses: &'a [ArticleAnalysis], article: &str, start: usize) -> Option<&'a EventMention> {
    analyses.iter().flat_map(|a| a.events.iter()).find(|m| m.article == article && m.evidence.start == start)
}

fn split_mention(
    x: &mut Extraction,
    analyses: &[ArticleAnalysis],
    event: &str,
    article: &str,
    start: usize,
) -> Result<(), String> {
    let ei = x.events.iter().position(|e| e.id == event).ok_or_else(|| missing("event", event))?;
    let src = &x.events[ei];
    let Some(vi) = src.evidence.iter().position(|v| v.article == article && v.start == start) else {
        return Err(format!("event {event} has no report from article {article} at byte {start}"));
    };
    if src.evidence.len() < 2 {
        return Err(format!("event {event} has a single report; nothing to split"));
    }
    let mut new = Event {
        id: split_event_id(event, article, start),
        kind: src.kind,
        date: src.date.clone(),
        start: src.start,
        end: src.end,
        precision: src.precision,
        title: src.title.clone(),
        derivation: src.derivation.clone(),
        confidence: src.confidence,
        place: src.place.clone(),
        edited: vec!["split".into()],
        ..Default::default()
    };
    if let Some(m) = mention_at(analyses, article, start) {
        new.kind = m.kind;
        new.date = m.date.clone();
        new.start = Some(m.start);
        new.end = Some(m.end);
        new.precision = Some(m.precision);
        new.title = m.title.clone();
        new.derivation = m.derivation.clone();
        new.confidence = m.confidence;
        new.place = m.place.clone();
        new.quotes = m.quotes.clone();
    }
    let src = &mut x.events[ei];
    let moved = src.evidence.remove(vi);
    new.evidence.push(moved);
    new.articles.push(article.to_string());
    let article_still_reports = src.evidence.iter().any(|v| v.article == article);
    if !article_still_reports {
        src.articles.retain(|a| a != article);
        let quotes_of_article: Vec<String> = x
            .quotes
            .iter()
            .filter(|q| q.article == article && src.quotes.contains(&q.id))
            .map(|q| q.id.clone())
            .collect();
        src.quotes.retain(|q| !quotes_of_article.contains(q));
        push_unique(&mut new.quotes, &quotes_of_article);
    }
    mark(src, "split");
    let src_articles = src.articles.clone();
    let src_outlets = outlets_of(x, &src_articles);
    x.events[ei].outlets = src_outlets;
    new.outlets = outlets_of(x, &new.articles);
    new.first_reported = x.articles.iter().find(|a| a.id == article).and_then(|a| a.published);
    x.events.push(new);
    Ok(())
}

/// The entity whose name or an alias is `name` (case-insensitive).
fn entity_named<'a>(entities: &'a [Entity], name: &str) -> Option<&'a Entity> {
    let n = name.trim().to_lowercase();
    entities
        .iter()
        .find(|e| e.name.to_lowercase() == n)
        .or_else(|| entities.iter().find(|e| e.aliases.iter().any(|a| a.to_lowercase() == n)))
}

fn merge_entities(x: &mut Extraction, from: &str, into: &str) -> Result<(), String> {
    if from == into {
        return Err("an entity cannot be merged into itself".into());
    }
    let fi = x.entities.iter().position(|e| e.id == from).ok_or_else(|| missing("entity", from))?;
    if !x.entities.iter().any(|e| e.id == into) {
        return Err(missing("entity", into));
    }
    let gone = x.entities.remove(fi);
    let t = x.entities.iter_mut().find(|e| e.id == into).ok_or_else(|| missing("entity", into))?;
    let mut names: Vec<String> = vec![gone.name.clone()];
    names.extend(gone.aliases.iter().cloned());
    names.retain(|n| n != &t.name);
    push_unique(&mut t.aliases, &names);
    push_unique(&mut t.articles, &gone.articles);
    t.mentions += gone.mentions;
    if t.role.is_none() {
        t.role = gone.role;
    }
    mark_field(&mut t.edited, "merged");
    let canonical = t.name.clone();
    for q in &mut x.quotes {
        if q.speaker_entity.as_deref() == Some(from) {
            q.speaker_entity = Some(into.to_string());
            q.speaker = Some(canonical.clone());
        }
    }
    for ev in &mut x.events {
        if ev.entities.iter().any(|e| e == from) {
            for e in &mut ev.entities {
                if e == from {
                    *e = into.to_string();
                }
            }
            let mut seen = BTreeSet::new();
            ev.entities.retain(|e| seen.insert(e.clone()));
        }
    }
    Ok(())
}

fn split_entity(x: &mut Extraction, entity: &str, alias: &str) -> Result<(), String> {
    let ei = x.entities.iter().position(|e| e.id == entity).ok_or_else(|| missing("entity", entity))?;
    let alias_lc = alias.trim().to_lowercase();
    let src = &mut x.entities[ei];
    let Some(ai) = src.aliases.iter().position(|a| a.to_lowercase() == alias_lc) else {
        return Err(format!("entity {entity} has no alias “{alias}”"));
    };
    let name = src.aliases.remove(ai);
    mark_field(&mut src.edited, "split");
    let new_id = split_entity_id(entity, alias);
    let mut new = Entity {
        id: new_id.clone(),
        name,
        kind: src.kind,
        aliases: Vec::new(),
        role: None,
        articles: Vec::new(),
        mentions: 0,
        edited: vec!["split".into()],
    };
    let mut remaining: Vec<String> = src.aliases.iter().map(|a| a.to_lowercase()).collect();
    remaining.push(src.name.to_lowercase());
    let mut moved_quotes: Vec<String> = Vec::new();
    for q in &mut x.quotes {
        let said_by_alias = q.speaker.as_deref().is_some_and(|s| s.to_lowercase() == alias_lc)
            || q.speaker_mention.as_ref().is_some_and(|m| m.text.to_lowercase() == alias_lc);
        if q.speaker_entity.as_deref() == Some(entity) && said_by_alias {
            q.speaker_entity = Some(new_id.clone());
            q.speaker = Some(new.name.clone());
            if !new.articles.contains(&q.article) {
                new.articles.push(q.article.clone());
            }
            new.mentions += 1;
            moved_quotes.push(q.id.clone());
        }
    }
    // Events of the entity whose reports name the alias (or carry a quote just moved) now
    // list the new entity; those whose reports name none of its other names drop the old.
    for ev in &mut x.events {
        if !ev.entities.iter().any(|e| e == entity) {
            continue;
        }
        // Each report's text lower-cased once, for whole-word matches of the names.
        let texts: Vec<String> = ev.evidence.iter().map(|v| v.text.to_lowercase()).collect();
        let names = |t: &String, n: &str| crate::text::find_word(t, n).is_some();
        let naming: Vec<&str> = ev
            .evidence
            .iter()
            .zip(&texts)
            .filter(|(_, t)| names(t, &alias_lc))
            .map(|(v, _)| v.article.as_str())
            .collect();
        if naming.is_empty() && !ev.quotes.iter().any(|q| moved_quotes.contains(q)) {
            continue;
        }
        for a in &naming {
            if !new.articles.iter().any(|x| x == a) {
                new.articles.push(a.to_string());
            }
        }
        if !ev.entities.contains(&new_id) {
            ev.entities.push(new_id.clone());
        }
        if !texts.iter().any(|t| remaining.iter().any(|n| names(t, n))) {
            ev.entities.retain(|e| e != entity);
        }
        mark(ev, "entities");
    }
    x.entities.push(new);
    Ok(())
}
