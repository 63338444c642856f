//! CSV output of the report model, for spreadsheets.
//!
//! Owns: the CSV layouts: subsystem rows in "long" form (one line per snapshot and
//! subsystem, so a pivot table can chart any column), heap totals per snapshot, and diffs.
//! Promises: RFC 4180: a header line, CRLF line ends, a field quoted with `"` when it holds
//! a comma, a quote, CR or LF, and quotes inside doubled. Every subsystem row is written,
//! idle ones included (leaving rows out is the terminal table's business). Numbers are exact
//! integers; an absent frame is an empty field.
//! Must never: write a localised number (no thousands separators, no units).

use crate::model::{Diff, Series, Snapshot};
use std::borrow::Cow;

/// The header of [`snapshot_to_csv`] and [`series_to_csv`].
pub const SUBSYSTEM_HEADER: &str =
    "label,frame,profile,subsystem,live_bytes,live_objects,high_water_bytes,total_allocations";

/// The header of [`series_heap_to_csv`].
pub const HEAP_HEADER: &str = "label,frame,profile,region_bytes,in_use_bytes,high_water_bytes,\
free_bytes,pool_pages,pool_slack_bytes,failed_allocations,float_cache_hits,\
float_cache_misses,interned_strings";

/// The header of [`diff_to_csv`].
pub const DIFF_HEADER: &str = "before,after,subsystem,before_bytes,after_bytes,delta_bytes,\
before_objects,after_objects,delta_objects";

const EOL: &str = "\r\n";

/// Quotes one field as RFC 4180 asks: unchanged unless it holds `,` `"` CR or LF, else
/// wrapped in quotes with inner quotes doubled.
pub fn quote_field(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// One line per subsystem row of one snapshot, under [`SUBSYSTEM_HEADER`].
pub fn snapshot_to_csv(snapshot: &Snapshot) -> String {
    let mut out = line(&[SUBSYSTEM_HEADER]);
    push_subsystem_lines(&mut out, snapshot);
    out
}

/// One line per snapshot and subsystem row, oldest snapshot first, under
/// [`SUBSYSTEM_HEADER`].
pub fn series_to_csv(series: &Series) -> String {
    let mut out = line(&[SUBSYSTEM_HEADER]);
    for snapshot in &series.snapshots {
        push_subsystem_lines(&mut out, snapshot);
    }
    out
}

/// One line per snapshot with the heap totals and the float cache and intern figures,
/// under [`HEAP_HEADER`].
pub fn series_heap_to_csv(series: &Series) -> String {
    let mut out = line(&[HEAP_HEADER]);
    for s in &series.snapshots {
        let h = &s.heap;
        out.push_str(&line(&[
            &quote_field(&s.label),
            &frame_field(s.frame),
            &quote_field(&s.profile),
            &h.region_bytes.to_string(),
            &h.in_use_bytes.to_string(),
            &h.high_water_bytes.to_string(),
            &h.free_bytes.to_string(),
            &h.pool_pages.to_string(),
            &h.pool_slack_bytes.to_string(),
            &h.failed_allocations.to_string(),
            &s.float_cache_hits.to_string(),
            &s.float_cache_misses.to_string(),
            &s.interned_strings.to_string(),
        ]));
    }
    out
}

/// One line per subsystem of a diff (empty rows included), under [`DIFF_HEADER`].
pub fn diff_to_csv(diff: &Diff) -> String {
    let mut out = line(&[DIFF_HEADER]);
    let before = quote_field(&diff.before);
    let after = quote_field(&diff.after);
    for row in &diff.rows {
        out.push_str(&line(&[
            &before,
            &after,
            &quote_field(&row.name),
            &row.before_bytes.to_string(),
            &row.after_bytes.to_string(),
            &row.delta_bytes().to_string(),
            &row.before_objects.to_string(),
            &row.after_objects.to_string(),
            &row.delta_objects().to_string(),
        ]));
    }
    out
}

fn push_subsystem_lines(out: &mut String, snapshot: &Snapshot) {
    let label = quote_field(&snapshot.label);
    let frame = frame_field(snapshot.frame);
    let profile = quote_field(&snapshot.profile);
    for row in &snapshot.subsystems {
        out.push_str(&line(&[
            &label,
            &frame,
            &profile,
            &quote_field(&row.name),
            &row.live_bytes.to_string(),
            &row.live_objects.to_string(),
            &row.high_water_bytes.to_string(),
            &row.total_allocations.to_string(),
        ]));
    }
}

fn frame_field(frame: Option<u64>) -> String {
    frame.map(|f| f.to_string()).unwrap_or_default()
}

/// Joins already-quoted fields with commas and ends the line.
fn line(fields: &[&str]) -> String {
    let mut out = fields.join(",");
    out.push_str(EOL);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SubsystemRow;

    /// A small RFC 4180 reader, to check what the writer wrote.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && record.is_empty(), "last line not ended");
        records
    }

    fn snapshot(label: &str, frame: Option<u64>) -> Snapshot {
        let mut s = Snapshot::new(label, "tight");
        s.frame = frame;
        s.subsystems = vec![
            SubsystemRow {
                name: "dict".to_string(),
                live_bytes: 160,
                live_objects: 1,
                high_water_bytes: 448,
                total_allocations: 5,
            },
            SubsystemRow::new("set"),
        ];
        s.heap.in_use_bytes = 160;
        s
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(quote_field("frame 12"), "frame 12");
        assert_eq!(quote_field("login, tight"), "\"login, tight\"");
        assert_eq!(quote_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote_field(""), "");
    }

    #[test]
    fn label_with_a_comma_stays_one_field() {
        let text = snapshot_to_csv(&snapshot("after load, \"login\"", Some(3)));
        assert!(text.contains("\"after load, \"\"login\"\"\",3,tight,dict,160,1,448,5\r\n"));
        let records = parse(&text);
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].join(","), SUBSYSTEM_HEADER);
        assert!(records.iter().all(|r| r.len() == 8));
        assert_eq!(records[1][0], "after load, \"login\"");
        assert_eq!(records[1][3], "dict");
        // Idle rows are data too.
        assert_eq!(records[2][3], "set");
        assert_eq!(records[2][4], "0");
    }

    #[test]
    fn series_has_a_line_per_snapshot_and_row() {
        let series = Series { snapshots: vec![snapshot("frame 0", Some(0)), snapshot("after load", None)] };
        let records = parse(&series_to_csv(&series));
        assert_eq!(records.len(), 1 + 4);
        assert_eq!(records[3][0], "after load");
        assert_eq!(records[3][1], "");

        let heap = parse(&series_heap_to_csv(&series));
        assert_eq!(heap.len(), 3);
        assert_eq!(heap[0].join(","), HEAP_HEADER);
        assert!(heap.iter().all(|r| r.len() == 13));
        assert_eq!(heap[1][4], "160");
    }

    #[test]
    fn diff_rows_carry_signed_deltas() {
        let before = snapshot("frame 0", Some(0));
        let mut after = snapshot("frame 10", Some(10));
        after.subsystems[0].live_bytes = 96;
        let records = parse(&diff_to_csv(&Diff::between(&before, &after)));
        assert_eq!(records[0].join(","), DIFF_HEADER);
        assert_eq!(records[1], ["frame 0 (tight)", "frame 10 (tight)", "dict", "160", "96", "-64", "1", "1", "0"]);
        assert_eq!(records.len(), 3);
    }
}
