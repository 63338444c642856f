//! Exceptions: instances of exception classes, the built-in hierarchy, and the one place
//! where an engine [`Error`] becomes a raised Python exception.
//!
//! ```text
//! exception (32 bytes): +8 class  +12 args: tuple  +16 traceback (record chain or NULL)
//!                       +20 cause  +24 context  +28 attributes: dict or NULL
//! ```
//!
//! A raised exception lives in [`Vm::raised`](crate::vm::Vm) while it unwinds; the
//! functions that propagate it return [`Error::Raised`]. An `Error` that names a value
//! (`KeyError`, `NameError`) is turned into an exception object at the first interpreter
//! boundary, while that value is still alive: its text is formatted then, and no handle
//! outlives its referent.

use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) const EXCEPTION_BYTES: u32 = 32;
/// Header flag: `__suppress_context__` (set by `raise ... from ...`).
pub(crate) const SUPPRESS_CONTEXT: u8 = 1;

/// The built-in exception classes, in creation order: each one's parent comes earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExceptionType {
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    StopIteration,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    AssertionError,
    AttributeError,
    ImportError,
    ModuleNotFoundError,
    LookupError,
    IndexError,
    KeyError,
    MemoryError,
    NameError,
    UnboundLocalError,
    RuntimeError,
    NotImplementedError,
    RecursionError,
    TypeError,
    ValueError,
    SyntaxError,
    OSError,
    ConnectionError,
    TimeoutError,
    FileNotFoundError,
    PermissionError,
    EOFError,
    UnicodeError,
    FloatingPointError,
}

