//! Sets: open-addressed tables of key handles, sized by the VM's profile.
//!
//! ```text
//! object (20 bytes): +0 header (extra = log2 of slots)  +8 used: u32  +12 fill: u32
//!                    +16 table: u32 (offset, 0 when the set has no table)
//! table block:       [Value; slots]   NULL = empty, DUMMY = deleted
//! ```
//!
//! `fill` counts live and deleted slots; an insert that would push it past
//! `usable(slots)` rebuilds the table from the live keys. Like the dict, no hash is
//! stored (see `hash.rs`), so a slot is 4 bytes against CPython's 16.
//!
//! Invariants: every live key is found by its own probe sequence; `used <= fill <=
//! usable(slots) < slots` for slots > 1. A failed rebuild leaves the set as it was.
//!
//! Set algebra lives here too: the methods' building blocks (`set_algebra`, `set_keep`,
//! `set_toggle`, ...), the operators `| & - ^` between sets, frozensets and dict
//! key/item views (and `dict | dict`), and inclusion as the order of `<`, `<=`, `>`, `>=`.
//! Members whose class defines `__hash__`/`__eq__` run script code when they are added,
//! found or removed (`set_lookup_calling_eq`); a search whose set changes meanwhile starts
//! over, and an in-place walk takes its own references to the keys first.

use crate::accounting::{BlockRole, Subsystem};
use crate::bytecode::Op;
use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::probe::{Probe, Step, Walk};
use crate::value::Value;
use crate::vm::Vm;
use alloc::vec::Vec;
use core::cmp::Ordering;

pub(crate) const OBJECT_BYTES: u32 = 20;
/// Marks a slot whose key was removed: an immediate bit pattern no value uses.
const DUMMY: Value = Value::from_bits(0b110);

/// Where a key is, or where it would go.
enum Lookup {
    Found(u32),
    Absent(u32),
}

impl Vm {
    /// `(table, slots)` if the set has a table.
    fn set_table(&self, at: u32) -> Option<(u32, u32)> {
        let table = self.heap.region().read_u32(at + 16);
        (table != 0).then(|| (table, 1u32 << self.heap.extra(at)))
    }

    /// Finds `key` without running script code: a stored key only a script `__eq__`
    /// could match counts as different (the `&mut` paths use `set_lookup_calling_eq`).
    fn set_lookup(&self, table: u32, slots: u32, key: Value, hash: u32) -> Result<Lookup> {
        let mut walk = Walk::new(hash, slots);
        loop {
            if let Step::Done(found) = self.set_lookup_from(table, slots, key, hash, &mut walk)? {
                return Ok(found);
            }
        }
    }

    #[inline(always)]
    fn set_lookup_from(&self, table: u32, slots: u32, key: Value, hash: u32, walk: &mut Walk) -> Result<Step<Lookup>> {
        loop {
            let slot = walk.probe.slot();
            let k = self.heap.read_value(table + 4 * slot);
            if k == Value::NULL || walk.exhausted {
                return Ok(Step::Done(Lookup::Absent(walk.free_slot.unwrap_or(slot))));
            }
            let mut ask = false;
            if k == DUMMY {
                walk.free_slot.get_or_insert(slot);
            } else if k == key {
                return Ok(Step::Done(Lookup::Found(slot)));
            } else if self.key_hash(k)? == hash {
                if self.has_script_eq(k) || self.has_script_eq(key) {
                    ask = true;
                } else if self.equals(k, key)? {
                    return Ok(Step::Done(Lookup::Found(slot)));
                }
            }
            walk.advance(slots);
            if ask {
                return Ok(Step::Ask { slot, entry: slot });
            }
        }
    }

