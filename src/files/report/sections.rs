//! Each section of the report, in postmortem order, written through `Out`, which keeps to
//! the preview's budget and puts roles in place of names when asked.

use super::{Block, Out};
use crate::model::labels;
use crate::model::steps::Steps;
use crate::model::{briefing, Incident, Timestamp};

/// The thought record is private: it appears only when the person ticked it in, on Stop.
pub(super) fn thought_record(out: &mut Out, s: &Steps) {
    let record = &s.stop.thought_record;
    if record.in_report && !record.is_empty() {
        out.push(Block::Heading(2, labels::THOUGHT_RECORD.to_owned()));
        for (label, text) in record.lines() {
            out.labelled(label, &text);
        }
    }
}

pub(super) fn summary(out: &mut Out, incident: &Incident, when: &dyn Fn(Timestamp) -> String) {
    let a = &incident.steps.assess;
    out.para(&a.what_happened);
    let times = [
        ("Happened", a.happened_at),
        ("Noticed", incident.noticed_at),
    ];
    for (label, at) in times {
        if let Some(at) = at {
            out.labelled(label, &when(at));
        }
    }
    out.labelled(labels::TAGS, &incident.tag_list().join(", "));
    out.texts("Key points", a.key_points.iter().map(|p| p.text.as_str()));
    let events = a.sorted_timeline();
    if !events.is_empty() {
        out.sub(labels::TIMELINE);
        for event in events {
            if out.cut {
                break;
            }
            let at = event.at.map(when).unwrap_or_else(|| "Time not set".into());
            out.item(format!("{at}: {}", event.what.trim()));
        }
    }
}

pub(super) fn impact(out: &mut Out, s: &Steps) {
    let a = &s.assess;
    out.para(&a.impact);
    out.labelled("Affects", &a.affected().join(", "));
    out.labelled(labels::SEVERITY, a.severity.label());
    out.labelled("Still getting worse", a.worsening.label());
    let helpers: Vec<String> = a
        .helpers
        .iter()
        .filter(|p| !p.name.trim().is_empty() || !p.role.trim().is_empty())
        .map(|p| out.names.person(&p.name, &p.role))
        .collect();
    if !helpers.is_empty() {
        out.sub(labels::WHO_MUST_HELP);
        for helper in helpers {
            if out.cut {
                break;
            }
            out.item(helper);
        }
    }
}

pub(super) fn options_section(out: &mut Out, s: &Steps) {
    let chosen = s.solutions.chosen;
    for (n, option) in s.solutions.options.iter().enumerate() {
        if out.cut {
            break;
        }
        let title = match option.title.trim() {
            "" => format!("Option {}", n + 1),
            title => title.to_owned(),
        };
        let mark = if chosen == Some(option.id) {
            " (chosen)"
        } else {
            ""
        };
        out.sub(&format!("{title}{mark}"));
        out.para(&option.description);
        out.item(format!(
            "{}: {}. {}: {}. {}: {}.",
            labels::EFFORT,
            option.effort.label(),
            labels::RISK,
            option.risk.label(),
            labels::CAN_BE_UNDONE,
            option.undoable.label()
        ));
        for (label, text) in [
            (labels::TIME_TO_FIX, &option.time_to_fix),
            ("Who helps", &option.helpers),
            ("For it", &option.pros),
            ("Against it", &option.cons),
        ] {
            if !text.trim().is_empty() {
                out.item(format!("{label}: {}", text.trim()));
            }
        }
    }
}

pub(super) fn briefing_section(
    out: &mut Out,
    incident: &Incident,
    when: &dyn Fn(Timestamp) -> String,
) {
    let o = &incident.steps.own_up;
    if !o.tell_name.trim().is_empty() || !o.tell_role.trim().is_empty() {
        let to = out.names.person(&o.tell_name, &o.tell_role);
        out.labelled("To", &to);
    }
    if let Some(at) = o.told_at {
        out.labelled("Told", &when(at));
    }
    for line in briefing::current(incident).split("\n\n") {
        out.para(line);
    }
}

pub(super) fn fix(out: &mut Out, s: &Steps) {
    let (done, total) = s.fix.progress();
    if total > 0 {
        out.para(&format!("{done} of {total} done."));
    }
    for item in &s.fix.items {
        if out.cut {
            break;
        }
        let mut line = format!("{} ({})", item.what.trim(), item.status.label());
        for (label, text, person) in [
            ("owner", &item.owner, true),
            ("due", &item.due.0, false),
            ("verified by", &item.verified_by, true),
            ("notes", &item.notes, false),
        ] {
            if !text.trim().is_empty() {
                let text = if person {
                    out.names.name(text)
                } else {
                    text.trim().to_owned()
                };
                line.push_str(&format!("; {label}: {text}"));
            }
        }
        out.item(line);
    }
}

pub(super) fn follow_up(out: &mut Out, s: &Steps, when: &dyn Fn(Timestamp) -> String) {
    for person in &s.follow_up.people {
        if out.cut {
            break;
        }
        let mut line = out.names.person(&person.name, &person.role);
        let ticks = [
            ("informed", person.informed),
            ("told it's resolved", person.told_resolved),
            ("thanked", person.thanked),
            ("debrief booked", person.debrief_booked),
        ];
        let done: Vec<String> = ticks
            .iter()
            .filter_map(|(what, at)| at.map(|at| format!("{what} {}", when(at))))
            .collect();
        line.push_str(": ");
        line.push_str(&if done.is_empty() {
            "nothing ticked yet".to_owned()
        } else {
            done.join(", ")
        });
        out.item(line);
    }
}

pub(super) fn debrief(out: &mut Out, s: &Steps, when: &dyn Fn(Timestamp) -> String) {
    let f = &s.follow_up;
    out.labelled(labels::DEBRIEF_DAY, &f.debrief_on.0);
    if let Some(held) = f.debrief_held {
        out.labelled(labels::DEBRIEF_HELD, &when(held));
    }
    let kinds: Vec<&str> = f.cause_kinds.iter().map(|k| k.label()).collect();
    out.labelled(labels::KIND_OF_CAUSE, &kinds.join(", "));
    let answers = [
        (labels::CAUSE, &f.cause),
        (labels::SEEMED_REASONABLE, &f.seemed_reasonable),
        (labels::LUCKY, &f.lucky),
        (labels::KNOWN_EARLIER, &f.known_earlier),
        (labels::CAUGHT_SOONER, &f.caught_sooner),
    ];
    for (question, answer) in answers {
        if !answer.trim().is_empty() {
            out.sub(question);
            out.para(answer);
        }
    }
}

pub(super) fn prevention(out: &mut Out, s: &Steps, when: &dyn Fn(Timestamp) -> String) {
    let p = &s.step_it_up;
    let written = p.commitments.iter().filter(|c| !c.what.trim().is_empty());
    for c in written {
        if out.cut {
            break;
        }
        out.item(format!(
            "{} ({}). 30 days: {}. 60 days: {}. 90 days: {}.",
            c.what.trim(),
            c.kind.label(),
            c.day30.label(),
            c.day60.label(),
            c.day90.label()
        ));
    }
    out.texts(
        labels::EXTRA_CHECKS,
        p.extra_checks.iter().map(|c| c.text.as_str()),
    );
    out.labelled(labels::LEARNED, &p.learned);
    out.labelled(labels::WENT_WELL, &p.went_well);
    out.labelled(labels::DIDNT_WORK, &p.didnt_work);
    if let Some(at) = p.resolved_at {
        out.labelled("Closed as resolved", &when(at));
    }
}
