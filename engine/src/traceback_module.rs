//! The `traceback` module: `format_exception`, `format_exception_only`,
//! `print_exception`, `format_tb`, `print_tb`, `format_exc`, `print_exc` and
//! `clear_frames`, with CPython 3.11's signatures, argument errors and text.
//!
//! The text is the one the VM prints for an uncaught exception: every function here asks
//! [`Vm::exception_report`], [`Vm::format_traceback`] or [`Vm::exception_only`]
//! (`exception.rs`) for its pieces, so a traceback reads the same wherever it is shown.
//! The `print_*` functions write the pieces to `file` (default: `sys.stderr` as it is
//! now) as CPython does, through `std_streams.rs`. `extract_tb` and `FrameSummary` are
//! not provided: a traceback record here holds code and line, never a frame.

use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::function::{Keywords, NativeKeywordFn};
use crate::object::Kind;
use crate::output::Stream;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) const FUNCTIONS: &[(&str, NativeKeywordFn)] = &[
    ("format_exception", format_exception),
    ("format_exception_only", format_exception_only),
    ("print_exception", print_exception),
    ("format_tb", format_tb),
    ("print_tb", print_tb),
    ("format_exc", format_exc),
    ("print_exc", print_exc),
    ("clear_frames", clear_frames),
];

/// A function's parameters as CPython's `traceback.py` declares them.
struct Signature {
    name: &'static str,
    params: &'static [&'static str],
    /// How many of the first parameters are positional-only (before `/`).
    positional_only: usize,
    /// How many of the first parameters have no default.
    required: usize,
}

const FORMAT_EXCEPTION: Signature = Signature {
    name: "format_exception",
    params: &["exc", "value", "tb", "limit", "chain"],
    positional_only: 1,
    required: 1,
};
const FORMAT_EXCEPTION_ONLY: Signature =
    Signature { name: "format_exception_only", params: &["exc", "value"], positional_only: 1, required: 1 };
const PRINT_EXCEPTION: Signature = Signature {
    name: "print_exception",
    params: &["exc", "value", "tb", "limit", "file", "chain"],
    positional_only: 1,
    required: 1,
};
const FORMAT_TB: Signature = Signature { name: "format_tb", params: &["tb", "limit"], positional_only: 0, required: 1 };
const PRINT_TB: Signature =
    Signature { name: "print_tb", params: &["tb", "limit", "file"], positional_only: 0, required: 1 };
const FORMAT_EXC: Signature =
    Signature { name: "format_exc", params: &["limit", "chain"], positional_only: 0, required: 0 };
const PRINT_EXC: Signature =
    Signature { name: "print_exc", params: &["limit", "file", "chain"], positional_only: 0, required: 0 };
const CLEAR_FRAMES: Signature = Signature { name: "clear_frames", params: &["tb"], positional_only: 0, required: 1 };

fn type_error(vm: &mut Vm, message: &str) -> Error {
    crate::iterator::raise_text(vm, ExceptionType::TypeError, message, Error::Type("bad arguments"))
}

/// The arguments of a call bound to `signature`: one slot per parameter, `None` where
/// the parameter was not given (borrowed values). CPython's messages for a bad call.
fn bind(vm: &mut Vm, signature: &Signature, args: &[Value], keywords: &Keywords<'_>) -> Result<Vec<Option<Value>>> {
    let (name, count) = (signature.name, signature.params.len());
    if args.len() > count {
        let takes = if signature.required == count {
            format!("{count} positional argument{}", if count == 1 { "" } else { "s" })
        } else {
            format!("from {} to {count} positional arguments", signature.required)
        };
        let given = args.len();
        let was = if given == 1 { "was" } else { "were" };
        return Err(type_error(vm, &format!("{name}() takes {takes} but {given} {was} given")));
    }
    let mut slots: Vec<Option<Value>> = (0..count).map(|i| args.get(i).copied()).collect();
    for (&keyword, &value) in keywords.names.iter().zip(keywords.values) {
        let text = String::from(vm.as_str(keyword).unwrap_or(""));
        match signature.params.iter().position(|&p| p == text) {
            Some(i) if i < signature.positional_only => {
                let message =
                    format!("{name}() got some positional-only arguments passed as keyword arguments: '{text}'");
                return Err(type_error(vm, &message));
            }
            Some(i) if slots[i].is_some() => {
                return Err(type_error(vm, &format!("{name}() got multiple values for argument '{text}'")));
            }
            Some(i) => slots[i] = Some(value),
            None => return Err(type_error(vm, &format!("{name}() got an unexpected keyword argument '{text}'"))),
        }
    }
    if let Some(missing) = (0..signature.required).find(|&i| slots[i].is_none()) {
        let parameter = signature.params[missing];
        return Err(type_error(vm, &format!("{name}() missing 1 required positional argument: '{parameter}'")));
    }
    Ok(slots)
}

