//! The incident report: postmortem order, the redacted variant, and Markdown escaping.

use mend::files::report::{build, markdown, Options, Section};
use mend::model::choices::ItemStatus;
use mend::model::steps::{add_item, Alternative, FixItem, Person, Stakeholder};
use mend::model::{Incident, IncidentId, Timestamp};

fn blank(seed: u8) -> Incident {
    Incident::new(
        IncidentId::from_random_bytes([seed; 16]),
        Timestamp::from_millis(0).unwrap(),
    )
}

fn utc(at: Timestamp) -> String {
    at.to_string()
}

fn example() -> Incident {
    let mut i = blank(1);
    i.title = "Sent the invoice to the wrong client".into();
    let s = &mut i.steps;
    s.assess.what_happened = "Dana's invoice went to Acme.".into();
    s.assess.helpers.push(Person {
        id: 1,
        name: "Dana".into(),
        role: "Finance lead".into(),
    });
    s.own_up.tell_name = "Sam".into();
    s.solutions.options.push(Alternative {
        id: 1,
        title: "Recall it".into(),
        ..Alternative::default()
    });
    s.solutions.options.push(Alternative {
        id: 2,
        title: "Call Acme".into(),
        ..Alternative::default()
    });
    s.solutions.chosen = Some(2);
    s.fix.items.push(FixItem {
        id: 1,
        what: "Recall".into(),
        owner: "Dana".into(),
        status: ItemStatus::Done,
        ..FixItem::default()
    });
    s.fix.items.push(FixItem {
        id: 2,
        what: "Resend".into(),
        owner: "Alex".into(),
        ..FixItem::default()
    });
    add_item(&mut s.follow_up.people);
    s.follow_up.people[0] = Stakeholder {
        id: 1,
        name: "Dana".into(),
        role: "Finance lead".into(),
        ..Stakeholder::default()
    };
    s.follow_up.cause = "Autocomplete picked *Acme*.".into();
    i
}

#[test]
fn sections_come_in_postmortem_order() {
    let md = markdown(&build(&example(), &Options::default(), &utc));
    let order: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("# ") || l.starts_with("## "))
        .collect();
    assert_eq!(
        order,
        [
            "# Sent the invoice to the wrong client",
            "## Summary and timeline",
            "## Impact",
            "## Options",
            "## Briefing",
            "## Fix",
            "## Follow-up",
            "## Debrief",
            "## Prevention"
        ]
    );
    assert!(md.contains("### Call Acme (chosen)\n"));
    assert!(md.contains("- Recall (Done); owner: Dana\n"));
    assert!(md.contains("- Resend (To do); owner: Alex\n"));
    assert!(md.contains("### What caused it\n\nAutocomplete picked \\*Acme\\*."));
    assert!(md.contains("Hi Sam,"), "the briefing follows the notes");
    assert!(md.contains("## Prevention\n\nNothing written here yet.\n"));
}

#[test]
fn the_redacted_variant_swaps_names_for_roles_and_leaves_out_sections() {
    let options = Options {
        sections: vec![Section::Summary, Section::Fix],
        names_as_roles: true,
    };
    let md = markdown(&build(&example(), &options, &utc));
    assert!(!md.contains("Dana"), "{md}");
    assert!(
        !md.contains("Alex"),
        "a name Mend doesn't know is withheld too"
    );
    assert!(!md.contains("## Debrief"));
    assert!(md.contains("Finance lead's invoice went to Acme."));
    assert!(md.contains("- Recall (Done); owner: Finance lead\n"));
    assert!(md.contains("- Resend (To do); owner: someone\n"));
}

#[test]
fn markup_in_the_users_text_is_escaped() {
    let mut i = blank(2);
    i.title = "<script>alert(1)</script> # [link](x)".into();
    let md = markdown(&build(
        &i,
        &Options {
            sections: vec![],
            names_as_roles: false,
        },
        &utc,
    ));
    assert_eq!(
        md,
        "# \\<script\\>alert(1)\\</script\\> \\# \\[link\\](x)\n"
    );
}
