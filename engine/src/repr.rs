//! `repr()` and `str()` of built-in values, as CPython 3.11 writes them.
//!
//! Floats use the shortest digits that read back to the same float (Rust's `{:e}` gives
//! them), laid out by Python's rule: positional when the decimal point falls within
//! 16 digits of the first one, scientific otherwise (`1e+16`, `1e-05`), always with a
//! `.0` or an exponent so a float never reads as an int. Strings are quoted with `'`
//! unless they contain `'` and no `"`. A container that contains itself prints `[...]`.

use crate::error::{Error, Result};
use crate::hash::MAX_NESTING;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Python's `repr(float)`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // "d.ddde±x": the shortest round-trip digits and the decimal exponent. Among equally
    // short candidates Python takes the correctly rounded one (ties to even); `{:.Ne}` is
    // exact, so redo the digits at that length and keep them if they still read back.
    let shortest = format!("{x:e}");
    let length = shortest.split_once('e').map_or(0, |(m, _)| m.chars().filter(char::is_ascii_digit).count());
    let exact = format!("{x:.*e}", length.saturating_sub(1));
    let sci = if exact.parse::<f64>() == Ok(x) { exact } else { shortest };
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let point = exponent + 1; // digits before the decimal point
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if (-4 < point) && (point <= 16) {
        if point <= 0 {
            out.push_str("0.");
            out.extend(core::iter::repeat_n('0', (-point) as usize));
            out.push_str(&digits);
        } else if digits.len() as i32 <= point {
            out.push_str(&digits);
            out.extend(core::iter::repeat_n('0', (point - digits.len() as i32) as usize));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.abs());
    }
    out
}