/// `AttributeError: '<type>' object has no attribute '<name>'`, raised.
fn attribute_error(vm: &mut Vm, object: Value, name: &str) -> Error {
    match vm.intern_str(name) {
        Ok(name) => {
            let e = vm.raise_error(Error::Attribute { object, name });
            vm.release(name);
            e
        }
        Err(e) => e,
    }
}

/// A traceback argument: a record chain (borrowed) or NULL for None. Anything else fails
/// where CPython's walk first touches it, at `tb.tb_frame`.
fn traceback_arg(vm: &mut Vm, tb: Value) -> Result<Value> {
    match tb {
        Value::NONE => Ok(Value::NULL),
        tb if vm.kind_of(tb) == Some(Kind::Traceback) => Ok(tb),
        tb => Err(attribute_error(vm, tb, "tb_frame")),
    }
}

/// `limit`: None for all records, else an int (`limit >= 0` is CPython's first use).
fn limit_arg(vm: &mut Vm, limit: Option<Value>) -> Result<Option<i64>> {
    match limit {
        None | Some(Value::NONE) => Ok(None),
        Some(v) => match vm.as_int(v) {
            Some(n) => Ok(Some(n)),
            None => Err(Error::Operands { op: ">=", left: v, right: Value::small_int(0).unwrap_or(Value::FALSE) }),
        },
    }
}

/// `chain`: true unless given a false value.
fn chain_arg(vm: &mut Vm, chain: Option<Value>) -> Result<bool> {
    chain.map_or(Ok(true), |v| vm.truth(v))
}

/// CPython's `_parse_value_tb`: `(exc)` alone is an exception (or None) with its own
/// traceback; `(exc, value, tb)` takes `value` and `tb` as given, `exc` unused.
/// Returns `(value, traceback)`, borrowed, the traceback NULL for none.
fn value_and_traceback(vm: &mut Vm, exc: Value, value: Option<Value>, tb: Option<Value>) -> Result<(Value, Value)> {
    let (value, tb) = match (value, tb) {
        (Some(value), Some(tb)) => (value, traceback_arg(vm, tb)?),
        (None, None) if exc == Value::NONE => (Value::NONE, Value::NULL),
        (None, None) if vm.kind_of(exc) == Some(Kind::Exception) => (exc, vm.exception_traceback(exc)),
        (None, None) => {
            let message = format!("Exception expected for value, {} found", vm.type_name_of(exc));
            return Err(crate::iterator::raise_text(vm, ExceptionType::TypeError, &message, Error::Type("bad value")));
        }
        _ => {
            let message = "Both or neither of value and tb must be given";
            return Err(crate::iterator::raise_text(vm, ExceptionType::ValueError, message, Error::Value(message)));
        }
    };
    check_value(vm, value)?;
    Ok((value, tb))
}

/// The value to report must be an exception or None: CPython's `TracebackException`
/// reads `__suppress_context__` from anything else.
fn check_value(vm: &mut Vm, value: Value) -> Result<()> {
    if value == Value::NONE || vm.kind_of(value) == Some(Kind::Exception) {
        Ok(())
    } else {
        Err(attribute_error(vm, value, "__suppress_context__"))
    }
}

/// The pieces reporting `value` (see [`Vm::exception_report`]), with source lines.
fn report(vm: &mut Vm, value: Value, traceback: Value, limit: Option<i64>, chain: bool) -> Vec<String> {
    let lines = vm.source_lines.clone();
    vm.exception_report(value, traceback, limit, chain, &|file, line| lines.line(file, line))
}

/// The frame pieces of `traceback` (see [`Vm::format_traceback`]), with source lines.
fn frames(vm: &mut Vm, traceback: Value, limit: Option<i64>) -> Vec<String> {
    let lines = vm.source_lines.clone();
    vm.format_traceback(traceback, limit, &|file, line| lines.line(file, line))
}

/// A new list of str (owned).
fn str_list(vm: &mut Vm, pieces: &[String]) -> Result<Value> {
    let items = vm.make_each(pieces.to_vec(), |vm, piece| vm.new_str(&piece))?;
    let list = vm.new_list(&items);
    vm.release_all(&items);
    list
}

