//! The export file: `{"format":"mend-backup","schema":N,"app_version":…,"exported_at":…,
//! "incidents":[…],"unreadable":[…]}`, pretty-printed with a stable field and incident order.
//!
//! Each incident is exactly what a stored record holds, so import reuses the record codec.
//! Records that could not be read go along as their raw text, so clearing the device after an
//! export loses nothing.

use crate::json::{Json, Writer};
use crate::model::preflight::Checklist;
use crate::model::{order, Day, Incident, Timestamp};
use crate::persist::{Unreadable, SCHEMA_VERSION};

/// Marks the file as Mend's.
pub const FORMAT: &str = "mend-backup";
/// The version of Mend that wrote the file; for people reading it, not for parsing.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The file text for these incidents, oldest first, whatever order they are held in.
pub fn export(incidents: &[Incident], unreadable: &[Unreadable], exported_at: Timestamp) -> String {
    export_with(incidents, unreadable, &Checklist::default(), exported_at)
}

/// `export`, with the pre-flight checklist too (Export all), unless it is empty.
pub fn export_with(
    incidents: &[Incident],
    unreadable: &[Unreadable],
    checklist: &Checklist,
    exported_at: Timestamp,
) -> String {
    let (compact, incident_spans) = compact(incidents, unreadable, checklist, exported_at);
    // The envelope and its lists are indented; each incident is one line. Indenting every
    // incident too would add about 37% (and `import::MAX_FILE_BYTES` counts on one line each).
    pretty(&compact, 2, &incident_spans)
}

/// The file's text on one line, and where each incident's text is in it.
fn compact(
    incidents: &[Incident],
    unreadable: &[Unreadable],
    checklist: &Checklist,
    exported_at: Timestamp,
) -> (String, Vec<(usize, usize)>) {
    let mut incidents: Vec<&Incident> = incidents.iter().collect();
    order::sort_by(&mut incidents, |i| {
        (i.created_at.millis(), order::id_key(i.id))
    });
    let mut w = Writer::with_capacity(incidents.len() * 4096 + 256);
    w.open('{');
    w.text_field("format", FORMAT);
    w.field("schema", &SCHEMA_VERSION);
    w.text_field("app_version", APP_VERSION);
    w.field("exported_at", &exported_at);
    w.key("incidents");
    w.open('[');
    // Where each incident's text is, so that indenting copies it without reading it.
    let mut incident_spans = Vec::with_capacity(incidents.len());
    for incident in incidents {
        w.comma();
        let start = w.written();
        incident.write(&mut w);
        incident_spans.push((start, w.written()));
    }
    w.close(']');
    w.key("unreadable");
    w.open('[');
    for record in unreadable {
        w.comma();
        w.open('{');
        w.text_field("key", &record.key.as_string());
        w.text_field("raw", &record.raw);
        w.close('}');
    }
    w.close(']');
    if !checklist.items.is_empty() {
        w.field("checklist", checklist);
    }
    w.close('}');
    (w.into_text(), incident_spans)
}

/// Indents compact JSON text as `serde_json::to_string_pretty` does, down to `levels` deep;
/// anything deeper stays on one line. Re-indenting the text costs far less download than a
/// second, pretty, serializer for every record type.
///
/// It walks bytes and copies the text between two changes in one go: every byte it looks for
/// is ASCII, which never occurs inside a longer UTF-8 character. Pushing each character alone
/// had made this 25 of the 35 ms an export of 1,000 incidents takes natively.
///
/// `verbatim` lists, in order, where whole values stand `levels` deep or deeper, which stay
/// as they are: they are copied without a look at each byte. Walked byte by byte, the 4.6 MB
/// of 1,000 incidents were about 120 ms of an export at 4x CPU slowdown, all in one call,
/// which the browser runs in its first, slower code for the whole walk.
fn pretty(compact: &str, levels: usize, verbatim: &[(usize, usize)]) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 8);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    // Where the bytes not yet copied begin.
    let mut from = 0;
    let mut at = 0;
    let mut verbatim = verbatim.iter().peekable();
    while at < bytes.len() {
        if !in_string {
            if let Some(&(start, end)) = verbatim.next_if(|(start, _)| *start <= at) {
                if start == at {
                    at = end;
                    continue;
                }
            }
        }
        let byte = bytes[at];
        at += 1;
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        let shallow = depth < levels;
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                if matches!(bytes.get(at), Some(b'}' | b']')) {
                    at += 1;
                } else {
                    depth += 1;
                    if shallow {
                        out.push_str(&compact[from..at]);
                        newline(&mut out, depth);
                        from = at;
                    }
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth < levels {
                    out.push_str(&compact[from..at - 1]);
                    newline(&mut out, depth);
                    from = at - 1;
                }
            }
            b',' if depth <= levels => {
                out.push_str(&compact[from..at]);
                newline(&mut out, depth);
                from = at;
            }
            b':' if depth <= levels => {
                out.push_str(&compact[from..at - 1]);
                out.push_str(": ");
                from = at;
            }
            _ => {}
        }
    }
    out.push_str(&compact[from..]);
    out
}

/// For example `mend-backup-2026-11-26.json`.
pub fn backup_file_name(today: Day) -> String {
    format!("{FORMAT}-{today}.json")
}

/// For example `mend-wrong-invoice-2026-11-26.json`; `title` is `None` in discreet mode.
pub fn incident_file_name(title: Option<&str>, today: Day, extension: &str) -> String {
    format!("mend-{}-{today}.{extension}", slug(title.unwrap_or("")))
}

