//! Terminal tables: one snapshot per subsystem, or the diff of two snapshots.
//!
//! Owns: plain-text layout for a human at a terminal or in a CI log.
//! Promises: aligned columns (names left, numbers right), every byte figure as the exact
//! count with a human form beside it ("1536 (1.5 KiB)"), a TOTAL row that is the sum of the
//! rows above it, and no rows for subsystems that own nothing and never allocated (a diff
//! leaves out rows that are empty on both sides). Output ends with a newline, no trailing
//! spaces on any line.
//! Must never: hide a number that matters: omitted rows are counted in a note, and a
//! mismatch between the subsystem total and the allocator's bytes in use is printed.

use crate::bytes::{exact_and_human, exact_and_human_signed};
use crate::model::{Diff, DiffRow, Snapshot, SubsystemRow};
use std::fmt::Write as _;

/// Renders one snapshot as a table of subsystems with a heap summary above it and the float
/// cache and intern figures below it.
pub fn render_table(snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let heap = &snapshot.heap;
    let _ = writeln!(out, "memory: {}", snapshot.title());
    let _ = writeln!(
        out,
        "heap: region {}, in use {}, high water {}, free {}",
        exact_and_human(heap.region_bytes),
        exact_and_human(heap.in_use_bytes),
        exact_and_human(heap.high_water_bytes),
        exact_and_human(heap.free_bytes),
    );
    let _ = writeln!(
        out,
        "pools: {} pages, slack {}; failed allocations: {}",
        heap.pool_pages,
        exact_and_human(heap.pool_slack_bytes),
        heap.failed_allocations,
    );

    let mut table = TextTable::new(&["subsystem", "live bytes", "objects", "high water", "allocations"]);
    let shown = snapshot.subsystems.iter().filter(|row| !row.is_idle());
    for row in shown {
        table.row(subsystem_cells(row));
    }
    let totals = snapshot.totals();
    table.total(subsystem_cells(&totals));
    out.push_str(&table.render());

    let idle = snapshot.subsystems.iter().filter(|r| r.is_idle()).count();
    if idle > 0 {
        let noun = if idle == 1 { "subsystem" } else { "subsystems" };
        let _ = writeln!(out, "({idle} idle {noun} not shown)");
    }
    if totals.live_bytes != heap.in_use_bytes {
        let _ = writeln!(
            out,
            "WARNING: subsystems total {} bytes but the heap reports {} bytes in use",
            totals.live_bytes, heap.in_use_bytes
        );
    }
    let hit_rate = match snapshot.float_cache_hit_rate() {
        Some(rate) => format!(" ({:.1}% hits)", rate * 100.0),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "float cache: {} hits, {} misses{hit_rate}; interned strings: {}",
        snapshot.float_cache_hits, snapshot.float_cache_misses, snapshot.interned_strings,
    );
    out
}

/// Renders a diff as a table of before, after and change per subsystem, with a one-line
/// verdict ("... uses 2048 (2.0 KiB) fewer bytes than ...").
pub fn render_diff_table(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "memory diff: {} vs {}", diff.after, diff.before);
    let mut table =
        TextTable::new(&["subsystem", "before bytes", "after bytes", "change", "before objs", "after objs", "change"]);
    for row in diff.rows.iter().filter(|row| !row.is_empty()) {
        table.row(diff_cells(row));
    }
    let totals = diff.totals();
    table.total(diff_cells(&totals));
    out.push_str(&table.render());

    let delta = totals.delta_bytes();
    let verdict = match delta {
        0 => "the same bytes as".to_string(),
        d if d < 0 => format!("{} fewer bytes than", exact_and_human(d.unsigned_abs()),),
        d => format!("{} more bytes than", exact_and_human(d.unsigned_abs())),
    };
    let _ = writeln!(out, "{} uses {verdict} {}", diff.after, diff.before);
    let heap_delta = i128::from(diff.after_in_use_bytes) - i128::from(diff.before_in_use_bytes);
    if heap_delta != i128::from(delta) {
        let _ = writeln!(
            out,
            "note: the heap's bytes in use changed by {heap_delta} ({} -> {})",
            diff.before_in_use_bytes, diff.after_in_use_bytes
        );
    }
    out
}

