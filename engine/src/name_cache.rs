//! Inline caches for name lookups: global loads (`LoadGlobal`) and method loads
//! (`LoadMethod`).
//!
//! A function reads its module's globals and the builtins by name on every call (`fib`
//! calling `fib`, `range`, `len`), and looks methods up along a class's MRO on every
//! `obj.method(...)`. Each code object keeps, per entry of its names tuple, where the name
//! was found last time, as the offset of a dict entry, found in the *namespace epoch*
//! that it records:
//!
//! ```text
//! cache table (private to the code object, charged to `code`): per name, 16 bytes
//!   +0 epoch: u32          (0 = empty)
//!   +4 global entry: u32   (in the module's globals or the builtins; 0 = none)
//!   +8 method class: u32   (the receiver's class the method entry is for; 0 = none)
//!   +12 method entry: u32  (in a namespace along that class's MRO)
//!   +16 attribute entry: u32 (1 + the entry number where instances keep the attribute;
//!                            0 = none)
//! ```
//!
//! The attribute half is a hint, not a cache: instances of a class get their attributes
//! in the same order, so `self.x` sits at the same pair (`inline_attributes.rs`) or entry
//! number of each one's attribute dict. A load checks that the pair's or entry's name is
//! the name before it trusts it.
//!
//! The VM's namespace epoch changes whenever any namespace dict (a module's globals, the
//! builtins, a class's namespace: dicts marked [`crate::dict::DICT_NAMESPACE`]) gains or
//! loses a key or moves its entries. Between two changes every name resolves to the same
//! entry, so a slot of the current epoch holds the answer: the value is read from the
//! entry itself, so a store to an existing global or class attribute (which rewrites the
//! value in place) is seen at once. A slot's two halves are filled independently; filling
//! one in a new epoch clears the other.
//!
//! One VM-wide entry does the same for `__init__` ([`InitCache`]): the class last
//! instantiated, and where its `__init__` was found.
//!
//! Invariants: a code object runs with the globals of the module that compiled it (the
//! global half is only filled when those globals are a namespace dict); a method hit
//! still checks that the receiver's own attributes do not hold the name, and that the
//! entry still holds a function. The epoch skips 0 when it wraps. The table is allocated
//! on the first cached lookup (a code object never run costs nothing) and freed with the
//! code object; without memory for it, lookups simply stay uncached.

use crate::accounting::{BlockRole, Subsystem};
use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// Offset of the cache table's offset in a code object (0 until the first load).
pub(crate) const CODE_CACHE_FIELD: u32 = 60;
/// The last `__init__` lookup: a class, the epoch, and the entry of its `__init__` (0 if
/// none). A class made later at the same offset has a new namespace, which moved the
/// epoch, so a stale entry can never match.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct InitCache {
    class: u32,
    epoch: u32,
    entry: u32,
}

/// Bytes per name in a cache table.
const SLOT_BYTES: u32 = 20;

impl Vm {
    /// Records that a namespace dict changed its keys or moved its entries.
    pub(crate) fn namespace_changed(&mut self) {
        self.namespace_epoch = self.namespace_epoch.wrapping_add(1).max(1);
    }

    /// The global, else the builtin, named by entry `index` of `code`'s names (owned),
    /// for code running in `frame` (whose function's globals are read only on a miss).
    #[inline]
    pub(crate) fn load_global_cached(&mut self, code: u32, frame: u32, index: u16) -> Result<Value> {
        if let Some(slot) = self.current_slot(code, index) {
            let entry = self.heap.region().read_u32(slot + 4);
            if entry != 0 {
                let v = self.heap.read_value(entry + 4);
                self.heap.incref(v);
                return Ok(v);
            }
        }
        let function = self.frame_function(frame).as_object().unwrap_or_default();
        let globals = self.function_globals(function);
        let name = self.tuple_item(self.code_names(code), u32::from(index));
        let mut entry = self.dict_entry_of(globals, name)?.map(|(_, entry_at)| entry_at);
        if entry.is_none() && self.builtins != Value::NULL {
            entry = self.dict_entry_of(self.builtins, name)?.map(|(_, entry_at)| entry_at);
        }
        let Some(entry) = entry else { return Err(Error::NameNotDefined(name)) };
        if self.is_namespace_dict(globals) {
            if let Some(slot) = self.slot_to_fill(code, index) {
                self.heap.region_mut().write_u32(slot + 4, entry);
            }
        }
        let v = self.heap.read_value(entry + 4);
        self.heap.incref(v);
        Ok(v)
    }

