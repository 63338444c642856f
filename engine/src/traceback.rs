//! Tracebacks: where an error passed through, as a chain of (code, line) records.
//!
//! ```text
//! record (20 bytes): +8 next record (the callee's; NULL for the innermost)  +12 code
//!                    +16 line: u32
//! ```
//!
//! A record holds the code object and the line, never the frame. A traceback therefore
//! keeps no locals alive, and storing an exception in a local of a frame in its own
//! traceback can never form a cycle (the seed's "traceback reference cycle problem").
//! The chain runs outermost first, as Python prints it ("most recent call last"): as an
//! error unwinds from the innermost frame outwards, each frame's record is put in front.

use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) const RECORD_BYTES: u32 = 20;

/// One line of a traceback, as a host prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracebackEntry {
    pub file: String,
    pub line: u32,
    /// The function's name, `<module>` for module code.
    pub function: String,
}

/// The last part of a qualified name (`C.m` -> `m`), what tracebacks and `__name__` show.
pub(crate) fn short_name(qualname: &str) -> &str {
    qualname.rsplit('.').next().unwrap_or(qualname)
}

impl Vm {
    /// Puts a record for `code` at `line` in front of `next` (owned, may be NULL), returning
    /// the new head (owned). If the heap is full, the traceback stays shorter.
    pub(crate) fn push_traceback(&mut self, next: Value, code: Value, line: u32) -> Value {
        let Ok(at) = self.heap.new_object(Kind::Traceback, RECORD_BYTES) else { return next };
        self.heap.incref(code);
        self.heap.write_value(at + 8, next);
        self.heap.write_value(at + 12, code);
        self.heap.region_mut().write_u32(at + 16, line);
        Value::from_offset(at)
    }

    /// The records of a traceback chain, outermost first.
    pub fn traceback_entries(&self, traceback: Value) -> Vec<TracebackEntry> {
        let mut entries = Vec::new();
        let mut at = traceback;
        while let Some(record) = at.as_object().filter(|&r| self.heap.is_kind(r, Kind::Traceback)) {
            let code = self.heap.read_value(record + 12).as_object().unwrap_or_default();
            entries.push(TracebackEntry {
                file: self.as_str(self.code_file(code)).unwrap_or("?").into(),
                line: self.heap.region().read_u32(record + 16),
                function: short_name(self.as_str(self.code_name(code)).unwrap_or("?")).into(),
            });
            at = self.heap.read_value(record + 8);
        }
        entries
    }

    /// Records that the exception being raised left a frame running `code` at
    /// instruction `failed_at`: a record goes in front of the exception's traceback.
    pub(crate) fn record_unwind(&mut self, code: u32, failed_at: u32) {
        let Some(exception) = self.raised.as_object() else { return };
        let line = self.code_line_of(code, failed_at);
        // The old chain's reference moves into the new record.
        let old = self.heap.read_value(exception + 16);
        let head = self.push_traceback(old, Value::from_offset(code), line);
        self.heap.write_value(exception + 16, head);
    }

    pub(crate) fn destroy_traceback(&mut self, at: u32, dead: &mut DeadStack) {
        for slot in [8, 12] {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free_object(at, Kind::Traceback, RECORD_BYTES);
    }
}
