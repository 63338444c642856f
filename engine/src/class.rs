//! Classes: the type objects of the built-in exception hierarchy (and, with the
//! language's `class` statement, of script classes).
//!
//! ```text
//! class (32 bytes): +8 name: str  +12 bases: tuple  +16 mro: tuple  +20 namespace: dict
//!                   +24 flags: u32  +28 constructor: native function or NULL
//! ```
//!
//! Calling a class runs the first constructor found along its MRO, with the class as the
//! first argument (so `ValueError("x")` runs BaseException's constructor for ValueError).
//!
//! The stored MRO leaves the class itself out (it is always first): a class never holds
//! a reference to itself, so dropping a class never needs the cycle detector.
//! The MRO is computed with C3 linearisation when the class is made, as Python does.

use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;
use alloc::vec::Vec;

pub(crate) const CLASS_BYTES: u32 = 32;
/// Instances of this class are exception objects.
pub(crate) const CLASS_IS_EXCEPTION: u32 = 1;
/// The class or a base defines `__setattr__` (so attribute stores must look it up; the
/// flag spares every other store that lookup).
pub(crate) const CLASS_HAS_SETATTR: u32 = 2;
/// Instances are unhashable: the class sets `__hash__ = None`, or defines `__eq__` without
/// `__hash__` (CPython's rule), itself or through the base it inherits `__hash__` from.
pub(crate) const CLASS_UNHASHABLE: u32 = 4;
/// The class or a base has a property (so attribute stores must look for its setter; the
/// flag spares every other store that lookup). A property assigned to a class after a
/// subclass was made is not seen by that subclass, as with `__setattr__`.
pub(crate) const CLASS_HAS_PROPERTY: u32 = 8;
/// Instances hash by the class's script-defined `__hash__` (dict keys and set members
/// call it when they are stored or looked up).
pub(crate) const CLASS_SCRIPT_HASH: u32 = 16;
/// Instances compare by the class's script-defined `__eq__` in dicts and sets.
pub(crate) const CLASS_SCRIPT_EQ: u32 = 32;
/// Instances take only the attributes named by `__slots__` (the class and every base
/// but `object` define it, none listing `__dict__`). Not inherited by a class without its
/// own `__slots__`, as in CPython.
pub(crate) const CLASS_SLOTS: u32 = 128;
/// A script class whose calls make plain instances: no exception class, no native
/// constructor along its MRO. Decided when the class is made (every native constructor
/// is in place before a script runs), so a constructor call needs no MRO walk.
const CLASS_MAKES_INSTANCES: u32 = 256;
/// Bits 16..24 of the flags: the most attributes an instance of the class has had (capped
/// at 255), the size new instances' attribute dicts start at. Not inherited.
const ATTRIBUTE_HINT_SHIFT: u32 = 16;
const ATTRIBUTE_HINT_MASK: u32 = 0xff << ATTRIBUTE_HINT_SHIFT;

/// The attribute count hint held in class `flags`.
pub(crate) fn attribute_count_hint(flags: u32) -> u32 {
    (flags & ATTRIBUTE_HINT_MASK) >> ATTRIBUTE_HINT_SHIFT
}

/// Class `flags` with the attribute count hint set to `count` (capped at 255).
pub(crate) fn with_attribute_count_hint(flags: u32, count: u32) -> u32 {
    (flags & !ATTRIBUTE_HINT_MASK) | (count.min(255) << ATTRIBUTE_HINT_SHIFT)
}

impl Vm {
    /// A new class `name` with `bases` (borrowed classes), flags inherited from them.
    pub(crate) fn new_class(&mut self, name: &str, bases: &[Value]) -> Result<Value> {
        self.new_class_with_namespace(name, bases, None)
    }

