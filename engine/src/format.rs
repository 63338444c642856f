//! String formatting as CPython 3.11 does it: `format(value, spec)` and f-string specs
//! (the format-spec mini-language), `str.format`, and printf-style `str % values`.
//!
//! The free functions work on Rust text and numbers and report a [`Failure`]; the `Vm`
//! methods fetch the values, raise the failures and make the result strings. The code
//! follows CPython's own (`Python/formatter_unicode.c`, `Objects/stringlib/
//! unicode_format.h`, `PyUnicode_Format`, `format_float_short`) step by step, so that
//! the odd corners (zero padding through thousands separators, `'{:.3}'` switching to
//! exponent form, `%` on a mapping) come out the same.
//!
//! `%` with only bare `%s %r %d %i %u %%` conversions of strs, ints, bools, None and
//! floats (`"unit%d" % i`) is put together on the stack and copied into the heap once;
//! every other format, and every error, takes the general path, which follows CPython.
//!
//! Floats: the decimal digits come from core's formatter, whose `{:.N}` and `{:.Ne}` are
//! exact (correctly rounded from the binary value, ties to even) and whose `{:e}` gives
//! the length of the shortest round-trip form (`repr`); a port of CPython's
//! `format_float_short` lays them out. On an exact tie `{:e}` can end on the odd digit
//! where CPython rounds to even (`793782572103888.2`), so `repr` digits are retaken at
//! that length with `{:.Ne}` (see [`decimal_digits`]); `%s`, `%r` and `!r` of a float
//! use them too.
//!
//! Known differences from CPython:
//! - mote ints are 64-bit, so there is no formatting of bigger ints (`'%d' % 1e30` is
//!   still exact: the float's integral value is written from its exact decimal digits).
//! - mote strings are UTF-8 and cannot hold a lone surrogate: `'%c' % 0xd800` and
//!   `format(0xd800, 'c')` raise ValueError instead of making one.
//! - Widths and precisions are ASCII digits only (CPython also accepts other Unicode
//!   decimal digits there).
//! - Instances of script classes are formatted through `str()`; a script-defined
//!   `__format__` is not called, and `%` does not treat an instance with `__getitem__`
//!   as a mapping.
//! - A width, precision or result bigger than the VM's whole region is a MemoryError
//!   up front (it could never be stored), where CPython would try to allocate it.

use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::function::Keywords;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

/// A formatting error not raised yet: a static engine error, or a message with dynamic
/// text (a format code, a type name) that becomes an exception of that type.
#[derive(Debug)]
enum Failure {
    Static(Error),
    Dynamic(ExceptionType, String),
}

type Fallible<T> = core::result::Result<T, Failure>;

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Static(e)
    }
}

fn value_error(text: String) -> Failure {
    Failure::Dynamic(ExceptionType::ValueError, text)
}

fn static_value_error(text: &'static str) -> Failure {
    Failure::Static(Error::Value(text))
}

/// A code letter as CPython's messages quote it: `'x'`, or `'\x1'` outside printable ASCII.
fn quoted_code(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{n:x}'")
    }
}

fn unknown_code(code: char, type_name: &str) -> Failure {
    value_error(format!("Unknown format code {} for object of type '{type_name}'", quoted_code(code)))
}

fn push_repeated(out: &mut String, c: char, n: isize) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// `ascii(x)` from `repr(x)`: every non-ASCII character escaped.
fn ascii_of(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        let _ = match n {
            0..=0x7f => {
                out.push(c);
                Ok(())
            }
            0x80..=0xff => write!(out, "\\x{n:02x}"),
            0x100..=0xffff => write!(out, "\\u{n:04x}"),
            _ => write!(out, "\\U{n:08x}"),
        };
    }
    out
}

/// The character of code point `n`, for the `c` presentations.
fn char_of(n: i64) -> Result<char> {
    if !(0..=0x10ffff).contains(&n) {
        return Err(Error::Overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(n as u32).ok_or(Error::Value("mote strings cannot hold lone surrogates"))
}

// ---------------------------------------------------------------------------------------
// The format-spec mini-language

/// The thousands separator a spec asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    None,
    Comma,
    Underscore,
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug)]
struct Spec {
    fill: char,
    align: char,
    /// `'+'`, `'-'`, `' '`, or `'\0'` when not given.
    sign: char,
    no_neg_0: bool,
    alternate: bool,
    width: Option<usize>,
    grouping: Grouping,
    precision: Option<usize>,
    /// The presentation type; `'\0'` when omitted and the type has no default.
    ty: char,
    /// The longest result that could be stored (the VM's region size).
    limit: usize,
}

impl Spec {
    fn separator(&self) -> Option<char> {
        match self.grouping {
            Grouping::None => None,
            Grouping::Comma => Some(','),
            Grouping::Underscore => Some('_'),
        }
    }

    /// MemoryError for a width or precision that could never be stored.
    fn check_room(&self, precision_matters: bool) -> Fallible<()> {
        let precision = if precision_matters { self.precision.unwrap_or(0) } else { 0 };
        if self.width.unwrap_or(0) > self.limit || precision > self.limit {
            return Err(Failure::Static(Error::Memory));
        }
        Ok(())
    }
}

/// A run of decimal digits at `pos` (`None` if there is none), as CPython's `get_integer`.
fn spec_integer(chars: &[char], pos: &mut usize) -> Fallible<Option<usize>> {
    let mut value: usize = 0;
    let mut digits = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        let d = d as usize;
        if value > (isize::MAX as usize - d) / 10 {
            return Err(static_value_error("Too many decimal digits in format string"));
        }
        value = value * 10 + d;
        *pos += 1;
        digits += 1;
    }
    Ok((digits > 0).then_some(value))
}

