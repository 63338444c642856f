//! The `builtins` namespace: the functions every script can call without importing.
//!
//! Each builtin is a [`NativeFn`](crate::function::NativeFn) over borrowed arguments,
//! returning an owned result. They work on the built-in types through the same object
//! API the host uses. The namespace is a dict in the script heap, made once per VM, the
//! first time code runs (a VM that never runs code pays nothing for it).

use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::function::{Keywords, NativeFn, NativeKeywordFn};
use crate::object::Kind;
use crate::output::Stream;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Every builtin function, by name.
const BUILTINS: &[(&str, NativeFn)] = &[
    ("len", builtin_len),
    ("repr", builtin_repr),
    ("ascii", builtin_ascii),
    ("abs", builtin_abs),
    ("any", builtin_any),
    ("all", builtin_all),
    ("chr", builtin_chr),
    ("ord", builtin_ord),
    ("isinstance", builtin_isinstance),
    ("issubclass", builtin_issubclass),
    ("getattr", builtin_getattr),
    ("hasattr", builtin_hasattr),
    ("setattr", builtin_setattr),
    ("delattr", builtin_delattr),
    ("vars", builtin_vars),
    ("id", builtin_id),
    ("iter", builtin_iter),
    ("next", builtin_next),
    ("hash", builtin_hash),
    ("callable", builtin_callable),
    ("divmod", builtin_divmod),
    ("hex", builtin_hex),
    ("oct", builtin_oct),
    ("bin", builtin_bin),
    ("format", builtin_format),
];

/// Builtin functions that take keyword arguments.
const BUILTINS_WITH_KEYWORDS: &[(&str, NativeKeywordFn)] = &[
    ("print", builtin_print),
    ("sorted", builtin_sorted),
    ("min", builtin_min),
    ("max", builtin_max),
    ("sum", builtin_sum),
    ("round", builtin_round),
    ("pow", builtin_pow),
];

/// What calling a built-in class does.
const CONSTRUCTORS: &[(BuiltinType, &str, NativeFn)] = &[
    (BuiltinType::Type, "type", builtin_type),
    (BuiltinType::Int, "int", builtin_int),
    (BuiltinType::Bool, "bool", builtin_bool),
    (BuiltinType::Float, "float", builtin_float),
    (BuiltinType::Str, "str", builtin_str),
    (BuiltinType::Tuple, "tuple", builtin_tuple),
    (BuiltinType::List, "list", builtin_list),
    (BuiltinType::Set, "set", builtin_set),
    (BuiltinType::FrozenSet, "frozenset", builtin_frozenset),
    (BuiltinType::Range, "range", builtin_range),
    (BuiltinType::Slice, "slice", builtin_slice),
    (BuiltinType::Super, "super", builtin_super),
    (BuiltinType::StaticMethod, "staticmethod", builtin_staticmethod),
    (BuiltinType::ClassMethod, "classmethod", builtin_classmethod),
    (BuiltinType::Property, "property", builtin_property),
    (BuiltinType::Map, "map", builtin_map),
    (BuiltinType::Filter, "filter", builtin_filter),
    (BuiltinType::Reversed, "reversed", builtin_reversed),
];

/// Built-in classes whose constructor takes keyword arguments.
const CONSTRUCTORS_WITH_KEYWORDS: &[(BuiltinType, &str, NativeKeywordFn)] = &[
    (BuiltinType::Dict, "dict", builtin_dict),
    (BuiltinType::Enumerate, "enumerate", builtin_enumerate),
    (BuiltinType::Zip, "zip", builtin_zip),
];

impl Vm {
    /// Makes the builtins dict if this VM does not have it yet.
    pub(crate) fn ensure_builtins(&mut self) -> Result<()> {
        if self.builtins != Value::NULL {
            return Ok(());
        }
        let dict = self.new_namespace_dict()?;
        if let Err(e) = self.install_classes(dict) {
            self.release(dict);
            return Err(e);
        }
        if let Err(e) = self.dict_set_str(dict, "NotImplemented", Value::NOT_IMPLEMENTED) {
            self.release(dict);
            return Err(e);
        }
        let positional = BUILTINS.iter().map(|&(name, f)| (name, crate::function::NativeCode::Positional(f)));
        let keyword =
            BUILTINS_WITH_KEYWORDS.iter().map(|&(name, f)| (name, crate::function::NativeCode::WithKeywords(f)));
        let all: Vec<(&str, crate::function::NativeCode)> = positional.chain(keyword).collect();
        for (name, code) in all {
            let made = self.new_native_code(name, code).and_then(|f| {
                let key = self.intern_str(name);
                let stored = key.and_then(|k| {
                    let r = self.dict_set(dict, k, f);
                    self.release(k);
                    r
                });
                self.release(f);
                stored
            });
            if let Err(e) = made {
                self.release(dict);
                return Err(e);
            }
        }
        self.builtins = dict;
        Ok(())
    }

    /// Makes the built-in and exception classes, names them in `dict`, and makes the
    /// spare MemoryError.
    fn install_classes(&mut self, dict: Value) -> Result<()> {
        if self.builtin_types.is_empty() {
            self.make_builtin_types(CONSTRUCTORS, crate::methods::METHODS)?;
            for &(ty, name, f) in CONSTRUCTORS_WITH_KEYWORDS {
                let native = self.new_native_with_keywords(name, f)?;
                let set = self.set_class_constructor(self.builtin_type(ty), native);
                self.release(native);
                set?;
            }
            self.install_frozenset_methods()?;
            self.install_text_stream_type()?;
        }
        if self.exception_classes.is_empty() {
            self.make_exception_classes()?;
        }
        let named_types =
            BuiltinType::ALL.into_iter().filter(|t| t.is_named_builtin()).map(|t| (t.name(), self.builtin_type(t)));
        let exceptions = crate::exception::ExceptionType::ALL.into_iter().map(|t| (t.name(), self.exception_class(t)));
        let classes: Vec<(&str, Value)> = named_types.chain(exceptions).collect();
        for (name, class) in classes {
            let key = self.intern_str(name)?;
            let stored = self.dict_set(dict, key, class);
            self.release(key);
            stored?;
        }
        if self.memory_error == Value::NULL {
            let class = self.exception_class(crate::exception::ExceptionType::MemoryError);
            self.memory_error = self.new_exception(class, &[])?;
        }
        Ok(())
    }

    /// Writes to the host's output, if it gave one.
    pub fn write_output(&mut self, stream: Stream, text: &str) {
        if let Some(out) = self.output.as_mut() {
            out.write(stream, text);
        }
    }

    /// Collects the items of a built-in iterable (owned references).
    /// [`collect`](Self::collect) for an unpacking assignment, with its own message for a
    /// value that is never iterable (`a, b = 1`).
    pub(crate) fn collect_to_unpack(&mut self, iterable: Value) -> Result<Vec<Value>> {
        let scalar = iterable.as_small_int().is_some()
            || matches!(iterable, Value::NONE | Value::TRUE | Value::FALSE)
            || matches!(self.kind_of(iterable), Some(Kind::Int | Kind::Float));
        if scalar {
            return Err(Error::TypeOf { template: "cannot unpack non-iterable {} object", value: iterable });
        }
        self.collect(iterable)
    }

    pub(crate) fn collect(&mut self, iterable: Value) -> Result<Vec<Value>> {
        // A list or tuple is copied straight from its items (iterating it runs no code).
        let items: Option<Vec<Value>> = match self.kind_of(iterable) {
            Some(Kind::List) => Some((0..self.list_len(iterable)).map(|i| self.list_item(iterable, i)).collect()),
            Some(Kind::Tuple) => Some(self.tuple_items(iterable).collect()),
            _ => None,
        };
        if let Some(items) = items {
            items.iter().for_each(|&v| self.heap.incref(v));
            return Ok(items);
        }
        let it = self.iter_any(iterable)?;
        let mut items = Vec::new();
        loop {
            match self.next_any(it) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => break,
                Err(e) => {
                    self.release_all(&items);
                    self.release(it);
                    return Err(e);
                }
            }
        }
        self.release(it);
        Ok(items)
    }

    /// Sorts values in place as `list.sort(key=..., reverse=...)` does: stably, by the keys
    /// `key` computes (once per item), reversed without breaking stability.
    pub(crate) fn sort_with_keywords(&mut self, items: &mut [Value], keywords: &Keywords<'_>) -> Result<()> {
        let reverse = keywords.get(self, "reverse").is_some_and(|v| self.is_true(v));
        let key = keywords.get(self, "key").filter(|&k| k != Value::NONE);
        if reverse {
            items.reverse();
        }
        match key {
            None => self.sort_values(items)?,
            Some(key) => {
                let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
                for &item in items.iter() {
                    match self.call(key, &[item]) {
                        Ok(k) => keyed.push((k, item)),
                        Err(e) => {
                            let keys: Vec<Value> = keyed.iter().map(|p| p.0).collect();
                            self.release_all(&keys);
                            return Err(e);
                        }
                    }
                }
                let mut keys: Vec<Value> = keyed.iter().map(|p| p.0).collect();
                let mut order: Vec<usize> = (0..keys.len()).collect();
                let sorted = self.sort_indices(&mut order, &keys);
                for (slot, &i) in items.iter_mut().zip(&order) {
                    *slot = keyed[i].1;
                }
                keys.clear();
                let owned: Vec<Value> = keyed.iter().map(|p| p.0).collect();
                self.release_all(&owned);
                sorted?;
            }
        }
        if reverse {
            items.reverse();
        }
        Ok(())
    }

    /// Sorts `order` (indexes into `keys`) stably by the keys.
    fn sort_indices(&mut self, order: &mut [usize], keys: &[Value]) -> Result<()> {
        self.sort_by_less_than(order, |i| keys[i])
    }

    /// Sorts owned values in place, stably, by Python's `<`; the first comparison error wins.
    pub(crate) fn sort_values(&mut self, items: &mut [Value]) -> Result<()> {
        self.sort_by_less_than(items, |v| v)
    }

    /// Stable sort by `key(a) < key(b)`, with instances' `__lt__`. Like CPython's sort it
    /// asks only `<`: the sort needs "is a before b", never a three-way answer.
    fn sort_by_less_than<T: Copy>(&mut self, items: &mut [T], key: impl Fn(T) -> Value) -> Result<()> {
        let mut failure = None;
        items.sort_by(|&a, &b| {
            if failure.is_some() {
                return Ordering::Equal;
            }
            match self.less_than(key(a), key(b)) {
                Ok(true) => Ordering::Less,
                Ok(false) => Ordering::Greater,
                Err(e) => {
                    failure = Some(e);
                    Ordering::Equal
                }
            }
        });
        failure.map_or(Ok(()), Err)
    }
}

