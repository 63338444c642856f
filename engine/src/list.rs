//! Lists: a small fixed object and a separate, growable array of handles.
//!
//! ```text
//! object: +0 header   +8 length: u32   +12 capacity: u32   +16 items: u32 (offset, 0 if none)
//! items:  [Value; capacity]            (charged to `list` as a table)
//! ```
//!
//! Growth over-allocates by 1/8 plus a little (amortised O(1) append with less slack
//! than CPython's); popping below half the capacity gives memory back. A failed growth
//! leaves the list as it was and reports `MemoryError`.

use crate::accounting::{BlockRole, Subsystem};
use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::tuple::{resolve_index, MAX_ITEMS};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const OBJECT_BYTES: u32 = 20;

/// Capacity to allocate when a list must hold `needed` items.
fn grown_capacity(needed: u32) -> u32 {
    (needed + needed / 8 + 3) & !1
}

impl Vm {
    /// A list holding `items` (borrowed: each gains a reference), exactly sized.
    pub fn new_list(&mut self, items: &[Value]) -> Result<Value> {
        if items.len() > MAX_ITEMS {
            return Err(Error::Memory);
        }
        let at = self.heap.new_object(Kind::List, OBJECT_BYTES)?;
        let r = self.heap.region_mut();
        r.write_u32(at + 8, 0);
        r.write_u32(at + 12, 0);
        r.write_u32(at + 16, 0);
        if !items.is_empty() {
            if let Err(e) = self.resize_list_table(at, items.len() as u32) {
                self.heap.free_object(at, Kind::List, OBJECT_BYTES);
                return Err(e);
            }
            let table = self.heap.region().read_u32(at + 16);
            for (i, &item) in items.iter().enumerate() {
                self.heap.incref(item);
                self.heap.write_value(table + 4 * i as u32, item);
            }
            self.heap.region_mut().write_u32(at + 8, items.len() as u32);
        }
        Ok(Value::from_offset(at))
    }

    /// Number of items (0 for non-lists).
    pub fn list_len(&self, l: Value) -> u32 {
        self.object_of_kind(Kind::List, l).map_or(0, |at| self.heap.region().read_u32(at + 8))
    }

    /// Item `i` (in range), borrowed.
    pub(crate) fn list_item(&self, l: Value, i: u32) -> Value {
        let at = l.as_object().unwrap_or_default();
        debug_assert!(i < self.list_len(l));
        let table = self.heap.region().read_u32(at + 16);
        self.heap.read_value(table + 4 * i)
    }

    /// `l[index]`; the item is owned by the caller.
    pub fn list_get(&mut self, l: Value, index: i64) -> Result<Value> {
        self.object_of_kind(Kind::List, l)?;
        let i = resolve_index(index, self.list_len(l)).ok_or(Error::Index("list index out of range"))?;
        let item = self.list_item(l, i);
        self.heap.incref(item);
        Ok(item)
    }

