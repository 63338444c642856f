//! Methods of the built-in types implemented in Rust (`str.upper`, `list.append`,
//! `dict.items`, ...), and the dict views.
//!
//! Each method is a native function whose first argument is the object it was called on.
//! [`METHODS`] lists them; they are installed in the built-in classes' namespaces.
//!
//! ```text
//! dict view (12 bytes): +8 dict (owned); header flags: 0 keys, 1 values, 2 items
//! ```

use crate::error::{Error, Result};
use crate::function::{Keywords, NativeFn, NativeKeywordFn};
use crate::object::{DeadStack, Kind};
use crate::types::BuiltinType;
use crate::value::Value;
use crate::vm::Vm;
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
    (BuiltinType::Str, "lower", str_lower),
    (BuiltinType::Str, "strip", str_strip),
    (BuiltinType::Str, "lstrip", str_lstrip),
    (BuiltinType::Str, "rstrip", str_rstrip),
    (BuiltinType::Str, "split", str_split),
    (BuiltinType::Str, "join", str_join),
    (BuiltinType::Str, "replace", str_replace),
    (BuiltinType::Str, "startswith", str_startswith),
    (BuiltinType::Str, "endswith", str_endswith),
    (BuiltinType::Str, "find", str_find),
    (BuiltinType::Str, "count", str_count),
    (BuiltinType::Str, "format", crate::format::str_format),
    (BuiltinType::List, "append", list_append),
    (BuiltinType::List, "pop", list_pop),
    (BuiltinType::List, "extend", list_extend),
    (BuiltinType::List, "insert", list_insert),
    (BuiltinType::List, "reverse", list_reverse),
    (BuiltinType::List, "index", list_index),
    (BuiltinType::List, "count", list_count),
    (BuiltinType::List, "clear", list_clear),
    (BuiltinType::List, "copy", list_copy),
    (BuiltinType::Dict, "get", dict_get),
    (BuiltinType::Dict, "keys", dict_keys),
    (BuiltinType::Dict, "values", dict_values),
    (BuiltinType::Dict, "items", dict_items),
    (BuiltinType::Dict, "pop", dict_pop),
    (BuiltinType::Dict, "setdefault", dict_setdefault),
    (BuiltinType::Dict, "update", dict_update),
    (BuiltinType::Dict, "clear", dict_clear),
    (BuiltinType::Dict, "copy", dict_copy),
    (BuiltinType::Property, "setter", property_setter),
    (BuiltinType::Property, "getter", property_getter),
    (BuiltinType::Property, "deleter", property_deleter),
    (BuiltinType::Generator, "send", generator_send),
    (BuiltinType::Generator, "throw", generator_throw),
    (BuiltinType::Generator, "close", generator_close),
    (BuiltinType::Set, "add", set_add),
    (BuiltinType::Set, "discard", set_discard),
];

/// Methods that take keyword arguments.
pub(crate) const METHODS_WITH_KEYWORDS: &[(BuiltinType, &str, NativeKeywordFn)] =
    &[(BuiltinType::List, "sort", list_sort)];

/// The text of `args[0]` (the receiver of a str method).
fn receiver_text(vm: &Vm, args: &[Value]) -> Result<String> {
    args.first().and_then(|&s| vm.as_str(s)).map(String::from).ok_or(Error::Type("descriptor requires a 'str' object"))
}

/// The text of argument `i`, for methods that take strings.
fn text_arg(vm: &Vm, args: &[Value], i: usize) -> Result<String> {
    args.get(i).and_then(|&s| vm.as_str(s)).map(String::from).ok_or(Error::Type("argument must be str"))
}

fn str_upper(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = receiver_text(vm, args)?.to_uppercase();
    vm.new_str(&text)
}

fn str_lower(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = receiver_text(vm, args)?.to_lowercase();
    vm.new_str(&text)
}

