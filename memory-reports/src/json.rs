//! JSON output of the report model, for tools and dashboards.
//!
//! Owns: the JSON form of [`Snapshot`](crate::Snapshot), [`Series`](crate::Series) and
//! [`Diff`](crate::Diff).
//! Promises: the JSON is the serde form of the model, field for field (names as in the Rust
//! types, `frame: null` when absent), so reading it back gives an equal value.
//! Must never: add figures the model does not hold; a derived total belongs to the reader.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why JSON could not be written or read.
pub use serde_json::Error as JsonError;

/// Marker for the model types that have a JSON form.
pub trait Report: Serialize + DeserializeOwned {}

impl Report for crate::Snapshot {}
impl Report for crate::Series {}
impl Report for crate::Diff {}

/// Compact JSON (one line) of a snapshot, series or diff.
pub fn to_json<T: Report>(report: &T) -> Result<String, JsonError> {
    serde_json::to_string(report)
}

/// Indented JSON of a snapshot, series or diff, for files people read.
pub fn to_json_pretty<T: Report>(report: &T) -> Result<String, JsonError> {
    serde_json::to_string_pretty(report)
}

/// Reads back what [`to_json`] or [`to_json_pretty`] wrote.
pub fn from_json<T: Report>(text: &str) -> Result<T, JsonError> {
    serde_json::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diff, HeapTotals, Series, Snapshot, SubsystemRow};

    fn sample(frame: u64, dict_bytes: u64) -> Snapshot {
        Snapshot {
            label: format!("frame {frame}, \"login\""),
            frame: Some(frame),
            profile: "tight".to_string(),
            heap: HeapTotals {
                region_bytes: 65536,
                in_use_bytes: dict_bytes + 24,
                high_water_bytes: 4096,
                free_bytes: 65536 - dict_bytes - 24,
                pool_pages: 2,
                pool_slack_bytes: 40,
                failed_allocations: 1,
            },
            subsystems: vec![
                SubsystemRow {
                    name: "dict".to_string(),
                    live_bytes: dict_bytes,
                    live_objects: 2,
                    high_water_bytes: 512,
                    total_allocations: 7,
                },
                SubsystemRow {
                    name: "str".to_string(),
                    live_bytes: 24,
                    live_objects: 1,
                    high_water_bytes: 24,
                    total_allocations: 1,
                },
            ],
            float_cache_hits: 9,
            float_cache_misses: 4,
            interned_strings: 3,
        }
    }

    #[test]
    fn snapshot_round_trips() {
        let snapshot = sample(3, 160);
        let text = to_json(&snapshot).unwrap();
        assert!(!text.contains('\n'));
        let back: Snapshot = from_json(&text).unwrap();
        assert_eq!(back, snapshot);
    }

    #[test]
    fn json_uses_the_model_field_names() {
        let mut snapshot = sample(3, 160);
        snapshot.frame = None;
        let value: serde_json::Value = serde_json::from_str(&to_json(&snapshot).unwrap()).unwrap();
        assert_eq!(value["frame"], serde_json::Value::Null);
        assert_eq!(value["label"], "frame 3, \"login\"");
        assert_eq!(value["heap"]["pool_pages"], 2);
        assert_eq!(value["subsystems"][0]["name"], "dict");
        assert_eq!(value["subsystems"][0]["live_bytes"], 160);
        assert_eq!(value["float_cache_misses"], 4);
    }

    #[test]
    fn series_and_diff_round_trip_pretty() {
        let series = Series { snapshots: vec![sample(0, 64), sample(1, 160)] };
        let text = to_json_pretty(&series).unwrap();
        assert!(text.contains('\n'));
        assert_eq!(from_json::<Series>(&text).unwrap(), series);

        let diff = Diff::between(&series.snapshots[0], &series.snapshots[1]);
        let back: Diff = from_json(&to_json(&diff).unwrap()).unwrap();
        assert_eq!(back, diff);
        assert_eq!(back.total_delta_bytes(), 96);
    }

    #[test]
    fn bad_json_is_an_error() {
        assert!(from_json::<Snapshot>("{\"label\": 3}").is_err());
    }
}
