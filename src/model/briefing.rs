//! The Own up briefing, composed from the user's own words in the order a boss needs it:
//! what happened, the impact, what I've done, the options with my recommendation, what I need.

use super::choices::{Effort, Risk, Severity, Undoable, Worsening};
use super::steps::NAMED_AT_ONCE;
use super::Incident;

/// The briefing's subject line, for the mail app.
pub fn subject(incident: &Incident) -> String {
    match incident.title.trim() {
        "" => "A mistake I need to tell you about".to_owned(),
        title => format!("A mistake I need to tell you about: {title}"),
    }
}

fn section(out: &mut String, heading: &str, body: &str) {
    let body = body.trim();
    if !body.is_empty() {
        out.push_str(heading);
        out.push_str(body);
        out.push_str("\n\n");
    }
}

fn sentence(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?') => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

/// The draft briefing. Empty parts are left out, so it reads well however much is filled in.
pub fn compose(incident: &Incident) -> String {
    let s = &incident.steps;
    let mut out = String::new();
    let greeting = match s.own_up.tell_name.trim() {
        "" => "Hi,".to_owned(),
        name => format!("Hi {name},"),
    };
    out.push_str(&greeting);
    out.push_str("\nI made a mistake and I want you to hear it from me first.\n\n");

    let mut happened = sentence(&s.assess.what_happened);
    let mut points = s
        .assess
        .key_points
        .iter()
        .filter(|p| !p.text.trim().is_empty());
    for point in points.by_ref().take(NAMED_AT_ONCE) {
        happened.push_str("\n- ");
        happened.push_str(point.text.trim());
    }
    let unnamed = points.count();
    if unnamed > 0 {
        happened.push_str(&format!("\n(And {unnamed} more.)"));
    }
    section(&mut out, "What happened: ", &happened);

    let a = &s.assess;
    let mut impact = vec![sentence(&a.impact)];
    let affected = a.affected();
    if !affected.is_empty() {
        impact.push(format!("It affects {}.", affected.join(", ")));
    }
    if a.severity != Severity::Unset {
        impact.push(format!("I'd call it {}.", a.severity.key()));
    }
    match a.worsening {
        Worsening::Yes => impact.push("It is still getting worse.".into()),
        Worsening::No => impact.push("It has stopped getting worse.".into()),
        Worsening::Unknown => {}
    }
    impact.retain(|p| !p.is_empty());
    section(&mut out, "Impact: ", &impact.join(" "));

    section(
        &mut out,
        "What I've done so far: ",
        &sentence(&s.own_up.done_so_far),
    );

    let mut options = String::new();
    // A boss reads a few options, not the 2,000 an import may bring.
    let named = s.solutions.side_by_side(NAMED_AT_ONCE);
    let unnamed = s.solutions.options.len() - named.len();
    for (n, option) in named {
        let mut facts = Vec::new();
        if option.effort != Effort::Unset {
            facts.push(format!("{} effort", option.effort.key()));
        }
        if option.risk != Risk::Unset {
            facts.push(format!("{} risk", option.risk.key()));
        }
        match option.undoable {
            Undoable::Yes => facts.push("can be undone".into()),
            Undoable::Partly => facts.push("can partly be undone".into()),
            Undoable::No => facts.push("can't be undone".into()),
            Undoable::Unknown => {}
        }
        if !option.time_to_fix.trim().is_empty() {
            facts.push(format!("takes {}", option.time_to_fix.trim()));
        }
        let title = match option.title.trim() {
            "" => "Untitled option",
            title => title,
        };
        options.push_str(&format!("\n{}. {title}", n + 1));
        if !option.description.trim().is_empty() {
            options.push_str(&format!(": {}", option.description.trim()));
        }
        if !facts.is_empty() {
            options.push_str(&format!(" ({})", facts.join(", ")));
        }
    }
    if unnamed > 0 {
        options.push_str(&format!("\n(And {unnamed} more.)"));
    }
    if let Some(chosen) = s.solutions.chosen() {
        let title = chosen.title.trim();
        if !title.is_empty() {
            options.push_str(&format!("\nMy recommendation: {title}."));
        }
    }
    section(&mut out, "Options:\n", &options);

    section(
        &mut out,
        "What I need from you: ",
        &sentence(&s.own_up.need),
    );
    out.trim_end().to_owned()
}

/// The briefing the user sees: their own text once they have edited it, otherwise the draft.
pub fn current(incident: &Incident) -> String {
    match &incident.steps.own_up.briefing {
        Some(text) => text.clone(),
        None => compose(incident),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::{Alternative, Point};

    fn incident() -> Incident {
        Incident::blank(4)
    }

    #[test]
    fn follows_the_order_a_boss_needs() {
        let mut i = incident();
        let s = &mut i.steps;
        s.own_up.tell_name = "Sam".into();
        s.assess.what_happened = "I sent the March invoice to the wrong client".into();
        s.assess.key_points.push(Point {
            id: 1,
            text: "No payment details were in it".into(),
        });
        s.assess.impact = "One client saw another's amounts".into();
        s.assess.affects_customers = true;
        s.assess.severity = Severity::Medium;
        s.assess.worsening = Worsening::No;
        s.own_up.done_so_far = "I asked them to delete it".into();
        s.solutions.options.push(Alternative {
            id: 1,
            title: "Call both clients".into(),
            effort: Effort::Small,
            undoable: Undoable::No,
            ..Alternative::default()
        });
        s.solutions.options.push(Alternative {
            id: 2,
            title: "Write to both".into(),
            description: "A short apology".into(),
            ..Alternative::default()
        });
        s.solutions.chosen = Some(1);
        s.own_up.need = "Your OK to call them today".into();

        assert_eq!(
            compose(&i),
            "Hi Sam,\nI made a mistake and I want you to hear it from me first.\n\n\
             What happened: I sent the March invoice to the wrong client.\n- No payment details were in it\n\n\
             Impact: One client saw another's amounts. It affects customers. I'd call it medium. It has stopped getting worse.\n\n\
             What I've done so far: I asked them to delete it.\n\n\
             Options:\n1. Call both clients (small effort, can't be undone)\n2. Write to both: A short apology\nMy recommendation: Call both clients.\n\n\
             What I need from you: Your OK to call them today."
        );
        assert_eq!(
            crate::model::wording::check(&compose(&i)),
            [],
            "Mend's own draft gives the wording check nothing to flag"
        );
    }

    #[test]
    fn a_long_list_gives_the_first_eight_key_points_and_options_and_the_recommended_one() {
        let mut i = incident();
        let s = &mut i.steps;
        for id in 1..=12 {
            s.assess.key_points.push(Point {
                id,
                text: format!("Point {id}"),
            });
            s.solutions.options.push(Alternative {
                id,
                title: format!("Option {id}"),
                ..Alternative::default()
            });
        }
        s.solutions.chosen = Some(11);
        let points: String = (1..=8).map(|n| format!("\n- Point {n}")).collect();
        let options: String = (1..=8).map(|n| format!("\n{n}. Option {n}")).collect();
        assert_eq!(
            compose(&i),
            format!(
                "Hi,\nI made a mistake and I want you to hear it from me first.\n\n\
                 What happened: {}\n(And 4 more.)\n\n\
                 Options:\n{}\n11. Option 11\n(And 3 more.)\nMy recommendation: Option 11.",
                &points[1..],
                &options[1..],
            )
        );
    }

    #[test]
    fn an_empty_incident_gives_just_the_opening() {
        assert_eq!(
            compose(&incident()),
            "Hi,\nI made a mistake and I want you to hear it from me first."
        );
    }

    #[test]
    fn the_users_own_text_wins_once_edited() {
        let mut i = incident();
        i.steps.assess.what_happened = "Oops".into();
        assert!(current(&i).contains("What happened: Oops."));
        i.steps.own_up.briefing = Some("My words".into());
        assert_eq!(current(&i), "My words");
    }

    #[test]
    fn the_subject_names_the_incident() {
        let mut i = incident();
        assert_eq!(subject(&i), "A mistake I need to tell you about");
        i.title = "Wrong invoice".into();
        assert_eq!(
            subject(&i),
            "A mistake I need to tell you about: Wrong invoice"
        );
    }
}