fn one(args: &[Value], what: &'static str) -> Result<Value> {
    match args {
        [v] => Ok(*v),
        _ => Err(Error::Type(what)),
    }
}

/// A keyword argument that must be a str or None (None meaning the default).
fn keyword_text(vm: &Vm, keywords: &Keywords<'_>, name: &str, default: &str) -> Result<String> {
    match keywords.get(vm, name) {
        None | Some(Value::NONE) => Ok(String::from(default)),
        Some(v) => vm.as_str(v).map(String::from).ok_or(Error::Type("print() keyword arguments must be str or None")),
    }
}

fn builtin_print(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["sep", "end", "file", "flush"])?;
    let sep = keyword_text(vm, keywords, "sep", " ")?;
    let end = keyword_text(vm, keywords, "end", "\n")?;
    // No file (or None) is `sys.stdout` as it is now; NULL while that is the host's.
    let file = match keywords.get(vm, "file") {
        None | Some(Value::NONE) => vm.current_std_file(Stream::Stdout)?,
        Some(file) => {
            vm.incref(file);
            file
        }
    };
    let printed = print_to(vm, file, args, &sep, &end).and_then(|()| match keywords.get(vm, "flush") {
        Some(flush) if vm.truth(flush)? => vm.flush_file(file, Stream::Stdout),
        _ => Ok(()),
    });
    vm.release(file);
    printed.map(|()| Value::NONE)
}

/// The text of `print(*args, sep=sep, end=end)` written to `file` (as
/// [`Vm::write_to_file`] takes it): in one write to a stream, and piece by piece, each
/// argument's str made just before it is written, to any other object, as CPython does.
fn print_to(vm: &mut Vm, file: Value, args: &[Value], sep: &str, end: &str) -> Result<()> {
    if file == Value::NONE {
        return Ok(());
    }
    if file == Value::NULL || vm.text_stream_of(file).is_some() {
        let mut line = String::new();
        for (i, &v) in args.iter().enumerate() {
            if i > 0 {
                line.push_str(sep);
            }
            line.push_str(&vm.to_str(v)?);
        }
        line.push_str(end);
        return vm.write_to_file(file, Stream::Stdout, &[&line]);
    }
    for (i, &v) in args.iter().enumerate() {
        if i > 0 {
            vm.write_to_file(file, Stream::Stdout, &[sep])?;
        }
        let text = vm.to_str(v)?;
        vm.write_to_file(file, Stream::Stdout, &[&text])?;
    }
    vm.write_to_file(file, Stream::Stdout, &[end])
}

pub(crate) fn builtin_len(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "len() takes exactly one argument")?;
    if let Some(n) = vm.length(v)? {
        return vm.new_int(n);
    }
    let v = vm.through_base(v);
    let n = match vm.kind_of(v) {
        Some(Kind::Str) => vm.str_char_len(v).unwrap_or(0) as i64,
        Some(Kind::List) => i64::from(vm.list_len(v)),
        Some(Kind::Tuple) => i64::from(vm.tuple_len(v)),
        Some(Kind::Dict) => i64::from(vm.dict_len(v)),
        Some(Kind::Set) => i64::from(vm.set_len(v)),
        Some(Kind::Range) => vm.range_len(v.as_object().unwrap_or_default()),
        Some(Kind::DictView) => i64::from(vm.dict_len(vm.dict_view_dict(v.as_object().unwrap_or_default()))),
        _ => return Err(Error::TypeOf { template: "object of type '{}' has no len()", value: v }),
    };
    vm.new_int(n)
}

fn builtin_repr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = vm.repr(one(args, "repr() takes exactly one argument")?)?;
    vm.new_str(&text)
}

/// `ascii(x)`: `repr(x)` with every non-ASCII character escaped as `\xhh`, `\uhhhh` or
/// `\Uhhhhhhhh`, as CPython does.
fn builtin_ascii(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = vm.repr(one(args, "ascii() takes exactly one argument")?)?;
    let mut out = alloc::string::String::with_capacity(text.len());
    for c in text.chars() {
        match u32::from(c) {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&alloc::format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&alloc::format!("\\u{n:04x}")),
            n => out.push_str(&alloc::format!("\\U{n:08x}")),
        }
    }
    vm.new_str(&out)
}

fn builtin_str(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [] => vm.new_str(""),
        [v] if vm.kind_of(*v) == Some(Kind::Str) => {
            vm.incref(*v);
            Ok(*v)
        }
        [v] => {
            let text = vm.to_str(*v)?;
            vm.new_str(&text)
        }
        _ => Err(Error::Type("str() takes at most 1 argument")),
    }
}

/// Why a text is not an int.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BadInt {
    /// Not int syntax in the base: `ValueError`.
    Invalid,
    /// Beyond mote's 64-bit ints: `OverflowError`.
    Overflow,
}

/// Parses Python int syntax in `base` (2 to 36, or 0 for "as a literal": a `0x`/`0o`/`0b`
/// prefix picks the base, else decimal without leading zeros): surrounding whitespace, a
/// sign, the base's prefix (optional for bases 16, 8, 2), digits with single underscores
/// between them (and after a prefix).
fn parse_int(text: &str, base: u32) -> core::result::Result<i64, BadInt> {
    let t = text.trim();
    let (negative, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix = |r: &str| -> Option<u32> {
        let b = r.as_bytes();
        if b.len() >= 2 && b[0] == b'0' {
            match b[1].to_ascii_lowercase() {
                b'x' => return Some(16),
                b'o' => return Some(8),
                b'b' => return Some(2),
                _ => {}
            }
        }
        None
    };
    let literal_decimal = base == 0 && prefix(rest).is_none();
    let (base, digits, after_prefix) = match (base, prefix(rest)) {
        (0, Some(b)) => (b, &rest[2..], true),
        (0, None) => (10, rest, false),
        (b, Some(p)) if b == p => (b, &rest[2..], true),
        (b, _) => (b, rest, false),
    };
    let underscores_ok = !digits.ends_with('_') && !digits.contains("__") && (after_prefix || !digits.starts_with('_'));
    if digits.is_empty() || digits == "_" || !underscores_ok {
        return Err(BadInt::Invalid);
    }
    let mut n: i128 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(36).filter(|&d| d < base).ok_or(BadInt::Invalid)?;
        n = n * i128::from(base) + i128::from(d);
        if n > i128::from(i64::MAX) + 1 {
            // Keep checking the syntax: a bad digit later is still a ValueError.
            n = i128::from(i64::MAX) + 2;
        }
    }
    if literal_decimal && n != 0 && digits.starts_with('0') {
        // `int('08', 0)`: a decimal literal cannot have leading zeros.
        return Err(BadInt::Invalid);
    }
    let n = if negative { -n } else { n };
    i64::try_from(n).map_err(|_| BadInt::Overflow)
}

