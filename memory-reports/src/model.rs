//! The report model: what one memory snapshot of a VM says, a series of them over frames,
//! and the difference between two of them.
//!
//! Owns: the plain data types every renderer reads ([`Snapshot`], [`Series`], [`Diff`]).
//! Promises: the types are plain values (no engine types, no references into a VM), they
//! serialise with serde field-for-field, and every derived figure (totals, deltas) is computed
//! from the rows, so a total always equals the sum it claims to be.
//! Must never: run scripts, depend on the engine crate, or estimate a number it was not given.

use serde::{Deserialize, Serialize};

/// One subsystem's line in a snapshot (a subsystem is a named owner of heap bytes: "str",
/// "dict", "frame", ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsystemRow {
    /// The subsystem's report name, e.g. `"dict"`.
    pub name: String,
    /// Bytes the subsystem owns right now (allocator rounding included).
    pub live_bytes: u64,
    /// Objects (blocks) the subsystem owns right now.
    pub live_objects: u64,
    /// The most bytes the subsystem has owned at any one time.
    pub high_water_bytes: u64,
    /// Allocations the subsystem has made since the heap was created.
    pub total_allocations: u64,
}

impl SubsystemRow {
    /// A row with the given name and all counters zero.
    pub fn new(name: impl Into<String>) -> SubsystemRow {
        SubsystemRow { name: name.into(), ..SubsystemRow::default() }
    }

    /// True when the subsystem owns nothing and has never allocated: such rows are left out
    /// of the terminal tables and charts.
    pub fn is_idle(&self) -> bool {
        self.live_bytes == 0 && self.total_allocations == 0
    }
}

/// The heap's own figures, reported by the allocator independently of the subsystem rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeapTotals {
    /// Size of the region the host lent to the VM.
    pub region_bytes: u64,
    /// Bytes handed out to blocks right now (should equal the sum of the subsystem rows).
    pub in_use_bytes: u64,
    /// The most bytes ever in use at one time.
    pub high_water_bytes: u64,
    /// Bytes the allocator could still hand out.
    pub free_bytes: u64,
    /// Pages currently owned by the small-block pools.
    pub pool_pages: u32,
    /// Bytes inside pool pages that no block uses (the cost of size classes).
    pub pool_slack_bytes: u64,
    /// Allocations that did not fit (each raised `MemoryError` in a script).
    pub failed_allocations: u64,
}

/// Everything known about one VM's memory at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// What the moment was, e.g. `"frame 12"` or `"after load"`.
    pub label: String,
    /// The frame number, when the snapshot was taken inside a frame loop.
    pub frame: Option<u64>,
    /// The runtime profile the VM ran with, e.g. `"tight"` or `"stock"`.
    pub profile: String,
    /// The allocator's own totals.
    pub heap: HeapTotals,
    /// One row per subsystem, in report order.
    pub subsystems: Vec<SubsystemRow>,
    /// Float results served by the shared integral-float cache.
    pub float_cache_hits: u64,
    /// Float results that needed a new float object.
    pub float_cache_misses: u64,
    /// Strings in the intern table.
    pub interned_strings: u64,
}

impl Snapshot {
    /// An empty snapshot with a label and a profile; fill the rest field by field.
    pub fn new(label: impl Into<String>, profile: impl Into<String>) -> Snapshot {
        Snapshot { label: label.into(), profile: profile.into(), ..Snapshot::default() }
    }

    /// The row of the subsystem called `name`, if the snapshot has one.
    pub fn subsystem(&self, name: &str) -> Option<&SubsystemRow> {
        self.subsystems.iter().find(|row| row.name == name)
    }

    /// Live bytes of the subsystem called `name`; zero when it has no row.
    pub fn live_bytes_of(&self, name: &str) -> u64 {
        self.subsystem(name).map_or(0, |row| row.live_bytes)
    }

