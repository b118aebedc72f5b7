//! Reading an import file, in order: size, parse, format marker, schema version, migration,
//! each incident's contents, duplicate ids. Nothing here writes; a bad file changes nothing.

use super::export::FORMAT;
use crate::json::{self, Value};
use crate::model::limits::MAX_LENGTH;
use crate::model::preflight::Checklist;
use crate::model::{order, Incident, IncidentId};
use crate::persist::{codec, DecodeError, SCHEMA_VERSION};

/// The largest file Mend reads: 32 MB (MiB), enough for the largest backup a full store can
/// produce. localStorage holds 5,242,880 UTF-16 units of keys and values, and the backup
/// writes each unit as at most 6 bytes of UTF-8:
/// - an incident stored as `mend.incident.<id>` → `{"schema":2,"incident":X}` goes out as
///   the line `    X,`: X's own JSON, in which a unit is 1 byte (ASCII), 3 (any other
///   character of the BMP, e.g. Japanese) or 4 per 2 units (an astral character, e.g. an
///   emoji), so at most 3 bytes a unit, and the 74 units of key and wrapper cover the line's
///   6 bytes of indent, comma and line break. (A record from Mend's first version, which had
///   no steps, comes back with every step's empty fields: about 960 bytes from at least 191
///   units, so 5 bytes a unit.)
/// - a record Mend couldn't read goes out as its raw text, escaped as a JSON string, where a
///   control character becomes `\u001f`: 6 bytes a unit (a lone surrogate is read as U+FFFD,
///   3 bytes). Its line, `    {"key":"…","raw":"…"},`, adds 25 bytes, which its key's `mend.`
///   (5 units written as 5 bytes, not 30) pays for;
/// - the envelope's own lines (format, schema, versions, date, brackets) take under 200 bytes.
///
/// So: 6 × 5,242,880 + 200 = 31,457,480 bytes at most, under 32 × 1,048,576 = 33,554,432.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Real exports nest about eight deep; a file nested far deeper is not one.
pub const MAX_DEPTH: usize = 64;

/// Why a whole file was refused. Each says what happened and what to do, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("This file is {} MB, more than the {} MB Mend can import. Is it the right file?", megabytes(*.0), MAX_FILE_BYTES / MIB)]
    TooLarge(u64),
    #[error("This file is empty.")]
    Empty,
    #[error("This file isn't saved as UTF-8 text, as Mend's exports are, so some of its characters can't be read. If you changed it in another program, save it from there as UTF-8 and try again.")]
    NotUtf8,
    #[error("This file stops part-way through, as if it was cut off while it was being saved or copied. Try exporting it again.")]
    Truncated,
    #[error("This file isn't a Mend export: it isn't readable JSON ({0}).")]
    NotJson(String),
    #[error("This file is nested far too deeply to be a Mend export.")]
    TooDeep,
    #[error("This JSON file isn't a Mend export: it has no \"mend-backup\" marker.")]
    NotMend,
    #[error("This file was made by a newer version of Mend (schema {0}). Open it with that version, or update Mend, then try again.")]
    Newer(u64),
    #[error("This file has no schema version, so Mend can't tell how to read it.")]
    NoVersion,
    #[error("This file is a Mend export, but not in the expected shape: {0}.")]
    Shape(String),
    #[error("This file has no incidents in it.")]
    NoIncidents,
    #[error(
        "This file lists the same incident twice (id {0}), so Mend can't tell which one to keep."
    )]
    DuplicateId(IncidentId),
    #[error("None of the incidents in this file can be read. The first: {0}.")]
    NothingUsable(String),
}

const MIB: u64 = 1024 * 1024;

/// Rounded up to a tenth, so a file just over the limit never reads as the limit itself.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(MIB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// An incident in the file that can't be used, and why; the rest of the file still imports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Its place in the file, counting from 1.
    pub position: usize,
    pub title: String,
    pub reason: String,
}

/// A file that passed every check: its incidents in the current shape.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFile {
    pub incidents: Vec<Incident>,
    pub rejected: Vec<Rejected>,
    /// The pre-flight checklist, when the file has one that reads.
    pub checklist: Option<Checklist>,
    /// The file has a checklist that couldn't be read, so it was left out
    /// (`CHECKLIST_LEFT_OUT` says so).
    pub checklist_unreadable: bool,
}

/// What the preview and the import's message say when `checklist_unreadable`.
pub const CHECKLIST_LEFT_OUT: &str = "The file\u{2019}s pre-flight checklist couldn\u{2019}t be read, so it was left out; your own checklist is unchanged.";