    /// For `obj.name(...)` with `name` entry `index` of `code`'s names: the function
    /// (borrowed) a plain method call on `obj` runs, if the cache knows it.
    #[inline]
    pub(crate) fn cached_method(&mut self, code: u32, index: u8, obj: Value) -> Result<Option<Value>> {
        let Some(slot) = self.current_slot(code, u16::from(index)) else { return Ok(None) };
        let class = self.heap.region().read_u32(slot + 8);
        let name = self.tuple_item(self.code_names(code), u32::from(index));
        let instance = obj.as_object().filter(|&at| self.heap.is_kind(at, Kind::Instance));
        match instance {
            // The common receiver: its class read directly, and (code names being
            // interned, as pair names are) its pairs searched by identity.
            Some(at) if self.heap.read_value(at + 12) == Value::NULL => {
                if class == 0 || self.heap.region().read_u32(at + 8) != class || self.holds_inline_name(at, name) {
                    return Ok(None);
                }
            }
            _ => {
                if class == 0
                    || self.type_of(obj).as_object() != Some(class)
                    || self.own_attribute_ref(obj, name)?.is_some()
                {
                    return Ok(None);
                }
            }
        }
        let function = self.heap.read_value(self.heap.region().read_u32(slot + 12) + 4);
        Ok(matches!(self.kind_of(function), Some(Kind::Function | Kind::Native)).then_some(function))
    }

    /// After `obj.name` (entry `index` of `code`'s names) resolved to `function` called
    /// with `obj` as its receiver: remembers where along the class's MRO it was found.
    pub(crate) fn remember_method(&mut self, code: u32, index: u8, obj: Value, function: Value) -> Result<()> {
        let class = self.type_of(obj);
        let cacheable = matches!(self.kind_of(obj), Some(kind) if !matches!(kind, Kind::Class | Kind::Module | Kind::Super))
            && matches!(self.kind_of(function), Some(Kind::Function | Kind::Native));
        let Some(class_at) = class.as_object().filter(|_| cacheable) else { return Ok(()) };
        let name = self.tuple_item(self.code_names(code), u32::from(index));
        let Some(entry) = self.class_entry_of(class, name)? else { return Ok(()) };
        if self.heap.read_value(entry + 4) != function {
            return Ok(());
        }
        if let Some(slot) = self.slot_to_fill(code, u16::from(index)) {
            let r = self.heap.region_mut();
            r.write_u32(slot + 8, class_at);
            r.write_u32(slot + 12, entry);
        }
        Ok(())
    }

    /// `obj.name` (owned) for name `index` of `code` when `obj` is an instance whose own
    /// attributes hold it and it is no dunder (`__class__` and `__dict__` come before
    /// the instance's own attributes): the common attribute read, found at the hinted
    /// pair or entry when it is there. `None` leaves it to `get_attribute`.
    #[inline]
    pub(crate) fn plain_instance_attribute(&mut self, code: u32, index: u8, obj: Value) -> Result<Option<Value>> {
        let Some(at) = obj.as_object().filter(|&at| self.heap.is_kind(at, Kind::Instance)) else { return Ok(None) };
        let attributes = self.heap.read_value(at + 12);
        let name = self.tuple_item(self.code_names(code), u32::from(index));
        // A hint is only ever left for a name that is no dunder.
        let hint = self.attribute_hint(code, index);
        let hinted = match hint {
            Some(hint) if attributes == Value::NULL => self.inline_pair_if_named(at, hint, name),
            Some(hint) => self.dict_entry_at_if_named(attributes, hint, name),
            None => None,
        };
        if let Some(found_at) = hinted {
            let v = self.heap.read_value(found_at + 4);
            self.heap.incref(v);
            return Ok(Some(v));
        }
        if self.str_bytes_of(name).is_none_or(|n| n.starts_with(b"__")) {
            return Ok(None);
        }
        let found = if attributes == Value::NULL {
            self.inline_pair_of(at, name)
        } else {
            self.dict_entry_of(attributes, name)?
        };
        let Some((position, found_at)) = found else { return Ok(None) };
        if let Some(slot) = self.slot_to_fill(code, u16::from(index)) {
            self.heap.region_mut().write_u32(slot + 16, position + 1);
        }
        let v = self.heap.read_value(found_at + 4);
        self.heap.incref(v);
        Ok(Some(v))
    }

    /// `obj.name = value` (borrowed) for name `index` of `code`, as
    /// [`Vm::store_plain_instance_attribute`]; an attribute the instance has already is
    /// rewritten in place at its hinted pair or entry.
    #[inline]
    pub(crate) fn store_instance_attribute(&mut self, code: u32, index: u8, obj: Value, value: Value) -> Result<bool> {
        let name = self.tuple_item(self.code_names(code), u32::from(index));
        if let (true, Some(hint)) = (self.is_plainly_settable(obj), self.attribute_hint(code, index)) {
            let at = obj.as_object().unwrap_or_default();
            let attributes = self.heap.read_value(at + 12);
            if attributes == Value::NULL {
                if let Some(pair) = self.inline_pair_if_named(at, hint, name) {
                    self.replace_inline_value(pair, value);
                    return Ok(true);
                }
            } else if let Some(entry_at) = self.dict_entry_at_if_named(attributes, hint, name) {
                self.dict_replace_value_at(entry_at, value);
                return Ok(true);
            }
        }
        self.store_plain_instance_attribute(obj, name, value)
    }

