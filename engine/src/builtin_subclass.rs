//! Script classes derived from a built-in type: `class Stack(list)`, `class Name(str)`,
//! `class Table(dict)` with `__missing__`, `class Score(int)`.
//!
//! ```text
//! instance (20 bytes): +8 class  +12 attributes: dict or NULL  +16 base value (owned)
//! ```
//!
//! Such an instance is an ordinary instance (its class, its attributes, its script
//! methods) that also holds a value of the built-in type, its *base value*. Built-in
//! operations see through to the base value where the script class does not override
//! them: `object_of_kind`, `as_str`, `as_int` and `as_float` (so every built-in method
//! and native works on it), and the protocols (`len`, indexing, iteration, `in`, truth,
//! `repr`/`str`, operators, comparisons).
//!
//! Invariants: the class carries [`CLASS_BUILTIN_BASE`] (inherited by its subclasses), and
//! every instance of such a class has the base slot, holding a value of the built-in type
//! from the moment the instance exists. Results of built-in operations are plain built-in
//! values (`Name('a') + 'b'` is a `str`), as in CPython.

use crate::error::{Error, Result};
use crate::function::Keywords;
use crate::object::Kind;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::Vm;

/// Class flag: the class derives from a built-in type its instances hold a value of.
pub(crate) const CLASS_BUILTIN_BASE: u32 = 64;
/// Bytes of an instance with a base value.
pub(crate) const INSTANCE_WITH_BASE_BYTES: u32 = 20;

/// The built-in types a script class may derive from.
const SUBCLASSABLE: [BuiltinType; 7] = [
    BuiltinType::List,
    BuiltinType::Dict,
    BuiltinType::Set,
    BuiltinType::Str,
    BuiltinType::Int,
    BuiltinType::Float,
    BuiltinType::Tuple,
];

impl Vm {
    /// Whether a class with these `bases` (classes) holds a built-in base value.
    pub(crate) fn derives_from_builtin(&self, bases: &[Value]) -> bool {
        bases.iter().any(|&b| {
            SUBCLASSABLE.iter().any(|&t| self.builtin_type(t) == b)
                || self.class_flags(b.as_object().unwrap_or_default()) & CLASS_BUILTIN_BASE != 0
        })
    }

    /// The base value (borrowed) of `v`, if `v` is an instance of a class derived from a
    /// built-in type.
    #[inline]
    pub(crate) fn builtin_base(&self, v: Value) -> Option<Value> {
        let at = v.as_object().filter(|&at| self.heap.is_kind(at, Kind::Instance))?;
        let class = self.heap.region().read_u32(at + 8);
        (self.class_flags(class) & CLASS_BUILTIN_BASE != 0).then(|| self.heap.read_value(at + 16))
    }

    /// The object size of instance `at`.
    pub(crate) fn instance_bytes(&self, at: u32) -> u32 {
        let class = self.heap.region().read_u32(at + 8);
        if self.class_flags(class) & CLASS_BUILTIN_BASE != 0 {
            INSTANCE_WITH_BASE_BYTES
        } else {
            // Its pool slot: the header and its inline attributes (`inline_attributes.rs`).
            self.heap.small_block_bytes(at)
        }
    }

    /// `v`'s base value if it has one, else `v` itself (borrowed).
    #[inline]
    pub(crate) fn through_base(&self, v: Value) -> Value {
        self.builtin_base(v).unwrap_or(v)
    }

    /// `class(*args, **keywords)` for a script class derived from a built-in type: the
    /// built-in value is made first (empty for the mutable types when the class has its
    /// own `__init__`, which fills it, as `list.__init__` would), then `__init__` runs.
    pub(crate) fn instantiate_builtin_subclass(
        &mut self,
        class: Value,
        builtin: Value,
        args: &[Value],
        keywords: &Keywords<'_>,
    ) -> Result<Value> {
        let mutable =
            [BuiltinType::List, BuiltinType::Dict, BuiltinType::Set].iter().any(|&t| self.builtin_type(t) == builtin);
        let has_init = self.init_method(class)?.is_some();
        let constructor =
            self.class_constructor(builtin).as_object().ok_or(Error::Type("cannot subclass this type"))?;
        let base = if mutable && has_init {
            self.call_native(constructor, &[], &Keywords::default())?
        } else {
            self.call_native(constructor, args, keywords)?
        };
        let at = match self.heap.new_object(Kind::Instance, INSTANCE_WITH_BASE_BYTES) {
            Ok(at) => at,
            Err(e) => {
                self.release(base);
                return Err(e.into());
            }
        };
        self.heap.incref(class);
        self.heap.write_value(at + 8, class);
        self.heap.write_value(at + 12, Value::NULL);
        self.heap.write_value(at + 16, base);
        let instance = Value::from_offset(at);
        if has_init {
            if let Err(e) = self.run_init(class, instance, args, keywords) {
                self.release(instance);
                return Err(e);
            }
        }
        Ok(instance)
    }

    /// The built-in type a derived class's instances hold (the first along its MRO).
    pub(crate) fn builtin_of_class(&self, class: Value) -> Option<Value> {
        let mro = self.class_mro(class);
        mro.into_iter().find(|&c| SUBCLASSABLE.iter().any(|&t| self.builtin_type(t) == c))
    }
}

#[cfg(test)]
mod tests {
    use crate::accounting::Subsystem;
    use crate::test_support::vm;

    #[test]
    fn an_instance_holds_its_base_value_counts_it_and_frees_it() {
        let mut vm = vm();
        let source = "import sys\nclass Log(list):\n    pass\nplain = sys.getsizeof([1, 2, 3])\n\
                      log = Log([1, 2, 3])\nassert sys.getsizeof(log) >= plain + 20, (sys.getsizeof(log), plain)\n\
                      assert log == [1, 2, 3] and type(log) is Log\n";
        vm.run_main("base.py", source).unwrap();
        // (Lists stay alive in `sys`, which outlives the script; the conformance suite
        // checks that a shutdown leaves zero bytes.)
        assert_eq!(vm.heap.subsystem(Subsystem::Instance).live_bytes, 0);
    }
}
