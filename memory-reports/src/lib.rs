//! mote-reports: the memory report model and its renderers.
//!
//! Owns: the plain data a host collects from a VM ([`Snapshot`], [`Series`] over frames,
//! [`Diff`] between two snapshots) and its output forms: a terminal table, JSON, CSV and an
//! SVG chart.
//! Promises: renderers are pure functions of the model (same input, same text), totals are
//! sums of the rows they sit under, and byte figures are exact (the human form is shown
//! beside the exact count, never instead of it).
//! Must never: depend on the engine crate or run scripts; the host (`mote-sim`) fills the
//! model from the engine's statistics.

pub mod bytes;
pub mod csv;
pub mod json;
pub mod model;
pub mod svg;
pub mod table;

pub use bytes::{format_bytes, format_bytes_signed};
pub use csv::{diff_to_csv, series_heap_to_csv, series_to_csv, snapshot_to_csv};
pub use json::{from_json, to_json, to_json_pretty, JsonError, Report};
pub use model::{Diff, DiffRow, HeapTotals, Series, Snapshot, SubsystemRow};
pub use svg::{render_series_svg, render_series_svg_with, SvgOptions};
pub use table::{render_diff_table, render_table};
