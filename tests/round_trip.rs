//! Properties: any incident, with any text in any field, survives export then import
//! unchanged, and search's haystack holds every string of its stored text; and a stored set of incidents with long texts and long lists, exported, imported
//! into an empty store and exported again, gives the same file byte for byte.
#![cfg(not(target_arch = "wasm32"))]

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use mend::files::export::export;
use mend::files::import::{read, read_bytes};
use mend::files::{Plan, Policy};
use mend::model::settings::STORAGE_QUOTA_UNITS;
use mend::model::steps::*;
use mend::model::thought_record::{Pattern, ThoughtRecord};
use mend::model::value::{DayText, FieldValue};
use mend::model::{Incident, IncidentId, Step, Timestamp};
use mend::persist::{self, MemoryStore};

fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn time() -> impl Strategy<Value = Option<Timestamp>> {
    option::of(
        (-62_167_219_200_000i64..=253_402_300_799_999)
            .prop_map(|ms| Timestamp::from_millis(ms).unwrap()),
    )
}

fn moment() -> impl Strategy<Value = Timestamp> {
    time().prop_map(|t| t.unwrap_or_else(|| Timestamp::from_millis(0).unwrap()))
}

/// One of a choice's options, picked by its stored key.
fn pick<T: FieldValue + Default + std::fmt::Debug>(
    options: &'static [(&'static str, &'static str)],
) -> impl Strategy<Value = T> {
    (0..options.len()).prop_map(move |n| {
        let mut value = T::default();
        value.set_text(options[n].0);
        value
    })
}

fn rating() -> impl Strategy<Value = Option<u8>> {
    option::of(0u8..=10)
}

fn point() -> impl Strategy<Value = Point> {
    (any::<u32>(), text()).prop_map(|(id, text)| Point { id, text })
}

fn person() -> impl Strategy<Value = Person> {
    (any::<u32>(), text(), text()).prop_map(|(id, name, role)| Person { id, name, role })
}

fn thought_record() -> impl Strategy<Value = ThoughtRecord> {
    (
        text(),
        any::<[bool; 8]>(),
        text(),
        option::of(0u8..=100),
        option::of(0u8..=100),
        any::<bool>(),
    )
        .prop_map(
            |(thought, ticks, balanced, belief_before, belief_after, in_report)| {
                let patterns = Pattern::ALL
                    .into_iter()
                    .zip(ticks)
                    .filter(|(_, on)| *on)
                    .map(|(p, _)| p.key().to_owned())
                    .collect();
                ThoughtRecord {
                    thought,
                    patterns,
                    balanced,
                    belief_before,
                    belief_after,
                    in_report,
                }
            },
        )
}

fn stop() -> impl Strategy<Value = Stop> {
    (
        pick(mend::model::choices::Breathing::OPTIONS),
        rating(),
        rating(),
        thought_record(),
    )
        .prop_map(
            |(pattern, distress_before, distress_after, thought_record)| Stop {
                pattern,
                distress_before,
                distress_after,
                thought_record,
            },
        )
}

fn assess() -> impl Strategy<Value = Assess> {
    let event = (any::<u32>(), time(), text()).prop_map(|(id, at, what)| Event { id, at, what });
    (
        (text(), time(), any::<[bool; 5]>(), text()),
        (
            pick(mend::model::choices::Severity::OPTIONS),
            pick(mend::model::choices::Worsening::OPTIONS),
        ),
        (vec(person(), 0..3), vec(point(), 0..3), vec(event, 0..3)),
    )
        .prop_map(
            |(
                (what_happened, happened_at, affects, impact),
                (severity, worsening),
                (helpers, key_points, timeline),
            )| Assess {
                what_happened,
                happened_at,
                affects_customers: affects[0],
                affects_colleagues: affects[1],
                affects_systems: affects[2],
                affects_money: affects[3],
                affects_deadlines: affects[4],
                impact,
                severity,
                worsening,
                helpers,
                key_points,
                timeline,
            },
        )
}

fn solutions() -> impl Strategy<Value = Solutions> {
    use mend::model::choices::{Effort, Risk, Undoable};
    let alternative = (
        (any::<u32>(), text(), text()),
        (
            pick(Effort::OPTIONS),
            pick(Risk::OPTIONS),
            pick(Undoable::OPTIONS),
        ),
        (text(), text(), text(), text()),
    )
        .prop_map(
            |(
                (id, title, description),
                (effort, risk, undoable),
                (time_to_fix, helpers, pros, cons),
            )| Alternative {
                id,
                title,
                description,
                effort,
                risk,
                undoable,
                time_to_fix,
                helpers,
                pros,
                cons,
            },
        );
    (vec(alternative, 0..3), option::of(any::<u32>()))
        .prop_map(|(options, chosen)| Solutions { options, chosen })
}

