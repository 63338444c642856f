//! The built-in types as class objects, and attribute lookup on any value.
//!
//! Every value has a class: `type(3)` is the `int` class, `type(None)` is `NoneType`,
//! an exception's class is stored in it. The built-in classes are made with the builtins
//! (`object` first; `bool` derives from `int`), and their namespaces hold the methods
//! implemented in Rust (`str.upper`, `list.append`, ...). Calling one runs its
//! constructor (`int("3")`).
//!
//! ```text
//! bound method (16 bytes): +8 function  +12 self
//! ```
//!
//! `obj.method(...)` does not make a bound method: the interpreter looks the function up
//! and passes `obj` as the first argument (`LoadMethod`/`CallMethod`). A bound method is
//! made only when the attribute is used as a value (`f = obj.method`).

use crate::error::{Error, Result};
use crate::function::NativeFn;
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const BOUND_METHOD_BYTES: u32 = 16;
/// Wrapper flavours (header flags of a `Kind::Wrapper`).
pub(crate) const WRAP_STATIC: u8 = 0;
pub(crate) const WRAP_CLASS: u8 = 1;
pub(crate) const WRAP_PROPERTY: u8 = 2;

/// What an attribute lookup found.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Resolved {
    /// A value (owned).
    Value(Value),
    /// A function (owned) to call with this receiver (borrowed) first.
    Method(Value, Value),
}

/// The built-in classes, in creation order (each one's base comes earlier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Int,
    Bool,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    Range,
    Function,
    BuiltinFunction,
    Method,
    Code,
    Iterator,
    Traceback,
    Frame,
    DictKeys,
    DictValues,
    DictItems,
    Cell,
    Super,
    StaticMethod,
    ClassMethod,
    Property,
    Module,
    Generator,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    CallableIterator,
    FrozenSet,
    Slice,
    TextIOWrapper,
}

impl BuiltinType {
    pub const ALL: [BuiltinType; 38] = [
        BuiltinType::Object,
        BuiltinType::Type,
        BuiltinType::NoneType,
        BuiltinType::Int,
        BuiltinType::Bool,
        BuiltinType::Float,
        BuiltinType::Str,
        BuiltinType::Tuple,
        BuiltinType::List,
        BuiltinType::Dict,
        BuiltinType::Set,
        BuiltinType::Range,
        BuiltinType::Function,
        BuiltinType::BuiltinFunction,
        BuiltinType::Method,
        BuiltinType::Code,
        BuiltinType::Iterator,
        BuiltinType::Traceback,
        BuiltinType::Frame,
        BuiltinType::DictKeys,
        BuiltinType::DictValues,
        BuiltinType::DictItems,
        BuiltinType::Cell,
        BuiltinType::Super,
        BuiltinType::StaticMethod,
        BuiltinType::ClassMethod,
        BuiltinType::Property,
        BuiltinType::Module,
        BuiltinType::Generator,
        BuiltinType::Enumerate,
        BuiltinType::Zip,
        BuiltinType::Map,
        BuiltinType::Filter,
        BuiltinType::Reversed,
        BuiltinType::CallableIterator,
        BuiltinType::FrozenSet,
        BuiltinType::Slice,
        BuiltinType::TextIOWrapper,
    ];

    /// The class's `__name__`.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinType::Object => "object",
            BuiltinType::Type => "type",
            BuiltinType::NoneType => "NoneType",
            BuiltinType::Int => "int",
            BuiltinType::Bool => "bool",
            BuiltinType::Float => "float",
            BuiltinType::Str => "str",
            BuiltinType::Tuple => "tuple",
            BuiltinType::List => "list",
            BuiltinType::Dict => "dict",
            BuiltinType::Set => "set",
            BuiltinType::Range => "range",
            BuiltinType::Slice => "slice",
            BuiltinType::Function => "function",
            BuiltinType::BuiltinFunction => "builtin_function_or_method",
            BuiltinType::Method => "method",
            BuiltinType::Code => "code",
            BuiltinType::Iterator => "iterator",
            BuiltinType::Traceback => "traceback",
            BuiltinType::Frame => "frame",
            BuiltinType::DictKeys => "dict_keys",
            BuiltinType::DictValues => "dict_values",
            BuiltinType::DictItems => "dict_items",
            BuiltinType::Cell => "cell",
            BuiltinType::Super => "super",
            BuiltinType::StaticMethod => "staticmethod",
            BuiltinType::ClassMethod => "classmethod",
            BuiltinType::Property => "property",
            BuiltinType::Module => "module",
            BuiltinType::Generator => "generator",
            BuiltinType::Enumerate => "enumerate",
            BuiltinType::Zip => "zip",
            BuiltinType::Map => "map",
            BuiltinType::Filter => "filter",
            BuiltinType::Reversed => "reversed",
            BuiltinType::CallableIterator => "callable_iterator",
            BuiltinType::FrozenSet => "frozenset",
            BuiltinType::TextIOWrapper => "TextIOWrapper",
        }
    }

    fn base(self) -> Option<BuiltinType> {
        match self {
            BuiltinType::Object => None,
            BuiltinType::Bool => Some(BuiltinType::Int),
            _ => Some(BuiltinType::Object),
        }
    }

    /// Whether scripts see this class by name in `builtins`.
    pub(crate) fn is_named_builtin(self) -> bool {
        matches!(
            self,
            BuiltinType::Object
                | BuiltinType::Type
                | BuiltinType::Int
                | BuiltinType::Bool
                | BuiltinType::Float
                | BuiltinType::Str
                | BuiltinType::Tuple
                | BuiltinType::List
                | BuiltinType::Dict
                | BuiltinType::Set
                | BuiltinType::Range
                | BuiltinType::Super
                | BuiltinType::StaticMethod
                | BuiltinType::ClassMethod
                | BuiltinType::Property
                | BuiltinType::Enumerate
                | BuiltinType::Zip
                | BuiltinType::Map
                | BuiltinType::Filter
                | BuiltinType::Reversed
                | BuiltinType::FrozenSet
                | BuiltinType::Slice
        )
    }
}

