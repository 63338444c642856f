//! Hashing: Python's `hash()` for every hashable value, and the 32-bit table hash that
//! dicts and sets probe with.
//!
//! Numbers hash exactly as CPython 3.11 does (ints modulo 2^61-1, floats by the same
//! reduction, so `hash(1) == hash(1.0) == hash(True)`), tuples with CPython's xxHash
//! scheme. Strings use mote's own hash (CPython's is randomised per process, so no script
//! can depend on its value), computed once when the string is made and cached in it.
//!
//! Every hash is computed natively from the value, never by running script code, so a
//! table can recompute any key's hash while it resizes; this is what lets dict entries
//! skip storing it (8 bytes per entry instead of 12).
//!
//! Byte order: string bytes are read with `from_le_bytes`, so a hash is the same on
//! big- and little-endian hosts.

use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314_159;
/// A fixed hash for None (CPython's depends on an address).
const HASH_NONE: i64 = 0x5eed_0b7e;

/// Deepest container nesting hashing and comparison follow before `RecursionError`.
pub const MAX_NESTING: u32 = 200;

/// Python's hash of an i64.
pub fn hash_int(n: i64) -> i64 {
    let reduced = (n.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if n < 0 { -reduced } else { reduced };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's hash of a finite or infinite float; `None` for NaN (hashed by identity).
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = libm::frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | (acc >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2^28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e as u32 % HASH_BITS } else { HASH_BITS - 1 - ((-1 - e) as u32 % HASH_BITS) };
    acc = ((acc << e) & HASH_MODULUS) | (acc >> (HASH_BITS - e));
    let h = (acc as i64).wrapping_mul(sign);
    Some(if h == -1 { -2 } else { h })
}

/// mote's string hash: word-at-a-time multiply-rotate, then a murmur3 finaliser so that
/// every input bit reaches the low bits tables index with.
pub fn hash_str_bytes(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ bytes.len() as u32;
    let mut chunks = bytes.chunks_exact(4);
    for c in &mut chunks {
        let w = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x9e37_79b9);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut tail = [0u8; 4];
        tail[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u32::from_le_bytes(tail)).wrapping_mul(0x9e37_79b9);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// CPython 3.11's tuple hash over the items' hashes.
fn hash_tuple_items(items: impl ExactSizeIterator<Item = Result<i64>>) -> Result<i64> {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let len = items.len() as u64;
    let mut acc = P5;
    for lane in items {
        acc = acc.wrapping_add((lane? as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3_527_539));
    Ok(if acc == u64::MAX { 1_546_275_796 } else { acc as i64 })
}

/// Folds a Python hash to the 32 bits tables probe with; small ints keep their value.
#[inline(always)]
pub fn table_hash(h: i64) -> u32 {
    let h = h as u64;
    (h ^ (h >> 32)) as u32
}

impl Vm {
    /// Python's `hash(v)`; `TypeError` for lists, dicts and sets.
    pub fn hash(&self, v: Value) -> Result<i64> {
        self.hash_nested(v, 0)
    }

    /// The 32-bit hash a table probes with for key `v`. An instance hashed by its
    /// class's `__hash__` gives the value [`Vm::key_hash_mut`] last stored in it.
    #[inline(always)]
    pub(crate) fn key_hash(&self, v: Value) -> Result<u32> {
        match self.common_key_hash(v) {
            Some(h) => Ok(h),
            None => self.other_key_hash(v),
        }
    }

    /// The table hash of a small int or a str, the commonest keys, which no script code
    /// can hash.
    #[inline(always)]
    fn common_key_hash(&self, v: Value) -> Option<u32> {
        if let Some(n) = v.as_small_int() {
            return Some(table_hash(hash_int(n)));
        }
        v.as_object().filter(|&at| self.heap.is_kind(at, Kind::Str)).map(|at| self.str_hash(at))
    }

    /// [`Vm::key_hash`] for keys other than small ints and strings.
    #[inline(never)]
    fn other_key_hash(&self, v: Value) -> Result<u32> {
        if self.has_script_hash(v) {
            // 24 bits kept in the header: `extra` and `flags` (unused by instances).
            let at = v.as_object().unwrap_or_default();
            return Ok(u32::from(self.heap.extra(at)) | u32::from(self.heap.flags(at)) << 16);
        }
        self.hash(v).map(table_hash)
    }

    /// `hash(v)`, calling a script-defined `__hash__`.
    pub(crate) fn hash_mut(&mut self, v: Value) -> Result<i64> {
        if !self.has_script_hash(v) {
            return self.hash(v);
        }
        let result = self.call_dunder(v, "__hash__", &[])?.unwrap_or(Value::NONE);
        let n = self.as_int(result);
        self.release(result);
        // CPython's slot_tp_hash: an int that fits a machine word is the hash as it is
        // (-1, which means "error" in C, becomes -2); only bigger ones are hashed again.
        n.map(|n| if n == -1 { -2 } else { n }).ok_or(Error::Type("__hash__ method should return an integer"))
    }

    /// The table hash of key `v` (see [`Vm::key_hash`]), calling a script-defined
    /// `__hash__` and keeping its 24-bit table hash in the instance for later probes and
    /// rebuilds (as CPython keeps the hash in the table entry).
    #[inline(always)]
    pub(crate) fn key_hash_mut(&mut self, v: Value) -> Result<u32> {
        if let Some(h) = self.common_key_hash(v) {
            return Ok(h);
        }
        if self.has_script_hash(v) {
            self.script_key_hash(v)
        } else {
            self.other_key_hash(v)
        }
    }

    #[inline(never)]
    fn script_key_hash(&mut self, v: Value) -> Result<u32> {
        let h = table_hash(self.hash_mut(v)?) & 0x00ff_ffff;
        let at = v.as_object().unwrap_or_default();
        self.heap.set_extra(at, h as u16);
        self.heap.set_flags(at, (h >> 16) as u8);
        Ok(h)
    }

    /// Whether `v` is an instance whose class defines `__hash__`.
    #[inline]
    pub(crate) fn has_script_hash(&self, v: Value) -> bool {
        self.has_class_flag(v, crate::class::CLASS_SCRIPT_HASH)
    }

    /// Whether `v` is an instance whose class defines `__eq__`.
    #[inline]
    pub(crate) fn has_script_eq(&self, v: Value) -> bool {
        self.has_class_flag(v, crate::class::CLASS_SCRIPT_EQ)
    }

    fn has_class_flag(&self, v: Value, flag: u32) -> bool {
        v.as_object().is_some_and(|at| {
            self.heap.is_kind(at, Kind::Instance) && self.class_flags(self.heap.region().read_u32(at + 8)) & flag != 0
        })
    }

    fn hash_nested(&self, v: Value, depth: u32) -> Result<i64> {
        match v {
            Value::NONE => return Ok(HASH_NONE),
            Value::TRUE => return Ok(1),
            Value::FALSE => return Ok(0),
            _ => {}
        }
        if let Some(n) = v.as_small_int() {
            return Ok(hash_int(n));
        }
        let Some(at) = v.as_object() else {
            return Err(Error::Type("NULL handle has no hash"));
        };
        match self.heap.kind(at) {
            Kind::Int => Ok(hash_int(self.heap.region().read_i64(at + 8))),
            Kind::Float => {
                let x = self.heap.region().read_f64(at + 8);
                Ok(hash_float(x).unwrap_or(i64::from(at >> 3)))
            }
            Kind::Str => Ok(i64::from(self.str_hash(at))),
            Kind::Tuple => {
                if depth >= MAX_NESTING {
                    return Err(Error::Recursion("maximum recursion depth exceeded while hashing a tuple"));
                }
                let items = self.tuple_items(v);
                hash_tuple_items(items.map(|item| self.hash_nested(item, depth + 1)))
            }
            Kind::Set if self.is_frozenset(v) => {
                if depth >= MAX_NESTING {
                    return Err(Error::Recursion("maximum recursion depth exceeded while hashing a frozenset"));
                }
                self.frozenset_hash(v, |item| self.hash_nested(item, depth + 1))
            }
            kind @ (Kind::List | Kind::Dict | Kind::Set | Kind::Slice) => Err(Error::Unhashable(kind.type_name())),
            Kind::Instance
                if self.class_flags(self.type_of(v).as_object().unwrap_or_default())
                    & crate::class::CLASS_UNHASHABLE
                    != 0 =>
            {
                Err(Error::TypeOf { template: "unhashable type: '{}'", value: v })
            }
            // A str, int, ... subclass hashes as its value.
            Kind::Instance if self.builtin_base(v).is_some() => {
                self.hash_nested(self.builtin_base(v).unwrap_or(Value::NONE), depth + 1)
            }
            Kind::Range => {
                // Equal ranges (same items) hash alike, as `==` compares them by items.
                let (start, _, step) = self.range_parts(at);
                let len = self.range_len(at);
                let (start, step) = match len {
                    0 => (0, 0),
                    1 => (start, 0),
                    _ => (start, step),
                };
                hash_tuple_items([len, start, step].into_iter().map(|n| Ok(hash_int(n))))
            }
            // Functions, code and the like hash by identity, as in Python.
            Kind::Code
            | Kind::Function
            | Kind::Native
            | Kind::TextStream
            | Kind::Frame
            | Kind::Iterator
            | Kind::Traceback
            | Kind::Class
            | Kind::Exception
            | Kind::BoundMethod
            | Kind::DictView
            | Kind::Cell
            | Kind::Instance
            | Kind::Super
            | Kind::Wrapper
            | Kind::Module
            | Kind::Generator
            | Kind::Enumerate
            | Kind::Zip
            | Kind::Map
            | Kind::Filter
            | Kind::Reversed
            | Kind::CallIterator => Ok(i64::from(at >> 3)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::vm;

    #[test]
    fn ints_hash_as_cpython() {
        assert_eq!(hash_int(0), 0);
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(12345), 12345);
        // python3 -c 'print(hash(2**61), hash(-2**62), hash(2**63-1), hash(-2**63))'
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(-(1 << 62)), -2);
        assert_eq!(hash_int(i64::MAX), 3);
        assert_eq!(hash_int(i64::MIN), -4);
    }

    #[test]
    fn floats_hash_as_cpython() {
        // python3 -c 'print(hash(1.5), hash(-2.25), hash(1e300), hash(0.1), hash(-1.0))'
        assert_eq!(hash_float(1.0), Some(1));
        assert_eq!(hash_float(-1.0), Some(-2));
        assert_eq!(hash_float(1.5), Some(1_152_921_504_606_846_977));
        assert_eq!(hash_float(-2.25), Some(-576_460_752_303_423_490));
        assert_eq!(hash_float(0.1), Some(230_584_300_921_369_408));
        assert_eq!(hash_float(1e300), Some(1_224_995_262_755_759_164));
        assert_eq!(hash_float(f64::INFINITY), Some(314_159));
        assert_eq!(hash_float(f64::NAN), None);
    }

    #[test]
    fn tuples_hash_as_cpython() {
        let mut vm = vm();
        // python3 -c 'print(hash(()), hash((1, 2)), hash((1, (2, 3.5))))'
        let empty = vm.new_tuple(&[]).unwrap();
        assert_eq!(vm.hash(empty).unwrap(), 5_740_354_900_026_072_187);
        let one = crate::Value::small_int(1).unwrap();
        let two = crate::Value::small_int(2).unwrap();
        let pair = vm.new_tuple(&[one, two]).unwrap();
        assert_eq!(vm.hash(pair).unwrap(), -3_550_055_125_485_641_917);
        let f = vm.new_float(3.5).unwrap();
        let inner = vm.new_tuple(&[two, f]).unwrap();
        let outer = vm.new_tuple(&[one, inner]).unwrap();
        assert_eq!(vm.hash(outer).unwrap(), -9_148_893_311_433_065_316);
        let list = vm.new_list(&[one]).unwrap();
        let holds_list = vm.new_tuple(&[one, list]).unwrap();
        assert_eq!(vm.hash(holds_list).unwrap_err(), crate::Error::Unhashable("list"));
        for v in [empty, pair, inner, outer, holds_list, list] {
            vm.release(v);
        }
        vm.release(f);
    }

    #[test]
    fn string_hash_spreads_and_is_stable() {
        assert_eq!(hash_str_bytes(b"abc"), hash_str_bytes(b"abc"));
        assert_ne!(hash_str_bytes(b"abc"), hash_str_bytes(b"abd"));
        assert_ne!(hash_str_bytes(b""), hash_str_bytes(b"\0"));
        let mut low_bits = [0u32; 16];
        for i in 0..1600 {
            let s = alloc::format!("name{i}");
            low_bits[(hash_str_bytes(s.as_bytes()) & 15) as usize] += 1;
        }
        assert!(low_bits.iter().all(|&n| (60..=140).contains(&n)), "{low_bits:?}");
    }
}
