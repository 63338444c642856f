//! `range` objects and the iterators over built-in containers.
//!
//! ```text
//! range (32 bytes):    +8 start: i64  +16 stop: i64  +24 step: i64 (never 0)
//! iterator (16 bytes): +8 source (owned)  +12 position: u32
//! ```
//!
//! One iterator layout serves every source: the position is an item index for lists,
//! tuples and ranges, a byte offset for strings, an entry position for dicts and a slot
//! for sets. Like CPython's, a list iterator sees items appended while it runs.

use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const RANGE_BYTES: u32 = 32;
pub(crate) const ITERATOR_BYTES: u32 = 16;

impl Vm {
    /// `range(start, stop, step)`; `ValueError` for a zero step.
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> Result<Value> {
        if step == 0 {
            return Err(Error::Value("range() arg 3 must not be zero"));
        }
        let at = self.heap.new_object(Kind::Range, RANGE_BYTES)?;
        let r = self.heap.region_mut();
        r.write_i64(at + 8, start);
        r.write_i64(at + 16, stop);
        r.write_i64(at + 24, step);
        Ok(Value::from_offset(at))
    }

    /// `(start, stop, step)` of a range object.
    pub(crate) fn range_parts(&self, at: u32) -> (i64, i64, i64) {
        let r = self.heap.region();
        (r.read_i64(at + 8), r.read_i64(at + 16), r.read_i64(at + 24))
    }

    /// `len(range)`, as Python computes it.
    pub(crate) fn range_len(&self, at: u32) -> i64 {
        let (start, stop, step) = self.range_parts(at);
        let (lo, hi, step) = if step > 0 { (start, stop, step) } else { (stop, start, -step) };
        if lo >= hi {
            0
        } else {
            ((i128::from(hi) - i128::from(lo) - 1) / i128::from(step) + 1) as i64
        }
    }

    /// `iter(v)` for a built-in iterable (an iterator returns itself).
    pub fn iter(&mut self, v: Value) -> Result<Value> {
        match self.kind_of(v) {
            Some(Kind::Iterator | Kind::Generator) => {
                self.heap.incref(v);
                Ok(v)
            }
            Some(Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Set | Kind::Range | Kind::DictView) => {
                let at = self.heap.new_object(Kind::Iterator, ITERATOR_BYTES)?;
                self.heap.incref(v);
                self.heap.write_value(at + 8, v);
                self.heap.region_mut().write_u32(at + 12, 0);
                Ok(Value::from_offset(at))
            }
            _ => Err(Error::Type("object is not iterable")),
        }
    }

    /// The next item of an iterator (owned), or `None` when it is exhausted.
    pub fn next(&mut self, iterator: Value) -> Result<Option<Value>> {
        let at = self.object_of_kind(Kind::Iterator, iterator)?;
        let source = self.heap.read_value(at + 8);
        let mut position = self.heap.region().read_u32(at + 12);
        let item = match self.kind_of(source) {
            Some(Kind::List | Kind::Tuple) => {
                if position < self.sequence_len(source) {
                    let item = self.sequence_item(source, position);
                    position += 1;
                    self.heap.incref(item);
                    Some(item)
                } else {
                    None
                }
            }
            Some(Kind::Range) => {
                let range = source.as_object().unwrap_or_default();
                if i64::from(position) < self.range_len(range) {
                    let (start, _, step) = self.range_parts(range);
                    position += 1;
                    Some(self.new_int(start + step * (i64::from(position) - 1))?)
                } else {
                    None
                }
            }
            Some(Kind::Str) => {
                let text = self.as_str(source).unwrap_or("");
                match text[position as usize..].chars().next() {
                    Some(c) => {
                        position += c.len_utf8() as u32;
                        let mut buffer = [0u8; 4];
                        Some(self.new_str(c.encode_utf8(&mut buffer))?)
                    }
                    None => None,
                }
            }
            Some(Kind::Dict) => match self.dict_next(source, &mut position) {
                Some((key, _)) => {
                    self.heap.incref(key);
                    Some(key)
                }
                None => None,
            },
            Some(Kind::DictView) => self.dict_view_next(source.as_object().unwrap_or_default(), &mut position)?,
            Some(Kind::Set) => match self.set_next(source, &mut position) {
                Some(key) => {
                    self.heap.incref(key);
                    Some(key)
                }
                None => None,
            },
            _ => None,
        };
        self.heap.region_mut().write_u32(at + 12, position);
        Ok(item)
    }

    pub(crate) fn destroy_iterator(&mut self, at: u32, dead: &mut DeadStack) {
        let source = self.heap.read_value(at + 8);
        dead.release(&mut self.heap, source);
        self.heap.free_object(at, Kind::Iterator, ITERATOR_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{int, vm};
    use alloc::vec::Vec;

    fn drain(vm: &mut crate::Vm, v: crate::Value) -> Vec<crate::Value> {
        let it = vm.iter(v).unwrap();
        let mut out = Vec::new();
        while let Some(item) = vm.next(it).unwrap() {
            out.push(item);
        }
        vm.release(it);
        out
    }

    #[test]
    fn ranges_count_like_python() {
        let mut vm = vm();
        // python3 -c 'print([len(range(*a)) for a in [(0,10,3),(10,0,-3),(5,5,1),(0,-5,1),(-3,3,2)]])'
        for ((start, stop, step), len) in
            [((0, 10, 3), 4), ((10, 0, -3), 4), ((5, 5, 1), 0), ((0, -5, 1), 0), ((-3, 3, 2), 3)]
        {
            let r = vm.new_range(start, stop, step).unwrap();
            let items = drain(&mut vm, r);
            assert_eq!(items.len() as i64, len);
            assert_eq!(vm.range_len(r.as_object().unwrap()), len);
            if let Some(first) = items.first() {
                assert_eq!(vm.as_int(*first), Some(start));
            }
            vm.release(r);
        }
        assert!(vm.new_range(0, 1, 0).is_err());
    }

    #[test]
    fn every_container_iterates() {
        let mut vm = vm();
        let l = vm.new_list(&[int(1), int(2)]).unwrap();
        assert_eq!(drain(&mut vm, l), [int(1), int(2)]);
        let s = vm.new_str("hé!").unwrap();
        let chars = drain(&mut vm, s);
        let texts: Vec<&str> = chars.iter().map(|c| vm.as_str(*c).unwrap()).collect();
        assert_eq!(texts, ["h", "é", "!"]);
        vm.release_all(&chars);
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, int(5), int(6)).unwrap();
        assert_eq!(drain(&mut vm, d), [int(5)]);
        assert!(vm.iter(int(3)).is_err());
        vm.release_all(&[l, s, d]);
        assert_eq!(vm.bytes_in_use(), 0);
    }
}