impl Vm {
    /// The built-in class `ty` (borrowed; exists once builtins are installed).
    pub fn builtin_type(&self, ty: BuiltinType) -> Value {
        self.builtin_types.get(ty as usize).copied().unwrap_or(Value::NULL)
    }

    /// Makes the built-in classes, their constructors and their methods.
    pub(crate) fn make_builtin_types(
        &mut self,
        constructors: &[(BuiltinType, &str, NativeFn)],
        methods: &[(BuiltinType, &str, NativeFn)],
    ) -> Result<()> {
        for ty in BuiltinType::ALL {
            let bases: alloc::vec::Vec<Value> = ty.base().map(|b| self.builtin_types[b as usize]).into_iter().collect();
            let class = self.new_class(ty.name(), &bases)?;
            self.builtin_types.push(class);
        }
        for &(ty, name, function) in constructors {
            let native = self.new_native(name, function)?;
            let set = self.set_class_constructor(self.builtin_type(ty), native);
            self.release(native);
            set?;
        }
        let positional = methods.iter().map(|&(ty, name, f)| (ty, name, crate::function::NativeCode::Positional(f)));
        let keyword = crate::methods::METHODS_WITH_KEYWORDS
            .iter()
            .map(|&(ty, name, f)| (ty, name, crate::function::NativeCode::WithKeywords(f)));
        let all: alloc::vec::Vec<_> = positional.chain(keyword).collect();
        for (ty, name, code) in all {
            let namespace = self.class_namespace(self.builtin_type(ty).as_object().unwrap_or_default());
            self.install_native(namespace, name, code)?;
        }
        Ok(())
    }

    /// `type(v)` (borrowed).
    pub fn type_of(&self, v: Value) -> Value {
        let ty = match v {
            Value::NONE => BuiltinType::NoneType,
            Value::TRUE | Value::FALSE => BuiltinType::Bool,
            v if v.is_small_int() => BuiltinType::Int,
            v => match self.kind_of(v) {
                Some(Kind::Int) => BuiltinType::Int,
                Some(Kind::Float) => BuiltinType::Float,
                Some(Kind::Str) => BuiltinType::Str,
                Some(Kind::Tuple) => BuiltinType::Tuple,
                Some(Kind::List) => BuiltinType::List,
                Some(Kind::Dict) => BuiltinType::Dict,
                Some(Kind::Set) if self.is_frozenset(v) => BuiltinType::FrozenSet,
                Some(Kind::Set) => BuiltinType::Set,
                Some(Kind::Range) => BuiltinType::Range,
                Some(Kind::Slice) => BuiltinType::Slice,
                Some(Kind::TextStream) => BuiltinType::TextIOWrapper,
                Some(Kind::Code) => BuiltinType::Code,
                Some(Kind::Function) => BuiltinType::Function,
                Some(Kind::Native) => BuiltinType::BuiltinFunction,
                Some(Kind::BoundMethod) => BuiltinType::Method,
                Some(Kind::Frame) => BuiltinType::Frame,
                Some(Kind::Iterator) => BuiltinType::Iterator,
                Some(Kind::Traceback) => BuiltinType::Traceback,
                Some(Kind::Class) => BuiltinType::Type,
                Some(Kind::Cell) => BuiltinType::Cell,
                Some(Kind::Module) => BuiltinType::Module,
                Some(Kind::Generator) => BuiltinType::Generator,
                Some(Kind::Enumerate) => BuiltinType::Enumerate,
                Some(Kind::Zip) => BuiltinType::Zip,
                Some(Kind::Map) => BuiltinType::Map,
                Some(Kind::Filter) => BuiltinType::Filter,
                Some(Kind::Reversed) => BuiltinType::Reversed,
                Some(Kind::CallIterator) => BuiltinType::CallableIterator,
                Some(Kind::Super) => BuiltinType::Super,
                Some(Kind::Wrapper) => match self.heap.flags(v.as_object().unwrap_or_default()) {
                    WRAP_STATIC => BuiltinType::StaticMethod,
                    WRAP_CLASS => BuiltinType::ClassMethod,
                    _ => BuiltinType::Property,
                },
                Some(Kind::Exception) => return self.exception_class_of(v),
                Some(Kind::Instance) => return self.heap.read_value(v.as_object().unwrap_or_default() + 8),
                Some(Kind::DictView) => match self.dict_view_flavor(v.as_object().unwrap_or_default()) {
                    crate::methods::ViewFlavor::Keys => BuiltinType::DictKeys,
                    crate::methods::ViewFlavor::Values => BuiltinType::DictValues,
                    crate::methods::ViewFlavor::Items => BuiltinType::DictItems,
                },
                None => BuiltinType::NoneType,
            },
        };
        self.builtin_type(ty)
    }

