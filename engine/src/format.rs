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
//! Floats: the decimal digits come from core's formatter, whose `{:e}` is the shortest
//! round-trip form (the digits of `repr`) and whose `{:.N}` and `{:.Ne}` are exact
//! (correctly rounded from the binary value, ties to even); a port of CPython's
//! `format_float_short` lays them out.
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
use crate::object::Kind;
use crate::repr::float_repr;
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
        'r' => format!("{x:e}"),
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
    let name = &input[name_start..pos.saturating_sub(1).max(name_start)];
    if c != b'!' && c != b':' {
        if c != b'}' {
            return Err(Error::Value("expected '}' before end of string"));
        }
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

/// `str.format(*args)`: `args[0]` is the format string, the rest the positional
/// arguments. Fields are `{}`, `{0}`, `{0[1]}`, `{0.attr}`, with `!r`/`!s`/`!a` and a
/// format spec that may itself hold fields (`'{:{}}'.format(x, 8)`). Keyword arguments
/// are not available yet (the VM passes positional arguments only), so a named field
/// such as `{name}` raises `KeyError: 'name'`, as CPython does when that keyword is
/// missing.
pub(crate) fn str_format(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let Some((&receiver, rest)) = args.split_first() else {
        return Err(Error::Type("unbound method str.format() needs an argument"));
    };
    let input: String =
        vm.as_str(receiver).ok_or(Error::Type("descriptor 'format' for 'str' objects doesn't apply"))?.into();
    let mut numbering = AutoNumber { state: Numbering::Unknown, next: 0 };
    let mut out = String::new();
    vm.build_string(&input, rest, 2, &mut numbering, &mut out)?;
    vm.new_str(&out)
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
        let spec_text = spec.and_then(|s| self.as_str(s)).unwrap_or("");
        match self.render(v, spec_text) {
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
    fn render(&self, v: Value, spec: &str) -> Fallible<String> {
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
                return Ok(float_repr(x));
            }
            let mut parsed = parse_spec(spec, '\0', '>', "float")?;
            parsed.limit = limit;
            return match parsed.ty {
                '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float(x, &parsed),
                other => Err(unknown_code(other, "float")),
            };
        }
        if spec.is_empty() {
            return Ok(self.to_str(v)?);
        }
        Err(Failure::Dynamic(
            ExceptionType::TypeError,
            format!("unsupported format string passed to {}.__format__", self.type_name_of(v)),
        ))
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
        let chars: Vec<char> = self.as_str(fmt).ok_or(Error::Type("format requires a str"))?.chars().collect();
        let kind = self.kind_of(values);
        let (len, index) =
            if kind == Some(Kind::Tuple) { (i64::from(self.tuple_len(values)), 0) } else { (-1, -2) };
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
            let text_only = matches!(code, 's' | 'r' | 'a');
            if conv.width.unwrap_or(0) > limit || (!text_only && conv.precision.unwrap_or(0) > limit) {
                return Err(Error::Memory);
            }
            let (text, numeric) = match code {
                's' => (self.to_str(v)?, false),
                'r' => (self.repr(v)?, false),
                'a' => (ascii_of(&self.repr(v)?), false),
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (self.percent_int(v, &conv)?, true),
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match (self.as_float(v), self.as_int(v)) {
                        (Some(x), _) => x,
                        (None, Some(n)) => n as f64,
                        _ => {
                            let text = format!("must be real number, not {}", self.type_name_of(v));
                            return Err(self.raise_text(ExceptionType::TypeError, &text));
                        }
                    };
                    (float_to_string(x, code, conv.precision.unwrap_or(6), false, conv.alternate, false), true)
                }
                'c' => (self.percent_char(v)?.to_string(), false),
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
        args: &[Value],
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
        args: &[Value],
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
        args: &[Value],
        depth: u32,
        numbering: &mut AutoNumber,
        out: &mut String,
    ) -> Result<()> {
        let converted = match field.conversion {
            None => None,
            Some('r') => Some(self.repr(obj)?),
            Some('s') => Some(self.to_str(obj)?),
            Some('a') => Some(ascii_of(&self.repr(obj)?)),
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
    fn field_object(&mut self, name: &str, args: &[Value], numbering: &mut AutoNumber) -> Result<Value> {
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
        let mut obj = match index.map(|i| (i, args.get(i))) {
            Some((_, Some(&v))) => {
                self.incref(v);
                v
            }
            Some((i, None)) => {
                let text = format!("Replacement index {i} out of range for positional args tuple");
                return Err(self.raise_text(ExceptionType::IndexError, &text));
            }
            None => {
                // A keyword field; no keyword arguments reach str.format yet.
                let key = self.new_str(first)?;
                let e = self.raise_now(Error::Key(key));
                self.release(key);
                return Err(e);
            }
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
        let key = if is_attribute {
            self.new_str(part)?
        } else {
            match field_integer(part)? {
                Some(i) => self.new_int(i64::try_from(i).unwrap_or(i64::MAX))?,
                None => self.new_str(part)?,
            }
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