/// Parses a non-empty spec (CPython's `parse_internal_render_format_spec`).
fn parse_spec(spec: &str, default_type: char, default_align: char, type_name: &str) -> Fallible<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: '\0',
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_type,
        limit: usize::MAX,
    };
    let mut pos = 0;
    let (mut fill_given, mut align_given) = (false, false);
    if let (Some(fill), Some(align)) = (at(0), at(1).filter(|&c| is_align(Some(c)))) {
        s.fill = fill;
        s.align = align;
        (fill_given, align_given) = (true, true);
        pos = 2;
    } else if let Some(align) = at(0).filter(|&c| is_align(Some(c))) {
        s.align = align;
        align_given = true;
        pos = 1;
    }
    if let Some(sign @ ('+' | '-' | ' ')) = at(pos) {
        s.sign = sign;
        pos += 1;
    }
    if at(pos) == Some('z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        s.alternate = true;
        pos += 1;
    }
    // `0` before the width: zero fill, and for numbers sign-aware padding.
    if !fill_given && at(pos) == Some('0') {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = spec_integer(&chars, &mut pos)?;
    let both = || static_value_error("Cannot specify both ',' and '_'.");
    if at(pos) == Some(',') {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if at(pos) == Some('_') {
        if s.grouping != Grouping::None {
            return Err(both());
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    if at(pos) == Some(',') && s.grouping == Grouping::Underscore {
        return Err(both());
    }
    if at(pos) == Some('.') {
        pos += 1;
        s.precision = spec_integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(static_value_error("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => s.ty = chars[pos],
        _ => return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'"))),
    }
    if let Some(sep) = s.separator() {
        let allowed = match s.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => s.grouping == Grouping::Underscore,
            _ => false,
        };
        if !allowed {
            return Err(value_error(format!("Cannot specify '{sep}' with {}.", quoted_code(s.ty))));
        }
    }
    Ok(s)
}

/// `digits` with a separator every `group` digits from the right, zero-padded on the
/// left to at least `min_width` characters (CPython's `_PyUnicode_InsertThousandsGrouping`:
/// the padding zeros are grouped too, and a group never starts with a separator).
fn group_digits(digits: &str, min_width: isize, separator: Option<(char, usize)>) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as isize;
    let mut out = String::new();
    let Some((sep, group)) = separator else {
        let len = remaining.max(min_width).max(1);
        push_repeated(&mut out, '0', len - remaining);
        out.push_str(digits);
        return out;
    };
    let group = group as isize;
    let mut min_width = min_width;
    let mut reversed: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    let mut end = bytes.len();
    let mut first = true;
    loop {
        let len = group.min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0);
        let taken = remaining.min(len).max(0) as usize;
        if !first {
            reversed.push(sep as u8);
        }
        reversed.extend(bytes[end - taken..end].iter().rev());
        end -= taken;
        reversed.extend(core::iter::repeat_n(b'0', zeros as usize));
        first = false;
        remaining -= taken as isize;
        min_width -= group;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    reversed.iter().rev().map(|&b| b as char).collect()
}

/// Lays out a number: `[lpad][sign][prefix][spad][grouped digits][rest][rpad]`, where
/// `digits` are the integer digits and `rest` the decimal point, fraction, exponent or
/// `%` (CPython's `calc_number_widths` and `fill_number`).
fn layout_number(
    spec: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    separator: Option<(char, usize)>,
) -> String {
    let sign = match spec.sign {
        '+' => Some(if negative { '-' } else { '+' }),
        ' ' => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let width = spec.width.map_or(-1, |w| w as isize);
    let fixed = isize::from(sign.is_some()) + prefix.len() as isize + rest.chars().count() as isize;
    let min_width = if spec.fill == '0' && spec.align == '=' { width - fixed } else { 0 };
    let grouped = if digits.is_empty() { String::new() } else { group_digits(digits, min_width, separator) };
    let padding = width - (fixed + grouped.len() as isize);
    let (mut left, mut middle, mut right) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            '<' => right = padding,
            '^' => {
                left = padding / 2;
                right = padding - left;
            }
            '=' => middle = padding,
            _ => left = padding,
        }
    }
    let mut out = String::with_capacity(grouped.len() + rest.len() + padding.max(0) as usize + 4);
    push_repeated(&mut out, spec.fill, left);
    if let Some(sign) = sign {
        out.push(sign);
    }
    out.push_str(prefix);
    push_repeated(&mut out, spec.fill, middle);
    out.push_str(&grouped);
    out.push_str(rest);
    push_repeated(&mut out, spec.fill, right);
    out
}

/// An int under a parsed spec (CPython's `format_long_internal`, and the float
/// presentations through `format_float`).
fn format_int(n: i64, spec: &Spec, type_name: &str) -> Fallible<String> {
    match spec.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(n as f64, spec),
        other => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err(static_value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(static_value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if spec.ty == 'c' {
        if spec.sign != '\0' {
            return Err(static_value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(static_value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = char_of(n)?;
        spec.check_room(false)?;
        let mut text = [0u8; 4];
        return Ok(layout_number(spec, false, "", "", c.encode_utf8(&mut text), None));
    }
    spec.check_room(false)?;
    let magnitude = n.unsigned_abs();
    let (digits, prefix) = match spec.ty {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' => (format!("{magnitude:x}"), "0x"),
        'X' => (format!("{magnitude:X}"), "0X"),
        _ => (magnitude.to_string(), ""),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let group = if matches!(spec.ty, 'b' | 'o' | 'x' | 'X') { 4 } else { 3 };
    Ok(layout_number(spec, n < 0, prefix, &digits, "", spec.separator().map(|c| (c, group))))
}

/// A float under a parsed spec (CPython's `format_float_internal`).
fn format_float(x: f64, spec: &Spec) -> Fallible<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(static_value_error("precision too big"));
    }
    spec.check_room(true)?;
    let mut code = spec.ty;
    let mut default_precision = 6;
    let mut add_dot_0 = false;
    if code == '\0' {
        // Like repr() without a precision, else like 'g' but keeping a digit after the point.
        add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut value = x;
    let percent = code == '%';
    if percent {
        code = 'f';
        value *= 100.0;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut text = float_to_string(value, code, precision, add_dot_0, spec.alternate, spec.no_neg_0);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.as_str()),
    };
    let integer_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(integer_digits);
    Ok(layout_number(spec, negative, "", digits, rest, spec.separator().map(|c| (c, 3))))
}

/// A str under a parsed spec (CPython's `format_string_internal`).
fn format_str(text: &str, spec: &Spec) -> Fallible<String> {
    if spec.ty != 's' {
        return Err(unknown_code(spec.ty, "str"));
    }
    match spec.sign {
        '\0' => {}
        ' ' => return Err(static_value_error("Space not allowed in string format specifier")),
        _ => return Err(static_value_error("Sign not allowed in string format specifier")),
    }
    if spec.no_neg_0 {
        return Err(static_value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(static_value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(static_value_error("'=' alignment not allowed in string format specifier"));
    }
    spec.check_room(false)?;
    let mut len = text.chars().count();
    let body = match spec.precision {
        Some(p) if p < len => {
            len = p;
            text.char_indices().nth(p).map_or(text, |(i, _)| &text[..i])
        }
        _ => text,
    };
    let total = spec.width.unwrap_or(0).max(len);
    let left = match spec.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(body.len() + total - len);
    push_repeated(&mut out, spec.fill, left as isize);
    out.push_str(body);
    push_repeated(&mut out, spec.fill, (total - len - left) as isize);
    Ok(out)
}

/// A str under a spec string (empty: the text itself).
fn render_text(text: &str, spec: &str, limit: usize) -> Fallible<String> {
    if spec.is_empty() {
        return Ok(text.into());
    }
    let mut parsed = parse_spec(spec, 's', '<', "str")?;
    parsed.limit = limit;
    format_str(text, &parsed)
}

// ---------------------------------------------------------------------------------------
// Floats to text

/// The decimal digits of a finite `x >= 0` without leading or trailing zeros (`"0"` for
/// zero) and the position of the decimal point relative to them, as `_Py_dg_dtoa` gives.
fn decimal_digits(x: f64, code: char, precision: usize) -> (String, isize) {
    let text = match code {
        'f' => format!("{x:.precision$}"),
        'r' => {
            // core's shortest digits can end on the wrong side of an exact tie
            // (...52.5 as ...53); CPython takes the correctly rounded digits of that length
            // whenever they read back to `x`.
            let shortest = format!("{x:e}");
            let len = shortest.split('e').next().map_or(1, |m| m.bytes().filter(u8::is_ascii_digit).count());
            let nearest = format!("{x:.*e}", len.saturating_sub(1));
            if nearest.parse::<f64>() == Ok(x) {
                nearest
            } else {
                shortest
            }
        }
        // 'e' and 'g': `precision` significant digits.
        _ => format!("{x:.*e}", precision.saturating_sub(1)),
    };
    let (mantissa, point) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<isize>().unwrap_or(0) + 1),
        None => (text.as_str(), text.find('.').unwrap_or(text.len()) as isize),
    };
    let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let significant = all.trim_start_matches('0');
    let point = point - (all.len() - significant.len()) as isize;
    let significant = significant.trim_end_matches('0');
    if significant.is_empty() {
        return ("0".into(), 1);
    }
    (significant.into(), point)
}

/// CPython's `PyOS_double_to_string` (through `format_float_short`) for the codes
/// `e E f F g G` and `r` (repr), without the always-add-sign flag.
fn float_to_string(x: f64, code: char, precision: usize, add_dot_0: bool, alternate: bool, no_neg_0: bool) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() {
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    // 'e' shows precision + 1 significant digits; 'g' at least one.
    let precision = match code {
        'e' => precision + 1,
        'g' => precision.max(1),
        _ => precision,
    };
    let (digits, mut point) = decimal_digits(x.abs(), code, precision);
    let negative = x.is_sign_negative() && !(no_neg_0 && digits == "0");
    let digits_len = digits.len() as isize;
    let precision = precision as isize;
    // The output is a slice [start, end) of the digits padded with zeros on both sides.
    let mut use_exp = false;
    let mut end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            end = precision;
        }
        'f' => end = point + precision,
        'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            use_exp = point <= -4 || point > limit;
            if alternate {
                end = precision;
            }
        }
        _ => use_exp = point <= -4 || point > 16,
    }
    let mut exponent = 0;
    if use_exp {
        exponent = point - 1;
        point = 1;
    }
    let start = if point <= 0 { point - 1 } else { 0 };
    end = if !use_exp && add_dot_0 { end.max(point + 1) } else { end.max(point) };
    if negative {
        out.push('-');
    }
    if point <= 0 {
        push_repeated(&mut out, '0', point - start);
        out.push('.');
        push_repeated(&mut out, '0', -point);
    } else {
        push_repeated(&mut out, '0', -start);
    }
    if 0 < point && point <= digits_len {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < point {
        push_repeated(&mut out, '0', point - digits_len);
        out.push('.');
        push_repeated(&mut out, '0', end - point);
    } else {
        push_repeated(&mut out, '0', end - digits_len);
    }
    if out.ends_with('.') && !alternate {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let _ = write!(out, "{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.unsigned_abs());
    }
    out
}

// ---------------------------------------------------------------------------------------
// printf-style formatting

/// One `%` conversion's flags, width and precision.
#[derive(Debug, Default)]
struct Conversion {
    left: bool,
    plus: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
    code: char,
}

/// Where `%` takes its values from (CPython's `unicode_formatter_t`): `args` is the
/// tuple (`len` items, next at `index`), or a single value (`len` -1, `index` -2 until
/// it is taken); after a `%(key)` it is the value looked up, owned.
struct PercentArgs {
    args: Value,
    owned: bool,
    len: i64,
    index: i64,
    mapping: Option<Value>,
}

/// The most bytes the plain `%` path puts together on the stack; longer results take
/// the general path.
const PLAIN_PERCENT_BYTES: usize = 128;

/// Text put together on the stack by the plain `%` path, so it needs no host memory.
struct StackText {
    bytes: [u8; PLAIN_PERCENT_BYTES],
    len: usize,
}

impl StackText {
    /// Appends `more`; `None` when it does not fit.
    fn push(&mut self, more: &[u8]) -> Option<()> {
        let end = self.len + more.len();
        self.bytes.get_mut(self.len..end)?.copy_from_slice(more);
        self.len = end;
        Some(())
    }
}

/// A cursor over the format string's characters.
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
    exhausted: bool,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        match self.chars.get(self.pos) {
            Some(&c) => {
                self.pos += 1;
                Some(c)
            }
            None => {
                self.exhausted = true;
                None
            }
        }
    }
}

fn ascii_digit(c: Option<char>) -> Option<usize> {
    c.filter(char::is_ascii_digit).and_then(|c| c.to_digit(10)).map(|d| d as usize)
}

/// Writes one converted value with its width, sign and `#` prefix (CPython's
/// `unicode_format_arg_output`). `numeric` is set for the number conversions.
fn percent_output(out: &mut String, text: &str, conv: &Conversion, numeric: bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as isize;
    let mut width = conv.width.map_or(-1, |w| w as isize);
    let precision = conv.precision.map_or(-1, |p| p as isize);
    if (width == -1 || width <= len) && (precision == -1 || precision >= len) && !(conv.plus || conv.blank) {
        out.push_str(text);
        return;
    }
    if matches!(conv.code, 's' | 'r' | 'a') && precision >= 0 && len > precision {
        len = precision;
    }
    let fill = if numeric && conv.zero { '0' } else { ' ' };
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                start += 1;
            }
            _ if conv.plus => sign = Some('+'),
            _ if conv.blank => sign = Some(' '),
            _ => {}
        }
    }
    if width < len {
        width = len;
    }
    if let Some(sign) = sign {
        if fill != ' ' {
            out.push(sign);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefix = conv.alternate && matches!(conv.code, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv.code);
            start += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !conv.left {
        push_repeated(out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if let Some(sign) = sign {
            out.push(sign);
        }
        if prefix {
            out.push('0');
            out.push(conv.code);
            start += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[start..start + len as usize]);
    }
    push_repeated(out, ' ', width - len);
}

/// The text of an int conversion: sign, `0x`/`0o` with `#`, digits zero-padded to the
/// precision, upper case for `X` (CPython's `_PyUnicode_FormatLong`).
fn percent_long(negative: bool, digits: &str, conv: &Conversion) -> String {
    let mut out = String::with_capacity(digits.len() + 4);
    if negative {
        out.push('-');
    }
    if conv.alternate && matches!(conv.code, 'o' | 'x' | 'X') {
        out.push('0');
        out.push(if conv.code == 'o' { 'o' } else { 'x' });
    }
    push_repeated(&mut out, '0', conv.precision.map_or(0, |p| p as isize) - digits.len() as isize);
    out.push_str(digits);
    if conv.code == 'X' {
        out.make_ascii_uppercase();
    }
    out
}

// ---------------------------------------------------------------------------------------
// str.format

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unknown,
    Automatic,
    Manual,
}

/// `{}` numbering state: whether fields are numbered automatically, and the next number.
struct AutoNumber {
    state: Numbering,
    next: usize,
}

/// One replacement field: `{name!conversion:spec}`.
struct Field<'a> {
    name: &'a str,
    conversion: Option<char>,
    spec: &'a str,
    /// The spec holds nested fields to expand first.
    expand: bool,
}

/// A field index (`Some` if `s` is all decimal digits), as `get_integer` in
/// `unicode_format.h`.
fn field_integer(s: &str) -> Result<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for c in s.chars() {
        let Some(d) = ascii_digit(Some(c)) else { return Ok(None) };
        if value > (isize::MAX as usize - d) / 10 {
            return Err(Error::Value("Too many decimal digits in format string"));
        }
        value = value * 10 + d;
    }
    Ok(Some(value))
}