    /// The `__name__` of `type(v)`.
    pub fn type_name_of(&self, v: Value) -> &str {
        let class = self.type_of(v);
        match class.as_object() {
            Some(at) => self.as_str(self.class_name(at)).unwrap_or("?"),
            None => self.type_name(v),
        }
    }

    /// `isinstance(v, class)`.
    pub fn is_instance(&self, v: Value, class: Value) -> bool {
        self.is_subclass(self.type_of(v), class)
    }

    /// `class(*args, **keywords)` (owned result).
    pub(crate) fn instantiate(
        &mut self,
        class: Value,
        args: &[Value],
        keywords: &crate::function::Keywords<'_>,
    ) -> Result<Value> {
        let at = self.object_of_kind(Kind::Class, class)?;
        if self.class_flags(at) & crate::class::CLASS_IS_EXCEPTION != 0 {
            let exception = self.new_exception(class, args)?;
            if self.init_method(class)?.is_some() {
                // A script exception class with its own __init__ (which may call
                // BaseException.__init__ through super() to set args).
                if let Err(e) = self.run_init(class, exception, args, keywords) {
                    self.release(exception);
                    return Err(e);
                }
            } else if let Err(e) = keywords.only(self, &[]) {
                self.release(exception);
                return Err(e);
            }
            return Ok(exception);
        }
        if self.class_flags(at) & crate::builtin_subclass::CLASS_BUILTIN_BASE != 0 {
            if let Some(builtin) = self.builtin_of_class(class) {
                return self.instantiate_builtin_subclass(class, builtin, args, keywords);
            }
        }
        let constructor = self.class_constructor(class);
        match constructor.as_object() {
            Some(native) => self.call_native(native, args, keywords),
            None => Err(Error::Type("cannot create instances of this type")),
        }
    }

    /// `getattr(obj, name)` (owned result).
    pub fn get_attribute(&mut self, obj: Value, name: Value) -> Result<Value> {
        match self.resolve_attribute(obj, name)? {
            Resolved::Value(v) => Ok(v),
            Resolved::Method(function, receiver) => {
                let bound = self.new_bound_method(function, receiver);
                self.release(function);
                bound
            }
        }
    }

    /// For `obj.name(...)`: the function (owned) and the receiver to pass first (borrowed),
    /// or the attribute's value and no receiver.
    pub(crate) fn get_method(&mut self, obj: Value, name: Value) -> Result<(Value, Option<Value>)> {
        Ok(match self.resolve_attribute(obj, name)? {
            Resolved::Value(v) => (v, None),
            Resolved::Method(function, receiver) => (function, Some(receiver)),
        })
    }

