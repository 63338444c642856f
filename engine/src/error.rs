//! Errors the object layer reports; each becomes the Python exception it names.
//!
//! The engine never panics on script-reachable conditions: running out of heap, an int
//! too large, an unhashable key, nesting too deep. Panics are reserved for engine bugs.

use core::fmt;

/// A failed operation, named for the Python exception the VM raises for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Error {
    /// The script heap cannot hold the request: `MemoryError`.
    Memory,
    /// An int beyond 64 bits (a documented mote limit): `OverflowError`.
    Overflow(&'static str),
    /// A mutable container used as a key: `TypeError: unhashable type: '<type>'`.
    Unhashable(&'static str),
    /// A sequence index out of range: `IndexError`.
    Index(&'static str),
    /// An operand of the wrong type: `TypeError`.
    Type(&'static str),
    /// Containers nested too deeply to hash or compare, or calls nested beyond the
    /// recursion limit: `RecursionError`.
    Recursion(&'static str),
    /// Division or modulo by zero: `ZeroDivisionError`.
    ZeroDivision(&'static str),
    /// `RuntimeError`.
    Runtime(&'static str),
    /// A right type with a wrong value: `ValueError`.
    Value(&'static str),
    /// A name found neither in globals nor builtins: `NameError: name '<name>' is not
    /// defined` (the value is the name, a str).
    NameNotDefined(crate::Value),
    /// A missing dict key: `KeyError: <repr of the key>` (the value is the key).
    Key(crate::Value),
    /// A captured variable read before assignment: `NameError: cannot access free
    /// variable 'x' where it is not associated with a value in enclosing scope`.
    FreeVariable(crate::Value),
    /// A local read before assignment: `UnboundLocalError` (the value is the name).
    UnboundLocalName(crate::Value),
    /// A call with the wrong number of positional arguments: `TypeError: f() takes 2
    /// positional arguments but 3 were given` / `f() missing 1 required positional
    /// argument: 'x'` (the function and the number given).
    Arguments { function: crate::Value, given: u32 },
    /// `TypeError: f() missing 1 required keyword-only argument: 'x'`.
    MissingKeywordOnly { function: crate::Value, name: crate::Value },
    /// `TypeError: f() got an unexpected keyword argument 'x'` (function may be NULL
    /// when not yet known; the name is a str).
    UnexpectedKeyword { function: crate::Value, name: crate::Value },
    /// `TypeError: f() got multiple values for argument 'x'`.
    DuplicateArgument { function: crate::Value, name: crate::Value },
    /// Unpacking the wrong number of items: `ValueError: not enough values to unpack
    /// (expected 3, got 2)` or `too many values to unpack (expected 2)`; `at_least` for a
    /// starred target (`expected at least 2`).
    UnpackCount { expected: u8, got: u32, too_many: bool, at_least: bool },
    /// `TypeError: unsupported operand type(s) for <op>: '<left>' and '<right>'`, or
    /// for comparisons `'<op>' not supported between instances of '<left>' and '<right>'`.
    Operands { op: &'static str, left: crate::Value, right: crate::Value },
    /// `TypeError: can only concatenate str (not "int") to str`.
    Concatenate { container: &'static str, other: crate::Value },
    /// `TypeError: bad operand type for unary <op>: '<type>'`.
    Operand { op: &'static str, operand: crate::Value },
    /// `TypeError` whose message names a value's type: `template` has one `{}` for the
    /// type name (`'{}' object is not callable`).
    TypeOf { template: &'static str, value: crate::Value },
    /// `AttributeError: '<type>' object has no attribute '<name>'` (object and name are
    /// the values involved).
    Attribute { object: crate::Value, name: crate::Value },
    /// `AttributeError: property 'x' of 'T' object has no setter`.
    NoSetter { object: crate::Value, name: crate::Value },
    /// `AttributeError: module 'm' has no attribute 'x'`.
    ModuleAttribute { module: crate::Value, name: crate::Value },
    /// `ModuleNotFoundError: No module named 'x'`.
    NoModule(crate::Value),
    /// A Python exception object is being raised; it is held by the VM
    /// (`Vm::take_raised`).
    Raised,
}

impl Error {
    /// The Python exception class this error becomes.
    pub fn python_type(&self) -> &'static str {
        match self {
            Error::Memory => "MemoryError",
            Error::Overflow(_) => "OverflowError",
            Error::Unhashable(_)
            | Error::Type(_)
            | Error::Operands { .. }
            | Error::Operand { .. }
            | Error::TypeOf { .. }
            | Error::Concatenate { .. } => "TypeError",
            Error::Index(_) => "IndexError",
            Error::Recursion(_) => "RecursionError",
            Error::ZeroDivision(_) => "ZeroDivisionError",
            Error::Value(_) => "ValueError",
            Error::Runtime(_) => "RuntimeError",
            Error::NameNotDefined(_) | Error::FreeVariable(_) => "NameError",
            Error::Key(_) => "KeyError",
            Error::Attribute { .. } | Error::ModuleAttribute { .. } | Error::NoSetter { .. } => "AttributeError",
            Error::NoModule(_) => "ModuleNotFoundError",
            Error::Raised => "Exception",
            Error::UnboundLocalName(_) => "UnboundLocalError",
            Error::UnpackCount { .. } => "ValueError",
            Error::Arguments { .. }
            | Error::UnexpectedKeyword { .. }
            | Error::DuplicateArgument { .. }
            | Error::MissingKeywordOnly { .. } => "TypeError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Memory => f.write_str("MemoryError: the script heap is full"),
            Error::Unhashable(ty) => write!(f, "TypeError: unhashable type: '{ty}'"),
            Error::Overflow(m)
            | Error::Index(m)
            | Error::Type(m)
            | Error::Recursion(m)
            | Error::ZeroDivision(m)
            | Error::Value(m)
            | Error::Runtime(m) => write!(f, "{}: {m}", self.python_type()),
            Error::UnboundLocalName(_) => f.write_str("UnboundLocalError: local variable read before assignment"),
            Error::Arguments { given, .. } => write!(f, "TypeError: wrong number of arguments ({given} given)"),
            Error::UnexpectedKeyword { .. } => f.write_str("TypeError: unexpected keyword argument"),
            Error::MissingKeywordOnly { .. } => f.write_str("TypeError: missing keyword-only argument"),
            Error::DuplicateArgument { .. } => f.write_str("TypeError: multiple values for an argument"),
            Error::UnpackCount { expected, got, too_many: false, at_least } => {
                let at_least = if *at_least { "at least " } else { "" };
                write!(f, "ValueError: not enough values to unpack (expected {at_least}{expected}, got {got})")
            }
            Error::UnpackCount { expected, too_many: true, .. } => {
                write!(f, "ValueError: too many values to unpack (expected {expected})")
            }
            Error::NameNotDefined(_) => f.write_str("NameError: name is not defined"),
            Error::FreeVariable(_) => f.write_str("NameError: free variable read before assignment"),
            Error::Key(_) => f.write_str("KeyError"),
            Error::Attribute { .. } | Error::ModuleAttribute { .. } => f.write_str("AttributeError"),
            Error::NoSetter { .. } => f.write_str("AttributeError: property has no setter"),
            Error::NoModule(_) => f.write_str("ModuleNotFoundError"),
            Error::Raised => f.write_str("a Python exception is being raised"),
            Error::Operands { op, .. } => write!(f, "TypeError: unsupported operand type(s) for {op}"),
            Error::Operand { op, .. } => write!(f, "TypeError: bad operand type for unary {op}"),
            Error::TypeOf { template, .. } => write!(f, "TypeError: {template}"),
            Error::Concatenate { container, .. } => write!(f, "TypeError: can only concatenate {container}"),
        }
    }
}

impl From<crate::heap::OutOfMemory> for Error {
    fn from(_: crate::heap::OutOfMemory) -> Error {
        Error::Memory
    }
}

pub type Result<T, E = Error> = core::result::Result<T, E>;
