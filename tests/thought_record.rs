//! The thought record outside Stop: in the report only when ticked in, and through export
//! and import unchanged.
#![cfg(not(target_arch = "wasm32"))]

use mend::files::export::export;
use mend::files::import::read;
use mend::files::report::{build, markdown, Block, Options};
use mend::model::steps::Person;
use mend::model::thought_record::Pattern;
use mend::model::{Incident, IncidentId, Timestamp};

fn with_record() -> Incident {
    let mut i = Incident::new(
        IncidentId::from_random_bytes([4; 16]),
        Timestamp::from_millis(0).unwrap(),
    );
    i.title = "Wrong invoice".into();
    i.steps.assess.helpers.push(Person {
        id: 1,
        name: "Dana".into(),
        role: "Finance lead".into(),
    });
    let record = &mut i.steps.stop.thought_record;
    record.thought = "Dana will think I'm careless".into();
    record.set_follows(Pattern::MindReading, true);
    record.balanced = "Dana has made mistakes too, and I told her quickly.".into();
    record.belief_before = Some(90);
    record.belief_after = Some(40);
    i
}

fn report(i: &Incident, options: &Options) -> Vec<Block> {
    build(i, options, &|t: Timestamp| t.to_string())
}

#[test]
fn the_report_leaves_the_thought_record_out_until_it_is_ticked_in() {
    let mut i = with_record();
    let left_out = markdown(&report(&i, &Options::default()));
    assert!(!left_out.contains("Thought record"), "{left_out}");
    assert!(!left_out.contains("careless"), "{left_out}");

    i.steps.stop.thought_record.in_report = true;
    let blocks = report(&i, &Options::default());
    let at = blocks
        .iter()
        .position(|b| *b == Block::Heading(2, "Thought record".into()))
        .expect("a Thought record section");
    assert_eq!(
        blocks[at + 1..],
        [
            Block::Para("The thought: Dana will think I'm careless".into()),
            Block::Para("Patterns it follows: Mind reading".into()),
            Block::Para(
                "A balanced thought: Dana has made mistakes too, and I told her quickly.".into()
            ),
            Block::Para("Belief in the thought before: 90%".into()),
            Block::Para("Belief in the thought after: 40%".into()),
        ]
    );
}

#[test]
fn a_ticked_in_record_follows_the_names_as_roles_choice() {
    let mut i = with_record();
    i.steps.stop.thought_record.in_report = true;
    let options = Options {
        names_as_roles: true,
        ..Options::default()
    };
    let text = markdown(&report(&i, &options));
    assert!(text.contains("Finance lead will think"), "{text}");
    assert!(!text.contains("Dana"), "{text}");
}

#[test]
fn an_empty_record_adds_nothing_even_when_ticked() {
    let mut i = with_record();
    i.steps.stop.thought_record = Default::default();
    i.steps.stop.thought_record.in_report = true;
    assert!(!markdown(&report(&i, &Options::default())).contains("Thought record"));
}

#[test]
fn the_thought_record_survives_export_and_import() {
    let mut i = with_record();
    i.steps.stop.thought_record.in_report = true;
    i.steps.stop.distress_before = Some(8);
    i.steps.stop.distress_after = Some(5);
    let file = export(
        std::slice::from_ref(&i),
        &[],
        Timestamp::from_millis(0).unwrap(),
    );
    assert!(file.contains("\"thought_record\""));
    let back = read(&file).expect("imports");
    assert_eq!(back.incidents, [i]);
}