fn builtin_int(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (v, base) = match args {
        [] => return Ok(Value::small_int(0).unwrap_or(Value::NONE)),
        [v] => (vm.through_base(*v), None),
        [v, base] => (vm.through_base(*v), Some(index_of(vm, *base)?)),
        _ => {
            let text = format!("int() takes at most 2 arguments ({} given)", args.len());
            return Err(type_error(vm, &text));
        }
    };
    if let Some(base) = base {
        if base != 0 && !(2..=36).contains(&base) {
            return Err(Error::Value("int() base must be >= 2 and <= 36, or 0"));
        }
        if vm.kind_of(v) != Some(Kind::Str) {
            return Err(Error::Type("int() can't convert non-string with explicit base"));
        }
    }
    if let Some(n) = vm.as_int(v) {
        return vm.new_int(n);
    }
    if let Some(x) = vm.as_float(v) {
        if x.is_nan() {
            return Err(Error::Value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(Error::Overflow("cannot convert float infinity to integer"));
        }
        return vm.new_int_checked(libm::trunc(x) as i128);
    }
    if let Some(text) = vm.as_str(v) {
        let base = base.unwrap_or(10) as u32;
        return match parse_int(text, base) {
            Ok(n) => vm.new_int(n),
            Err(BadInt::Overflow) => Err(Error::Overflow("int too large for mote's 64-bit ints")),
            Err(BadInt::Invalid) => {
                let text = format!("invalid literal for int() with base {base}: {}", crate::repr::str_repr(text));
                Err(crate::iterator::raise_text(
                    vm,
                    ExceptionType::ValueError,
                    &text,
                    Error::Value("invalid literal for int()"),
                ))
            }
        };
    }
    for name in ["__int__", "__index__"] {
        if let Some(method) = vm.script_dunder(v, name)? {
            let result = vm.call(method, &[v])?;
            if vm.as_int(result).is_some() {
                return Ok(result);
            }
            let text = format!("{name} returned non-int (type {})", vm.type_name_of(result));
            vm.release(result);
            return Err(type_error(vm, &text));
        }
    }
    let text =
        format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_name_of(v));
    Err(type_error(vm, &text))
}

fn builtin_float(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = match args {
        [] => return vm.new_float(0.0),
        [v] => vm.through_base(*v),
        _ => return Err(Error::Type("float expected at most 1 argument")),
    };
    if let Some(n) = vm.as_int(v) {
        return vm.new_float(n as f64);
    }
    if vm.as_float(v).is_some() {
        vm.incref(v);
        return Ok(v);
    }
    if let Some(text) = vm.as_str(v) {
        let t = text.trim().replace('_', "");
        let lower = t.to_ascii_lowercase();
        let unsigned = lower.trim_start_matches(['+', '-']);
        let parsed = match unsigned {
            "inf" | "infinity" => Some(f64::INFINITY),
            "nan" => Some(f64::NAN),
            _ if unsigned.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-')) => {
                unsigned.parse::<f64>().ok()
            }
            _ => None,
        };
        let sign = if lower.starts_with('-') { -1.0 } else { 1.0 };
        return match parsed {
            Some(x) => vm.new_float(sign * x),
            None => {
                let text = format!("could not convert string to float: {}", crate::repr::str_repr(text));
                Err(crate::iterator::raise_text(
                    vm,
                    ExceptionType::ValueError,
                    &text,
                    Error::Value("could not convert string to float"),
                ))
            }
        };
    }
    Err(Error::Type("float() argument must be a string or a real number"))
}

fn builtin_bool(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::FALSE),
        [v] => Ok(Value::from_bool(vm.truth(*v)?)),
        _ => Err(Error::Type("bool() takes at most 1 argument")),
    }
}

fn builtin_abs(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "abs() takes exactly one argument")?;
    if let Some(n) = vm.as_int(v) {
        return vm.new_int(n.checked_abs().ok_or(Error::Overflow("int result does not fit mote's 64-bit ints"))?);
    }
    if let Some(x) = vm.as_float(v) {
        return vm.new_float(libm::fabs(x));
    }
    match vm.call_dunder(v, "__abs__", &[])? {
        Some(result) => Ok(result),
        None if vm.builtin_base(v).is_some() => builtin_abs(vm, &[vm.through_base(v)]),
        None => Err(Error::TypeOf { template: "bad operand type for abs(): '{}'", value: v }),
    }
}

fn builtin_slice(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match *args {
        [stop] => vm.new_slice([Value::NONE, stop, Value::NONE]),
        [start, stop] => vm.new_slice([start, stop, Value::NONE]),
        [start, stop, step] => vm.new_slice([start, stop, step]),
        _ => {
            let text = format!("slice expected at least 1 argument, got {}", args.len());
            Err(type_error(vm, &text))
        }
    }
}

fn builtin_range(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut ints = [0i64; 3];
    for (slot, &v) in ints.iter_mut().zip(args) {
        *slot = vm.as_int(v).ok_or(Error::Type("range() arguments must be integers"))?;
    }
    match args.len() {
        1 => vm.new_range(0, ints[0], 1),
        2 => vm.new_range(ints[0], ints[1], 1),
        3 => vm.new_range(ints[0], ints[1], ints[2]),
        _ => Err(Error::Type("range expected 1 to 3 arguments")),
    }
}

fn builtin_list(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = match args {
        [] => Vec::new(),
        [v] => vm.collect(*v)?,
        _ => return Err(Error::Type("list expected at most 1 argument")),
    };
    let list = vm.new_list(&items);
    vm.release_all(&items);
    list
}

fn builtin_tuple(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = match args {
        [] => Vec::new(),
        [v] => vm.collect(*v)?,
        _ => return Err(Error::Type("tuple expected at most 1 argument")),
    };
    let tuple = vm.new_tuple(&items);
    vm.release_all(&items);
    tuple
}

fn builtin_sorted(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["key", "reverse"])?;
    let mut items = vm.collect(one(args, "sorted expected 1 argument")?)?;
    let sorted = vm.sort_with_keywords(&mut items, keywords).and_then(|()| vm.new_list(&items));
    vm.release_all(&items);
    sorted
}

/// `min`/`max` over one iterable or over several arguments, with `key` and `default`.
fn extreme(
    vm: &mut Vm,
    args: &[Value],
    keywords: &Keywords<'_>,
    keep_if: crate::bytecode::Op,
    empty: &'static str,
) -> Result<Value> {
    keywords.only(vm, &["key", "default"])?;
    let key = keywords.get(vm, "key").filter(|&k| k != Value::NONE);
    let items = match args {
        [] => return Err(Error::Type("expected at least 1 argument")),
        [v] => vm.collect(*v)?,
        many => {
            many.iter().for_each(|&v| vm.incref(v));
            many.to_vec()
        }
    };
    // (best item, its key) — the key owned when a key function made it.
    let mut best: Option<(Value, Value)> = None;
    let mut failure = None;
    for &item in &items {
        let k = match key {
            Some(f) => match vm.call(f, &[item]) {
                Ok(k) => k,
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            },
            None => item,
        };
        let better = match best {
            None => Ok(true),
            Some((_, best_key)) => vm.compare_truth(keep_if, k, best_key),
        };
        match better {
            Ok(true) => {
                if let Some((_, old)) = best.replace((item, k)) {
                    if key.is_some() {
                        vm.release(old);
                    }
                }
            }
            Ok(false) => {
                if key.is_some() {
                    vm.release(k);
                }
            }
            Err(e) => {
                if key.is_some() {
                    vm.release(k);
                }
                failure = Some(e);
                break;
            }
        }
    }
    if let (Some((_, k)), Some(_)) = (best, key) {
        vm.release(k);
    }
    let result = match (failure, best) {
        (Some(e), _) => Err(e),
        (None, Some((item, _))) => {
            vm.incref(item);
            Ok(item)
        }
        (None, None) => match keywords.get(vm, "default") {
            Some(d) => {
                vm.incref(d);
                Ok(d)
            }
            None => Err(Error::Value(empty)),
        },
    };
    vm.release_all(&items);
    result
}

fn builtin_min(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    extreme(vm, args, keywords, crate::bytecode::Op::Lt, "min() arg is an empty sequence")
}

fn builtin_max(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    extreme(vm, args, keywords, crate::bytecode::Op::Gt, "max() arg is an empty sequence")
}