impl ExceptionType {
    pub const ALL: [ExceptionType; 33] = [
        ExceptionType::BaseException,
        ExceptionType::SystemExit,
        ExceptionType::KeyboardInterrupt,
        ExceptionType::GeneratorExit,
        ExceptionType::Exception,
        ExceptionType::StopIteration,
        ExceptionType::ArithmeticError,
        ExceptionType::ZeroDivisionError,
        ExceptionType::OverflowError,
        ExceptionType::AssertionError,
        ExceptionType::AttributeError,
        ExceptionType::ImportError,
        ExceptionType::ModuleNotFoundError,
        ExceptionType::LookupError,
        ExceptionType::IndexError,
        ExceptionType::KeyError,
        ExceptionType::MemoryError,
        ExceptionType::NameError,
        ExceptionType::UnboundLocalError,
        ExceptionType::RuntimeError,
        ExceptionType::NotImplementedError,
        ExceptionType::RecursionError,
        ExceptionType::TypeError,
        ExceptionType::ValueError,
        ExceptionType::SyntaxError,
        ExceptionType::OSError,
        ExceptionType::ConnectionError,
        ExceptionType::TimeoutError,
        ExceptionType::FileNotFoundError,
        ExceptionType::PermissionError,
        ExceptionType::EOFError,
        ExceptionType::UnicodeError,
        ExceptionType::FloatingPointError,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExceptionType::BaseException => "BaseException",
            ExceptionType::SystemExit => "SystemExit",
            ExceptionType::KeyboardInterrupt => "KeyboardInterrupt",
            ExceptionType::GeneratorExit => "GeneratorExit",
            ExceptionType::Exception => "Exception",
            ExceptionType::StopIteration => "StopIteration",
            ExceptionType::ArithmeticError => "ArithmeticError",
            ExceptionType::ZeroDivisionError => "ZeroDivisionError",
            ExceptionType::OverflowError => "OverflowError",
            ExceptionType::AssertionError => "AssertionError",
            ExceptionType::AttributeError => "AttributeError",
            ExceptionType::ImportError => "ImportError",
            ExceptionType::ModuleNotFoundError => "ModuleNotFoundError",
            ExceptionType::LookupError => "LookupError",
            ExceptionType::IndexError => "IndexError",
            ExceptionType::KeyError => "KeyError",
            ExceptionType::MemoryError => "MemoryError",
            ExceptionType::NameError => "NameError",
            ExceptionType::UnboundLocalError => "UnboundLocalError",
            ExceptionType::RuntimeError => "RuntimeError",
            ExceptionType::NotImplementedError => "NotImplementedError",
            ExceptionType::RecursionError => "RecursionError",
            ExceptionType::TypeError => "TypeError",
            ExceptionType::ValueError => "ValueError",
            ExceptionType::SyntaxError => "SyntaxError",
            ExceptionType::OSError => "OSError",
            ExceptionType::ConnectionError => "ConnectionError",
            ExceptionType::TimeoutError => "TimeoutError",
            ExceptionType::FileNotFoundError => "FileNotFoundError",
            ExceptionType::PermissionError => "PermissionError",
            ExceptionType::EOFError => "EOFError",
            ExceptionType::UnicodeError => "UnicodeError",
            ExceptionType::FloatingPointError => "FloatingPointError",
        }
    }

    /// The parent class (`None` for BaseException).
    pub fn parent(self) -> Option<ExceptionType> {
        use ExceptionType::*;
        Some(match self {
            BaseException => return None,
            SystemExit | KeyboardInterrupt | GeneratorExit | Exception => BaseException,
            ZeroDivisionError | OverflowError | FloatingPointError => ArithmeticError,
            ConnectionError | TimeoutError | FileNotFoundError | PermissionError => OSError,
            UnicodeError => ValueError,
            ModuleNotFoundError => ImportError,
            IndexError | KeyError => LookupError,
            UnboundLocalError => NameError,
            NotImplementedError | RecursionError => RuntimeError,
            _ => Exception,
        })
    }

    /// The class an engine error raises.
    pub fn of_error(e: &Error) -> ExceptionType {
        use ExceptionType::*;
        match e {
            Error::Memory => MemoryError,
            Error::Overflow(_) => OverflowError,
            Error::Unhashable(_)
            | Error::Type(_)
            | Error::Operands { .. }
            | Error::Operand { .. }
            | Error::TypeOf { .. }
            | Error::Concatenate { .. } => TypeError,
            Error::Index(_) => IndexError,
            Error::Recursion(_) => RecursionError,
            Error::ZeroDivision(_) => ZeroDivisionError,
            Error::Value(_) => ValueError,
            Error::Runtime(_) => RuntimeError,
            Error::NameNotDefined(_) | Error::FreeVariable(_) => NameError,
            Error::Key(_) => KeyError,
            Error::Attribute { .. } | Error::ModuleAttribute { .. } | Error::NoSetter { .. } => AttributeError,
            Error::NoModule(_) => ModuleNotFoundError,
            Error::UnboundLocalName(_) => UnboundLocalError,
            Error::UnpackCount { .. } => ValueError,
            Error::Arguments { .. }
            | Error::UnexpectedKeyword { .. }
            | Error::DuplicateArgument { .. }
            | Error::MissingKeywordOnly { .. } => TypeError,
            Error::Raised => Exception,
        }
    }
}

/// `BaseException.__init__(self, *args)`: the exception's args become `args`.
fn exception_init(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let Some((&exception, rest)) = args.split_first() else { return Err(Error::Type("__init__ needs self")) };
    let at = vm.object_of_kind(Kind::Exception, exception)?;
    let tuple = vm.new_tuple(rest)?;
    let old = vm.heap.read_value(at + 12);
    vm.heap.write_value(at + 12, tuple);
    vm.release(old);
    Ok(Value::NONE)
}

/// `exception.with_traceback(tb)`: sets `__traceback__` (a traceback or None).
fn exception_with_traceback(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [exception, traceback] = args else { return Err(Error::Type("with_traceback() takes exactly one argument")) };
    let at = vm.object_of_kind(Kind::Exception, *exception)?;
    let traceback = match vm.kind_of(*traceback) {
        Some(Kind::Traceback) => *traceback,
        _ if *traceback == Value::NONE => Value::NULL,
        _ => return Err(Error::Type("__traceback__ must be a traceback or None")),
    };
    vm.heap.incref(traceback);
    let old = vm.heap.read_value(at + 16);
    vm.heap.write_value(at + 16, traceback);
    vm.release(old);
    vm.heap.incref(*exception);
    Ok(*exception)
}