    /// Finds `key` in set `at`, calling script `__eq__` where a stored key of equal hash
    /// needs it: `(table, slots, outcome)`, `None` if the set has no table. A script that
    /// changes the set meanwhile makes the search start over.
    fn set_lookup_calling_eq(&mut self, at: u32, key: Value, hash: u32) -> Result<Option<(u32, u32, Lookup)>> {
        'search: loop {
            let Some((table, slots)) = self.set_table(at) else { return Ok(None) };
            let mut walk = Walk::new(hash, slots);
            loop {
                let slot = match self.set_lookup_from(table, slots, key, hash, &mut walk)? {
                    Step::Done(found) => return Ok(Some((table, slots, found))),
                    Step::Ask { slot, .. } => slot,
                };
                let stored = self.heap.read_value(table + 4 * slot);
                self.heap.incref(stored);
                let equal = self.compare_truth(Op::Eq, stored, key);
                let unchanged =
                    self.set_table(at) == Some((table, slots)) && self.heap.read_value(table + 4 * slot) == stored;
                self.release(stored);
                if !unchanged {
                    continue 'search;
                }
                if equal? {
                    return Ok(Some((table, slots, Lookup::Found(slot))));
                }
            }
        }
    }

    /// A new set holding `items` (borrowed); `TypeError` if one is unhashable.
    pub fn new_set(&mut self, items: &[Value]) -> Result<Value> {
        let at = self.heap.new_object(Kind::Set, OBJECT_BYTES)?;
        let r = self.heap.region_mut();
        r.write_u32(at + 8, 0);
        r.write_u32(at + 12, 0);
        r.write_u32(at + 16, 0);
        let set = Value::from_offset(at);
        for &item in items {
            if let Err(e) = self.set_add(set, item) {
                self.release(set);
                return Err(e);
            }
        }
        Ok(set)
    }

    /// `len(s)` (0 for non-sets).
    pub fn set_len(&self, s: Value) -> u32 {
        self.object_of_kind(Kind::Set, s).map_or(0, |at| self.heap.region().read_u32(at + 8))
    }

    /// `key in s`.
    pub fn set_contains(&mut self, s: Value, key: Value) -> Result<bool> {
        let at = self.object_of_kind(Kind::Set, s)?;
        let hash = self.key_hash_mut(key)?;
        Ok(matches!(self.set_lookup_calling_eq(at, key, hash)?, Some((_, _, Lookup::Found(_)))))
    }

    /// `key in s` decided without script code (for comparisons made where none can run:
    /// members that compare by a script `__eq__` count as different unless identical).
    fn set_holds(&self, s: Value, key: Value) -> Result<bool> {
        let at = self.object_of_kind(Kind::Set, s)?;
        let hash = self.key_hash(key)?;
        let Some((table, slots)) = self.set_table(at) else { return Ok(false) };
        Ok(matches!(self.set_lookup(table, slots, key, hash)?, Lookup::Found(_)))
    }

    /// `s.add(key)` (borrowed); `Ok(true)` if it was not there before.
    pub fn set_add(&mut self, s: Value, key: Value) -> Result<bool> {
        let at = self.object_of_kind(Kind::Set, s)?;
        let hash = self.key_hash_mut(key)?;
        if let Some((_, _, Lookup::Found(_))) = self.set_lookup_calling_eq(at, key, hash)? {
            return Ok(false);
        }
        let (used, fill) = (self.heap.region().read_u32(at + 8), self.heap.region().read_u32(at + 12));
        let full = self.set_table(at).is_none_or(|(_, slots)| fill >= self.table_rules.usable(slots));
        if full {
            self.rebuild_set(at, self.table_rules.grow(used))?;
        }
        let (table, slots) = self.set_table(at).ok_or(Error::Memory)?;
        let Lookup::Absent(slot) = self.set_lookup(table, slots, key, hash)? else {
            return Ok(false);
        };
        if self.heap.read_value(table + 4 * slot) == Value::NULL {
            let fill = self.heap.region().read_u32(at + 12);
            self.heap.region_mut().write_u32(at + 12, fill + 1);
        }
        self.heap.incref(key);
        self.heap.write_value(table + 4 * slot, key);
        self.heap.region_mut().write_u32(at + 8, used + 1);
        Ok(true)
    }

    /// `s.discard(key)`; `Ok(true)` if it was there.
    pub fn set_discard(&mut self, s: Value, key: Value) -> Result<bool> {
        let at = self.object_of_kind(Kind::Set, s)?;
        let hash = self.key_hash_mut(key)?;
        let Some((table, slots, Lookup::Found(slot))) = self.set_lookup_calling_eq(at, key, hash)? else {
            return Ok(false);
        };
        let old = self.heap.read_value(table + 4 * slot);
        self.heap.write_value(table + 4 * slot, DUMMY);
        let used = self.heap.region().read_u32(at + 8) - 1;
        self.heap.region_mut().write_u32(at + 8, used);
        if self.table_rules.should_shrink(slots, used) {
            if used == 0 {
                self.free_set_table(at);
            } else {
                // Best effort: on failure the current table stays valid.
                let _ = self.rebuild_set(at, self.table_rules.grow(used));
            }
        }
        self.release(old);
        Ok(true)
    }

    /// Iterates a set in table order: the live key at or after `*position` (borrowed).
    pub fn set_next(&self, s: Value, position: &mut u32) -> Option<Value> {
        let at = self.object_of_kind(Kind::Set, s).ok()?;
        let (table, slots) = self.set_table(at)?;
        while *position < slots {
            let k = self.heap.read_value(table + 4 * *position);
            *position += 1;
            if k != Value::NULL && k != DUMMY {
                return Some(k);
            }
        }
        None
    }

    fn rebuild_set(&mut self, at: u32, need: u32) -> Result<()> {
        let slots = self.table_rules.slots_for(need).ok_or(Error::Memory)?;
        let bytes = slots.checked_mul(4).ok_or(Error::Memory)?;
        let table = self.heap.allocate(bytes, Subsystem::Set, BlockRole::Table)?;
        self.heap.region_mut().fill(table, bytes as usize, 0);
        let mut position = 0;
        while let Some(key) = self.set_next(Value::from_offset(at), &mut position) {
            let hash = match self.key_hash(key) {
                Ok(h) => h,
                Err(e) => {
                    self.heap.free(table, bytes, Subsystem::Set, BlockRole::Table);
                    return Err(e);
                }
            };
            let mut probe = Probe::new(hash, slots);
            while self.heap.read_value(table + 4 * probe.slot()) != Value::NULL {
                probe.advance();
            }
            self.heap.write_value(table + 4 * probe.slot(), key);
        }
        self.free_set_table(at);
        let used = self.heap.region().read_u32(at + 8);
        let r = self.heap.region_mut();
        r.write_u32(at + 12, used);
        r.write_u32(at + 16, table);
        self.heap.set_extra(at, slots.trailing_zeros() as u16);
        Ok(())
    }

    fn free_set_table(&mut self, at: u32) {
        if let Some((table, slots)) = self.set_table(at) {
            self.heap.free(table, slots * 4, Subsystem::Set, BlockRole::Table);
            let r = self.heap.region_mut();
            r.write_u32(at + 12, 0);
            r.write_u32(at + 16, 0);
        }
    }

    pub(crate) fn set_table_bytes(&self, at: u32) -> u64 {
        self.set_table(at).map_or(0, |(table, slots)| u64::from(self.heap.block_bytes(table, slots * 4)))
    }

    pub(crate) fn set_equals(&self, a: Value, b: Value) -> Result<bool> {
        if self.set_len(a) != self.set_len(b) {
            return Ok(false);
        }
        let mut position = 0;
        while let Some(key) = self.set_next(a, &mut position) {
            if !self.set_holds(b, key)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(crate) fn destroy_set(&mut self, at: u32, dead: &mut DeadStack) {
        let mut position = 0;
        while let Some(key) = self.set_next(Value::from_offset(at), &mut position) {
            dead.release(&mut self.heap, key);
        }
        self.free_set_table(at);
        self.heap.free_object(at, Kind::Set, OBJECT_BYTES);
    }
}

/// A binary operation of set algebra.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}

impl Vm {
    /// The keys of a set, each with a reference of its own (the caller releases them), so
    /// the set may change while they are used.
    pub(crate) fn set_keys_owned(&mut self, s: Value) -> Vec<Value> {
        let mut keys = Vec::with_capacity(self.set_len(s) as usize);
        let mut position = 0;
        while let Some(key) = self.set_next(s, &mut position) {
            keys.push(key);
        }
        for &key in &keys {
            self.heap.incref(key);
        }
        keys
    }

    /// `s.remove(key)`: `KeyError` if it is not there.
    pub fn set_remove(&mut self, s: Value, key: Value) -> Result<()> {
        if self.set_discard(s, key)? {
            Ok(())
        } else {
            Err(Error::Key(key))
        }
    }

    /// `s.pop()`: removes and returns (owned) the first key in table order; `None` if the
    /// set is empty.
    pub fn set_pop(&mut self, s: Value) -> Result<Option<Value>> {
        self.object_of_kind(Kind::Set, s)?;
        let mut position = 0;
        let Some(key) = self.set_next(s, &mut position) else { return Ok(None) };
        self.heap.incref(key);
        if let Err(e) = self.set_discard(s, key) {
            self.release(key);
            return Err(e);
        }
        Ok(Some(key))
    }

    /// `s.clear()`: drops every key and the table.
    pub fn set_clear(&mut self, s: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Set, s)?;
        let mut dead = DeadStack::default();
        let mut position = 0;
        while let Some(key) = self.set_next(s, &mut position) {
            dead.release(&mut self.heap, key);
        }
        self.free_set_table(at);
        self.heap.region_mut().write_u32(at + 8, 0);
        self.destroy_dead(&mut dead);
        Ok(())
    }

    /// `s.copy()`: a new set (never frozen) with the same keys.
    pub fn set_copy(&mut self, s: Value) -> Result<Value> {
        self.object_of_kind(Kind::Set, s)?;
        let result = self.new_set(&[])?;
        match self.set_add_keys_of(result, s) {
            Ok(()) => Ok(result),
            Err(e) => {
                self.release(result);
                Err(e)
            }
        }
    }

    /// Adds the keys of set `from` to set `s` (which is not `from`).
    fn set_add_keys_of(&mut self, s: Value, from: Value) -> Result<()> {
        let mut position = 0;
        while let Some(key) = self.set_next(from, &mut position) {
            self.set_add(s, key)?;
        }
        Ok(())
    }

    /// `s.update(iterable)`.
    pub fn set_update(&mut self, s: Value, iterable: Value) -> Result<()> {
        let items = self.collect(iterable)?;
        let result = items.iter().try_for_each(|&item| self.set_add(s, item).map(drop));
        self.release_all(&items);
        result
    }

    /// `v` as a set (owned): itself if it is a set or frozenset, else a new set of its items.
    pub(crate) fn set_of(&mut self, v: Value) -> Result<Value> {
        if self.kind_of(v) == Some(Kind::Set) {
            self.heap.incref(v);
            return Ok(v);
        }
        let items = self.collect(v)?;
        let set = self.new_set(&items);
        self.release_all(&items);
        set
    }

    /// A new set: `a <op> b` for sets `a` and `b`.
    pub(crate) fn set_algebra(&mut self, op: SetOp, a: Value, b: Value) -> Result<Value> {
        let result = self.new_set(&[])?;
        let filled = match op {
            SetOp::Union => self.set_add_keys_of(result, a).and_then(|()| self.set_add_keys_of(result, b)),
            // As CPython: walk the smaller set, keep its keys found in the larger.
            SetOp::Intersection if self.set_len(b) > self.set_len(a) => self.set_add_filtered(result, a, b, true),
            SetOp::Intersection => self.set_add_filtered(result, b, a, true),
            SetOp::Difference => self.set_add_filtered(result, a, b, false),
            SetOp::SymmetricDifference => {
                self.set_add_filtered(result, a, b, false).and_then(|()| self.set_add_filtered(result, b, a, false))
            }
        };
        match filled {
            Ok(()) => Ok(result),
            Err(e) => {
                self.release(result);
                Err(e)
            }
        }
    }

    /// Adds to `s` the keys of `from` that are (`in_other`) or are not in `other`.
    fn set_add_filtered(&mut self, s: Value, from: Value, other: Value, in_other: bool) -> Result<()> {
        let mut position = 0;
        while let Some(key) = self.set_next(from, &mut position) {
            if self.set_contains(other, key)? == in_other {
                self.set_add(s, key)?;
            }
        }
        Ok(())
    }

    /// Keeps in `s` only the keys that are (`in_other`) or are not in set `other`:
    /// `intersection_update` and `difference_update`.
    pub(crate) fn set_keep(&mut self, s: Value, other: Value, in_other: bool) -> Result<()> {
        if s == other {
            return if in_other { Ok(()) } else { self.set_clear(s) };
        }
        let keys = self.set_keys_owned(s);
        let mut result = Ok(());
        for &key in &keys {
            let dropped = self.set_contains(other, key).and_then(|found| {
                if found != in_other {
                    self.set_discard(s, key)?;
                }
                Ok(())
            });
            if let Err(e) = dropped {
                result = Err(e);
                break;
            }
        }
        self.release_all(&keys);
        result
    }

    /// `s.symmetric_difference_update(iterable)`: each distinct item removed from `s` if
    /// there, added otherwise.
    pub(crate) fn set_toggle(&mut self, s: Value, iterable: Value) -> Result<()> {
        if s == iterable {
            return self.set_clear(s);
        }
        let other = self.set_of(iterable)?;
        let keys = self.set_keys_owned(other);
        self.release(other);
        let mut result = Ok(());
        for &key in &keys {
            let toggled = match self.set_contains(s, key) {
                Ok(true) => self.set_discard(s, key).map(drop),
                Ok(false) => self.set_add(s, key).map(drop),
                Err(e) => Err(e),
            };
            if let Err(e) = toggled {
                result = Err(e);
                break;
            }
        }
        self.release_all(&keys);
        result
    }

    /// Whether every key of set `a` is in set `b`.
    pub(crate) fn set_is_subset(&self, a: Value, b: Value) -> Result<bool> {
        if self.set_len(a) > self.set_len(b) {
            return Ok(false);
        }
        let mut position = 0;
        while let Some(key) = self.set_next(a, &mut position) {
            if !self.set_holds(b, key)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Sets ordered by inclusion, for `<`, `<=`, `>`, `>=`: `Less` for a proper subset,
    /// `None` when neither includes the other.
    pub(crate) fn set_order(&self, a: Value, b: Value) -> Result<Option<Ordering>> {
        let ordering = self.set_len(a).cmp(&self.set_len(b));
        let included = match ordering {
            Ordering::Greater => self.set_is_subset(b, a)?,
            _ => self.set_is_subset(a, b)?,
        };
        Ok(included.then_some(ordering))
    }

    /// Whether a dict view can take part in set algebra (keys and items views can).
    pub(crate) fn is_set_like_view(&self, v: Value) -> bool {
        v.as_object().is_some_and(|at| {
            self.heap.is_kind(at, Kind::DictView) && self.dict_view_flavor(at) != crate::methods::ViewFlavor::Values
        })
    }

    /// Whether `a <op> b` (`|`, `&`, `-`, `^`) is set algebra done by
    /// [`set_operation`](Self::set_operation): between two sets (or frozensets), between a
    /// dict's keys or items view and any iterable, or `dict | dict`.
    pub(crate) fn is_set_operation(&self, op: Op, a: Value, b: Value) -> bool {
        match (self.kind_of(a), self.kind_of(b)) {
            (Some(Kind::Set), Some(Kind::Set)) => true,
            (Some(Kind::Dict), Some(Kind::Dict)) => op == Op::BitOr,
            _ => self.is_set_like_view(a) || self.is_set_like_view(b),
        }
    }

    /// `a <op>= b` done in place, as Python does for a set (not a frozenset) with a set or
    /// frozenset on the right, and for `dict |= anything dict.update takes`: changes `a`
    /// and returns it (a new reference). `None` when the operation is not in place; the
    /// caller then computes `a <op> b`.
    pub(crate) fn set_operation_in_place(&mut self, op: Op, a: Value, b: Value) -> Result<Option<Value>> {
        match (self.kind_of(a), self.kind_of(b)) {
            (Some(Kind::Set), Some(Kind::Set)) if !self.is_frozenset(a) => match op {
                Op::BitOr => self.set_update(a, b)?,
                Op::BitAnd => self.set_keep(a, b, true)?,
                Op::Sub => self.set_keep(a, b, false)?,
                Op::BitXor => self.set_toggle(a, b)?,
                _ => return Ok(None),
            },
            (Some(Kind::Dict), _) if op == Op::BitOr => self.dict_update(a, b)?,
            _ => return Ok(None),
        }
        self.heap.incref(a);
        Ok(Some(a))
    }

    /// `a <op> b` for the operands [`is_set_operation`](Self::is_set_operation) accepts. The
    /// result has the left operand's type (set or frozenset; a set for views); `dict |
    /// dict` is a new dict, the right one's entries winning.
    pub(crate) fn set_operation(&mut self, op: Op, a: Value, b: Value) -> Result<Value> {
        if self.kind_of(a) == Some(Kind::Dict) {
            let merged = self.dict_copy(a)?;
            return match self.dict_update(merged, b) {
                Ok(()) => Ok(merged),
                Err(e) => {
                    self.release(merged);
                    Err(e)
                }
            };
        }
        let set_op = match op {
            Op::BitOr => SetOp::Union,
            Op::BitAnd => SetOp::Intersection,
            Op::Sub => SetOp::Difference,
            _ => SetOp::SymmetricDifference,
        };
        let x = self.set_of(a)?;
        let result = self.set_of(b).and_then(|y| {
            let r = self.set_algebra(set_op, x, y);
            self.release(y);
            r
        });
        self.release(x);
        let result = result?;
        if self.is_frozenset(a) {
            self.freeze_set(result);
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Profile, VmConfig};
    use crate::test_support::{int, vm_with};

    #[test]
    fn add_discard_contains_like_python() {
        for profile in [Profile::Tight, Profile::Stock] {
            let mut vm = vm_with(VmConfig::new(profile));
            let s = vm.new_set(&[int(1), int(2), int(2)]).unwrap();
            assert_eq!(vm.set_len(s), 2);
            let one_f = vm.new_float(1.0).unwrap();
            assert!(vm.set_contains(s, one_f).unwrap());
            assert!(!vm.set_add(s, Value::TRUE).unwrap(), "True == 1");
            for i in 0..2000 {
                vm.set_add(s, int(i)).unwrap();
            }
            assert_eq!(vm.set_len(s), 2000);
            for i in 0..1990 {
                assert!(vm.set_discard(s, int(i)).unwrap());
            }
            assert!(!vm.set_discard(s, int(0)).unwrap());
            assert_eq!(vm.set_len(s), 10);
            let mut seen = alloc::vec::Vec::new();
            let mut pos = 0;
            while let Some(k) = vm.set_next(s, &mut pos) {
                seen.push(vm.as_int(k).unwrap());
            }
            seen.sort_unstable();
            assert_eq!(seen, (1990..2000).collect::<alloc::vec::Vec<_>>());
            vm.verify().unwrap();
            vm.release(one_f);
            vm.release(s);
            let cached = vm.subsystem(crate::Subsystem::Float).live_bytes;
            assert_eq!(vm.bytes_in_use(), cached, "only the float cache's 1.0 is left");
        }
    }

    #[test]
    fn sets_compare_and_reject_unhashables() {
        let mut vm = vm_with(VmConfig::default());
        let a = vm.new_set(&[int(1), int(2)]).unwrap();
        let b = vm.new_set(&[int(2), int(1)]).unwrap();
        assert!(vm.equals(a, b).unwrap());
        let l = vm.new_list(&[]).unwrap();
        assert_eq!(vm.set_add(a, l).unwrap_err(), Error::Unhashable("list"));
        assert_eq!(vm.new_set(&[int(1), l]).unwrap_err(), Error::Unhashable("list"));
        assert_eq!(vm.getsizeof(a), 24 + 16, "two keys in a 4-slot table");
        for v in [a, b, l] {
            vm.release(v);
        }
        assert_eq!(vm.bytes_in_use(), 0);
    }
    /// The sorted ints of a set (test helper).
    fn ints(vm: &Vm, s: Value) -> alloc::vec::Vec<i64> {
        let mut out = alloc::vec::Vec::new();
        let mut position = 0;
        while let Some(k) = vm.set_next(s, &mut position) {
            out.push(vm.as_int(k).unwrap());
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn operators_and_inclusion_order_like_python() {
        let mut vm = vm_with(VmConfig::default());
        vm.ensure_builtins().unwrap();
        let base = vm.bytes_in_use();
        let a = vm.new_set(&[int(1), int(2), int(3), int(4)]).unwrap();
        let b = vm.new_set(&[int(3), int(4), int(5)]).unwrap();
        // python3 -c 'a, b = {1,2,3,4}, {3,4,5}; print(a | b, a & b, a - b, a ^ b)'
        let expected: [(Op, &[i64]); 4] =
            [(Op::BitOr, &[1, 2, 3, 4, 5]), (Op::BitAnd, &[3, 4]), (Op::Sub, &[1, 2]), (Op::BitXor, &[1, 2, 5])];
        for (op, want) in expected {
            let r = vm.binary(op, a, b).unwrap();
            assert_eq!(ints(&vm, r), want, "{op:?}");
            vm.release(r);
        }
        let l = vm.new_list(&[int(1)]).unwrap();
        let e = vm.binary(Op::BitOr, a, l).unwrap_err();
        assert_eq!(e.python_type(), "TypeError", "set | list is unsupported");
        // python3 -c 'print({1,2} < {1,2,3}, {1,2,3} < {1,2,3}, {1,2,3} <= {1,2,3}, {1,2} > {1,2,3},
        //   {1,2} <= {3}, {3} >= {1,2}, {1,2,3} >= {2})'  ->  True False True False False False True
        let s12 = vm.new_set(&[int(1), int(2)]).unwrap();
        let s123 = vm.new_set(&[int(1), int(2), int(3)]).unwrap();
        let s3 = vm.new_set(&[int(3)]).unwrap();
        let s2 = vm.new_set(&[int(2)]).unwrap();
        let checks = [
            (Op::Lt, s12, s123, true),
            (Op::Lt, s123, s123, false),
            (Op::Le, s123, s123, true),
            (Op::Gt, s12, s123, false),
            (Op::Le, s12, s3, false),
            (Op::Ge, s3, s12, false),
            (Op::Ge, s123, s2, true),
        ];
        for (op, x, y, want) in checks {
            assert_eq!(vm.compare_order(op, x, y).unwrap(), want, "{op:?}");
        }
        // python3 -c 'fs = frozenset({1, 2}); print(type(fs | {3}).__name__, type({3} | fs).__name__)'
        let fs = vm.new_frozenset(&[int(1), int(2)]).unwrap();
        let left = vm.binary(Op::BitOr, fs, s3).unwrap();
        let right = vm.binary(Op::BitOr, s3, fs).unwrap();
        assert!(vm.is_frozenset(left) && !vm.is_frozenset(right));
        assert_eq!(ints(&vm, left), [1, 2, 3]);
        vm.release_all(&[a, b, l, s12, s123, s3, s2, fs, left, right]);
        assert_eq!(vm.bytes_in_use(), base);
    }

    #[test]
    fn dict_union_and_views_in_set_algebra() {
        let mut vm = vm_with(VmConfig::default());
        vm.ensure_builtins().unwrap();
        let base = vm.bytes_in_use();
        // python3 -c "d = {1: 10, 2: 20}; print(d | {2: 0, 3: 30}, d.keys() & {1, 9}, [2, 7] - d.keys())"
        // -> {1: 10, 2: 0, 3: 30} {1} {7}
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, int(1), int(10)).unwrap();
        vm.dict_set(d, int(2), int(20)).unwrap();
        let e = vm.new_dict().unwrap();
        vm.dict_set(e, int(2), int(0)).unwrap();
        vm.dict_set(e, int(3), int(30)).unwrap();
        let merged = vm.binary(Op::BitOr, d, e).unwrap();
        assert_eq!(vm.repr(merged).unwrap(), "{1: 10, 2: 0, 3: 30}");
        assert_eq!(vm.repr(d).unwrap(), "{1: 10, 2: 20}", "the operands stay as they were");
        let name = vm.intern_str("keys").unwrap();
        let method = vm.get_attribute(d, name).unwrap();
        let keys = vm.call(method, &[]).unwrap();
        let probe = vm.new_set(&[int(1), int(9)]).unwrap();
        let both = vm.binary(Op::BitAnd, keys, probe).unwrap();
        assert_eq!(ints(&vm, both), [1]);
        let l = vm.new_list(&[int(2), int(7)]).unwrap();
        let rest = vm.binary(Op::Sub, l, keys).unwrap();
        assert_eq!(ints(&vm, rest), [7]);
        assert!(!vm.is_frozenset(rest));
        assert!(vm.binary(Op::BitOr, d, l).is_err(), "dict | list is a TypeError");
        vm.release_all(&[d, e, merged, name, method, keys, probe, both, l, rest]);
        assert_eq!(vm.bytes_in_use(), base);
    }

    #[test]
    fn in_place_algebra_keeps_counts_exact() {
        let mut vm = vm_with(VmConfig::default());
        let s = vm.new_str("shared").unwrap();
        let a = vm.new_set(&[int(1), int(2), s]).unwrap();
        let b = vm.new_set(&[int(2), int(3)]).unwrap();
        vm.set_keep(a, b, false).unwrap();
        assert_eq!(vm.set_len(a), 2, "difference_update drops 2");
        vm.set_toggle(a, b).unwrap();
        assert_eq!(vm.set_len(a), 4, "symmetric_difference_update adds 2 and 3");
        vm.set_keep(a, b, true).unwrap();
        assert_eq!(ints(&vm, a), [2, 3]);
        assert_eq!(vm.refcount(s), Some(1), "the string left the set");
        vm.set_toggle(a, a).unwrap();
        assert_eq!(vm.set_len(a), 0, "x ^= x empties x");
        assert_eq!(vm.set_pop(a).unwrap(), None);
        vm.set_update(a, b).unwrap();
        assert_eq!(vm.set_remove(a, int(9)).unwrap_err(), Error::Key(int(9)));
        let popped = vm.set_pop(a).unwrap().unwrap();
        assert!(vm.set_len(a) == 1 && !vm.set_contains(a, popped).unwrap());
        // python3 -c "a = {1, 2}; b = a; b |= {3}; b -= {1}; print(a)"  ->  {2, 3}
        let c = vm.new_set(&[int(1), int(2)]).unwrap();
        for (op, operand) in [(Op::BitOr, 3), (Op::Sub, 1)] {
            let other = vm.new_set(&[int(operand)]).unwrap();
            let same = vm.set_operation_in_place(op, c, other).unwrap();
            assert_eq!(same, Some(c));
            vm.release_all(&[other, c]);
        }
        assert_eq!(ints(&vm, c), [2, 3]);
        assert_eq!(vm.set_operation_in_place(Op::BitOr, c, int(1)).unwrap(), None, "set |= int is not in place");
        vm.release(c);
        vm.set_clear(b).unwrap();
        assert_eq!(vm.getsizeof(b), 24, "a cleared set gives its table back");
        vm.release_all(&[s, a, b]);
        assert_eq!(vm.bytes_in_use(), 0);
    }
}