fn builtin_sum(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["start"])?;
    let (iterable, start) = match (args, keywords.get(vm, "start")) {
        (&[v], None) => (v, Value::small_int(0).unwrap_or(Value::NONE)),
        (&[v], Some(s)) | (&[v, s], None) => (v, s),
        (&[_, _], Some(_)) => return Err(Error::Type("sum() got multiple values for argument 'start'")),
        _ => {
            let text = format!("sum() takes at most 2 arguments ({} given)", args.len());
            return Err(type_error(vm, &text));
        }
    };
    if vm.kind_of(start) == Some(Kind::Str) {
        return Err(Error::Type("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    vm.incref(start);
    let mut total = start;
    let added = for_each_item(vm, iterable, |vm, item| {
        let next = vm.binary_op(crate::bytecode::Op::Add, total, item, false)?;
        vm.release(total);
        total = next;
        Ok(true)
    });
    match added {
        Ok(()) => Ok(total),
        Err(e) => {
            vm.release(total);
            Err(e)
        }
    }
}

/// Calls `f` with each item of `iterable` (borrowed; released after) until it returns
/// `Ok(false)` or an error.
fn for_each_item(vm: &mut Vm, iterable: Value, mut f: impl FnMut(&mut Vm, Value) -> Result<bool>) -> Result<()> {
    let it = vm.iter_any(iterable)?;
    let result = loop {
        match vm.next_any(it) {
            Ok(Some(item)) => {
                let go_on = f(vm, item);
                vm.release(item);
                match go_on {
                    Ok(true) => {}
                    Ok(false) => break Ok(()),
                    Err(e) => break Err(e),
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.release(it);
    result
}

/// Whether some item's truth is `wanted` (stopping at the first), as any() and all() need.
fn find_truth(vm: &mut Vm, iterable: Value, wanted: bool) -> Result<bool> {
    let mut found = false;
    for_each_item(vm, iterable, |vm, item| {
        found = vm.truth(item)? == wanted;
        Ok(!found)
    })?;
    Ok(found)
}

fn builtin_any(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let iterable = one(args, "any() takes exactly one argument")?;
    find_truth(vm, iterable, true).map(Value::from_bool)
}

fn builtin_all(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let iterable = one(args, "all() takes exactly one argument")?;
    find_truth(vm, iterable, false).map(|found| Value::from_bool(!found))
}

fn builtin_chr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = vm.as_int(one(args, "chr() takes exactly one argument")?).ok_or(Error::Type("an integer is required"))?;
    let c = u32::try_from(n).ok().and_then(char::from_u32).ok_or(Error::Value("chr() arg not in range(0x110000)"))?;
    let mut buffer = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut buffer))
}

fn builtin_ord(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "ord() takes exactly one argument")?;
    let Some(text) = vm.as_str(v) else {
        let text = format!("ord() expected string of length 1, but {} found", vm.type_name_of(v));
        return Err(type_error(vm, &text));
    };
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => vm.new_int(i64::from(u32::from(c))),
        _ => {
            let text = format!("ord() expected a character, but string of length {} found", text.chars().count());
            Err(type_error(vm, &text))
        }
    }
}

fn builtin_type(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "type() takes 1 argument")?;
    let class = vm.type_of(v);
    vm.incref(class);
    Ok(class)
}

/// The classes `isinstance`/`issubclass` accept: one class or a tuple of them (nested
/// tuples flattened); `error` names the argument otherwise.
fn class_or_tuple(vm: &Vm, spec: Value, error: &'static str) -> Result<Vec<Value>> {
    match vm.kind_of(spec) {
        Some(Kind::Class) => Ok(alloc::vec![spec]),
        Some(Kind::Tuple) => {
            let mut classes = Vec::new();
            for item in vm.tuple_items(spec) {
                classes.extend(class_or_tuple(vm, item, error)?);
            }
            Ok(classes)
        }
        _ => Err(Error::Type(error)),
    }
}

fn builtin_isinstance(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [v, spec] = args else { return Err(Error::Type("isinstance expected 2 arguments")) };
    let classes = class_or_tuple(vm, *spec, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
    Ok(Value::from_bool(classes.iter().any(|&c| vm.is_instance(*v, c))))
}

fn builtin_issubclass(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [sub, spec] = args else { return Err(Error::Type("issubclass expected 2 arguments")) };
    if vm.kind_of(*sub) != Some(Kind::Class) {
        return Err(Error::Type("issubclass() arg 1 must be a class"));
    }
    let classes = class_or_tuple(vm, *spec, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
    Ok(Value::from_bool(classes.iter().any(|&c| vm.is_subclass(*sub, c))))
}

/// The str an attribute `name` argument names (a str subclass's value: attribute names
/// are compared as strings).
fn attribute_name(vm: &mut Vm, name: Value) -> Result<Value> {
    let text = vm.through_base(name);
    match vm.kind_of(text) {
        Some(Kind::Str) => Ok(text),
        _ => {
            let text = format!("attribute name must be string, not '{}'", vm.type_name_of(name));
            Err(type_error(vm, &text))
        }
    }
}

fn builtin_getattr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [obj, name] => {
            let name = attribute_name(vm, *name)?;
            vm.get_attribute(*obj, name)
        }
        [obj, name, default] => {
            let name = attribute_name(vm, *name)?;
            match vm.get_attribute(*obj, name) {
                Err(e) if crate::iterator::swallow_raised(vm, e, ExceptionType::AttributeError) => {
                    vm.incref(*default);
                    Ok(*default)
                }
                other => other,
            }
        }
        _ => Err(Error::Type("getattr expected 2 or 3 arguments")),
    }
}

fn builtin_hasattr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [obj, name] = args else { return Err(Error::Type("hasattr expected 2 arguments")) };
    let name = attribute_name(vm, *name)?;
    match vm.get_attribute(*obj, name) {
        Ok(v) => {
            vm.release(v);
            Ok(Value::TRUE)
        }
        Err(e) if crate::iterator::swallow_raised(vm, e, ExceptionType::AttributeError) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn builtin_iter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [v] => vm.iter_any(*v),
        [f, sentinel] => {
            if !is_callable(vm, *f)? {
                return Err(Error::Type("iter(v, w): v must be callable"));
            }
            vm.new_call_iterator(*f, *sentinel)
        }
        _ => {
            let text = format!("iter expected at most 2 arguments, got {}", args.len());
            Err(type_error(vm, &text))
        }
    }
}

fn builtin_next(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (it, default) = match args {
        [it] => (*it, None),
        [it, d] => (*it, Some(*d)),
        _ => {
            let text = format!("next expected at most 2 arguments, got {}", args.len());
            return Err(type_error(vm, &text));
        }
    };
    let is_iterator = match vm.kind_of(it) {
        Some(Kind::Generator) => true,
        Some(Kind::Instance) => vm.script_dunder(it, "__next__")?.is_some(),
        Some(kind) => crate::iterator::is_native_iterator(kind),
        None => false,
    };
    if !is_iterator {
        let text = format!("'{}' object is not an iterator", vm.type_name_of(it));
        return Err(type_error(vm, &text));
    }
    if default.is_none() && vm.kind_of(it) == Some(Kind::Generator) {
        // A generator's return value travels in the StopIteration.
        return match vm.resume(it, Value::NONE, None)? {
            crate::generator::Resumed::Yielded(v) => Ok(v),
            crate::generator::Resumed::Returned(v) => Err(vm.raise_stop_iteration(v)),
        };
    }
    match (vm.next_any(it)?, default) {
        (Some(item), _) => Ok(item),
        (None, Some(d)) => {
            vm.incref(d);
            Ok(d)
        }
        (None, None) => {
            let class = vm.exception_class(crate::exception::ExceptionType::StopIteration);
            let exception = vm.new_exception(class, &[])?;
            Err(vm.raise(exception))
        }
    }
}

fn builtin_hash(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let h = vm.hash_mut(one(args, "hash() takes exactly one argument")?)?;
    vm.new_int(h)
}

/// Python's `callable(v)`: functions, classes, methods, instances whose class has `__call__`.
fn is_callable(vm: &mut Vm, v: Value) -> Result<bool> {
    Ok(match vm.kind_of(v) {
        Some(Kind::Function | Kind::Native | Kind::Class | Kind::BoundMethod) => true,
        Some(Kind::Instance) => vm.call_method_of(v)?.is_some(),
        _ => false,
    })
}

fn builtin_callable(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "callable() takes exactly one argument")?;
    is_callable(vm, v).map(Value::from_bool)
}

fn builtin_super(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [class, obj] => vm.new_super(*class, *obj),
        _ => Err(Error::Type("super() needs a class and an object (zero-argument super() works inside methods)")),
    }
}

fn builtin_staticmethod(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let f = one(args, "staticmethod expected 1 argument")?;
    vm.new_wrapper(crate::types::WRAP_STATIC, [f, Value::NULL, Value::NULL])
}

fn builtin_classmethod(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let f = one(args, "classmethod expected 1 argument")?;
    vm.new_wrapper(crate::types::WRAP_CLASS, [f, Value::NULL, Value::NULL])
}

fn builtin_property(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    if args.len() > 3 {
        return Err(Error::Type("property expected at most 3 arguments"));
    }
    let mut parts = [Value::NULL; 3];
    for (slot, &f) in parts.iter_mut().zip(args) {
        *slot = if f == Value::NONE { Value::NULL } else { f };
    }
    vm.new_wrapper(crate::types::WRAP_PROPERTY, parts)
}

fn builtin_dict(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    if args.len() > 1 {
        let text = format!("dict expected at most 1 argument, got {}", args.len());
        return Err(type_error(vm, &text));
    }
    let d = vm.new_dict()?;
    let mut filled = match args {
        [source] => vm.dict_update(d, *source),
        _ => Ok(()),
    };
    for (&name, &value) in keywords.names.iter().zip(keywords.values) {
        filled = filled.and_then(|()| vm.dict_set(d, name, value));
    }
    match filled {
        Ok(()) => Ok(d),
        Err(e) => {
            vm.release(d);
            Err(e)
        }
    }
}

fn builtin_set(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = match args {
        [] => Vec::new(),
        [v] => vm.collect(*v)?,
        _ => return Err(Error::Type("set expected at most 1 argument")),
    };
    let set = vm.new_set(&items);
    vm.release_all(&items);
    set
}

/// Raises `TypeError` with a message made at run time.
fn type_error(vm: &mut Vm, text: &str) -> Error {
    crate::iterator::raise_text(vm, ExceptionType::TypeError, text, Error::Type("bad argument"))
}

