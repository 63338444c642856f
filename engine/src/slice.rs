//! Slicing: `seq[start:stop:step]` on lists, tuples, strings and ranges, and slice
//! assignment and deletion on lists, with Python's index rules.
//!
//! The three parts arrive as values (None for an omitted part) and are turned into
//! concrete indices once, the way CPython's `PySlice_AdjustIndices` does: negative
//! indices count from the end, out-of-range ones clamp, a zero step is a `ValueError`.

use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;

/// Concrete slice indices: `start`, `step`, and how many items the slice selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SliceIndices {
    pub start: i64,
    /// The clamped stop (what CPython's `slice.indices` gives); `count` is what it means.
    pub stop: i64,
    pub step: i64,
    pub count: i64,
}

impl SliceIndices {
    /// The indices the slice selects, in order.
    pub(crate) fn positions(self) -> impl Iterator<Item = i64> {
        (0..self.count).map(move |i| self.start + i * self.step)
    }
}

/// Python's slice index adjustment for a sequence of `len` items.
pub(crate) fn adjust(start: Option<i64>, stop: Option<i64>, step: Option<i64>, len: i64) -> Result<SliceIndices> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(Error::Value("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |i: i64| {
        if i < 0 {
            (i + len).max(lower)
        } else {
            i.min(upper)
        }
    };
    let start = start.map_or(if step < 0 { upper } else { lower }, clamp);
    let stop = stop.map_or(if step < 0 { lower } else { upper }, clamp);
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok(SliceIndices { start, stop, step, count })
}

/// A slice object: `+8 start, +12 stop, +16 step`, each an owned value (None if omitted).
pub(crate) const SLICE_BYTES: u32 = 20;

impl Vm {
    /// `slice(start, stop, step)` (parts borrowed; NULL counts as None).
    pub(crate) fn new_slice(&mut self, parts: [Value; 3]) -> Result<Value> {
        let at = self.heap.new_object(Kind::Slice, SLICE_BYTES)?;
        for (offset, part) in [8, 12, 16].into_iter().zip(parts) {
            let part = if part == Value::NULL { Value::NONE } else { part };
            self.heap.incref(part);
            self.heap.write_value(at + offset, part);
        }
        Ok(Value::from_offset(at))
    }

    /// The parts of slice object `v` (borrowed), if it is one.
    pub(crate) fn slice_object_parts(&self, v: Value) -> Option<[Value; 3]> {
        let at = v.as_object().filter(|&at| self.heap.is_kind(at, Kind::Slice))?;
        Some([self.heap.read_value(at + 8), self.heap.read_value(at + 12), self.heap.read_value(at + 16)])
    }

    /// `slice.indices(length)`: the `(start, stop, step)` a slice selects in a sequence of
    /// that length.
    pub(crate) fn slice_indices_of(&mut self, v: Value, length: i64) -> Result<Value> {
        let parts = self.slice_object_parts(v).ok_or(Error::Type("descriptor 'indices' requires a 'slice' object"))?;
        if length < 0 {
            return Err(Error::Value("length should not be negative"));
        }
        let indices = self.slice_indices(parts, length)?;
        let numbers = self.make_each([indices.start, indices.stop, indices.step], Vm::new_int)?;
        let tuple = self.new_tuple(&numbers);
        self.release_all(&numbers);
        tuple
    }

    /// A slice part: None, or an int.
    fn slice_part(&self, v: Value) -> Result<Option<i64>> {
        if v == Value::NONE || v == Value::NULL {
            return Ok(None);
        }
        self.as_int(v)
            .map(Some)
            .ok_or(Error::Type("slice indices must be integers or None or have an __index__ method"))
    }

    fn slice_indices(&self, parts: [Value; 3], len: i64) -> Result<SliceIndices> {
        adjust(self.slice_part(parts[0])?, self.slice_part(parts[1])?, self.slice_part(parts[2])?, len)
    }

