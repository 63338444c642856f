//! `frozenset`: an immutable, hashable set.
//!
//! A frozenset is a set object (`Kind::Set`, the layout of `set.rs`) with the `FROZEN`
//! bit in its header flags. Sharing the layout means every read-only operation on sets
//! (`len`, `in`, iteration, `==` with a set or a frozenset, printing) works on it
//! unchanged; its class is `frozenset` (`type_of`), whose namespace holds only the
//! methods below, so scripts cannot reach `add` or `discard`. The bit is set only on a
//! set nobody else has seen yet (just built), so no `set` ever becomes frozen under a
//! holder.
//!
//! Its hash is CPython 3.11's frozenset hash over the items' hashes: an order-free mix
//! of each item's hash, then of the size, so equal frozensets hash equal whatever order
//! their tables hold them in (and `hash(frozenset([1, 2]))` matches CPython's for ints).

use crate::error::{Error, Result};
use crate::function::NativeFn;
use crate::object::Kind;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::Vm;
use alloc::vec::Vec;

/// Header flag of a set object: it is a frozenset.
pub(crate) const FROZEN: u8 = 1;

/// The methods of `frozenset` (each takes the frozenset first).
pub(crate) const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("copy", frozenset_copy),
    ("union", frozenset_union),
    ("intersection", frozenset_intersection),
    ("difference", frozenset_difference),
    ("symmetric_difference", frozenset_symmetric_difference),
    ("issubset", frozenset_issubset),
    ("issuperset", frozenset_issuperset),
    ("isdisjoint", frozenset_isdisjoint),
];

/// CPython's `_shuffle_bits`: spreads an item's hash before it is mixed in.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

impl Vm {
    /// Whether `v` is a frozenset.
    pub fn is_frozenset(&self, v: Value) -> bool {
        v.as_object().is_some_and(|at| self.heap.is_kind(at, Kind::Set) && self.heap.flags(at) & FROZEN != 0)
    }

    /// A new frozenset of `items` (borrowed); `TypeError` if one is unhashable.
    pub fn new_frozenset(&mut self, items: &[Value]) -> Result<Value> {
        let set = self.new_set(items)?;
        self.freeze_set(set);
        Ok(set)
    }

    /// Makes the set `s` a frozenset. Only for a set the caller has just made and not
    /// shared: freezing changes its type for every holder.
    pub(crate) fn freeze_set(&mut self, s: Value) {
        if let Some(at) = s.as_object().filter(|&at| self.heap.is_kind(at, Kind::Set)) {
            let flags = self.heap.flags(at);
            self.heap.set_flags(at, flags | FROZEN);
        }
    }

