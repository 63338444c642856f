//! The `builtins` namespace: the functions every script can call without importing.
//!
//! Each builtin is a [`NativeFn`](crate::function::NativeFn) over borrowed arguments,
//! returning an owned result. They work on the built-in types through the same object
//! API the host uses. The namespace is a dict in the script heap, made once per VM, the
//! first time code runs (a VM that never runs code pays nothing for it).

use crate::error::{Error, Result};
use crate::function::{Keywords, NativeFn, NativeKeywordFn};
use crate::object::Kind;
use crate::output::Stream;
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Every builtin function, by name.
const BUILTINS: &[(&str, NativeFn)] = &[
    ("len", builtin_len),
    ("repr", builtin_repr),
    ("abs", builtin_abs),
    ("sum", builtin_sum),
    ("any", builtin_any),
    ("all", builtin_all),
    ("chr", builtin_chr),
    ("ord", builtin_ord),
    ("isinstance", builtin_isinstance),
    ("issubclass", builtin_issubclass),
    ("getattr", builtin_getattr),
    ("hasattr", builtin_hasattr),
    ("iter", builtin_iter),
    ("next", builtin_next),
    ("hash", builtin_hash),
    ("callable", builtin_callable),
];

/// Builtin functions that take keyword arguments.
const BUILTINS_WITH_KEYWORDS: &[(&str, NativeKeywordFn)] =
    &[("print", builtin_print), ("sorted", builtin_sorted), ("min", builtin_min), ("max", builtin_max)];

/// What calling a built-in class does.
const CONSTRUCTORS: &[(BuiltinType, &str, NativeFn)] = &[
    (BuiltinType::Type, "type", builtin_type),
    (BuiltinType::Int, "int", builtin_int),
    (BuiltinType::Bool, "bool", builtin_bool),
    (BuiltinType::Float, "float", builtin_float),
    (BuiltinType::Str, "str", builtin_str),
    (BuiltinType::Tuple, "tuple", builtin_tuple),
    (BuiltinType::List, "list", builtin_list),
    (BuiltinType::Dict, "dict", builtin_dict),
    (BuiltinType::Set, "set", builtin_set),
    (BuiltinType::Range, "range", builtin_range),
    (BuiltinType::Super, "super", builtin_super),
    (BuiltinType::StaticMethod, "staticmethod", builtin_staticmethod),
    (BuiltinType::ClassMethod, "classmethod", builtin_classmethod),
    (BuiltinType::Property, "property", builtin_property),
];