/// Lower-case ASCII letters and digits joined by single hyphens, at most 40 characters;
/// "incident" when nothing is left.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "incident".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IncidentId;
    use crate::persist::{codec, DecodeError, StorageKey};
    use serde_json::{json, Value};

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn the_envelope_holds_every_incident_in_its_stored_shape() {
        let mut incident = Incident::new(
            IncidentId::from_random_bytes([3; 16]),
            at("2026-11-26T08:00:00Z"),
        );
        incident.title = "Wrong invoice".into();
        let text = export(&[incident.clone()], &[], at("2026-11-27T09:30:00Z"));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], "mend-backup");
        assert_eq!(value["schema"], json!(SCHEMA_VERSION));
        assert_eq!(value["app_version"], APP_VERSION);
        assert_eq!(value["exported_at"], "2026-11-27T09:30:00.000Z");
        assert_eq!(value["unreadable"], json!([]));
        let stored = crate::persist::pack::unpack(&codec::encode(&incident)).map(String::from);
        let stored: Value = serde_json::from_str(&stored.unwrap()).unwrap();
        assert_eq!(value["incidents"], json!([stored["incident"]]));
        assert!(text.contains("\n  \"schema\": "), "pretty-printed");
    }

    #[test]
    fn incidents_go_oldest_first_whatever_the_order_in_memory() {
        let mut newer = Incident::blank(1);
        newer.created_at = at("2026-11-27T00:00:00Z");
        let older = Incident::blank(2);
        let text = export(
            &[newer.clone(), older.clone()],
            &[],
            at("2026-11-27T09:30:00Z"),
        );
        let again = export(
            &[older.clone(), newer.clone()],
            &[],
            at("2026-11-27T09:30:00Z"),
        );
        assert_eq!(text, again);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["incidents"][0]["id"], older.id.to_string());
    }

    #[test]
    fn indents_exactly_as_serde_json_pretty_does_down_to_the_level_asked() {
        let cases = [
            (
                json!({"a": [], "b": {}, "c": [1, {"d": "x,y:{[\\\"]}"}], "e": null}),
                "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\"d\":\"x,y:{[\\\\\\\"]}\"}\n  ],\n  \"e\": null\n}",
            ),
            // Beyond ASCII: the bytes it looks for never occur inside a longer character.
            (
                json!({"é": ["ü,:", {"x": [1, "\u{0}"], "日本": "a\u{1F600}b"}], "ñ": {"k": "v"}}),
                "{\n  \"é\": [\n    \"ü,:\",\n    {\"x\":[1,\"\\u0000\"],\"日本\":\"a\u{1F600}b\"}\n  ],\n  \"ñ\": {\n    \"k\": \"v\"\n  }\n}",
            ),
        ];
        for (value, two_levels) in cases {
            let compact = serde_json::to_string(&value).unwrap();
            assert_eq!(
                pretty(&compact, usize::MAX, &[]),
                serde_json::to_string_pretty(&value).unwrap()
            );
            assert_eq!(pretty(&compact, 2, &[]), two_levels);
        }
    }

    #[test]
    fn incidents_are_copied_as_they_are_and_the_file_is_the_same() {
        let full = include_str!("../../tests/fixtures/v4-full-incident.json");
        let incidents: Vec<Incident> = (1..=3u8)
            .map(|n| {
                let mut incident = codec::decode(full).unwrap();
                incident.id = IncidentId::from_random_bytes([n; 16]);
                incident
            })
            .collect();
        let unreadable = [Unreadable {
            key: StorageKey::Unknown("mend.x".into()),
            raw: "{\"a\":[1,{\"b\":2}]}".into(),
            reason: DecodeError::NoVersion,
        }];
        let mut checklist = Checklist::default();
        checklist.gather(&incidents);
        assert!(!checklist.items.is_empty());
        let (text, spans) = compact(
            &incidents,
            &unreadable,
            &checklist,
            at("2026-11-27T09:30:00Z"),
        );
        assert_eq!(spans.len(), 3);
        for (start, end) in &spans {
            assert!(text[*start..*end].starts_with("{\"id\":") && text[..*end].ends_with('}'));
        }
        assert_eq!(pretty(&text, 2, &spans), pretty(&text, 2, &[]));
        assert!(
            pretty(&text, 2, &spans).contains("\n    {\"id\":"),
            "an incident a line"
        );
    }

    #[test]
    fn unreadable_records_go_along_as_raw_text() {
        let unreadable = Unreadable {
            key: StorageKey::Unknown("mend.incident.x".into()),
            raw: "{\"broken".into(),
            reason: DecodeError::NoVersion,
        };
        let text = export(&[], &[unreadable], at("2026-11-27T09:30:00Z"));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["unreadable"],
            json!([{"key": "mend.incident.x", "raw": "{\"broken"}])
        );
    }

    #[test]
    fn file_names_carry_the_day_and_a_plain_slug() {
        let day = Day::from_ymd(2026, 11, 27).unwrap();
        assert_eq!(backup_file_name(day), "mend-backup-2026-11-27.json");
        assert_eq!(
            incident_file_name(Some("Sent the invoice to the WRONG client!"), day, "json"),
            "mend-sent-the-invoice-to-the-wrong-client-2026-11-27.json"
        );
        assert_eq!(
            incident_file_name(None, day, "md"),
            "mend-incident-2026-11-27.md"
        );
        assert_eq!(slug("Ángela's report"), "ngela-s-report");
        assert_eq!(slug("¿?"), "incident");
        assert!(slug(&"a".repeat(100)).len() <= 40);
    }
}