    /// CPython's frozenset hash, with `hash_item` giving each item's hash.
    pub(crate) fn frozenset_hash(&self, s: Value, hash_item: impl Fn(Value) -> Result<i64>) -> Result<i64> {
        let mut hash: u64 = 0;
        let mut position = 0;
        while let Some(item) = self.set_next(s, &mut position) {
            hash ^= shuffle_bits(hash_item(item)? as u64);
        }
        hash ^= (u64::from(self.set_len(s)) + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        Ok(hash as i64)
    }

    /// Puts the frozenset methods in the `frozenset` class (with the builtins).
    pub(crate) fn install_frozenset_methods(&mut self) -> Result<()> {
        let class = self.builtin_type(BuiltinType::FrozenSet);
        let namespace = self.class_namespace(class.as_object().unwrap_or_default());
        for &(name, f) in FROZENSET_METHODS {
            self.install_native(namespace, name, crate::function::NativeCode::Positional(f))?;
        }
        Ok(())
    }
}

/// The items of a set (borrowed), in table order.
fn items_of(vm: &Vm, s: Value) -> Vec<Value> {
    let mut items = Vec::new();
    let mut position = 0;
    while let Some(item) = vm.set_next(s, &mut position) {
        items.push(item);
    }
    items
}

/// `other` as a set (owned): itself if it is a set or frozenset, else a new set of its
/// items.
fn as_set(vm: &mut Vm, other: Value) -> Result<Value> {
    if vm.kind_of(other) == Some(Kind::Set) {
        vm.incref(other);
        return Ok(other);
    }
    let items = vm.collect(other)?;
    let set = vm.new_set(&items);
    vm.release_all(&items);
    set
}

/// A new set of `items` (borrowed), frozen if `like` is a frozenset.
fn set_like(vm: &mut Vm, like: Value, items: &[Value]) -> Result<Value> {
    let set = vm.new_set(items)?;
    if vm.is_frozenset(like) {
        vm.freeze_set(set);
    }
    Ok(set)
}

/// The items of `s` that are (`keep_if_in`) or are not in every one of `others`.
fn filtered(vm: &mut Vm, s: Value, others: &[Value], keep_if_in: bool) -> Result<Value> {
    let mut items = items_of(vm, s);
    for &other in others {
        let other = as_set(vm, other)?;
        let mut kept = Vec::with_capacity(items.len());
        let mut failure = None;
        for &item in &items {
            match vm.set_contains(other, item) {
                Ok(found) if found == keep_if_in => kept.push(item),
                Ok(_) => {}
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        vm.release(other);
        if let Some(e) = failure {
            return Err(e);
        }
        items = kept;
    }
    set_like(vm, s, &items)
}

/// The receiver of a frozenset method and the other arguments.
fn receiver<'a>(vm: &Vm, args: &'a [Value]) -> Result<(Value, &'a [Value])> {
    match args.split_first() {
        Some((&s, rest)) if vm.kind_of(s) == Some(Kind::Set) => Ok((s, rest)),
        _ => Err(Error::Type("descriptor requires a 'frozenset' object")),
    }
}

/// The receiver and exactly one other argument.
fn receiver_and_other(vm: &Vm, args: &[Value], message: &'static str) -> Result<(Value, Value)> {
    match receiver(vm, args)? {
        (s, [other]) => Ok((s, *other)),
        _ => Err(Error::Type(message)),
    }
}

fn frozenset_copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, rest) = receiver(vm, args)?;
    if !rest.is_empty() {
        return Err(Error::Type("frozenset.copy() takes no arguments"));
    }
    if vm.is_frozenset(s) {
        vm.incref(s);
        return Ok(s);
    }
    let items = items_of(vm, s);
    vm.new_set(&items)
}

fn frozenset_union(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, others) = receiver(vm, args)?;
    let items = items_of(vm, s);
    let result = vm.new_set(&items)?;
    for &other in others {
        let added = vm.collect(other).and_then(|items| {
            let r = items.iter().try_for_each(|&item| vm.set_add(result, item).map(|_| ()));
            vm.release_all(&items);
            r
        });
        if let Err(e) = added {
            vm.release(result);
            return Err(e);
        }
    }
    if vm.is_frozenset(s) {
        vm.freeze_set(result);
    }
    Ok(result)
}

fn frozenset_intersection(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, others) = receiver(vm, args)?;
    filtered(vm, s, others, true)
}

fn frozenset_difference(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, others) = receiver(vm, args)?;
    filtered(vm, s, others, false)
}

fn frozenset_symmetric_difference(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = receiver_and_other(vm, args, "frozenset.symmetric_difference() takes exactly one argument")?;
    let other = as_set(vm, other)?;
    let mut items = Vec::new();
    let mut result = Ok(());
    for (from, against) in [(s, other), (other, s)] {
        for item in items_of(vm, from) {
            match vm.set_contains(against, item) {
                Ok(false) => items.push(item),
                Ok(true) => {}
                Err(e) => result = Err(e),
            }
        }
    }
    let made = result.and_then(|()| set_like(vm, s, &items));
    vm.release(other);
    made
}