    /// `l[index] = v` (`v` borrowed).
    pub fn list_set(&mut self, l: Value, index: i64, v: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::List, l)?;
        let i = resolve_index(index, self.list_len(l)).ok_or(Error::Index("list assignment index out of range"))?;
        let slot = self.heap.region().read_u32(at + 16) + 4 * i;
        let old = self.heap.read_value(slot);
        self.heap.incref(v);
        self.heap.write_value(slot, v);
        self.release(old);
        Ok(())
    }

    /// `l.append(v)` (`v` borrowed).
    pub fn list_append(&mut self, l: Value, v: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::List, l)?;
        let len = self.heap.region().read_u32(at + 8);
        if len as usize >= MAX_ITEMS {
            return Err(Error::Memory);
        }
        if len == self.heap.region().read_u32(at + 12) {
            self.resize_list_table(at, grown_capacity(len + 1))?;
        }
        let table = self.heap.region().read_u32(at + 16);
        self.heap.incref(v);
        self.heap.write_value(table + 4 * len, v);
        self.heap.region_mut().write_u32(at + 8, len + 1);
        Ok(())
    }

    /// `l.pop()`; the item is owned by the caller.
    pub fn list_pop(&mut self, l: Value) -> Result<Value> {
        let at = self.object_of_kind(Kind::List, l)?;
        let len = self.heap.region().read_u32(at + 8);
        if len == 0 {
            return Err(Error::Index("pop from empty list"));
        }
        let item = self.list_item(l, len - 1);
        self.heap.region_mut().write_u32(at + 8, len - 1);
        let capacity = self.heap.region().read_u32(at + 12);
        if len - 1 < capacity / 2 {
            // Giving memory back is best-effort: on failure the larger table stays valid.
            let _ = self.resize_list_table(at, if len == 1 { 0 } else { grown_capacity(len - 1) });
        }
        Ok(item)
    }

    /// `l.pop(index)` with Python's index rules; the item is owned by the caller.
    pub fn list_pop_at(&mut self, l: Value, index: i64) -> Result<Value> {
        let at = self.object_of_kind(Kind::List, l)?;
        let len = self.heap.region().read_u32(at + 8);
        if len == 0 {
            return Err(Error::Index("pop from empty list"));
        }
        let i = resolve_index(index, len).ok_or(Error::Index("pop index out of range"))?;
        let table = self.heap.region().read_u32(at + 16);
        let item = self.heap.read_value(table + 4 * i);
        self.heap.region_mut().copy_within(table + 4 * (i + 1), table + 4 * i, 4 * (len - i - 1) as usize);
        // The last slot now holds the moved-down item; popping it hands back our `item`.
        self.heap.write_value(table + 4 * (len - 1), item);
        self.list_pop(l)
    }

    /// `l.insert(index, v)` (`v` borrowed); the index is clamped as in Python.
    pub fn list_insert(&mut self, l: Value, index: i64, v: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::List, l)?;
        self.list_append(l, v)?;
        let len = self.heap.region().read_u32(at + 8);
        let old_len = i64::from(len - 1);
        let i = if index < 0 { (index + old_len).max(0) } else { index.min(old_len) } as u32;
        let table = self.heap.region().read_u32(at + 16);
        self.heap.region_mut().copy_within(table + 4 * i, table + 4 * (i + 1), 4 * (len - 1 - i) as usize);
        self.heap.write_value(table + 4 * i, v);
        Ok(())
    }

    /// Makes the list hold exactly `items` (borrowed), in order.
    pub(crate) fn list_replace_all(&mut self, l: Value, items: &[Value]) -> Result<()> {
        let replacement = self.new_list(items)?;
        let at = self.object_of_kind(Kind::List, l)?;
        let other = replacement.as_object().unwrap_or_default();
        // Swap the tables: the list takes the new items, the temporary the old ones.
        for offset in [8, 12, 16] {
            let mine = self.heap.region().read_u32(at + offset);
            let theirs = self.heap.region().read_u32(other + offset);
            self.heap.region_mut().write_u32(at + offset, theirs);
            self.heap.region_mut().write_u32(other + offset, mine);
        }
        self.release(replacement);
        Ok(())
    }

    /// Writes `items` (a permutation of the list's own items) back in order.
    pub(crate) fn list_rewrite(&mut self, l: Value, items: &[Value]) {
        let Ok(at) = self.object_of_kind(Kind::List, l) else { return };
        debug_assert_eq!(items.len() as u32, self.heap.region().read_u32(at + 8));
        let table = self.heap.region().read_u32(at + 16);
        for (i, &item) in items.iter().enumerate() {
            self.heap.write_value(table + 4 * i as u32, item);
        }
    }

    /// `l.clear()`: drops every item and the table.
    pub fn list_clear(&mut self, l: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::List, l)?;
        let mut dead = DeadStack::default();
        self.empty_list_into(at, &mut dead);
        self.destroy_dead(&mut dead);
        Ok(())
    }

    /// Moves the items to a table of `capacity` (>= length); 0 frees the table.
    fn resize_list_table(&mut self, at: u32, capacity: u32) -> Result<()> {
        let r = self.heap.region();
        let (len, old_capacity, old_table) = (r.read_u32(at + 8), r.read_u32(at + 12), r.read_u32(at + 16));
        debug_assert!(capacity >= len);
        let table =
            if capacity == 0 { 0 } else { self.heap.allocate(4 * capacity, Subsystem::List, BlockRole::Table)? };
        if len > 0 {
            self.heap.region_mut().copy_within(old_table, table, 4 * len as usize);
        }
        if old_capacity > 0 {
            self.heap.free(old_table, 4 * old_capacity, Subsystem::List, BlockRole::Table);
        }
        let r = self.heap.region_mut();
        r.write_u32(at + 12, capacity);
        r.write_u32(at + 16, table);
        Ok(())
    }

    /// Releases every item onto `dead` and frees the table, leaving an empty list.
    fn empty_list_into(&mut self, at: u32, dead: &mut DeadStack) {
        let r = self.heap.region();
        let (len, capacity, table) = (r.read_u32(at + 8), r.read_u32(at + 12), r.read_u32(at + 16));
        for i in 0..len {
            let item = self.heap.read_value(table + 4 * i);
            dead.release(&mut self.heap, item);
        }
        if capacity > 0 {
            self.heap.free(table, 4 * capacity, Subsystem::List, BlockRole::Table);
        }
        let r = self.heap.region_mut();
        r.write_u32(at + 8, 0);
        r.write_u32(at + 12, 0);
        r.write_u32(at + 16, 0);
    }

    pub(crate) fn list_table_bytes(&self, at: u32) -> u64 {
        let r = self.heap.region();
        let (capacity, table) = (r.read_u32(at + 12), r.read_u32(at + 16));
        if capacity == 0 {
            0
        } else {
            u64::from(self.heap.block_bytes(table, 4 * capacity))
        }
    }

    pub(crate) fn destroy_list(&mut self, at: u32, dead: &mut DeadStack) {
        self.empty_list_into(at, dead);
        self.heap.free_object(at, Kind::List, OBJECT_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    #[test]
    fn sizes_match_the_layout() {
        let mut vm = vm();
        let empty = vm.new_list(&[]).unwrap();
        assert_eq!(vm.getsizeof(empty), 24);
        let three = vm.new_list(&[int(1), int(2), int(3)]).unwrap();
        assert_eq!(vm.getsizeof(three), 24 + 16);
        vm.release(empty);
        vm.release(three);
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn append_pop_set_behave_like_python() {
        let mut vm = vm();
        let l = vm.new_list(&[]).unwrap();
        for i in 0..1000 {
            vm.list_append(l, int(i)).unwrap();
        }
        assert_eq!(vm.list_len(l), 1000);
        assert_eq!(vm.list_get(l, -1).unwrap(), int(999));
        vm.list_set(l, 0, Value::NONE).unwrap();
        assert_eq!(vm.list_get(l, 0).unwrap(), Value::NONE);
        assert_eq!(vm.list_set(l, 1000, Value::NONE).unwrap_err(), Error::Index("list assignment index out of range"));
        let big = vm.getsizeof(l);
        for i in (1..1000).rev() {
            assert_eq!(vm.list_pop(l).unwrap(), int(i));
        }
        assert!(vm.getsizeof(l) < big / 10, "popping gives memory back");
        assert_eq!(vm.list_pop(l).unwrap(), Value::NONE);
        assert_eq!(vm.list_pop(l).unwrap_err(), Error::Index("pop from empty list"));
        assert_eq!(vm.getsizeof(l), 24);
        vm.release(l);
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn clear_releases_items() {
        let mut vm = vm();
        let s = vm.new_str("item").unwrap();
        let l = vm.new_list(&[s, s]).unwrap();
        vm.release(s);
        vm.list_clear(l).unwrap();
        assert_eq!(vm.subsystem(Subsystem::Str).live_objects, 0);
        assert_eq!(vm.list_len(l), 0);
        vm.release(l);
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn type_confusion_is_an_error() {
        let mut vm = vm();
        let t = vm.new_tuple(&[int(1)]).unwrap();
        assert_eq!(vm.list_append(t, int(2)).unwrap_err(), Error::Type("expected a list"));
        assert!(vm.list_append(int(5), int(2)).is_err());
        vm.release(t);
    }
}