    /// A new class whose namespace is `namespace` (a dict, borrowed) or a new dict.
    pub(crate) fn new_class_with_namespace(
        &mut self,
        name: &str,
        bases: &[Value],
        namespace: Option<Value>,
    ) -> Result<Value> {
        let mro = self.c3_mro(bases)?;
        let mut flags = 0;
        for &b in bases {
            flags |= self.heap.region().read_u32(self.object_of_kind(Kind::Class, b)? + 24);
        }
        flags = with_attribute_count_hint(flags, 0) & !CLASS_SLOTS;
        if let Some(namespace) = namespace {
            let object = self.builtin_type(crate::types::BuiltinType::Object);
            let bases_slotted = bases
                .iter()
                .all(|&b| b == object || self.class_flags(b.as_object().unwrap_or_default()) & CLASS_SLOTS != 0);
            if let Some(slots) = self.dict_get_str(namespace, "__slots__")? {
                let names = self.slot_names(slots);
                self.release(slots);
                if bases_slotted && !names.iter().any(|&n| self.as_str(n) == Some("__dict__")) {
                    flags |= CLASS_SLOTS;
                }
            }
        }
        // Only script classes (made with a namespace) hold base values; the built-in
        // hierarchy (`bool` under `int`) is made without one.
        if namespace.is_some() && self.derives_from_builtin(bases) {
            flags |= crate::builtin_subclass::CLASS_BUILTIN_BASE;
        }
        if let Some(namespace) = namespace {
            // Only a script-defined hook counts (`object.__setattr__` is the plain store).
            if let Some(hook) = self.dict_get_str(namespace, "__setattr__")? {
                if self.kind_of(hook) == Some(Kind::Function) {
                    flags |= CLASS_HAS_SETATTR;
                }
                self.release(hook);
            }
            let mut position = 0;
            while let Some((_, value)) = self.dict_next(namespace, &mut position) {
                if self.is_property(value) {
                    flags |= CLASS_HAS_PROPERTY;
                }
            }
            let eq = self.dict_get_str(namespace, "__eq__")?;
            if let Some(eq) = eq {
                if self.kind_of(eq) == Some(Kind::Function) {
                    flags |= CLASS_SCRIPT_EQ;
                }
                self.release(eq);
            }
            match self.dict_get_str(namespace, "__hash__")? {
                Some(Value::NONE) => flags = (flags | CLASS_UNHASHABLE) & !CLASS_SCRIPT_HASH,
                Some(hash) => {
                    flags &= !(CLASS_UNHASHABLE | CLASS_SCRIPT_HASH);
                    if self.kind_of(hash) == Some(Kind::Function) {
                        flags |= CLASS_SCRIPT_HASH;
                    }
                    self.release(hash);
                }
                None if eq.is_some() => {
                    // As CPython does: `__eq__` alone sets `__hash__ = None` in the class.
                    self.dict_set_str(namespace, "__hash__", Value::NONE)?;
                    flags = (flags | CLASS_UNHASHABLE) & !CLASS_SCRIPT_HASH;
                }
                None => {}
            }
        }
        let mut parts: Vec<Value> = Vec::with_capacity(4);
        let made = (|| -> Result<()> {
            parts.push(self.intern_str(name)?);
            parts.push(self.new_tuple(bases)?);
            parts.push(self.new_tuple(&mro)?);
            parts.push(match namespace {
                Some(ns) => {
                    self.heap.incref(ns);
                    ns
                }
                None => self.new_dict()?,
            });
            Ok(())
        })();
        let at = match made.and_then(|()| Ok(self.heap.new_object(Kind::Class, CLASS_BYTES)?)) {
            Ok(at) => at,
            Err(e) => {
                self.release_all(&parts);
                return Err(e);
            }
        };
        for (slot, &part) in [8u32, 12, 16, 20].iter().zip(&parts) {
            self.heap.write_value(at + slot, part);
        }
        // Method caches depend on the namespace's keys (`name_cache.rs`).
        self.mark_namespace_dict(parts[3]);
        self.heap.region_mut().write_u32(at + 24, flags & !CLASS_MAKES_INSTANCES);
        self.heap.write_value(at + 28, Value::NULL);
        let class = Value::from_offset(at);
        if namespace.is_some() && flags & CLASS_IS_EXCEPTION == 0 && self.class_constructor(class) == Value::NULL {
            self.heap.region_mut().write_u32(at + 24, flags | CLASS_MAKES_INSTANCES);
        }
        Ok(class)
    }