fn own_up() -> impl Strategy<Value = OwnUp> {
    (
        (text(), text(), text()),
        text(),
        text(),
        option::of(text()),
        time(),
    )
        .prop_map(
            |((tell_name, tell_role, tell_email), done_so_far, need, briefing, told_at)| OwnUp {
                tell_name,
                tell_role,
                tell_email,
                done_so_far,
                need,
                briefing,
                told_at,
            },
        )
}

fn fix() -> impl Strategy<Value = Fix> {
    let item = (
        (any::<u32>(), text(), text(), text()),
        (
            pick(mend::model::choices::ItemStatus::OPTIONS),
            text(),
            text(),
            option::of(any::<u32>()),
        ),
    )
        .prop_map(
            |((id, what, owner, due), (status, verified_by, notes, from_option))| FixItem {
                id,
                what,
                owner,
                due: DayText(due),
                status,
                verified_by,
                notes,
                from_option,
            },
        );
    vec(item, 0..3).prop_map(|items| Fix { items })
}

fn follow_up() -> impl Strategy<Value = FollowUp> {
    let stakeholder = (
        (any::<u32>(), text(), text()),
        (time(), time(), time(), time()),
    )
        .prop_map(
            |((id, name, role), (informed, told_resolved, thanked, debrief_booked))| Stakeholder {
                id,
                name,
                role,
                informed,
                told_resolved,
                thanked,
                debrief_booked,
            },
        );
    (
        vec(stakeholder, 0..3),
        vec(text(), 0..2),
        (text(), text(), text(), text(), text()),
        (text(), time(), any::<[bool; 8]>()),
    )
        .prop_map(
            |(
                people,
                removed_names,
                (cause, seemed_reasonable, lucky, known_earlier, caught_sooner),
                (debrief_on, debrief_held, kinds),
            )| FollowUp {
                cause_kinds: mend::model::choices::CauseKind::ALL
                    .into_iter()
                    .zip(kinds)
                    .filter_map(|(k, on)| on.then_some(k))
                    .collect(),
                debrief_on: mend::model::value::DayText(debrief_on),
                debrief_held,
                people,
                removed_names,
                cause,
                seemed_reasonable,
                lucky,
                known_earlier,
                caught_sooner,
            },
        )
}

fn step_it_up() -> impl Strategy<Value = StepItUp> {
    use mend::model::choices::{CheckIn, CommitmentKind};
    let commitment = (
        any::<u32>(),
        text(),
        pick(CommitmentKind::OPTIONS),
        [
            pick(CheckIn::OPTIONS),
            pick(CheckIn::OPTIONS),
            pick(CheckIn::OPTIONS),
        ],
    )
        .prop_map(|(id, what, kind, [day30, day60, day90])| Commitment {
            id,
            what,
            kind,
            day30,
            day60,
            day90,
        });
    (
        vec(commitment, 0..3),
        vec(point(), 0..3),
        (text(), text(), text()),
        time(),
    )
        .prop_map(
            |(commitments, extra_checks, (learned, went_well, didnt_work), resolved_at)| StepItUp {
                commitments,
                extra_checks,
                learned,
                went_well,
                didnt_work,
                resolved_at,
            },
        )
}