    /// The attribute protocol: the object's own data, then its class's MRO with the
    /// descriptor rules of functions, staticmethod, classmethod and property, then
    /// `__getattr__`.
    pub(crate) fn resolve_attribute(&mut self, obj: Value, name: Value) -> Result<Resolved> {
        if let Some(v) = self.special_attribute(obj, name)? {
            return Ok(Resolved::Value(v));
        }
        if matches!(self.kind_of(obj), Some(Kind::Exception | Kind::Instance | Kind::Function)) {
            if let Some(v) = self.own_attribute(obj, name)? {
                return Ok(Resolved::Value(v));
            }
        }
        if let Some(at) = obj.as_object().filter(|&at| self.heap.is_kind(at, Kind::Module)) {
            let namespace = self.heap.read_value(at + 12);
            return match self.dict_get(namespace, name)? {
                Some(v) => Ok(Resolved::Value(v)),
                None => Err(Error::ModuleAttribute { module: obj, name }),
            };
        }
        let kind = self.kind_of(obj);
        let (found, receiver) = match kind {
            Some(Kind::Super) => {
                let at = obj.as_object().unwrap_or_default();
                let (start_after, target) = (self.heap.read_value(at + 8), self.heap.read_value(at + 12));
                let owner = if self.kind_of(target) == Some(Kind::Class) { target } else { self.type_of(target) };
                let mro = self.class_mro(owner);
                let skip = mro.iter().position(|&c| c == start_after).map_or(0, |i| i + 1);
                let mut found = None;
                for &c in &mro[skip..] {
                    let namespace = self.class_namespace(c.as_object().unwrap_or_default());
                    if let Some(v) = self.dict_lookup(namespace, name)? {
                        found = Some(v);
                        break;
                    }
                }
                (found, target)
            }
            Some(Kind::Class) => match self.class_lookup(obj, name)? {
                Some(found) => (Some(found), obj),
                None => {
                    // Methods of the metaclass, `type` (`cls.mro()`), bound to the class.
                    let metaclass = self.builtin_type(BuiltinType::Type);
                    match self.class_lookup(metaclass, name)? {
                        Some(m) if matches!(self.kind_of(m), Some(Kind::Function | Kind::Native)) => {
                            self.heap.incref(m);
                            return Ok(Resolved::Method(m, obj));
                        }
                        _ => (None, obj),
                    }
                }
            },
            _ => (self.class_lookup(self.type_of(obj), name)?, obj),
        };
        let Some(found) = found else {
            if kind == Some(Kind::Instance) {
                if let Some(v) = self.call_getattr_hook(obj, name)? {
                    return Ok(Resolved::Value(v));
                }
            }
            return Err(Error::Attribute { object: obj, name });
        };
        let on_class =
            kind == Some(Kind::Class) || (kind == Some(Kind::Super) && self.kind_of(receiver) == Some(Kind::Class));
        match self.kind_of(found) {
            Some(Kind::Function | Kind::Native) if !on_class => {
                self.heap.incref(found);
                Ok(Resolved::Method(found, receiver))
            }
            Some(Kind::Wrapper) => {
                let at = found.as_object().unwrap_or_default();
                let function = self.heap.read_value(at + 8);
                match self.heap.flags(at) {
                    WRAP_STATIC => {
                        self.heap.incref(function);
                        Ok(Resolved::Value(function))
                    }
                    WRAP_CLASS => {
                        let class =
                            if self.kind_of(receiver) == Some(Kind::Class) { receiver } else { self.type_of(receiver) };
                        self.heap.incref(function);
                        Ok(Resolved::Method(function, class))
                    }
                    _ if on_class => {
                        self.heap.incref(found);
                        Ok(Resolved::Value(found))
                    }
                    _ => {
                        if function == Value::NULL || function == Value::NONE {
                            return Err(Error::Type("unreadable attribute"));
                        }
                        Ok(Resolved::Value(self.call(function, &[receiver])?))
                    }
                }
            }
            _ => {
                self.heap.incref(found);
                Ok(Resolved::Value(found))
            }
        }
    }

    /// `obj.__getattr__(name)` when the class defines it (owned result).
    fn call_getattr_hook(&mut self, obj: Value, name: Value) -> Result<Option<Value>> {
        let hook_name = self.intern_str("__getattr__")?;
        let hook = self.class_lookup(self.type_of(obj), hook_name);
        self.release(hook_name);
        match hook? {
            Some(hook) if self.kind_of(hook) == Some(Kind::Function) => Ok(Some(self.call(hook, &[obj, name])?)),
            _ => Ok(None),
        }
    }

