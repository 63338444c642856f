//! The intern table: one canonical string object per name-like text.
//!
//! Attribute names, global names and name-like dict keys are interned so that a
//! thousand instance dicts share one `"health"` and a lookup compares handles, not bytes.
//!
//! The table is an open-addressed array of string handles in the script heap (charged to
//! the `intern` subsystem), linear probing, at most 3/4 full, deletion by backward shift
//! (no tombstones). It holds *no* reference: when an interned string's last reference
//! goes, `destroy_str` removes it here, so interning never keeps memory alive.
//!
//! Invariant: every string with the INTERNED flag is in the table exactly once, and no
//! two table entries have equal text.

use crate::accounting::{BlockRole, Subsystem};
use crate::error::Result;
use crate::heap::HeapCorruption;
use crate::object::Kind;
use crate::str::FLAG_INTERNED;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Debug, Default)]
pub(crate) struct InternTable {
    /// Offset of the slot array (0 when there is none).
    table: u32,
    /// Slots in the array: 0 or a power of two, at least 8.
    slots: u32,
    count: u32,
}

const MIN_SLOTS: u32 = 8;

impl InternTable {
    pub(crate) fn len(&self) -> u32 {
        self.count
    }
}

impl Vm {
    /// The canonical interned string with `v`'s text, consuming the caller's reference to
    /// `v` and returning an owned one to the canonical string (which may be `v` itself).
    /// Non-strings are returned unchanged. On error the caller still owns `v`.
    pub fn intern(&mut self, v: Value) -> Result<Value> {
        let Some(at) = v.as_object() else {
            return Ok(v);
        };
        if !self.heap.is_kind(at, Kind::Str) || self.heap.flags(at) & FLAG_INTERNED != 0 {
            return Ok(v);
        }
        let hash = self.str_hash(at);
        if let Some(found) = self.find_interned(hash, self.str_bytes(at)) {
            let canonical = Value::from_offset(found);
            self.heap.incref(canonical);
            self.release(v);
            return Ok(canonical);
        }
        self.reserve_intern_slot()?;
        self.insert_interned(at, hash);
        let flags = self.heap.flags(at);
        self.heap.set_flags(at, flags | FLAG_INTERNED);
        Ok(v)
    }

    /// The interned string for `text`, made if needed (owned by the caller).
    pub fn intern_str(&mut self, text: &str) -> Result<Value> {
        let hash = crate::hash::hash_str_bytes(text.as_bytes());
        if let Some(found) = self.find_interned(hash, text.as_bytes()) {
            let v = Value::from_offset(found);
            self.heap.incref(v);
            return Ok(v);
        }
        // Reserve first, so that a full heap fails before the string exists.
        self.reserve_intern_slot()?;
        let at = self.new_str_object(text.as_bytes(), hash)?;
        self.insert_interned(at, hash);
        let flags = self.heap.flags(at);
        self.heap.set_flags(at, flags | FLAG_INTERNED);
        Ok(Value::from_offset(at))
    }

    fn slot_at(&self, i: u32) -> u32 {
        self.heap.region().read_u32(self.interned.table + 4 * i)
    }

    fn set_slot(&mut self, i: u32, at: u32) {
        let table = self.interned.table;
        self.heap.region_mut().write_u32(table + 4 * i, at)
    }

    fn find_interned(&self, hash: u32, text: &[u8]) -> Option<u32> {
        if self.interned.slots == 0 {
            return None;
        }
        let mask = self.interned.slots - 1;
        let mut i = hash & mask;
        loop {
            let at = self.slot_at(i);
            if at == 0 {
                return None;
            }
            if self.str_hash(at) == hash && self.str_bytes(at) == text {
                return Some(at);
            }
            i = (i + 1) & mask;
        }
    }

    /// Makes sure one more string fits, growing the table if needed.
    fn reserve_intern_slot(&mut self) -> Result<()> {
        let t = &self.interned;
        if (t.count + 1) * 4 <= t.slots * 3 {
            return Ok(());
        }
        let slots = (t.slots * 2).max(MIN_SLOTS);
        self.resize_intern_table(slots)
    }

    fn resize_intern_table(&mut self, slots: u32) -> Result<()> {
        let new_table = self.heap.allocate(slots * 4, Subsystem::Intern, BlockRole::Table)?;
        self.heap.region_mut().fill(new_table, slots as usize * 4, 0);
        let old = core::mem::replace(&mut self.interned, InternTable { table: new_table, slots, count: 0 });
        for i in 0..old.slots {
            let at = self.heap.region().read_u32(old.table + 4 * i);
            if at != 0 {
                self.insert_interned(at, self.str_hash(at));
            }
        }
        if old.slots != 0 {
            self.heap.free(old.table, old.slots * 4, Subsystem::Intern, BlockRole::Table);
        }
        Ok(())
    }