/// `operator.index(v)`: an int, or an instance's `__index__`.
fn index_of(vm: &mut Vm, v: Value) -> Result<i64> {
    if let Some(n) = vm.as_int(v) {
        return Ok(n);
    }
    if let Some(method) = vm.script_dunder(v, "__index__")? {
        let result = vm.call(method, &[v])?;
        let n = vm.as_int(result);
        vm.release(result);
        return n.ok_or(Error::Type("__index__ returned non-int"));
    }
    let text = format!("'{}' object cannot be interpreted as an integer", vm.type_name_of(v));
    Err(type_error(vm, &text))
}

fn builtin_frozenset(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [] => vm.new_frozenset(&[]),
        [v] if vm.is_frozenset(*v) => {
            vm.incref(*v);
            Ok(*v)
        }
        [v] => {
            let items = vm.collect(*v)?;
            let set = vm.new_frozenset(&items);
            vm.release_all(&items);
            set
        }
        _ => {
            let text = format!("frozenset expected at most 1 argument, got {}", args.len());
            Err(type_error(vm, &text))
        }
    }
}

fn builtin_enumerate(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["iterable", "start"])?;
    let (iterable, start) = match (args, keywords.get(vm, "iterable"), keywords.get(vm, "start")) {
        (&[iterable], None, start) | (&[], Some(iterable), start) => (iterable, start),
        (&[iterable, start], None, None) => (iterable, Some(start)),
        (&[], None, _) => return Err(Error::Type("enumerate() missing required argument 'iterable' (pos 1)")),
        _ => return Err(Error::Type("enumerate() takes at most 2 arguments")),
    };
    let start = match start {
        Some(v) => index_of(vm, v)?,
        None => 0,
    };
    vm.new_enumerate(iterable, start)
}

fn builtin_zip(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["strict"])?;
    let strict = match keywords.get(vm, "strict") {
        Some(v) => vm.truth(v)?,
        None => false,
    };
    vm.new_zip(args, strict)
}

fn builtin_map(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [f, iterables @ ..] if !iterables.is_empty() => vm.new_map(*f, iterables),
        _ => Err(Error::Type("map() must have at least two arguments.")),
    }
}

fn builtin_filter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [f, iterable] => vm.new_filter(*f, *iterable),
        _ => {
            let text = format!("filter expected 2 arguments, got {}", args.len());
            Err(type_error(vm, &text))
        }
    }
}

fn builtin_reversed(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [seq] => vm.new_reversed(*seq),
        _ => {
            let text = format!("reversed expected 1 argument, got {}", args.len());
            Err(type_error(vm, &text))
        }
    }
}

/// Rounds to the nearest integer, ties to even (Python's `round(x)`).
fn round_half_even(x: f64) -> f64 {
    let r = libm::round(x);
    if libm::fabs(x - r) == 0.5 {
        2.0 * libm::round(x / 2.0)
    } else {
        r
    }
}

/// `round(n, ndigits)` for an int and a negative `ndigits`: to a multiple of
/// `10**-ndigits`, ties to even.
fn round_int(n: i64, ndigits: i64) -> i128 {
    let k = ndigits.unsigned_abs();
    if k > 38 {
        return 0;
    }
    let p = 10i128.pow(k as u32);
    let (q, r) = (i128::from(n).div_euclid(p), i128::from(n).rem_euclid(p));
    let up = r > p - r || (r == p - r && q % 2 != 0);
    (if up { q + 1 } else { q }) * p
}

/// `round(x, ndigits)` for a float, as CPython does it: the exact binary value rounded to
/// `ndigits` decimal places (ties to even, so `round(2.675, 2)` is 2.67 because 2.675 is
/// really 2.67499999...), then read back as the nearest float.
fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    if ndigits >= 0 {
        // Rust's fixed-precision formatting is exact and rounds ties to even.
        return format!("{:.*}", ndigits as usize, x).parse().unwrap_or(x);
    }
    // Left of the point: round the exact digits of the integer part, the fraction only
    // breaking what would otherwise be a tie.
    let k = ndigits.unsigned_abs() as usize;
    let whole = libm::trunc(libm::fabs(x));
    let fraction = libm::fabs(x) - whole;
    let mut digits: Vec<u8> = format!("{whole:.0}").into_bytes();
    if digits.len() < k + 1 {
        let mut padded = alloc::vec![b'0'; k + 1 - digits.len()];
        padded.extend_from_slice(&digits);
        digits = padded;
    }
    let split = digits.len() - k;
    let tail = &digits[split..];
    let beyond_half = tail[1..].iter().any(|&d| d != b'0') || fraction > 0.0;
    let up = match tail[0].cmp(&b'5') {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => beyond_half || (digits[split - 1] - b'0') % 2 == 1,
    };
    let mut head = digits[..split].to_vec();
    if up {
        let mut i = head.len();
        loop {
            if i == 0 {
                head.insert(0, b'1');
                break;
            }
            i -= 1;
            if head[i] == b'9' {
                head[i] = b'0';
            } else {
                head[i] += 1;
                break;
            }
        }
    }
    head.resize(head.len() + k, b'0');
    let magnitude: f64 = core::str::from_utf8(&head).ok().and_then(|t| t.parse().ok()).unwrap_or(0.0);
    libm::copysign(magnitude, x)
}

