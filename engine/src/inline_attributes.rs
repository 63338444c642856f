//! Attributes kept in the instance itself: the (name, value) pairs of a script-class
//! instance, stored after its header until something needs them as a dict.
//!
//! ```text
//! instance (16 + 8 x capacity bytes): +8 class  +12 attributes dict or NULL
//!                                     +16 [(name: interned str, value); capacity]
//! ```
//!
//! A class remembers the most attributes an instance has had (`class.rs`, the attribute
//! count hint); its next instances are made with that many pairs, so `self.x = x` in
//! `__init__` fills a pair instead of growing a dict: one block per instance instead of
//! three (instance, dict, dict table), and an attribute read is one name compare at the
//! pair a load site hinted (`name_cache.rs`). CPython 3.11 keeps instance values inline
//! for the same reason.
//!
//! The capacity is not stored: it is what the instance's pool slot holds past the header
//! (`Heap::small_block_bytes`), so it costs no byte. An instance of a built-in subclass
//! (`builtin_subclass.rs`, base value at +16) has none.
//!
//! Invariants:
//! - pairs in use come first and keep insertion order: pair i is in use iff its name is
//!   not NULL, and every pair before a used one is used;
//! - names are interned exact strs, each at most once; values are never NULL;
//! - once the attributes dict exists it holds every attribute and all pairs are empty:
//!   anything that needs the attributes as a dict (`__dict__`, `vars()`, `del obj.x`,
//!   a name that is no exact str) materializes it first, so the two never disagree;
//! - materializing allocates the dict and fills it completely before it empties a pair,
//!   so running out of memory leaves the instance exactly as it was.

use crate::builtin_subclass::CLASS_BUILTIN_BASE;
use crate::error::Result;
use crate::object::{DeadStack, Kind, INSTANCE_BYTES};
use crate::str::FLAG_INTERNED;
use crate::value::Value;
use crate::vm::Vm;

/// The most pairs an instance holds: the largest pool slot, less the header.
pub(crate) const MAX_INLINE_PAIRS: u32 = (crate::pool::SMALL_MAX - INSTANCE_BYTES) / 8;

/// Bytes of a new plain instance of a class whose instances have had `hint` attributes.
pub(crate) fn instance_bytes_for(hint: u32) -> u32 {
    INSTANCE_BYTES + 8 * hint.min(MAX_INLINE_PAIRS)
}

/// Where an instance's attribute `name` is, or where it would go.
enum Found {
    /// At this pair (offset).
    Pair(u32),
    /// Not among the pairs; the next free one is this offset.
    Free(u32),
    /// Not among the pairs, which are all in use.
    Full,
}

impl Vm {
    /// How many pairs instance `at` has room for.
    #[inline(always)]
    pub(crate) fn inline_capacity(&self, at: u32) -> u32 {
        let class = self.heap.region().read_u32(at + 8);
        if self.class_flags(class) & CLASS_BUILTIN_BASE != 0 {
            return 0;
        }
        (self.heap.small_block_bytes(at) - INSTANCE_BYTES) / 8
    }

    /// The pair `index` of instance `at` if it holds `name` (an interned str): where a load
    /// site's hint says the attribute is.
    #[inline(always)]
    pub(crate) fn inline_pair_if_named(&self, at: u32, index: u32, name: Value) -> Option<u32> {
        if index >= self.inline_capacity(at) {
            return None;
        }
        let pair = at + INSTANCE_BYTES + 8 * index;
        (self.heap.read_value(pair) == name).then_some(pair)
    }

    /// Whether instance `at`'s pairs hold interned name `name` (pair names are interned,
    /// so identity decides).
    pub(crate) fn holds_inline_name(&self, at: u32, name: Value) -> bool {
        (0..self.inline_capacity(at))
            .map(|index| self.heap.read_value(at + INSTANCE_BYTES + 8 * index))
            .take_while(|&key| key != Value::NULL)
            .any(|key| key == name)
    }

    /// The pair of instance `at` holding `name` (any str), with its index.
    pub(crate) fn inline_pair_of(&self, at: u32, name: Value) -> Option<(u32, u32)> {
        match self.find_inline(at, name) {
            Found::Pair(pair) => Some(((pair - at - INSTANCE_BYTES) / 8, pair)),
            Found::Free(_) | Found::Full => None,
        }
    }