    fn insert_interned(&mut self, at: u32, hash: u32) {
        let mask = self.interned.slots - 1;
        let mut i = hash & mask;
        while self.slot_at(i) != 0 {
            i = (i + 1) & mask;
        }
        self.set_slot(i, at);
        self.interned.count += 1;
    }

    /// Removes a dying interned string (backward-shift deletion keeps probe chains whole).
    pub(crate) fn forget_interned(&mut self, at: u32) {
        let mask = self.interned.slots - 1;
        let mut hole = self.str_hash(at) & mask;
        while self.slot_at(hole) != at {
            hole = (hole + 1) & mask;
        }
        let mut i = hole;
        loop {
            i = (i + 1) & mask;
            let moving = self.slot_at(i);
            if moving == 0 {
                break;
            }
            let home = self.str_hash(moving) & mask;
            // Move `moving` into the hole unless its home lies cyclically in (hole, i].
            let stays = if hole <= i { hole < home && home <= i } else { hole < home || home <= i };
            if !stays {
                self.set_slot(hole, moving);
                hole = i;
            }
        }
        self.set_slot(hole, 0);
        self.interned.count -= 1;
        if self.interned.count == 0 {
            self.free_intern_table();
        } else if self.interned.slots > MIN_SLOTS && self.interned.count * 8 < self.interned.slots {
            // Shrinking is an optimisation: if the heap cannot give the smaller table
            // now, the current one stays valid.
            let _ = self.resize_intern_table(self.interned.slots / 2);
        }
    }

    /// Frees the slot array (at shutdown, or when the last interned string dies).
    pub(crate) fn free_intern_table(&mut self) {
        let t = core::mem::take(&mut self.interned);
        if t.slots != 0 {
            self.heap.free(t.table, t.slots * 4, Subsystem::Intern, BlockRole::Table);
        }
    }

    /// Every table entry is a live interned string found by its own probe; the count and
    /// uniqueness hold.
    pub(crate) fn verify_interned(&self) -> Result<(), HeapCorruption> {
        let mut seen = 0;
        for i in 0..self.interned.slots {
            let at = self.slot_at(i);
            if at == 0 {
                continue;
            }
            seen += 1;
            if !self.heap.is_kind(at, Kind::Str) || self.heap.flags(at) & FLAG_INTERNED == 0 {
                return Err(HeapCorruption { what: "intern table holds a non-interned object" });
            }
            if self.find_interned(self.str_hash(at), self.str_bytes(at)) != Some(at) {
                return Err(HeapCorruption { what: "interned string not found by its own probe" });
            }
        }
        if seen != self.interned.count {
            return Err(HeapCorruption { what: "intern count disagrees with the table" });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::vm;
    use alloc::format;
    use alloc::vec::Vec;

    #[test]
    fn interning_returns_one_object_per_text() {
        let mut vm = vm();
        let a = vm.intern_str("health").unwrap();
        let b = vm.intern_str("health").unwrap();
        assert_eq!(a, b);
        let c = vm.new_str("health").unwrap();
        assert!(!vm.is_interned(c));
        let c = vm.intern(c).unwrap();
        assert_eq!(c, a);
        assert_eq!(vm.refcount(a), Some(3));
        for v in [a, b, c] {
            vm.release(v);
        }
        assert_eq!(vm.memory().interned_strings, 0);
        assert_eq!(vm.bytes_in_use(), 0, "the table goes with the last interned string");
    }

    #[test]
    fn many_interned_strings_survive_growth_and_deletion() {
        let mut vm = vm();
        let names: Vec<_> = (0..500).map(|i| vm.intern_str(&format!("name_{i}")).unwrap()).collect();
        vm.verify().unwrap();
        for (i, v) in names.iter().enumerate() {
            if i % 3 == 0 {
                vm.release(*v);
            }
        }
        vm.verify().unwrap();
        for (i, v) in names.iter().enumerate() {
            if i % 3 != 0 {
                assert_eq!(vm.intern_str(&format!("name_{i}")).unwrap(), *v);
                vm.release(*v);
                vm.release(*v);
            }
        }
        vm.verify().unwrap();
        assert_eq!(vm.bytes_in_use(), 0);
    }
}