fn builtin_round(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["number", "ndigits"])?;
    let (number, ndigits) = match (args, keywords.get(vm, "number"), keywords.get(vm, "ndigits")) {
        (&[number], None, ndigits) | (&[], Some(number), ndigits) => (number, ndigits),
        (&[number, ndigits], None, None) => (number, Some(ndigits)),
        (&[], None, _) => return Err(Error::Type("round() missing required argument 'number' (pos 1)")),
        _ => {
            let text = format!("round() takes at most 2 arguments ({} given)", args.len() + keywords.names.len());
            return Err(type_error(vm, &text));
        }
    };
    let ndigits = ndigits.filter(|&v| v != Value::NONE);
    if let Some(method) = vm.script_dunder(number, "__round__")? {
        return match ndigits {
            Some(n) => vm.call(method, &[number, n]),
            None => vm.call(method, &[number]),
        };
    }
    let number = vm.through_base(number);
    let ndigits = match ndigits {
        Some(v) => Some(index_of(vm, v)?),
        None => None,
    };
    if let Some(n) = vm.as_int(number) {
        return match ndigits {
            Some(k) if k < 0 => vm.new_int_checked(round_int(n, k)),
            _ => vm.new_int(n),
        };
    }
    if let Some(x) = vm.as_float(number) {
        let Some(k) = ndigits else {
            if x.is_nan() {
                return Err(Error::Value("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(Error::Overflow("cannot convert float infinity to integer"));
            }
            return vm.new_int_checked(round_half_even(x) as i128);
        };
        let rounded = round_float(x, k);
        if rounded.is_infinite() && x.is_finite() {
            return Err(Error::Overflow("rounded value too large to represent"));
        }
        return vm.new_float(rounded);
    }
    let text = format!("type {} doesn't define __round__ method", vm.type_name_of(number));
    Err(type_error(vm, &text))
}

/// An instance's `name(other)` special method, if it has one that does not return
/// NotImplemented (owned result).
fn try_dunder(vm: &mut Vm, v: Value, name: &str, other: Value) -> Result<Option<Value>> {
    let Some(method) = vm.script_dunder(v, name)? else { return Ok(None) };
    let result = vm.call(method, &[v, other])?;
    Ok((result != Value::NOT_IMPLEMENTED).then_some(result))
}

fn builtin_divmod(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [a, b] = *args else {
        let text = format!("divmod expected 2 arguments, got {}", args.len());
        return Err(type_error(vm, &text));
    };
    if let Some(result) = try_dunder(vm, a, "__divmod__", b)? {
        return Ok(result);
    }
    if let Some(result) = try_dunder(vm, b, "__rdivmod__", a)? {
        return Ok(result);
    }
    let (a, b) = (vm.through_base(a), vm.through_base(b));
    let (q, r) = match (vm.as_int(a), vm.as_int(b)) {
        (Some(_), Some(0)) => return Err(Error::ZeroDivision("integer division or modulo by zero")),
        (Some(x), Some(y)) => {
            let q = vm.new_int(crate::operators::int_floor_div(x, y)?)?;
            match vm.new_int(crate::operators::int_mod(x, y)) {
                Ok(r) => (q, r),
                Err(e) => {
                    vm.release(q);
                    return Err(e);
                }
            }
        }
        _ => {
            let number = |vm: &Vm, v: Value| vm.as_float(v).or_else(|| vm.as_int(v).map(|n| n as f64));
            let (Some(x), Some(y)) = (number(vm, a), number(vm, b)) else {
                let text = format!(
                    "unsupported operand type(s) for divmod(): '{}' and '{}'",
                    vm.type_name_of(a),
                    vm.type_name_of(b)
                );
                return Err(type_error(vm, &text));
            };
            if y == 0.0 {
                return Err(Error::ZeroDivision("float divmod()"));
            }
            let (q, r) = crate::operators::float_divmod(x, y);
            let q = vm.new_float(q)?;
            match vm.new_float(r) {
                Ok(r) => (q, r),
                Err(e) => {
                    vm.release(q);
                    return Err(e);
                }
            }
        }
    };
    let pair = vm.new_tuple(&[q, r]);
    vm.release_all(&[q, r]);
    pair
}

/// `pow(base, exp, modulus)` for ints: modular exponentiation, a negative exponent
/// meaning the modular inverse's power; the result takes the modulus's sign.
fn modular_pow(base: i64, exp: i64, modulus: i64) -> Result<i64> {
    if modulus == 0 {
        return Err(Error::Value("pow() 3rd argument cannot be 0"));
    }
    let m = u128::from(modulus.unsigned_abs());
    let mut b = i128::from(base).rem_euclid(m as i128) as u128;
    if exp < 0 {
        // Extended Euclid: b * inverse == 1 (mod m).
        let (mut r0, mut r1) = (m as i128, b as i128);
        let (mut t0, mut t1) = (0i128, 1i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if r0 != 1 {
            return Err(Error::Value("base is not invertible for the given modulus"));
        }
        b = t0.rem_euclid(m as i128) as u128;
    }
    let mut e = exp.unsigned_abs();
    let mut result: u128 = 1 % m;
    while e > 0 {
        if e & 1 == 1 {
            result = result * b % m;
        }
        b = b * b % m;
        e >>= 1;
    }
    let r = result as i128;
    Ok((if modulus < 0 && r != 0 { r - m as i128 } else { r }) as i64)
}

fn builtin_pow(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["base", "exp", "mod"])?;
    if args.len() > 3 {
        let text = format!("pow() takes at most 3 arguments ({} given)", args.len());
        return Err(type_error(vm, &text));
    }
    let mut parts = [None; 3];
    for (i, name) in ["base", "exp", "mod"].into_iter().enumerate() {
        parts[i] = match (args.get(i), keywords.get(vm, name)) {
            (Some(_), Some(_)) => {
                let text = format!("argument for pow() given by name ('{name}') and position ({})", i + 1);
                return Err(type_error(vm, &text));
            }
            (Some(&v), None) | (None, Some(v)) => Some(v),
            (None, None) => None,
        };
    }
    let (Some(base), Some(exp)) = (parts[0], parts[1]) else {
        let missing = if parts[0].is_none() { "'base' (pos 1)" } else { "'exp' (pos 2)" };
        let text = format!("pow() missing required argument {missing}");
        return Err(type_error(vm, &text));
    };
    match parts[2].filter(|&m| m != Value::NONE) {
        None => vm.binary_op(crate::bytecode::Op::Pow, base, exp, false),
        Some(modulus) => match (vm.as_int(base), vm.as_int(exp), vm.as_int(modulus)) {
            (Some(b), Some(e), Some(m)) => vm.new_int(modular_pow(b, e, m)?),
            _ => Err(Error::Type("pow() 3rd argument not allowed unless all arguments are integers")),
        },
    }
}

/// `hex`, `oct`, `bin`: the int in `radix` with its prefix, the sign in front.
fn radix_text(vm: &mut Vm, args: &[Value], what: &'static str, radix: u32) -> Result<Value> {
    let n = index_of(vm, one(args, what)?)?;
    let magnitude = n.unsigned_abs();
    let sign = if n < 0 { "-" } else { "" };
    let text = match radix {
        16 => format!("{sign}0x{magnitude:x}"),
        8 => format!("{sign}0o{magnitude:o}"),
        _ => format!("{sign}0b{magnitude:b}"),
    };
    vm.new_str(&text)
}

fn builtin_hex(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    radix_text(vm, args, "hex() takes exactly one argument", 16)
}

fn builtin_oct(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    radix_text(vm, args, "oct() takes exactly one argument", 8)
}

fn builtin_bin(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    radix_text(vm, args, "bin() takes exactly one argument", 2)
}

fn builtin_format(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (v, spec) = match args {
        [v] => (*v, None),
        [v, spec] => (*v, Some(*spec)),
        _ => {
            let text = format!("format expected at most 2 arguments, got {}", args.len());
            return Err(type_error(vm, &text));
        }
    };
    if let Some(spec) = spec.filter(|&s| vm.kind_of(s) != Some(Kind::Str)) {
        let text = format!("format() argument 2 must be str, not {}", vm.type_name_of(spec));
        return Err(type_error(vm, &text));
    }
    vm.format_value(v, spec)
}

fn builtin_setattr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [obj, name, value] = *args else {
        let text = format!("setattr expected 3 arguments, got {}", args.len());
        return Err(type_error(vm, &text));
    };
    let name = attribute_name(vm, name)?;
    vm.set_attribute_any(obj, name, value)?;
    Ok(Value::NONE)
}

/// `object.__setattr__(obj, name, value)`: the plain store a `__setattr__` hook falls
/// back to.
pub(crate) fn object_setattr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [obj, name, value] = *args else { return Err(Error::Type("__setattr__ expected 2 arguments")) };
    let name = attribute_name(vm, name)?;
    vm.set_attribute(obj, name, value)?;
    Ok(Value::NONE)
}

fn builtin_delattr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [obj, name] = *args else {
        let text = format!("delattr expected 2 arguments, got {}", args.len());
        return Err(type_error(vm, &text));
    };
    let name = attribute_name(vm, name)?;
    vm.delete_attribute(obj, name)?;
    Ok(Value::NONE)
}

fn builtin_vars(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let obj = match args {
        [obj] => *obj,
        [] => {
            let text = "vars() without an argument is not supported by mote yet";
            return Err(crate::iterator::raise_text(vm, ExceptionType::NotImplementedError, text, Error::Type(text)));
        }
        _ => {
            let text = format!("vars expected at most 1 argument, got {}", args.len());
            return Err(type_error(vm, &text));
        }
    };
    let namespace = match vm.kind_of(obj) {
        Some(Kind::Instance | Kind::Exception) => vm.attribute_dict(obj, true)?,
        Some(Kind::Class) => vm.class_namespace(obj.as_object().unwrap_or_default()),
        Some(Kind::Module) => vm.heap.read_value(obj.as_object().unwrap_or_default() + 12),
        _ => return Err(Error::Type("vars() argument must have __dict__ attribute")),
    };
    vm.incref(namespace);
    Ok(namespace)
}