    /// `seq[start:stop:step]` (owned result).
    pub(crate) fn get_slice(&mut self, seq: Value, parts: [Value; 3]) -> Result<Value> {
        match self.kind_of(seq) {
            Some(kind @ (Kind::List | Kind::Tuple)) => {
                let len = i64::from(self.sequence_len(seq));
                let indices = self.slice_indices(parts, len)?;
                let items: Vec<Value> = indices.positions().map(|i| self.sequence_item(seq, i as u32)).collect();
                if kind == Kind::List {
                    self.new_list(&items)
                } else {
                    self.new_tuple(&items)
                }
            }
            Some(Kind::Str) => {
                let text = self.as_str(seq).unwrap_or("");
                let sliced: String = if text.is_ascii() {
                    let bytes = text.as_bytes();
                    let indices = self.slice_indices(parts, bytes.len() as i64)?;
                    indices.positions().map(|i| char::from(bytes[i as usize])).collect()
                } else {
                    let chars: Vec<char> = text.chars().collect();
                    let indices = self.slice_indices(parts, chars.len() as i64)?;
                    indices.positions().map(|i| chars[i as usize]).collect()
                };
                self.new_str(&sliced)
            }
            Some(Kind::Range) => {
                let at = seq.as_object().unwrap_or_default();
                let (start, _, step) = self.range_parts(at);
                let indices = self.slice_indices(parts, self.range_len(at))?;
                // As CPython: the slice's own clamped indices mapped through the range.
                self.new_range(start + indices.start * step, start + indices.stop * step, step * indices.step)
            }
            _ => Err(Error::TypeOf { template: "'{}' object is not subscriptable", value: seq }),
        }
    }

    /// `list[start:stop:step] = iterable`.
    pub(crate) fn set_slice(&mut self, list: Value, parts: [Value; 3], values: Value) -> Result<()> {
        if self.kind_of(list) != Some(Kind::List) {
            return Err(Error::Type("object does not support slice assignment"));
        }
        let new_items = self.collect(values)?;
        let result = self.replace_slice(list, parts, &new_items);
        self.release_all(&new_items);
        result
    }

