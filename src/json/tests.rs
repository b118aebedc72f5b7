//! Tests of the JSON reader, writer and tree: escapes, defaults, refusals and limits.

use super::*;
use crate::model::steps::{Assess, Point};
use crate::model::{Incident, IncidentId, Step, Timestamp};

fn incident() -> Incident {
    let at = Timestamp::from_millis(1_764_150_000_000).unwrap();
    let mut incident = Incident::new(IncidentId::from_random_bytes([7; 16]), at);
    incident.title = "Wrong \"invoice\" \\ sent\n\t\u{1}\u{7f} é 😀".into();
    incident.last_step = Step::OwnUp;
    incident.steps.assess.key_points = vec![Point {
        id: 3,
        text: "Ring them".into(),
    }];
    incident.steps.stop.distress_before = Some(8);
    incident
}

#[test]
fn writes_what_serde_json_writes_for_the_same_value() {
    let text = to_text(&incident());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let title = serde_json::to_string(&value["title"]).unwrap();
    assert!(text.contains(&format!(r#""title":{title},"#)), "{text}");
    assert_eq!(
        value["title"],
        "Wrong \"invoice\" \\ sent\n\t\u{1}\u{7f} é 😀"
    );
    assert_eq!(value["last_step"], "own_up");
    assert_eq!(value["steps"]["stop"]["distress_before"], 8);
    assert!(text.contains(r#""title":"Wrong \"invoice\" \\ sent\n\t\u0001"#));
}

#[test]
fn reads_back_what_it_wrote_and_what_serde_json_writes() {
    let incident = incident();
    assert_eq!(
        from_text::<Incident>(&to_text(&incident)),
        Ok(incident.clone())
    );
    let pretty = serde_json::to_string_pretty(
        &serde_json::from_str::<serde_json::Value>(&to_text(&incident)).unwrap(),
    )
    .unwrap();
    assert_eq!(from_text::<Incident>(&pretty), Ok(incident));
}

#[test]
fn reads_every_escape_including_surrogate_pairs() {
    let text = r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#;
    assert_eq!(
        from_text::<String>(text),
        Ok("a\"\\/\u{8}\u{c}\n\r\té😀".into())
    );
    for bad in [
        r#""\ud83d""#,
        r#""\ude00""#,
        r#""\x""#,
        r#""\u12g4""#,
        "\"a\u{1}\"",
        r#""open"#,
    ] {
        assert!(from_text::<String>(bad).is_err(), "{bad}");
    }
}

#[test]
fn missing_fields_take_defaults_and_unknown_ones_are_skipped() {
    let text =
        r#"{"impact":"big","later":{"a":[1,-2.5e3,true,null,"x"]},"key_points":[{"text":"t"}]}"#;
    let assess = from_text::<Assess>(text).unwrap();
    assert_eq!(assess.impact, "big");
    assert_eq!(
        assess.key_points,
        vec![Point {
            id: 0,
            text: "t".into()
        }]
    );
    assert_eq!(assess.what_happened, "");
}

#[test]
fn members_are_found_by_name_in_any_order_and_however_their_keys_are_written() {
    // Point lists `id` then `text`: each order, an escaped key, a key that only begins like
    // a listed one, white space around the colon, and a member given twice (the last counts).
    let read = |text: &str| from_text::<Point>(text);
    let point = |id, text: &str| Point {
        id,
        text: text.into(),
    };
    assert_eq!(read(r#"{"id":1,"text":"a"}"#), Ok(point(1, "a")));
    assert_eq!(read(r#"{"text":"a","id":1}"#), Ok(point(1, "a")));
    assert_eq!(read(r#"{"\u0069d":1,"te\u0078t":"a"}"#), Ok(point(1, "a")));
    assert_eq!(
        read(r#"{"idx":5,"id":1,"texts":"b","text":"a"}"#),
        Ok(point(1, "a"))
    );
    assert_eq!(read(r#"{"id":1,"text":"a","id":2}"#), Ok(point(2, "a")));
    assert_eq!(
        read("{ \"id\" : 1 ,\n \"text\"\t:\"a\" }"),
        Ok(point(1, "a"))
    );
    // A key's quotes and colon are still checked where the listed name matches.
    assert!(read(r#"{"id"1}"#).is_err());
    assert!(read(r#"{"id:1}"#).is_err());
    assert!(read(r#"{id:1}"#).is_err());
}

#[test]
fn wrong_types_numbers_out_of_range_and_bad_forms_are_refused() {
    for bad in [
        r#"{"impact":5}"#,
        r#"{"affects_money":"yes"}"#,
        r#"{"key_points":[{"id":-1}]}"#,
        r#"{"key_points":[{"id":1.5}]}"#,
        r#"{"key_points":[{"id":4294967296}]}"#,
        r#"{"key_points":[{"id":01}]}"#,
        r#"{"key_points":[{"id":1e3}]}"#,
        r#"{"key_points":[{"id":99999999999999999999}]}"#,
        r#"{"key_points":[{"id":}]}"#,
        r#"{"impact":"a",}"#,
        r#"{"impact":"a" "severity":"high"}"#,
        r#"{"impact":"a"} x"#,
        r#"{"later":[1,]}"#,
        r#"{"later":tru}"#,
        "[]",
        "",
    ] {
        assert!(from_text::<Assess>(bad).is_err(), "{bad}");
    }
    let deep = format!("{{\"later\":{}{}}}", "[".repeat(200), "]".repeat(200));
    assert!(from_text::<Assess>(&deep).is_err());
}

#[test]
fn an_incident_needs_its_id_and_times() {
    let mut value: serde_json::Value = serde_json::from_str(&to_text(&incident())).unwrap();
    for field in ["id", "created_at", "updated_at"] {
        let mut without = value.clone();
        without.as_object_mut().unwrap().remove(field);
        assert!(
            from_text::<Incident>(&without.to_string()).is_err(),
            "{field}"
        );
    }
    value["last_step"] = "somewhere".into();
    assert!(from_text::<Incident>(&value.to_string()).is_err());
    let what = |text: &str| from_text::<Incident>(text).map_err(|e| e.what);
    assert_eq!(what("[]"), Err("an object"));
    assert_eq!(what(r#"{"steps":[]}"#), Err("an object"));
}

#[test]
fn member_reads_one_field_and_checks_the_rest() {
    assert_eq!(member::<u32>(r#"{"a":[{}],"n":7}"#, "n"), Ok(Some(7)));
    assert_eq!(member::<u32>(r#"{"a":1}"#, "n"), Ok(None));
    assert!(member::<u32>(r#"{"a":[}"#, "n").is_err());
}

#[test]
fn numbers_are_written_in_full() {
    let mut w = Writer::default();
    for n in [0, 9, 10, u64::MAX] {
        w.number(n);
        w.raw(" ");
    }
    assert_eq!(w.into_text(), "0 9 10 18446744073709551615 ");
}

#[test]
fn long_strings_read_right_wherever_their_escapes_and_ends_fall() {
    for at in 0..40 {
        for special in ["\"", "\\", "\n", "\u{1}", "é", "😀", "\u{7f}"] {
            let text = format!("{}{special}{}", "a".repeat(at), "b".repeat(at % 9));
            assert_eq!(
                from_text::<String>(&to_text(&text)),
                Ok(text.clone()),
                "{at} {special:?}"
            );
        }
        let raw = format!("\"{}\u{1}\"", "a".repeat(at));
        assert!(from_text::<String>(&raw).is_err(), "{at}");
    }
}

#[test]
fn a_limited_reader_refuses_long_text_and_lists_anywhere_even_in_skipped_fields() {
    assert_eq!(from_text_within::<String>(r#""éé""#, 2), Ok("éé".into()));
    let refused = |text: &str| from_text_within::<Assess>(text, 2).map_err(|e| e.what);
    assert_eq!(refused(r#"{"impact":"abc"}"#), Err(SHORTER_TEXT));
    assert_eq!(refused(r#"{"later":{"x":"abc"}}"#), Err(SHORTER_TEXT));
    assert_eq!(refused(r#"{"key_points":[{},{},{}]}"#), Err(SHORTER_LIST));
    assert_eq!(refused(r#"{"later":[1,2,3]}"#), Err(SHORTER_LIST));
    assert!(refused(r#"{"impact":"ab","later":[1,2]}"#).is_ok());
}

#[test]
fn every_string_value_is_found_in_order_without_the_keys() {
    let mut found = Vec::new();
    let walked = each_string(
        r#"{"a":"x","b":[1,"y\n",{"c":null,"d":"z"}],"e":true}"#,
        &mut |s| found.push(s.to_owned()),
    );
    assert_eq!(walked, Ok(()));
    assert_eq!(found, ["x", "y\n", "z"]);
    assert!(each_string("[1,", &mut |_| {}).is_err());
}

#[test]
fn a_tree_reads_any_json_and_writes_it_back_as_serde_json_does() {
    for text in [
        r#"{"a":[1,-2.5,"x\n",true,false,null],"b":{},"c":[]}"#,
        r#"[{"é":"😀","n":18446744073709551615}]"#,
        "0",
        r#""""#,
    ] {
        let tree: Value = from_text(text).unwrap();
        assert_eq!(to_text(&tree), text);
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(tree, from_serde(theirs));
    }
    for bad in [
        "",
        "{",
        r#"{"a":}"#,
        "[1,]",
        "01x",
        "nul",
        r#"{"a" 1}"#,
        "1 2",
    ] {
        assert!(from_text::<Value>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_tree_keeps_numbers_as_written_and_reads_a_key_given_twice_as_its_last() {
    let tree: Value = from_text(r#"{"n":7,"big":1.50,"n":8}"#).unwrap();
    assert_eq!(tree.get("n").and_then(Value::as_u64), Some(8));
    assert_eq!(tree.get("big").and_then(Value::as_u64), None);
    assert_eq!(
        to_text(&tree.get("big").cloned().unwrap_or_default()),
        "1.50"
    );
    assert_eq!(to_text(&from_text::<Value>("-2.5e3").unwrap()), "-2.5e3");
    // Objects are equal whatever their order; arrays are not.
    assert_eq!(
        from_text::<Value>(r#"{"a":1,"b":2}"#),
        from_text(r#"{"b":2,"a":1}"#)
    );
    assert_ne!(from_text::<Value>("[1,2]"), from_text("[2,1]"));
    let mut map = Map::new();
    map.insert("k".into(), Value::from(1));
    map.insert("k".into(), Value::from(2));
    assert_eq!(map.keys().count(), 1);
    assert_eq!(map.remove("k"), Some(Value::from(2)));
    assert!(!map.contains_key("k"));
}

#[test]
fn a_whole_number_member_is_what_the_tree_would_say() {
    // As `schema_version` reads a record's version: the same answer as a tree's `as_u64`,
    // and an error exactly where the tree could not be built.
    for text in [
        r#"{"schema":4,"incident":{"id":"x","steps":[1,{"a":"\u00e9"}]}}"#,
        r#"{"incident":{"schema":9},"schema":3}"#,
        r#"{"schema":3,"schema":5}"#,
        r#"{"schema":5,"schema":"6"}"#,
        r#" { "schema" : 12 } "#,
        r#"{"schema":1.0}"#,
        r#"{"schema":-1}"#,
        r#"{"schema":1e2}"#,
        r#"{"schema":99999999999999999999}"#,
        r#"{"schema":null}"#,
        r#"{"other":1}"#,
        "{}",
        "[4]",
        "4",
        r#""schema""#,
        r#"{"schema":4,"incident":}"#,
        r#"{"schema":4"#,
        r#"{"schema":4}x"#,
        r#"{"schema":04}"#,
        "",
    ] {
        let tree = from_text::<Value>(text);
        let expected = tree
            .as_ref()
            .map(|t| t.get("schema").and_then(Value::as_u64));
        let found = super::whole_number_member(text, "schema");
        assert_eq!(found.is_ok(), expected.is_ok(), "{text}: {found:?}");
        if let (Ok(found), Ok(expected)) = (found, expected) {
            assert_eq!(found, expected, "{text}");
        }
    }
}