    /// `del obj.name` (`delattr(obj, name)`): an instance's `__delattr__` or property
    /// deleter if its class has one, else the entry of its attribute dict; a class's, or a
    /// module's, namespace entry.
    pub fn delete_attribute(&mut self, obj: Value, name: Value) -> Result<()> {
        let namespace = match self.kind_of(obj) {
            Some(Kind::Instance | Kind::Exception | Kind::Function) => {
                if let Some(method) = self.script_dunder(obj, "__delattr__")? {
                    let result = self.call(method, &[obj, name])?;
                    self.release(result);
                    return Ok(());
                }
                if let Some(found) = self.class_lookup(self.type_of(obj), name)? {
                    let at = found.as_object().unwrap_or_default();
                    if self.kind_of(found) == Some(Kind::Wrapper) && self.heap.flags(at) == crate::types::WRAP_PROPERTY
                    {
                        let deleter = self.heap.read_value(at + 16);
                        if deleter == Value::NULL || deleter == Value::NONE {
                            let text = alloc::format!(
                                "property '{}' of '{}' object has no deleter",
                                self.as_str(name).unwrap_or("?"),
                                self.type_name_of(obj)
                            );
                            return Err(crate::iterator::raise_text(
                                self,
                                crate::exception::ExceptionType::AttributeError,
                                &text,
                                Error::Attribute { object: obj, name },
                            ));
                        }
                        let result = self.call(deleter, &[obj])?;
                        self.release(result);
                        return Ok(());
                    }
                }
                self.attribute_dict(obj, false)?
            }
            Some(Kind::Class) => self.class_namespace(obj.as_object().unwrap_or_default()),
            Some(Kind::Module) => self.heap.read_value(obj.as_object().unwrap_or_default() + 12),
            _ => Value::NULL,
        };
        if namespace != Value::NULL && self.dict_delete(namespace, name)? {
            return Ok(());
        }
        Err(Error::Attribute { object: obj, name })
    }

    /// A property setter for `name` on obj's class, if one is defined (borrowed).
    pub(crate) fn property_setter(&self, obj: Value, name: Value) -> Result<Option<Value>> {
        let class = self.type_of(obj);
        if self.class_flags(class.as_object().unwrap_or_default()) & crate::class::CLASS_HAS_PROPERTY == 0 {
            return Ok(None);
        }
        match self.class_lookup(class, name)? {
            Some(found) if self.kind_of(found) == Some(Kind::Wrapper) => {
                let at = found.as_object().unwrap_or_default();
                if self.heap.flags(at) != WRAP_PROPERTY {
                    return Ok(None);
                }
                let setter = self.heap.read_value(at + 12);
                if setter == Value::NULL || setter == Value::NONE {
                    return Err(Error::NoSetter { object: obj, name });
                }
                Ok(Some(setter))
            }
            _ => Ok(None),
        }
    }

    /// Whether `v` is a `property` object.
    pub(crate) fn is_property(&self, v: Value) -> bool {
        v.as_object().is_some_and(|at| self.heap.is_kind(at, Kind::Wrapper) && self.heap.flags(at) == WRAP_PROPERTY)
    }

    /// A new wrapper of `flavor` around `functions` (borrowed; up to three).
    pub(crate) fn new_wrapper(&mut self, flavor: u8, functions: [Value; 3]) -> Result<Value> {
        let at = self.heap.new_object(Kind::Wrapper, crate::object::WRAPPER_BYTES)?;
        self.heap.set_flags(at, flavor);
        for (i, f) in functions.into_iter().enumerate() {
            self.heap.incref(f);
            self.heap.write_value(at + 8 + 4 * i as u32, f);
        }
        Ok(Value::from_offset(at))
    }

    /// `super(cls, obj)`.
    pub(crate) fn new_super(&mut self, class: Value, obj: Value) -> Result<Value> {
        self.object_of_kind(Kind::Class, class)?;
        let at = self.heap.new_object(Kind::Super, crate::object::SUPER_BYTES)?;
        self.heap.incref(class);
        self.heap.incref(obj);
        self.heap.write_value(at + 8, class);
        self.heap.write_value(at + 12, obj);
        Ok(Value::from_offset(at))
    }

