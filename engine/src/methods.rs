//! Methods of the built-in types implemented in Rust (`str.upper`, `list.append`,
//! `dict.items`, ...), and the dict views.
//!
//! Each method is a native function whose first argument is the object it was called on.
//! [`METHODS`] lists them; they are installed in the built-in classes' namespaces. A
//! method looked up on the class itself (`dict.fromkeys`, `str.maketrans`) is returned
//! unbound, so the two that Python makes class or static methods take no receiver.
//!
//! Errors follow CPython 3.11's types and messages; messages with run-time text (a type
//! name, a repr) are raised as exception objects through [`fail`].
//!
//! ```text
//! dict view (12 bytes): +8 dict (owned); header flags: 0 keys, 1 values, 2 items
//! ```

use crate::bytecode::Op;
use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::function::{Keywords, NativeFn, NativeKeywordFn};
use crate::object::{DeadStack, Kind};
use crate::str::Align;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) const DICT_VIEW_BYTES: u32 = 12;

/// What a dict view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewFlavor {
    Keys,
    Values,
    Items,
}

/// Every method of the built-in types.
pub(crate) const METHODS: &[(BuiltinType, &str, NativeFn)] = &[
    (BuiltinType::Str, "upper", str_upper),
    (BuiltinType::Str, "format_map", crate::format::str_format_map),
    (BuiltinType::Str, "lower", str_lower),
    (BuiltinType::Str, "strip", str_strip),
    (BuiltinType::Str, "lstrip", str_lstrip),
    (BuiltinType::Str, "rstrip", str_rstrip),
    (BuiltinType::Str, "join", str_join),
    (BuiltinType::Str, "replace", str_replace),
    (BuiltinType::Str, "startswith", str_startswith),
    (BuiltinType::Str, "endswith", str_endswith),
    (BuiltinType::Str, "find", str_find),
    (BuiltinType::Str, "rfind", str_rfind),
    (BuiltinType::Str, "index", str_index),
    (BuiltinType::Str, "rindex", str_rindex),
    (BuiltinType::Str, "count", str_count),
    (BuiltinType::Str, "isdigit", str_isdigit),
    (BuiltinType::Str, "isalpha", str_isalpha),
    (BuiltinType::Str, "isspace", str_isspace),
    (BuiltinType::Str, "isalnum", str_isalnum),
    (BuiltinType::Str, "isupper", str_isupper),
    (BuiltinType::Str, "islower", str_islower),
    (BuiltinType::Str, "isdecimal", str_isdecimal),
    (BuiltinType::Str, "isnumeric", str_isnumeric),
    (BuiltinType::Str, "isidentifier", str_isidentifier),
    (BuiltinType::Str, "istitle", str_istitle),
    (BuiltinType::Str, "isascii", str_isascii),
    (BuiltinType::Str, "center", str_center),
    (BuiltinType::Str, "ljust", str_ljust),
    (BuiltinType::Str, "rjust", str_rjust),
    (BuiltinType::Str, "zfill", str_zfill),
    (BuiltinType::Str, "title", str_title),
    (BuiltinType::Str, "capitalize", str_capitalize),
    (BuiltinType::Str, "swapcase", str_swapcase),
    (BuiltinType::Str, "casefold", str_casefold),
    (BuiltinType::Str, "partition", str_partition),
    (BuiltinType::Str, "rpartition", str_rpartition),
    (BuiltinType::Str, "removeprefix", str_removeprefix),
    (BuiltinType::Str, "removesuffix", str_removesuffix),
    (BuiltinType::Str, "maketrans", str_maketrans),
    (BuiltinType::Str, "translate", str_translate),
    (BuiltinType::List, "append", list_append),
    (BuiltinType::List, "pop", list_pop),
    (BuiltinType::List, "extend", list_extend),
    (BuiltinType::List, "insert", list_insert),
    (BuiltinType::List, "remove", list_remove),
    (BuiltinType::List, "reverse", list_reverse),
    (BuiltinType::List, "index", list_index),
    (BuiltinType::List, "count", list_count),
    (BuiltinType::List, "clear", list_clear),
    (BuiltinType::List, "copy", list_copy),
    (BuiltinType::Tuple, "index", tuple_index),
    (BuiltinType::Tuple, "count", tuple_count),
    (BuiltinType::Dict, "get", dict_get),
    (BuiltinType::Dict, "keys", dict_keys),
    (BuiltinType::Dict, "values", dict_values),
    (BuiltinType::Dict, "items", dict_items),
    (BuiltinType::Dict, "pop", dict_pop),
    (BuiltinType::Dict, "popitem", dict_popitem),
    (BuiltinType::Dict, "setdefault", dict_setdefault),
    (BuiltinType::Dict, "clear", dict_clear),
    (BuiltinType::Dict, "copy", dict_copy),
    (BuiltinType::Dict, "fromkeys", dict_fromkeys),
    (BuiltinType::Property, "setter", property_setter),
    (BuiltinType::Property, "getter", property_getter),
    (BuiltinType::Property, "deleter", property_deleter),
    (BuiltinType::Generator, "send", generator_send),
    (BuiltinType::Generator, "throw", generator_throw),
    (BuiltinType::Generator, "close", generator_close),
    (BuiltinType::Function, "close", function_close),
    (BuiltinType::Set, "add", set_add),
    (BuiltinType::Set, "discard", set_discard),
    (BuiltinType::Set, "remove", set_remove),
    (BuiltinType::Set, "pop", set_pop),
    (BuiltinType::Set, "clear", set_clear),
    (BuiltinType::Set, "copy", set_copy),
    (BuiltinType::Set, "update", set_update),
    (BuiltinType::Set, "union", set_union),
    (BuiltinType::Set, "intersection", set_intersection),
    (BuiltinType::Set, "difference", set_difference),
    (BuiltinType::Set, "symmetric_difference", set_symmetric_difference),
    (BuiltinType::Set, "intersection_update", set_intersection_update),
    (BuiltinType::Set, "difference_update", set_difference_update),
    (BuiltinType::Set, "symmetric_difference_update", set_symmetric_difference_update),
    (BuiltinType::Set, "issubset", set_issubset),
    (BuiltinType::Set, "issuperset", set_issuperset),
    (BuiltinType::Set, "isdisjoint", set_isdisjoint),
    (BuiltinType::Range, "index", range_index),
    (BuiltinType::Slice, "indices", slice_indices),
    (BuiltinType::Type, "mro", type_mro),
    (BuiltinType::Object, "__setattr__", crate::builtins::object_setattr),
    (BuiltinType::Object, "__init__", object_init),
    (BuiltinType::Object, "__init_subclass__", object_init_subclass),
    (BuiltinType::Object, "__repr__", object_repr),
    (BuiltinType::Object, "__str__", object_str),
    (BuiltinType::List, "__init__", list_init),
    (BuiltinType::Set, "__init__", set_init),
    // Special methods called by name (`'abc'.__len__()`, `getattr(xs, '__len__')`).
    (BuiltinType::Str, "__len__", crate::builtins::builtin_len),
    (BuiltinType::Str, "__contains__", dunder_contains),
    (BuiltinType::List, "__len__", crate::builtins::builtin_len),
    (BuiltinType::List, "__contains__", dunder_contains),
    (BuiltinType::Tuple, "__len__", crate::builtins::builtin_len),
    (BuiltinType::Tuple, "__contains__", dunder_contains),
    (BuiltinType::Dict, "__len__", crate::builtins::builtin_len),
    (BuiltinType::Dict, "__contains__", dunder_contains),
    (BuiltinType::Set, "__len__", crate::builtins::builtin_len),
    (BuiltinType::Set, "__contains__", dunder_contains),
    (BuiltinType::Range, "__len__", crate::builtins::builtin_len),
    (BuiltinType::Range, "__contains__", dunder_contains),
    (BuiltinType::Str, "__getitem__", dunder_getitem),
    (BuiltinType::List, "__getitem__", dunder_getitem),
    (BuiltinType::Tuple, "__getitem__", dunder_getitem),
    (BuiltinType::Dict, "__getitem__", dunder_getitem),
    (BuiltinType::Range, "__getitem__", dunder_getitem),
    (BuiltinType::Str, "__add__", dunder_add),
    (BuiltinType::List, "__add__", dunder_add),
    (BuiltinType::Tuple, "__add__", dunder_add),
    (BuiltinType::Range, "count", range_count),
    (BuiltinType::Int, "bit_length", int_bit_length),
    (BuiltinType::Float, "is_integer", float_is_integer),
    (BuiltinType::Float, "as_integer_ratio", float_as_integer_ratio),
];

/// Methods that take keyword arguments.
pub(crate) const METHODS_WITH_KEYWORDS: &[(BuiltinType, &str, NativeKeywordFn)] = &[
    (BuiltinType::List, "sort", list_sort),
    (BuiltinType::Str, "split", str_split),
    (BuiltinType::Str, "rsplit", str_rsplit),
    (BuiltinType::Str, "splitlines", str_splitlines),
    (BuiltinType::Str, "expandtabs", str_expandtabs),
    (BuiltinType::Dict, "update", dict_update),
    (BuiltinType::Str, "format", crate::format::str_format),
    (BuiltinType::Dict, "__init__", dict_init),
];

/// `object.__init__(self)`: nothing to do (`super().__init__()` at the top of a chain).
fn object_init(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    arity(vm, args, "object.__init__", 0, 0)?;
    Ok(Value::NONE)
}

/// `object.__init_subclass__()`: the end of a `super().__init_subclass__()` chain, which
/// does nothing. Looked up on a class it comes unbound (no arguments); on an instance it
/// is bound to it (one).
fn object_init_subclass(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    if args.len() > 1 {
        let message = format!("object.__init_subclass__() takes no arguments ({} given)", args.len() - 1);
        return Err(fail(vm, ExceptionType::TypeError, &message));
    }
    Ok(Value::NONE)
}

/// `object.__repr__(self)`: the built-in repr, never the class's own `__repr__` (so a
/// script `__repr__` can call it through `super()`); a built-in subclass's base value.
fn object_repr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    arity(vm, args, "object.__repr__", 0, 0)?;
    let v = args[0];
    let text = match (vm.builtin_base(v), v.as_object()) {
        (Some(base), _) => vm.repr(base)?,
        (None, Some(at)) if vm.kind_of(v) == Some(Kind::Instance) => {
            format!("<__main__.{} object at {at:#x}>", vm.type_name_of(v))
        }
        _ => vm.repr(v)?,
    };
    vm.new_str(&text)
}

/// `object.__str__(self)`: `repr(self)`, the class's own `__repr__` included.
fn object_str(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    arity(vm, args, "object.__str__", 0, 0)?;
    let text = vm.repr(args[0])?;
    vm.new_str(&text)
}

/// `list.__init__(self, iterable=())`: the list's items become the iterable's.
fn list_init(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    arity(vm, args, "list", 0, 1)?;
    list_clear(vm, &args[..1])?;
    if args.len() == 2 {
        list_extend(vm, args)?;
    }
    Ok(Value::NONE)
}

/// `set.__init__(self, iterable=())`.
fn set_init(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    arity(vm, args, "set", 0, 1)?;
    set_clear(vm, &args[..1])?;
    set_update(vm, args)
}

/// `dict.__init__(self, mapping_or_pairs=(), **keywords)`.
fn dict_init(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    arity(vm, args, "dict", 0, 1)?;
    let d = receiver_dict(vm, args)?;
    vm.dict_clear(d)?;
    dict_update(vm, args, keywords)
}

// Arguments and errors.

/// Raises a `ty` exception whose message is `text` (made at run time).
fn fail(vm: &mut Vm, ty: ExceptionType, text: &str) -> Error {
    let class = vm.exception_class(ty);
    if class == Value::NULL {
        return Error::Runtime("the exception classes are not installed");
    }
    let made = vm.new_str(text).and_then(|message| {
        let e = vm.new_exception(class, &[message]);
        vm.release(message);
        e
    });
    match made {
        Ok(exception) => vm.raise(exception),
        Err(e) => e,
    }
}

fn type_error(vm: &mut Vm, text: &str) -> Error {
    fail(vm, ExceptionType::TypeError, text)
}