/// `strip`/`lstrip`/`rstrip` with an optional set of characters.
fn strip_with(vm: &mut Vm, args: &[Value], left: bool, right: bool) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let chars: Option<Vec<char>> = match args.get(1) {
        None | Some(&Value::NONE) => None,
        Some(_) => Some(text_arg(vm, args, 1)?.chars().collect()),
    };
    let strip = |c: char| chars.as_ref().map_or(c.is_whitespace(), |set| set.contains(&c));
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
    strip_with(vm, args, true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    strip_with(vm, args, true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    strip_with(vm, args, false, true)
}

/// Makes a list of new strings (owned list).
fn list_of_strs<'a>(vm: &mut Vm, parts: impl Iterator<Item = &'a str>) -> Result<Value> {
    let mut items = Vec::new();
    for part in parts {
        match vm.new_str(part) {
            Ok(v) => items.push(v),
            Err(e) => {
                vm.release_all(&items);
                return Err(e);
            }
        }
    }
    let list = vm.new_list(&items);
    vm.release_all(&items);
    list
}

fn str_split(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let maxsplit = match args.get(2) {
        Some(&v) => vm.as_int(v).ok_or(Error::Type("maxsplit must be an integer"))?,
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize + 1 };
    match args.get(1) {
        None | Some(&Value::NONE) => {
            // Runs of whitespace separate; leading and trailing whitespace is ignored.
            let mut parts: Vec<&str> = Vec::new();
            let mut rest = text.trim_start();
            while !rest.is_empty() {
                if parts.len() + 1 == limit {
                    parts.push(rest.trim_end());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            list_of_strs(vm, parts.into_iter())
        }
        Some(_) => {
            let sep = text_arg(vm, args, 1)?;
            if sep.is_empty() {
                return Err(Error::Value("empty separator"));
            }
            let parts: Vec<&str> = text.splitn(limit, sep.as_str()).collect();
            list_of_strs(vm, parts.into_iter())
        }
    }
}

fn str_join(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let sep = receiver_text(vm, args)?;
    let items = vm.collect(*args.get(1).ok_or(Error::Type("join() takes exactly one argument"))?)?;
    let mut out = String::new();
    let mut failure = None;
    for (i, &item) in items.iter().enumerate() {
        match vm.as_str(item) {
            Some(text) => {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(text);
            }
            None => {
                failure = Some(Error::Type("sequence item: expected str instance"));
                break;
            }
        }
    }
    vm.release_all(&items);
    match failure {
        Some(e) => Err(e),
        None => vm.new_str(&out),
    }
}

fn str_replace(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let (old, new) = (text_arg(vm, args, 1)?, text_arg(vm, args, 2)?);
    let replaced = match args.get(3).and_then(|&v| vm.as_int(v)) {
        Some(count) if count >= 0 => text.replacen(old.as_str(), &new, count as usize),
        _ => text.replace(old.as_str(), &new),
    };
    vm.new_str(&replaced)
}

/// `startswith`/`endswith`: a str or a tuple of strs to try.
fn affix_matches(vm: &Vm, args: &[Value], test: fn(&str, &str) -> bool) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let spec = *args.get(1).ok_or(Error::Type("expected 1 argument"))?;
    let candidates: Vec<Value> = match vm.kind_of(spec) {
        Some(Kind::Tuple) => vm.tuple_items(spec).collect(),
        _ => alloc::vec![spec],
    };
    for c in candidates {
        let affix = vm.as_str(c).ok_or(Error::Type("expected a str or a tuple of str"))?;
        if test(&text, affix) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_startswith(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    affix_matches(vm, args, |t, a| t.starts_with(a))
}

fn str_endswith(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    affix_matches(vm, args, |t, a| t.ends_with(a))
}

fn str_find(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let needle = text_arg(vm, args, 1)?;
    let found = text.find(needle.as_str()).map_or(-1, |byte| text[..byte].chars().count() as i64);
    vm.new_int(found)
}

fn str_count(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = receiver_text(vm, args)?;
    let needle = text_arg(vm, args, 1)?;
    let n = if needle.is_empty() { text.chars().count() + 1 } else { text.matches(needle.as_str()).count() };
    vm.new_int(n as i64)
}

fn receiver_list(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first() {
        Some(&l) if vm.kind_of(l) == Some(Kind::List) => Ok(l),
        _ => Err(Error::Type("descriptor requires a 'list' object")),
    }
}

fn list_append(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    let [_, item] = args else { return Err(Error::Type("list.append() takes exactly one argument")) };
    vm.list_append(l, *item)?;
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    match args.get(1) {
        None => vm.list_pop(l),
        Some(&i) => {
            let index = vm.as_int(i).ok_or(Error::Type("list indices must be integers"))?;
            vm.list_pop_at(l, index)
        }
    }
}

fn list_extend(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    let items = vm.collect(*args.get(1).ok_or(Error::Type("extend() takes exactly one argument"))?)?;
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
    let [_, index, item] = args else { return Err(Error::Type("insert expected 2 arguments")) };
    let index = vm.as_int(*index).ok_or(Error::Type("list indices must be integers"))?;
    vm.list_insert(l, index, *item)?;
    Ok(Value::NONE)
}

fn list_sort(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["key", "reverse"])?;
    let l = receiver_list(vm, args)?;
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
    let mut items: Vec<Value> = (0..vm.list_len(l)).map(|i| vm.list_item(l, i)).collect();
    items.reverse();
    vm.list_rewrite(l, &items);
    Ok(Value::NONE)
}

fn list_index(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    let item = *args.get(1).ok_or(Error::Type("index expected 1 argument"))?;
    for i in 0..vm.list_len(l) {
        if vm.equals(vm.list_item(l, i), item)? {
            return vm.new_int(i64::from(i));
        }
    }
    Err(Error::Value("list.index(x): x not in list"))
}

fn list_count(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    let item = *args.get(1).ok_or(Error::Type("count expected 1 argument"))?;
    let mut n = 0;
    for i in 0..vm.list_len(l) {
        n += i64::from(vm.equals(vm.list_item(l, i), item)?);
    }
    vm.new_int(n)
}

fn list_clear(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    vm.list_clear(l)?;
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let l = receiver_list(vm, args)?;
    let items: Vec<Value> = (0..vm.list_len(l)).map(|i| vm.list_item(l, i)).collect();
    vm.new_list(&items)
}

fn receiver_dict(vm: &Vm, args: &[Value]) -> Result<Value> {
    match args.first() {
        Some(&d) if vm.kind_of(d) == Some(Kind::Dict) => Ok(d),
        _ => Err(Error::Type("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    let key = *args.get(1).ok_or(Error::Type("get expected at least 1 argument"))?;
    match vm.dict_get(d, key)? {
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
    let key = *args.get(1).ok_or(Error::Type("pop expected at least 1 argument"))?;
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

fn dict_setdefault(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    let key = *args.get(1).ok_or(Error::Type("setdefault expected at least 1 argument"))?;
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::NONE);
    vm.dict_set(d, key, default)?;
    vm.incref(default);
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    if let Some(&source) = args.get(1) {
        vm.dict_update(d, source)?;
    }
    Ok(Value::NONE)
}

fn dict_clear(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    vm.dict_clear(d)?;
    Ok(Value::NONE)
}

fn dict_copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let d = receiver_dict(vm, args)?;
    let copy = vm.new_dict()?;
    match vm.dict_update(copy, d) {
        Ok(()) => Ok(copy),
        Err(e) => {
            vm.release(copy);
            Err(e)
        }
    }
}

fn receiver_set(vm: &Vm, args: &[Value]) -> Result<(Value, Value)> {
    match args {
        [s, item] if vm.kind_of(*s) == Some(Kind::Set) => Ok((*s, *item)),
        _ => Err(Error::Type("set method takes a set and one argument")),
    }
}

fn set_add(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, item) = receiver_set(vm, args)?;
    vm.set_add(s, item)?;
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (s, item) = receiver_set(vm, args)?;
    vm.set_discard(s, item)?;
    Ok(Value::NONE)
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
        if self.kind_of(source) == Some(Kind::Dict) {
            let mut position = 0;
            let mut pairs = Vec::new();
            while let Some(pair) = self.dict_next(source, &mut position) {
                pairs.push(pair);
            }
            for (key, value) in pairs {
                self.dict_set(d, key, value)?;
            }
            return Ok(());
        }
        let items = self.collect(source)?;
        let mut result = Ok(());
        for &item in &items {
            let pair = match self.kind_of(item) {
                Some(Kind::Tuple | Kind::List) if self.sequence_len(item) == 2 => {
                    (self.sequence_item(item, 0), self.sequence_item(item, 1))
                }
                _ => {
                    result = Err(Error::Value("dictionary update sequence element has the wrong length"));
                    break;
                }
            };
            if let Err(e) = self.dict_set(d, pair.0, pair.1) {
                result = Err(e);
                break;
            }
        }
        self.release_all(&items);
        result
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
    use crate::test_support::{int, vm, TestVm};
    use crate::types::BuiltinType;
    use crate::Value;

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
}