    /// Whether calling `class` makes an instance (a script class, not a built-in type or
    /// an exception class).
    #[inline]
    pub(crate) fn makes_instances(&self, class: Value) -> bool {
        let Some(at) = class.as_object() else { return false };
        let flags = self.class_flags(at);
        flags & CLASS_MAKES_INSTANCES != 0
            || (flags & CLASS_IS_EXCEPTION == 0 && self.class_constructor(class) == Value::NULL)
    }

    /// Makes `native` (borrowed) the constructor of `class`.
    pub(crate) fn set_class_constructor(&mut self, class: Value, native: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Class, class)?;
        self.heap.incref(native);
        let old = self.heap.read_value(at + 28);
        self.heap.write_value(at + 28, native);
        self.release(old);
        Ok(())
    }

    /// The constructor `class(...)` runs: the first along the MRO (borrowed, NULL if none).
    pub(crate) fn class_constructor(&self, class: Value) -> Value {
        self.first_along_mro(class, |vm, at| {
            let ctor = vm.heap.read_value(at + 28);
            Ok((ctor != Value::NULL).then_some(ctor))
        })
        .ok()
        .flatten()
        .unwrap_or(Value::NULL)
    }

    /// The first `found(class)` that is `Some` along `class`'s MRO, itself first; walks
    /// the stored MRO tuple in place (attribute lookups run this on every access).
    fn first_along_mro<T>(&self, class: Value, found: impl Fn(&Vm, u32) -> Result<Option<T>>) -> Result<Option<T>> {
        let Ok(at) = self.object_of_kind(Kind::Class, class) else { return Ok(None) };
        if let Some(hit) = found(self, at)? {
            return Ok(Some(hit));
        }
        let mro = self.heap.read_value(at + 16);
        for i in 0..self.tuple_len(mro) {
            let Some(base) = self.tuple_item(mro, i).as_object() else { continue };
            if let Some(hit) = found(self, base)? {
                return Ok(Some(hit));
            }
        }
        Ok(None)
    }

    pub(crate) fn class_namespace(&self, class: u32) -> Value {
        self.heap.read_value(class + 20)
    }

    /// Looks `name` up along the class's MRO namespaces (borrowed result).
    pub(crate) fn class_lookup(&self, class: Value, name: Value) -> Result<Option<Value>> {
        self.first_along_mro(class, |vm, at| vm.dict_lookup(vm.class_namespace(at), name))
    }

    /// The offset of the dict entry for `name` in the first namespace along the class's
    /// MRO that has it (see `dict_entry_of`).
    pub(crate) fn class_entry_of(&self, class: Value, name: Value) -> Result<Option<u32>> {
        self.first_along_mro(class, |vm, at| {
            Ok(vm.dict_entry_of(vm.class_namespace(at), name)?.map(|(_, entry_at)| entry_at))
        })
    }

    /// The names a `__slots__` value lists (borrowed): one str, or a tuple or list of them.
    pub(crate) fn slot_names(&self, slots: Value) -> Vec<Value> {
        match self.kind_of(slots) {
            Some(Kind::Str) => alloc::vec![slots],
            Some(Kind::Tuple | Kind::List) => {
                (0..self.sequence_len(slots)).map(|i| self.sequence_item(slots, i)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Whether instances of a `__slots__` class may hold attribute `name`: some class
    /// along its MRO lists it.
    pub(crate) fn slots_allow(&mut self, class: Value, name: Value) -> Result<bool> {
        let text = alloc::string::String::from(self.as_str(name).unwrap_or(""));
        for c in self.class_mro(class) {
            let Some(at) = c.as_object() else { continue };
            let Some(slots) = self.dict_get_str(self.class_namespace(at), "__slots__")? else { continue };
            let listed = self.slot_names(slots).iter().any(|&n| self.as_str(n) == Some(text.as_str()));
            self.release(slots);
            if listed {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// C3 linearisation of the bases' MROs (each base's own MRO is base + stored MRO).
    fn c3_mro(&self, bases: &[Value]) -> Result<Vec<Value>> {
        let mut sequences: Vec<Vec<Value>> = Vec::new();
        for &b in bases {
            let at = self.object_of_kind(Kind::Class, b)?;
            let mut seq = alloc::vec![b];
            seq.extend(self.tuple_items(self.heap.read_value(at + 16)));
            sequences.push(seq);
        }
        sequences.push(bases.to_vec());
        let mut mro = Vec::new();
        loop {
            sequences.retain(|s| !s.is_empty());
            if sequences.is_empty() {
                return Ok(mro);
            }
            let head = sequences
                .iter()
                .map(|s| s[0])
                .find(|candidate| sequences.iter().all(|s| !s[1..].contains(candidate)))
                .ok_or(Error::Type("Cannot create a consistent method resolution order (MRO)"))?;
            mro.push(head);
            for s in sequences.iter_mut() {
                if s[0] == head {
                    s.remove(0);
                }
            }
        }
    }

    pub(crate) fn class_name(&self, class: u32) -> Value {
        self.heap.read_value(class + 8)
    }

    pub(crate) fn class_flags(&self, class: u32) -> u32 {
        self.heap.region().read_u32(class + 24)
    }

    /// Whether `class` is one of the VM's built-in types or exception classes.
    pub(crate) fn is_builtin_class(&self, class: Value) -> bool {
        self.builtin_types.contains(&class) || self.exception_classes.contains(&class)
    }

    /// Whether class `sub` is `sup` or derives from it.
    pub fn is_subclass(&self, sub: Value, sup: Value) -> bool {
        if sub == sup {
            return true;
        }
        let Ok(at) = self.object_of_kind(Kind::Class, sub) else { return false };
        self.tuple_items(self.heap.read_value(at + 16)).any(|c| c == sup)
    }

    /// The class's MRO, itself first (borrowed values).
    pub fn class_mro(&self, class: Value) -> Vec<Value> {
        let mut mro = alloc::vec![class];
        if let Ok(at) = self.object_of_kind(Kind::Class, class) {
            mro.extend(self.tuple_items(self.heap.read_value(at + 16)));
        }
        mro
    }

    pub(crate) fn destroy_class(&mut self, at: u32, dead: &mut DeadStack) {
        for slot in [8, 12, 16, 20, 28] {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free_object(at, Kind::Class, CLASS_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::vm;

    #[test]
    fn c3_orders_a_diamond_as_python() {
        let mut vm = vm();
        let o = vm.new_class("O", &[]).unwrap();
        let a = vm.new_class("A", &[o]).unwrap();
        let b = vm.new_class("B", &[o]).unwrap();
        let c = vm.new_class("C", &[a, b]).unwrap();
        let names: alloc::vec::Vec<_> = vm
            .class_mro(c)
            .iter()
            .map(|&k| vm.as_str(vm.class_name(k.as_object().unwrap())).unwrap().into())
            .collect::<alloc::vec::Vec<alloc::string::String>>();
        assert_eq!(names, ["C", "A", "B", "O"]);
        assert!(vm.is_subclass(c, o) && !vm.is_subclass(a, b));
        // class X(A, C) is inconsistent: C must precede A.
        assert!(vm.new_class("X", &[a, c]).is_err());
        vm.release_all(&[c, b, a, o]);
        assert_eq!(vm.subsystem(crate::Subsystem::Class).live_bytes, 0);
    }

    #[test]
    fn later_instances_hold_their_attributes_inline_at_their_final_size() {
        let mut vm = vm();
        let source = "class P:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n        self.c = 3\n\
                      first = P()\n";
        vm.run_main("first.py", &alloc::format!("{source}rest = []\n")).unwrap();
        let one = vm.subsystem(crate::Subsystem::Dict).total_allocations;
        let first_instance = vm.subsystem(crate::Subsystem::Instance).high_water_bytes;
        let mut vm2 = crate::test_support::vm();
        vm2.run_main("many.py", &alloc::format!("{source}rest = [P() for i in range(10)]\n")).unwrap();
        // The first instance's attributes grow a dict key by key; each later one is made
        // with room for three inline (16 bytes + 3 pairs) and needs no dict at all.
        assert_eq!(vm2.subsystem(crate::Subsystem::Dict).total_allocations, one);
        let instances = vm2.subsystem(crate::Subsystem::Instance).high_water_bytes;
        assert_eq!(instances - first_instance, 10 * (16 + 3 * 8));
    }
}