/// Checks that `min..=max` arguments follow the receiver, with CPython's messages:
/// `name` is `type.method` for methods taking none or one, else the bare method name, or
/// `method()` for those whose messages say "takes at least/at most".
fn arity(vm: &mut Vm, args: &[Value], name: &str, min: usize, max: usize) -> Result<()> {
    let given = args.len().saturating_sub(1);
    if (min..=max).contains(&given) {
        return Ok(());
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let (bound, word) = if given < min { (min, "least") } else { (max, "most") };
    let text = match (min, max) {
        (0, 0) => format!("{name}() takes no arguments ({given} given)"),
        (1, 1) => format!("{name}() takes exactly one argument ({given} given)"),
        _ if name.ends_with("()") => {
            format!("{name} takes at {word} {bound} argument{} ({given} given)", plural(bound))
        }
        _ => format!("{name} expected at {word} {bound} argument{}, got {given}", plural(bound)),
    };
    Err(type_error(vm, &text))
}

/// Binds the arguments after the receiver and the keywords to the parameters `names`
/// (all positional-or-keyword), as CPython's argument parsing does.
fn bind<const N: usize>(
    vm: &mut Vm,
    function: &str,
    args: &[Value],
    keywords: &Keywords<'_>,
    names: [&str; N],
) -> Result<[Option<Value>; N]> {
    let given = args.len().saturating_sub(1);
    if given > N {
        let text = format!("{function}() takes at most {N} argument{} ({given} given)", if N == 1 { "" } else { "s" });
        return Err(type_error(vm, &text));
    }
    let mut bound = [None; N];
    for (slot, &v) in bound.iter_mut().zip(args.iter().skip(1)) {
        *slot = Some(v);
    }
    for (&name, &value) in keywords.names.iter().zip(keywords.values) {
        let text = String::from(vm.as_str(name).unwrap_or(""));
        match names.iter().position(|&n| n == text) {
            Some(i) if bound[i].is_some() => {
                let text = format!("argument for {function}() given by name ('{text}') and position ({})", i + 1);
                return Err(type_error(vm, &text));
            }
            Some(i) => bound[i] = Some(value),
            None => return Err(type_error(vm, &format!("'{text}' is an invalid keyword argument for {function}()"))),
        }
    }
    Ok(bound)
}

/// An int argument (bools count); `TypeError` naming the type otherwise.
fn int_arg(vm: &mut Vm, v: Value) -> Result<i64> {
    match vm.as_int(v) {
        Some(n) => Ok(n),
        None => {
            let text = format!("'{}' object cannot be interpreted as an integer", vm.type_name_of(v));
            Err(type_error(vm, &text))
        }
    }
}

/// Optional start/end argument `i` of a str method: an int, or None for the default.
fn slice_arg(vm: &mut Vm, args: &[Value], i: usize) -> Result<Option<i64>> {
    match args.get(i) {
        None | Some(&Value::NONE) => Ok(None),
        Some(&v) => match vm.as_int(v) {
            Some(n) => Ok(Some(n)),
            None => Err(type_error(vm, "slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// A str argument; otherwise `TypeError: <context>must be str, not <type>`.
fn str_arg(vm: &mut Vm, v: Value, context: &str) -> Result<String> {
    match vm.as_str(v) {
        Some(text) => Ok(String::from(text)),
        None => {
            let text = format!("{context}must be str, not {}", vm.type_name_of(v));
            Err(type_error(vm, &text))
        }
    }
}

/// Python's `a == b` for a container search: identity first, then `==` with script
/// methods wherever instances take part.
fn items_equal(vm: &mut Vm, a: Value, b: Value) -> Result<bool> {
    if a == b {
        return Ok(true);
    }
    vm.compare_truth(Op::Eq, a, b)
}

// str

/// The text of `args[0]` (the receiver of a str method).
fn receiver_text(vm: &Vm, args: &[Value]) -> Result<String> {
    args.first()
        .and_then(|&s| vm.as_str(vm.through_base(s)))
        .map(String::from)
        .ok_or(Error::Type("descriptor requires a 'str' object"))
}

/// The receiver's string object (a str subclass's text), borrowed from the arguments.
fn receiver_str(vm: &Vm, args: &[Value]) -> Result<Value> {
    args.first()
        .map(|&s| vm.through_base(s))
        .filter(|&s| vm.str_bytes_of(s).is_some())
        .ok_or(Error::Type("descriptor requires a 'str' object"))
}

/// The receiver's text, after checking the method's number of arguments.
fn text_with_arity(vm: &mut Vm, args: &[Value], name: &str, min: usize, max: usize) -> Result<String> {
    let text = receiver_text(vm, args)?;
    arity(vm, args, name, min, max)?;
    Ok(text)
}

fn str_upper(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    changed_case(vm, args, "str.upper", <[u8]>::make_ascii_uppercase, str::to_uppercase)
}

fn str_lower(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    changed_case(vm, args, "str.lower", <[u8]>::make_ascii_lowercase, str::to_lowercase)
}

/// `upper`/`lower`: the receiver's bytes through `ascii` when it is ASCII (the common,
/// cheaper case, mapped inside the heap), else its text through the full Unicode
/// mapping `unicode`.
fn changed_case(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    ascii: fn(&mut [u8]),
    unicode: fn(&str) -> String,
) -> Result<Value> {
    arity(vm, args, name, 0, 0)?;
    let receiver = args.first().map_or(Value::NULL, |&s| vm.through_base(s));
    if let Some(changed) = vm.new_str_ascii_mapped(receiver, ascii) {
        return changed;
    }
    let text = vm.as_str(receiver).ok_or(Error::Type("descriptor requires a 'str' object"))?;
    let changed = unicode(text);
    vm.new_str(&changed)
}

/// `strip`/`lstrip`/`rstrip` with an optional set of characters.
fn strip_with(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> Result<Value> {
    let text = text_with_arity(vm, args, name, 0, 1)?;
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(&Value::NONE) => None,
        Some(&v) => match vm.as_str(v) {
            Some(set) => Some(set.chars().collect()),
            None => return Err(Error::Type("strip arg must be None or str")),
        },
    };
    let strip = |c: char| chars.as_ref().map_or(crate::str::is_space(c), |set| set.contains(&c));
    let mut s = text.as_str();
    if left {
        s = s.trim_start_matches(strip);
    }
    if right {
        s = s.trim_end_matches(strip);
    }
    let s = String::from(s);
    vm.new_str(&s)
}

fn str_strip(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    strip_with(vm, args, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    strip_with(vm, args, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    strip_with(vm, args, "rstrip", false, true)
}

/// Makes a tuple of new strings (owned tuple).
fn tuple_of_strs(vm: &mut Vm, parts: &[&str]) -> Result<Value> {
    let items = vm.make_each(parts.iter(), |vm, part| vm.new_str(part))?;
    let tuple = vm.new_tuple(&items);
    vm.release_all(&items);
    tuple
}

/// `split`/`rsplit(sep=None, maxsplit=-1)`. The parts are cut from the receiver inside
/// the heap: the text is only borrowed to find where they start and end.
fn split_with(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>, name: &str, right: bool) -> Result<Value> {
    let receiver = receiver_str(vm, args)?;
    let [sep, maxsplit] = bind(vm, name, args, keywords, ["sep", "maxsplit"])?;
    let maxsplit = match maxsplit {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let sep = match sep {
        None | Some(Value::NONE) => None,
        Some(v) if vm.str_bytes_of(vm.through_base(v)).is_some() => Some(vm.through_base(v)),
        Some(v) => {
            let text = format!("must be str or None, not {}", vm.type_name_of(v));
            return Err(type_error(vm, &text));
        }
    };
    let single_byte = sep.and_then(|v| match vm.str_bytes_of(v) {
        Some(&[b]) => Some(b),
        _ => None,
    });
    if let Some(byte) = single_byte {
        let spans = crate::str::byte_split_spans(vm.str_bytes_of(receiver).unwrap_or_default(), byte, maxsplit, right);
        return vm.new_list_of_str_spans(receiver, &spans);
    }
    let text = vm.as_str(receiver).unwrap_or_default();
    let parts: Vec<&str> = match sep.map(|v| vm.as_str(v).unwrap_or_default()) {
        None if right => crate::str::rsplit_whitespace(text, maxsplit),
        None => crate::str::split_whitespace(text, maxsplit),
        Some("") => return Err(Error::Value("empty separator")),
        Some(sep) => {
            let limit = usize::try_from(maxsplit).map_or(usize::MAX, |m| m.saturating_add(1));
            if right {
                let mut parts: Vec<&str> = text.rsplitn(limit, sep).collect();
                parts.reverse();
                parts
            } else {
                text.splitn(limit, sep).collect()
            }
        }
    };
    let spans = crate::str::spans_in(text, &parts);
    vm.new_list_of_str_spans(receiver, &spans)
}

fn str_split(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    split_with(vm, args, keywords, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    split_with(vm, args, keywords, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let receiver = receiver_str(vm, args)?;
    let [keepends] = bind(vm, "splitlines", args, keywords, ["keepends"])?;
    let keepends = match keepends {
        Some(v) => int_arg(vm, v)? != 0,
        None => false,
    };
    let text = vm.as_str(receiver).unwrap_or_default();
    let spans = crate::str::spans_in(text, &crate::str::splitlines(text, keepends));
    vm.new_list_of_str_spans(receiver, &spans)
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let [tabsize] = bind(vm, "expandtabs", args, keywords, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    let expanded = crate::str::expandtabs(&text, tabsize)?;
    vm.new_str(&expanded)
}

fn str_join(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let sep = receiver_str(vm, args)?;
    arity(vm, args, "str.join", 1, 1)?;
    let items = vm.collect(args[1])?;
    // A str subclass joins as its text; the items list keeps every part alive.
    let mut parts = Vec::with_capacity(items.len());
    for (i, &item) in items.iter().enumerate() {
        let part = vm.through_base(item);
        if vm.str_bytes_of(part).is_none() {
            let text = format!("sequence item {i}: expected str instance, {} found", vm.type_name_of(item));
            vm.release_all(&items);
            return Err(type_error(vm, &text));
        }
        parts.push(part);
    }
    let count = (2 * parts.len()).saturating_sub(1);
    let joined = vm.new_str_concat(count, |_, i| if i % 2 == 0 { parts[i / 2] } else { sep });
    vm.release_all(&items);
    joined
}

fn str_replace(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = text_with_arity(vm, args, "replace", 2, 3)?;
    let old = str_arg(vm, args[1], "replace() argument 1 ")?;
    let new = str_arg(vm, args[2], "replace() argument 2 ")?;
    let count = match args.get(3) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let replaced = match usize::try_from(count) {
        Ok(count) => text.replacen(old.as_str(), &new, count),
        Err(_) => text.replace(old.as_str(), &new),
    };
    vm.new_str(&replaced)
}

/// `startswith`/`endswith(affix, start=None, end=None)`: a str or a tuple of strs to try.
fn affix_matches(
    vm: &mut Vm,
    args: &[Value],
    (name, call): (&str, &str),
    test: fn(&[u8], &[u8]) -> bool,
) -> Result<Value> {
    if let [receiver, affix] = args {
        // The common form, one str and no bounds: no copies. A UTF-8 text starts (ends)
        // with a string exactly when its bytes start (end) with the string's bytes.
        if let (Some(text), Some(affix)) = (vm.str_bytes_of(vm.through_base(*receiver)), vm.str_bytes_of(*affix)) {
            return Ok(Value::from_bool(test(text, affix)));
        }
    }
    let text = text_with_arity(vm, args, call, 1, 3)?;
    let spec = args[1];
    let candidates: Vec<Value> = match vm.kind_of(spec) {
        Some(Kind::Tuple) => vm.tuple_items(spec).collect(),
        Some(Kind::Str) => alloc::vec![spec],
        _ => {
            let text = format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name_of(spec));
            return Err(type_error(vm, &text));
        }
    };
    let (start, end) = (slice_arg(vm, args, 2)?, slice_arg(vm, args, 3)?);
    let Some((_, window)) = crate::str::char_window(&text, start, end) else { return Ok(Value::FALSE) };
    for c in candidates {
        let Some(affix) = vm.as_str(c) else {
            let text = format!("tuple for {name} must only contain str, not {}", vm.type_name_of(c));
            return Err(type_error(vm, &text));
        };
        if test(window.as_bytes(), affix.as_bytes()) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_startswith(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    affix_matches(vm, args, ("startswith", "startswith()"), |t, a| t.starts_with(a))
}

fn str_endswith(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    affix_matches(vm, args, ("endswith", "endswith()"), |t, a| t.ends_with(a))
}

/// The arguments of `find`/`index`/`count(sub, start=None, end=None)`: the text the
/// start and end select, its first char's index (`None` when start is past end), and the
/// needle.
fn search_args(vm: &mut Vm, args: &[Value], name: &str) -> Result<(String, Option<usize>, String)> {
    let text = text_with_arity(vm, args, name, 1, 3)?;
    let needle = str_arg(vm, args[1], "")?;
    let (start, end) = (slice_arg(vm, args, 2)?, slice_arg(vm, args, 3)?);
    Ok(match crate::str::char_window(&text, start, end) {
        Some((offset, window)) => (String::from(window), Some(offset), needle),
        None => (String::new(), None, needle),
    })
}

/// `find`/`rfind`/`index`/`rindex`: the char index of the first (last) match.
fn search(vm: &mut Vm, args: &[Value], name: &str, from_right: bool) -> Result<Option<usize>> {
    let (window, offset, needle) = search_args(vm, args, name)?;
    let Some(offset) = offset else { return Ok(None) };
    let found = if from_right { window.rfind(needle.as_str()) } else { window.find(needle.as_str()) };
    Ok(found.map(|byte| offset + crate::str::char_index(&window, byte)))
}

fn found_or_minus_one(vm: &mut Vm, found: Option<usize>) -> Result<Value> {
    vm.new_int(found.map_or(-1, |i| i as i64))
}

fn found_or_error(vm: &mut Vm, found: Option<usize>) -> Result<Value> {
    match found {
        Some(i) => vm.new_int(i as i64),
        None => Err(Error::Value("substring not found")),
    }
}

fn str_find(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let found = search(vm, args, "find()", false)?;
    found_or_minus_one(vm, found)
}

fn str_rfind(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let found = search(vm, args, "rfind()", true)?;
    found_or_minus_one(vm, found)
}

fn str_index(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let found = search(vm, args, "index()", false)?;
    found_or_error(vm, found)
}

fn str_rindex(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let found = search(vm, args, "rindex()", true)?;
    found_or_error(vm, found)
}

fn str_count(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (window, offset, needle) = search_args(vm, args, "count()")?;
    let n = match offset {
        None => 0,
        Some(_) if needle.is_empty() => window.chars().count() + 1,
        Some(_) => window.matches(needle.as_str()).count(),
    };
    vm.new_int(n as i64)
}

/// A predicate over the whole text (`isupper`, `istitle`, ...).
fn text_test(vm: &mut Vm, args: &[Value], name: &str, test: fn(&str) -> bool) -> Result<Value> {
    let text = text_with_arity(vm, args, name, 0, 0)?;
    Ok(Value::from_bool(test(&text)))
}

/// A predicate every char must pass, false for the empty string (`isdigit`, ...).
fn chars_test(vm: &mut Vm, args: &[Value], name: &str, test: fn(char) -> bool) -> Result<Value> {
    let text = text_with_arity(vm, args, name, 0, 0)?;
    Ok(Value::from_bool(!text.is_empty() && text.chars().all(test)))
}

fn str_isdigit(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    chars_test(vm, args, "str.isdigit", crate::str::is_digit)
}

fn str_isalpha(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    chars_test(vm, args, "str.isalpha", crate::str::is_alpha)
}

fn str_isspace(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    chars_test(vm, args, "str.isspace", crate::str::is_space)
}

fn str_isalnum(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    chars_test(vm, args, "str.isalnum", |c| crate::str::is_alpha(c) || crate::str::is_numeric(c))
}

fn str_isdecimal(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    chars_test(vm, args, "str.isdecimal", crate::str::is_decimal)
}

fn str_isnumeric(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    chars_test(vm, args, "str.isnumeric", crate::str::is_numeric)
}

fn str_isupper(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    text_test(vm, args, "str.isupper", crate::str::is_upper_text)
}

fn str_islower(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    text_test(vm, args, "str.islower", crate::str::is_lower_text)
}

fn str_istitle(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    text_test(vm, args, "str.istitle", crate::str::is_title_text)
}

fn str_isidentifier(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    text_test(vm, args, "str.isidentifier", crate::str::is_identifier)
}

fn str_isascii(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    text_test(vm, args, "str.isascii", str::is_ascii)
}

/// `center`/`ljust`/`rjust(width, fillchar=' ')`.
fn justify(vm: &mut Vm, args: &[Value], name: &str, align: Align) -> Result<Value> {
    let text = text_with_arity(vm, args, name, 1, 2)?;
    let width = int_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(&v) => {
            let Some(fill) = vm.as_str(v) else {
                let text = format!("The fill character must be a unicode character, not {}", vm.type_name_of(v));
                return Err(type_error(vm, &text));
            };
            let mut chars = fill.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => return Err(Error::Type("The fill character must be exactly one character long")),
            }
        }
    };
    let padded = crate::str::pad(&text, width, fill, align)?;
    vm.new_str(&padded)
}

fn str_center(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    justify(vm, args, "center", Align::Center)
}

fn str_ljust(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    justify(vm, args, "ljust", Align::Left)
}

fn str_rjust(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    justify(vm, args, "rjust", Align::Right)
}

fn str_zfill(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = text_with_arity(vm, args, "str.zfill", 1, 1)?;
    let width = int_arg(vm, args[1])?;
    let filled = crate::str::zfill(&text, width)?;
    vm.new_str(&filled)
}

/// A case mapping of the whole text (`title`, `casefold`, ...).
fn recase(vm: &mut Vm, args: &[Value], name: &str, map: fn(&str) -> String) -> Result<Value> {
    let text = text_with_arity(vm, args, name, 0, 0)?;
    let mapped = map(&text);
    vm.new_str(&mapped)
}

fn str_title(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    recase(vm, args, "str.title", crate::str::title)
}

fn str_capitalize(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    recase(vm, args, "str.capitalize", crate::str::capitalize)
}

fn str_swapcase(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    recase(vm, args, "str.swapcase", crate::str::swapcase)
}

fn str_casefold(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    recase(vm, args, "str.casefold", crate::str::casefold)
}

/// `partition`/`rpartition(sep)`: a 3-tuple around the first (last) `sep`.
fn partition_with(vm: &mut Vm, args: &[Value], name: &str, right: bool) -> Result<Value> {
    let text = text_with_arity(vm, args, name, 1, 1)?;
    let sep = str_arg(vm, args[1], "")?;
    if sep.is_empty() {
        return Err(Error::Value("empty separator"));
    }
    let found = if right { text.rfind(sep.as_str()) } else { text.find(sep.as_str()) };
    let parts = match found {
        Some(at) => [&text[..at], sep.as_str(), &text[at + sep.len()..]],
        None if right => ["", "", text.as_str()],
        None => [text.as_str(), "", ""],
    };
    tuple_of_strs(vm, &parts)
}

fn str_partition(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    partition_with(vm, args, "str.partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    partition_with(vm, args, "str.rpartition", true)
}

/// `removeprefix`/`removesuffix(affix)`.
fn remove_affix(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> Result<Value> {
    let text = text_with_arity(vm, args, &format!("str.{name}"), 1, 1)?;
    let affix = str_arg(vm, args[1], &format!("{name}() argument "))?;
    let kept = if prefix { text.strip_prefix(affix.as_str()) } else { text.strip_suffix(affix.as_str()) };
    let kept = String::from(kept.unwrap_or(&text));
    vm.new_str(&kept)
}

fn str_removeprefix(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    remove_affix(vm, args, "removeprefix", true)
}

fn str_removesuffix(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    remove_affix(vm, args, "removesuffix", false)
}

/// `str.maketrans(x[, y[, z]])`, a static method: looked up on the class it gets no
/// receiver, so its arguments start at `args[0]`.
fn str_maketrans(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    if args.is_empty() || args.len() > 3 {
        let text = if args.is_empty() {
            String::from("maketrans expected at least 1 argument, got 0")
        } else {
            format!("maketrans expected at most 3 arguments, got {}", args.len())
        };
        return Err(type_error(vm, &text));
    }
    let mut pairs: Vec<(i64, Value)> = Vec::new();
    if let [table] = args {
        if vm.kind_of(*table) != Some(Kind::Dict) {
            return Err(Error::Type("if you give only one argument to maketrans it must be a dict"));
        }
        let mut position = 0;
        while let Some((key, value)) = vm.dict_next(*table, &mut position) {
            let code = match (vm.as_int(key), vm.as_str(key)) {
                (Some(n), _) => n,
                (None, Some(s)) => {
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => i64::from(u32::from(c)),
                        _ => return Err(Error::Value("string keys in translate table must be of length 1")),
                    }
                }
                _ => return Err(Error::Type("keys in translate table must be strings or integers")),
            };
            pairs.push((code, value));
        }
    } else {
        let from = str_arg(vm, args[0], "maketrans() argument 1 ")?;
        let to = str_arg(vm, args[1], "maketrans() argument 2 ")?;
        if from.chars().count() != to.chars().count() {
            return Err(Error::Value("the first two maketrans arguments must have equal length"));
        }
        for (a, b) in from.chars().zip(to.chars()) {
            pairs.push((i64::from(u32::from(a)), Value::small_int(i64::from(u32::from(b))).unwrap_or(Value::NONE)));
        }
        if let Some(&deleted) = args.get(2) {
            let deleted = str_arg(vm, deleted, "maketrans() argument 3 ")?;
            pairs.extend(deleted.chars().map(|c| (i64::from(u32::from(c)), Value::NONE)));
        }
    }
    let table = vm.new_dict()?;
    for (code, value) in pairs {
        let stored = vm.new_int(code).and_then(|key| {
            let r = vm.dict_set(table, key, value);
            vm.release(key);
            r
        });
        if let Err(e) = stored {
            vm.release(table);
            return Err(e);
        }
    }
    Ok(table)
}

/// `str.translate(table)`: each char's code looked up in `table` (usually a dict from
/// `maketrans`); a missing one (`LookupError`) stays, None deletes it, an int or a str
/// replaces it.
fn str_translate(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = text_with_arity(vm, args, "str.translate", 1, 1)?;
    let table = args[1];
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = Value::small_int(i64::from(u32::from(c))).unwrap_or(Value::NONE);
        let Some(v) = translation(vm, table, key)? else {
            out.push(c);
            continue;
        };
        let mapped = if v == Value::NONE {
            Ok(())
        } else if let Some(n) = vm.as_int(v) {
            u32::try_from(n)
                .ok()
                .and_then(char::from_u32)
                .map(|mapped| out.push(mapped))
                .ok_or(Error::Value("character mapping must be in range(0x110000)"))
        } else if let Some(s) = vm.as_str(v) {
            out.push_str(s);
            Ok(())
        } else {
            Err(Error::Type("character mapping must return integer, None or str"))
        };
        vm.release(v);
        mapped?;
    }
    vm.new_str(&out)
}

/// `table[key]` for `translate` (owned), `None` when the lookup raises `LookupError`.
fn translation(vm: &mut Vm, table: Value, key: Value) -> Result<Option<Value>> {
    if vm.kind_of(table) == Some(Kind::Dict) {
        return vm.dict_get(table, key);
    }
    match vm.get_item_any(table, key) {
        Ok(v) => Ok(Some(v)),
        Err(Error::Index(_) | Error::Key(_)) => Ok(None),
        Err(Error::Raised) => {
            let lookup = vm.exception_class(ExceptionType::LookupError);
            if vm.is_instance(vm.raised, lookup) {
                let exception = vm.take_raised();
                vm.release(exception);
                Ok(None)
            } else {
                Err(Error::Raised)
            }
        }
        Err(e) => Err(e),
    }
}

// list and tuple

fn receiver_list(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first().map(|&l| vm.through_base(l)) {
        Some(l) if vm.kind_of(l) == Some(Kind::List) => Ok(l),
        _ => Err(Error::Type("descriptor requires a 'list' object")),
    }
}

fn receiver_tuple(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first() {
        Some(&t) if vm.kind_of(t) == Some(Kind::Tuple) => Ok(t),
        _ => Err(Error::Type("descriptor requires a 'tuple' object")),
    }
}

/// An index argument of `list.index`/`tuple.index` (an int; None is not allowed).
fn sequence_bound(vm: &mut Vm, args: &[Value], i: usize, default: i64) -> Result<i64> {
    match args.get(i) {
        None => Ok(default),
        Some(&v) => match vm.as_int(v) {
            Some(n) => Ok(n),
            None => Err(type_error(vm, "slice indices must be integers or have an __index__ method")),
        },
    }
}

/// The first index in `start..stop` (Python's rules) where list or tuple `seq` holds an
/// item equal to `x`. Script `__eq__` may change a list as this runs, so every step
/// re-reads its length and holds the item it compares.
fn sequence_find(vm: &mut Vm, seq: Value, x: Value, start: i64, stop: i64) -> Result<Option<u32>> {
    let len = i64::from(vm.sequence_len(seq));
    let adjust = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let (mut i, stop) = (adjust(start), adjust(stop));
    while i < stop && i < i64::from(vm.sequence_len(seq)) {
        let item = vm.sequence_item(seq, i as u32);
        vm.incref(item);
        let equal = items_equal(vm, item, x);
        vm.release(item);
        if equal? {
            return Ok(Some(i as u32));
        }
        i += 1;
    }
    Ok(None)
}

/// How many items of list or tuple `seq` equal `x`.
fn sequence_count(vm: &mut Vm, seq: Value, x: Value) -> Result<Value> {
    let mut n = 0;
    let mut i = 0;
    while i < vm.sequence_len(seq) {
        let item = vm.sequence_item(seq, i);
        vm.incref(item);
        let equal = items_equal(vm, item, x);
        vm.release(item);
        n += i64::from(equal?);
        i += 1;
    }
    vm.new_int(n)
}

fn list_append(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.append", 1, 1)?;
    vm.list_append(l, args[1])?;
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "pop", 0, 1)?;
    match args.get(1) {
        None => vm.list_pop(l),
        Some(&i) => {
            let index = int_arg(vm, i)?;
            vm.list_pop_at(l, index)
        }
    }
}

fn list_extend(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.extend", 1, 1)?;
    let items = vm.collect(args[1])?;
    let mut result = Ok(Value::NONE);
    for &item in &items {
        if let Err(e) = vm.list_append(l, item) {
            result = Err(e);
            break;
        }
    }
    vm.release_all(&items);
    result
}

fn list_insert(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    if args.len() != 3 {
        let text = format!("insert expected 2 arguments, got {}", args.len() - 1);
        return Err(type_error(vm, &text));
    }
    let index = int_arg(vm, args[1])?;
    vm.list_insert(l, index, args[2])?;
    Ok(Value::NONE)
}

fn list_remove(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.remove", 1, 1)?;
    match sequence_find(vm, l, args[1], 0, i64::MAX)? {
        Some(i) => {
            let item = vm.list_pop_at(l, i64::from(i))?;
            vm.release(item);
            Ok(Value::NONE)
        }
        None => Err(Error::Value("list.remove(x): x not in list")),
    }
}

fn list_sort(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    if let Some(&name) = keywords.names.iter().find(|&&n| !matches!(vm.as_str(n), Some("key" | "reverse"))) {
        let text = format!("'{}' is an invalid keyword argument for sort()", vm.as_str(name).unwrap_or("?"));
        return Err(type_error(vm, &text));
    }
    if args.len() > 1 {
        return Err(Error::Type("sort() takes no positional arguments"));
    }
    let mut items: Vec<Value> = (0..vm.list_len(l)).map(|i| vm.list_item(l, i)).collect();
    vm.sort_with_keywords(&mut items, keywords)?;
    vm.list_rewrite(l, &items);
    Ok(Value::NONE)
}

fn list_reverse(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.reverse", 0, 0)?;
    let mut items: Vec<Value> = (0..vm.list_len(l)).map(|i| vm.list_item(l, i)).collect();
    items.reverse();
    vm.list_rewrite(l, &items);
    Ok(Value::NONE)
}

fn list_index(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "index", 1, 3)?;
    let (start, stop) = (sequence_bound(vm, args, 2, 0)?, sequence_bound(vm, args, 3, i64::MAX)?);
    match sequence_find(vm, l, args[1], start, stop)? {
        Some(i) => vm.new_int(i64::from(i)),
        None => {
            let text = format!("{} is not in list", vm.repr(args[1])?);
            Err(fail(vm, ExceptionType::ValueError, &text))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.count", 1, 1)?;
    sequence_count(vm, l, args[1])
}

fn list_clear(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.clear", 0, 0)?;
    vm.list_clear(l)?;
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    arity(vm, args, "list.copy", 0, 0)?;
    let items: Vec<Value> = (0..vm.list_len(l)).map(|i| vm.list_item(l, i)).collect();
    vm.new_list(&items)
}

fn tuple_index(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let t = receiver_tuple(vm, args)?;
    arity(vm, args, "index", 1, 3)?;
    let (start, stop) = (sequence_bound(vm, args, 2, 0)?, sequence_bound(vm, args, 3, i64::MAX)?);
    match sequence_find(vm, t, args[1], start, stop)? {
        Some(i) => vm.new_int(i64::from(i)),
        None => Err(Error::Value("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let t = receiver_tuple(vm, args)?;
    arity(vm, args, "tuple.count", 1, 1)?;
    sequence_count(vm, t, args[1])
}

// dict

fn receiver_dict(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first().map(|&d| vm.through_base(d)) {
        Some(d) if vm.kind_of(d) == Some(Kind::Dict) => Ok(d),
        _ => Err(Error::Type("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "get", 1, 2)?;
    match vm.dict_get(d, args[1])? {
        Some(v) => Ok(v),
        None => {
            let default = args.get(2).copied().unwrap_or(Value::NONE);
            vm.incref(default);
            Ok(default)
        }
    }
}

fn new_view(vm: &mut Vm, args: &[Value], flavor: ViewFlavor) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    let name = match flavor {
        ViewFlavor::Keys => "dict.keys",
        ViewFlavor::Values => "dict.values",
        ViewFlavor::Items => "dict.items",
    };
    arity(vm, args, name, 0, 0)?;
    let at = vm.heap.new_object(Kind::DictView, DICT_VIEW_BYTES)?;
    vm.heap.incref(d);
    vm.heap.write_value(at + 8, d);
    vm.heap.set_flags(at, flavor as u8);
    Ok(Value::from_offset(at))
}

fn dict_keys(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    new_view(vm, args, ViewFlavor::Keys)
}

fn dict_values(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    new_view(vm, args, ViewFlavor::Values)
}

fn dict_items(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    new_view(vm, args, ViewFlavor::Items)
}

fn dict_pop(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "pop", 1, 2)?;
    let key = args[1];
    match vm.dict_get(d, key)? {
        Some(v) => {
            vm.dict_delete(d, key)?;
            Ok(v)
        }
        None => match args.get(2) {
            Some(&default) => {
                vm.incref(default);
                Ok(default)
            }
            None => Err(Error::Key(key)),
        },
    }
}

/// `d.popitem()`: the last entry as a `(key, value)` tuple, removed.
fn dict_popitem(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "dict.popitem", 0, 0)?;
    let mut position = 0;
    let mut last = None;
    while let Some(entry) = vm.dict_next(d, &mut position) {
        last = Some(entry);
    }
    let Some((key, value)) = last else {
        return Err(fail(vm, ExceptionType::KeyError, "popitem(): dictionary is empty"));
    };
    let pair = vm.new_tuple(&[key, value])?;
    if let Err(e) = vm.dict_delete(d, key) {
        vm.release(pair);
        return Err(e);
    }
    Ok(pair)
}

fn dict_setdefault(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "setdefault", 1, 2)?;
    let key = args[1];
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::NONE);
    vm.dict_set(d, key, default)?;
    vm.incref(default);
    Ok(default)
}

/// `d.update([source], **keywords)`.
fn dict_update(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "update", 0, 1)?;
    if let Some(&source) = args.get(1) {
        vm.dict_update(d, source)?;
    }
    for (&name, &value) in keywords.names.iter().zip(keywords.values) {
        vm.dict_set(d, name, value)?;
    }
    Ok(Value::NONE)
}

fn dict_clear(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "dict.clear", 0, 0)?;
    vm.dict_clear(d)?;
    Ok(Value::NONE)
}

fn dict_copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    arity(vm, args, "dict.copy", 0, 0)?;
    vm.dict_copy(d)
}

/// `dict.fromkeys(iterable, value=None)`, a class method: looked up on the class it
/// gets no receiver, so the iterable is `args[0]`.
fn dict_fromkeys(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    if args.is_empty() || args.len() > 2 {
        let text = if args.is_empty() {
            String::from("fromkeys expected at least 1 argument, got 0")
        } else {
            format!("fromkeys expected at most 2 arguments, got {}", args.len())
        };
        return Err(type_error(vm, &text));
    }
    let value = args.get(1).copied().unwrap_or(Value::NONE);
    let keys = vm.collect(args[0])?;
    let made = vm.new_dict().and_then(|d| match keys.iter().try_for_each(|&key| vm.dict_set(d, key, value)) {
        Ok(()) => Ok(d),
        Err(e) => {
            vm.release(d);
            Err(e)
        }
    });
    vm.release_all(&keys);
    made
}

// set

fn receiver_set(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first().map(|&s| vm.through_base(s)) {
        Some(s) if vm.kind_of(s) == Some(Kind::Set) && !vm.is_frozenset(s) => Ok(s),
        _ => Err(Error::Type("descriptor requires a 'set' object")),
    }
}

/// The receiver of a set method taking exactly one argument, and that argument.
fn set_and_one(vm: &mut Vm, args: &[Value], name: &str) -> Result<(Value, Value)> {
    let s = receiver_set(vm, args)?;
    arity(vm, args, name, 1, 1)?;
    Ok((s, args[1]))
}

fn set_add(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, item) = set_and_one(vm, args, "set.add")?;
    vm.set_add(s, item)?;
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, item) = set_and_one(vm, args, "set.discard")?;
    vm.set_discard(s, item)?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, item) = set_and_one(vm, args, "set.remove")?;
    vm.set_remove(s, item)?;
    Ok(Value::NONE)
}

fn set_pop(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    arity(vm, args, "set.pop", 0, 0)?;
    match vm.set_pop(s)? {
        Some(item) => Ok(item),
        None => Err(fail(vm, ExceptionType::KeyError, "pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    arity(vm, args, "set.clear", 0, 0)?;
    vm.set_clear(s)?;
    Ok(Value::NONE)
}

fn set_copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    arity(vm, args, "set.copy", 0, 0)?;
    vm.set_copy(s)
}

fn set_update(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    for &other in &args[1..] {
        vm.set_update(s, other)?;
    }
    Ok(Value::NONE)
}

/// `union`/`intersection`/`difference(*others)`: a new set.
fn set_fold(vm: &mut Vm, args: &[Value], op: crate::set::SetOp) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    let mut result = vm.set_copy(s)?;
    for &other in &args[1..] {
        let next = vm.set_of(other).and_then(|other| {
            let r = vm.set_algebra(op, result, other);
            vm.release(other);
            r
        });
        vm.release(result);
        result = next?;
    }
    Ok(result)
}

fn set_union(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    set_fold(vm, args, crate::set::SetOp::Union)
}

fn set_intersection(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    set_fold(vm, args, crate::set::SetOp::Intersection)
}

fn set_difference(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    set_fold(vm, args, crate::set::SetOp::Difference)
}

fn set_symmetric_difference(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = set_and_one(vm, args, "set.symmetric_difference")?;
    let other = vm.set_of(other)?;
    let result = vm.set_algebra(crate::set::SetOp::SymmetricDifference, s, other);
    vm.release(other);
    result
}

fn set_intersection_update(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    for &other in &args[1..] {
        let other = vm.set_of(other)?;
        let kept = vm.set_keep(s, other, true);
        vm.release(other);
        kept?;
    }
    Ok(Value::NONE)
}

fn set_difference_update(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = receiver_set(vm, args)?;
    for &other in &args[1..] {
        let other = vm.set_of(other)?;
        let kept = vm.set_keep(s, other, false);
        vm.release(other);
        kept?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = set_and_one(vm, args, "set.symmetric_difference_update")?;
    vm.set_toggle(s, other)?;
    Ok(Value::NONE)
}

/// `issubset`/`issuperset(other)`: every item of the smaller side in the other.
fn set_inclusion(vm: &mut Vm, args: &[Value], name: &str, superset: bool) -> Result<Value> {
    let (s, other) = set_and_one(vm, args, name)?;
    let other = vm.set_of(other)?;
    let result = if superset { vm.set_is_subset(other, s) } else { vm.set_is_subset(s, other) };
    vm.release(other);
    result.map(Value::from_bool)
}

fn set_issubset(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    set_inclusion(vm, args, "set.issubset", false)
}

fn set_issuperset(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    set_inclusion(vm, args, "set.issuperset", true)
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, other) = set_and_one(vm, args, "set.isdisjoint")?;
    let items = vm.collect(other)?;
    let mut result = Ok(Value::TRUE);
    for &item in &items {
        match vm.set_contains(s, item) {
            Ok(false) => {}
            Ok(true) => {
                result = Ok(Value::FALSE);
                break;
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.release_all(&items);
    result
}

// range, int, float

/// Where int-valued `x` sits in range `r`, if it is one of its values.
fn range_position(vm: &Vm, r: Value, x: Value) -> Option<i64> {
    let n = match vm.as_int(x) {
        Some(n) => n,
        None => {
            let f = vm.as_float(x)?;
            if !(f.is_finite() && libm::trunc(f) == f && f.abs() < 9.2e18) {
                return None;
            }
            f as i64
        }
    };
    let (start, stop, step) = vm.range_parts(r.as_object()?);
    let inside = if step > 0 { start <= n && n < stop } else { stop < n && n <= start };
    let offset = i128::from(n) - i128::from(start);
    (inside && offset % i128::from(step) == 0).then(|| (offset / i128::from(step)) as i64)
}

fn receiver_range(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first() {
        Some(&r) if vm.kind_of(r) == Some(Kind::Range) => Ok(r),
        _ => Err(Error::Type("descriptor requires a 'range' object")),
    }
}

fn range_index(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let r = receiver_range(vm, args)?;
    arity(vm, args, "range.index", 1, 1)?;
    match range_position(vm, r, args[1]) {
        Some(i) => vm.new_int(i),
        None if vm.as_int(args[1]).is_some() => {
            let text = format!("{} is not in range", vm.repr(args[1])?);
            Err(fail(vm, ExceptionType::ValueError, &text))
        }
        None => Err(Error::Value("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let r = receiver_range(vm, args)?;
    arity(vm, args, "range.count", 1, 1)?;
    Ok(Value::small_int(i64::from(range_position(vm, r, args[1]).is_some())).unwrap_or(Value::NONE))
}

fn int_bit_length(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = args.first().and_then(|&v| vm.as_int(v)).ok_or(Error::Type("descriptor requires an 'int' object"))?;
    arity(vm, args, "int.bit_length", 0, 0)?;
    vm.new_int(i64::from(64 - n.unsigned_abs().leading_zeros()))
}

fn receiver_float(vm: &Vm, args: &[Value]) -> Result<f64> {
    args.first().and_then(|&v| vm.as_float(v)).ok_or(Error::Type("descriptor requires a 'float' object"))
}

fn float_is_integer(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = receiver_float(vm, args)?;
    arity(vm, args, "float.is_integer", 0, 0)?;
    Ok(Value::from_bool(x.is_finite() && libm::trunc(x) == x))
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms (`OverflowError` when
/// a part exceeds mote's 64-bit ints).
fn float_as_integer_ratio(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = receiver_float(vm, args)?;
    arity(vm, args, "float.as_integer_ratio", 0, 0)?;
    if x.is_nan() {
        return Err(Error::Value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(Error::Overflow("cannot convert Infinity to integer ratio"));
    }
    let (numerator, denominator) = float_ratio(x)?;
    let n = vm.new_int(numerator)?;
    let d = match vm.new_int(denominator) {
        Ok(d) => d,
        Err(e) => {
            vm.release(n);
            return Err(e);
        }
    };
    let pair = vm.new_tuple(&[n, d]);
    vm.release_all(&[n, d]);
    pair
}

/// The lowest-terms `(numerator, denominator)` of a finite float.
fn float_ratio(x: f64) -> Result<(i64, i64)> {
    const TOO_BIG: Error = Error::Overflow("int too large for mote's 64-bit ints");
    if x == 0.0 {
        return Ok((0, 1));
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // x = mantissa * 2^power exactly.
    let (mut mantissa, mut power) =
        if exponent == 0 { (fraction, -1074) } else { (fraction | (1 << 52), exponent - 1075) };
    let shift = mantissa.trailing_zeros().min(power.unsigned_abs()) as i32;
    if power < 0 {
        mantissa >>= shift;
        power += shift;
    }
    let magnitude = i64::try_from(mantissa).map_err(|_| TOO_BIG)?;
    let signed = if x < 0.0 { -magnitude } else { magnitude };
    if power >= 0 {
        if power > 63 {
            return Err(TOO_BIG);
        }
        let scaled = i64::try_from(i128::from(signed) << power).map_err(|_| TOO_BIG)?;
        Ok((scaled, 1))
    } else {
        let denominator = 1i64.checked_shl(power.unsigned_abs()).filter(|_| power > -63).ok_or(TOO_BIG)?;
        Ok((signed, denominator))
    }
}

/// `seq.__contains__(x)`.
fn dunder_contains(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [container, item] = *args else { return Err(Error::Type("__contains__() takes exactly one argument")) };
    vm.contains_any(container, item).map(Value::from_bool)
}

/// `seq.__getitem__(key)`.
fn dunder_getitem(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [container, key] = *args else { return Err(Error::Type("__getitem__() takes exactly one argument")) };
    vm.get_item(container, key)
}

/// `seq.__add__(other)`.
fn dunder_add(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [a, b] = *args else { return Err(Error::Type("__add__() takes exactly one argument")) };
    vm.binary(Op::Add, a, b)
}

/// `cls.mro()`: the method resolution order as a list.
fn type_mro(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [class] = *args else { return Err(Error::Type("mro() takes no arguments")) };
    if vm.kind_of(class) != Some(Kind::Class) {
        return Err(Error::Type("descriptor 'mro' requires a 'type' object"));
    }
    let order = vm.class_mro(class);
    vm.new_list(&order)
}

/// `slice.indices(length)`.
fn slice_indices(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [s, length] = *args else { return Err(Error::Type("indices() takes exactly one argument")) };
    let length =
        vm.as_int(length).ok_or(Error::Type("slice indices must be integers or None or have an __index__ method"))?;
    vm.slice_indices_of(s, length)
}

/// What `send`/`throw` return: the yielded value, or StopIteration at the end.
fn after_resume(vm: &mut Vm, step: crate::generator::Resumed) -> Result<Value> {
    match step {
        crate::generator::Resumed::Yielded(v) => Ok(v),
        crate::generator::Resumed::Returned(v) => Err(vm.raise_stop_iteration(v)),
    }
}

fn generator_send(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [g, sent] = args else { return Err(Error::Type("send() takes exactly one argument")) };
    let step = vm.resume(*g, *sent, None)?;
    after_resume(vm, step)
}

fn generator_throw(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [g, thrown] = args else { return Err(Error::Type("throw() takes one exception argument")) };
    let exception = match vm.kind_of(*thrown) {
        Some(Kind::Exception) => {
            vm.incref(*thrown);
            *thrown
        }
        Some(Kind::Class) => vm.instantiate(*thrown, &[], &Keywords::default())?,
        _ => return Err(Error::Type("exceptions must derive from BaseException")),
    };
    let step = vm.resume(*g, Value::NONE, Some(exception))?;
    after_resume(vm, step)
}

fn function_close(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [f] = args else { return Err(Error::Type("close() takes no arguments")) };
    vm.close_function(*f)?;
    Ok(Value::NONE)
}

fn generator_close(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let g = *args.first().ok_or(Error::Type("close() takes no arguments"))?;
    vm.close_generator(g)?;
    Ok(Value::NONE)
}

/// A copy of property `args[0]` with function `args[1]` in `slot` (0 get, 1 set, 2 delete).
fn property_with(vm: &mut Vm, args: &[Value], slot: usize) -> Result<Value> {
    let [property, function] = args else { return Err(Error::Type("expected one function")) };
    let at = vm.object_of_kind(Kind::Wrapper, *property)?;
    let mut parts = [vm.heap.read_value(at + 8), vm.heap.read_value(at + 12), vm.heap.read_value(at + 16)];
    parts[slot] = *function;
    vm.new_wrapper(crate::types::WRAP_PROPERTY, parts)
}

fn property_getter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    property_with(vm, args, 2)
}

impl Vm {
    /// `d.update(source)` from a dict, or from an iterable of key/value pairs.
    pub(crate) fn dict_update(&mut self, d: Value, source: Value) -> Result<()> {
        let source = self.through_base(source);
        if self.kind_of(source) == Some(Kind::Dict) {
            let mut position = 0;
            let mut pairs = Vec::new();
            while let Some((key, value)) = self.dict_next(source, &mut position) {
                self.heap.incref(key);
                self.heap.incref(value);
                pairs.push(key);
                pairs.push(value);
            }
            let result = pairs.chunks(2).try_for_each(|pair| self.dict_set(d, pair[0], pair[1]));
            self.release_all(&pairs);
            return result;
        }
        let items = self.collect(source)?;
        let mut result = Ok(());
        for (n, &item) in items.iter().enumerate() {
            if let Err(e) = self.dict_update_pair(d, n, item) {
                result = Err(e);
                break;
            }
        }
        self.release_all(&items);
        result
    }

    /// Stores element `n` of a `dict.update` sequence: a pair (any iterable of two).
    fn dict_update_pair(&mut self, d: Value, n: usize, item: Value) -> Result<()> {
        let pair = match self.kind_of(item) {
            Some(Kind::Tuple | Kind::List) => {
                let items: Vec<Value> = (0..self.sequence_len(item)).map(|i| self.sequence_item(item, i)).collect();
                self.heap.incref(item);
                (items, item)
            }
            Some(
                Kind::Str | Kind::Set | Kind::Dict | Kind::DictView | Kind::Range | Kind::Instance | Kind::Generator,
            ) => (self.collect(item)?, Value::NULL),
            _ => {
                let text = format!("cannot convert dictionary update sequence element #{n} to a sequence");
                return Err(type_error(self, &text));
            }
        };
        let (items, holder) = pair;
        let result = if items.len() == 2 {
            self.dict_set(d, items[0], items[1])
        } else {
            let text = format!("dictionary update sequence element #{n} has length {}; 2 is required", items.len());
            Err(fail(self, ExceptionType::ValueError, &text))
        };
        if holder == Value::NULL {
            self.release_all(&items);
        } else {
            self.release(holder);
        }
        result
    }

    /// `d.copy()`: a new dict with the same entries.
    pub(crate) fn dict_copy(&mut self, d: Value) -> Result<Value> {
        let copy = self.new_dict()?;
        match self.dict_update(copy, d) {
            Ok(()) => Ok(copy),
            Err(e) => {
                self.release(copy);
                Err(e)
            }
        }
    }

    pub(crate) fn dict_view_flavor(&self, at: u32) -> ViewFlavor {
        match self.heap.flags(at) {
            0 => ViewFlavor::Keys,
            1 => ViewFlavor::Values,
            _ => ViewFlavor::Items,
        }
    }

    /// The dict a view shows (borrowed).
    pub(crate) fn dict_view_dict(&self, at: u32) -> Value {
        self.heap.read_value(at + 8)
    }

    /// Item `position` onwards of a view: what the view shows of the next live entry
    /// (owned), advancing `position`.
    pub(crate) fn dict_view_next(&mut self, view: u32, position: &mut u32) -> Result<Option<Value>> {
        let d = self.dict_view_dict(view);
        let Some((key, value)) = self.dict_next(d, position) else { return Ok(None) };
        Ok(Some(match self.dict_view_flavor(view) {
            ViewFlavor::Keys => {
                self.heap.incref(key);
                key
            }
            ViewFlavor::Values => {
                self.heap.incref(value);
                value
            }
            ViewFlavor::Items => self.new_tuple(&[key, value])?,
        }))
    }

    pub(crate) fn destroy_dict_view(&mut self, at: u32, dead: &mut DeadStack) {
        let d = self.heap.read_value(at + 8);
        dead.release(&mut self.heap, d);
        self.heap.free_object(at, Kind::DictView, DICT_VIEW_BYTES);
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::function::Keywords;
    use crate::object::Kind;
    use crate::test_support::{int, vm, TestVm};
    use crate::types::BuiltinType;
    use crate::Value;
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;

    /// `obj.name(*args)` the way the interpreter does it; returns repr of the result.
    fn call_method(vm: &mut TestVm, obj: Value, name: &str, args: &[Value]) -> alloc::string::String {
        vm.ensure_builtins().unwrap();
        let name = vm.intern_str(name).unwrap();
        let (function, receiver) = vm.get_method(obj, name).unwrap();
        assert_eq!(receiver, Some(obj));
        let mut all = alloc::vec![obj];
        all.extend_from_slice(args);
        let result = vm.call(function, &all).unwrap();
        let text = vm.repr(result).unwrap();
        vm.release_all(&[name, function, result]);
        text
    }

    /// A value to build for a test case (mirrors the Python literal the case was checked with).
    #[derive(Debug, Clone, Copy)]
    enum Spec {
        N,
        B(bool),
        I(i64),
        F(f64),
        S(&'static str),
        T(&'static [Spec]),
        L(&'static [Spec]),
        Set(&'static [Spec]),
        D(&'static [(Spec, Spec)]),
        R(i64, i64, i64),
        Class(BuiltinType),
    }
    use Spec::*;

    /// `(receiver, method, arguments, keywords, what python3 printed)`.
    type Case = (Spec, &'static str, &'static [Spec], &'static [(&'static str, Spec)], &'static str);

    /// Makes the value `spec` describes (owned).
    fn make(vm: &mut TestVm, spec: &Spec) -> Value {
        let many = |vm: &mut TestVm, specs: &[Spec]| specs.iter().map(|s| make(vm, s)).collect::<Vec<_>>();
        match *spec {
            N => Value::NONE,
            B(b) => Value::from_bool(b),
            I(n) => vm.new_int(n).unwrap(),
            F(x) => vm.new_float(x).unwrap(),
            S(text) => vm.new_str(text).unwrap(),
            T(items) | L(items) | Set(items) => {
                let items = many(vm, items);
                let made = match spec {
                    T(_) => vm.new_tuple(&items),
                    L(_) => vm.new_list(&items),
                    _ => vm.new_set(&items),
                };
                vm.release_all(&items);
                made.unwrap()
            }
            D(pairs) => {
                let d = vm.new_dict().unwrap();
                for (k, v) in pairs {
                    let (k, v) = (make(vm, k), make(vm, v));
                    vm.dict_set(d, k, v).unwrap();
                    vm.release_all(&[k, v]);
                }
                d
            }
            R(start, stop, step) => vm.new_range(start, stop, step).unwrap(),
            Class(ty) => {
                let class = vm.builtin_type(ty);
                vm.incref(class);
                class
            }
        }
    }

    /// repr, but a set shows as `sorted [...]` (by type name, then value), as the cases
    /// were printed: set order is not part of Python's contract.
    fn show(vm: &mut TestVm, v: Value) -> String {
        if vm.kind_of(v) != Some(Kind::Set) {
            return vm.repr(v).unwrap();
        }
        let mut items = Vec::new();
        let mut position = 0;
        while let Some(item) = vm.set_next(v, &mut position) {
            items.push(item);
        }
        items.sort_by(|&a, &b| vm.type_name_of(a).cmp(vm.type_name_of(b)));
        let mut start = 0;
        while start < items.len() {
            let name = String::from(vm.type_name_of(items[start]));
            let end = start + items[start..].iter().take_while(|&&x| vm.type_name_of(x) == name).count();
            vm.sort_values(&mut items[start..end]).unwrap();
            start = end;
        }
        let list = vm.new_list(&items).unwrap();
        let text = vm.repr(list).unwrap();
        vm.release(list);
        format!("sorted {text}")
    }

    /// Calls `receiver.method(*args, **keywords)` as the interpreter does and describes
    /// the outcome as the Python case printed it: the result (or `Type: message` of the
    /// exception), then ` | ` and the receiver when it is a list, dict or set.
    fn run_case(vm: &mut TestVm, case: &Case) -> String {
        let (receiver, method, args, keywords, _) = case;
        let obj = make(vm, receiver);
        let mut all = Vec::new();
        let name = vm.intern_str(method).unwrap();
        let (function, bound) = vm.get_method(obj, name).unwrap();
        all.extend(bound);
        all.extend(args.iter().map(|a| make(vm, a)));
        let names: Vec<Value> = keywords.iter().map(|(n, _)| vm.intern_str(n).unwrap()).collect();
        let values: Vec<Value> = keywords.iter().map(|(_, v)| make(vm, v)).collect();
        let result = vm.call_with_keywords(function, &all, &Keywords { names: &names, values: &values });
        let mut text = match result {
            Ok(v) => {
                let text = show(vm, v);
                vm.release(v);
                text
            }
            Err(e) => {
                assert_eq!(vm.raise_error(e), Error::Raised);
                let exception = vm.take_raised();
                let text = vm.format_exception(exception, &|_, _| None);
                vm.release(exception);
                String::from(text.trim_end().rsplit('\n').next().unwrap())
            }
        };
        if matches!(vm.kind_of(obj), Some(Kind::List | Kind::Dict | Kind::Set)) {
            text = format!("{text} | {}", show(vm, obj));
        }
        let skip = usize::from(bound.is_some());
        vm.release_all(&all[skip..]);
        vm.release_all(&names);
        vm.release_all(&values);
        vm.release_all(&[name, function, obj]);
        text
    }

    /// The heap in use once the builtins exist, the float cache left out (it keeps floats
    /// after their last release).
    fn builtins_installed(vm: &mut TestVm) -> u64 {
        vm.ensure_builtins().unwrap();
        in_use(vm)
    }

    /// Bytes in use but for the float cache and the intern table: VM-wide caches that may
    /// grow during a case without anything leaking.
    fn in_use(vm: &TestVm) -> u64 {
        vm.bytes_in_use()
            - vm.subsystem(crate::Subsystem::Float).live_bytes
            - vm.subsystem(crate::Subsystem::Intern).live_bytes
    }

    /// Runs every case, checking its outcome and that it left no byte behind.
    fn check_cases(vm: &mut TestVm, base: u64, cases: &[Case]) {
        for case in cases {
            let got = run_case(vm, case);
            assert_eq!(got, case.4, "{:?}.{}({:?}, **{:?})", case.0, case.1, case.2, case.3);
            assert_eq!(in_use(vm), base, "{:?}.{} leaked", case.0, case.1);
        }
    }

    #[test]
    fn str_methods_match_python() {
        let mut vm = vm();
        let s = vm.new_str("  a b  c ").unwrap();
        // python3 -c "print(repr('  a b  c '.split()), repr('  a b  c '.strip()), '  a b  c '.split(' ', 2))"
        assert_eq!(call_method(&mut vm, s, "split", &[]), "['a', 'b', 'c']");
        assert_eq!(call_method(&mut vm, s, "strip", &[]), "'a b  c'");
        let space = vm.new_str(" ").unwrap();
        assert_eq!(call_method(&mut vm, s, "split", &[space, int(2)]), "['', '', 'a b  c ']");
        let l = vm.new_list(&[space, s]).unwrap();
        let comma = vm.new_str(",").unwrap();
        assert_eq!(call_method(&mut vm, comma, "join", &[l]), "' ,  a b  c '");
        assert_eq!(call_method(&mut vm, s, "find", &[space]), "0");
        assert_eq!(call_method(&mut vm, s, "upper", &[]), "'  A B  C '");
        vm.release_all(&[s, space, l, comma]);
    }

    #[test]
    fn list_and_dict_methods_match_python() {
        let mut vm = vm();
        let l = vm.new_list(&[int(3), int(1), int(2)]).unwrap();
        call_method(&mut vm, l, "sort", &[]);
        call_method(&mut vm, l, "insert", &[int(-1), int(9)]);
        assert_eq!(vm.repr(l).unwrap(), "[1, 2, 9, 3]");
        assert_eq!(call_method(&mut vm, l, "pop", &[int(0)]), "1");
        assert_eq!(vm.repr(l).unwrap(), "[2, 9, 3]");
        let d = vm.new_dict().unwrap();
        let k = vm.new_str("k").unwrap();
        vm.dict_set(d, k, int(1)).unwrap();
        assert_eq!(call_method(&mut vm, d, "items", &[]), "dict_items([('k', 1)])");
        assert_eq!(call_method(&mut vm, d, "keys", &[]), "dict_keys(['k'])");
        assert_eq!(call_method(&mut vm, d, "get", &[int(5), int(0)]), "0");
        assert_eq!(call_method(&mut vm, d, "pop", &[k]), "1");
        assert_eq!(vm.repr(d).unwrap(), "{}");
        vm.release_all(&[l, d, k]);
    }

    #[test]
    fn every_value_has_a_class() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let int_class = vm.builtin_type(BuiltinType::Int);
        assert_eq!(vm.type_of(int(3)), int_class);
        assert!(vm.is_instance(Value::TRUE, int_class), "bool derives from int");
        assert_eq!(vm.type_name_of(Value::NONE), "NoneType");
        let s = vm.new_str("x").unwrap();
        let upper = vm.intern_str("upper").unwrap();
        let bound = vm.get_attribute(s, upper).unwrap();
        let result = vm.call(bound, &[]).unwrap();
        assert_eq!(vm.as_str(result), Some("X"));
        let missing = vm.intern_str("nope").unwrap();
        let e = vm.get_attribute(s, missing).unwrap_err();
        let e = vm.raise_error(e);
        assert_eq!(e, crate::Error::Raised);
        let exception = vm.take_raised();
        assert_eq!(
            vm.format_exception(exception, &|_, _| None),
            "AttributeError: 'str' object has no attribute 'nope'\n"
        );
        let made = vm.call(int_class, &[s]);
        assert!(made.is_err(), "int('x') is a ValueError");
        let raised = vm.take_raised();
        vm.release_all(&[s, upper, bound, result, missing, exception, raised]);
    }

    #[test]
    fn str_search_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (S("the cat sat on the mat"), "find", &[S("at")], &[], "5"),
            (S("the cat sat on the mat"), "find", &[S("at"), I(6)], &[], "9"),
            (S("the cat sat on the mat"), "find", &[S("at"), I(6), I(9)], &[], "-1"),
            (S("the cat sat on the mat"), "find", &[S("t"), I(-3)], &[], "21"),
            (S("abc"), "find", &[S(""), I(3)], &[], "3"),
            (S("abc"), "find", &[S(""), I(4)], &[], "-1"),
            (S("abc"), "find", &[S("c"), N, N], &[], "2"),
            (S("h\u{e9}llo w\u{f6}rld"), "find", &[S("\u{f6}")], &[], "7"),
            (S("h\u{e9}llo w\u{f6}rld"), "rfind", &[S("l")], &[], "9"),
            (S("h\u{e9}llo w\u{f6}rld"), "find", &[S("l"), I(4), I(-1)], &[], "9"),
            (S("the cat sat on the mat"), "rfind", &[S("at"), I(0), I(10)], &[], "5"),
            (S("abc"), "rfind", &[S(""), I(1)], &[], "3"),
            (S("the cat"), "index", &[S("cat")], &[], "4"),
            (S("the cat"), "index", &[S("dog")], &[], "ValueError: substring not found"),
            (S("the the"), "rindex", &[S("the")], &[], "4"),
            (S("abc"), "rindex", &[S("z")], &[], "ValueError: substring not found"),
            (S("abc"), "find", &[I(1)], &[], "TypeError: must be str, not int"),
            (
                S("abc"),
                "find",
                &[S("b"), S("x")],
                &[],
                "TypeError: slice indices must be integers or None or have an __index__ method",
            ),
            (S("abc"), "find", &[], &[], "TypeError: find() takes at least 1 argument (0 given)"),
            (S("aaaa"), "count", &[S("aa")], &[], "2"),
            (S("abc"), "count", &[S("")], &[], "4"),
            (S("abc"), "count", &[S(""), I(1)], &[], "3"),
            (S("abc"), "count", &[S(""), I(4)], &[], "0"),
            (S("banana"), "count", &[S("a"), I(2), I(-1)], &[], "1"),
            (S("player.png"), "startswith", &[S("player")], &[], "True"),
            (S("player.png"), "startswith", &[T(&[S("npc"), S("pla")])], &[], "True"),
            (S("player.png"), "startswith", &[S("png"), I(7)], &[], "True"),
            (S("player.png"), "endswith", &[S("player"), I(0), I(6)], &[], "True"),
            (S("abc"), "startswith", &[S(""), I(3)], &[], "True"),
            (S("abc"), "startswith", &[S(""), I(4)], &[], "False"),
            (
                S("abc"),
                "startswith",
                &[L(&[S("a")])],
                &[],
                "TypeError: startswith first arg must be str or a tuple of str, not list",
            ),
            (
                S("abc"),
                "endswith",
                &[T(&[S("x"), I(1)])],
                &[],
                "TypeError: tuple for endswith must only contain str, not int",
            ),
            (S("abc"), "endswith", &[S("c"), I(-1)], &[], "True"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn str_split_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (S("  a  b  c "), "split", &[], &[], "['a', 'b', 'c']"),
            (S("  a  b  "), "split", &[N, I(1)], &[], "['a', 'b  ']"),
            (S("  a  b  "), "rsplit", &[N, I(1)], &[], "['  a', 'b']"),
            (S("  a  b  "), "split", &[], &[("maxsplit", I(0))], "['a  b  ']"),
            (S("  a  b  "), "rsplit", &[], &[("maxsplit", I(0))], "['  a  b']"),
            (S("a,b,,c,"), "split", &[S(","), I(2)], &[], "['a', 'b', ',c,']"),
            (S("a,b,,c,"), "rsplit", &[S(","), I(2)], &[], "['a,b,', 'c', '']"),
            (S("a,b,c"), "rsplit", &[], &[("sep", S(",")), ("maxsplit", I(1))], "['a,b', 'c']"),
            (S("aaa"), "rsplit", &[S("aa")], &[], "['a', '']"),
            (S("a\u{1c}b\u{85}c"), "split", &[], &[], "['a', 'b', 'c']"),
            (S("abc"), "split", &[S("")], &[], "ValueError: empty separator"),
            (S("abc"), "rsplit", &[S("")], &[], "ValueError: empty separator"),
            (
                S("a b"),
                "split",
                &[S(" ")],
                &[("sep", S(" "))],
                "TypeError: argument for split() given by name ('sep') and position (1)",
            ),
            (S("a b"), "split", &[S(" "), I(1), I(2)], &[], "TypeError: split() takes at most 2 arguments (3 given)"),
            (S("a b"), "split", &[], &[("foo", I(1))], "TypeError: 'foo' is an invalid keyword argument for split()"),
            (S("a b"), "split", &[I(1)], &[], "TypeError: must be str or None, not int"),
            (S(""), "split", &[], &[], "[]"),
            (S(""), "split", &[S(",")], &[], "['']"),
            (
                S("l1\u{a}l2\u{d}\u{a}l3\u{d}l4\u{b}l5\u{c}l6\u{1c}l7\u{2028}l8\u{a}\u{a}end"),
                "splitlines",
                &[],
                &[],
                "['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', '', 'end']",
            ),
            (S("a\u{d}\u{a}b\u{a}"), "splitlines", &[B(true)], &[], "['a\\r\\n', 'b\\n']"),
            (S("a\u{a}b"), "splitlines", &[], &[("keepends", B(true))], "['a\\n', 'b']"),
            (S(""), "splitlines", &[], &[], "[]"),
            (S("\u{a}"), "splitlines", &[], &[], "['']"),
            (
                S("x"),
                "splitlines",
                &[],
                &[("foo", I(1))],
                "TypeError: 'foo' is an invalid keyword argument for splitlines()",
            ),
            (S("key=value=x"), "partition", &[S("=")], &[], "('key', '=', 'value=x')"),
            (S("key=value=x"), "rpartition", &[S("=")], &[], "('key=value', '=', 'x')"),
            (S("novalue"), "partition", &[S("=")], &[], "('novalue', '', '')"),
            (S("novalue"), "rpartition", &[S("=")], &[], "('', '', 'novalue')"),
            (S("abc"), "partition", &[S("")], &[], "ValueError: empty separator"),
            (S("abc"), "partition", &[I(1)], &[], "TypeError: must be str, not int"),
            (S("a\u{9}b"), "expandtabs", &[I(4)], &[], "'a   b'"),
            (S("ab\u{9}c"), "expandtabs", &[], &[], "'ab      c'"),
            (S("a\u{9}b\u{a}\u{9}c\u{d}\u{9}d"), "expandtabs", &[], &[("tabsize", I(3))], "'a  b\\n   c\\r   d'"),
            (S("a\u{9}b"), "expandtabs", &[I(-1)], &[], "'ab'"),
            (S("\u{e9}\u{9}x"), "expandtabs", &[I(4)], &[], "'\u{e9}   x'"),
            (S("-"), "join", &[L(&[S("a"), S("b"), S("c")])], &[], "'a-b-c'"),
            (S(", "), "join", &[S("xyz")], &[], "'x, y, z'"),
            (
                S(", "),
                "join",
                &[L(&[S("a"), I(1)])],
                &[],
                "TypeError: sequence item 1: expected str instance, int found",
            ),
            (S("abc"), "replace", &[S(""), S("-")], &[], "'-a-b-c-'"),
            (S("aaa"), "replace", &[S("a"), S("bb"), I(2)], &[], "'bbbba'"),
            (S("abc"), "replace", &[I(1), S("x")], &[], "TypeError: replace() argument 1 must be str, not int"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn str_predicates_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (S("123"), "isdigit", &[], &[], "True"),
            (S("123"), "isalpha", &[], &[], "False"),
            (S("123"), "isspace", &[], &[], "False"),
            (S("123"), "isalnum", &[], &[], "True"),
            (S("123"), "isdecimal", &[], &[], "True"),
            (S("123"), "isnumeric", &[], &[], "True"),
            (S("123"), "isidentifier", &[], &[], "False"),
            (S("123"), "isascii", &[], &[], "True"),
            (S("abc"), "isdigit", &[], &[], "False"),
            (S("abc"), "isalpha", &[], &[], "True"),
            (S("abc"), "isspace", &[], &[], "False"),
            (S("abc"), "isalnum", &[], &[], "True"),
            (S("abc"), "isdecimal", &[], &[], "False"),
            (S("abc"), "isnumeric", &[], &[], "False"),
            (S("abc"), "isidentifier", &[], &[], "True"),
            (S("abc"), "isascii", &[], &[], "True"),
            (S("abc123"), "isdigit", &[], &[], "False"),
            (S("abc123"), "isalpha", &[], &[], "False"),
            (S("abc123"), "isspace", &[], &[], "False"),
            (S("abc123"), "isalnum", &[], &[], "True"),
            (S("abc123"), "isdecimal", &[], &[], "False"),
            (S("abc123"), "isnumeric", &[], &[], "False"),
            (S("abc123"), "isidentifier", &[], &[], "True"),
            (S("abc123"), "isascii", &[], &[], "True"),
            (S(" \u{9}\u{a}"), "isdigit", &[], &[], "False"),
            (S(" \u{9}\u{a}"), "isalpha", &[], &[], "False"),
            (S(" \u{9}\u{a}"), "isspace", &[], &[], "True"),
            (S(" \u{9}\u{a}"), "isalnum", &[], &[], "False"),
            (S(" \u{9}\u{a}"), "isdecimal", &[], &[], "False"),
            (S(" \u{9}\u{a}"), "isnumeric", &[], &[], "False"),
            (S(" \u{9}\u{a}"), "isidentifier", &[], &[], "False"),
            (S(" \u{9}\u{a}"), "isascii", &[], &[], "True"),
            (S("\u{1c}"), "isdigit", &[], &[], "False"),
            (S("\u{1c}"), "isalpha", &[], &[], "False"),
            (S("\u{1c}"), "isspace", &[], &[], "True"),
            (S("\u{1c}"), "isalnum", &[], &[], "False"),
            (S("\u{1c}"), "isdecimal", &[], &[], "False"),
            (S("\u{1c}"), "isnumeric", &[], &[], "False"),
            (S("\u{1c}"), "isidentifier", &[], &[], "False"),
            (S("\u{1c}"), "isascii", &[], &[], "True"),
            (S(""), "isdigit", &[], &[], "False"),
            (S(""), "isalpha", &[], &[], "False"),
            (S(""), "isspace", &[], &[], "False"),
            (S(""), "isalnum", &[], &[], "False"),
            (S(""), "isdecimal", &[], &[], "False"),
            (S(""), "isnumeric", &[], &[], "False"),
            (S(""), "isidentifier", &[], &[], "False"),
            (S(""), "isascii", &[], &[], "True"),
            (S("a b"), "isdigit", &[], &[], "False"),
            (S("a b"), "isalpha", &[], &[], "False"),
            (S("a b"), "isspace", &[], &[], "False"),
            (S("a b"), "isalnum", &[], &[], "False"),
            (S("a b"), "isdecimal", &[], &[], "False"),
            (S("a b"), "isnumeric", &[], &[], "False"),
            (S("a b"), "isidentifier", &[], &[], "False"),
            (S("a b"), "isascii", &[], &[], "True"),
            (S("12.5"), "isdigit", &[], &[], "False"),
            (S("12.5"), "isalpha", &[], &[], "False"),
            (S("12.5"), "isspace", &[], &[], "False"),
            (S("12.5"), "isalnum", &[], &[], "False"),
            (S("12.5"), "isdecimal", &[], &[], "False"),
            (S("12.5"), "isnumeric", &[], &[], "False"),
            (S("12.5"), "isidentifier", &[], &[], "False"),
            (S("12.5"), "isascii", &[], &[], "True"),
            (S("Ab_1"), "isdigit", &[], &[], "False"),
            (S("Ab_1"), "isalpha", &[], &[], "False"),
            (S("Ab_1"), "isspace", &[], &[], "False"),
            (S("Ab_1"), "isalnum", &[], &[], "False"),
            (S("Ab_1"), "isdecimal", &[], &[], "False"),
            (S("Ab_1"), "isnumeric", &[], &[], "False"),
            (S("Ab_1"), "isidentifier", &[], &[], "True"),
            (S("Ab_1"), "isascii", &[], &[], "True"),
            (S("\u{e9}"), "isdigit", &[], &[], "False"),
            (S("\u{e9}"), "isalpha", &[], &[], "True"),
            (S("\u{e9}"), "isspace", &[], &[], "False"),
            (S("\u{e9}"), "isalnum", &[], &[], "True"),
            (S("\u{e9}"), "isdecimal", &[], &[], "False"),
            (S("\u{e9}"), "isnumeric", &[], &[], "False"),
            (S("\u{e9}"), "isidentifier", &[], &[], "True"),
            (S("\u{e9}"), "isascii", &[], &[], "False"),
            (S("\u{b2}"), "isdigit", &[], &[], "True"),
            (S("\u{b2}"), "isalpha", &[], &[], "False"),
            (S("\u{b2}"), "isspace", &[], &[], "False"),
            (S("\u{b2}"), "isalnum", &[], &[], "True"),
            (S("\u{b2}"), "isdecimal", &[], &[], "False"),
            (S("\u{b2}"), "isnumeric", &[], &[], "True"),
            (S("\u{b2}"), "isidentifier", &[], &[], "False"),
            (S("\u{b2}"), "isascii", &[], &[], "False"),
            (S("\u{4e94}"), "isdigit", &[], &[], "False"),
            (S("\u{4e94}"), "isalpha", &[], &[], "True"),
            (S("\u{4e94}"), "isspace", &[], &[], "False"),
            (S("\u{4e94}"), "isalnum", &[], &[], "True"),
            (S("\u{4e94}"), "isdecimal", &[], &[], "False"),
            (S("\u{4e94}"), "isnumeric", &[], &[], "True"),
            (S("\u{4e94}"), "isidentifier", &[], &[], "True"),
            (S("\u{4e94}"), "isascii", &[], &[], "False"),
            (S("\u{2167}"), "isdigit", &[], &[], "False"),
            (S("\u{2167}"), "isalpha", &[], &[], "False"),
            (S("\u{2167}"), "isspace", &[], &[], "False"),
            (S("\u{2167}"), "isalnum", &[], &[], "True"),
            (S("\u{2167}"), "isdecimal", &[], &[], "False"),
            (S("\u{2167}"), "isnumeric", &[], &[], "True"),
            (S("\u{2167}"), "isidentifier", &[], &[], "True"),
            (S("\u{2167}"), "isascii", &[], &[], "False"),
            (S("\u{663}"), "isdigit", &[], &[], "True"),
            (S("\u{663}"), "isalpha", &[], &[], "False"),
            (S("\u{663}"), "isspace", &[], &[], "False"),
            (S("\u{663}"), "isalnum", &[], &[], "True"),
            (S("\u{663}"), "isdecimal", &[], &[], "True"),
            (S("\u{663}"), "isnumeric", &[], &[], "True"),
            (S("\u{663}"), "isidentifier", &[], &[], "False"),
            (S("\u{663}"), "isascii", &[], &[], "False"),
            (S("ABC"), "isupper", &[], &[], "True"),
            (S("ABC"), "islower", &[], &[], "False"),
            (S("ABC"), "istitle", &[], &[], "False"),
            (S("abc"), "isupper", &[], &[], "False"),
            (S("abc"), "islower", &[], &[], "True"),
            (S("abc"), "istitle", &[], &[], "False"),
            (S("Title Case"), "isupper", &[], &[], "False"),
            (S("Title Case"), "islower", &[], &[], "False"),
            (S("Title Case"), "istitle", &[], &[], "True"),
            (S("aBc"), "isupper", &[], &[], "False"),
            (S("aBc"), "islower", &[], &[], "False"),
            (S("aBc"), "istitle", &[], &[], "False"),
            (S("A1"), "isupper", &[], &[], "True"),
            (S("A1"), "islower", &[], &[], "False"),
            (S("A1"), "istitle", &[], &[], "True"),
            (S("1"), "isupper", &[], &[], "False"),
            (S("1"), "islower", &[], &[], "False"),
            (S("1"), "istitle", &[], &[], "False"),
            (S("\u{1c5}ungla"), "isupper", &[], &[], "False"),
            (S("\u{1c5}ungla"), "islower", &[], &[], "False"),
            (S("\u{1c5}ungla"), "istitle", &[], &[], "True"),
            (S("Hello World"), "isupper", &[], &[], "False"),
            (S("Hello World"), "islower", &[], &[], "False"),
            (S("Hello World"), "istitle", &[], &[], "True"),
            (S("hello World"), "isupper", &[], &[], "False"),
            (S("hello World"), "islower", &[], &[], "False"),
            (S("hello World"), "istitle", &[], &[], "False"),
            (S("They'Re"), "isupper", &[], &[], "False"),
            (S("They'Re"), "islower", &[], &[], "False"),
            (S("They'Re"), "istitle", &[], &[], "True"),
            (S(""), "isupper", &[], &[], "False"),
            (S(""), "islower", &[], &[], "False"),
            (S(""), "istitle", &[], &[], "False"),
            (S("x"), "isdigit", &[I(1)], &[], "TypeError: str.isdigit() takes no arguments (1 given)"),
            (S("x"), "upper", &[I(1)], &[], "TypeError: str.upper() takes no arguments (1 given)"),
            (S("1x"), "isidentifier", &[], &[], "False"),
            (S("_"), "isidentifier", &[], &[], "True"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn str_case_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (S("hello World of gAMES"), "title", &[], &[], "'Hello World Of Games'"),
            (S("they're bill's friends"), "title", &[], &[], "\"They'Re Bill'S Friends\""),
            (S("hello-world foo_bar 2nd"), "title", &[], &[], "'Hello-World Foo_Bar 2Nd'"),
            (S("\u{1c6}a \u{df}x \u{fb01}o \u{1f3}"), "title", &[], &[], "'\u{1c5}a Ssx Fio \u{1f2}'"),
            (S("\u{391}\u{3a3} \u{3a3}\u{391}\u{3a3}"), "title", &[], &[], "'\u{391}\u{3c2} \u{3a3}\u{3b1}\u{3c2}'"),
            (S("hello World"), "capitalize", &[], &[], "'Hello world'"),
            (S("\u{391}\u{3a3}"), "capitalize", &[], &[], "'\u{391}\u{3c2}'"),
            (S("\u{df}a"), "capitalize", &[], &[], "'Ssa'"),
            (S("\u{1c6}A"), "capitalize", &[], &[], "'\u{1c5}a'"),
            (S(""), "capitalize", &[], &[], "''"),
            (S("hello World"), "swapcase", &[], &[], "'HELLO wORLD'"),
            (S("\u{391}\u{3a3} \u{3a3}"), "swapcase", &[], &[], "'\u{3b1}\u{3c2} \u{3c3}'"),
            (S("\u{1c5}"), "swapcase", &[], &[], "'\u{1c5}'"),
            (
                S("Stra\u{df}e \u{3a3}\u{391}\u{3a3} \u{fb01} \u{13a0}\u{ab70} \u{1f88}"),
                "casefold",
                &[],
                &[],
                "'strasse \u{3c3}\u{3b1}\u{3c3} fi \u{13a0}\u{13a0} \u{1f00}\u{3b9}'",
            ),
            (S("\u{c9}COLE"), "lower", &[], &[], "'\u{e9}cole'"),
            (S("\u{df}"), "upper", &[], &[], "'SS'"),
            (S("hi"), "center", &[I(6)], &[], "'  hi  '"),
            (S("hi"), "center", &[I(7)], &[], "'   hi  '"),
            (S("hi"), "center", &[I(7), S("*")], &[], "'***hi**'"),
            (S("odd"), "center", &[I(6), S("-")], &[], "'-odd--'"),
            (S("x"), "center", &[I(4)], &[], "' x  '"),
            (S("abc"), "center", &[I(8)], &[], "'  abc   '"),
            (S("toolong"), "center", &[I(3)], &[], "'toolong'"),
            (S("left"), "ljust", &[I(8)], &[], "'left    '"),
            (S("right"), "rjust", &[I(8)], &[], "'   right'"),
            (S("ab"), "ljust", &[I(5), S(".")], &[], "'ab...'"),
            (S("ab"), "rjust", &[I(5), S("\u{e9}")], &[], "'\u{e9}\u{e9}\u{e9}ab'"),
            (S("abc"), "center", &[], &[], "TypeError: center expected at least 1 argument, got 0"),
            (
                S("abc"),
                "center",
                &[I(5), S("xy")],
                &[],
                "TypeError: The fill character must be exactly one character long",
            ),
            (S("abc"), "center", &[S("a")], &[], "TypeError: 'str' object cannot be interpreted as an integer"),
            (
                S("abc"),
                "center",
                &[I(5), I(1)],
                &[],
                "TypeError: The fill character must be a unicode character, not int",
            ),
            (S("42"), "zfill", &[I(5)], &[], "'00042'"),
            (S("-42"), "zfill", &[I(5)], &[], "'-0042'"),
            (S("+7"), "zfill", &[I(4)], &[], "'+007'"),
            (S("abc"), "zfill", &[I(2)], &[], "'abc'"),
            (S(""), "zfill", &[I(3)], &[], "'000'"),
            (S("-"), "zfill", &[I(3)], &[], "'-00'"),
            (S("abc"), "zfill", &[], &[], "TypeError: str.zfill() takes exactly one argument (0 given)"),
            (S("#comment"), "removeprefix", &[S("#")], &[], "'comment'"),
            (S("file.py"), "removesuffix", &[S(".py")], &[], "'file'"),
            (S("x"), "removeprefix", &[S("y")], &[], "'x'"),
            (S("abc"), "removeprefix", &[I(1)], &[], "TypeError: removeprefix() argument must be str, not int"),
            (S("  hi \u{1c}"), "strip", &[], &[], "'hi'"),
            (S("xxhixx"), "strip", &[S("x")], &[], "'hi'"),
            (S("www.a.com"), "lstrip", &[S("w.")], &[], "'a.com'"),
            (S("x"), "strip", &[I(1)], &[], "TypeError: strip arg must be None or str"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn str_translate_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (Class(BuiltinType::Str), "maketrans", &[S("abc"), S("xyz")], &[], "{97: 120, 98: 121, 99: 122}"),
            (Class(BuiltinType::Str), "maketrans", &[S("ab"), S("xy"), S("c")], &[], "{97: 120, 98: 121, 99: None}"),
            (
                Class(BuiltinType::Str),
                "maketrans",
                &[D(&[(S("a"), S("4")), (S("o"), N), (I(101), S("E"))])],
                &[],
                "{97: '4', 111: None, 101: 'E'}",
            ),
            (
                Class(BuiltinType::Str),
                "maketrans",
                &[S("ab"), S("x")],
                &[],
                "ValueError: the first two maketrans arguments must have equal length",
            ),
            (
                Class(BuiltinType::Str),
                "maketrans",
                &[I(1)],
                &[],
                "TypeError: if you give only one argument to maketrans it must be a dict",
            ),
            (
                Class(BuiltinType::Str),
                "maketrans",
                &[D(&[(S("ab"), I(1))])],
                &[],
                "ValueError: string keys in translate table must be of length 1",
            ),
            (
                Class(BuiltinType::Str),
                "maketrans",
                &[],
                &[],
                "TypeError: maketrans expected at least 1 argument, got 0",
            ),
            (S("leet code"), "translate", &[D(&[(I(97), S("4")), (I(101), S("3")), (I(111), N)])], &[], "'l33t cd3'"),
            (S("abc"), "translate", &[D(&[(I(97), I(120)), (I(98), S("yy"))])], &[], "'xyyc'"),
            (
                S("abc"),
                "translate",
                &[D(&[(I(97), F(1.5))])],
                &[],
                "TypeError: character mapping must return integer, None or str",
            ),
            (
                S("abc"),
                "translate",
                &[D(&[(I(97), I(-1))])],
                &[],
                "ValueError: character mapping must be in range(0x110000)",
            ),
            (S("abc"), "translate", &[L(&[S("x"), S("y")])], &[], "'abc'"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn list_methods_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (L(&[I(3), I(1), I(3), I(2), I(3)]), "remove", &[I(3)], &[], "None | [1, 3, 2, 3]"),
            (L(&[I(1)]), "remove", &[I(9)], &[], "ValueError: list.remove(x): x not in list | [1]"),
            (L(&[I(1), S("a")]), "remove", &[S("a")], &[], "None | [1]"),
            (L(&[]), "remove", &[], &[], "TypeError: list.remove() takes exactly one argument (0 given) | []"),
            (
                L(&[S("a"), S("b"), S("c"), S("b"), S("a"), S("b")]),
                "index",
                &[S("b")],
                &[],
                "1 | ['a', 'b', 'c', 'b', 'a', 'b']",
            ),
            (
                L(&[S("a"), S("b"), S("c"), S("b"), S("a"), S("b")]),
                "index",
                &[S("b"), I(2)],
                &[],
                "3 | ['a', 'b', 'c', 'b', 'a', 'b']",
            ),
            (
                L(&[S("a"), S("b"), S("c"), S("b"), S("a"), S("b")]),
                "index",
                &[S("a"), I(1), I(5)],
                &[],
                "4 | ['a', 'b', 'c', 'b', 'a', 'b']",
            ),
            (L(&[I(1), I(2), I(3)]), "index", &[I(3), I(0), I(-1)], &[], "ValueError: 3 is not in list | [1, 2, 3]"),
            (L(&[I(1), I(2), I(3), I(2)]), "index", &[I(2), I(-2)], &[], "3 | [1, 2, 3, 2]"),
            (L(&[S("a")]), "index", &[S("zz")], &[], "ValueError: 'zz' is not in list | ['a']"),
            (
                L(&[I(1)]),
                "index",
                &[I(1), S("a")],
                &[],
                "TypeError: slice indices must be integers or have an __index__ method | [1]",
            ),
            (
                L(&[I(1)]),
                "index",
                &[I(1), N],
                &[],
                "TypeError: slice indices must be integers or have an __index__ method | [1]",
            ),
            (L(&[I(1), F(1.0), B(true)]), "count", &[I(1)], &[], "3 | [1, 1.0, True]"),
            (L(&[S("b"), S("z")]), "count", &[S("z")], &[], "1 | ['b', 'z']"),
            (L(&[]), "count", &[], &[], "TypeError: list.count() takes exactly one argument (0 given) | []"),
            (L(&[I(1)]), "extend", &[S("ab")], &[], "None | [1, 'a', 'b']"),
            (L(&[I(1)]), "extend", &[T(&[I(2), I(3)])], &[], "None | [1, 2, 3]"),
            (L(&[I(1)]), "extend", &[D(&[(S("k"), I(1))])], &[], "None | [1, 'k']"),
            (L(&[I(1)]), "extend", &[I(5)], &[], "TypeError: 'int' object is not iterable | [1]"),
            (
                L(&[I(1), I(2)]),
                "pop",
                &[S("a")],
                &[],
                "TypeError: 'str' object cannot be interpreted as an integer | [1, 2]",
            ),
            (
                L(&[I(2), I(1)]),
                "sort",
                &[],
                &[("foo", I(1))],
                "TypeError: 'foo' is an invalid keyword argument for sort() | [2, 1]",
            ),
            (L(&[]), "insert", &[I(1)], &[], "TypeError: insert expected 2 arguments, got 1 | []"),
            (L(&[I(1), I(2)]), "copy", &[], &[], "[1, 2] | [1, 2]"),
            (L(&[I(1), I(2)]), "reverse", &[], &[], "None | [2, 1]"),
            (L(&[I(1), I(2)]), "clear", &[], &[], "None | []"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn tuple_methods_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (T(&[I(1), I(2), I(3), I(2), I(1), I(2)]), "count", &[I(2)], &[], "3"),
            (T(&[I(1), I(2), I(3), I(2), I(1), I(2)]), "count", &[I(9)], &[], "0"),
            (T(&[I(1), I(2), I(3), I(2), I(1), I(2)]), "index", &[I(3)], &[], "2"),
            (T(&[I(1), I(2), I(3), I(2), I(1), I(2)]), "index", &[I(2), I(2)], &[], "3"),
            (
                T(&[I(1), I(2), I(3), I(2), I(1), I(2)]),
                "index",
                &[I(2), I(2), I(3)],
                &[],
                "ValueError: tuple.index(x): x not in tuple",
            ),
            (T(&[I(1), I(2)]), "index", &[I(3)], &[], "ValueError: tuple.index(x): x not in tuple"),
            (T(&[]), "count", &[], &[], "TypeError: tuple.count() takes exactly one argument (0 given)"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn dict_methods_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (D(&[(S("x"), I(1)), (S("y"), I(2)), (S("z"), I(3))]), "popitem", &[], &[], "('z', 3) | {'x': 1, 'y': 2}"),
            (D(&[]), "popitem", &[], &[], "KeyError: 'popitem(): dictionary is empty' | {}"),
            (
                D(&[(S("x"), I(1))]),
                "update",
                &[D(&[(S("y"), I(20)), (S("w"), I(0))])],
                &[],
                "None | {'x': 1, 'y': 20, 'w': 0}",
            ),
            (D(&[(S("x"), I(1))]), "update", &[], &[("v", I(5)), ("x", I(10))], "None | {'x': 10, 'v': 5}"),
            (
                D(&[(S("x"), I(1))]),
                "update",
                &[L(&[T(&[S("u"), I(-1)]), S("ab")])],
                &[],
                "None | {'x': 1, 'u': -1, 'a': 'b'}",
            ),
            (D(&[]), "update", &[I(1)], &[], "TypeError: 'int' object is not iterable | {}"),
            (
                D(&[]),
                "update",
                &[L(&[I(1)])],
                &[],
                "TypeError: cannot convert dictionary update sequence element #0 to a sequence | {}",
            ),
            (
                D(&[]),
                "update",
                &[L(&[T(&[I(1), I(2), I(3)])])],
                &[],
                "ValueError: dictionary update sequence element #0 has length 3; 2 is required | {}",
            ),
            (
                D(&[]),
                "update",
                &[D(&[(I(1), I(2))]), D(&[(I(3), I(4))])],
                &[],
                "TypeError: update expected at most 1 argument, got 2 | {}",
            ),
            (D(&[(S("a"), L(&[I(1)]))]), "copy", &[], &[], "{'a': [1]} | {'a': [1]}"),
            (Class(BuiltinType::Dict), "fromkeys", &[S("abc")], &[], "{'a': None, 'b': None, 'c': None}"),
            (Class(BuiltinType::Dict), "fromkeys", &[L(&[S("k1"), S("k2")]), I(0)], &[], "{'k1': 0, 'k2': 0}"),
            (Class(BuiltinType::Dict), "fromkeys", &[I(1)], &[], "TypeError: 'int' object is not iterable"),
            (Class(BuiltinType::Dict), "fromkeys", &[], &[], "TypeError: fromkeys expected at least 1 argument, got 0"),
            (
                Class(BuiltinType::Dict),
                "fromkeys",
                &[L(&[I(1)]), I(2), I(3)],
                &[],
                "TypeError: fromkeys expected at most 2 arguments, got 3",
            ),
            (D(&[(S("a"), I(1))]), "setdefault", &[S("a"), I(100)], &[], "1 | {'a': 1}"),
            (D(&[(S("a"), I(1))]), "setdefault", &[S("b")], &[], "None | {'a': 1, 'b': None}"),
            (D(&[(S("a"), I(1))]), "pop", &[S("zz"), S("d")], &[], "'d' | {'a': 1}"),
            (D(&[(S("a"), I(1))]), "pop", &[S("zz")], &[], "KeyError: 'zz' | {'a': 1}"),
            (D(&[(S("a"), I(1))]), "get", &[], &[], "TypeError: get expected at least 1 argument, got 0 | {'a': 1}"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn set_methods_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (Set(&[I(1), I(2)]), "remove", &[I(2)], &[], "None | sorted [1]"),
            (Set(&[I(1)]), "remove", &[I(42)], &[], "KeyError: 42 | sorted [1]"),
            (Set(&[I(1)]), "remove", &[L(&[I(1)])], &[], "TypeError: unhashable type: 'list' | sorted [1]"),
            (Set(&[S("only")]), "pop", &[], &[], "'only' | sorted []"),
            (Set(&[]), "pop", &[], &[], "KeyError: 'pop from an empty set' | sorted []"),
            (Set(&[I(1), I(2)]), "clear", &[], &[], "None | sorted []"),
            (Set(&[I(1), I(2)]), "copy", &[], &[], "sorted [1, 2] | sorted [1, 2]"),
            (Set(&[I(3)]), "update", &[L(&[I(5), I(6)]), T(&[I(7)]), S("a")], &[], "None | sorted [3, 5, 6, 7, 'a']"),
            (Set(&[I(1)]), "update", &[I(1)], &[], "TypeError: 'int' object is not iterable | sorted [1]"),
            (
                Set(&[I(1), I(2), I(3), I(4)]),
                "union",
                &[Set(&[I(3), I(4), I(5)])],
                &[],
                "sorted [1, 2, 3, 4, 5] | sorted [1, 2, 3, 4]",
            ),
            (Set(&[I(1)]), "union", &[L(&[I(9)]), T(&[I(10)])], &[], "sorted [1, 9, 10] | sorted [1]"),
            (Set(&[I(1), I(2)]), "union", &[], &[], "sorted [1, 2] | sorted [1, 2]"),
            (Set(&[I(1), I(2), I(3), I(4)]), "intersection", &[R(0, 3, 1)], &[], "sorted [1, 2] | sorted [1, 2, 3, 4]"),
            (
                Set(&[I(1), I(2), I(3)]),
                "intersection",
                &[Set(&[I(2), I(3), I(4)]), L(&[I(3)])],
                &[],
                "sorted [3] | sorted [1, 2, 3]",
            ),
            (
                Set(&[I(1), I(2), I(3), I(4)]),
                "difference",
                &[S("ab"), Set(&[I(1)])],
                &[],
                "sorted [2, 3, 4] | sorted [1, 2, 3, 4]",
            ),
            (
                Set(&[I(1), I(2), I(3), I(4)]),
                "symmetric_difference",
                &[Set(&[I(3), I(4), I(5)])],
                &[],
                "sorted [1, 2, 5] | sorted [1, 2, 3, 4]",
            ),
            (
                Set(&[I(1), I(2)]),
                "symmetric_difference",
                &[],
                &[],
                "TypeError: set.symmetric_difference() takes exactly one argument (0 given) | sorted [1, 2]",
            ),
            (Set(&[I(1), I(2), I(3)]), "intersection_update", &[Set(&[I(2), I(3), I(4)])], &[], "None | sorted [2, 3]"),
            (Set(&[I(1), I(2), I(3)]), "difference_update", &[Set(&[I(3)]), L(&[I(1)])], &[], "None | sorted [2]"),
            (Set(&[I(1), I(2)]), "symmetric_difference_update", &[L(&[I(2), I(8), I(8)])], &[], "None | sorted [1, 8]"),
            (Set(&[I(1), I(2)]), "issubset", &[Set(&[I(1), I(2), I(3)])], &[], "True | sorted [1, 2]"),
            (Set(&[I(1), I(2)]), "issubset", &[L(&[I(1), I(2), I(5)])], &[], "True | sorted [1, 2]"),
            (Set(&[I(1), I(2), I(3)]), "issubset", &[Set(&[I(1), I(2)])], &[], "False | sorted [1, 2, 3]"),
            (Set(&[I(1), I(2), I(3)]), "issuperset", &[L(&[I(1), I(2)])], &[], "True | sorted [1, 2, 3]"),
            (Set(&[I(1), I(2)]), "isdisjoint", &[Set(&[I(7), I(8)])], &[], "True | sorted [1, 2]"),
            (Set(&[I(1), I(2)]), "isdisjoint", &[L(&[I(2)])], &[], "False | sorted [1, 2]"),
            (Set(&[I(1)]), "issubset", &[I(1)], &[], "TypeError: 'int' object is not iterable | sorted [1]"),
            (Set(&[I(1)]), "isdisjoint", &[L(&[L(&[I(1)])])], &[], "TypeError: unhashable type: 'list' | sorted [1]"),
            (Set(&[I(1)]), "add", &[], &[], "TypeError: set.add() takes exactly one argument (0 given) | sorted [1]"),
        ];
        check_cases(&mut vm, base, cases);
    }

    #[test]
    fn numbers_match_python() {
        let mut vm = vm();
        let base = builtins_installed(&mut vm);
        let cases: &[Case] = &[
            (I(5), "bit_length", &[], &[], "3"),
            (I(255), "bit_length", &[], &[], "8"),
            (I(0), "bit_length", &[], &[], "0"),
            (I(-5), "bit_length", &[], &[], "3"),
            (B(true), "bit_length", &[], &[], "1"),
            (I(-4611686018427387904), "bit_length", &[], &[], "63"),
            (I(1), "bit_length", &[I(1)], &[], "TypeError: int.bit_length() takes no arguments (1 given)"),
            (F(2.0), "is_integer", &[], &[], "True"),
            (F(2.5), "is_integer", &[], &[], "False"),
            (F(-0.0), "is_integer", &[], &[], "True"),
            (F(f64::INFINITY), "is_integer", &[], &[], "False"),
            (F(0.5), "as_integer_ratio", &[], &[], "(1, 2)"),
            (F(2.75), "as_integer_ratio", &[], &[], "(11, 4)"),
            (F(-3.0), "as_integer_ratio", &[], &[], "(-3, 1)"),
            (F(0.1), "as_integer_ratio", &[], &[], "(3602879701896397, 36028797018963968)"),
            (F(0.0), "as_integer_ratio", &[], &[], "(0, 1)"),
            (F(f64::NAN), "as_integer_ratio", &[], &[], "ValueError: cannot convert NaN to integer ratio"),
            (
                F(f64::NEG_INFINITY),
                "as_integer_ratio",
                &[],
                &[],
                "OverflowError: cannot convert Infinity to integer ratio",
            ),
            // mote ints are 64-bit; Python prints a 301-digit numerator.
            (F(1e300), "as_integer_ratio", &[], &[], "OverflowError: int too large for mote's 64-bit ints"),
            (F(4.611686018427388e+18), "as_integer_ratio", &[], &[], "(4611686018427387904, 1)"),
            (R(2, 20, 3), "index", &[I(8)], &[], "2"),
            (R(2, 20, 3), "index", &[I(9)], &[], "ValueError: 9 is not in range"),
            (R(0, 5, 1), "index", &[F(2.0)], &[], "2"),
            (R(0, 5, 1), "index", &[S("a")], &[], "ValueError: sequence.index(x): x not in sequence"),
            (R(0, 5, 1), "index", &[B(true)], &[], "1"),
            (R(10, 0, -2), "index", &[I(4)], &[], "3"),
            (R(2, 20, 3), "count", &[I(11)], &[], "1"),
            (R(0, 5, 1), "count", &[F(2.0)], &[], "1"),
            (R(0, 5, 1), "count", &[S("a")], &[], "0"),
            (R(0, 5, 1), "count", &[I(7)], &[], "0"),
        ];
        check_cases(&mut vm, base, cases);
    }
}
