//! Values: the 32-bit handle every slot in the script heap holds.
//!
//! A dict slot, a list slot or a local variable is one [`Value`], four bytes on every
//! host, as on the PS3's 32-bit pointers. The low bits say what the rest means:
//!
//! ```text
//! xxxx...xxx1   small int: the upper 31 bits, signed (-2^30 ..= 2^30-1)
//! xxxx...x000   heap object: the word is the object's byte offset in the region (never 0)
//! 0000...0010   None       0000...1010  False      0001...0010  True
//! 0001...1010   NotImplemented
//! 0000...0000   NULL: "no value" inside engine tables (empty slot); never seen by scripts
//! ```
//!
//! Objects start at 8-aligned offsets, so an offset always has its low three bits clear
//! and a region can be up to 4 GiB. Ints outside the immediate range are boxed.

/// A reference to a script value: immediate, or a heap object's offset.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(transparent)]
pub struct Value(u32);

/// Smallest int held immediately.
pub const SMALL_INT_MIN: i64 = -(1 << 30);
/// Largest int held immediately.
pub const SMALL_INT_MAX: i64 = (1 << 30) - 1;

impl Value {
    /// The absent value of engine tables (an empty slot). Never handed to scripts.
    pub const NULL: Value = Value(0);
    pub const NONE: Value = Value(0b0010);
    pub const FALSE: Value = Value(0b1010);
    pub const TRUE: Value = Value(0b1_0010);
    /// `NotImplemented`, what a special method returns to let the other operand try.
    pub const NOT_IMPLEMENTED: Value = Value(0b1_1010);

    /// An immediate int, if `n` fits in 31 bits.
    #[inline(always)]
    pub fn small_int(n: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&n) {
            Some(Value(((n as i32) << 1) as u32 | 1))
        } else {
            None
        }
    }

    /// The immediate int `n` (every u8 fits).
    #[inline(always)]
    pub fn from_u8(n: u8) -> Value {
        Value(u32::from(n) << 1 | 1)
    }

    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 & 1 == 1
    }

    /// The immediate int's value, if this is one.
    #[inline(always)]
    pub fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            Some(i64::from((self.0 as i32) >> 1))
        } else {
            None
        }
    }

    /// True for a heap object (not an immediate, not NULL).
    #[inline(always)]
    pub fn is_object(self) -> bool {
        self.0 & 7 == 0 && self.0 != 0
    }
    /// The object's offset in the region, if this is a heap object.
    #[inline(always)]
    pub fn as_object(self) -> Option<u32> {
        if self.is_object() {
            Some(self.0)
        } else {
            None
        }
    }

    /// Names the object at `offset` (an 8-aligned block start, never 0).
    #[inline(always)]
    pub(crate) fn from_offset(offset: u32) -> Value {
        debug_assert!(offset != 0 && offset & 7 == 0);
        Value(offset)
    }

    /// The raw handle word, as stored in heap slots.
    #[inline(always)]
    pub fn to_bits(self) -> u32 {
        self.0
    }

    /// Rebuilds a value from a word read out of a heap slot.
    #[inline(always)]
    pub(crate) const fn from_bits(bits: u32) -> Value {
        Value(bits)
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match *self {
            Value::NULL => f.write_str("NULL"),
            Value::NONE => f.write_str("None"),
            Value::TRUE => f.write_str("True"),
            Value::FALSE => f.write_str("False"),
            v => match (v.as_small_int(), v.as_object()) {
                (Some(n), _) => write!(f, "{n}"),
                (_, Some(at)) => write!(f, "<object @{at:#x}>"),
                _ => write!(f, "<bad handle {:#x}>", v.0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_small_ints() {
        for n in [0u8, 1, 127, 255] {
            assert_eq!(Value::from_u8(n), Value::small_int(i64::from(n)).unwrap());
        }
    }

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for n in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX] {
            let v = Value::small_int(n).unwrap();
            assert_eq!(v.as_small_int(), Some(n));
            assert!(!v.is_object());
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn is_object_means_low_bits_clear_and_not_null() {
        let edges =
            [0u32, 1, 2, 7, 8, 9, 16, 0x1FFF_FFF8, 0x2000_0000, 0x8000_0000, 0xFFFF_FFF0, 0xFFFF_FFF8, u32::MAX];
        let spread = (0..1 << 16).map(|i: u32| i.wrapping_mul(0x9E37_79B9));
        for bits in edges.into_iter().chain(0..64).chain(spread) {
            let expected = bits & 7 == 0 && bits != 0;
            assert_eq!(Value::from_bits(bits).is_object(), expected, "{bits:#x}");
        }
    }

    #[test]
    fn constants_are_neither_ints_nor_objects() {
        for v in [Value::NULL, Value::NONE, Value::TRUE, Value::FALSE] {
            assert!(!v.is_small_int() && !v.is_object());
        }
        assert!(Value::from_offset(8).is_object());
        assert_eq!(Value::from_bool(true), Value::TRUE);
    }
}