/// Writes `pieces` to `file` (None or absent: `sys.stderr` now) as CPython's
/// `print(piece, file=file, end="")` does for each: a stream gets the text, any other
/// object `write(piece)` and `write("")`.
fn print_pieces(vm: &mut Vm, file: Option<Value>, pieces: &[String]) -> Result<Value> {
    let file = match file {
        None | Some(Value::NONE) => vm.current_std_file(Stream::Stderr)?,
        Some(file) => {
            vm.incref(file);
            file
        }
    };
    let texts: Vec<&str> = pieces.iter().flat_map(|p| [p.as_str(), ""]).collect();
    let written = vm.write_to_file(file, Stream::Stderr, &texts);
    vm.release(file);
    written.map(|()| Value::NONE)
}

/// `format_exception(exc, /, value=<implicit>, tb=<implicit>, limit=None, chain=True)`.
fn format_exception(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &FORMAT_EXCEPTION, args, keywords)?;
    let (value, tb) = value_and_traceback(vm, slots[0].unwrap_or(Value::NONE), slots[1], slots[2])?;
    let (limit, chain) = (limit_arg(vm, slots[3])?, chain_arg(vm, slots[4])?);
    let pieces = report(vm, value, tb, limit, chain);
    str_list(vm, &pieces)
}

/// `format_exception_only(exc, /, value=<implicit>)`: the `Type: message` line.
fn format_exception_only(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &FORMAT_EXCEPTION_ONLY, args, keywords)?;
    let value = slots[1].or(slots[0]).unwrap_or(Value::NONE);
    check_value(vm, value)?;
    let line = vm.exception_only(value);
    str_list(vm, &[line])
}

/// `print_exception(exc, /, value=<implicit>, tb=<implicit>, limit=None, file=None,
/// chain=True)`.
fn print_exception(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &PRINT_EXCEPTION, args, keywords)?;
    let (value, tb) = value_and_traceback(vm, slots[0].unwrap_or(Value::NONE), slots[1], slots[2])?;
    let (limit, chain) = (limit_arg(vm, slots[3])?, chain_arg(vm, slots[5])?);
    let pieces = report(vm, value, tb, limit, chain);
    print_pieces(vm, slots[4], &pieces)
}

/// `format_tb(tb, limit=None)`: one piece per frame.
fn format_tb(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &FORMAT_TB, args, keywords)?;
    let tb = traceback_arg(vm, slots[0].unwrap_or(Value::NONE))?;
    let limit = limit_arg(vm, slots[1])?;
    let pieces = frames(vm, tb, limit);
    str_list(vm, &pieces)
}

/// `print_tb(tb, limit=None, file=None)`.
fn print_tb(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &PRINT_TB, args, keywords)?;
    let tb = traceback_arg(vm, slots[0].unwrap_or(Value::NONE))?;
    let limit = limit_arg(vm, slots[1])?;
    let pieces = frames(vm, tb, limit);
    print_pieces(vm, slots[2], &pieces)
}

/// The exception being handled and its traceback (`sys.exc_info()[1:]`), None and NULL
/// outside an except block.
fn handled(vm: &Vm) -> (Value, Value) {
    match vm.handled_exception() {
        Value::NULL => (Value::NONE, Value::NULL),
        exception => (exception, vm.exception_traceback(exception)),
    }
}

/// `format_exc(limit=None, chain=True)`: the handled exception's report, as one str.
fn format_exc(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &FORMAT_EXC, args, keywords)?;
    let (limit, chain) = (limit_arg(vm, slots[0])?, chain_arg(vm, slots[1])?);
    let (value, tb) = handled(vm);
    let text = report(vm, value, tb, limit, chain).concat();
    vm.new_str(&text)
}

/// `print_exc(limit=None, file=None, chain=True)`.
fn print_exc(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &PRINT_EXC, args, keywords)?;
    let (limit, chain) = (limit_arg(vm, slots[0])?, chain_arg(vm, slots[2])?);
    let (value, tb) = handled(vm);
    let pieces = report(vm, value, tb, limit, chain);
    print_pieces(vm, slots[1], &pieces)
}

/// `clear_frames(tb)`: tracebacks hold no frames in mote, so there is nothing to clear;
/// the argument is checked as CPython's walk would.
fn clear_frames(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let slots = bind(vm, &CLEAR_FRAMES, args, keywords)?;
    traceback_arg(vm, slots[0].unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}