fn subsystem_cells(row: &SubsystemRow) -> Vec<String> {
    vec![
        row.name.clone(),
        exact_and_human(row.live_bytes),
        row.live_objects.to_string(),
        exact_and_human(row.high_water_bytes),
        row.total_allocations.to_string(),
    ]
}

fn diff_cells(row: &DiffRow) -> Vec<String> {
    let delta_objects = row.delta_objects();
    vec![
        row.name.clone(),
        exact_and_human(row.before_bytes),
        exact_and_human(row.after_bytes),
        exact_and_human_signed(row.delta_bytes()),
        row.before_objects.to_string(),
        row.after_objects.to_string(),
        if delta_objects > 0 { format!("+{delta_objects}") } else { delta_objects.to_string() },
    ]
}

/// A text table: first column left-aligned, the others right-aligned, two spaces between
/// columns, a rule under the header and another above the total.
struct TextTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    total: Option<Vec<String>>,
}

impl TextTable {
    fn new(header: &[&str]) -> TextTable {
        TextTable { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new(), total: None }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn total(&mut self, cells: Vec<String>) {
        self.total = Some(cells);
    }

    fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for cells in self.rows.iter().chain(self.total.iter()) {
            for (width, cell) in widths.iter_mut().zip(cells) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let mut out = String::new();
        write_line(&mut out, &self.header, &widths, columns);
        write_line(&mut out, &rule, &widths, columns);
        for cells in &self.rows {
            write_line(&mut out, cells, &widths, columns);
        }
        if let Some(total) = &self.total {
            write_line(&mut out, &rule, &widths, columns);
            write_line(&mut out, total, &widths, columns);
        }
        out
    }
}

fn write_line(out: &mut String, cells: &[String], widths: &[usize], columns: usize) {
    let mut line = String::new();
    for (index, width) in widths.iter().enumerate().take(columns) {
        let cell = cells.get(index).map_or("", String::as_str);
        if index > 0 {
            line.push_str("  ");
        }
        let pad = width.saturating_sub(cell.chars().count());
        if index == 0 {
            line.push_str(cell);
            line.push_str(&" ".repeat(pad));
        } else {
            line.push_str(&" ".repeat(pad));
            line.push_str(cell);
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HeapTotals;

    fn row(name: &str, bytes: u64, objects: u64, high: u64, allocs: u64) -> SubsystemRow {
        SubsystemRow {
            name: name.to_string(),
            live_bytes: bytes,
            live_objects: objects,
            high_water_bytes: high,
            total_allocations: allocs,
        }
    }

    fn sample() -> Snapshot {
        let mut s = Snapshot::new("frame 12", "tight");
        s.frame = Some(12);
        s.subsystems = vec![
            row("str", 1536, 12, 2048, 40),
            row("set", 0, 0, 0, 0),
            row("dict", 160, 1, 448, 3),
            row("list", 0, 0, 64, 2),
        ];
        s.heap = HeapTotals {
            region_bytes: 1 << 20,
            in_use_bytes: 1696,
            high_water_bytes: 2560,
            free_bytes: (1 << 20) - 1696,
            pool_pages: 3,
            pool_slack_bytes: 120,
            failed_allocations: 0,
        };
        s.float_cache_hits = 10;
        s.float_cache_misses = 2;
        s.interned_strings = 5;
        s
    }

    /// The cells of the line whose first cell is `name`, split on runs of two spaces.
    fn cells_of<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
        let line = text
            .lines()
            .find(|l| l.split("  ").next() == Some(name) || l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no line for {name} in\n{text}"));
        line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()
    }

    fn leading_number(cell: &str) -> i64 {
        let end = cell.find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '+')).unwrap_or(cell.len());
        cell[..end].parse().unwrap()
    }

    #[test]
    fn total_row_is_the_sum_of_the_rows() {
        let text = render_table(&sample());
        let total = cells_of(&text, "TOTAL");
        let str_row = cells_of(&text, "str");
        let dict_row = cells_of(&text, "dict");
        let list_row = cells_of(&text, "list");
        for column in 1..5 {
            let sum: i64 = [&str_row, &dict_row, &list_row].iter().map(|r| leading_number(r[column])).sum();
            assert_eq!(leading_number(total[column]), sum, "column {column}\n{text}");
        }
        assert_eq!(total[1], "1696 (1.7 KiB)");
    }

    #[test]
    fn idle_rows_are_omitted_but_counted() {
        let text = render_table(&sample());
        assert!(!text.lines().any(|l| l.starts_with("set ")), "{text}");
        // Freed but once used: still shown.
        assert!(text.lines().any(|l| l.starts_with("list ")), "{text}");
        assert!(text.contains("(1 idle subsystem not shown)"));
    }

    #[test]
    fn human_and_exact_bytes_and_footer() {
        let text = render_table(&sample());
        assert!(text.starts_with("memory: frame 12 (tight)\n"), "{text}");
        assert!(text.contains("1536 (1.5 KiB)"));
        assert!(text.contains("region 1048576 (1.0 MiB)"));
        assert!(text.contains("float cache: 10 hits, 2 misses (83.3% hits); interned strings: 5"));
        assert!(!text.contains("WARNING"));
        assert!(text.lines().all(|l| l == l.trim_end()));
    }

    #[test]
    fn columns_are_aligned() {
        let text = render_table(&sample());
        let table: Vec<&str> =
            text.lines().skip_while(|l| !l.starts_with("subsystem")).take_while(|l| !l.starts_with('(')).collect();
        let widths: Vec<usize> = table.iter().map(|l| l.chars().count()).collect();
        // Right-aligned last column: every line of the table ends at the same column.
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{table:#?}");
    }

    #[test]
    fn accounting_mismatch_is_reported() {
        let mut s = sample();
        s.heap.in_use_bytes += 8;
        let text = render_table(&s);
        assert!(text.contains("WARNING: subsystems total 1696 bytes but the heap reports 1704"));
    }

    #[test]
    fn diff_table_shows_signed_changes_and_total() {
        let stock = {
            let mut s = Snapshot::new("login", "stock");
            s.subsystems = vec![row("dict", 4256, 8, 4256, 8), row("str", 300, 3, 300, 3)];
            s.heap.in_use_bytes = 4556;
            s
        };
        let tight = {
            let mut s = Snapshot::new("login", "tight");
            s.subsystems = vec![row("dict", 1280, 8, 1280, 8), row("str", 300, 3, 300, 3), row("set", 0, 0, 0, 0)];
            s.heap.in_use_bytes = 1580;
            s
        };
        let diff = Diff::between(&stock, &tight);
        let text = render_diff_table(&diff);
        assert!(text.starts_with("memory diff: login (tight) vs login (stock)\n"));
        let dict = cells_of(&text, "dict");
        assert_eq!(dict[3], "-2976 (-2.9 KiB)");
        assert_eq!(cells_of(&text, "str")[3], "0");
        let total = cells_of(&text, "TOTAL");
        assert_eq!(leading_number(total[1]), 4556);
        assert_eq!(leading_number(total[2]), 1580);
        assert_eq!(leading_number(total[3]), -2976);
        assert!(!text.lines().any(|l| l.starts_with("set ")));
        assert!(text.contains("login (tight) uses 2976 (2.9 KiB) fewer bytes than login (stock)"));
        assert!(!text.contains("note:"));
    }
}
