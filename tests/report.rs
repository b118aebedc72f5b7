//! The incident report: postmortem order, the redacted variant, and Markdown escaping,
//! checked with a real CommonMark parser.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use mend::files::report::{build, markdown, preview, Block, Options, Section};
use mend::model::choices::{CauseKind, ItemStatus};
use mend::model::steps::{add_item, Alternative, FixItem, Person, Stakeholder};
use mend::model::value::DayText;
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
fn the_debrief_says_when_it_is_and_was_held_and_the_kinds_of_cause() {
    let mut i = example();
    let f = &mut i.steps.follow_up;
    f.debrief_on = DayText("2026-11-24".into());
    f.cause_kinds = vec![CauseKind::Rushed, CauseKind::ToolFault];
    let md = markdown(&build(&i, &Options::default(), &utc));
    assert!(md.contains("## Debrief\n\nDebrief day: 2026-11-24\n\nKind of cause: Rushed or under time pressure, Tool or process fault\n\n### What caused it"), "{md}");
    assert!(!md.contains("Debrief held"), "not held yet");

    i.steps.follow_up.debrief_held = Timestamp::from_millis(1_764_000_000_000);
    let md = markdown(&build(&i, &Options::default(), &utc));
    assert!(
        md.contains("Debrief day: 2026-11-24\n\nDebrief held: 2025-11-24T16:00:00.000Z\n"),
        "{md}"
    );
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

/// An incident with `n` entries in each of the lists a report walks.
fn long(n: u32) -> Incident {
    let mut i = example();
    let s = &mut i.steps;
    for k in 1..=n {
        add_item(&mut s.assess.key_points);
        if let Some(point) = s.assess.key_points.last_mut() {
            point.text = format!("Point {k}");
        }
        s.assess.helpers.push(Person {
            id: k + 1,
            name: format!("Helper {k}"),
            role: format!("Role {k}"),
        });
        s.fix.items.push(FixItem {
            id: k + 1,
            what: format!("Item {k}, with Helper {k}"),
            ..FixItem::default()
        });
    }
    i
}

#[test]
fn a_preview_is_the_reports_first_blocks_within_its_room() {
    let i = long(300);
    for names_as_roles in [false, true] {
        let options = Options {
            sections: Section::ALL.to_vec(),
            names_as_roles,
        };
        let whole = build(&i, &options, &utc);
        let size = |blocks: &[Block]| -> usize {
            blocks
                .iter()
                .map(|(Block::Heading(_, t) | Block::Para(t) | Block::Item(t))| t.len())
                .sum()
        };
        assert_eq!(
            preview(&i, &options, &utc, usize::MAX),
            (whole.clone(), false)
        );
        assert_eq!(
            preview(&i, &options, &utc, size(&whole)),
            (whole.clone(), false)
        );
        for room in [0, 10, 500, 4_000, size(&whole) - 1] {
            let (first, cut) = preview(&i, &options, &utc, room);
            assert!(cut, "room {room}");
            assert!(size(&first) <= room, "room {room}");
            assert_eq!(first[..], whole[..first.len()], "room {room}");
            // Only the block that did not fit is left out at the end, not a later smaller one.
            assert!(size(&whole[..first.len() + 1]) > room, "room {room}");
        }
    }
    // Redacted: every helper's name gave way, in the preview as in the whole.
    let options = Options {
        sections: Section::ALL.to_vec(),
        names_as_roles: true,
    };
    let md = markdown(&build(&i, &options, &utc));
    assert!(md.contains("Item 300, with Role 300"), "{md}");
    assert!(!md.contains("Helper 1"), "{md}");
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

/// The blocks a CommonMark parser reads from the Markdown, with the text exactly as it would
/// show: text events joined, hard breaks as line breaks. Any other markup fails the test.
fn parse(md: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut in_item = false;
    for event in Parser::new(md) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::Start(Tag::Item) => in_item = true,
            Event::End(TagEnd::Item) => {
                blocks.push(Block::Item(std::mem::take(&mut text)));
                in_item = false;
            }
            Event::End(TagEnd::Paragraph) if !in_item => {
                blocks.push(Block::Para(std::mem::take(&mut text)))
            }
            Event::End(TagEnd::Heading(level)) => {
                blocks.push(Block::Heading(level as u8, std::mem::take(&mut text)))
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::List(None))
            | Event::End(TagEnd::Paragraph | TagEnd::List(false)) => {}
            other => panic!("markup from the person's text: {other:?} in\n{md}"),
        }
    }
    blocks
}