/// `id(v)`: the handle, unique among live values (an object's is its region offset).
fn builtin_id(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [v] => vm.new_int(i64::from(v.to_bits())),
        _ => {
            let text = format!("id() takes exactly one argument ({} given)", args.len());
            Err(type_error(vm, &text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    /// Calls builtin `name`; an exception comes back as its printed last line.
    fn call(vm: &mut Vm, name: &str, args: &[Value]) -> core::result::Result<Value, String> {
        vm.ensure_builtins().unwrap();
        let key = vm.intern_str(name).unwrap();
        let f = vm.dict_get(vm.builtins, key).unwrap().unwrap();
        vm.release(key);
        let result = vm.call(f, args);
        vm.release(f);
        result.map_err(|_| {
            let exception = vm.take_raised();
            let text = vm.format_exception(exception, &|_, _| None);
            vm.release(exception);
            text
        })
    }

    /// Runs a script in a fresh VM (both profiles), returning what it printed; the VM
    /// must shut down with nothing left in its heap and the heap must verify.
    fn run_script(source: &str) -> String {
        let mut printed = alloc::vec::Vec::new();
        for profile in [crate::config::Profile::Tight, crate::config::Profile::Stock] {
            let region = crate::Region::with_capacity(4 << 20).unwrap();
            let mut vm = Vm::new(crate::VmConfig::new(profile), region).unwrap();
            let captured = crate::output::Captured::default();
            vm.set_output(alloc::boxed::Box::new(captured.clone()));
            let ran = vm.run_main("t.py", source);
            assert!(ran.is_ok(), "{profile:?}: {}", captured.stderr());
            vm.verify().unwrap();
            let teardown = vm.shutdown();
            assert_eq!(teardown.leaked_bytes, 0, "{profile:?}");
            printed.push(captured.stdout());
        }
        assert_eq!(printed[0], printed[1], "both profiles print the same");
        printed.remove(0)
    }

    /// enumerate, zip, map, filter, reversed and iter(f, sentinel): lazy, and their errors.
    /// Expected output: `python3` 3.11 on the same script.
    #[test]
    fn lazy_iterators_run_like_cpython() {
        let source = r#"e = enumerate('ab', start=5)
print(type(e).__name__, next(e), list(e), list(e))
print(list(zip([1, 2, 3], 'xy')), list(zip()), dict(zip('ab', range(9))))
calls = []
def twice(x):
    calls.append(x)
    return 2 * x
m = map(twice, [1, 2, 3])
print(calls, next(m), calls, list(m), list(map(pow, [2, 3], [5, 2, 9])))
print(list(filter(None, [0, 1, '', 'a', None, [2]])), list(filter(lambda x: x % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed('hé!')), list(reversed(range(1, 10, 3))), list(reversed(())))
print(list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1, 'b': 2}.items())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
class Own:
    def __reversed__(self):
        return iter('own')
print(list(reversed(Seq())), list(reversed(Own())))
data = [4, 5, 0, 6]
def read():
    return data.pop(0)
it = iter(read, 0)
print(list(it), list(it), data)
for i, (a, b) in enumerate(zip('xy', map(str, range(2))), 1):
    print(i, a, b)
for bad in [lambda: reversed({1}), lambda: reversed(5), lambda: next([1]), lambda: iter(5),
            lambda: list(zip([1, 2], [3], strict=True)), lambda: list(zip([1], [3, 4], strict=True)),
            lambda: list(zip([1], [2], [3, 4], strict=True)), lambda: map(len), lambda: filter(len),
            lambda: enumerate([], 1.5), lambda: iter(1, 2)]:
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)
r = reversed([1, 2])
print(next(r), next(r), next(r, 'done'), next(r, 'done'))
print(isinstance(e, enumerate), type(zip()).__name__, type(map(len, [])).__name__, type(filter(None, [])).__name__)
"#;
        let expected = r#"enumerate (5, 'a') [(6, 'b')] []
[(1, 'x'), (2, 'y')] [] {'a': 0, 'b': 1}
[1, 2, 3] 2 [1, 2, 3] [4, 6] [32, 9]
[1, 'a', [2]] [1, 3, 5]
[3, 2, 1] ['!', 'é', 'h'] [7, 4, 1] []
['b', 'a'] [('b', 2), ('a', 1)]
[20, 10, 0] ['o', 'w', 'n']
[4, 5] [] [6]
1 x 0
2 y 1
TypeError 'set' object is not reversible
TypeError 'int' object is not reversible
TypeError 'list' object is not an iterator
TypeError 'int' object is not iterable
ValueError zip() argument 2 is shorter than argument 1
ValueError zip() argument 2 is longer than argument 1
ValueError zip() argument 3 is longer than arguments 1-2
TypeError map() must have at least two arguments.
TypeError filter expected 2 arguments, got 1
TypeError 'float' object cannot be interpreted as an integer
TypeError iter(v, w): v must be callable
2 1 done done
True zip map filter
"#;
        assert_eq!(run_script(source), expected);
    }

    /// round, divmod, pow, hex/oct/bin, format, sum and int/float parsing.
    /// Expected output: `python3` 3.11 on the same script.
    #[test]
    fn number_builtins_match_cpython() {
        let source = r#"for v in [0.5, 1.5, 2.5, -2.5, 2.675, 1.005, 0.125, -0.0, 1e16 + 0.5, 5e-324]:
    print(round(v), round(v, 2), round(v, 1), round(v, 0), round(v, -1), round(v, -2))
print(round(1234.5678, -1), round(1250.0, -2), round(1350.0, -2), round(-1250.0, -2), round(1e300, -300))
print(round(12345, -1), round(-12345, -1), round(15, -1), round(25, -1), round(7, 3), round(True), round(9, ndigits=-1))
print(round(1.23456789e-5, 7), round(0.1 + 0.2, 10), round(float('inf'), 2), round(float('nan'), 2), round(-0.4))
print(type(round(2.5)).__name__, type(round(2.5, None)).__name__, type(round(2.5, 0)).__name__)
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(7.5, 2), divmod(-7.5, 2), divmod(1, -0.3))
print(divmod(0.0, -1), divmod(-0.0, 1), divmod(True, 2))
print(round(1.7976931348623157e308, -300), round(1.7976931348623157e308, 2))
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2, 3, -5), pow(-2, 3, 5), pow(5, 0, 1), pow(2, -2), pow(base=2, exp=5, mod=7))
print(pow(123456789, 987654321, 1000000007), pow(10, 18, 97), pow(2.5, 2))
print(hex(0), hex(255), hex(-255), hex(True), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(format(3.14159, '.2f'), format(42, '05d'), format('x', '^5'), format(1234567, ','), format(12), format(2.0), format(True))
print(sum([1, 2, 3], 10), sum(range(5), start=100), sum([[1], [2]], []), sum([0.5, 0.25]), sum(iter([])))
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod('a', 1), lambda: pow(2, 3, 0),
            lambda: pow(2.0, 3, 4), lambda: pow(2, -1, 4), lambda: round('a'), lambda: round(float('inf')),
            lambda: round(float('nan')), lambda: hex(1.5), lambda: sum(['a'], ''), lambda: format(1, 2),
            lambda: round(1, 1.5), lambda: int('08', 0), lambda: int('z', 10), lambda: int(None),
            lambda: float('abc'), lambda: ord('ab'), lambda: ord(5), lambda: round(1e308, -308)]:
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as exc:
        print(type(exc).__name__, exc)
print(int('0x_ff', 16), int('0b1_0', 0), int(' -0o17 ', 0), int('Zz', 36), int('00', 0), int('-9223372036854775808'))
"#;
        let expected = r#"0 0.5 0.5 0.0 0.0 0.0
2 1.5 1.5 2.0 0.0 0.0
2 2.5 2.5 2.0 0.0 0.0
-2 -2.5 -2.5 -2.0 -0.0 -0.0
3 2.67 2.7 3.0 0.0 0.0
1 1.0 1.0 1.0 0.0 0.0
0 0.12 0.1 0.0 0.0 0.0
0 -0.0 -0.0 -0.0 -0.0 -0.0
10000000000000000 1e+16 1e+16 1e+16 1e+16 1e+16
0 0.0 0.0 0.0 0.0 0.0
1230.0 1200.0 1400.0 -1200.0 1e+300
12340 -12340 20 20 7 1 10
1.23e-05 0.3 inf nan 0
int int float
('rounded', None) ('rounded', 3)
(3, 2) (-4, 3) (-4, -3) (3, -2) (3.0, 1.5) (-4.0, 0.5) (-4.0, -0.19999999999999996)
(-0.0, -0.0) (-0.0, 0.0) (0, 1)
1.79769313e+308 1.7976931348623157e+308
1024 24 5 -2 2 0 0.25 4
652541198 89 6.25
0x0 0xff -0xff 0x1 0o10 -0o10 0b101 -0b101 0b0
3.14 00042   x   1,234,567 12 2.0 True
16 110 [1, 2] 0.75 0
ZeroDivisionError integer division or modulo by zero
ZeroDivisionError float divmod()
TypeError unsupported operand type(s) for divmod(): 'str' and 'int'
ValueError pow() 3rd argument cannot be 0
TypeError pow() 3rd argument not allowed unless all arguments are integers
ValueError base is not invertible for the given modulus
TypeError type str doesn't define __round__ method
OverflowError cannot convert float infinity to integer
ValueError cannot convert float NaN to integer
TypeError 'float' object cannot be interpreted as an integer
TypeError sum() can't sum strings [use ''.join(seq) instead]
TypeError format() argument 2 must be str, not int
TypeError 'float' object cannot be interpreted as an integer
ValueError invalid literal for int() with base 0: '08'
ValueError invalid literal for int() with base 10: 'z'
TypeError int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
ValueError could not convert string to float: 'abc'
TypeError ord() expected a character, but string of length 2 found
TypeError ord() expected string of length 1, but int found
1e+308
255 2 -15 1295 0 -9223372036854775808
"#;
        assert_eq!(run_script(source), expected);
    }

    /// setattr, delattr, vars, id, frozenset, callable, isinstance and dict keywords.
    /// Expected output: `python3` 3.11 on the same script.
    #[test]
    fn attribute_builtins_and_frozenset_match_cpython() {
        let source = r#"class Cfg:
    volume = 5
    def __init__(self):
        self.name = 'cfg'
    @property
    def loud(self):
        return self.volume > 5
c = Cfg()
setattr(c, 'volume', 11)
setattr(Cfg, 'brightness', 3)
print(c.volume, Cfg.volume, c.brightness, vars(c), vars(c) is c.__dict__)
delattr(c, 'volume')
print(c.volume, vars(c))
delattr(Cfg, 'brightness')
print(hasattr(c, 'brightness'), 'volume' in vars(Cfg))
vars(c)['dyn'] = 1
print(c.dyn)
for bad in [lambda: delattr(c, 'volume'), lambda: delattr(c, 'loud'), lambda: delattr(Cfg, 'nope'),
            lambda: setattr(c, 5, 1), lambda: vars(5), lambda: id()]:
    try:
        bad()
    except (AttributeError, TypeError) as exc:
        print(type(exc).__name__, exc)
o = object()
print(id(c) == id(c), id(c) != id(o), id(1) == id(1), type(id(c)).__name__, type(o).__name__)
f = frozenset('abca')
print(sorted(f), len(f), 'a' in f, type(f).__name__, f == set('abc'), frozenset() == set(), isinstance(f, frozenset))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(frozenset()), hash(frozenset([1, 2, 3])))
d = {frozenset({'fire', 'water'}): 'steam'}
print(d[frozenset(['water', 'fire'])], frozenset(f) is f, len({frozenset([1]), frozenset([1])}))
print(sorted(f.union('z', ['y'])), sorted(f.intersection('ab', 'bc')), sorted(f.difference('a')), sorted(f.symmetric_difference('cd')))
print(f.issubset('abcd'), f.issuperset('ab'), f.isdisjoint('xyz'), f.copy() is f, type(f.union()).__name__)
try:
    f.add('d')