/// Whether every item of `a` is in `b` (both sets).
fn all_in(vm: &mut Vm, a: Value, b: Value) -> Result<bool> {
    for item in items_of(vm, a) {
        if !vm.set_contains(b, item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn frozenset_issubset(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = receiver_and_other(vm, args, "frozenset.issubset() takes exactly one argument")?;
    let other = as_set(vm, other)?;
    let result = all_in(vm, s, other);
    vm.release(other);
    result.map(Value::from_bool)
}

fn frozenset_issuperset(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = receiver_and_other(vm, args, "frozenset.issuperset() takes exactly one argument")?;
    let other = as_set(vm, other)?;
    let result = all_in(vm, other, s);
    vm.release(other);
    result.map(Value::from_bool)
}

fn frozenset_isdisjoint(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = receiver_and_other(vm, args, "frozenset.isdisjoint() takes exactly one argument")?;
    let other = as_set(vm, other)?;
    let mut result = Ok(true);
    for item in items_of(vm, other) {
        match vm.set_contains(s, item) {
            Ok(true) => {
                result = Ok(false);
                break;
            }
            Ok(false) => {}
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.release(other);
    result.map(Value::from_bool)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    #[test]
    fn frozensets_hash_as_cpython_and_compare_with_sets() {
        let mut vm = vm();
        // python3 -c 'print(hash(frozenset()), hash(frozenset([1,2,3])), hash(frozenset([(1,2), -1])))'
        let empty = vm.new_frozenset(&[]).unwrap();
        assert_eq!(vm.hash(empty).unwrap(), 133_146_708_735_736);
        let three = vm.new_frozenset(&[int(3), int(1), int(2)]).unwrap();
        assert_eq!(vm.hash(three).unwrap(), -272_375_401_224_217_160);
        let pair = vm.new_tuple(&[int(1), int(2)]).unwrap();
        let mixed = vm.new_frozenset(&[pair, int(-1)]).unwrap();
        assert_eq!(vm.hash(mixed).unwrap(), 324_682_432_506_898_787);
        let plain = vm.new_set(&[int(1), int(2), int(3)]).unwrap();
        assert!(vm.equals(plain, three).unwrap());
        assert_eq!(vm.hash(plain).unwrap_err(), Error::Unhashable("set"));
        assert!(vm.is_frozenset(three) && !vm.is_frozenset(plain));
        // Equal frozensets hash equal whatever order their tables hold the items in.
        let mut many = alloc::vec::Vec::new();
        for i in 0..50 {
            many.push(int(i * 7));
        }
        let forward = vm.new_frozenset(&many).unwrap();
        many.reverse();
        let backward = vm.new_set(&many[..10]).unwrap();
        for &v in &many[10..] {
            vm.set_add(backward, v).unwrap();
        }
        vm.freeze_set(backward);
        assert_eq!(vm.hash(forward).unwrap(), vm.hash(backward).unwrap());
        // A frozenset is a dict key.
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, three, int(9)).unwrap();
        let again = vm.new_frozenset(&[int(2), int(3), int(1)]).unwrap();
        assert_eq!(vm.dict_get(d, again).unwrap(), Some(int(9)));
        let empty_set = vm.new_set(&[]).unwrap();
        assert_eq!(vm.getsizeof(empty), vm.getsizeof(empty_set));
        vm.release_all(&[empty, three, pair, mixed, plain, forward, backward, d, again, empty_set]);
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn frozenset_methods_make_frozensets() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let base = vm.bytes_in_use();
        let a = vm.new_frozenset(&[int(1), int(2), int(3)]).unwrap();
        let b = vm.new_list(&[int(2), int(3), int(4)]).unwrap();
        let u = frozenset_union(&mut vm, &[a, b]).unwrap();
        assert!(vm.is_frozenset(u));
        assert_eq!(vm.set_len(u), 4);
        let i = frozenset_intersection(&mut vm, &[a, b]).unwrap();
        assert_eq!(vm.set_len(i), 2);
        let d = frozenset_difference(&mut vm, &[a, b]).unwrap();
        assert!(vm.set_contains(d, int(1)).unwrap() && vm.set_len(d) == 1);
        let x = frozenset_symmetric_difference(&mut vm, &[a, b]).unwrap();
        assert_eq!(vm.set_len(x), 2);
        assert_eq!(frozenset_issubset(&mut vm, &[i, a]).unwrap(), Value::TRUE);
        assert_eq!(frozenset_issuperset(&mut vm, &[i, a]).unwrap(), Value::FALSE);
        assert_eq!(frozenset_isdisjoint(&mut vm, &[d, b]).unwrap(), Value::TRUE);
        let c = frozenset_copy(&mut vm, &[a]).unwrap();
        assert_eq!(c, a, "a frozenset's copy is itself");
        assert_eq!(vm.type_name_of(u), "frozenset");
        vm.release_all(&[a, b, u, i, d, x, c]);
        assert_eq!(vm.bytes_in_use(), base);
    }
}