    fn replace_slice(&mut self, list: Value, parts: [Value; 3], new_items: &[Value]) -> Result<()> {
        let len = i64::from(self.list_len(list));
        let indices = self.slice_indices(parts, len)?;
        let current: Vec<Value> = (0..len as u32).map(|i| self.list_item(list, i)).collect();
        let mut rebuilt: Vec<Value> = Vec::with_capacity(current.len() + new_items.len());
        if indices.step == 1 {
            let start = indices.start as usize;
            let end = start + indices.count as usize;
            rebuilt.extend_from_slice(&current[..start]);
            rebuilt.extend_from_slice(new_items);
            rebuilt.extend_from_slice(&current[end..]);
        } else {
            if new_items.len() as i64 != indices.count {
                let text = alloc::format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    indices.count
                );
                let fallback = Error::Value("attempt to assign sequence to extended slice of a different size");
                return Err(crate::iterator::raise_text(
                    self,
                    crate::exception::ExceptionType::ValueError,
                    &text,
                    fallback,
                ));
            }
            rebuilt.extend_from_slice(&current);
            for (i, position) in indices.positions().enumerate() {
                rebuilt[position as usize] = new_items[i];
            }
        }
        self.list_replace_all(list, &rebuilt)
    }

    /// `del list[start:stop:step]`.
    pub(crate) fn delete_slice(&mut self, list: Value, parts: [Value; 3]) -> Result<()> {
        if self.kind_of(list) != Some(Kind::List) {
            return Err(Error::Type("object does not support slice deletion"));
        }
        let len = i64::from(self.list_len(list));
        let indices = self.slice_indices(parts, len)?;
        let doomed: Vec<i64> = indices.positions().collect();
        let kept: Vec<Value> =
            (0..len).filter(|i| !doomed.contains(i)).map(|i| self.list_item(list, i as u32)).collect();
        self.list_replace_all(list, &kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    #[test]
    fn indices_follow_cpython() {
        // python3 -c 'print([slice(*a).indices(10) for a in [(None,None,None),(2,-2,None),(None,None,-1),(-100,100,3),(8,2,-2),(5,5,None)]])'
        let cases = [
            ((None, None, None), (0, 10, 1, 10)),
            ((Some(2), Some(-2), None), (2, 8, 1, 6)),
            ((None, None, Some(-1)), (9, -1, -1, 10)),
            ((Some(-100), Some(100), Some(3)), (0, 10, 3, 4)),
            ((Some(8), Some(2), Some(-2)), (8, 2, -2, 3)),
            ((Some(5), Some(5), None), (5, 5, 1, 0)),
        ];
        for ((start, stop, step), (s, e, st, n)) in cases {
            let want = SliceIndices { start: s, stop: e, step: st, count: n };
            assert_eq!(adjust(start, stop, step, 10).unwrap(), want);
        }
        assert!(adjust(None, None, Some(0), 10).is_err());
    }

    #[test]
    fn slice_objects_own_their_parts_and_free_to_zero() {
        let mut vm = vm();
        let before = vm.bytes_in_use();
        let big = vm.new_int(1 << 40).unwrap();
        let s = vm.new_slice([int(1), big, Value::NULL]).unwrap();
        vm.release(big);
        // The slice keeps its stop alive; NULL became None.
        assert_eq!(vm.repr(s).unwrap(), "slice(1, 1099511627776, None)");
        assert_eq!(vm.getsizeof(s), 24, "20 bytes in the 24-byte pool class");
        assert_eq!(vm.hash(s), Err(Error::Unhashable("slice")));
        let list = vm.new_list(&[int(0), int(1), int(2), int(3)]).unwrap();
        let items = vm.get_item(list, s).unwrap();
        assert_eq!(vm.repr(items).unwrap(), "[1, 2, 3]");
        let indices = vm.slice_indices_of(s, 3).unwrap();
        assert_eq!(vm.repr(indices).unwrap(), "(1, 3, 1)");
        vm.release_all(&[s, list, items, indices]);
        assert_eq!(vm.bytes_in_use(), before);
    }

    #[test]
    fn slicing_and_slice_assignment() {
        let mut vm = vm();
        let l = vm.new_list(&[int(0), int(1), int(2), int(3), int(4)]).unwrap();
        let rev = vm.get_slice(l, [Value::NONE, Value::NONE, int(-2)]).unwrap();
        assert_eq!(vm.repr(rev).unwrap(), "[4, 2, 0]");
        let s = vm.new_str("héllo").unwrap();
        let mid = vm.get_slice(s, [int(1), int(-1), Value::NONE]).unwrap();
        assert_eq!(vm.as_str(mid), Some("éll"));
        let r = vm.new_range(0, 20, 3).unwrap();
        let sub = vm.get_slice(r, [int(1), Value::NONE, int(2)]).unwrap();
        assert_eq!(vm.repr(sub).unwrap(), "range(3, 21, 6)");
        let new = vm.new_list(&[int(9), int(9), int(9)]).unwrap();
        vm.set_slice(l, [int(1), int(3), Value::NONE], new).unwrap();
        assert_eq!(vm.repr(l).unwrap(), "[0, 9, 9, 9, 3, 4]");
        vm.delete_slice(l, [Value::NONE, Value::NONE, int(2)]).unwrap();
        assert_eq!(vm.repr(l).unwrap(), "[9, 9, 4]");
        let one = vm.new_list(&[int(1)]).unwrap();
        assert!(vm.set_slice(l, [Value::NONE, Value::NONE, int(2)], one).is_err(), "l[::2] has 2 items, not 1");
        vm.release_all(&[l, rev, s, mid, r, sub, new, one]);
    }
}