/// Step 1, before the file is read: its size as the browser reports it.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        Err(ImportError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// The file as the browser read it, byte for byte: its size, then its text, then `read`.
/// Bytes that aren't UTF-8 are refused rather than shown as U+FFFD, which would change the
/// person's text without a word.
pub fn read_bytes(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    read(text)
}

/// Steps 1 to 7 on the file's text.
pub fn read(text: &str) -> Result<ImportFile, ImportError> {
    check_size(text.len() as u64)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if too_deep(text) {
        return Err(ImportError::TooDeep);
    }
    if let Some(file) = read_current(text) {
        return finish(file);
    }
    let mut value: Value = json::from_text(text).map_err(|e| not_json(text, &e))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotMend);
    }
    let version = schema_of(&value)?;
    let Some(items) = value.get_mut("incidents").map(Value::take) else {
        return Err(ImportError::Shape("it has no list of incidents".into()));
    };
    let Value::Array(items) = items else {
        return Err(ImportError::Shape("its incidents are not a list".into()));
    };
    if items.is_empty() {
        return Err(ImportError::NoIncidents);
    }
    // Optional: a checklist that doesn't read is left out, and said so; the incidents still
    // come.
    let given = value.get_mut("checklist").map(Value::take);
    let given = given.filter(|list| !list.is_null());
    // Through text, which the typed reader reads, checking the size limits as it goes.
    let checklist: Option<Checklist> = given
        .as_ref()
        .and_then(|list| json::from_text_within(&json::to_text(list), MAX_LENGTH).ok());
    let mut file = ImportFile {
        incidents: Vec::new(),
        rejected: Vec::new(),
        checklist_unreadable: given.is_some() && checklist.is_none(),
        checklist,
    };
    for (index, item) in items.into_iter().enumerate() {
        let title = title_of(item.get("title").and_then(Value::as_str));
        match incident(item, version) {
            Ok(incident) => file.incidents.push(incident),
            Err(reason) => file.rejected.push(Rejected {
                position: index + 1,
                title,
                reason,
            }),
        }
    }
    finish(file)
}

/// The usual file, exported by this version of Mend, read in one pass: each incident straight
/// into the typed incident from its own part of the text, with no tree of the whole file
/// built first. `None` for any other file, which `read` then checks stage by stage, each
/// failure with its own message.
fn read_current(text: &str) -> Option<ImportFile> {
    let mut r = json::Reader::new(text);
    r.open(b'{', "an export").ok()?;
    let (mut first, mut marked, mut current) = (true, false, false);
    let (mut items, mut checklist) = (Vec::new(), None);
    while let Some(key) = r.next_key(&mut first).ok()? {
        match &*key {
            "format" => marked = r.string().ok()? == FORMAT,
            "schema" => current = r.number(u64::MAX).ok()? == u64::from(SCHEMA_VERSION),
            "incidents" => {
                // A key given twice counts once, its last time, as in a `Value` tree.
                items.clear();
                r.open(b'[', "a list of incidents").ok()?;
                let mut count = 0;
                while r.next_item(&mut count).ok()? {
                    let from = r.position();
                    r.skip().ok()?;
                    items.push(r.since(from));
                }
            }
            "checklist" => {
                let from = r.position();
                r.skip().ok()?;
                checklist = Some(r.since(from)).filter(|list| *list != "null");
            }
            _ => r.skip().ok()?,
        }
    }
    r.end().ok()?;
    if !marked || !current || items.is_empty() {
        return None;
    }
    let mut file = ImportFile {
        incidents: Vec::with_capacity(items.len()),
        rejected: Vec::new(),
        checklist: checklist.and_then(|list| json::from_text_within(list, MAX_LENGTH).ok()),
        checklist_unreadable: false,
    };
    file.checklist_unreadable = checklist.is_some() && file.checklist.is_none();
    for (index, item) in items.into_iter().enumerate() {
        match typed_incident(item) {
            Ok(incident) => file.incidents.push(incident),
            Err(reason) => file.rejected.push(Rejected {
                position: index + 1,
                title: title_of(
                    json::member::<String>(item, "title")
                        .ok()
                        .flatten()
                        .as_deref(),
                ),
                reason,
            }),
        }
    }
    Some(file)
}

/// One incident of the current schema, from its text, with the same checks as `incident`.
fn typed_incident(item: &str) -> Result<Incident, String> {
    if !item.starts_with('{') {
        return Err("is not an incident record".into());
    }
    json::from_text_within(item, MAX_LENGTH).map_err(|e| match e.what {
        json::SHORTER_TEXT => too_long_text(MAX_LENGTH),
        json::SHORTER_LIST => too_long_list(MAX_LENGTH),
        _ => format!("can't be read ({})", json::explain(item, &e, 0)),
    })
}