impl Vm {
    /// The built-in class of `ty` (borrowed; the builtins exist once code has run).
    pub fn exception_class(&self, ty: ExceptionType) -> Value {
        self.exception_classes.get(ty as usize).copied().unwrap_or(Value::NULL)
    }

    /// Makes the built-in exception classes (called with the builtins).
    pub(crate) fn make_exception_classes(&mut self) -> Result<()> {
        let object = self.builtin_type(crate::types::BuiltinType::Object);
        for ty in ExceptionType::ALL {
            let parent = ty.parent().map_or(object, |p| self.exception_classes[p as usize]);
            let bases: Vec<Value> = [parent].into_iter().filter(|&c| c != Value::NULL).collect();
            let class = self.new_class(ty.name(), &bases)?;
            let at = class.as_object().unwrap_or_default();
            let flags = self.class_flags(at) | crate::class::CLASS_IS_EXCEPTION;
            self.heap.region_mut().write_u32(at + 24, flags);
            self.exception_classes.push(class);
        }
        // BaseException's methods: __init__(self, *args) sets args, for subclasses
        // calling it; with_traceback(tb) sets the traceback and returns the exception.
        let base = self.exception_classes[ExceptionType::BaseException as usize];
        let namespace = self.class_namespace(base.as_object().unwrap_or_default());
        for (name, function) in
            [("__init__", exception_init as crate::function::NativeFn), ("with_traceback", exception_with_traceback)]
        {
            self.install_native(namespace, name, crate::function::NativeCode::Positional(function))?;
        }
        Ok(())
    }

    /// A new exception of `class` (borrowed) with `args` (borrowed).
    pub fn new_exception(&mut self, class: Value, args: &[Value]) -> Result<Value> {
        let args = self.new_tuple(args)?;
        let at = match self.heap.new_object(Kind::Exception, EXCEPTION_BYTES) {
            Ok(at) => at,
            Err(e) => {
                self.release(args);
                return Err(e.into());
            }
        };
        self.heap.incref(class);
        self.heap.write_value(at + 8, class);
        self.heap.write_value(at + 12, args);
        for slot in [16, 20, 24, 28] {
            self.heap.write_value(at + slot, Value::NULL);
        }
        Ok(Value::from_offset(at))
    }

    pub fn exception_class_of(&self, exception: Value) -> Value {
        exception.as_object().map_or(Value::NULL, |at| self.heap.read_value(at + 8))
    }

    pub(crate) fn exception_args(&self, exception: u32) -> Value {
        self.heap.read_value(exception + 12)
    }

    /// The exception's traceback (borrowed, NULL if none).
    pub fn exception_traceback(&self, exception: Value) -> Value {
        exception.as_object().map_or(Value::NULL, |at| self.heap.read_value(at + 16))
    }

    /// Sets `exception.__cause__` to `cause` (borrowed; None clears it) and, as
    /// `raise ... from ...` does, `__suppress_context__`.
    pub(crate) fn set_exception_cause(&mut self, exception: Value, cause: Value) {
        let Some(at) = exception.as_object() else { return };
        let flags = self.heap.flags(at);
        self.heap.set_flags(at, flags | SUPPRESS_CONTEXT);
        let cause = if cause == Value::NONE { Value::NULL } else { cause };
        self.heap.incref(cause);
        let old = self.heap.read_value(at + 20);
        self.heap.write_value(at + 20, cause);
        self.release(old);
    }

    /// Replaces the exception being raised by a new `ty(text)` caused by it, as
    /// `raise ty(text) from e` inside `except e` would (PEP 479's RuntimeError).
    pub(crate) fn reraise_as(&mut self, ty: ExceptionType, text: &str) -> Error {
        let original = self.take_raised();
        let made = self.new_str(text).and_then(|message| {
            let made = self.new_exception(self.exception_class(ty), &[message]);
            self.release(message);
            made
        });
        let replacement = match made {
            Ok(e) => e,
            Err(e) => {
                self.release(original);
                return e;
            }
        };
        self.set_exception_cause(replacement, original);
        if let Some(at) = replacement.as_object() {
            // The context takes over the reference `take_raised` gave.
            self.heap.write_value(at + 24, original);
        }
        self.raise(replacement)
    }