    /// `setattr(obj, name, value)` (value borrowed): instance and exception attributes
    /// (through a property's setter if the class has one), class namespaces.
    pub fn set_attribute(&mut self, obj: Value, name: Value, value: Value) -> Result<()> {
        match self.kind_of(obj) {
            Some(Kind::Class) => {
                let at = obj.as_object().unwrap_or_default();
                if self.as_str(name) == Some("__setattr__") {
                    // Assigned after the class was made (subclasses made before keep theirs).
                    let flags = self.class_flags(at) | crate::class::CLASS_HAS_SETATTR;
                    self.heap.region_mut().write_u32(at + 24, flags);
                }
                if self.is_property(value) {
                    let flags = self.class_flags(at) | crate::class::CLASS_HAS_PROPERTY;
                    self.heap.region_mut().write_u32(at + 24, flags);
                }
                // `__eq__`/`__hash__` set after the class was made (`dataclasses` does):
                // the flags the tables and `hash()` read follow.
                use crate::class::{CLASS_SCRIPT_EQ, CLASS_SCRIPT_HASH, CLASS_UNHASHABLE};
                let function = self.kind_of(value) == Some(Kind::Function);
                let flags = self.class_flags(at);
                let flags = match self.as_str(name) {
                    Some("__eq__") if function => flags | CLASS_SCRIPT_EQ,
                    Some("__hash__") if value == Value::NONE => (flags | CLASS_UNHASHABLE) & !CLASS_SCRIPT_HASH,
                    Some("__hash__") if function => (flags | CLASS_SCRIPT_HASH) & !CLASS_UNHASHABLE,
                    _ => flags,
                };
                self.heap.region_mut().write_u32(at + 24, flags);
                if matches!(self.as_str(name), Some("__name__" | "__qualname__")) {
                    // The class's own name field, which repr and tracebacks read.
                    if self.kind_of(value) != Some(Kind::Str) {
                        return Err(Error::Type("can only assign string to __name__"));
                    }
                    self.heap.incref(value);
                    let old = self.heap.read_value(at + 8);
                    self.heap.write_value(at + 8, value);
                    self.release(old);
                    return Ok(());
                }
                self.dict_set(self.class_namespace(at), name, value)
            }
            Some(Kind::Instance) if self.type_of(obj) == self.builtin_type(BuiltinType::Object) => {
                // A bare `object()` has no attribute dict.
                Err(Error::Attribute { object: obj, name })
            }
            Some(Kind::Instance) => {
                if let Some(setter) = self.property_setter(obj, name)? {
                    let result = self.call(setter, &[obj, value])?;
                    self.release(result);
                    return Ok(());
                }
                let class = self.type_of(obj);
                if self.class_flags(class.as_object().unwrap_or_default()) & crate::class::CLASS_SLOTS != 0
                    && !self.slots_allow(class, name)?
                {
                    return Err(Error::Attribute { object: obj, name });
                }
                self.store_own_attribute(obj, name, value)
            }
            Some(Kind::Function) => {
                if let Some(stored) = self.set_function_special(obj, name, value)? {
                    return stored;
                }
                let attributes = self.attribute_dict(obj, true)?;
                self.dict_set(attributes, name, value)
            }
            Some(Kind::Module) => {
                let namespace = self.heap.read_value(obj.as_object().unwrap_or_default() + 12);
                self.dict_set(namespace, name, value)
            }
            Some(Kind::Exception) => {
                let at = obj.as_object().unwrap_or_default();
                match self.as_str(name) {
                    Some("__cause__") => {
                        self.set_exception_cause(obj, value);
                        return Ok(());
                    }
                    Some("__traceback__") if value == Value::NONE => {
                        let old = self.heap.read_value(at + 16);
                        self.heap.write_value(at + 16, Value::NULL);
                        self.release(old);
                        return Ok(());
                    }
                    _ => {}
                }
                let attributes = self.attribute_dict(obj, true)?;
                self.dict_set(attributes, name, value)
            }
            _ => Err(Error::Attribute { object: obj, name }),
        }
    }