    /// The sum of the rows, field by field (the TOTAL row of the tables). The high-water
    /// figure is the sum of per-subsystem peaks, an upper bound of the heap's own peak.
    pub fn totals(&self) -> SubsystemRow {
        let mut total = SubsystemRow::new("TOTAL");
        for row in &self.subsystems {
            total.live_bytes = total.live_bytes.saturating_add(row.live_bytes);
            total.live_objects = total.live_objects.saturating_add(row.live_objects);
            total.high_water_bytes = total.high_water_bytes.saturating_add(row.high_water_bytes);
            total.total_allocations = total.total_allocations.saturating_add(row.total_allocations);
        }
        total
    }

    /// True when the subsystem rows add up to the allocator's bytes in use, as the engine
    /// promises. A `false` here is worth a bug report.
    pub fn accounting_agrees(&self) -> bool {
        self.totals().live_bytes == self.heap.in_use_bytes
    }

    /// The share of float results served by the cache, in `0.0..=1.0`; `None` before any
    /// float result.
    pub fn float_cache_hit_rate(&self) -> Option<f64> {
        let all = self.float_cache_hits.saturating_add(self.float_cache_misses);
        if all == 0 {
            None
        } else {
            Some(self.float_cache_hits as f64 / all as f64)
        }
    }

    /// A one-line name for headings: the label, plus the frame when the label does not
    /// already say it, plus the profile, e.g. `"after load (frame 3, tight)"`.
    pub fn title(&self) -> String {
        let mut extra = Vec::new();
        if let Some(frame) = self.frame {
            let frame_text = format!("frame {frame}");
            if !self.label.contains(&frame_text) {
                extra.push(frame_text);
            }
        }
        if !self.profile.is_empty() {
            extra.push(self.profile.clone());
        }
        if extra.is_empty() {
            self.label.clone()
        } else if self.label.is_empty() {
            extra.join(", ")
        } else {
            format!("{} ({})", self.label, extra.join(", "))
        }
    }
}

/// Snapshots of one VM over time, oldest first (usually one per frame).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// The snapshots, oldest first.
    pub snapshots: Vec<Snapshot>,
}

impl Series {
    /// An empty series.
    pub fn new() -> Series {
        Series::default()
    }

    /// Appends the newest snapshot.
    pub fn push(&mut self, snapshot: Snapshot) {
        self.snapshots.push(snapshot);
    }

    /// Number of snapshots.
    pub fn len(&self) -> usize {
        self.snapshots.len()
    }

    /// True when the series has no snapshot.
    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
    }

    /// Every subsystem name that appears in any snapshot, in order of first appearance.
    pub fn subsystem_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for snapshot in &self.snapshots {
            for row in &snapshot.subsystems {
                if !names.contains(&row.name) {
                    names.push(row.name.clone());
                }
            }
        }
        names
    }

    /// The largest sum of live subsystem bytes over the series (zero when empty).
    pub fn peak_live_bytes(&self) -> u64 {
        self.snapshots.iter().map(|s| s.totals().live_bytes).max().unwrap_or(0)
    }

    /// The change from the first snapshot to the last; `None` when the series is empty.
    pub fn first_to_last(&self) -> Option<Diff> {
        match (self.snapshots.first(), self.snapshots.last()) {
            (Some(first), Some(last)) => Some(Diff::between(first, last)),
            _ => None,
        }
    }
}

/// One subsystem's change between two snapshots.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRow {
    /// The subsystem's report name.
    pub name: String,
    /// Live bytes in the "before" snapshot (zero when it had no row).
    pub before_bytes: u64,
    /// Live bytes in the "after" snapshot (zero when it had no row).
    pub after_bytes: u64,
    /// Live objects in the "before" snapshot.
    pub before_objects: u64,
    /// Live objects in the "after" snapshot.
    pub after_objects: u64,
}