impl Vm {
    /// Makes the builtins dict if this VM does not have it yet.
    pub(crate) fn ensure_builtins(&mut self) -> Result<()> {
        if self.builtins != Value::NULL {
            return Ok(());
        }
        let dict = self.new_dict()?;
        if let Err(e) = self.install_classes(dict) {
            self.release(dict);
            return Err(e);
        }
        let stored = self.intern_str("NotImplemented").and_then(|key| {
            let r = self.dict_set(dict, key, Value::NOT_IMPLEMENTED);
            self.release(key);
            r
        });
        if let Err(e) = stored {
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
    pub(crate) fn collect(&mut self, iterable: Value) -> Result<Vec<Value>> {
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
    fn sort_indices(&self, order: &mut [usize], keys: &[Value]) -> Result<()> {
        let mut failure = None;
        order.sort_by(|&a, &b| {
            if failure.is_some() {
                return Ordering::Equal;
            }
            match self.compare_order(crate::bytecode::Op::Lt, keys[a], keys[b]) {
                Ok(true) => Ordering::Less,
                Ok(false) => match self.compare_order(crate::bytecode::Op::Lt, keys[b], keys[a]) {
                    Ok(true) => Ordering::Greater,
                    Ok(false) => Ordering::Equal,
                    Err(e) => {
                        failure = Some(e);
                        Ordering::Equal
                    }
                },
                Err(e) => {
                    failure = Some(e);
                    Ordering::Equal
                }
            }
        });
        failure.map_or(Ok(()), Err)
    }

    /// Sorts owned values in place, stably, by Python's `<`; the first comparison error wins.
    pub(crate) fn sort_values(&self, items: &mut [Value]) -> Result<()> {
        let mut failure = None;
        items.sort_by(|&a, &b| {
            if failure.is_some() {
                return Ordering::Equal;
            }
            match self.compare_order(crate::bytecode::Op::Lt, a, b) {
                Ok(true) => Ordering::Less,
                Ok(false) => match self.compare_order(crate::bytecode::Op::Lt, b, a) {
                    Ok(true) => Ordering::Greater,
                    Ok(false) => Ordering::Equal,
                    Err(e) => {
                        failure = Some(e);
                        Ordering::Equal
                    }
                },
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
    let mut line = String::new();
    for (i, &v) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&vm.to_str(v)?);
    }
    line.push_str(&end);
    vm.write_output(Stream::Stdout, &line);
    Ok(Value::NONE)
}

fn builtin_len(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "len() takes exactly one argument")?;
    if let Some(n) = vm.length(v)? {
        return vm.new_int(n);
    }
    let n = match vm.kind_of(v) {
        Some(Kind::Str) => vm.str_char_len(v).unwrap_or(0) as i64,
        Some(Kind::List) => i64::from(vm.list_len(v)),
        Some(Kind::Tuple) => i64::from(vm.tuple_len(v)),
        Some(Kind::Dict) => i64::from(vm.dict_len(v)),
        Some(Kind::Set) => i64::from(vm.set_len(v)),
        Some(Kind::Range) => vm.range_len(v.as_object().unwrap_or_default()),
        Some(Kind::DictView) => i64::from(vm.dict_len(vm.dict_view_dict(v.as_object().unwrap_or_default()))),
        _ => return Err(Error::Type("object has no len()")),
    };
    vm.new_int(n)
}

fn builtin_repr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = vm.repr(one(args, "repr() takes exactly one argument")?)?;
    vm.new_str(&text)
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

/// Parses Python int syntax in base 10: optional sign, digits with single underscores
/// between them, surrounding whitespace.
fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim();
    let (negative, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let mut n: i64 = 0;
    for b in digits.bytes().filter(|&b| b != b'_') {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some(if negative { -n } else { n })
}

fn builtin_int(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = match args {
        [] => return Ok(Value::small_int(0).unwrap_or(Value::NONE)),
        [v] => *v,
        _ => return Err(Error::Type("int() with a base is not supported yet")),
    };
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
        return match parse_int(text) {
            Some(n) => vm.new_int(n),
            None => Err(Error::Value("invalid literal for int() with base 10")),
        };
    }
    Err(Error::Type("int() argument must be a string or a real number"))
}

fn builtin_float(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = match args {
        [] => return vm.new_float(0.0),
        [v] => *v,
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
            None => Err(Error::Value("could not convert string to float")),
        };
    }
    Err(Error::Type("float() argument must be a string or a real number"))
}

fn builtin_bool(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::FALSE),
        [v] => Ok(Value::from_bool(vm.is_true(*v))),
        _ => Err(Error::Type("bool() takes at most 1 argument")),
    }
}

fn builtin_abs(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "abs() takes exactly one argument")?;
    if let Some(n) = vm.as_int(v) {
        return vm.new_int(n.checked_abs().ok_or(Error::Overflow("int result does not fit mote's 64-bit ints"))?);
    }
    match vm.as_float(v) {
        Some(x) => vm.new_float(libm::fabs(x)),
        None => Err(Error::Type("bad operand type for abs()")),
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
            Some((_, best_key)) => vm.compare_order(keep_if, k, best_key),
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

fn builtin_sum(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (iterable, start) = match args {
        [v] => (*v, Value::small_int(0).unwrap_or(Value::NONE)),
        [v, s] => (*v, *s),
        _ => return Err(Error::Type("sum() takes 1 or 2 arguments")),
    };
    let items = vm.collect(iterable)?;
    vm.incref(start);
    let mut total = start;
    for &item in &items {
        match vm.binary(crate::bytecode::Op::Add, total, item) {
            Ok(next) => {
                vm.release(total);
                total = next;
            }
            Err(e) => {
                vm.release(total);
                vm.release_all(&items);
                return Err(e);
            }
        }
    }
    vm.release_all(&items);
    Ok(total)
}

fn builtin_any(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = vm.collect(one(args, "any() takes exactly one argument")?)?;
    let found = items.iter().any(|&v| vm.is_true(v));
    vm.release_all(&items);
    Ok(Value::from_bool(found))
}

fn builtin_all(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = vm.collect(one(args, "all() takes exactly one argument")?)?;
    let every = items.iter().all(|&v| vm.is_true(v));
    vm.release_all(&items);
    Ok(Value::from_bool(every))
}

fn builtin_chr(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = vm.as_int(one(args, "chr() takes exactly one argument")?).ok_or(Error::Type("an integer is required"))?;
    let c = u32::try_from(n).ok().and_then(char::from_u32).ok_or(Error::Value("chr() arg not in range(0x110000)"))?;
    let mut buffer = [0u8; 4];
    vm.new_str(c.encode_utf8(&mut buffer))
}

fn builtin_ord(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "ord() takes exactly one argument")?;
    let text = vm.as_str(v).ok_or(Error::Type("ord() expected string of length 1"))?;
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => vm.new_int(i64::from(u32::from(c))),
        _ => Err(Error::Type("ord() expected a character")),
    }
}

