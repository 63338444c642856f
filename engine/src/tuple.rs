//! Tuples: an immutable run of handles inside the object itself.
//!
//! ```text
//! +0 header   +8 length: u32   +12 items: [Value; length]
//! ```
//!
//! `()` is one shared object per VM, made on first use and released at shutdown.
//! A tuple owns one reference to each item.

use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;

const ITEMS: u32 = 12;
/// The most items a tuple (or list) may hold: its block must fit in 32 bits.
pub const MAX_ITEMS: usize = (u32::MAX / 8) as usize;

/// Python's index rules: negative counts from the end; `None` when out of range.
pub(crate) fn resolve_index(index: i64, len: u32) -> Option<u32> {
    let i = if index < 0 { index + i64::from(len) } else { index };
    (0..i64::from(len)).contains(&i).then_some(i as u32)
}

impl Vm {
    /// A tuple of `items` (borrowed: each gains a reference); owned by the caller.
    pub fn new_tuple(&mut self, items: &[Value]) -> Result<Value> {
        if items.is_empty() {
            return self.empty_tuple();
        }
        if items.len() > MAX_ITEMS {
            return Err(Error::Memory);
        }
        let at = self.heap.new_object(Kind::Tuple, ITEMS + 4 * items.len() as u32)?;
        self.heap.region_mut().write_u32(at + 8, items.len() as u32);
        for (i, &item) in items.iter().enumerate() {
            self.heap.incref(item);
            self.heap.write_value(at + ITEMS + 4 * i as u32, item);
        }
        Ok(Value::from_offset(at))
    }

    fn empty_tuple(&mut self) -> Result<Value> {
        if self.empty_tuple == Value::NULL {
            let at = self.heap.new_object(Kind::Tuple, ITEMS)?;
            self.heap.region_mut().write_u32(at + 8, 0);
            self.empty_tuple = Value::from_offset(at);
        }
        self.heap.incref(self.empty_tuple);
        Ok(self.empty_tuple)
    }

    /// Number of items of a tuple (0 for non-tuples).
    pub fn tuple_len(&self, t: Value) -> u32 {
        match t.as_object() {
            Some(at) if self.heap.is_kind(at, Kind::Tuple) => self.heap.region().read_u32(at + 8),
            _ => 0,
        }
    }

    /// Item `i` (in range), borrowed.
    pub(crate) fn tuple_item(&self, t: Value, i: u32) -> Value {
        let at = t.as_object().unwrap_or_default();
        debug_assert!(i < self.tuple_len(t));
        self.heap.read_value(at + ITEMS + 4 * i)
    }

    /// The items, borrowed.
    pub(crate) fn tuple_items(&self, t: Value) -> impl ExactSizeIterator<Item = Value> + '_ {
        (0..self.tuple_len(t)).map(move |i| self.tuple_item(t, i))
    }

    /// `t[index]` with Python's index rules; the item is owned by the caller.
    pub fn tuple_get(&mut self, t: Value, index: i64) -> Result<Value> {
        let i = resolve_index(index, self.tuple_len(t)).ok_or(Error::Index("tuple index out of range"))?;
        let item = self.tuple_item(t, i);
        self.heap.incref(item);
        Ok(item)
    }

    pub(crate) fn tuple_object_bytes(&self, at: u32) -> u32 {
        ITEMS + 4 * self.heap.region().read_u32(at + 8)
    }

    pub(crate) fn destroy_tuple(&mut self, at: u32, dead: &mut DeadStack) {
        let len = self.heap.region().read_u32(at + 8);
        for i in 0..len {
            let item = self.heap.read_value(at + ITEMS + 4 * i);
            dead.release(&mut self.heap, item);
        }
        self.heap.free_object(at, Kind::Tuple, ITEMS + 4 * len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::vm;

    #[test]
    fn tuples_hold_references_and_index_like_python() {
        let mut vm = vm();
        let s = vm.new_str("x").unwrap();
        let t = vm.new_tuple(&[Value::small_int(7).unwrap(), s, Value::NONE]).unwrap();
        assert_eq!(vm.refcount(s), Some(2));
        assert_eq!(vm.getsizeof(t), 24);
        assert_eq!(vm.tuple_get(t, 0).unwrap(), Value::small_int(7).unwrap());
        assert_eq!(vm.tuple_get(t, -1).unwrap(), Value::NONE);
        let got = vm.tuple_get(t, -2).unwrap();
        assert_eq!(got, s);
        vm.release(got);
        assert_eq!(vm.tuple_get(t, 3).unwrap_err(), Error::Index("tuple index out of range"));
        assert!(vm.tuple_get(t, -4).is_err());
        vm.release(s);
        vm.release(t);
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn the_empty_tuple_is_shared() {
        let mut vm = vm();
        let a = vm.new_tuple(&[]).unwrap();
        let b = vm.new_tuple(&[]).unwrap();
        assert_eq!(a, b);
        assert_eq!(vm.getsizeof(a), 16);
        vm.release(a);
        vm.release(b);
        assert_eq!(vm.bytes_in_use(), 16, "held by the VM until shutdown");
    }
}
