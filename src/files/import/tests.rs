//! Tests of the import's reading: depth, size and length limits, where a file stops being JSON.

use super::*;
use crate::json::json;

#[test]
fn depth_ignores_brackets_inside_strings() {
    let deep_string = format!("{{\"a\":\"{}\"}}", "[".repeat(500));
    assert!(!too_deep(&deep_string));
    assert!(too_deep(&"[".repeat(MAX_DEPTH + 1)));
    assert!(!too_deep(&format!(
        "{}{}",
        "[".repeat(MAX_DEPTH),
        "]".repeat(MAX_DEPTH)
    )));
}

#[test]
fn size_is_checked_before_reading_and_a_file_just_over_reads_as_more() {
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(
        check_size(MAX_FILE_BYTES + 1).unwrap_err().to_string(),
        "This file is 32.1 MB, more than the 32 MB Mend can import. Is it the right file?"
    );
    assert_eq!(megabytes(40 * MIB), "40.0");
    assert_eq!(megabytes(40 * MIB + MIB / 2), "40.5");
}

#[test]
fn texts_and_lists_past_the_limit_are_named() {
    let value = json!({"a": ["xx", "yyy"], "b": [1, 2]});
    assert_eq!(check_sizes(&value, 3), Ok(()));
    assert_eq!(
        check_sizes(&value, 2).unwrap_err(),
        "has a piece of text longer than 2 characters, more than a browser's storage holds"
    );
    let value = json!({"a": [[1, 2, 3]]});
    assert_eq!(
        check_sizes(&value, 2).unwrap_err(),
        "has a list longer than 2 entries, more than a browser's storage holds"
    );
    assert_eq!(
        check_sizes(&json!("ééé"), 3),
        Ok(()),
        "counted in characters"
    );
}

#[test]
fn big_numbers_are_grouped() {
    assert_eq!(thousands(5_242_880), "5,242,880");
    assert_eq!(thousands(100), "100");
    assert_eq!(thousands(1_000), "1,000");
}

#[test]
fn text_that_is_not_json_says_where_by_line_and_column_and_text_cut_off_says_so() {
    let text = "{\n  \"format\": \"mend-backup\",\n  \"schema\" 4\n}";
    assert_eq!(
        read(text).map(|_| ()),
        Err(ImportError::NotJson(
            "expected a colon at line 3, column 12".into()
        ))
    );
    let wide = "{\"format\": \"mend-backup\", \"é😀\" 1}";
    assert_eq!(
        read(wide).map(|_| ()),
        Err(ImportError::NotJson(
            "expected a colon at line 1, column 32".into()
        ))
    );
    for cut in [
        "{\"format\": \"mend-backup\", \"incidents\": [",
        "{\"format\": \"mend-ba",
        "[1,  ",
    ] {
        assert_eq!(read(cut).map(|_| ()), Err(ImportError::Truncated), "{cut}");
    }
}

#[test]
fn the_repeat_named_is_the_first_in_file_order() {
    let id = |n| IncidentId::from_random_bytes([n; 16]);
    let ids = [id(9), id(1), id(5), id(1), id(9), id(5)];
    assert_eq!(first_repeat(ids.into_iter()), Some(id(1)));
    assert_eq!(first_repeat([id(9), id(1), id(9)].into_iter()), Some(id(9)));
    assert_eq!(first_repeat([id(2), id(1)].into_iter()), None);
}