/// Python's `repr(str)`.
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            // Controls and the separators but the space are not printable (CPython's
            // `str.isprintable`, categories Cc, Zs, Zl and Zp).
            c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                let code = c as u32;
                if code <= 0xff {
                    let _ = write!(out, "\\x{code:02x}");
                } else if code <= 0xffff {
                    let _ = write!(out, "\\u{code:04x}");
                } else {
                    let _ = write!(out, "\\U{code:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

impl Vm {
    /// Calls `v.<name>()` when v's class defines it in script code, returning the str it
    /// gave (`TypeError` if not a str).
    pub(crate) fn call_text_dunder(&mut self, v: Value, name: &str) -> Result<Option<String>> {
        let Some(method) = self.script_dunder(v, name)? else { return Ok(None) };
        let result = self.call(method, &[v])?;
        let text = self.as_str(result).map(String::from);
        self.release(result);
        text.map(Some).ok_or(Error::Type("__str__/__repr__ returned non-string"))
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> Result<String> {
        let mut out = String::new();
        let mut active = Vec::new();
        self.write_repr(&mut out, v, &mut active)?;
        Ok(out)
    }

    /// `str(v)`: the text itself for strings, `repr` for everything else built in.
    pub fn to_str(&mut self, v: Value) -> Result<String> {
        if self.kind_of(v) == Some(Kind::Str) {
            return Ok(self.as_str(v).unwrap_or("").into());
        }
        if matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception)) {
            if let Some(text) = self.call_text_dunder(v, "__str__")? {
                return Ok(text);
            }
            if self.kind_of(v) == Some(Kind::Exception) {
                return Ok(self.exception_message(v));
            }
            if let Some(base) = self.builtin_base(v) {
                // `str()` falls back to the class's own `__repr__` before the base value,
                // except for a `str` subclass, whose inherited `str.__str__` comes first.
                if self.kind_of(base) == Some(Kind::Str) || self.script_dunder(v, "__repr__")?.is_none() {
                    return self.to_str(base);
                }
            }
        }
        self.repr(v)
    }

    /// Writes `repr(v)`; `active` holds the containers being written, to print a
    /// container inside itself as `[...]` instead of recursing forever.
    fn write_repr(&mut self, out: &mut String, v: Value, active: &mut Vec<Value>) -> Result<()> {
        match v {
            Value::NONE => out.push_str("None"),
            Value::TRUE => out.push_str("True"),
            Value::FALSE => out.push_str("False"),
            Value::NOT_IMPLEMENTED => out.push_str("NotImplemented"),
            _ => {}
        }
        if matches!(v, Value::NONE | Value::TRUE | Value::FALSE | Value::NOT_IMPLEMENTED) {
            return Ok(());
        }
        if let Some(n) = self.as_int(v) {
            let _ = write!(out, "{n}");
            return Ok(());
        }
        let Some(at) = v.as_object() else { return Err(Error::Type("NULL has no repr")) };
        let kind = self.heap.kind(at);
        if matches!(kind, Kind::List | Kind::Tuple | Kind::Dict | Kind::Set) {
            if active.contains(&v) {
                out.push_str(match kind {
                    Kind::Dict | Kind::Set => "{...}",
                    Kind::Tuple => "(...)",
                    _ => "[...]",
                });
                return Ok(());
            }
            if active.len() as u32 >= MAX_NESTING {
                return Err(Error::Recursion("maximum recursion depth exceeded while getting the repr of an object"));
            }
            active.push(v);
        }
        match kind {
            Kind::Instance | Kind::Exception => match self.call_text_dunder(v, "__repr__")? {
                Some(text) => out.push_str(&text),
                None if kind == Kind::Exception => {
                    let name = String::from(self.type_name_of(v));
                    let args = self.exception_args(at);
                    let args_text = if self.tuple_len(args) == 1 {
                        let item = self.tuple_item(args, 0);
                        let mut inner = String::new();
                        self.write_repr(&mut inner, item, active)?;
                        inner
                    } else {
                        let text = self.repr(args)?;
                        String::from(text.trim_start_matches('(').trim_end_matches(')').trim_end_matches(','))
                    };
                    let _ = write!(out, "{name}({args_text})");
                }
                None => match self.builtin_base(v) {
                    Some(base) => self.write_repr(out, base, active)?,
                    None => {
                        let _ = write!(out, "<__main__.{} object at {at:#x}>", self.type_name_of(v));
                    }
                },
            },
            Kind::Float => out.push_str(&float_repr(self.as_float(v).unwrap_or(0.0))),
            Kind::Str => out.push_str(&str_repr(self.as_str(v).unwrap_or(""))),
            Kind::List | Kind::Tuple => {
                let len = self.sequence_len(v);
                out.push(if kind == Kind::List { '[' } else { '(' });
                for i in 0..len {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_repr(out, self.sequence_item(v, i), active)?;
                }
                if kind == Kind::Tuple && len == 1 {
                    out.push(',');
                }
                out.push(if kind == Kind::List { ']' } else { ')' });
            }
            Kind::Dict => {
                out.push('{');
                let mut position = 0;
                let mut first = true;
                while let Some((key, value)) = self.dict_next(v, &mut position) {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    self.write_repr(out, key, active)?;
                    out.push_str(": ");
                    self.write_repr(out, value, active)?;
                }
                out.push('}');
            }
            Kind::Set => {
                let frozen = self.is_frozenset(v);
                if self.set_len(v) == 0 {
                    out.push_str(if frozen { "frozenset()" } else { "set()" });
                } else {
                    if frozen {
                        out.push_str("frozenset(");
                    }
                    out.push('{');
                    let mut position = 0;
                    let mut first = true;
                    while let Some(key) = self.set_next(v, &mut position) {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        self.write_repr(out, key, active)?;
                    }
                    out.push('}');
                    if frozen {
                        out.push(')');
                    }
                }
            }
            Kind::DictView => {
                let view = at;
                let _ = write!(out, "{}([", self.type_name_of(v));
                let d = self.dict_view_dict(view);
                let flavor = self.dict_view_flavor(view);
                let mut position = 0;
                let mut first = true;
                while let Some((key, value)) = self.dict_next(d, &mut position) {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    match flavor {
                        crate::methods::ViewFlavor::Keys => self.write_repr(out, key, active)?,
                        crate::methods::ViewFlavor::Values => self.write_repr(out, value, active)?,
                        crate::methods::ViewFlavor::Items => {
                            out.push('(');
                            self.write_repr(out, key, active)?;
                            out.push_str(", ");
                            self.write_repr(out, value, active)?;
                            out.push(')');
                        }
                    }
                }
                out.push_str("])");
            }
            Kind::Range => {
                let (start, stop, step) = self.range_parts(at);
                if step == 1 {
                    let _ = write!(out, "range({start}, {stop})");
                } else {
                    let _ = write!(out, "range({start}, {stop}, {step})");
                }
            }
            Kind::Function => {
                let qualname = self.function_qualname_value(at);
                let _ = write!(out, "<function {} at {at:#x}>", self.as_str(qualname).unwrap_or("?"));
            }
            Kind::Code => {
                let name = crate::traceback::short_name(self.as_str(self.code_name(at)).unwrap_or("?"));
                let file = self.as_str(self.code_file(at)).unwrap_or("?");
                let line = self.heap.region().read_u32(at + 44);
                let _ = write!(out, "<code object {name} at {at:#x}, file \"{file}\", line {line}>");
            }
            Kind::Native => {
                let _ = write!(out, "<built-in function {}>", self.as_str(self.native_name(at)).unwrap_or("?"));
            }
            Kind::Class => {
                let name = self.as_str(self.class_name(at)).unwrap_or("?");
                if self.is_builtin_class(v) {
                    let _ = write!(out, "<class '{name}'>");
                } else {
                    let _ = write!(out, "<class '__main__.{name}'>");
                }
            }
            Kind::Slice => {
                out.push_str("slice(");
                for (i, offset) in [8, 12, 16].into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_repr(out, self.heap.read_value(at + offset), active)?;
                }
                out.push(')');
            }
            Kind::TextStream => out.push_str(&self.text_stream_repr(v)),
            Kind::Generator => {
                let name = self.as_str(self.heap.read_value(at + 12)).unwrap_or("?");
                let _ = write!(out, "<generator object {name} at {at:#x}>");
            }
            other => {
                let _ = write!(out, "<{} object at {at:#x}>", other.type_name());
            }
        }
        if matches!(kind, Kind::List | Kind::Tuple | Kind::Dict | Kind::Set) {
            active.pop();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    #[test]
    fn floats_print_as_cpython() {
        // python3 -c 'for x in [1.0, 0.1, 1e16, 1e15, 1e-05, 0.0001, -0.0, 123456789.125, 1.5e300, 2.5e-300, 12.75]: print(repr(x))'
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-05, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (123456789.125, "123456789.125"),
            (1.5e300, "1.5e+300"),
            (2.5e-300, "2.5e-300"),
            (12.75, "12.75"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            // An exact tie between two shortest candidates: Python rounds to even.
            (793782572103888.2, "793782572103888.2"),
        ];
        for (x, expected) in cases {
            assert_eq!(float_repr(x), expected, "{x:e}");
        }
        assert_eq!((float_repr(f64::NAN), float_repr(f64::NEG_INFINITY)), ("nan".into(), "-inf".into()));
    }

    #[test]
    fn strings_quote_as_cpython() {
        // python3 -c "print(repr('a'), repr(\"it's\"), repr('say \"hi\"'), repr('both \\' \"'), repr('t\\tn\\n\\x01é'))"
        assert_eq!(str_repr("a"), "'a'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("say \"hi\""), "'say \"hi\"'");
        assert_eq!(str_repr("both ' \""), "'both \\' \"'");
        assert_eq!(str_repr("t\tn\n\u{1}é"), "'t\\tn\\n\\x01é'");
    }

    #[test]
    fn containers_print_as_cpython_and_survive_cycles() {
        let mut vm = vm();
        let s = vm.new_str("x").unwrap();
        let one = vm.new_tuple(&[int(1)]).unwrap();
        let l = vm.new_list(&[int(1), s, one, Value::NONE, Value::TRUE]).unwrap();
        assert_eq!(vm.repr(l).unwrap(), "[1, 'x', (1,), None, True]");
        assert_eq!(vm.to_str(s).unwrap(), "x");
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, s, l).unwrap();
        assert_eq!(vm.repr(d).unwrap(), "{'x': [1, 'x', (1,), None, True]}");
        vm.list_append(l, l).unwrap();
        assert_eq!(vm.repr(l).unwrap(), "[1, 'x', (1,), None, True, [...]]");
        vm.list_clear(l).unwrap();
        let empty = vm.new_set(&[]).unwrap();
        assert_eq!(vm.repr(empty).unwrap(), "set()");
        let r = vm.new_range(0, 10, 2).unwrap();
        assert_eq!(vm.repr(r).unwrap(), "range(0, 10, 2)");
        vm.release_all(&[s, one, l, d, empty, r]);
    }
}