    fn find_inline(&self, at: u32, name: Value) -> Found {
        let name_at = name.as_object().filter(|&n| self.heap.is_kind(n, Kind::Str));
        // Names are interned, so an interned `name` can only be among them as itself.
        let compare_text = name_at.filter(|&n| self.heap.flags(n) & FLAG_INTERNED == 0);
        for index in 0..self.inline_capacity(at) {
            let pair = at + INSTANCE_BYTES + 8 * index;
            let key = self.heap.read_value(pair);
            if key == Value::NULL {
                return Found::Free(pair);
            }
            if key == name || compare_text.is_some_and(|n| self.str_equals(key.as_object().unwrap_or_default(), n)) {
                return Found::Pair(pair);
            }
        }
        Found::Full
    }

    /// Pairs of instance `at` in use.
    pub(crate) fn inline_len(&self, at: u32) -> u32 {
        (0..self.inline_capacity(at))
            .take_while(|&index| self.heap.read_value(at + INSTANCE_BYTES + 8 * index) != Value::NULL)
            .count() as u32
    }

    /// Stores `value` (borrowed) as attribute `name` among instance `at`'s pairs, which
    /// must be in use (no attributes dict); a new one counts towards the class's hint.
    /// False (nothing done) when `name` is new and cannot take a pair: no room, or not
    /// an exact str.
    pub(crate) fn store_inline(&mut self, at: u32, name: Value, value: Value) -> Result<bool> {
        let free = match self.find_inline(at, name) {
            Found::Pair(pair) => {
                self.replace_inline_value(pair, value);
                return Ok(true);
            }
            Found::Free(free) => free,
            Found::Full => return Ok(false),
        };
        if self.kind_of(name) != Some(Kind::Str) {
            return Ok(false);
        }
        self.heap.incref(name);
        let name = self.intern(name)?;
        self.heap.incref(value);
        self.heap.write_value(free, name);
        self.heap.write_value(free + 4, value);
        let in_use = (free - at - INSTANCE_BYTES) / 8 + 1;
        self.note_attribute_count(at, in_use);
        Ok(true)
    }

    /// Stores `value` (borrowed) in the pair at `pair`, releasing the value it held.
    #[inline(always)]
    pub(crate) fn replace_inline_value(&mut self, pair: u32, value: Value) {
        self.heap.incref(value);
        let old = self.heap.read_value(pair + 4);
        self.heap.write_value(pair + 4, value);
        self.release(old);
    }

    /// Moves instance `at`'s pairs into a new attributes dict, which it keeps from now on
    /// (returned, borrowed).
    /// The dict is made the size the class's instances reach.
    pub(crate) fn materialize_attributes(&mut self, at: u32) -> Result<Value> {
        let used = self.inline_len(at);
        let hint = crate::class::attribute_count_hint(self.class_flags(self.heap.region().read_u32(at + 8)));
        let dict = self.new_dict_for(hint.max(used))?;
        for index in 0..used {
            let pair = at + INSTANCE_BYTES + 8 * index;
            let (name, value) = (self.heap.read_value(pair), self.heap.read_value(pair + 4));
            if let Err(e) = self.dict_set(dict, name, value) {
                self.release(dict);
                return Err(e);
            }
        }
        // The dict holds every attribute now, so emptying the pairs frees nothing.
        for index in 0..used {
            let pair = at + INSTANCE_BYTES + 8 * index;
            for word in [pair, pair + 4] {
                let old = self.heap.read_value(word);
                self.heap.write_value(word, Value::NULL);
                self.release(old);
            }
        }
        self.heap.write_value(at + 12, dict);
        Ok(dict)
    }

    /// The offset of each word of instance `at`'s pairs in use (names and values): what
    /// the cycle detector follows and cuts.
    pub(crate) fn inline_words(&self, at: u32) -> impl Iterator<Item = u32> {
        let start = at + INSTANCE_BYTES;
        (0..2 * self.inline_len(at)).map(move |word| start + 4 * word)
    }

    /// Releases (onto `dead`) what instance `at`'s pairs hold: part of its destruction.
    pub(crate) fn release_inline_attributes(&mut self, at: u32, dead: &mut DeadStack) {
        for index in 0..self.inline_len(at) {
            let pair = at + INSTANCE_BYTES + 8 * index;
            for word in [pair, pair + 4] {
                let part = self.heap.read_value(word);
                dead.release(&mut self.heap, part);
            }
        }
    }
}