impl DiffRow {
    /// `after_bytes - before_bytes`: negative when memory was saved.
    pub fn delta_bytes(&self) -> i64 {
        signed_delta(self.before_bytes, self.after_bytes)
    }

    /// `after_objects - before_objects`.
    pub fn delta_objects(&self) -> i64 {
        signed_delta(self.before_objects, self.after_objects)
    }

    /// True when both sides own nothing: such rows are left out of the diff table.
    pub fn is_empty(&self) -> bool {
        self.before_bytes == 0 && self.after_bytes == 0 && self.before_objects == 0 && self.after_objects == 0
    }
}

/// The change between two snapshots: "frame 10 vs frame 0", or "tight vs stock" for the
/// same scene run under two profiles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diff {
    /// [`Snapshot::title`] of the "before" (baseline) snapshot.
    pub before: String,
    /// [`Snapshot::title`] of the "after" snapshot.
    pub after: String,
    /// One row per subsystem found in either snapshot: the baseline's order first, then
    /// subsystems only the "after" snapshot has.
    pub rows: Vec<DiffRow>,
    /// The allocator's bytes in use before.
    pub before_in_use_bytes: u64,
    /// The allocator's bytes in use after.
    pub after_in_use_bytes: u64,
}

impl Diff {
    /// The change from `before` (the baseline) to `after`.
    pub fn between(before: &Snapshot, after: &Snapshot) -> Diff {
        let mut rows: Vec<DiffRow> = before
            .subsystems
            .iter()
            .map(|row| DiffRow {
                name: row.name.clone(),
                before_bytes: row.live_bytes,
                before_objects: row.live_objects,
                ..DiffRow::default()
            })
            .collect();
        for row in &after.subsystems {
            let index = match rows.iter().position(|r| r.name == row.name) {
                Some(index) => index,
                None => {
                    rows.push(DiffRow { name: row.name.clone(), ..DiffRow::default() });
                    rows.len() - 1
                }
            };
            let target = &mut rows[index];
            target.after_bytes = target.after_bytes.saturating_add(row.live_bytes);
            target.after_objects = target.after_objects.saturating_add(row.live_objects);
        }
        Diff {
            before: before.title(),
            after: after.title(),
            rows,
            before_in_use_bytes: before.heap.in_use_bytes,
            after_in_use_bytes: after.heap.in_use_bytes,
        }
    }

    /// The sum of the rows, field by field, as a row named `TOTAL`.
    pub fn totals(&self) -> DiffRow {
        let mut total = DiffRow { name: "TOTAL".to_string(), ..DiffRow::default() };
        for row in &self.rows {
            total.before_bytes = total.before_bytes.saturating_add(row.before_bytes);
            total.after_bytes = total.after_bytes.saturating_add(row.after_bytes);
            total.before_objects = total.before_objects.saturating_add(row.before_objects);
            total.after_objects = total.after_objects.saturating_add(row.after_objects);
        }
        total
    }

    /// Total change in live subsystem bytes, `after - before`.
    pub fn total_delta_bytes(&self) -> i64 {
        self.totals().delta_bytes()
    }

    /// Total change in live objects, `after - before`.
    pub fn total_delta_objects(&self) -> i64 {
        self.totals().delta_objects()
    }

    /// Bytes the "after" snapshot saves against the baseline (negative when it costs more):
    /// `Diff::between(&stock, &tight).saved_bytes()` is "tight saved N bytes vs stock".
    pub fn saved_bytes(&self) -> i64 {
        let total = self.totals();
        signed_delta(total.after_bytes, total.before_bytes)
    }
}

