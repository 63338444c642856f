//! Inline caches for global name loads (`LoadGlobal`).
//!
//! A function reads its module's globals and the builtins by name on every call (`fib`
//! calling `fib`, `range`, `len`). Each code object keeps, per entry of its names tuple,
//! where the name was found last time: the offset of the dict entry (in the module's
//! globals or in the builtins) and the *namespace epoch* it was found in.
//!
//! ```text
//! cache table (private to the code object, charged to `code`): [(epoch: u32, entry: u32); names]
//! ```
//!
//! The VM's namespace epoch changes whenever any namespace dict (a module's globals or
//! the builtins, marked [`crate::dict::DICT_NAMESPACE`]) gains or loses a key or moves its
//! entries. Between two changes every name resolves to the same entry, so a cache slot of
//! the current epoch is the answer: its value is read straight from the entry, and a
//! store to an existing global (which rewrites the value in place) is seen at once.
//!
//! Invariants: a code object runs with the globals of the module that compiled it (the
//! cache is only filled when those globals are a namespace dict); epoch 0 marks an empty
//! slot, so the epoch skips 0 when it wraps. The table is allocated on the first cached
//! load (a code object never run costs nothing) and freed with the code object; without
//! memory for it, loads simply stay uncached.

use crate::accounting::{BlockRole, Subsystem};
use crate::error::{Error, Result};
use crate::value::Value;
use crate::vm::Vm;

/// Offset of the cache table's offset in a code object (0 until the first load).
pub(crate) const CODE_CACHE_FIELD: u32 = 60;

impl Vm {
    /// Records that a namespace dict changed its keys or moved its entries.
    pub(crate) fn namespace_changed(&mut self) {
        self.namespace_epoch = self.namespace_epoch.wrapping_add(1).max(1);
    }

    /// The global, else the builtin, named by entry `index` of `code`'s names (owned),
    /// for code running with `globals`.
    #[inline]
    pub(crate) fn load_global_cached(&mut self, code: u32, globals: Value, index: u16) -> Result<Value> {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table != 0 {
            let slot = table + 8 * u32::from(index);
            if self.heap.region().read_u32(slot) == self.namespace_epoch {
                let entry = self.heap.region().read_u32(slot + 4);
                let v = self.heap.read_value(entry + 4);
                self.heap.incref(v);
                return Ok(v);
            }
        }
        let name = self.tuple_item(self.code_names(code), u32::from(index));
        let mut entry = self.dict_entry_of(globals, name)?;
        if entry.is_none() && self.builtins != Value::NULL {
            entry = self.dict_entry_of(self.builtins, name)?;
        }
        let Some(entry) = entry else { return Err(Error::NameNotDefined(name)) };
        if self.is_namespace_dict(globals) {
            self.fill_global_cache(code, index, entry);
        }
        let v = self.heap.read_value(entry + 4);
        self.heap.incref(v);
        Ok(v)
    }

    fn fill_global_cache(&mut self, code: u32, index: u16, entry: u32) {
        let mut table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table == 0 {
            let bytes = 8 * self.tuple_len(self.code_names(code));
            let Ok(made) = self.heap.allocate(bytes, Subsystem::Code, BlockRole::Table) else { return };
            self.heap.region_mut().fill(made, bytes as usize, 0);
            self.heap.region_mut().write_u32(code + CODE_CACHE_FIELD, made);
            table = made;
        }
        let slot = table + 8 * u32::from(index);
        let epoch = self.namespace_epoch;
        let r = self.heap.region_mut();
        r.write_u32(slot, epoch);
        r.write_u32(slot + 4, entry);
    }

    /// Bytes of `code`'s cache table (0 if it has none).
    pub(crate) fn global_cache_bytes(&self, code: u32) -> u64 {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table == 0 {
            return 0;
        }
        let bytes = 8 * self.tuple_len(self.code_names(code));
        u64::from(self.heap.block_bytes(table, bytes))
    }

    /// Frees `code`'s cache table; call before its names tuple goes.
    pub(crate) fn free_global_cache(&mut self, code: u32) {
        let table = self.heap.region().read_u32(code + CODE_CACHE_FIELD);
        if table != 0 {
            let bytes = 8 * self.tuple_len(self.code_names(code));
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
