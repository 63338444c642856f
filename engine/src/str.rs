//! Strings: immutable UTF-8 with the hash computed once at creation.
//!
//! ```text
//! +0 header (flags: ASCII, INTERNED)   +8 byte length: u32   +12 hash: u32   +16 bytes
//! ```
//!
//! A 2-character string is 24 bytes (CPython 3.11: 51). The ASCII flag makes `len()`
//! and indexing O(1) for the common case; other strings count code points on demand.
//! Interned strings (see `intern.rs`) are unique by content, so two different interned
//! handles are never equal and compare without reading their bytes.

use crate::error::{Error, Result};
use crate::hash::hash_str_bytes;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const HEADER_BYTES: u32 = 16;
pub(crate) const FLAG_ASCII: u8 = 1;
pub(crate) const FLAG_INTERNED: u8 = 2;
/// The longest string the engine makes: its object size must fit a 32-bit block size.
pub const MAX_STR_BYTES: usize = (u32::MAX / 2) as usize;

/// Whether `s` looks like a Python name (interned when used as a dict key).
pub fn looks_like_name(s: &[u8]) -> bool {
    match s.split_first() {
        Some((first, rest)) => {
            (first.is_ascii_alphabetic() || *first == b'_')
                && rest.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        }
        None => false,
    }
}

impl Vm {
    /// A new string (owned by the caller), not interned.
    pub fn new_str(&mut self, s: &str) -> Result<Value> {
        let at = self.new_str_object(s.as_bytes(), hash_str_bytes(s.as_bytes()))?;
        Ok(Value::from_offset(at))
    }

    /// Makes a string object from bytes already known to be UTF-8, with their hash.
    pub(crate) fn new_str_object(&mut self, bytes: &[u8], hash: u32) -> Result<u32> {
        if bytes.len() > MAX_STR_BYTES {
            return Err(Error::Memory);
        }
        let len = bytes.len() as u32;
        let at = self.heap.new_object(Kind::Str, HEADER_BYTES + len)?;
        if bytes.is_ascii() {
            self.heap.set_flags(at, FLAG_ASCII);
        }
        let r = self.heap.region_mut();
        r.write_u32(at + 8, len);
        r.write_u32(at + 12, hash);
        r.bytes_mut(at + HEADER_BYTES, bytes.len()).copy_from_slice(bytes);
        Ok(at)
    }

    /// The text of a string value, `None` for anything else.
    pub fn as_str(&self, v: Value) -> Option<&str> {
        let bytes = self.str_bytes_of(v)?;
        match core::str::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(_) => panic!("mote engine bug: string object {v:?} holds invalid UTF-8"),
        }
    }

    /// Number of code points (Python's `len`), `None` for non-strings.
    pub fn str_char_len(&self, v: Value) -> Option<usize> {
        let at = v.as_object()?;
        if !self.heap.is_kind(at, Kind::Str) {
            return None;
        }
        if self.heap.flags(at) & FLAG_ASCII != 0 {
            Some(self.str_byte_len(at) as usize)
        } else {
            self.as_str(v).map(|s| s.chars().count())
        }
    }

    /// Whether `v` is an interned string.
    pub fn is_interned(&self, v: Value) -> bool {
        v.as_object().is_some_and(|at| self.heap.is_kind(at, Kind::Str) && self.heap.flags(at) & FLAG_INTERNED != 0)
    }

    fn str_bytes_of(&self, v: Value) -> Option<&[u8]> {
        let at = v.as_object()?;
        (self.heap.is_kind(at, Kind::Str)).then(|| self.str_bytes(at))
    }

    pub(crate) fn str_bytes(&self, at: u32) -> &[u8] {
        self.heap.region().bytes(at + HEADER_BYTES, self.str_byte_len(at) as usize)
    }

    pub(crate) fn str_byte_len(&self, at: u32) -> u32 {
        self.heap.region().read_u32(at + 8)
    }

    pub(crate) fn str_hash(&self, at: u32) -> u32 {
        self.heap.region().read_u32(at + 12)
    }

    pub(crate) fn str_object_bytes(&self, at: u32) -> u32 {
        HEADER_BYTES + self.str_byte_len(at)
    }

    /// Content equality of two string objects.
    pub(crate) fn str_equals(&self, a: u32, b: u32) -> bool {
        let both_interned = self.heap.flags(a) & self.heap.flags(b) & FLAG_INTERNED != 0;
        if a == b {
            return true;
        }
        if both_interned || self.str_hash(a) != self.str_hash(b) || self.str_byte_len(a) != self.str_byte_len(b) {
            return false;
        }
        self.str_bytes(a) == self.str_bytes(b)
    }

    pub(crate) fn destroy_str(&mut self, at: u32) {
        if self.heap.flags(at) & FLAG_INTERNED != 0 {
            self.forget_interned(at);
        }
        let bytes = self.str_object_bytes(at);
        self.heap.free_object(at, Kind::Str, bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::vm;

    #[test]
    fn strings_keep_text_length_and_size() {
        let mut vm = vm();
        let s = vm.new_str("hi").unwrap();
        assert_eq!(vm.as_str(s), Some("hi"));
        assert_eq!(vm.getsizeof(s), 24);
        let u = vm.new_str("héllo wörld").unwrap();
        assert_eq!(vm.str_char_len(u), Some(11));
        assert_eq!(vm.str_char_len(s), Some(2));
        let empty = vm.new_str("").unwrap();
        assert_eq!(vm.as_str(empty), Some(""));
        assert_eq!(vm.getsizeof(empty), 16);
        let long = "x".repeat(1000);
        let l = vm.new_str(&long).unwrap();
        assert_eq!(vm.as_str(l), Some(long.as_str()));
        assert_eq!(vm.getsizeof(l), 1024, "1016 bytes plus the 8-byte block header");
        for v in [s, u, empty, l] {
            vm.release(v);
        }
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn equal_strings_hash_equal() {
        let mut vm = vm();
        let a = vm.new_str("same").unwrap();
        let b = vm.new_str("same").unwrap();
        assert_ne!(a, b);
        assert!(vm.equals(a, b).unwrap());
        assert_eq!(vm.hash(a).unwrap(), vm.hash(b).unwrap());
        vm.release(a);
        vm.release(b);
    }

    #[test]
    fn names_are_recognised() {
        assert!(looks_like_name(b"_x1"));
        assert!(looks_like_name(b"health"));
        assert!(!looks_like_name(b"1x"));
        assert!(!looks_like_name(b""));
        assert!(!looks_like_name(b"a b"));
        assert!(!looks_like_name("é".as_bytes()));
    }
}