    /// `f.name = value` for the attributes a function keeps in fields of its own, checked
    /// as CPython checks them; `None` for any other name (stored in its attribute dict).
    fn set_function_special(&mut self, f: Value, name: Value, value: Value) -> Result<Option<Result<()>>> {
        let Some(text) = self.special_attribute_name(name) else { return Ok(None) };
        let kind = self.kind_of(value);
        let must = |what: &'static str| Ok(Some(Err(Error::Type(what))));
        let at = f.as_object().unwrap_or_default();
        match text {
            "__name__" if kind != Some(Kind::Str) => must("__name__ must be set to a string object"),
            "__qualname__" if kind != Some(Kind::Str) => must("__qualname__ must be set to a string object"),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                Ok(Some(self.set_function_renamed(at, name, value)))
            }
            "__defaults__" => match (value, kind) {
                (Value::NONE, _) | (_, Some(Kind::Tuple)) => {
                    let defaults = if value == Value::NONE { Value::NULL } else { value };
                    Ok(Some(self.set_function_defaults(f, defaults)))
                }
                _ => must("__defaults__ must be set to a tuple object"),
            },
            "__kwdefaults__" => match (value, kind) {
                (Value::NONE, _) | (_, Some(Kind::Dict)) => {
                    let defaults = if value == Value::NONE { Value::NULL } else { value };
                    Ok(Some(self.set_function_keyword_defaults(f, defaults)))
                }
                _ => must("__kwdefaults__ must be set to a dict object"),
            },
            "__annotations__" => match (value, kind) {
                (Value::NONE, _) | (_, Some(Kind::Dict)) => {
                    let annotations = if value == Value::NONE { Value::NULL } else { value };
                    Ok(Some(self.set_function_annotations(f, annotations)))
                }
                _ => must("__annotations__ must be set to a dict object"),
            },
            "__dict__" if kind == Some(Kind::Dict) => {
                self.heap.incref(value);
                let old = self.heap.read_value(at + 28);
                self.heap.write_value(at + 28, value);
                self.release(old);
                Ok(Some(Ok(())))
            }
            "__dict__" => {
                let text = alloc::format!("__dict__ must be set to a dictionary, not a '{}'", self.type_name_of(value));
                Ok(Some(Err(crate::iterator::raise_text(
                    self,
                    crate::exception::ExceptionType::TypeError,
                    &text,
                    Error::Type("__dict__ must be set to a dictionary"),
                ))))
            }
            "__code__" if kind == Some(Kind::Code) => {
                self.heap.incref(value);
                let old = self.heap.read_value(at + 8);
                self.heap.write_value(at + 8, value);
                self.release(old);
                Ok(Some(Ok(())))
            }
            "__code__" => must("__code__ must be set to a code object"),
            "__closure__" | "__globals__" | "__builtins__" => Ok(Some(Err(crate::iterator::raise_text(
                self,
                crate::exception::ExceptionType::AttributeError,
                "readonly attribute",
                Error::Attribute { object: f, name },
            )))),
            _ => Ok(None),
        }
    }

    /// Whether `obj` is a StopIteration (`value`) or SystemExit (`code`), whose first
    /// argument those attributes name.
    fn exception_has_payload(&self, obj: Value, attribute: &str) -> bool {
        let class = match attribute {
            "value" => self.exception_class(crate::exception::ExceptionType::StopIteration),
            _ => self.exception_class(crate::exception::ExceptionType::SystemExit),
        };
        self.is_instance(obj, class)
    }

    fn special_attribute_name(&self, name: Value) -> Option<&str> {
        // Decided on the bytes: most attribute names are not special, and this runs on
        // every attribute access.
        let bytes = self.str_bytes_of(name)?;
        let special = bytes.starts_with(b"__")
            || bytes.starts_with(b"tb_")
            || bytes.starts_with(b"co_")
            || matches!(bytes, b"args" | b"value" | b"code" | b"start" | b"stop" | b"step");
        if special {
            self.as_str(name)
        } else {
            None
        }
    }

    /// Attributes stored in the object itself rather than found on its class.
    fn special_attribute(&mut self, obj: Value, name: Value) -> Result<Option<Value>> {
        let renamed = match self.kind_of(obj) {
            Some(Kind::Function) => {
                if let Some(text @ ("__name__" | "__qualname__" | "__doc__" | "__module__")) = self.as_str(name) {
                    if let Some(v) = self.function_renamed(obj.as_object().unwrap_or_default(), text) {
                        self.heap.incref(v);
                        return Ok(Some(v));
                    }
                }
                false
            }
            Some(Kind::Exception) => matches!(self.as_str(name), Some("code" | "value")),
            Some(Kind::TextStream) => {
                if let Some(v) = self.text_stream_attribute(obj, name)? {
                    return Ok(Some(v));
                }
                false
            }
            _ => false,
        };
        if renamed && self.own_attribute_is_set(obj, name)? {
            // Assigned by the script (`fn.__name__ = ...`, `exit.code = 5`): that one.
            return self.own_attribute(obj, name);
        }
        let Some(text) = self.special_attribute_name(name) else { return Ok(None) };
        let Some(at) = obj.as_object() else { return Ok(None) };
        let field = match (self.heap.kind(at), text) {
            (Kind::Class, "__name__") => self.class_name(at),
            (Kind::Class, "__mro__") => {
                let mro = self.class_mro(obj);
                return self.new_tuple(&mro).map(Some);
            }
            (Kind::Class, "__bases__") => self.heap.read_value(at + 12),
            (Kind::Instance, "__class__") => self.heap.read_value(at + 8),
            (Kind::Instance, "__dict__") => {
                let attributes = self.attribute_dict(obj, true)?;
                self.heap.incref(attributes);
                return Ok(Some(attributes));
            }
            (Kind::Exception, "args") => self.exception_args(at),
            (Kind::Exception, "__traceback__") => self.exception_traceback(obj),
            (Kind::Exception, "value" | "code") if self.exception_has_payload(obj, text) => {
                let args = self.exception_args(at);
                match self.tuple_len(args) {
                    0 => Value::NONE,
                    // `SystemExit(1, 2).code` is the whole args tuple.
                    n if n > 1 && text == "code" => args,
                    _ => self.tuple_item(args, 0),
                }
            }
            (Kind::Exception, "__cause__") => self.heap.read_value(at + 20),
            (Kind::Exception, "__context__") => self.heap.read_value(at + 24),
            (Kind::Exception, "__suppress_context__") => {
                Value::from_bool(self.heap.flags(at) & crate::exception::SUPPRESS_CONTEXT != 0)
            }
            (Kind::Function, "__qualname__") => self.code_name(self.function_code(at).as_object().unwrap_or_default()),
            (Kind::Function, "__name__") => {
                let qualname = self.code_name(self.function_code(at).as_object().unwrap_or_default());
                let short =
                    alloc::string::String::from(crate::traceback::short_name(self.as_str(qualname).unwrap_or("")));
                return self.intern_str(&short).map(Some);
            }
            (Kind::Slice, "start") => self.heap.read_value(at + 8),
            (Kind::Slice, "stop") => self.heap.read_value(at + 12),
            (Kind::Slice, "step") => self.heap.read_value(at + 16),
            (Kind::Range, "start" | "stop" | "step") => {
                let (start, stop, step) = self.range_parts(at);
                let n = match text {
                    "start" => start,
                    "stop" => stop,
                    _ => step,
                };
                return self.new_int(n).map(Some);
            }
            (Kind::Generator, "__qualname__") => self.heap.read_value(at + 12),
            (Kind::Generator, "__name__") => {
                let qualname = self.heap.read_value(at + 12);
                let short =
                    alloc::string::String::from(crate::traceback::short_name(self.as_str(qualname).unwrap_or("")));
                return self.intern_str(&short).map(Some);
            }
            (Kind::Function, "__defaults__") => self.function_defaults(at),
            (Kind::Function, "__closure__") => match self.heap.read_value(at + 20) {
                Value::NULL => Value::NONE,
                cells => cells,
            },
            (Kind::Function, "__doc__") => self.code_docstring(self.function_code(at).as_object().unwrap_or_default()),
            (Kind::Class, "__doc__") => {
                let doc = self.dict_get_str(self.class_namespace(at), "__doc__");
                // Borrowed like every special attribute: the namespace keeps it alive.
                let doc = doc?.unwrap_or(Value::NONE);
                self.release(doc);
                doc
            }
            (Kind::Function, "__module__") => {
                let module = self.dict_get_str(self.function_globals(at), "__name__")?.unwrap_or(Value::NONE);
                return Ok(Some(module));
            }
            (Kind::Function, "__kwdefaults__") => self.function_keyword_defaults(at),
            (Kind::Function, "__annotations__") => return self.function_annotations(at).map(Some),
            (Kind::Function, "__dict__") => {
                let attributes = self.attribute_dict(obj, true)?;
                self.heap.incref(attributes);
                return Ok(Some(attributes));
            }
            (Kind::Function, "__code__") => self.function_code(at),
            (Kind::Function, "__globals__") => self.function_globals(at),
            (Kind::Code, _) => {
                let text = alloc::string::String::from(text);
                return self.code_attribute(at, &text);
            }
            (Kind::Class, "__module__") if !self.is_builtin_class(obj) => {
                return self.intern_str("__main__").map(Some);
            }
            (Kind::Class, "__module__") => return self.intern_str("builtins").map(Some),
            (Kind::Class, "__qualname__") => self.class_name(at),
            (Kind::Native, "__name__" | "__qualname__") => self.native_name(at),
            (Kind::BoundMethod, "__self__") => self.bound_method_parts(at).1,
            (Kind::BoundMethod, "__func__") => self.bound_method_parts(at).0,
            (Kind::BoundMethod, "__name__" | "__qualname__") => {
                let function = self.bound_method_parts(at).0;
                return self.special_attribute(function, name);
            }
            (Kind::Traceback, "tb_lineno") => {
                return self.new_int(i64::from(self.heap.region().read_u32(at + 16))).map(Some)
            }
            (Kind::Traceback, "tb_next") => self.heap.read_value(at + 8),
            // Tracebacks keep no frames in mote (that is what makes them cycle-free).
            (Kind::Traceback, "tb_frame") => Value::NONE,
            (_, "__class__") => self.type_of(obj),
            _ => return Ok(None),
        };
        let field = if field == Value::NULL { Value::NONE } else { field };
        self.heap.incref(field);
        Ok(Some(field))
    }

    fn new_bound_method(&mut self, function: Value, receiver: Value) -> Result<Value> {
        let at = self.heap.new_object(Kind::BoundMethod, BOUND_METHOD_BYTES)?;
        self.heap.incref(function);
        self.heap.incref(receiver);
        self.heap.write_value(at + 8, function);
        self.heap.write_value(at + 12, receiver);
        Ok(Value::from_offset(at))
    }

    /// `(function, self)` of a bound method (borrowed).
    pub(crate) fn bound_method_parts(&self, at: u32) -> (Value, Value) {
        (self.heap.read_value(at + 8), self.heap.read_value(at + 12))
    }

    pub(crate) fn destroy_bound_method(&mut self, at: u32, dead: &mut DeadStack) {
        for slot in [8, 12] {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free_object(at, Kind::BoundMethod, BOUND_METHOD_BYTES);
    }
}
