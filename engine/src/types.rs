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
}

impl BuiltinType {
    pub const ALL: [BuiltinType; 23] = [
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
            let native = self.new_native_code(name, code)?;
            let namespace = self.class_namespace(self.builtin_type(ty).as_object().unwrap_or_default());
            let stored = self.intern_str(name).and_then(|key| {
                let r = self.dict_set(namespace, key, native);
                self.release(key);
                r
            });
            self.release(native);
            stored?;
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
                Some(Kind::Set) => BuiltinType::Set,
                Some(Kind::Range) => BuiltinType::Range,
                Some(Kind::Code) => BuiltinType::Code,
                Some(Kind::Function) => BuiltinType::Function,
                Some(Kind::Native) => BuiltinType::BuiltinFunction,
                Some(Kind::BoundMethod) => BuiltinType::Method,
                Some(Kind::Frame) => BuiltinType::Frame,
                Some(Kind::Iterator) => BuiltinType::Iterator,
                Some(Kind::Traceback) => BuiltinType::Traceback,
                Some(Kind::Class) => BuiltinType::Type,
                Some(Kind::Cell) => BuiltinType::Cell,
                Some(Kind::Exception) => return self.exception_class_of(v),
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
            keywords.only(self, &[])?;
            return self.new_exception(class, args);
        }
        let constructor = self.class_constructor(class);
        match constructor.as_object() {
            Some(native) => self.call_native(native, args, keywords),
            None => Err(Error::Type("cannot create instances of this type")),
        }
    }

    /// `getattr(obj, name)` (owned result): data attributes of exceptions and classes,
    /// then the methods of the object's class, bound to it.
    pub fn get_attribute(&mut self, obj: Value, name: Value) -> Result<Value> {
        if let Some(v) = self.special_attribute(obj, name)? {
            return Ok(v);
        }
        if let Some(at) = obj.as_object().filter(|&at| self.heap.is_kind(at, Kind::Exception)) {
            let attributes = self.heap.read_value(at + 28);
            if attributes != Value::NULL {
                if let Some(v) = self.dict_get(attributes, name)? {
                    return Ok(v);
                }
            }
        }
        let class = if self.kind_of(obj) == Some(Kind::Class) { obj } else { self.type_of(obj) };
        match self.class_lookup(class, name)? {
            Some(found) if self.kind_of(obj) != Some(Kind::Class) && self.is_method_like(found) => {
                self.new_bound_method(found, obj)
            }
            Some(found) => {
                self.heap.incref(found);
                Ok(found)
            }
            None => Err(Error::Attribute { object: obj, name }),
        }
    }

    /// `setattr(obj, name, value)` (value borrowed): exception attributes and class
    /// namespaces for now; built-in values have no settable attributes.
    pub fn set_attribute(&mut self, obj: Value, name: Value, value: Value) -> Result<()> {
        match self.kind_of(obj) {
            Some(Kind::Class) => {
                let namespace = self.class_namespace(obj.as_object().unwrap_or_default());
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
                let mut attributes = self.heap.read_value(at + 28);
                if attributes == Value::NULL {
                    attributes = self.new_dict()?;
                    self.heap.write_value(at + 28, attributes);
                }
                self.dict_set(attributes, name, value)
            }
            _ => Err(Error::Attribute { object: obj, name }),
        }
    }

    /// For `obj.name(...)`: `(function, Some(obj))` when the attribute is a method of
    /// obj's class (call it with obj first), else `(attribute, None)`. Owned function.
    pub(crate) fn get_method(&mut self, obj: Value, name: Value) -> Result<(Value, bool)> {
        if self.kind_of(obj) != Some(Kind::Class) && self.special_attribute_name(name).is_none() {
            if let Some(found) = self.class_lookup(self.type_of(obj), name)? {
                if self.is_method_like(found) {
                    self.heap.incref(found);
                    return Ok((found, true));
                }
            }
        }
        Ok((self.get_attribute(obj, name)?, false))
    }

    fn is_method_like(&self, v: Value) -> bool {
        matches!(self.kind_of(v), Some(Kind::Function | Kind::Native))
    }

    fn special_attribute_name(&self, name: Value) -> Option<&str> {
        self.as_str(name).filter(|n| n.starts_with("__") || matches!(*n, "args"))
    }

    /// Attributes stored in the object itself rather than found on its class.
    fn special_attribute(&mut self, obj: Value, name: Value) -> Result<Option<Value>> {
        let Some(text) = self.special_attribute_name(name) else { return Ok(None) };
        let Some(at) = obj.as_object() else { return Ok(None) };
        let field = match (self.heap.kind(at), text) {
            (Kind::Class, "__name__") => self.class_name(at),
            (Kind::Class, "__mro__") => {
                let mro = self.class_mro(obj);
                return self.new_tuple(&mro).map(Some);
            }
            (Kind::Class, "__bases__") => self.heap.read_value(at + 12),
            (Kind::Exception, "args") => self.exception_args(at),
            (Kind::Exception, "__traceback__") => self.exception_traceback(obj),
            (Kind::Exception, "__cause__") => self.heap.read_value(at + 20),
            (Kind::Exception, "__context__") => self.heap.read_value(at + 24),
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
