//! Instances of script classes, and what makes classes callable: construction and the
//! attribute protocol of instances.
//!
//! ```text
//! instance (16 + 8 x n bytes): +8 class  +12 attributes: dict or NULL
//!                              +16 n inline attributes (`inline_attributes.rs`)
//!                              (20 bytes, +16 base value, for classes derived from a
//!                              built-in type: `builtin_subclass.rs`)
//! ```
//!
//! `C(args)` makes the instance, then runs `C.__init__(instance, args)`. From the
//! interpreter that `__init__` runs as an ordinary frame (stackless), flagged so that its
//! return value (which must be None) is dropped and the caller gets the instance.

use crate::error::{Error, Result};
use crate::inline_attributes::instance_bytes_for;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// A new, attribute-less instance of `class` (borrowed), with room for as many
    /// attributes as its instances have had (`inline_attributes.rs`).
    pub(crate) fn new_instance(&mut self, class: Value) -> Result<Value> {
        let class_at = class.as_object().unwrap_or_default();
        let bytes = instance_bytes_for(crate::class::attribute_count_hint(self.class_flags(class_at)));
        let at = self.heap.new_object(Kind::Instance, bytes)?;
        self.heap.incref(class);
        self.heap.write_value(at + 8, class);
        for word in (12..bytes).step_by(4) {
            self.heap.write_value(at + word, Value::NULL);
        }
        Ok(Value::from_offset(at))
    }

    /// `__init__` of a class (borrowed), if a script class defines one.
    pub(crate) fn init_method(&mut self, class: Value) -> Result<Option<Value>> {
        let found = match self.cached_init_entry(class) {
            Some(entry) => entry,
            None => {
                if self.init_name == Value::NULL {
                    self.init_name = self.intern_str("__init__")?;
                }
                let entry = self.class_entry_of(class, self.init_name)?;
                self.remember_init_entry(class, entry);
                entry
            }
        };
        let init = found.map(|entry| self.heap.read_value(entry + 4));
        Ok(init.filter(|&f| self.kind_of(f) == Some(Kind::Function)))
    }

    /// The attribute dict of an instance, exception or function, made if `create`
    /// (borrowed; NULL when there is none and `create` is false). An instance's inline
    /// attributes move into it (`inline_attributes.rs`): use it only where a dict is what
    /// is wanted (`__dict__`, `vars()`, deletion), not to read or store one attribute.
    pub(crate) fn attribute_dict(&mut self, obj: Value, create: bool) -> Result<Value> {
        let at = obj.as_object().unwrap_or_default();
        let slot = match self.heap.kind(at) {
            Kind::Instance => at + 12,
            Kind::Exception | Kind::Function => at + 28,
            _ => return Ok(Value::NULL),
        };
        let mut attributes = self.heap.read_value(slot);
        if attributes == Value::NULL && self.heap.kind(at) == Kind::Instance {
            if create || self.inline_len(at) > 0 {
                attributes = self.materialize_attributes(at)?;
            }
        } else if attributes == Value::NULL && create {
            attributes = self.new_dict_for(0)?;
            self.heap.write_value(slot, attributes);
        }
        Ok(attributes)
    }

    /// After a store of a new attribute into instance `at`, which now has `count`: the
    /// class remembers the most attributes an instance has had, so the next instance is
    /// made with room for that many at once instead of growing key by key (where they
    /// all end the same size anyway).
    pub(crate) fn note_attribute_count(&mut self, at: u32, count: u32) {
        let class = self.heap.region().read_u32(at + 8);
        let flags = self.class_flags(class);
        if count > crate::class::attribute_count_hint(flags) {
            self.heap.region_mut().write_u32(class + 24, crate::class::with_attribute_count_hint(flags, count));
        }
    }

    /// `obj.name = value` when `obj` is an instance of a script class with neither a
    /// `__setattr__` hook nor properties: straight into its own attributes. False (and
    /// nothing done) leaves it to `set_attribute_any`.
    #[inline]
    pub(crate) fn store_plain_instance_attribute(&mut self, obj: Value, name: Value, value: Value) -> Result<bool> {
        if !self.is_plainly_settable(obj) {
            return Ok(false);
        }
        self.store_own_attribute(obj, name, value)?;
        Ok(true)
    }

    /// Stores `value` (borrowed) as instance `obj`'s own attribute `name`: in a pair if
    /// it has room, else in its attributes dict (made, and the pairs moved in, if need be).
    pub(crate) fn store_own_attribute(&mut self, obj: Value, name: Value, value: Value) -> Result<()> {
        let at = obj.as_object().unwrap_or_default();
        if self.heap.read_value(at + 12) == Value::NULL && self.store_inline(at, name, value)? {
            return Ok(());
        }
        let attributes = self.attribute_dict(obj, true)?;
        self.dict_set(attributes, name, value)?;
        let count = self.dict_len(attributes);
        self.note_attribute_count(at, count);
        Ok(())
    }

    /// Whether `obj` is an instance whose attributes a store writes straight into its
    /// own attributes: no `__setattr__` hook, properties or slots in its class.
    #[inline(always)]
    pub(crate) fn is_plainly_settable(&self, obj: Value) -> bool {
        let Some(at) = obj.as_object().filter(|&at| self.heap.is_kind(at, Kind::Instance)) else { return false };
        let class = self.heap.read_value(at + 8);
        let hooks = crate::class::CLASS_HAS_SETATTR | crate::class::CLASS_HAS_PROPERTY | crate::class::CLASS_SLOTS;
        self.class_flags(class.as_object().unwrap_or_default()) & hooks == 0
            && class != self.builtin_type(crate::types::BuiltinType::Object)
    }

    /// Whether `obj` itself (an instance's, exception's or function's own attributes)
    /// holds `name`.
    pub(crate) fn own_attribute_is_set(&mut self, obj: Value, name: Value) -> Result<bool> {
        Ok(self.own_attribute_ref(obj, name)?.is_some())
    }

    /// An attribute stored on the object itself (owned), if any.
    pub(crate) fn own_attribute(&mut self, obj: Value, name: Value) -> Result<Option<Value>> {
        let found = self.own_attribute_ref(obj, name)?;
        if let Some(v) = found {
            self.heap.incref(v);
        }
        Ok(found)
    }

    /// An attribute stored on the object itself (borrowed), if any.
    pub(crate) fn own_attribute_ref(&self, obj: Value, name: Value) -> Result<Option<Value>> {
        let Some(at) = obj.as_object() else { return Ok(None) };
        let attributes = match self.heap.kind(at) {
            Kind::Instance => self.heap.read_value(at + 12),
            Kind::Exception | Kind::Function => self.heap.read_value(at + 28),
            _ => return Ok(None),
        };
        if attributes != Value::NULL {
            return self.dict_lookup(attributes, name);
        }
        if self.heap.kind(at) != Kind::Instance {
            return Ok(None);
        }
        Ok(self.inline_pair_of(at, name).map(|(_, pair)| self.heap.read_value(pair + 4)))
    }

    /// `R[ns][name]`, else the global, else the builtin (the name lookup of a class
    /// body), owned.
    pub(crate) fn load_from_namespace(&mut self, namespace: Value, globals: Value, name: Value) -> Result<Value> {
        if let Some(v) = self.dict_get(namespace, name)? {
            return Ok(v);
        }
        if let Some(v) = self.dict_get(globals, name)? {
            return Ok(v);
        }
        let builtins = self.builtins;
        if builtins != Value::NULL {
            if let Some(v) = self.dict_get(builtins, name)? {
                return Ok(v);
            }
        }
        Err(Error::NameNotDefined(name))
    }

    /// `class name(*bases)` with the namespace its body filled (all borrowed). As in
    /// CPython, an `__init_subclass__` the body defines is a classmethod, and the new
    /// class is handed to the nearest one of its bases (PEP 487).
    pub(crate) fn build_class(&mut self, name: Value, bases: Value, namespace: Value) -> Result<Value> {
        let mut base_list: alloc::vec::Vec<Value> = self.tuple_items(bases).collect();
        for &b in &base_list {
            if self.kind_of(b) != Some(Kind::Class) {
                return Err(Error::Type("bases must be classes"));
            }
        }
        if base_list.is_empty() {
            base_list.push(self.builtin_type(crate::types::BuiltinType::Object));
        }
        let name = self.as_str(name).map(alloc::string::String::from).unwrap_or_default();
        if let Some(hook) = self.dict_get_str(namespace, "__init_subclass__")? {
            let wrapped = match self.kind_of(hook) {
                Some(Kind::Function) => {
                    self.new_wrapper(crate::types::WRAP_CLASS, [hook, Value::NULL, Value::NULL]).map(Some)
                }
                _ => Ok(None),
            };
            self.release(hook);
            if let Some(wrapped) = wrapped? {
                let stored = self.dict_set_str(namespace, "__init_subclass__", wrapped);
                self.release(wrapped);
                stored?;
            }
        }
        let class = self.new_class_with_namespace(&name, &base_list, Some(namespace))?;
        let announced = self.new_super(class, class).and_then(|parent| {
            let called = self.call_method_named(parent, "__init_subclass__", &[]);
            self.release(parent);
            called
        });
        match announced {
            Ok(result) => {
                self.release(result);
                Ok(class)
            }
            Err(e) => {
                self.release(class);
                Err(e)
            }
        }
    }
}