/// `after - before` as a signed number, clamped to the `i64` range.
fn signed_delta(before: u64, after: u64) -> i64 {
    let delta = i128::from(after) - i128::from(before);
    i64::try_from(delta).unwrap_or(if delta < 0 { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, bytes: u64, objects: u64) -> SubsystemRow {
        SubsystemRow {
            name: name.to_string(),
            live_bytes: bytes,
            live_objects: objects,
            high_water_bytes: bytes * 2,
            total_allocations: objects * 3,
        }
    }

    fn snapshot(label: &str, profile: &str, rows: Vec<SubsystemRow>) -> Snapshot {
        let mut s = Snapshot::new(label, profile);
        s.subsystems = rows;
        s.heap.in_use_bytes = s.totals().live_bytes;
        s
    }

    #[test]
    fn totals_sum_every_field() {
        let s = snapshot("x", "tight", vec![row("str", 100, 2), row("dict", 40, 1)]);
        let t = s.totals();
        assert_eq!(t.name, "TOTAL");
        assert_eq!(t.live_bytes, 140);
        assert_eq!(t.live_objects, 3);
        assert_eq!(t.high_water_bytes, 280);
        assert_eq!(t.total_allocations, 9);
        assert!(s.accounting_agrees());
    }

    #[test]
    fn idle_rows_are_zero_bytes_and_zero_allocations() {
        assert!(SubsystemRow::new("set").is_idle());
        let mut freed = SubsystemRow::new("list");
        freed.total_allocations = 4;
        assert!(!freed.is_idle());
    }

    #[test]
    fn title_mentions_frame_once_and_profile() {
        let mut s = Snapshot::new("frame 12", "tight");
        s.frame = Some(12);
        assert_eq!(s.title(), "frame 12 (tight)");
        s.label = "after load".to_string();
        assert_eq!(s.title(), "after load (frame 12, tight)");
        s.frame = None;
        s.profile.clear();
        assert_eq!(s.title(), "after load");
    }

    #[test]
    fn float_hit_rate() {
        let mut s = Snapshot::new("x", "tight");
        assert_eq!(s.float_cache_hit_rate(), None);
        s.float_cache_hits = 3;
        s.float_cache_misses = 1;
        assert_eq!(s.float_cache_hit_rate(), Some(0.75));
    }

    #[test]
    fn diff_unions_subsystems_and_signs_deltas() {
        let stock = snapshot("login", "stock", vec![row("dict", 532, 1), row("str", 50, 5)]);
        let tight = snapshot("login", "tight", vec![row("dict", 160, 1), row("set", 8, 1)]);
        let diff = Diff::between(&stock, &tight);
        let names: Vec<&str> = diff.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["dict", "str", "set"]);
        assert_eq!(diff.rows[0].delta_bytes(), -372);
        assert_eq!(diff.rows[1].delta_bytes(), -50);
        assert_eq!(diff.rows[1].delta_objects(), -5);
        assert_eq!(diff.rows[2].delta_bytes(), 8);
        assert_eq!(diff.total_delta_bytes(), 168 - 582);
        assert_eq!(diff.saved_bytes(), 582 - 168);
        assert_eq!(diff.before, "login (stock)");
        assert_eq!(diff.after, "login (tight)");
    }

    #[test]
    fn signed_delta_clamps() {
        assert_eq!(signed_delta(0, u64::MAX), i64::MAX);
        assert_eq!(signed_delta(u64::MAX, 0), i64::MIN);
        assert_eq!(signed_delta(5, 3), -2);
    }

    #[test]
    fn series_names_peak_and_first_to_last() {
        let mut series = Series::new();
        assert!(series.first_to_last().is_none());
        series.push(snapshot("frame 0", "tight", vec![row("str", 10, 1)]));
        series.push(snapshot("frame 1", "tight", vec![row("str", 30, 2), row("dict", 64, 1)]));
        series.push(snapshot("frame 2", "tight", vec![row("dict", 8, 1)]));
        assert_eq!(series.subsystem_names(), ["str", "dict"]);
        assert_eq!(series.peak_live_bytes(), 94);
        let diff = series.first_to_last();
        assert_eq!(diff.map(|d| d.total_delta_bytes()), Some(-2));
    }
}