    /// Makes `exception` (owned) the one being raised and returns the marker error.
    /// Raised while another is being handled, it gets that one as its `__context__`.
    pub(crate) fn raise(&mut self, exception: Value) -> Error {
        let handled = self.handled_exception();
        if let Some(at) = exception.as_object().filter(|&at| self.heap.is_kind(at, Kind::Exception)) {
            if handled != Value::NULL && handled != exception && self.heap.read_value(at + 24) == Value::NULL {
                self.heap.incref(handled);
                self.heap.write_value(at + 24, handled);
            }
        }
        let old = core::mem::replace(&mut self.raised, exception);
        self.release(old);
        Error::Raised
    }

    /// Turns an engine error into a raised exception (a no-op for `Error::Raised`). Must
    /// run while any value the error names is alive.
    pub(crate) fn raise_error(&mut self, e: Error) -> Error {
        if e == Error::Raised {
            return e;
        }
        let ty = ExceptionType::of_error(&e);
        let class = self.exception_class(ty);
        if class == Value::NULL {
            // No builtins yet (the error happened before any code ran): keep the error.
            return e;
        }
        if let Error::Key(key) = e {
            // The key itself is the argument, as `raise KeyError(key)` would make it.
            return match self.new_exception(class, &[key]) {
                Ok(exception) => self.raise(exception),
                Err(_) => self.raise_memory_error(),
            };
        }
        let message = match e {
            Error::Key(_) => String::new(),
            Error::NameNotDefined(name) => format!("name '{}' is not defined", self.as_str(name).unwrap_or("?")),
            Error::Arguments { function, given } => self.arguments_message(function, given),
            Error::UnexpectedKeyword { function, name } => format!(
                "{}() got an unexpected keyword argument '{}'",
                self.callable_name(function),
                self.as_str(name).unwrap_or("?")
            ),
            Error::MissingKeywordOnly { function, name } => format!(
                "{}() missing 1 required keyword-only argument: '{}'",
                self.callable_name(function),
                self.as_str(name).unwrap_or("?")
            ),
            Error::DuplicateArgument { function, name } => format!(
                "{}() got multiple values for argument '{}'",
                self.callable_name(function),
                self.as_str(name).unwrap_or("?")
            ),
            Error::Operands { op, left, right } => {
                let (left, right) = (self.type_name_of(left), self.type_name_of(right));
                if matches!(op, "<" | "<=" | ">" | ">=") {
                    format!("'{op}' not supported between instances of '{left}' and '{right}'")
                } else {
                    format!("unsupported operand type(s) for {op}: '{left}' and '{right}'")
                }
            }
            Error::Operand { op, operand } => {
                format!("bad operand type for unary {op}: '{}'", self.type_name_of(operand))
            }
            Error::TypeOf { template, value } => template.replacen("{}", self.type_name_of(value), 1),
            Error::FreeVariable(name) => format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                self.as_str(name).unwrap_or("?")
            ),
            Error::UnboundLocalName(name) => format!(
                "cannot access local variable '{}' where it is not associated with a value",
                self.as_str(name).unwrap_or("?")
            ),
            Error::ModuleAttribute { module, name } => {
                let module_name = self.module_name(module);
                format!(
                    "module '{}' has no attribute '{}'",
                    self.as_str(module_name).unwrap_or("?"),
                    self.as_str(name).unwrap_or("?")
                )
            }
            Error::NoModule(name) => format!("No module named '{}'", self.as_str(name).unwrap_or("?")),
            Error::Attribute { object, name } => {
                let name = self.as_str(name).unwrap_or("?");
                match self.kind_of(object) {
                    Some(Kind::Class) => {
                        let class = object.as_object().unwrap_or_default();
                        let class_name = self.as_str(self.class_name(class)).unwrap_or("?");
                        format!("type object '{class_name}' has no attribute '{name}'")
                    }
                    _ => format!("'{}' object has no attribute '{name}'", self.type_name_of(object)),
                }
            }
            Error::Concatenate { container, other } => {
                format!("can only concatenate {container} (not \"{}\") to {container}", self.type_name_of(other))
            }
            Error::NoSetter { object, name } => format!(
                "property '{}' of '{}' object has no setter",
                self.as_str(name).unwrap_or("?"),
                self.type_name_of(object)
            ),
            Error::Memory => String::new(),
            other => {
                let text = format!("{other}");
                let prefix = ty.name().len() + 2;
                text.get(prefix..).unwrap_or("").into()
            }
        };
        let made = if message.is_empty() {
            self.new_exception(class, &[])
        } else {
            match self.new_str(&message) {
                Ok(text) => {
                    let made = self.new_exception(class, &[text]);
                    self.release(text);
                    made
                }
                Err(e) => Err(e),
            }
        };
        let made = match (made, e) {
            // `ModuleNotFoundError.name` names the module, as CPython's does.
            (Ok(exception), Error::NoModule(module)) => self.set_str_attribute(exception, "name", module),
            (made, _) => made,
        };
        match made {
            Ok(exception) => self.raise(exception),
            Err(_) => self.raise_memory_error(),
        }
    }

    /// Sets `obj.<name> = value` and hands `obj` back; on failure `obj` is released.
    fn set_str_attribute(&mut self, obj: Value, name: &str, value: Value) -> Result<Value> {
        let set = self.intern_str(name).and_then(|key| {
            let set = self.set_attribute(obj, key, value);
            self.release(key);
            set
        });
        match set {
            Ok(()) => Ok(obj),
            Err(e) => {
                self.release(obj);
                Err(e)
            }
        }
    }

    /// Raises the spare MemoryError (there was no memory to make an exception).
    fn raise_memory_error(&mut self) -> Error {
        match self.memory_error {
            v if v != Value::NULL => {
                self.heap.incref(v);
                self.raise(v)
            }
            _ => Error::Memory,
        }
    }

    /// The `__name__` of a function or native function, for messages.
    fn callable_name(&self, function: Value) -> &str {
        let Some(at) = function.as_object() else { return "?" };
        let name = match self.heap.kind(at) {
            Kind::Function => {
                let code = self.function_code(at).as_object().unwrap_or_default();
                self.code_name(code)
            }
            Kind::Native => self.native_name(at),
            Kind::Class => self.class_name(at),
            _ => return "?",
        };
        self.as_str(name).unwrap_or("?")
    }

    /// CPython's message for calling `function` with `given` positional arguments.
    fn arguments_message(&self, function: Value, given: u32) -> String {
        let Some(f) = function.as_object() else { return String::new() };
        let code = self.function_code(f).as_object().unwrap_or_default();
        let name = self.as_str(self.code_name(code)).unwrap_or("?");
        let params = u32::from(self.code_parameters(code));
        let defaults = self.tuple_len(self.function_defaults(f));
        let plural = |n: u32| if n == 1 { "" } else { "s" };
        if given > params {
            let takes =
                if defaults == 0 { format!("{params}") } else { format!("from {} to {params}", params - defaults) };
            let was = if given == 1 { "was" } else { "were" };
            return format!("{name}() takes {takes} positional argument{} but {given} {was} given", plural(params));
        }
        let locals = self.code_local_names(code);
        let missing: Vec<String> = (given..params - defaults)
            .map(|i| format!("'{}'", self.as_str(self.tuple_item(locals, i)).unwrap_or("?")))
            .collect();
        let listed = match missing.len() {
            0 | 1 => missing.concat(),
            n => format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        format!(
            "{name}() missing {} required positional argument{}: {listed}",
            missing.len(),
            plural(missing.len() as u32)
        )
    }

    /// Takes the exception being raised (owned; NULL if none).
    pub fn take_raised(&mut self) -> Value {
        core::mem::replace(&mut self.raised, Value::NULL)
    }

    /// `str(exception)`: its single argument's str, or the repr of its args tuple.
    pub fn exception_message(&mut self, exception: Value) -> String {
        let Some(at) = exception.as_object() else { return String::new() };
        let args = self.exception_args(at);
        let key_error = self.exception_class(ExceptionType::KeyError);
        match self.tuple_len(args) {
            0 => String::new(),
            // KeyError shows the key as written: KeyError('k') prints 'k'.
            1 if self.is_instance(exception, key_error) => self.repr(self.tuple_item(args, 0)).unwrap_or_default(),
            1 => self.to_str(self.tuple_item(args, 0)).unwrap_or_default(),
            _ => self.repr(args).unwrap_or_default(),
        }
    }

    /// The text Python prints for an uncaught exception: the traceback (with source
    /// lines from `source_line(file, line)`) and `Type: message`, chained exceptions first.
    pub fn format_exception(&mut self, exception: Value, source_line: &dyn Fn(&str, u32) -> Option<String>) -> String {
        let traceback = self.exception_traceback(exception);
        self.exception_report(exception, traceback, None, true, source_line).concat()
    }

    /// The pieces `traceback.format_exception(type(value), value, traceback, limit, chain)`
    /// lists for `value` (an exception or None): for each exception of the chain, oldest
    /// first, the separator that leads to it, `Traceback (most recent call last):\n`, one
    /// piece per frame ([`format_traceback`](Self::format_traceback)), and its
    /// `Type: message` line. `traceback` (NULL for none) stands for `value`'s own; the
    /// chained exceptions show theirs.
    pub(crate) fn exception_report(
        &mut self,
        value: Value,
        traceback: Value,
        limit: Option<i64>,
        chain: bool,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> Vec<String> {
        // The chain, newest first: a cause, else an unsuppressed context.
        let mut seen = alloc::vec![value];
        let mut chain_links: Vec<(Value, &str)> = alloc::vec![(value, "")];
        let mut current = value;
        while let Some(at) = current.as_object().filter(|&at| chain && self.heap.is_kind(at, Kind::Exception)) {
            let cause = self.heap.read_value(at + 20);
            let context = self.heap.read_value(at + 24);
            let suppressed = self.heap.flags(at) & SUPPRESS_CONTEXT != 0;
            let (next, text) = if cause != Value::NULL {
                (cause, "\nThe above exception was the direct cause of the following exception:\n\n")
            } else if context != Value::NULL && !suppressed {
                (context, "\nDuring handling of the above exception, another exception occurred:\n\n")
            } else {
                break;
            };
            if seen.contains(&next) {
                break;
            }
            seen.push(next);
            chain_links.push((next, text));
            current = next;
        }
        let mut pieces = Vec::new();
        let mut separator = "";
        for &(exception, leads_on) in chain_links.iter().rev() {
            if !separator.is_empty() {
                pieces.push(String::from(separator));
            }
            separator = leads_on;
            let own = if exception == value { traceback } else { self.exception_traceback(exception) };
            let frames = self.format_traceback(own, limit, source_line);
            if !frames.is_empty() {
                pieces.push(String::from("Traceback (most recent call last):\n"));
                pieces.extend(frames);
            }
            pieces.push(self.exception_only(exception));
        }
        pieces
    }

    /// `traceback.format_tb(traceback, limit)`: one `  File "f", line N, in name\n` piece
    /// per record (with its source line, stripped, under it), the first `limit` records
    /// (the last `-limit` for a negative one), and a run of more than three identical
    /// records cut to three and `  [Previous line repeated N more times]\n`, as CPython
    /// prints deep recursion.
    pub(crate) fn format_traceback(
        &self,
        traceback: Value,
        limit: Option<i64>,
        source_line: &dyn Fn(&str, u32) -> Option<String>,
    ) -> Vec<String> {
        const RECURSIVE_CUTOFF: usize = 3;
        let mut entries = self.traceback_entries(traceback);
        match limit {
            Some(n) if n >= 0 => entries.truncate(usize::try_from(n).unwrap_or(usize::MAX)),
            Some(n) => {
                let keep = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
                entries.drain(..entries.len().saturating_sub(keep));
            }
            None => {}
        }
        let repeated = |count: usize| {
            let more = count - RECURSIVE_CUTOFF;
            format!("  [Previous line repeated {more} more time{}]\n", if more > 1 { "s" } else { "" })
        };
        let mut pieces = Vec::new();
        let mut count = 0;
        for (i, e) in entries.iter().enumerate() {
            let same_as_last = i > 0 && entries[i - 1] == *e;
            if !same_as_last {
                if count > RECURSIVE_CUTOFF {
                    pieces.push(repeated(count));
                }
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            let mut piece = format!("  File \"{}\", line {}, in {}\n", e.file, e.line, e.function);
            if let Some(text) = source_line(&e.file, e.line) {
                let trimmed = text.trim();
                if !trimmed.is_empty() {
                    piece.push_str(&format!("    {trimmed}\n"));
                }
            }
            pieces.push(piece);
        }
        if count > RECURSIVE_CUTOFF {
            pieces.push(repeated(count));
        }
        pieces
    }

    /// `traceback.format_exception_only(value)` as one piece: `Type: message\n`, or
    /// `Type\n` when the message is empty (`NoneType: None\n` for None). The message is
    /// `str(value)`, through a script `__str__` if the class has one, and
    /// `<exception str() failed>` if that raises, as CPython prints it.
    pub(crate) fn exception_only(&mut self, value: Value) -> String {
        let name = String::from(self.type_name_of(value));
        let message = match self.script_dunder(value, "__str__") {
            _ if value == Value::NONE => Ok(String::from("None")),
            Ok(Some(_)) => self.to_str(value),
            Ok(None) => Ok(self.exception_message(value)),
            Err(e) => Err(e),
        };
        let message = message.unwrap_or_else(|_| {
            let failure = self.take_raised();
            self.release(failure);
            String::from("<exception str() failed>")
        });
        if message.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {message}\n")
        }
    }

    pub(crate) fn destroy_exception(&mut self, at: u32, dead: &mut DeadStack) {
        for slot in [8, 12, 16, 20, 24, 28] {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free_object(at, Kind::Exception, EXCEPTION_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::vm;

    fn last_line(vm: &mut Vm, e: Error) -> String {
        assert_eq!(e, Error::Raised);
        let exception = vm.take_raised();
        let text = vm.format_exception(exception, &|_, _| None);
        vm.release(exception);
        text
    }

    #[test]
    fn errors_become_exceptions_with_cpython_messages() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let d = vm.new_dict().unwrap();
        let key = vm.new_str("missing").unwrap();
        let e = vm.get_item(d, key).unwrap_err();
        let e = vm.raise_error(e);
        assert_eq!(last_line(&mut vm, e), "KeyError: 'missing'\n");
        let e = vm.raise_error(Error::NameNotDefined(key));
        assert_eq!(last_line(&mut vm, e), "NameError: name 'missing' is not defined\n");
        let e = vm.raise_error(Error::ZeroDivision("division by zero"));
        assert_eq!(last_line(&mut vm, e), "ZeroDivisionError: division by zero\n");
        vm.release_all(&[d, key]);
    }

    #[test]
    fn classes_make_exceptions_and_know_their_ancestry() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let value_error = vm.exception_class(ExceptionType::ValueError);
        let text = vm.new_str("bad value").unwrap();
        let exception = vm.call(value_error, &[text]).unwrap();
        assert_eq!(vm.exception_message(exception), "bad value");
        assert!(vm.is_subclass(vm.exception_class_of(exception), vm.exception_class(ExceptionType::Exception)));
        assert!(!vm.is_subclass(value_error, vm.exception_class(ExceptionType::LookupError)));
        let zero = vm.exception_class(ExceptionType::ZeroDivisionError);
        let names: Vec<String> = vm
            .class_mro(zero)
            .iter()
            .map(|c| vm.as_str(vm.class_name(c.as_object().unwrap())).unwrap().into())
            .collect();
        assert_eq!(names, ["ZeroDivisionError", "ArithmeticError", "Exception", "BaseException", "object"]);
        vm.release_all(&[text, exception]);
    }

    #[test]
    fn a_full_heap_still_raises_memory_error() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        vm.fail_allocation_after(0);
        let e = vm.raise_error(Error::Value("needs memory to say"));
        assert_eq!(last_line(&mut vm, e), "MemoryError\n");
    }
}