/// The last checks, on the incidents that read: no id twice, and at least one of them.
fn finish(file: ImportFile) -> Result<ImportFile, ImportError> {
    if let Some(twice) = first_repeat(file.incidents.iter().map(|i| i.id)) {
        return Err(ImportError::DuplicateId(twice));
    }
    if file.incidents.is_empty() {
        let first = file.rejected.first().map(describe).unwrap_or_default();
        return Err(ImportError::NothingUsable(first));
    }
    Ok(file)
}

/// The first id, in file order, that was given before: sorted by id with their places, so a
/// file of a million incidents takes one sort, not a million searches.
fn first_repeat(ids: impl Iterator<Item = IncidentId>) -> Option<IncidentId> {
    let mut placed: Vec<(IncidentId, usize)> = ids.zip(0..).collect();
    order::sort_by(&mut placed, |(id, _)| (0, order::id_key(*id)));
    // Each id's places, in file order: every place after its first is a repeat.
    let repeats = placed.windows(2).filter(|pair| pair[0].0 == pair[1].0);
    repeats
        .map(|pair| pair[1])
        .min_by_key(|(_, at)| *at)
        .map(|(id, _)| id)
}

/// "incident 2 (“Wrong invoice”) has …", for messages.
pub fn describe(rejected: &Rejected) -> String {
    if rejected.title.is_empty() {
        format!("incident {} {}", rejected.position, rejected.reason)
    } else {
        format!(
            "incident {} (\u{201c}{}\u{201d}) {}",
            rejected.position, rejected.title, rejected.reason
        )
    }
}

/// Cut off (the reader ran out of text), or else where and what it expected, by line and
/// column as an editor shows them.
fn not_json(text: &str, e: &json::ReadError) -> ImportError {
    let Some(before) = text.as_bytes().get(..e.at).filter(|_| e.at < text.len()) else {
        return ImportError::Truncated;
    };
    let line = before.split(|b| *b == b'\n').count();
    // Characters, not bytes: every byte but a UTF-8 continuation byte starts one.
    let last = before.rsplit(|b| *b == b'\n').next().unwrap_or_default();
    let column = last.iter().filter(|b| **b & 0xc0 != 0x80).count() + 1;
    ImportError::NotJson(format!(
        "expected {} at line {line}, column {column}",
        e.what
    ))
}

fn schema_of(value: &Value) -> Result<u32, ImportError> {
    let found = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(ImportError::NoVersion)?;
    match u32::try_from(found) {
        Ok(version) if (1..=SCHEMA_VERSION).contains(&version) => Ok(version),
        _ if found > u64::from(SCHEMA_VERSION) => Err(ImportError::Newer(found)),
        _ => Err(ImportError::NoVersion),
    }
}

/// One incident, checked and lifted to the current schema; the reason reads after its name.
fn incident(item: Value, version: u32) -> Result<Incident, String> {
    if !item.is_object() {
        return Err("is not an incident record".into());
    }
    check_sizes(&item, MAX_LENGTH)?;
    codec::decode_incident(item, version).map_err(|e| match e {
        DecodeError::Shape(detail) => format!("can't be read ({detail})"),
        other => format!("can't be read ({other})"),
    })
}

/// Every text and list within `limit` (`MAX_LENGTH`; a parameter so tests can use a small one).
fn check_sizes(value: &Value, limit: usize) -> Result<(), String> {
    match value {
        Value::String(text) if text.chars().count() > limit => Err(too_long_text(limit)),
        Value::Array(items) if items.len() > limit => Err(too_long_list(limit)),
        Value::Array(items) => items.iter().try_for_each(|v| check_sizes(v, limit)),
        Value::Object(fields) => fields.values().try_for_each(|v| check_sizes(v, limit)),
        _ => Ok(()),
    }
}

fn too_long_text(limit: usize) -> String {
    format!(
        "has a piece of text longer than {} characters, more than a browser's storage holds",
        thousands(limit)
    )
}

fn too_long_list(limit: usize) -> String {
    format!(
        "has a list longer than {} entries, more than a browser's storage holds",
        thousands(limit)
    )
}

/// `5242880` as `5,242,880`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// At most 60 characters of an incident's title, for naming it in a message.
fn title_of(title: Option<&str>) -> String {
    let title = title.unwrap_or("").trim();
    let mut short: String = title.chars().take(60).collect();
    if title.chars().count() > 60 {
        short.push('\u{2026}');
    }
    short
}

/// Whether brackets nest deeper than `MAX_DEPTH`, found without parsing (strings skipped).
fn too_deep(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests;