except AttributeError as exc:
    print('AttributeError:', exc)
try:
    hash({1})
except TypeError as exc:
    print('TypeError:', exc)
print(callable(len), callable(Cfg), callable(c), callable(c.__init__), callable(None))
class Fn:
    def __call__(self):
        return 1
print(callable(Fn()), isinstance(c, (int, (str, Cfg))), issubclass(bool, (str, (int,))))
print(dict(a=1, b=2), dict({'k': 'v'}, extra=1), dict([('x', 1)], y=2))
print(any(x > 1 for x in [0, 2]), all([]), any([]), all(map(bool, [1, 0])))
"#;
        let expected = r#"11 5 3 {'name': 'cfg', 'volume': 11} True
5 {'name': 'cfg'}
False True
1
AttributeError 'Cfg' object has no attribute 'volume'
AttributeError property 'loud' of 'Cfg' object has no deleter
AttributeError type object 'Cfg' has no attribute 'nope'
TypeError attribute name must be string, not 'int'
TypeError vars() argument must have __dict__ attribute
TypeError id() takes exactly one argument (0 given)
True True True int object
['a', 'b', 'c'] 3 True frozenset True True True
True 133146708735736 -272375401224217160
steam True 1
['a', 'b', 'c', 'y', 'z'] ['b'] ['b', 'c'] ['a', 'b', 'd']
True True True True frozenset
AttributeError: 'frozenset' object has no attribute 'add'
TypeError: unhashable type: 'set'
True True False True False
True True True
{'a': 1, 'b': 2} {'k': 'v', 'extra': 1} {'x': 1, 'y': 2}
True True False False
"#;
        assert_eq!(run_script(source), expected);
    }

    #[test]
    fn rounding_and_modular_arithmetic_edges() {
        // python3 -c 'print(round(2.675, 2), round(0.125, 2), round(-0.125, 2), round(1e300, -300), round(5e-324, 323), round(-4.0, -1), round(15.0, -1), round(25.000000000000004, -1), round(9.5, -1), round(950.0, -2))'
        let cases = [
            (2.675, 2, 2.67),
            (0.125, 2, 0.12),
            (-0.125, 2, -0.12),
            (1e300, -300, 1e300),
            (5e-324, 323, 0.0),
            (-4.0, -1, -0.0),
            (15.0, -1, 20.0),
            (25.000000000000004, -1, 30.0),
            (9.5, -1, 10.0),
            (950.0, -2, 1000.0),
        ];
        for (x, n, expected) in cases {
            let got = round_float(x, n);
            assert!(
                got == expected && got.is_sign_negative() == expected.is_sign_negative(),
                "round({x}, {n}) = {got}"
            );
        }
        assert_eq!(round_float(1.5, 400), 1.5);
        assert!(round_float(1.5, -400) == 0.0);
        assert_eq!([round_half_even(0.5), round_half_even(1.5), round_half_even(-2.5)], [0.0, 2.0, -2.0]);
        // python3 -c 'print(round(12345, -1), round(-12345, -1), round(15, -1), round(25, -1), round(2**62, -40))'
        assert_eq!(
            [round_int(12345, -1), round_int(-12345, -1), round_int(15, -1), round_int(25, -1)],
            [12340, -12340, 20, 20]
        );
        assert_eq!(round_int(i64::MAX, -19), 10_000_000_000_000_000_000, "beyond i64: the caller reports the overflow");
        assert_eq!(round_int(1 << 62, -40), 0);
        // python3 -c 'print(pow(3, -1, 7), pow(2, 3, -5), pow(-2, 3, 5), pow(5, 0, 1), pow(7, 2**62, 2**63-1), pow(-1, -1, -3))'
        assert_eq!(modular_pow(3, -1, 7), Ok(5));
        assert_eq!(modular_pow(2, 3, -5), Ok(-2));
        assert_eq!(modular_pow(-2, 3, 5), Ok(2));
        assert_eq!(modular_pow(5, 0, 1), Ok(0));
        assert_eq!(modular_pow(7, 1 << 62, i64::MAX), Ok(8_021_717_612_257_134_310));
        assert_eq!(modular_pow(-1, -1, -3), Ok(-1));
        assert!(modular_pow(2, -1, 4).is_err() && modular_pow(2, 1, 0).is_err());
        // python3 -c 'print(divmod(7.5, -2), divmod(-0.0, 1), divmod(1, -0.3))'
        use crate::operators::float_divmod;
        assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
        let (q, r) = float_divmod(-0.0, 1.0);
        assert!(q == 0.0 && q.is_sign_negative() && r == 0.0 && !r.is_sign_negative());
        assert_eq!(float_divmod(1.0, -0.3), (-4.0, -0.19999999999999996));
    }

    #[test]
    fn int_parsing_follows_python() {
        // python3 -c "print(int('0x_ff', 16), int('0b1_0', 0), int(' -0o17 ', 0), int('Zz', 36), int('00', 0), int('0_0', 0))"
        for (text, base, expected) in [
            ("0x_ff", 16, Ok(255)),
            ("0b1_0", 0, Ok(2)),
            (" -0o17 ", 0, Ok(-15)),
            ("Zz", 36, Ok(1295)),
            ("00", 0, Ok(0)),
            ("0_0", 0, Ok(0)),
            ("-9223372036854775808", 10, Ok(i64::MIN)),
            ("9223372036854775808", 10, Err(BadInt::Overflow)),
            ("99999999999999999999x", 10, Err(BadInt::Invalid)),
            ("08", 0, Err(BadInt::Invalid)),
            ("0b2", 0, Err(BadInt::Invalid)),
            ("0x10", 10, Err(BadInt::Invalid)),
            ("_1", 10, Err(BadInt::Invalid)),
            ("0x", 16, Err(BadInt::Invalid)),
            ("+-1", 10, Err(BadInt::Invalid)),
            ("12", 2, Err(BadInt::Invalid)),
        ] {
            assert_eq!(parse_int(text, base), expected, "int({text:?}, {base})");
        }
    }

    #[test]
    fn print_writes_str_of_each_argument() {
        let mut vm = vm();
        let captured = crate::output::Captured::default();
        vm.set_output(alloc::boxed::Box::new(captured.clone()));
        let s = vm.new_str("a").unwrap();
        let f = vm.new_float(2.5).unwrap();
        call(&mut vm, "print", &[s, int(1), f, Value::NONE]).unwrap();
        let l = vm.new_list(&[s]).unwrap();
        call(&mut vm, "print", &[l]).unwrap();
        assert_eq!(captured.stdout(), "a 1 2.5 None\n['a']\n");
        vm.release_all(&[s, f, l]);
    }

    #[test]
    fn conversions_follow_python() {
        let mut vm = vm();
        for (text, expected) in [(" 42 ", Some(42)), ("-1_000", Some(-1000)), ("1__0", None), ("x", None), ("", None)] {
            assert_eq!(parse_int(text, 10).ok(), expected, "{text:?}");
        }
        let f = vm.new_float(-2.9).unwrap();
        assert_eq!(call(&mut vm, "int", &[f]).unwrap(), int(-2));
        let s = vm.new_str("1e3").unwrap();
        let x = call(&mut vm, "float", &[s]).unwrap();
        assert_eq!(vm.as_float(x), Some(1000.0));
        assert_eq!(call(&mut vm, "bool", &[int(0)]).unwrap(), Value::FALSE);
        let r = call(&mut vm, "range", &[int(5)]).unwrap();
        let total = call(&mut vm, "sum", &[r]).unwrap();
        assert_eq!(total, int(10));
        let l = vm.new_list(&[int(3), int(1), int(2)]).unwrap();
        let sorted = call(&mut vm, "sorted", &[l]).unwrap();
        assert_eq!(vm.repr(sorted).unwrap(), "[1, 2, 3]");
        assert_eq!(call(&mut vm, "max", &[l]).unwrap(), int(3));
        assert_eq!(call(&mut vm, "min", &[int(4), int(-1)]).unwrap(), int(-1));
        assert_eq!(call(&mut vm, "len", &[l]).unwrap(), int(3));
        let c = call(&mut vm, "chr", &[int(233)]).unwrap();
        assert_eq!(vm.as_str(c), Some("é"));
        assert_eq!(call(&mut vm, "ord", &[c]).unwrap(), int(233));
        let empty = vm.new_list(&[]).unwrap();
        assert_eq!(call(&mut vm, "max", &[empty]).unwrap_err(), "ValueError: max() arg is an empty sequence\n");
        let mixed = vm.new_list(&[int(1), s]).unwrap();
        assert_eq!(
            call(&mut vm, "sorted", &[mixed]).unwrap_err(),
            "TypeError: '<' not supported between instances of 'str' and 'int'\n"
        );
        vm.release_all(&[f, s, x, r, l, sorted, c, empty, mixed]);
    }
}
