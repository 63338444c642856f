//! Ints: immediate when they fit 31 bits, otherwise a boxed i64 (16 bytes).
//!
//! mote ints are 64-bit: a result beyond i64 raises `OverflowError` instead of growing
//! into a bignum (a documented deviation from Python; game scripts do not need bignums,
//! and an unbounded int is an unbounded allocation).
//!
//! Invariant: an int that fits the immediate range is never boxed, so two equal ints are
//! either the same handle or both boxed.

use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// Header plus the i64.
pub(crate) const BOX_BYTES: u32 = 16;

impl Vm {
    /// An int value: immediate if it fits, else a new boxed int (owned by the caller).
    pub fn new_int(&mut self, n: i64) -> Result<Value> {
        if let Some(v) = Value::small_int(n) {
            return Ok(v);
        }
        let at = self.heap.new_object(Kind::Int, BOX_BYTES)?;
        self.heap.region_mut().write_i64(at + 8, n);
        Ok(Value::from_offset(at))
    }

    /// Stores `n` into boxed int `old` itself when nothing else holds it (the caller owns
    /// its only reference) and `n` needs a box; false when a new int is needed. As with
    /// floats, an accumulating loop then stops allocating once its total leaves the
    /// immediate range.
    pub(crate) fn overwrite_unshared_int(&mut self, old: Value, n: i64) -> bool {
        Value::small_int(n).is_none() && self.overwrite_unshared_box(old, Kind::Int, n as u64)
    }

    /// The value of an int, small or boxed; `None` for anything else, bools included.
    #[inline(always)]
    pub(crate) fn int_value(&self, v: Value) -> Option<i64> {
        match v.as_small_int() {
            Some(n) => Some(n),
            None => {
                let at = v.as_object().filter(|&at| self.heap.is_kind(at, Kind::Int))?;
                Some(self.heap.region().read_i64(at + 8))
            }
        }
    }

    /// An int from a wider computation; `OverflowError` beyond 64 bits.
    pub fn new_int_checked(&mut self, n: i128) -> Result<Value> {
        let n = i64::try_from(n).map_err(|_| Error::Overflow("int too large for mote's 64-bit ints"))?;
        self.new_int(n)
    }

    /// The value of an int or bool, `None` for anything else.
    pub fn as_int(&self, v: Value) -> Option<i64> {
        match v {
            Value::TRUE => Some(1),
            Value::FALSE => Some(0),
            v => match v.as_small_int() {
                Some(n) => Some(n),
                None => {
                    let at = v.as_object()?;
                    (self.heap.is_kind(at, Kind::Int)).then(|| self.heap.region().read_i64(at + 8))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::vm;
    use crate::value::{SMALL_INT_MAX, SMALL_INT_MIN};

    #[test]
    fn small_ints_are_immediate_and_big_ones_boxed() {
        let mut vm = vm();
        let small = vm.new_int(SMALL_INT_MAX).unwrap();
        assert!(small.is_small_int());
        assert_eq!(vm.bytes_in_use(), 0);
        for n in [SMALL_INT_MAX + 1, SMALL_INT_MIN - 1, i64::MAX, i64::MIN] {
            let big = vm.new_int(n).unwrap();
            assert!(big.is_object());
            assert_eq!(vm.as_int(big), Some(n));
            assert_eq!(vm.getsizeof(big), 16);
            vm.release(big);
        }
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn beyond_64_bits_is_overflow() {
        let mut vm = vm();
        let e = vm.new_int_checked(i128::from(i64::MAX) + 1).unwrap_err();
        assert_eq!(e.python_type(), "OverflowError");
        assert_eq!(vm.bytes_in_use(), 0);
    }
}