fn incident() -> impl Strategy<Value = Incident> {
    let steps = (
        stop(),
        assess(),
        solutions(),
        own_up(),
        fix(),
        follow_up(),
        step_it_up(),
    )
        .prop_map(
            |(stop, assess, solutions, own_up, fix, follow_up, step_it_up)| Steps {
                stop,
                assess,
                solutions,
                own_up,
                fix,
                follow_up,
                step_it_up,
            },
        );
    (
        (any::<[u8; 16]>(), text(), moment(), moment(), time()),
        (text(), any::<bool>(), 0..Step::ALL.len(), steps),
    )
        .prop_map(
            |((id, title, created_at, updated_at, noticed_at), (tags, archived, step, steps))| {
                Incident {
                    id: IncidentId::from_random_bytes(id),
                    title,
                    created_at,
                    updated_at,
                    noticed_at,
                    tags,
                    archived,
                    last_step: Step::ALL[step],
                    steps,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Search's haystack, made from the incident's fields, holds exactly the string values of
    /// its stored text, lowered, one a line: what it held when it was made from that text.
    #[test]
    fn the_haystack_holds_every_string_of_the_stored_text(incident in incident()) {
        let mut expected = String::new();
        mend::json::each_string(&mend::json::to_text(&incident), &mut |text| {
            expected.push_str(&text.to_ascii_lowercase());
            expected.push('\n');
        })
        .unwrap();
        prop_assert_eq!(mend::model::search::haystack(&incident), expected);
    }

    #[test]
    fn any_incident_survives_export_then_import(incidents in vec(incident(), 1..3)) {
        let mut incidents = incidents;
        incidents.dedup_by_key(|i| i.id);
        let at = Timestamp::from_millis(1_795_000_000_000).unwrap();
        let file = read(&export(&incidents, &[], at)).unwrap();
        prop_assert!(file.rejected.is_empty());
        let (writes, summary) = Plan::new(file, &[], &[]).resolve(Policy::KeepNewer, || unreachable!());
        prop_assert_eq!(summary.added, incidents.len());
        let mut back: Vec<Incident> = writes.iter().map(|w| w.incident().clone()).collect();
        back.sort_by_key(|i| (i.created_at, i.id));
        incidents.sort_by_key(|i| (i.created_at, i.id));
        prop_assert_eq!(back, incidents);
    }
}

/// Characters that JSON and UTF-16 treat specially, often, and any other now and then.
fn awkward_char() -> impl Strategy<Value = char> {
    const AWKWARD: &[char] = &[
        '"',
        '\\',
        '/',
        '\u{0}',
        '\u{1}',
        '\u{1f}',
        '\u{7f}',
        '\n',
        '\r',
        '\t',
        '\u{2028}',
        '\u{feff}',
        '\u{fffd}',
        '\u{e9}',
        '\u{65e5}',
        '\u{1f600}',
        '\u{10ffff}',
        'a',
        ' ',
    ];
    prop_oneof![
        2 => proptest::sample::select(AWKWARD),
        1 => any::<char>(),
    ]
}

/// 50,001 to 55,000 characters, past the old import limit of 50,000, with astral characters
/// (two UTF-16 units each), control characters, quotes and backslashes.
fn long_text() -> impl Strategy<Value = String> {
    (vec(awkward_char(), 1..8), 50_001..55_000usize)
        .prop_map(|(unit, length)| unit.into_iter().cycle().take(length).collect())
}

fn short_text() -> impl Strategy<Value = String> {
    vec(awkward_char(), 0..200).prop_map(String::from_iter)
}

/// 2,001 to 2,200 entries, past the old import limit of 2,000.
fn long_list<T: Clone + std::fmt::Debug>(
    entry: impl Strategy<Value = T>,
    set_id: fn(&mut T, u32),
) -> impl Strategy<Value = Vec<T>> {
    (entry, 2_001..2_200u32).prop_map(move |(entry, n)| {
        (1..=n)
            .map(|id| {
                let mut e = entry.clone();
                set_id(&mut e, id);
                e
            })
            .collect()
    })
}

fn stored_incident() -> impl Strategy<Value = Incident> {
    (
        incident(),
        (long_text(), short_text(), short_text()),
        long_list(point(), |p, id| p.id = id),
    )
        .prop_map(|(mut i, (what, briefing, cause), points)| {
            i.steps.assess.what_happened = what;
            i.steps.own_up.briefing = Some(briefing);
            i.steps.follow_up.cause = cause;
            i.steps.assess.key_points = points;
            i
        })
}

/// "Export all", as the list does it: everything the store holds.
fn export_all(store: &MemoryStore) -> String {
    let loaded = persist::load(store);
    let at = Timestamp::from_millis(1_795_000_000_000).unwrap();
    export(&loaded.incidents, &loaded.unreadable, at)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn a_stored_backup_imports_into_an_empty_store_and_exports_byte_for_byte(
        incidents in vec(stored_incident(), 1..3)
    ) {
        let mut incidents = incidents;
        incidents.sort_by_key(|i| i.id);
        incidents.dedup_by_key(|i| i.id);
        let store = MemoryStore::with_capacity(STORAGE_QUOTA_UNITS);
        let writer = persist::load(&store).writer.unwrap();
        writer.save_all(&store, &incidents).unwrap();
        let first = export_all(&store);

        let file = read_bytes(first.as_bytes()).unwrap();
        prop_assert!(file.rejected.is_empty(), "{:?}", file.rejected);
        let (writes, _) = Plan::new(file, &[], &[]).resolve(Policy::KeepNewer, || unreachable!());
        let empty = MemoryStore::with_capacity(STORAGE_QUOTA_UNITS);
        let writer = persist::load(&empty).writer.unwrap();
        let imported: Vec<Incident> = writes.iter().map(|w| w.incident().clone()).collect();
        writer.save_all(&empty, &imported).unwrap();
        prop_assert!(export_all(&empty) == first, "the second export differs");
    }
}