fn builtin_type(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "type() takes 1 argument")?;
    let class = vm.type_of(v);
    vm.incref(class);
    Ok(class)
}

/// The classes `isinstance`/`issubclass` accept: one class or a tuple of them.
fn class_or_tuple(vm: &Vm, spec: Value) -> Result<Vec<Value>> {
    match vm.kind_of(spec) {
        Some(Kind::Class) => Ok(alloc::vec![spec]),
        Some(Kind::Tuple) => Ok(vm.tuple_items(spec).collect()),
        _ => Err(Error::Type("isinstance() arg 2 must be a type or tuple of types")),
    }
}

fn builtin_isinstance(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [v, spec] = args else { return Err(Error::Type("isinstance expected 2 arguments")) };
    let classes = class_or_tuple(vm, *spec)?;
    Ok(Value::from_bool(classes.iter().any(|&c| vm.is_instance(*v, c))))
}

fn builtin_issubclass(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [sub, spec] = args else { return Err(Error::Type("issubclass expected 2 arguments")) };
    if vm.kind_of(*sub) != Some(Kind::Class) {
        return Err(Error::Type("issubclass() arg 1 must be a class"));
    }
    let classes = class_or_tuple(vm, *spec)?;
    Ok(Value::from_bool(classes.iter().any(|&c| vm.is_subclass(*sub, c))))
}

fn attribute_name(vm: &Vm, name: Value) -> Result<Value> {
    match vm.kind_of(name) {
        Some(Kind::Str) => Ok(name),
        _ => Err(Error::Type("attribute name must be string")),
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
                Err(Error::Attribute { .. }) => {
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
        Err(Error::Attribute { .. }) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn builtin_iter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.iter_any(one(args, "iter expected 1 argument")?)
}

fn builtin_next(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (it, default) = match args {
        [it] => (*it, None),
        [it, d] => (*it, Some(*d)),
        _ => return Err(Error::Type("next expected 1 or 2 arguments")),
    };
    if !matches!(vm.kind_of(it), Some(Kind::Iterator | Kind::Instance | Kind::Generator)) {
        return Err(Error::Type("object is not an iterator"));
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
    let h = vm.hash(one(args, "hash() takes exactly one argument")?)?;
    vm.new_int(h)
}

fn builtin_callable(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = one(args, "callable() takes exactly one argument")?;
    Ok(Value::from_bool(matches!(vm.kind_of(v), Some(Kind::Function | Kind::Native | Kind::Class | Kind::BoundMethod))))
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

fn builtin_dict(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = vm.new_dict()?;
    let filled = match args {
        [] => Ok(()),
        [source] => vm.dict_update(d, *source),
        _ => Err(Error::Type("dict expected at most 1 argument")),
    };
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
            assert_eq!(parse_int(text), expected, "{text:?}");
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