/// What each block should show: a heading is one line, and U+0000, which CommonMark can't
/// carry, shows as U+FFFD.
fn shown(blocks: &[Block]) -> Vec<Block> {
    let clean = |t: &str| t.replace('\0', "\u{fffd}");
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading(level, t) => Block::Heading(*level, clean(&t.replace('\n', " "))),
            Block::Para(t) => Block::Para(clean(t)),
            Block::Item(t) => Block::Item(clean(t)),
        })
        .collect()
}

#[test]
fn text_that_looks_like_markdown_shows_as_itself() {
    let mut i = blank(3);
    i.steps.assess.what_happened =
        "first line\n===\n- injected list\n1. x\n+ y\n---\n&lt;b&gt; &amp; &#60;\n    code?\nend  \n\n> quote\\".into();
    let blocks = build(&i, &Options::default(), &utc);
    let md = markdown(&blocks);
    assert_eq!(parse(&md), shown(&blocks), "{md}");
    assert!(blocks.contains(&Block::Para(i.steps.assess.what_happened.clone())));
}

/// Text with a high share of what CommonMark treats specially, at line starts and inside.
fn tricky() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        " ",
        "  ",
        "    ",
        "\t",
        "===",
        "---",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "# ",
        "> ",
        "```",
        "~~~",
        "<b>",
        "</div>",
        "<!--",
        "&lt;",
        "&amp;",
        "&#60;",
        "&#x3c;",
        "&copy",
        "\\",
        "*",
        "_",
        "`",
        "[a](b)",
        "![i](j)",
        "[x]: /u",
        "|",
        "~",
        "<",
        ">",
        "#",
        "=",
        "-",
        "!",
        "\u{0}",
        "\u{1}",
        "\u{b}",
        "\u{c}",
        "\u{a0}",
        "\u{2028}",
        "\u{1f600}",
        "\u{65e5}",
        "\"",
        "'",
        "a",
        "1",
        "www.x.org",
        "http://x.org",
        "<x@y.z>",
    ];
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_in_any_field_comes_back_from_the_markdown_unchanged(
        texts in proptest::collection::vec(tricky(), 16),
        names_as_roles in any::<bool>(),
    ) {
        let mut i = example();
        let t = |n: usize| texts[n].clone();
        i.title = t(0);
        let s = &mut i.steps;
        s.assess.what_happened = t(1);
        s.assess.impact = t(2);
        s.assess.helpers[0].name = t(3);
        s.assess.helpers[0].role = t(4);
        add_item(&mut s.assess.key_points);
        s.assess.key_points[0].text = t(5);
        add_item(&mut s.assess.timeline);
        s.assess.timeline[0].what = t(6);
        s.solutions.options[0].title = t(7);
        s.solutions.options[0].description = t(8);
        s.solutions.options[0].pros = t(9);
        s.fix.items[0].what = t(10);
        s.fix.items[0].notes = t(11);
        s.follow_up.cause = t(12);
        add_item(&mut s.step_it_up.extra_checks);
        s.step_it_up.extra_checks[0].text = t(13);
        s.step_it_up.learned = t(14);
        s.own_up.briefing = Some(t(15));

        let options = Options { sections: Section::ALL.to_vec(), names_as_roles };
        let blocks = build(&i, &options, &utc);
        let md = markdown(&blocks);
        prop_assert_eq!(parse(&md), shown(&blocks), "{}", md);

        // And each field's own text is there whole, as the report puts it.
        if !names_as_roles {
            let shown = shown(&blocks);
            let has = |block: Block| shown.contains(&block);
            let whole = |n: usize| texts[n].trim().replace('\0', "\u{fffd}");
            for n in [1, 2, 8, 12] {
                if !whole(n).is_empty() {
                    prop_assert!(has(Block::Para(whole(n))), "field {}", n);
                }
            }
            if !whole(5).is_empty() {
                prop_assert!(has(Block::Item(whole(5))));
            }
            if !whole(13).is_empty() {
                prop_assert!(has(Block::Item(whole(13))));
            }
            if !whole(14).is_empty() {
                let learned = format!("What I learned: {}", whole(14));
                prop_assert!(has(Block::Para(learned)));
            }
            let title = match whole(0) {
                t if t.is_empty() => "Untitled incident".to_owned(),
                t => t.replace('\n', " "),
            };
            prop_assert!(has(Block::Heading(1, title)));
        }
    }
}