    /// Where name `index` of `code` was last found among an instance's own attributes:
    /// the pair or entry number, if a load left a hint.
    #[inline(always)]
    fn attribute_hint(&self, code: u32, index: u8) -> Option<u32> {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table == 0 {
            return None;
        }
        self.heap.region().read_u32(table + SLOT_BYTES * u32::from(index) + 16).checked_sub(1)
    }

    /// Where `class.__init__` was found the last time it was looked up (`Some(None)`: it
    /// has none), if that was for this class in the current namespace epoch. One entry
    /// serves the common loop that makes many instances of one class.
    #[inline]
    pub(crate) fn cached_init_entry(&self, class: Value) -> Option<Option<u32>> {
        let cache = self.init_cache;
        (class.as_object() == Some(cache.class) && cache.epoch == self.namespace_epoch)
            .then_some((cache.entry != 0).then_some(cache.entry))
    }

    pub(crate) fn remember_init_entry(&mut self, class: Value, entry: Option<u32>) {
        let class = class.as_object().unwrap_or_default();
        self.init_cache = InitCache { class, epoch: self.namespace_epoch, entry: entry.unwrap_or(0) };
    }

    /// The slot for name `index` of `code` if it was filled in the current epoch.
    #[inline(always)]
    fn current_slot(&self, code: u32, index: u16) -> Option<u32> {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        let slot = table + SLOT_BYTES * u32::from(index);
        (table != 0 && self.heap.region().read_u32(slot) == self.namespace_epoch).then_some(slot)
    }

    /// The slot for name `index` of `code`, made current (the table is allocated on
    /// first use; a slot of an older epoch is emptied). `None` without memory for it.
    fn slot_to_fill(&mut self, code: u32, index: u16) -> Option<u32> {
        let mut table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table == 0 {
            let bytes = SLOT_BYTES * self.tuple_len(self.code_names(code));
            let made = self.heap.allocate(bytes, Subsystem::Code, BlockRole::Table).ok()?;
            self.heap.region_mut().fill(made, bytes as usize, 0);
            self.heap.region_mut().write_u32(code + CODE_CACHE_FIELD, made);
            table = made;
        }
        let slot = table + SLOT_BYTES * u32::from(index);
        let epoch = self.namespace_epoch;
        if self.heap.region().read_u32(slot) != epoch {
            let r = self.heap.region_mut();
            r.fill(slot, SLOT_BYTES as usize, 0);
            r.write_u32(slot, epoch);
        }
        Some(slot)
    }

    /// Bytes of `code`'s cache table (0 if it has none).
    pub(crate) fn name_cache_bytes(&self, code: u32) -> u64 {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table == 0 {
            return 0;
        }
        let bytes = SLOT_BYTES * self.tuple_len(self.code_names(code));
        u64::from(self.heap.block_bytes(table, bytes))
    }

    /// Frees `code`'s cache table; call before its names tuple goes.
    pub(crate) fn free_name_cache(&mut self, code: u32) {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table != 0 {
            let bytes = SLOT_BYTES * self.tuple_len(self.code_names(code));
            self.heap.free(table, bytes, Subsystem::Code, BlockRole::Table);
            self.heap.region_mut().write_u32(code + CODE_CACHE_FIELD, 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::accounting::Subsystem;
    use crate::test_support::vm;

    /// Allocations made for code objects, and code bytes left, by running `source`.
    fn code_allocations(source: &str) -> (u64, u64) {
        let mut vm = vm();
        vm.run_main("cache.py", source).unwrap();
        let code = vm.heap.subsystem(Subsystem::Code);
        (code.total_allocations, code.live_bytes)
    }

    #[test]
    fn the_cache_table_is_made_once_charged_to_code_and_freed_with_the_code() {
        let defined = "def f():\n    return n + len('ab')\nn = 3\n";
        let (without_calls, left) = code_allocations(defined);
        assert_eq!(left, 0);
        let (with_calls, left) = code_allocations(&alloc::format!("{defined}for i in range(50):\n    f()\n"));
        assert_eq!(left, 0, "the module's teardown frees every cache table");
        // One table for the module's code (it loads `range` and `f`), one for f's, however
        // many calls read them.
        assert_eq!(with_calls, without_calls + 2);
    }

    #[test]
    fn stale_entries_are_never_read() {
        let mut vm = vm();
        let source = "def f():\n    return n\nn = 1\nassert f() == 1\nn = 2\nassert f() == 2\ndel n\n\
                      try:\n    f()\n    raise AssertionError('stale')\nexcept NameError:\n    pass\n\
                      for k in range(100):\n    globals_grow = k\n    n = k\n    assert f() == k\n";
        vm.run_main("stale.py", source).unwrap();
    }
}