/// Parses the field that starts at byte `pos` (just after its `{`); returns it and the
/// position after its `}` (CPython's `parse_field`).
fn parse_field(input: &str, mut pos: usize) -> Result<(Field<'_>, usize)> {
    let bytes = input.as_bytes();
    let name_start = pos;
    let mut c = 0u8;
    while pos < bytes.len() {
        c = bytes[pos];
        pos += 1;
        match c {
            b'{' => return Err(Error::Value("unexpected '{' in field name")),
            b'[' => {
                while pos < bytes.len() && bytes[pos] != b']' {
                    pos += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    if !matches!(c, b'}' | b':' | b'!') {
        return Err(Error::Value("expected '}' before end of string"));
    }
    let name = &input[name_start..pos - 1];
    if c == b'}' {
        return Ok((Field { name, conversion: None, spec: "", expand: false }, pos));
    }
    let mut conversion = None;
    if c == b'!' {
        let Some(conv) = input[pos..].chars().next() else {
            return Err(Error::Value("end of string while looking for conversion specifier"));
        };
        conversion = Some(conv);
        pos += conv.len_utf8();
        if let Some(&next) = bytes.get(pos) {
            pos += 1;
            if next == b'}' {
                return Ok((Field { name, conversion, spec: "", expand: false }, pos));
            }
            if next != b':' {
                return Err(Error::Value("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = pos;
    let mut depth = 1;
    let mut expand = false;
    while pos < bytes.len() {
        let c = bytes[pos];
        pos += 1;
        match c {
            b'{' => {
                expand = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    let spec = &input[spec_start..pos - 1];
                    return Ok((Field { name, conversion, spec, expand }, pos));
                }
            }
            _ => {}
        }
    }
    Err(Error::Value("unmatched '{' in format spec"))
}

/// The arguments of one `str.format` call.
struct FormatArgs<'x> {
    positional: &'x [Value],
    keywords: &'x Keywords<'x>,
    /// `format_map`'s mapping, indexed by field name (NULL for `format`).
    mapping: Value,
}

/// `str.format(*args, **kwargs)`: `args[0]` is the format string, the rest the positional
/// arguments. Fields are `{}`, `{0}`, `{name}`, `{0[1]}`, `{0.attr}`, with `!r`/`!s`/`!a`
/// and a format spec that may itself hold fields (`'{:{}}'.format(x, 8)`).
pub(crate) fn str_format(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    let Some((&receiver, rest)) = args.split_first() else {
        return Err(Error::Type("unbound method str.format() needs an argument"));
    };
    format_fields(vm, receiver, &FormatArgs { positional: rest, keywords, mapping: Value::NULL })
}

/// The format string `receiver` with its fields replaced from `arguments`.
fn format_fields(vm: &mut Vm, receiver: Value, arguments: &FormatArgs<'_>) -> Result<Value> {
    let input: String = vm
        .as_str(vm.through_base(receiver))
        .ok_or(Error::Type("descriptor 'format' for 'str' objects doesn't apply"))?
        .into();
    let mut numbering = AutoNumber { state: Numbering::Unknown, next: 0 };
    let mut out = String::new();
    vm.build_string(&input, arguments, 2, &mut numbering, &mut out)?;
    vm.new_str(&out)
}

/// `s.format_map(mapping)`: each named field is `mapping[name]` (so a dict subclass's
/// `__missing__` answers for absent names).
pub(crate) fn str_format_map(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [receiver, mapping] = args else {
        return Err(Error::Type("format_map() takes exactly one argument"));
    };
    let keywords = Keywords::default();
    format_fields(vm, *receiver, &FormatArgs { positional: &[], keywords: &keywords, mapping: *mapping })
}

// ---------------------------------------------------------------------------------------
// The VM side

impl Vm {
    /// `format(v, spec)` (owned str); no spec is `str(v)`.
    pub(crate) fn format_value(&mut self, v: Value, spec: Option<Value>) -> Result<Value> {
        let spec_is_empty = match spec {
            Some(s) => self.as_str(s).ok_or(Error::Type("format() argument 2 must be str"))?.is_empty(),
            None => true,
        };
        if spec_is_empty && self.kind_of(v) == Some(Kind::Str) {
            self.incref(v);
            return Ok(v);
        }
        if let (true, Some(n)) = (spec_is_empty, v.as_small_int()) {
            // `f"{i}"`, the most common field, without the formatting machinery.
            let mut digits = [0u8; crate::str::DECIMAL_DIGITS];
            let text = crate::str::decimal(n, &mut digits);
            return Ok(Value::from_offset(self.new_str_object(text, crate::hash::hash_str_bytes(text))?));
        }
        let spec_text: String = spec.and_then(|s| self.as_str(s)).unwrap_or("").into();
        match self.render(v, &spec_text) {
            Ok(text) => self.new_str(&text),
            Err(f) => Err(self.fail(f)),
        }
    }

    /// The longest text that could ever be stored.
    fn format_limit(&self) -> usize {
        self.heap.region().len()
    }

    /// `format(v, spec)` as text: the built-in `__format__` of str, int, bool and float,
    /// and `object.__format__` (only an empty spec) for everything else.
    fn render(&mut self, v: Value, spec: &str) -> Fallible<String> {
        let limit = self.format_limit();
        if let Some(text) = self.as_str(v) {
            return render_text(text, spec, limit);
        }
        if let Some(n) = self.as_int(v) {
            let is_bool = v == Value::TRUE || v == Value::FALSE;
            if spec.is_empty() {
                return Ok(match (is_bool, n) {
                    (true, 0) => "False".into(),
                    (true, _) => "True".into(),
                    _ => n.to_string(),
                });
            }
            let type_name = if is_bool { "bool" } else { "int" };
            let mut parsed = parse_spec(spec, 'd', '>', type_name)?;
            parsed.limit = limit;
            return format_int(n, &parsed, type_name);
        }
        if let Some(x) = self.as_float(v) {
            if spec.is_empty() {
                return Ok(float_to_string(x, 'r', 0, true, false, false));
            }
            let mut parsed = parse_spec(spec, '\0', '>', "float")?;
            parsed.limit = limit;
            return match parsed.ty {
                '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float(x, &parsed),
                other => Err(unknown_code(other, "float")),
            };
        }
        if let Some(text) = self.script_format(v, spec).map_err(Failure::Static)? {
            return Ok(text);
        }
        if spec.is_empty() {
            return Ok(self.to_str(v)?);
        }
        Err(Failure::Dynamic(
            ExceptionType::TypeError,
            format!("unsupported format string passed to {}.__format__", self.type_name_of(v)),
        ))
    }

    /// An instance's own `__format__(spec)`, if its class defines one.
    fn script_format(&mut self, v: Value, spec: &str) -> Result<Option<String>> {
        if self.kind_of(v) != Some(Kind::Instance) {
            return Ok(None);
        }
        let spec = self.new_str(spec)?;
        let result = self.call_dunder(v, "__format__", &[spec]);
        self.release(spec);
        let Some(result) = result? else { return Ok(None) };
        let text = self.as_str(result).map(String::from);
        if text.is_none() {
            let message = format!("__format__ must return a str, not {}", self.type_name_of(result));
            self.release(result);
            return Err(self.raise_text(ExceptionType::TypeError, &message));
        }
        self.release(result);
        Ok(text)
    }

    /// `repr(v)` or `str(v)`, with floats written by this module (exact on ties, see
    /// [`decimal_digits`]).
    fn text_of(&mut self, v: Value, repr: bool) -> Result<String> {
        if let Some(x) = self.as_float(v) {
            return Ok(float_to_string(x, 'r', 0, true, false, false));
        }
        if repr {
            self.repr(v)
        } else {
            self.to_str(v)
        }
    }

    /// Raises a failure; returns the error to propagate.
    fn fail(&mut self, failure: Failure) -> Error {
        match failure {
            Failure::Static(e) => e,
            Failure::Dynamic(ty, text) => self.raise_text(ty, &text),
        }
    }

    /// Raises an exception of `ty` with the message `text`.
    fn raise_text(&mut self, ty: ExceptionType, text: &str) -> Error {
        let class = self.exception_class(ty);
        if class == Value::NULL {
            // No builtins yet: the closest static error.
            return match ty {
                ExceptionType::TypeError => Error::Type("invalid format argument"),
                ExceptionType::OverflowError => Error::Overflow("format argument out of range"),
                ExceptionType::IndexError => Error::Index("format index out of range"),
                _ => Error::Value("invalid format string"),
            };
        }
        let message = match self.new_str(text) {
            Ok(m) => m,
            Err(e) => return e,
        };
        let made = self.new_exception(class, &[message]);
        self.release(message);
        match made {
            Ok(exception) => self.raise(exception),
            Err(e) => e,
        }
    }

    /// Raises an error that names values (a KeyError's key) while they are alive.
    fn raise_now(&mut self, e: Error) -> Error {
        match self.raise_error(e) {
            Error::Key(_) => Error::Index("format key not found"),
            Error::Attribute { .. } | Error::NameNotDefined(_) | Error::UnboundLocalName(_) => {
                Error::Type("format field lookup failed")
            }
            other => other,
        }
    }

    /// printf-style `fmt % values` (owned str): `%s %r %a %d %i %u %o %x %X %e %E %f %F
    /// %g %G %c %%` with flags `-+ #0`, width and precision (`*` takes them from the
    /// values), and `%(key)s` looking keys up in a dict.
    pub(crate) fn percent_format(&mut self, fmt: Value, values: Value) -> Result<Value> {
        // A subclass of a container holds the values (or is the mapping) as its base
        // value; any other value is formatted itself (a str subclass by its `__str__`).
        let base = self.through_base(values);
        let values = match self.kind_of(base) {
            Some(Kind::Tuple | Kind::Dict | Kind::List | Kind::Range) => base,
            _ => values,
        };
        if let Some(fmt_at) = fmt.as_object().filter(|&at| self.heap.is_kind(at, Kind::Str)) {
            if let Some(done) = self.percent_plain(fmt_at, values) {
                return done;
            }
        }
        let chars: Vec<char> = self.as_str(fmt).ok_or(Error::Type("format requires a str"))?.chars().collect();
        let kind = self.kind_of(values);
        let (len, index) = if kind == Some(Kind::Tuple) { (i64::from(self.tuple_len(values)), 0) } else { (-1, -2) };
        // CPython takes anything with `__getitem__` but a tuple or str as the mapping.
        let mapping = matches!(kind, Some(Kind::Dict | Kind::List | Kind::Range)).then_some(values);
        let mut args = PercentArgs { args: values, owned: false, len, index, mapping };
        let mut out = String::new();
        let done = self.percent_into(&chars, &mut args, &mut out);
        if args.owned {
            self.release(args.args);
        }
        done?;
        if args.index < args.len && args.mapping.is_none() {
            return Err(Error::Type("not all arguments converted during string formatting"));
        }
        self.new_str(&out)
    }

    /// `fmt % values` when every conversion is a bare `%s %r %d %i %u` or `%%` and the
    /// values are used up exactly, each one a str, int, bool, None or (`%s`, `%r` only)
    /// float — the common `"unit%d" % i` — put together on the stack and copied into the
    /// heap once. `None` leaves everything else, errors included, to the general path;
    /// nothing has run by then (these values call no script code), so it can start over.
    fn percent_plain(&mut self, fmt_at: u32, values: Value) -> Option<Result<Value>> {
        let mut text = StackText { bytes: [0; PLAIN_PERCENT_BYTES], len: 0 };
        self.percent_plain_text(fmt_at, values, &mut text)?;
        let bytes = text.bytes.get(..text.len)?;
        Some(self.new_str_object(bytes, crate::hash::hash_str_bytes(bytes)).map(Value::from_offset))
    }

    fn percent_plain_text(&self, fmt_at: u32, values: Value, out: &mut StackText) -> Option<()> {
        let tuple = match self.kind_of(values) {
            Some(Kind::Tuple) => true,
            // Mappings: `%(key)` and no "not all arguments converted" check.
            Some(Kind::Dict | Kind::List | Kind::Range) => return None,
            _ => false,
        };
        let count = if tuple { self.tuple_len(values) } else { 1 };
        let mut taken = 0;
        let mut rest = self.str_bytes(fmt_at);
        while let Some(at) = rest.iter().position(|&b| b == b'%') {
            out.push(rest.get(..at)?)?;
            let code = *rest.get(at + 1)?;
            rest = rest.get(at + 2..)?;
            if code == b'%' {
                out.push(b"%")?;
                continue;
            }
            if taken == count {
                return None;
            }
            let v = if tuple { self.tuple_item(values, taken) } else { values };
            taken += 1;
            self.percent_plain_value(v, code, out)?;
        }
        out.push(rest)?;
        (taken == count).then_some(())
    }

    /// One plain conversion, as [`Self::percent_into`] would write it.
    fn percent_plain_value(&self, v: Value, code: u8, out: &mut StackText) -> Option<()> {
        let mut digits = [0u8; crate::str::DECIMAL_DIGITS];
        let text = matches!(code, b's' | b'r');
        if !text && !matches!(code, b'd' | b'i' | b'u') {
            return None;
        }
        match v {
            Value::NONE if text => return out.push(b"None"),
            Value::TRUE if text => return out.push(b"True"),
            Value::FALSE if text => return out.push(b"False"),
            _ => {}
        }
        if let Some(n) = self.as_int(v) {
            return out.push(crate::str::decimal(n, &mut digits));
        }
        if !text {
            return None;
        }
        if let Some(s) = self.as_str(v) {
            return if code == b's' { out.push(s.as_bytes()) } else { out.push(crate::repr::str_repr(s).as_bytes()) };
        }
        let x = self.as_float(v)?;
        out.push(float_to_string(x, 'r', 0, true, false, false).as_bytes())
    }

    /// The next value for a conversion (borrowed).
    fn percent_next(&self, args: &mut PercentArgs) -> Result<Value> {
        if args.index >= args.len {
            return Err(Error::Type("not enough arguments for format string"));
        }
        let i = args.index;
        args.index += 1;
        Ok(if args.len < 0 { args.args } else { self.tuple_item(args.args, i as u32) })
    }

    /// `mapping[key]` for `%(key)s` (owned).
    fn percent_lookup(&mut self, mapping: Value, key: &str) -> Result<Value> {
        match self.kind_of(mapping) {
            Some(Kind::List) => return Err(Error::Type("list indices must be integers or slices, not str")),
            Some(Kind::Range) => return Err(Error::Type("range indices must be integers or slices, not str")),
            _ => {}
        }
        let key = self.new_str(key)?;
        let found = match self.dict_get(mapping, key) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(self.raise_now(Error::Key(key))),
            Err(e) => Err(self.raise_now(e)),
        };
        self.release(key);
        found
    }

    fn percent_into(&mut self, chars: &[char], args: &mut PercentArgs, out: &mut String) -> Result<()> {
        let limit = self.format_limit();
        let mut pos = 0;
        while pos < chars.len() {
            if out.len() > limit {
                return Err(Error::Memory);
            }
            if chars[pos] != '%' {
                out.push(chars[pos]);
                pos += 1;
                continue;
            }
            pos += 1;
            if chars.get(pos) == Some(&'%') {
                out.push('%');
                pos += 1;
                continue;
            }
            if chars.get(pos) == Some(&'(') {
                let Some(mapping) = args.mapping else { return Err(Error::Type("format requires a mapping")) };
                pos += 1;
                let key_start = pos;
                let mut depth = 1;
                while depth > 0 && pos < chars.len() {
                    match chars[pos] {
                        ')' => depth -= 1,
                        '(' => depth += 1,
                        _ => {}
                    }
                    pos += 1;
                }
                if depth > 0 {
                    return Err(Error::Value("incomplete format key"));
                }
                let key: String = chars[key_start..pos - 1].iter().collect();
                let value = self.percent_lookup(mapping, &key)?;
                if args.owned {
                    self.release(args.args);
                }
                (args.args, args.owned, args.len, args.index) = (value, true, -1, -2);
            }
            let mut cursor = Cursor { chars, pos, exhausted: false };
            let mut conv = Conversion::default();
            let mut c = loop {
                match cursor.next() {
                    Some('-') => conv.left = true,
                    Some('+') => conv.plus = true,
                    Some(' ') => conv.blank = true,
                    Some('#') => conv.alternate = true,
                    Some('0') => conv.zero = true,
                    other => break other,
                }
            };
            if c == Some('*') {
                let v = self.percent_next(args)?;
                let width = self.as_int(v).ok_or(Error::Type("* wants int"))?;
                conv.left |= width < 0;
                conv.width = Some(usize::try_from(width.unsigned_abs()).unwrap_or(usize::MAX));
                c = cursor.next();
            } else if let Some(mut width) = ascii_digit(c) {
                loop {
                    c = cursor.next();
                    let Some(d) = ascii_digit(c) else { break };
                    if width > (isize::MAX as usize - d) / 10 {
                        return Err(Error::Value("width too big"));
                    }
                    width = width * 10 + d;
                }
                conv.width = Some(width);
            }
            if c == Some('.') {
                conv.precision = Some(0);
                c = cursor.next();
                if c == Some('*') {
                    let v = self.percent_next(args)?;
                    let precision = self.as_int(v).ok_or(Error::Type("* wants int"))?;
                    let precision = i32::try_from(precision)
                        .map_err(|_| Error::Overflow("Python int too large to convert to C int"))?;
                    conv.precision = Some(precision.max(0) as usize);
                    c = cursor.next();
                } else if let Some(mut precision) = ascii_digit(c) {
                    loop {
                        c = cursor.next();
                        let Some(d) = ascii_digit(c) else { break };
                        if precision > (i32::MAX as usize - d) / 10 {
                            return Err(Error::Value("precision too big"));
                        }
                        precision = precision * 10 + d;
                    }
                    conv.precision = Some(precision);
                }
            }
            if !cursor.exhausted && matches!(c, Some('h' | 'l' | 'L')) {
                c = cursor.next();
            }
            let code = match c {
                Some(code) if !cursor.exhausted => code,
                _ => return Err(Error::Value("incomplete format")),
            };
            pos = cursor.pos;
            conv.code = code;
            let v = self.percent_next(args)?;
            // Numbers and `%c` take a built-in subclass's value, text its `__str__`.
            let base = self.through_base(v);
            let text_only = matches!(code, 's' | 'r' | 'a');
            if conv.width.unwrap_or(0) > limit || (!text_only && conv.precision.unwrap_or(0) > limit) {
                return Err(Error::Memory);
            }
            let (text, numeric) = match code {
                's' => (self.text_of(v, false)?, false),
                'r' => (self.text_of(v, true)?, false),
                'a' => (ascii_of(&self.text_of(v, true)?), false),
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (self.percent_int(base, &conv)?, true),
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match (self.as_float(base), self.as_int(base)) {
                        (Some(x), _) => x,
                        (None, Some(n)) => n as f64,
                        _ => {
                            let text = format!("must be real number, not {}", self.type_name_of(v));
                            return Err(self.raise_text(ExceptionType::TypeError, &text));
                        }
                    };
                    (float_to_string(x, code, conv.precision.unwrap_or(6), false, conv.alternate, false), true)
                }
                'c' => (self.percent_char(base)?.to_string(), false),
                _ => {
                    let shown = if (31..=126).contains(&(code as u32)) { code } else { '?' };
                    let text =
                        format!("unsupported format character '{shown}' (0x{:x}) at index {}", code as u32, pos - 1);
                    return Err(self.raise_text(ExceptionType::ValueError, &text));
                }
            };
            percent_output(out, &text, &conv, numeric);
        }
        if out.len() > limit {
            return Err(Error::Memory);
        }
        Ok(())
    }

    /// The text of `%d %i %u %o %x %X` (CPython's `mainformatlong`).
    fn percent_int(&mut self, v: Value, conv: &Conversion) -> Result<String> {
        let radix = |m: u64| match conv.code {
            'o' => format!("{m:o}"),
            'x' | 'X' => format!("{m:x}"),
            _ => m.to_string(),
        };
        if let Some(n) = self.as_int(v) {
            return Ok(percent_long(n < 0, &radix(n.unsigned_abs()), conv));
        }
        let needs_index = matches!(conv.code, 'o' | 'x' | 'X');
        if let Some(x) = self.as_float(v).filter(|_| !needs_index) {
            if x.is_nan() {
                return Err(Error::Value("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(Error::Overflow("cannot convert float infinity to integer"));
            }
            let whole = libm::trunc(x);
            // `{:.0}` of an integral float is its exact decimal value, however big.
            return Ok(percent_long(whole < 0.0, &format!("{:.0}", whole.abs()), conv));
        }
        let wanted = if needs_index { "an integer" } else { "a real number" };
        let text = format!("%{} format: {wanted} is required, not {}", conv.code, self.type_name_of(v));
        Err(self.raise_text(ExceptionType::TypeError, &text))
    }

    /// The character of `%c`: a one-character str or a code point.
    fn percent_char(&self, v: Value) -> Result<char> {
        if let Some(text) = self.as_str(v) {
            let mut chars = text.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                return Ok(c);
            }
        } else if let Some(n) = self.as_int(v) {
            return char_of(n);
        }
        Err(Error::Type("%c requires int or char"))
    }

    /// Expands `input` into `out` (CPython's `build_string`); `depth` counts the nesting
    /// of fields in specs still allowed.
    fn build_string(
        &mut self,
        input: &str,
        args: &FormatArgs<'_>,
        depth: u32,
        numbering: &mut AutoNumber,
        out: &mut String,
    ) -> Result<()> {
        if depth == 0 {
            return Err(Error::Value("Max string recursion exceeded"));
        }
        let limit = self.format_limit();
        let bytes = input.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            // Literal text up to a brace; a doubled brace is literal.
            let start = pos;
            let mut brace = None;
            while pos < bytes.len() {
                let c = bytes[pos];
                pos += 1;
                if c == b'{' || c == b'}' {
                    brace = Some(c);
                    break;
                }
            }
            let at_end = pos >= bytes.len();
            let mut literal_end = pos;
            let mut field_follows = false;
            if let Some(c) = brace {
                if c == b'}' && (at_end || bytes[pos] != b'}') {
                    return Err(Error::Value("Single '}' encountered in format string"));
                }
                if at_end {
                    return Err(Error::Value("Single '{' encountered in format string"));
                }
                if bytes[pos] == c {
                    pos += 1;
                } else {
                    literal_end -= 1;
                    field_follows = true;
                }
            }
            out.push_str(&input[start..literal_end]);
            if field_follows {
                let (field, next) = parse_field(input, pos)?;
                pos = next;
                self.output_field(&field, args, depth, numbering, out)?;
            }
            if out.len() > limit {
                return Err(Error::Memory);
            }
        }
        Ok(())
    }

    /// Formats one field into `out` (CPython's `output_markup`).
    fn output_field(
        &mut self,
        field: &Field<'_>,
        args: &FormatArgs<'_>,
        depth: u32,
        numbering: &mut AutoNumber,
        out: &mut String,
    ) -> Result<()> {
        let obj = self.field_object(field.name, args, numbering)?;
        let done = self.render_field(obj, field, args, depth, numbering, out);
        self.release(obj);
        done
    }

    fn render_field(
        &mut self,
        obj: Value,
        field: &Field<'_>,
        args: &FormatArgs<'_>,
        depth: u32,
        numbering: &mut AutoNumber,
        out: &mut String,
    ) -> Result<()> {
        let converted = match field.conversion {
            None => None,
            Some('r') => Some(self.text_of(obj, true)?),
            Some('s') => Some(self.text_of(obj, false)?),
            Some('a') => Some(ascii_of(&self.text_of(obj, true)?)),
            Some(c) => {
                let n = c as u32;
                let text = if n > 32 && n < 127 {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{n:x}")
                };
                return Err(self.raise_text(ExceptionType::ValueError, &text));
            }
        };
        let expanded;
        let spec = if field.expand {
            let mut text = String::new();
            self.build_string(field.spec, args, depth - 1, numbering, &mut text)?;
            expanded = text;
            expanded.as_str()
        } else {
            field.spec
        };
        let rendered = match &converted {
            Some(text) => render_text(text, spec, self.format_limit()),
            None => self.render(obj, spec),
        };
        match rendered {
            Ok(text) => {
                out.push_str(&text);
                Ok(())
            }
            Err(f) => Err(self.fail(f)),
        }
    }

    /// The object a field names (owned): a positional argument, then `.attr` and `[key]`
    /// lookups (CPython's `get_field_object`).
    fn field_object(&mut self, name: &str, args: &FormatArgs<'_>, numbering: &mut AutoNumber) -> Result<Value> {
        let (first, rest) = name.split_at(name.find(['.', '[']).unwrap_or(name.len()));
        let index = field_integer(first)?;
        let automatic = first.is_empty();
        if automatic || index.is_some() {
            if numbering.state == Numbering::Unknown {
                numbering.state = if automatic { Numbering::Automatic } else { Numbering::Manual };
            }
            match (numbering.state, automatic) {
                (Numbering::Manual, true) => {
                    return Err(Error::Value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ))
                }
                (Numbering::Automatic, false) => {
                    return Err(Error::Value(
                        "cannot switch from automatic field numbering to manual field specification",
                    ))
                }
                _ => {}
            }
        }
        let index = if automatic {
            numbering.next += 1;
            Some(numbering.next - 1)
        } else {
            index
        };
        let mut obj = match index.map(|i| (i, args.positional.get(i))) {
            Some((_, Some(&v))) => {
                self.incref(v);
                v
            }
            Some((i, None)) => {
                let text = format!("Replacement index {i} out of range for positional args tuple");
                return Err(self.raise_text(ExceptionType::IndexError, &text));
            }
            None => match args.keywords.get(self, first) {
                Some(v) => {
                    self.incref(v);
                    v
                }
                None if args.mapping != Value::NULL => {
                    let key = self.new_str(first)?;
                    let found = self.get_item_any(args.mapping, key);
                    self.release(key);
                    found?
                }
                None => {
                    let key = self.new_str(first)?;
                    let e = self.raise_now(Error::Key(key));
                    self.release(key);
                    return Err(e);
                }
            },
        };
        let bytes = rest.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let step = field_step(rest, &mut pos);
            let next = match step {
                Ok((is_attribute, part)) => self.field_lookup(obj, is_attribute, part),
                Err(e) => Err(e),
            };
            self.release(obj);
            obj = next?;
        }
        Ok(obj)
    }

    /// `obj.part` or `obj[part]` (owned).
    fn field_lookup(&mut self, obj: Value, is_attribute: bool, part: &str) -> Result<Value> {
        let index = if is_attribute { None } else { field_integer(part)? };
        if !is_attribute {
            // CPython's messages for the subscripts the built-in types refuse.
            let refused = match (self.kind_of(obj), index) {
                (None | Some(Kind::Int | Kind::Float), _) => {
                    Some(format!("'{}' object is not subscriptable", self.type_name_of(obj)))
                }
                (Some(Kind::Str), None) => Some("string indices must be integers, not 'str'".into()),
                (Some(Kind::Tuple | Kind::List | Kind::Range), None) => {
                    Some(format!("{} indices must be integers or slices, not str", self.type_name_of(obj)))
                }
                _ => None,
            };
            if let Some(text) = refused {
                return Err(self.raise_text(ExceptionType::TypeError, &text));
            }
        }
        let key = match index {
            Some(i) => self.new_int(i64::try_from(i).unwrap_or(i64::MAX))?,
            None => self.new_str(part)?,
        };
        let found = if is_attribute { self.get_attribute(obj, key) } else { self.get_item(obj, key) };
        let found = found.map_err(|e| self.raise_now(e));
        self.release(key);
        found
    }
}

/// The next `.attr` or `[key]` of a field name after its first part (CPython's
/// `FieldNameIterator_next`): whether it is an attribute, and its text.
fn field_step<'a>(rest: &'a str, pos: &mut usize) -> Result<(bool, &'a str)> {
    let bytes = rest.as_bytes();
    let c = bytes[*pos];
    *pos += 1;
    let start = *pos;
    let (is_attribute, part) = match c {
        b'.' => {
            while *pos < bytes.len() && bytes[*pos] != b'.' && bytes[*pos] != b'[' {
                *pos += 1;
            }
            (true, &rest[start..*pos])
        }
        b'[' => {
            while *pos < bytes.len() && bytes[*pos] != b']' {
                *pos += 1;
            }
            if *pos >= bytes.len() {
                return Err(Error::Value("Missing ']' in format string"));
            }
            *pos += 1;
            let part = &rest[start..*pos - 1];
            field_integer(part)?;
            (false, part)
        }
        _ => return Err(Error::Value("Only '.' or '[' may follow ']' in format field specifier")),
    };
    if part.is_empty() {
        return Err(Error::Value("Empty attribute in format string"));
    }
    Ok((is_attribute, part))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::bytecode::Op;
    use crate::test_support::{int, vm};
    use alloc::vec;

    /// A value to make in the test VM.
    #[derive(Debug, Clone, Copy)]
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
        B(bool),
        N,
    }
    use V::*;

    /// An argument: a value, a tuple (of values or of arguments), a list or a dict.
    #[derive(Debug, Clone, Copy)]
    enum Arg {
        A(V),
        Tup(&'static [V]),
        Tup2(&'static [Arg]),
        List(&'static [V]),
        Map(&'static [(V, V)]),
    }
    use Arg::*;

    fn make(vm: &mut Vm, v: V) -> Value {
        match v {
            I(n) => vm.new_int(n).unwrap(),
            F(x) => vm.new_float(x).unwrap(),
            S(s) => vm.new_str(s).unwrap(),
            B(b) => Value::from_bool(b),
            N => Value::NONE,
        }
    }

    fn make_arg(vm: &mut Vm, arg: Arg) -> Value {
        let made = match arg {
            A(v) => return make(vm, v),
            Tup(items) => items.iter().map(|&v| make(vm, v)).collect::<Vec<_>>(),
            Tup2(items) => items.iter().map(|&a| make_arg(vm, a)).collect::<Vec<_>>(),
            List(items) => {
                let items: Vec<Value> = items.iter().map(|&v| make(vm, v)).collect();
                let list = vm.new_list(&items).unwrap();
                vm.release_all(&items);
                return list;
            }
            Map(pairs) => {
                let d = vm.new_dict().unwrap();
                for &(k, v) in pairs {
                    let (k, v) = (make(vm, k), make(vm, v));
                    vm.dict_set(d, k, v).unwrap();
                    vm.release_all(&[k, v]);
                }
                return d;
            }
        };
        let tuple = vm.new_tuple(&made).unwrap();
        vm.release_all(&made);
        tuple
    }

    /// The text made, or `!Type: message` for an error, as CPython would print it.
    fn outcome(vm: &mut Vm, result: Result<Value>) -> String {
        match result {
            Ok(v) => {
                let text = vm.as_str(v).expect("a str result").to_string();
                vm.release(v);
                text
            }
            Err(Error::Raised) => {
                let exception = vm.take_raised();
                let text = vm.format_exception(exception, &|_, _| None);
                vm.release(exception);
                format!("!{}", text.trim_end())
            }
            Err(e) => format!("!{e}"),
        }
    }

    fn check(failures: Vec<String>) {
        assert!(failures.is_empty(), "{} mismatches with CPython:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn format_spec_matches_cpython() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let mut failures = Vec::new();
        for &(v, spec, expected) in FORMAT_CASES {
            let value = make(&mut vm, v);
            let spec_value = vm.new_str(spec).unwrap();
            let result = vm.format_value(value, Some(spec_value));
            let got = outcome(&mut vm, result);
            vm.release_all(&[value, spec_value]);
            if got != expected {
                failures.push(format!("format({v:?}, {spec:?}) = {got:?}, CPython {expected:?}"));
            }
        }
        check(failures);
    }

    #[test]
    fn percent_matches_cpython() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let mut failures = Vec::new();
        for &(fmt, arg, expected) in PERCENT_CASES {
            let f = vm.new_str(fmt).unwrap();
            let values = make_arg(&mut vm, arg);
            let result = vm.binary(Op::Mod, f, values);
            let got = outcome(&mut vm, result);
            vm.release_all(&[f, values]);
            if got != expected {
                failures.push(format!("{fmt:?} % {arg:?} = {got:?}, CPython {expected:?}"));
            }
        }
        check(failures);
    }

    #[test]
    fn str_format_matches_cpython() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let mut failures = Vec::new();
        for &(fmt, args, expected) in STR_FORMAT_CASES {
            let mut values = vec![vm.new_str(fmt).unwrap()];
            for &a in args {
                values.push(make_arg(&mut vm, a));
            }
            let result = str_format(&mut vm, &values, &Keywords::default());
            let got = outcome(&mut vm, result);
            vm.release_all(&values);
            if got != expected {
                failures.push(format!("{fmt:?}.format{args:?} = {got:?}, CPython {expected:?}"));
            }
        }
        check(failures);
    }

    #[test]
    fn no_spec_is_str_and_a_str_comes_back_itself() {
        let mut vm = vm();
        let s = vm.new_str("abc").unwrap();
        let same = vm.format_value(s, None).unwrap();
        assert_eq!(same, s);
        let empty = vm.new_str("").unwrap();
        let again = vm.format_value(s, Some(empty)).unwrap();
        assert_eq!(again, s);
        let big = vm.new_int(1 << 40).unwrap();
        let text = vm.format_value(big, None).unwrap();
        assert_eq!(vm.as_str(text), Some("1099511627776"));
        let seven = vm.format_value(int(7), Some(empty)).unwrap();
        assert_eq!(vm.as_str(seven), Some("7"));
        vm.release_all(&[s, same, again, empty, big, text, seven]);
    }

    #[test]
    fn errors_without_builtins_stay_static() {
        // Before any code has run there are no exception classes to raise.
        let mut vm = vm();
        let spec = vm.new_str("x").unwrap();
        let s = vm.new_str("a").unwrap();
        assert_eq!(vm.format_value(s, Some(spec)), Err(Error::Value("invalid format string")));
        let spec2 = vm.new_str(".2").unwrap();
        assert_eq!(
            vm.format_value(int(1), Some(spec2)),
            Err(Error::Value("Precision not allowed in integer format specifier"))
        );
        vm.release_all(&[spec, s, spec2]);
    }

    #[test]
    fn widths_beyond_the_region_are_memory_errors() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let spec = vm.new_str("999999999999").unwrap();
        assert_eq!(vm.format_value(int(1), Some(spec)), Err(Error::Memory));
        let spec2 = vm.new_str(".999999999f").unwrap();
        let x = vm.new_float(1.5).unwrap();
        assert_eq!(vm.format_value(x, Some(spec2)), Err(Error::Memory));
        let fmt = vm.new_str("%*d").unwrap();
        let big = vm.new_int(1 << 40).unwrap();
        let args = vm.new_tuple(&[big, int(1)]).unwrap();
        assert_eq!(vm.percent_format(fmt, args), Err(Error::Memory));
        let many = vm.new_str(&"{:600000}".repeat(4)).unwrap();
        let items = [many, int(1), int(2), int(3), int(4)];
        assert_eq!(str_format(&mut vm, &items, &Keywords::default()), Err(Error::Memory));
        vm.release_all(&[spec, spec2, x, fmt, big, args, many]);
    }

    #[test]
    fn float_rounding_is_exact_half_even_on_the_binary_value() {
        // Checked against CPython: the binary value decides, ties go to even.
        let cases: &[(f64, char, usize, &str)] = &[
            (0.5, 'f', 0, "0"),
            (1.5, 'f', 0, "2"),
            (2.5, 'f', 0, "2"),
            (0.125, 'f', 2, "0.12"),
            (0.375, 'f', 2, "0.38"),
            (2.675, 'f', 2, "2.67"),
            (1.0005, 'f', 3, "1.000"),
            (5e-324, 'e', 3, "4.941e-324"),
            (1e23, 'f', 0, "99999999999999991611392"),
            (0.1, 'f', 30, "0.100000000000000005551115123126"),
            (123456.5, 'g', 6, "123456"),
            (9.5, 'g', 1, "1e+01"),
        ];
        for &(x, code, precision, expected) in cases {
            assert_eq!(float_to_string(x, code, precision, false, false, false), expected, "{x} {code} {precision}");
        }
    }

    #[test]
    fn grouping_pads_zeros_through_separators() {
        assert_eq!(group_digits("1234", 9, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 8, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 0, Some((',', 3))), "1,234");
        assert_eq!(group_digits("12345", 0, Some(('_', 4))), "1_2345");
        assert_eq!(group_digits("7", 4, None), "0007");
    }

    const FORMAT_CASES: &[(V, &str, &str)] = &[
        (I(0), "d", "0"),
        (I(42), "", "42"),
        (I(42), "5", "   42"),
        (I(42), "<6", "42    "),
        (I(42), "^7", "  42   "),
        (I(42), "*^7", "**42***"),
        (I(42), "+", "+42"),
        (I(42), " ", " 42"),
        (I(42), "=^5", "=42=="),
        (I(42), "0>5", "00042"),
        (I(42), "<", "42"),
        (I(42), "x<05", "42xxx"),
        (I(42), "<05", "42000"),
        (I(42), "e", "4.200000e+01"),
        (I(42), ".2f", "42.00"),
        (I(42), "%", "4200.000000%"),
        (I(42), "g", "42"),
        (I(42), "_d", "42"),
        (I(42), "+#06x", "+0x02a"),
        (I(42), " #x", " 0x2a"),
        (I(42), "n", "42"),
        (I(-42), "5", "  -42"),
        (I(-42), "=8", "-     42"),
        (I(-42), "08", "-0000042"),
        (I(-42), " ", "-42"),
        (I(-42), "<05", "-4200"),
        (I(-42), "+", "-42"),
        (I(-42), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (I(1234567), ",", "1,234,567"),
        (I(1234567), "n", "1234567"),
        (I(1234567), "_", "1_234_567"),
        (I(1234567), "g", "1.23457e+06"),
        (I(1234567), "e", "1.234567e+06"),
        (I(-1234567), "_", "-1_234_567"),
        (I(-1234567), "015,", "-00,001,234,567"),
        (I(1234), "010,", "00,001,234"),
        (I(1234), "09,", "0,001,234"),
        (I(1234), "08,", "0,001,234"),
        (I(1234), "_", "1_234"),
        (I(1234), "012_", "0_000_001_234"),
        (I(1), "06,", "00,001"),
        (I(1), "2,", " 1"),
        (I(255), "x", "ff"),
        (I(255), "X", "FF"),
        (I(255), "#x", "0xff"),
        (I(255), "#X", "0XFF"),
        (I(255), "#010x", "0x000000ff"),
        (I(255), "b", "11111111"),
        (I(255), "#b", "0b11111111"),
        (I(255), "_b", "1111_1111"),
        (I(255), "010b", "0011111111"),
        (I(255), "#o", "0o377"),
        (I(255), "o", "377"),
        (I(255), "c", "ÿ"),
        (I(-255), "#x", "-0xff"),
        (I(-255), "#012_x", "-0x0000_00ff"),
        (I(-255), "X", "-FF"),
        (I(8), "o", "10"),
        (I(8), "#o", "0o10"),
        (I(74565), "_x", "1_2345"),
        (I(74565), "#_x", "0x1_2345"),
        (I(4294967295), "#_X", "0XFFFF_FFFF"),
        (I(65), "c", "A"),
        (I(65), ">5c", "    A"),
        (I(65), "^5c", "  A  "),
        (I(65), "0=5c", "0000A"),
        (I(9786), "c", "☺"),
        (I(i64::MIN), "d", "-9223372036854775808"),
        (I(i64::MIN), ",", "-9,223,372,036,854,775,808"),
        (I(i64::MIN), "#b", "-0b1000000000000000000000000000000000000000000000000000000000000000"),
        (I(i64::MIN), "x", "-8000000000000000"),
        (I(i64::MAX), "x", "7fffffffffffffff"),
        (I(i64::MAX), ",", "9,223,372,036,854,775,807"),
        (I(i64::MAX), "e", "9.223372e+18"),
        (I(0), "#x", "0x0"),
        (I(0), "#b", "0b0"),
        (I(0), "+", "+0"),
        (B(true), "", "True"),
        (B(true), "d", "1"),
        (B(true), ">5", "    1"),
        (B(true), ".1f", "1.0"),
        (B(true), "x", "1"),
        (B(true), "c", "\u{1}"),
        (B(true), "+", "+1"),
        (B(false), "", "False"),
        (B(false), "^7", "   0   "),
        (I(1), ".2", "!ValueError: Precision not allowed in integer format specifier"),
        (I(1), "z", "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"),
        (I(1), ",c", "!ValueError: Cannot specify ',' with 'c'."),
        (I(1), "+c", "!ValueError: Sign not allowed with integer format specifier 'c'"),
        (I(1), "#c", "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
        (I(1), "s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (I(1), ",n", "!ValueError: Cannot specify ',' with 'n'."),
        (I(1), "_n", "!ValueError: Cannot specify '_' with 'n'."),
        (I(1), ",_", "!ValueError: Cannot specify both ',' and '_'."),
        (I(1), "_,", "!ValueError: Cannot specify both ',' and '_'."),
        (I(1), ",,", "!ValueError: Cannot specify ',' with ','."),
        (I(1), ",x", "!ValueError: Cannot specify ',' with 'x'."),
        (I(1), "abc", "!ValueError: Invalid format specifier 'abc' for object of type 'int'"),
        (I(1), ".", "!ValueError: Format specifier missing precision"),
        (I(1), "111111111111111111111111111111", "!ValueError: Too many decimal digits in format string"),
        (I(1), "\u{1}", "!ValueError: Unknown format code '\\x1' for object of type 'int'"),
        (I(1), "y", "!ValueError: Unknown format code 'y' for object of type 'int'"),
        (I(1), "__", "!ValueError: Cannot specify '_' with '_'."),
        (I(1), ".2s", "!ValueError: Unknown format code 's' for object of type 'int'"),
        (I(-1), "c", "!OverflowError: %c arg not in range(0x110000)"),
        (I(1114112), "c", "!OverflowError: %c arg not in range(0x110000)"),
        (B(true), "s", "!ValueError: Unknown format code 's' for object of type 'bool'"),
        (B(true), "abc", "!ValueError: Invalid format specifier 'abc' for object of type 'bool'"),
        (F(1.0), "", "1.0"),
        (F(1.0), ">5", "  1.0"),
        (F(1.0), ".3", "1.0"),
        (F(1.0), "#", "1.0"),
        (F(1.0), "#.0f", "1."),
        (F(1.0), "#g", "1.00000"),
        (F(1.0), "#.0e", "1.e+00"),
        (F(1.0), "e", "1.000000e+00"),
        (F(1.0), "%", "100.000000%"),
        (F(1.0), "n", "1"),
        (F(1.0), ".0f", "1"),
        (F(1.0), "+", "+1.0"),
        (F(1.0), "=+8", "+    1.0"),
        (F(1.0), "010.2f", "0000001.00"),
        (F(1.5), "", "1.5"),
        (F(1.5), "%", "150.000000%"),
        (F(1.5), "+", "+1.5"),
        (F(1.5), " ", " 1.5"),
        (F(1.5), "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        (F(1.5), "s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        (F(1.5), "abc", "!ValueError: Invalid format specifier 'abc' for object of type 'float'"),
        (F(1.5), ",n", "!ValueError: Cannot specify ',' with 'n'."),
        (F(1.5), "=", "1.5"),
        (F(1.5), "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        (F(1.5), ".0f", "2"),
        (F(-1.5), "=+8", "-    1.5"),
        (F(-1.5), "z.0f", "-2"),
        (F(-1.5), ".0f", "-2"),
        (F(-1.5), "010", "-0000001.5"),
        (F(-1.5), "<10", "-1.5      "),
        (F(-1.5), "^+10.2e", "-1.50e+00 "),
        (F(1e+16), "", "1e+16"),
        (F(1e+16), ".3", "1e+16"),
        (F(1e+16), ">8", "   1e+16"),
        (F(1e+16), "#", "1.e+16"),
        (F(1e+16), "g", "1e+16"),
        (F(1e+16), ".16g", "1e+16"),
        (F(1e+16), "f", "10000000000000000.000000"),
        (F(1e-05), "", "1e-05"),
        (F(1e-05), "g", "1e-05"),
        (F(1e-05), ".2", "1e-05"),
        (F(1e-05), "e", "1.000000e-05"),
        (F(0.0001), "g", "0.0001"),
        (F(0.0001), "", "0.0001"),
        (F(0.0001), ".1", "0.0001"),
        (F(0.1), ".3", "0.1"),
        (F(0.1), ".20f", "0.10000000000000000555"),
        (F(0.1), ".17", "0.10000000000000001"),
        (F(0.1), ".16g", "0.1"),
        (F(0.1), "f", "0.100000"),
        (F(0.1), "%", "10.000000%"),
        (F(0.1), ".0%", "10%"),
        (F(12.0), ".2", "1.2e+01"),
        (F(12.0), ".3", "12.0"),
        (F(12.0), "g", "12"),
        (F(12.0), "#.3g", "12.0"),
        (F(123.0), ".3", "1.23e+02"),
        (F(123.0), ".2e", "1.23e+02"),
        (F(123.0), ".1", "1e+02"),
        (F(100.0), "g", "100"),
        (F(100.0), "#g", "100.000"),
        (F(100.0), ".2", "1e+02"),
        (F(100.0), ".3", "1e+02"),
        (F(3.14258), ".2f", "3.14"),
        (F(3.14258), "10.3f", "     3.143"),
        (F(3.14258), "<10.3f", "3.143     "),
        (F(3.14258), "^10.3f", "  3.143   "),
        (F(3.14258), "*>12.4e", "**3.1426e+00"),
        (F(3.14258), ".0e", "3e+00"),
        (F(3.14258), ".3g", "3.14"),
        (F(3.14258), ".3", "3.14"),
        (F(2.5), ".0f", "2"),
        (F(0.5), ".0f", "0"),
        (F(0.5), ".0e", "5e-01"),
        (F(0.125), ".2f", "0.12"),
        (F(0.125), ".1e", "1.2e-01"),
        (F(0.375), ".2f", "0.38"),
        (F(2.675), ".2f", "2.67"),
        (F(1.25), ".1f", "1.2"),
        (F(1.35), ".1f", "1.4"),
        (F(9.995), ".2f", "9.99"),
        (F(99.5), ".0f", "100"),
        (F(1234.5678), "e", "1.234568e+03"),
        (F(1234.5678), ".3E", "1.235E+03"),
        (F(1234.5678), ".2f", "1234.57"),
        (F(1234.5678), ",", "1,234.5678"),
        (F(1234.5678), ",.2f", "1,234.57"),
        (F(1234.5678), "_.3f", "1_234.568"),
        (F(1234.5678), "015,.1f", "0,000,001,234.6"),
        (F(1234.5678), "G", "1234.57"),
        (F(1234.5678), ".10g", "1234.5678"),
        (F(1234567.891), ",.2f", "1,234,567.89"),
        (F(1234567.891), "_", "1_234_567.891"),
        (F(1234567.891), "n", "1.23457e+06"),
        (F(1234567.891), "g", "1.23457e+06"),
        (F(1234567.891), ".3n", "1.23e+06"),
        (F(-1234.5), "015,.1f", "-0,000,001,234.5"),
        (F(-1234.5), "+015,.1f", "-0,000,001,234.5"),
        (F(-1234.5), " 012_.1f", "-0_001_234.5"),
        (F(0.0), "", "0.0"),
        (F(0.0), "e", "0.000000e+00"),
        (F(0.0), "g", "0"),
        (F(0.0), "%", "0.000000%"),
        (F(0.0), ".3", "0.0"),
        (F(0.0), "f", "0.000000"),
        (F(0.0), "#.0f", "0."),
        (F(0.0), "+.1e", "+0.0e+00"),
        (F(-0.0), "", "-0.0"),
        (F(-0.0), "z", "0.0"),
        (F(-0.0), "z.1f", "0.0"),
        (F(-0.0), "f", "-0.000000"),
        (F(-0.0), "+g", "-0"),
        (F(-0.001), "z.1f", "0.0"),
        (F(-0.001), ".1f", "-0.0"),
        (F(-0.001), "z.2e", "-1.00e-03"),
        (F(-0.001), "z", "-0.001"),
        (F(-0.4), "z.0f", "0"),
        (F(-0.4), ".0f", "-0"),
        (F(-0.4), "z", "-0.4"),
        (F(123456789.0), "g", "1.23457e+08"),
        (F(123456789.0), "G", "1.23457E+08"),
        (F(123456789.0), ".3", "1.23e+08"),
        (F(123456789.0), "", "123456789.0"),
        (F(123456789.0), "e", "1.234568e+08"),
        (F(1234567.0), "G", "1.23457E+06"),
        (F(1e-10), "G", "1E-10"),
        (F(1e-10), "%", "0.000000%"),
        (F(1e-10), ".3%", "0.000%"),
        (F(1e+300), "g", "1e+300"),
        (F(1e+300), ".3", "1e+300"),
        (F(1e+300), "e", "1.000000e+300"),
        (F(1e+300), "E", "1.000000E+300"),
        (F(0.0001234), ".2g", "0.00012"),
        (F(0.0001234), ".2", "0.00012"),
        (F(0.0001234), "#.2g", "0.00012"),
        (F(1e+22), "f", "10000000000000000000000.000000"),
        (F(1e+22), "", "1e+22"),
        (F(1e+22), "g", "1e+22"),
        (F(5e-324), "", "5e-324"),
        (F(5e-324), ".3e", "4.941e-324"),
        (F(5e-324), "g", "4.94066e-324"),
        (F(1.7976931348623157e+308), "", "1.7976931348623157e+308"),
        (F(1.7976931348623157e+308), ".17g", "1.7976931348623157e+308"),
        (F(1.7976931348623157e+308), "e", "1.797693e+308"),
        (F(1.152921504606847e+18), "", "1.152921504606847e+18"),
        (F(1.152921504606847e+18), ".3", "1.15e+18"),
        (F(123.456), "n", "123.456"),
        (F(123.456), ".2n", "1.2e+02"),
        (F(0.25), ".1%", "25.0%"),
        (F(0.25), "%", "25.000000%"),
        (F(12345.678), ".1e", "1.2e+04"),
        (F(12345.678), ".0e", "1e+04"),
        (F(12345.678), "#.0e", "1.e+04"),
        (F(f64::INFINITY), "", "inf"),
        (F(f64::INFINITY), "f", "inf"),
        (F(f64::INFINITY), "F", "INF"),
        (F(f64::INFINITY), "010", "0000000inf"),
        (F(f64::INFINITY), "010,", "0000000inf"),
        (F(f64::INFINITY), "+", "+inf"),
        (F(f64::INFINITY), "%", "inf%"),
        (F(f64::INFINITY), "e", "inf"),
        (F(f64::INFINITY), "^9", "   inf   "),
        (F(f64::INFINITY), "<6", "inf   "),
        (F(f64::INFINITY), "z", "inf"),
        (F(f64::NEG_INFINITY), "", "-inf"),
        (F(f64::NEG_INFINITY), "^9", "  -inf   "),
        (F(f64::NEG_INFINITY), "010", "-000000inf"),
        (F(f64::NAN), "", "nan"),
        (F(f64::NAN), "E", "NAN"),
        (F(f64::NAN), "+", "+nan"),
        (F(f64::NAN), " ", " nan"),
        (F(f64::NAN), "010.2f", "0000000nan"),
        (F(f64::NAN), "G", "NAN"),
        (F(-1638891853893105.2), "", "-1638891853893105.2"),
        (F(-1638891853893105.2), "=2", "-1638891853893105.2"),
        (F(-1638891853893105.2), ".17g", "-1638891853893105.2"),
        (F(793782572103888.2), "", "793782572103888.2"),
        (F(793782572103888.2), ">20", "   793782572103888.2"),
        (F(793782572103888.2), "g", "7.93783e+14"),
        (S("abc"), "", "abc"),
        (S("abc"), "5", "abc  "),
        (S("abc"), ">5", "  abc"),
        (S("abc"), "^6", " abc  "),
        (S("abc"), "*^7", "**abc**"),
        (S("abc"), ".2", "ab"),
        (S("abc"), "5.1", "a    "),
        (S("abc"), "<05", "abc00"),
        (S("abc"), "05", "abc00"),
        (S("abc"), "x^2", "abc"),
        (S("abc"), "0", "abc"),
        (S("abc"), "s", "abc"),
        (S("abc"), ">2", "abc"),
        (S("abc"), "^", "abc"),
        (S("abc"), ".0", ""),
        (S("abc"), ".10", "abc"),
        (S("héllo"), "^9", "  héllo  "),
        (S("héllo"), ".2", "hé"),
        (S("héllo"), ">7.3", "    hél"),
        (S(""), "3", "   "),
        (S(""), "", ""),
        (S("ab"), "s", "ab"),
        (S("ab"), "=^6", "==ab=="),
        (S("a"), "x", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        (S("a"), "d", "!ValueError: Unknown format code 'd' for object of type 'str'"),
        (S("a"), " ", "!ValueError: Space not allowed in string format specifier"),
        (S("a"), "+", "!ValueError: Sign not allowed in string format specifier"),
        (S("a"), "-", "!ValueError: Sign not allowed in string format specifier"),
        (S("a"), "z", "!ValueError: Negative zero coercion (z) not allowed in string format specifier"),
        (S("a"), "#", "!ValueError: Alternate form (#) not allowed in string format specifier"),
        (S("a"), "=", "!ValueError: '=' alignment not allowed in string format specifier"),
        (S("a"), ",", "!ValueError: Cannot specify ',' with 's'."),
        (S("a"), "_", "!ValueError: Cannot specify '_' with 's'."),
        (S("a"), "abc", "!ValueError: Invalid format specifier 'abc' for object of type 'str'"),
        (S("a"), ".", "!ValueError: Format specifier missing precision"),
        (S("a"), ">=5", "!ValueError: '=' alignment not allowed in string format specifier"),
        (N, "", "None"),
        (N, "x", "!TypeError: unsupported format string passed to NoneType.__format__"),
        (N, ">5", "!TypeError: unsupported format string passed to NoneType.__format__"),
    ];

    const PERCENT_CASES: &[(&str, Arg, &str)] = &[
        ("%s", A(I(5)), "5"),
        ("%s", A(S("x")), "x"),
        ("%5d", A(I(42)), "   42"),
        ("%-5d|", A(I(42)), "42   |"),
        ("%05d", A(I(-42)), "-0042"),
        ("%+d", A(I(5)), "+5"),
        ("% d", A(I(5)), " 5"),
        ("%+d", A(I(-5)), "-5"),
        ("%x", A(I(255)), "ff"),
        ("%X", A(I(255)), "FF"),
        ("%#x", A(I(255)), "0xff"),
        ("%#X", A(I(255)), "0XFF"),
        ("%#o", A(I(8)), "0o10"),
        ("%o", A(I(8)), "10"),
        ("%#08x", A(I(255)), "0x0000ff"),
        ("%#8x", A(I(-255)), "   -0xff"),
        ("%.5d", A(I(-42)), "-00042"),
        ("%+.5x", A(I(42)), "+0002a"),
        ("%-8.3s|", A(S("abcdef")), "abc     |"),
        ("%.1s", A(S("é")), "é"),
        ("%5%", Tup2(&[A(I(1))]), "!ValueError: unsupported format character '%' (0x25) at index 2"),
        ("%%", Tup2(&[]), "%"),
        ("a%%b", Tup2(&[]), "a%b"),
        ("%c", A(S("x")), "x"),
        ("%c", A(I(65)), "A"),
        ("%5c", A(S("x")), "    x"),
        ("%-3c|", A(I(9786)), "☺  |"),
        ("%.0c", A(S("x")), "x"),
        ("%f", A(F(3.14258)), "3.142580"),
        ("%.2f", A(F(2.675)), "2.67"),
        ("%e", A(F(12345.678)), "1.234568e+04"),
        ("%E", A(F(12345.678)), "1.234568E+04"),
        ("%g", A(F(1e-05)), "1e-05"),
        ("%G", A(F(1e-50)), "1E-50"),
        ("%g", A(F(123456789.0)), "1.23457e+08"),
        ("%#g", A(F(2.0)), "2.00000"),
        ("%#.0f", A(F(2.0)), "2."),
        ("%F", A(F(f64::INFINITY)), "INF"),
        ("%f", A(F(f64::NEG_INFINITY)), "-inf"),
        ("%05f", A(F(f64::INFINITY)), "00inf"),
        ("%+f", A(F(f64::NAN)), "+nan"),
        ("%e", A(F(0.0)), "0.000000e+00"),
        ("% 5.1f", A(F(2.25)), "  2.2"),
        ("%010.3f", A(F(-3.14258)), "-00003.143"),
        ("%-10.2e|", A(F(1.5)), "1.50e+00  |"),
        ("%.3g", A(F(0.0001234)), "0.000123"),
        ("%f", A(I(5)), "5.000000"),
        ("%f", A(B(true)), "1.000000"),
        ("%d", A(F(3.7)), "3"),
        ("%d", A(F(-3.7)), "-3"),
        ("%d", A(F(1e+30)), "1000000000000000019884624838656"),
        ("%i", A(F(-0.5)), "0"),
        ("%u", A(I(7)), "7"),
        ("%ld", A(I(5)), "5"),
        ("%hs", A(S("x")), "x"),
        ("%d", A(B(true)), "1"),
        ("%x", A(B(true)), "1"),
        ("%s", A(B(true)), "True"),
        ("%r", A(S("é")), "'é'"),
        ("%a", A(S("é")), "'\\xe9'"),
        ("%r", A(F(1.5)), "1.5"),
        ("%s", A(N), "None"),
        ("%s", A(F(793782572103888.2)), "793782572103888.2"),
        ("%r", A(F(-1532399269616935.2)), "-1532399269616935.2"),
        ("%r", A(N), "None"),
        ("%s", A(F(1.5)), "1.5"),
        ("%s %s", Tup2(&[A(I(1)), A(I(2))]), "1 2"),
        ("%s-%d", Tup2(&[A(S("a")), A(I(2))]), "a-2"),
        ("%s", Tup2(&[Tup(&[I(1), I(2)])]), "(1, 2)"),
        ("%*d", Tup2(&[A(I(5)), A(I(1))]), "    1"),
        ("%*d", Tup2(&[A(I(-5)), A(I(1))]), "1    "),
        ("%-*d|", Tup2(&[A(I(4)), A(I(1))]), "1   |"),
        ("%.*f", Tup2(&[A(I(2)), A(F(3.14258))]), "3.14"),
        ("%.*f", Tup2(&[A(I(-2)), A(F(3.14258))]), "3"),
        ("%*.*f", Tup2(&[A(I(8)), A(I(2)), A(F(3.14258))]), "    3.14"),
        ("%05s", A(S("ab")), "   ab"),
        ("%-05d", A(I(-3)), "-3   "),
        ("%-+05d", A(I(5)), "+5   "),
        ("%+s", A(S("x")), "x"),
        ("%(a)s", Map(&[(S("a"), I(1))]), "1"),
        ("%(a)d %(b)s", Map(&[(S("a"), I(1)), (S("b"), S("x"))]), "1 x"),
        ("%(a(b))s", Map(&[(S("a(b)"), I(1))]), "1"),
        ("%(a)s %(a)r", Map(&[(S("a"), S("q"))]), "q 'q'"),
        ("%s %(a)s", Map(&[(S("a"), I(1))]), "{'a': 1} 1"),
        ("%(a)5.1f|", Map(&[(S("a"), F(2.25))]), "  2.2|"),
        ("abc", Map(&[]), "abc"),
        ("abc", Tup2(&[]), "abc"),
        ("%s", Tup2(&[A(I(1)), A(I(2))]), "!TypeError: not all arguments converted during string formatting"),
        ("abc", A(I(5)), "!TypeError: not all arguments converted during string formatting"),
        ("%s", Tup2(&[]), "!TypeError: not enough arguments for format string"),
        ("%s %s", Tup2(&[A(I(1))]), "!TypeError: not enough arguments for format string"),
        ("%s %s", A(I(5)), "!TypeError: not enough arguments for format string"),
        ("%d", A(S("a")), "!TypeError: %d format: a real number is required, not str"),
        ("%x", A(F(3.0)), "!TypeError: %x format: an integer is required, not float"),
        ("%d", A(N), "!TypeError: %d format: a real number is required, not NoneType"),
        ("%f", A(S("1")), "!TypeError: must be real number, not str"),
        ("%c", A(F(65.0)), "!TypeError: %c requires int or char"),
        ("%c", A(S("ab")), "!TypeError: %c requires int or char"),
        ("%c", A(I(-1)), "!OverflowError: %c arg not in range(0x110000)"),
        ("%c", A(I(1114112)), "!OverflowError: %c arg not in range(0x110000)"),
        ("%y", A(I(5)), "!ValueError: unsupported format character 'y' (0x79) at index 1"),
        ("%5y", Tup2(&[A(I(5))]), "!ValueError: unsupported format character 'y' (0x79) at index 2"),
        ("%", Tup2(&[]), "!ValueError: incomplete format"),
        ("%5", Tup2(&[A(I(1))]), "!ValueError: incomplete format"),
        ("%.", Tup2(&[A(I(1))]), "!ValueError: incomplete format"),
        ("%(a", Map(&[]), "!ValueError: incomplete format key"),
        ("%(a)", Map(&[(S("a"), I(1))]), "!ValueError: incomplete format"),
        ("%(a)s", Map(&[]), "!KeyError: 'a'"),
        ("abc", List(&[I(1)]), "abc"),
        ("%(a)s", List(&[I(1)]), "!TypeError: list indices must be integers or slices, not str"),
        ("%s", List(&[I(1)]), "[1]"),
        ("%(a)s", A(I(5)), "!TypeError: format requires a mapping"),
        ("%(a)s", Tup2(&[A(I(1))]), "!TypeError: format requires a mapping"),
        ("%*d", Tup2(&[A(S("a")), A(I(1))]), "!TypeError: * wants int"),
        ("%.*d", Tup2(&[A(F(1.5)), A(I(1))]), "!TypeError: * wants int"),
        ("%d", A(F(f64::INFINITY)), "!OverflowError: cannot convert float infinity to integer"),
        ("%d", A(F(f64::NAN)), "!ValueError: cannot convert float NaN to integer"),
        ("%s %(a)s", Map(&[(S("a"), I(1))]), "{'a': 1} 1"),
        ("%5%", Tup2(&[]), "!TypeError: not enough arguments for format string"),
        ("%é", Tup2(&[A(I(1))]), "!ValueError: unsupported format character '?' (0xe9) at index 1"),
        ("x%-", Tup2(&[A(I(1))]), "!ValueError: incomplete format"),
    ];

    const STR_FORMAT_CASES: &[(&str, &[Arg], &str)] = &[
        ("{}", &[A(I(1))], "1"),
        ("{0}{1}{0}", &[A(I(1)), A(I(2))], "121"),
        ("{} {}", &[A(S("a")), A(S("b"))], "a b"),
        ("a{{b}}c", &[], "a{b}c"),
        ("{{}}", &[], "{}"),
        ("{{{}}}", &[A(I(5))], "{5}"),
        ("{:>5}", &[A(I(42))], "   42"),
        ("{:*^9}", &[A(S("mid"))], "***mid***"),
        ("{0:.2f}", &[A(F(3.14258))], "3.14"),
        ("{0!r:>10}", &[A(S("ab"))], "      'ab'"),
        ("{!r}", &[A(S("a"))], "'a'"),
        ("{!s}", &[A(F(1.5))], "1.5"),
        ("{!a}", &[A(S("é"))], "'\\xe9'"),
        ("{:{}}", &[A(S("a")), A(I(5))], "a    "),
        ("{:{}{}}", &[A(I(3)), A(S(">")), A(I(6))], "     3"),
        ("{0:{1}}", &[A(F(3.14258)), A(S(".2f"))], "3.14"),
        ("{:{}.{}f}", &[A(F(3.14258)), A(I(10)), A(I(3))], "     3.143"),
        ("{:}", &[A(I(1))], "1"),
        ("{:x}{:X}", &[A(I(255)), A(I(255))], "ffFF"),
        ("{:,}", &[A(I(1234567))], "1,234,567"),
        ("{0}", &[A(B(true))], "True"),
        ("{}", &[A(N)], "None"),
        ("{:5}", &[A(B(true))], "    1"),
        ("{!r:^9}", &[A(N)], "  None   "),
        ("{:08.3f}", &[A(F(-3.14258))], "-003.143"),
        ("{:%}", &[A(F(0.5))], "50.000000%"),
        ("{:e}", &[A(I(0))], "0.000000e+00"),
        ("{:c}", &[A(I(9731))], "☃"),
        ("{0:}}}", &[A(I(1))], "1}"),
        ("{0[1]}", &[Tup(&[S("a"), S("b")])], "b"),
        ("{", &[], "!ValueError: Single '{' encountered in format string"),
        ("}", &[], "!ValueError: Single '}' encountered in format string"),
        ("{}}", &[A(I(1))], "!ValueError: Single '}' encountered in format string"),
        ("x{0", &[A(I(1))], "!ValueError: expected '}' before end of string"),
        (
            "{}{1}",
            &[A(I(1)), A(I(2))],
            "!ValueError: cannot switch from automatic field numbering to manual field specification",
        ),
        (
            "{1}{}",
            &[A(I(1)), A(I(2))],
            "!ValueError: cannot switch from manual field specification to automatic field numbering",
        ),
        ("{2}", &[A(I(1))], "!IndexError: Replacement index 2 out of range for positional args tuple"),
        ("{}", &[], "!IndexError: Replacement index 0 out of range for positional args tuple"),
        ("{name}", &[A(I(1))], "!KeyError: 'name'"),
        ("{!x}", &[A(S("a"))], "!ValueError: Unknown conversion specifier x"),
        ("{!}", &[A(I(1))], "!ValueError: unmatched '{' in format spec"),
        ("{!rr}", &[A(I(1))], "!ValueError: expected ':' after conversion specifier"),
        ("{!r", &[A(I(1))], "!ValueError: unmatched '{' in format spec"),
        ("{0!", &[A(I(1))], "!ValueError: end of string while looking for conversion specifier"),
        ("{:{:{}}}", &[A(I(1)), A(I(2)), A(I(3))], "!ValueError: Max string recursion exceeded"),
        ("{a{}", &[], "!ValueError: unexpected '{' in field name"),
        ("{0:}}", &[A(I(1))], "!ValueError: Single '}' encountered in format string"),
        ("{:d}", &[A(S("a"))], "!ValueError: Unknown format code 'd' for object of type 'str'"),
        ("{ }", &[A(I(1))], "!KeyError: ' '"),
        ("{-1}", &[A(I(1))], "!KeyError: '-1'"),
        ("{:{}}", &[A(I(1))], "!IndexError: Replacement index 1 out of range for positional args tuple"),
        ("{0[}", &[Tup(&[I(1)])], "!ValueError: expected '}' before end of string"),
        ("{0]}", &[Tup(&[I(1)])], "!KeyError: '0]'"),
        ("{0[0]x}", &[Tup(&[I(1)])], "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
        ("{0.}", &[A(I(1))], "!ValueError: Empty attribute in format string"),
        ("{0[]}", &[Tup(&[I(1)])], "!ValueError: Empty attribute in format string"),
        ("{0[5]}", &[Tup(&[I(1)])], "!IndexError: tuple index out of range"),
        ("{:s}", &[A(I(1))], "!ValueError: Unknown format code 's' for object of type 'int'"),
        ("{:>5}", &[A(N)], "!TypeError: unsupported format string passed to NoneType.__format__"),
        ("{0[1]}", &[Map(&[(I(1), S("one"))])], "one"),
        ("{0[a]}", &[Map(&[(S("a"), S("A"))])], "A"),
        ("{0[b]}", &[Map(&[(S("a"), S("A"))])], "!KeyError: 'b'"),
        ("{:{}}", &[A(S("x")), A(S("<{}"))], "!ValueError: Invalid format specifier '<{}' for object of type 'str'"),
        ("{}{}{}", &[A(I(1)), A(I(2)), A(I(3))], "123"),
        ("{:s}", &[A(N)], "!TypeError: unsupported format string passed to NoneType.__format__"),
        ("{0:}", &[A(S("abc"))], "abc"),
        ("{0:,}", &[A(F(1234.5))], "1,234.5"),
        ("{:^+9.2e}", &[A(F(12345.678))], "+1.23e+04"),
        ("{!r}", &[A(F(793782572103888.2))], "793782572103888.2"),
        ("{0[x]}", &[Tup(&[I(1)])], "!TypeError: tuple indices must be integers or slices, not str"),
        ("{0[x]}", &[A(S("ab"))], "!TypeError: string indices must be integers, not 'str'"),
        ("{0[0]}", &[A(N)], "!TypeError: 'NoneType' object is not subscriptable"),
        ("{0[1]}", &[A(S("ab"))], "b"),
        ("{0[0][1]}", &[Tup(&[S("ab")])], "b"),
        ("{0.x}", &[A(I(1))], "!AttributeError: 'int' object has no attribute 'x'"),
    ];
}
