//! Strings: immutable UTF-8 with the hash computed once at creation.
//!
//! ```text
//! +0 header (flags: ASCII, INTERNED)   +8 byte length: u32   +12 hash: u32   +16 bytes
//! ```
//!
//! A 2-character string is 24 bytes (CPython 3.11: 51). The ASCII flag makes `len()`
//! and indexing O(1) for the common case; other strings count code points on demand.
//! Interned strings (see `intern.rs`) are unique by content, so two different interned
//! handles are never equal and compare without reading their bytes.
//!
//! The text algorithms of the str methods live here as plain functions on `&str`
//! (`methods.rs` wraps them): Python's character classes (`isdigit`, `isspace`, ...),
//! case mappings (`title`, `casefold`, final sigma), padding, splitting, tab expansion,
//! and the start/end windows of `find` and friends. Rust's `char` answers most Unicode
//! questions; small tables from CPython 3.11's `unicodedata` hold the differences.

use crate::error::{Error, Result};
use crate::hash::hash_str_bytes;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) const HEADER_BYTES: u32 = 16;
pub(crate) const FLAG_ASCII: u8 = 1;
pub(crate) const FLAG_INTERNED: u8 = 2;
/// The longest string the engine makes: its object size must fit a 32-bit block size.
pub const MAX_STR_BYTES: usize = (u32::MAX / 2) as usize;

/// The most characters an i64 takes in decimal (`-9223372036854775808`).
pub(crate) const DECIMAL_DIGITS: usize = 20;

/// How many characters `n` takes in decimal.
pub(crate) fn decimal_len(n: i64) -> usize {
    let mut rest = n.unsigned_abs();
    let mut len = 1 + usize::from(n < 0);
    while rest >= 10 {
        rest /= 10;
        len += 1;
    }
    len
}

/// `n` in decimal (ASCII), written into the end of `buffer`.
pub(crate) fn decimal(n: i64, buffer: &mut [u8; DECIMAL_DIGITS]) -> &[u8] {
    let mut at = buffer.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        buffer[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        buffer[at] = b'-';
    }
    &buffer[at..]
}

/// Whether `s` looks like a Python name (interned when used as a dict key).
pub fn looks_like_name(s: &[u8]) -> bool {
    match s.split_first() {
        Some((first, rest)) => {
            (first.is_ascii_alphabetic() || *first == b'_')
                && rest.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        }
        None => false,
    }
}

impl Vm {
    /// A new string (owned by the caller), not interned.
    pub fn new_str(&mut self, s: &str) -> Result<Value> {
        let at = self.new_str_object(s.as_bytes(), hash_str_bytes(s.as_bytes()))?;
        Ok(Value::from_offset(at))
    }

    /// The strings `part(0..count)` (borrowed) joined into a new string, copied inside
    /// the heap without going through host memory: f-strings, `a + b` and `str.join`.
    /// A small int part stands for its decimal digits (an f-string's `{i}` field, which
    /// then needs no string of its own); anything else counts as empty.
    pub(crate) fn new_str_concat(&mut self, count: usize, part: impl Fn(&Vm, usize) -> Value) -> Result<Value> {
        let mut length = 0usize;
        let mut ascii = true;
        for i in 0..count {
            let part = part(self, i);
            if let Some(at) = part.as_object().filter(|&at| self.heap.is_kind(at, Kind::Str)) {
                length += self.str_byte_len(at) as usize;
                ascii &= self.heap.flags(at) & FLAG_ASCII != 0;
            } else if let Some(n) = part.as_small_int() {
                length += decimal_len(n);
            }
        }
        if length > MAX_STR_BYTES {
            return Err(Error::Memory);
        }
        let at = self.heap.new_object(Kind::Str, HEADER_BYTES + length as u32)?;
        let mut to = at + HEADER_BYTES;
        let mut digits = [0u8; DECIMAL_DIGITS];
        for i in 0..count {
            let part = part(self, i);
            if let Some(from) = part.as_object().filter(|&from| self.heap.is_kind(from, Kind::Str)) {
                let len = self.str_byte_len(from);
                self.heap.region_mut().copy_within(from + HEADER_BYTES, to, len as usize);
                to += len;
            } else if let Some(n) = part.as_small_int() {
                let text = decimal(n, &mut digits);
                self.heap.region_mut().bytes_mut(to, text.len()).copy_from_slice(text);
                to += text.len() as u32;
            }
        }
        Ok(self.seal_str_object(at, length as u32, ascii))
    }

    /// Finishes string object `at`, whose `length` bytes of text were written in place:
    /// its length, its hash and (if `ascii`) the ASCII flag.
    fn seal_str_object(&mut self, at: u32, length: u32, ascii: bool) -> Value {
        let hash = hash_str_bytes(self.heap.region().bytes(at + HEADER_BYTES, length as usize));
        if ascii {
            self.heap.set_flags(at, FLAG_ASCII);
        }
        let r = self.heap.region_mut();
        r.write_u32(at + 8, length);
        r.write_u32(at + 12, hash);
        Value::from_offset(at)
    }

    /// `v`'s bytes changed in place by `map` as a new string, if `v` is an ASCII string
    /// (`map` must keep ASCII ASCII): `upper()` and `lower()` without a trip through
    /// host memory.
    pub(crate) fn new_str_ascii_mapped(&mut self, v: Value, map: fn(&mut [u8])) -> Option<Result<Value>> {
        let from =
            v.as_object().filter(|&at| self.heap.is_kind(at, Kind::Str) && self.heap.flags(at) & FLAG_ASCII != 0)?;
        let len = self.str_byte_len(from);
        let at = match self.heap.new_object(Kind::Str, HEADER_BYTES + len) {
            Ok(at) => at,
            Err(e) => return Some(Err(e.into())),
        };
        self.heap.region_mut().copy_within(from + HEADER_BYTES, at + HEADER_BYTES, len as usize);
        let bytes = self.heap.region_mut().bytes_mut(at + HEADER_BYTES, len as usize);
        map(bytes);
        Some(Ok(self.seal_str_object(at, len, true)))
    }

    /// A new string of the `len` bytes at `start` in string `from` (borrowed), which
    /// begin and end on character boundaries, copied inside the heap.
    pub(crate) fn new_str_span(&mut self, from: Value, start: u32, len: u32) -> Result<Value> {
        let Some(source) = from.as_object().filter(|&at| self.heap.is_kind(at, Kind::Str)) else {
            return Err(Error::Type("descriptor requires a 'str' object"));
        };
        let at = self.heap.new_object(Kind::Str, HEADER_BYTES + len)?;
        self.heap.region_mut().copy_within(source + HEADER_BYTES + start, at + HEADER_BYTES, len as usize);
        let ascii = self.heap.flags(source) & FLAG_ASCII != 0
            || self.heap.region().bytes(at + HEADER_BYTES, len as usize).is_ascii();
        Ok(self.seal_str_object(at, len, ascii))
    }

    /// A new list of the strings at `spans` (start, length) of string `from` (borrowed).
    pub(crate) fn new_list_of_str_spans(&mut self, from: Value, spans: &[(u32, u32)]) -> Result<Value> {
        let items = self.make_each(spans.iter(), |vm, &(start, len)| vm.new_str_span(from, start, len))?;
        let list = self.new_list(&items);
        self.release_all(&items);
        list
    }

    /// Makes a string object from bytes already known to be UTF-8, with their hash.
    pub(crate) fn new_str_object(&mut self, bytes: &[u8], hash: u32) -> Result<u32> {
        if bytes.len() > MAX_STR_BYTES {
            return Err(Error::Memory);
        }
        let len = bytes.len() as u32;
        let at = self.heap.new_object(Kind::Str, HEADER_BYTES + len)?;
        if bytes.is_ascii() {
            self.heap.set_flags(at, FLAG_ASCII);
        }
        let r = self.heap.region_mut();
        r.write_u32(at + 8, len);
        r.write_u32(at + 12, hash);
        r.bytes_mut(at + HEADER_BYTES, bytes.len()).copy_from_slice(bytes);
        Ok(at)
    }

    /// The text of a string value, `None` for anything else.
    pub fn as_str(&self, v: Value) -> Option<&str> {
        let bytes = self.str_bytes_of(v)?;
        match core::str::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(_) => panic!("mote engine bug: string object {v:?} holds invalid UTF-8"),
        }
    }

    /// Number of code points (Python's `len`), `None` for non-strings.
    pub fn str_char_len(&self, v: Value) -> Option<usize> {
        let at = v.as_object()?;
        if !self.heap.is_kind(at, Kind::Str) {
            return None;
        }
        if self.heap.flags(at) & FLAG_ASCII != 0 {
            Some(self.str_byte_len(at) as usize)
        } else {
            self.as_str(v).map(|s| s.chars().count())
        }
    }

    /// Whether `v` is an interned string.
    pub fn is_interned(&self, v: Value) -> bool {
        v.as_object().is_some_and(|at| self.heap.is_kind(at, Kind::Str) && self.heap.flags(at) & FLAG_INTERNED != 0)
    }

    pub(crate) fn str_bytes_of(&self, v: Value) -> Option<&[u8]> {
        let at = v.as_object()?;
        (self.heap.is_kind(at, Kind::Str)).then(|| self.str_bytes(at))
    }

    pub(crate) fn str_bytes(&self, at: u32) -> &[u8] {
        self.heap.region().bytes(at + HEADER_BYTES, self.str_byte_len(at) as usize)
    }

    pub(crate) fn str_byte_len(&self, at: u32) -> u32 {
        self.heap.region().read_u32(at + 8)
    }

    pub(crate) fn str_hash(&self, at: u32) -> u32 {
        self.heap.region().read_u32(at + 12)
    }

    pub(crate) fn str_object_bytes(&self, at: u32) -> u32 {
        HEADER_BYTES + self.str_byte_len(at)
    }

    /// Content equality of two string objects.
    pub(crate) fn str_equals(&self, a: u32, b: u32) -> bool {
        let both_interned = self.heap.flags(a) & self.heap.flags(b) & FLAG_INTERNED != 0;
        if a == b {
            return true;
        }
        if both_interned || self.str_hash(a) != self.str_hash(b) || self.str_byte_len(a) != self.str_byte_len(b) {
            return false;
        }
        self.str_bytes(a) == self.str_bytes(b)
    }

    pub(crate) fn destroy_str(&mut self, at: u32) {
        if self.heap.flags(at) & FLAG_INTERNED != 0 {
            self.forget_interned(at);
        }
        let bytes = self.str_object_bytes(at);
        self.heap.free_object(at, Kind::Str, bytes);
    }
}

// Python's character classes and case mappings. Rust's `char` methods answer most of
// these; the tables below hold where Python 3.11 (Unicode 14) answers differently.

/// Python's `isspace` for one char: Unicode White_Space plus the ASCII information
/// separators U+001C..U+001F, which Python also counts.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether `c` starts a line break for `splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn in_ranges(c: char, table: &[(u32, u32)]) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                core::cmp::Ordering::Less
            } else if lo > c {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `isdecimal` for one char (general category Nd).
pub(crate) fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, DECIMAL))
}

/// Python's `isdigit` for one char: decimals and the other digits (superscripts, circled).
pub(crate) fn is_digit(c: char) -> bool {
    is_decimal(c) || in_ranges(c, DIGIT_EXTRA)
}

/// Python's `isnumeric` for one char: categories Nd, Nl, No and the ideographs with a
/// numeric value.
pub(crate) fn is_numeric(c: char) -> bool {
    c.is_numeric() || in_ranges(c, NUMERIC_LETTERS)
}

/// Python's `isalpha` for one char (categories Lu, Ll, Lt, Lm, Lo). Rust's Alphabetic
/// also holds letter numbers (Nl), removed here, and some combining marks, kept: an
/// approximation for those marks.
pub(crate) fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

/// Whether `c` is a titlecase letter (category Lt, such as `ǅ`).
pub(crate) fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Whether `c` is cased (has upper, lower or title case).
pub(crate) fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Pushes Python's titlecase mapping of `c` (for `title` and `capitalize`).
pub(crate) fn push_title(c: char, out: &mut String) {
    if let Ok(i) = TITLE_SPECIAL.binary_search_by_key(&c, |&(k, _)| k) {
        out.push_str(TITLE_SPECIAL[i].1);
        return;
    }
    let code = c as u32;
    let mapped = match code {
        // DŽ Dž dž, LJ Lj lj, NJ Nj nj: the middle one of each three.
        0x1C4..=0x1CC => 0x1C5 + 3 * ((code - 0x1C4) / 3),
        0x1F1..=0x1F3 => 0x1F2,
        // Greek with ypogegrammeni: the titlecase form is the eighth of each sixteen.
        0x1F80..=0x1FAF => code | 8,
        // Georgian Mkhedruli letters are their own titlecase.
        0x10D0..=0x10FA | 0x10FD..=0x10FF => code,
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push(char::from_u32(mapped).unwrap_or(c));
}

/// Pushes Python's full case folding of `c` (for `casefold`).
pub(crate) fn push_fold(c: char, out: &mut String) {
    if let Ok(i) = FOLD_SPECIAL.binary_search_by_key(&c, |&(k, _)| k) {
        out.push_str(FOLD_SPECIAL[i].1);
        return;
    }
    let code = c as u32;
    let mapped = match code {
        // Cherokee folds to its uppercase letters.
        0x13A0..=0x13F5 => code,
        0x13F8..=0x13FD => code - 8,
        0xAB70..=0xABBF => code - 0xAB70 + 0x13A0,
        0x1F80..=0x1FAF => {
            let base = 0x1F00 + [0x00, 0x20, 0x60][((code - 0x1F80) >> 4) as usize] + (code & 7);
            out.push(char::from_u32(base).unwrap_or(c));
            out.push('\u{3B9}');
            return;
        }
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(char::from_u32(mapped).unwrap_or(c));
}

/// `text` lowercased as Python's `lower` does (a final `Σ` becomes `ς`), and where each
/// char's lowercase starts in it: one offset per char, then the end.
fn lowered_with_offsets(text: &str) -> (String, Vec<usize>) {
    let lowered = text.to_lowercase();
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        offsets.push(at);
        // Only Σ depends on its context, and both of its lowercase forms are 2 bytes.
        at += c.to_lowercase().map(char::len_utf8).sum::<usize>();
    }
    offsets.push(at);
    (lowered, offsets)
}

/// `str.title()`.
pub(crate) fn title(text: &str) -> String {
    let (lowered, at) = lowered_with_offsets(text);
    let mut out = String::with_capacity(text.len());
    let mut previous_cased = false;
    for (i, c) in text.chars().enumerate() {
        if previous_cased {
            out.push_str(&lowered[at[i]..at[i + 1]]);
        } else {
            push_title(c, &mut out);
        }
        previous_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()`: the first char in titlecase, the rest lowercased.
pub(crate) fn capitalize(text: &str) -> String {
    let (lowered, at) = lowered_with_offsets(text);
    let mut out = String::with_capacity(text.len());
    if let Some(first) = text.chars().next() {
        push_title(first, &mut out);
        out.push_str(&lowered[at[1]..]);
    }
    out
}

/// `str.swapcase()`.
pub(crate) fn swapcase(text: &str) -> String {
    let (lowered, at) = lowered_with_offsets(text);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if c.is_uppercase() {
            out.push_str(&lowered[at[i]..at[i + 1]]);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.casefold()`.
pub(crate) fn casefold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_fold(c, &mut out);
    }
    out
}

/// `str.isupper()`: some cased char, none lowercase or titlecase.
pub(crate) fn is_upper_text(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `str.islower()`: some cased char, none uppercase or titlecase.
pub(crate) fn is_lower_text(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `str.istitle()`: uppercase and titlecase chars only after uncased ones, lowercase
/// ones only after cased ones, and at least one cased char.
pub(crate) fn is_title_text(text: &str) -> bool {
    let (mut cased, mut previous_cased) = (false, false);
    for c in text.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `str.isidentifier()`: a letter or `_`, then letters, digits and `_` (XID_Start and
/// XID_Continue, approximated outside ASCII by Rust's Alphabetic and Python's decimals).
pub(crate) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first == '_' || first.is_alphabetic() => {
            chars.all(|c| c == '_' || c.is_alphabetic() || is_decimal(c))
        }
        _ => false,
    }
}

/// `str.splitlines(keepends)`.
pub(crate) fn splitlines(text: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && text[end..].starts_with('\n') {
            chars.next();
            end += 1;
        }
        lines.push(&text[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// `str.expandtabs(tabsize)`; `MemoryError` if the result would be too long.
pub(crate) fn expandtabs(text: &str, tabsize: i64) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    let mut column: i64 = 0;
    for c in text.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let n = tabsize - column % tabsize;
                if out.len() as i64 + n > MAX_STR_BYTES as i64 {
                    return Err(Error::Memory);
                }
                out.extend(core::iter::repeat_n(' ', n as usize));
                column += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(out)
}

/// Where padding goes for `center`, `ljust` and `rjust`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// `text` padded with `fill` to `width` chars (unchanged if already that wide).
pub(crate) fn pad(text: &str, width: i64, fill: char, align: Align) -> Result<String> {
    let len = text.chars().count() as i64;
    if width <= len {
        return Ok(String::from(text));
    }
    let margin = width - len;
    if (text.len() as i64).saturating_add(margin.saturating_mul(fill.len_utf8() as i64)) > MAX_STR_BYTES as i64 {
        return Err(Error::Memory);
    }
    let left = match align {
        Align::Left => 0,
        // CPython's rounding: the odd char goes right, unless the width is odd too.
        Align::Center => margin / 2 + (margin & width & 1),
        Align::Right => margin,
    };
    let mut out = String::with_capacity(text.len() + margin as usize * fill.len_utf8());
    out.extend(core::iter::repeat_n(fill, left as usize));
    out.push_str(text);
    out.extend(core::iter::repeat_n(fill, (margin - left) as usize));
    Ok(out)
}

/// `str.zfill(width)`: zeros on the left, after a leading sign.
pub(crate) fn zfill(text: &str, width: i64) -> Result<String> {
    let mut out = pad(text, width, '0', Align::Right)?;
    let zeros = out.len() - text.len();
    if zeros > 0 && (text.starts_with('+') || text.starts_with('-')) {
        // "000-42" becomes "-00042".
        out.replace_range(zeros..zeros + 1, "0");
        out.replace_range(0..1, &text[..1]);
    }
    Ok(out)
}

/// Runs of whitespace split; `maxsplit` (if not negative) splits from the left at most
/// that many times, the rest kept whole (leading whitespace dropped).
/// `split`/`rsplit` by the one-byte separator `sep` (an ASCII character, so every cut
/// is on a character boundary): the parts' (start, length) in `bytes`, left to right.
pub(crate) fn byte_split_spans(bytes: &[u8], sep: u8, maxsplit: i64, right: bool) -> Vec<(u32, u32)> {
    let mut cuts = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut spans = Vec::new();
    if right {
        let mut end = bytes.len();
        while cuts > 0 {
            let Some(at) = bytes[..end].iter().rposition(|&b| b == sep) else { break };
            spans.push(((at + 1) as u32, (end - at - 1) as u32));
            end = at;
            cuts -= 1;
        }
        spans.push((0, end as u32));
        spans.reverse();
    } else {
        let mut start = 0;
        while cuts > 0 {
            let Some(len) = bytes[start..].iter().position(|&b| b == sep) else { break };
            spans.push((start as u32, len as u32));
            start += len + 1;
            cuts -= 1;
        }
        spans.push((start as u32, (bytes.len() - start) as u32));
    }
    spans
}

/// Where each of `parts`, slices of `text`, starts in it (in bytes) and how long it is.
pub(crate) fn spans_in(text: &str, parts: &[&str]) -> Vec<(u32, u32)> {
    let base = text.as_ptr() as usize;
    parts.iter().map(|p| ((p.as_ptr() as usize - base) as u32, p.len() as u32)).collect()
}

pub(crate) fn split_whitespace(text: &str, maxsplit: i64) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_start_matches(is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && parts.len() as i64 == maxsplit {
            parts.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
    }
    parts
}

/// `rsplit()` on whitespace: as [`split_whitespace`] from the right.
pub(crate) fn rsplit_whitespace(text: &str, maxsplit: i64) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_end_matches(is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && parts.len() as i64 == maxsplit {
            parts.push(rest);
            break;
        }
        let start = rest.char_indices().rev().find(|&(_, c)| is_space(c)).map_or(0, |(i, c)| i + c.len_utf8());
        parts.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
    }
    parts.reverse();
    parts
}

/// The byte offset of char `index` (the end if past it).
pub(crate) fn byte_offset(text: &str, index: usize) -> usize {
    if text.is_ascii() {
        index.min(text.len())
    } else {
        text.char_indices().nth(index).map_or(text.len(), |(b, _)| b)
    }
}

/// The number of chars in `text[..byte]`.
pub(crate) fn char_index(text: &str, byte: usize) -> usize {
    if text.is_ascii() {
        byte
    } else {
        text[..byte].chars().count()
    }
}

/// The part of `text` that `start`/`end` arguments select (Python's slice rules, `None`
/// meaning the ends), with its first char's index; `None` when start is past end.
pub(crate) fn char_window(text: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, &str)> {
    let len = if text.is_ascii() { text.len() } else { text.chars().count() } as i64;
    let end = match end {
        None => len,
        Some(e) if e > len => len,
        Some(e) if e < 0 => (e + len).max(0),
        Some(e) => e,
    };
    let start = match start {
        None => 0,
        Some(s) if s < 0 => (s + len).max(0),
        Some(s) => s,
    };
    if start > end {
        return None;
    }
    let (from, to) = (byte_offset(text, start as usize), byte_offset(text, end as usize));
    Some((start as usize, &text[from..to]))
}

// Tables generated from CPython 3.11's unicodedata (Unicode 14.0).

/// Category Nd.
const DECIMAL: &[(u32, u32)] = &[
    (0x30, 0x39),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];
/// Digits that are not decimals (Numeric_Type=Digit).
const DIGIT_EXTRA: &[(u32, u32)] = &[
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
    (0x1F100, 0x1F10A),
];
/// Letters with a numeric value (CJK numerals), which `char::is_numeric` leaves out.
const NUMERIC_LETTERS: &[(u32, u32)] = &[
    (0x3405, 0x3405),
    (0x3483, 0x3483),
    (0x382A, 0x382A),
    (0x3B4D, 0x3B4D),
    (0x4E00, 0x4E00),
    (0x4E03, 0x4E03),
    (0x4E07, 0x4E07),
    (0x4E09, 0x4E09),
    (0x4E5D, 0x4E5D),
    (0x4E8C, 0x4E8C),
    (0x4E94, 0x4E94),
    (0x4E96, 0x4E96),
    (0x4EBF, 0x4EC0),
    (0x4EDF, 0x4EDF),
    (0x4EE8, 0x4EE8),
    (0x4F0D, 0x4F0D),
    (0x4F70, 0x4F70),
    (0x5104, 0x5104),
    (0x5146, 0x5146),
    (0x5169, 0x5169),
    (0x516B, 0x516B),
    (0x516D, 0x516D),
    (0x5341, 0x5341),
    (0x5343, 0x5345),
    (0x534C, 0x534C),
    (0x53C1, 0x53C4),
    (0x56DB, 0x56DB),
    (0x58F1, 0x58F1),
    (0x58F9, 0x58F9),
    (0x5E7A, 0x5E7A),
    (0x5EFE, 0x5EFF),
    (0x5F0C, 0x5F0E),
    (0x5F10, 0x5F10),
    (0x62FE, 0x62FE),
    (0x634C, 0x634C),
    (0x67D2, 0x67D2),
    (0x6F06, 0x6F06),
    (0x7396, 0x7396),
    (0x767E, 0x767E),
    (0x8086, 0x8086),
    (0x842C, 0x842C),
    (0x8CAE, 0x8CAE),
    (0x8CB3, 0x8CB3),
    (0x8D30, 0x8D30),
    (0x9621, 0x9621),
    (0x9646, 0x9646),
    (0x964C, 0x964C),
    (0x9678, 0x9678),
    (0x96F6, 0x96F6),
    (0xF96B, 0xF96B),
    (0xF973, 0xF973),
    (0xF978, 0xF978),
    (0xF9B2, 0xF9B2),
    (0xF9D1, 0xF9D1),
    (0xF9D3, 0xF9D3),
    (0xF9FD, 0xF9FD),
    (0x20001, 0x20001),
    (0x20064, 0x20064),
    (0x200E2, 0x200E2),
    (0x20121, 0x20121),
    (0x2092A, 0x2092A),
    (0x20983, 0x20983),
    (0x2098C, 0x2098C),
    (0x2099C, 0x2099C),
    (0x20AEA, 0x20AEA),
    (0x20AFD, 0x20AFD),
    (0x20B19, 0x20B19),
    (0x22390, 0x22390),
    (0x22998, 0x22998),
    (0x23B1B, 0x23B1B),
    (0x2626D, 0x2626D),
    (0x2F890, 0x2F890),
];
/// Titlecase mappings other than the uppercase, sorted (ranges handled in `push_title`).
const TITLE_SPECIAL: &[(char, &str)] = &[
    ('\u{DF}', "Ss"),
    ('\u{587}', "\u{535}\u{582}"),
    ('\u{1FB2}', "\u{1FBA}\u{345}"),
    ('\u{1FB3}', "\u{1FBC}"),
    ('\u{1FB4}', "\u{386}\u{345}"),
    ('\u{1FB7}', "\u{391}\u{342}\u{345}"),
    ('\u{1FBC}', "\u{1FBC}"),
    ('\u{1FC2}', "\u{1FCA}\u{345}"),
    ('\u{1FC3}', "\u{1FCC}"),
    ('\u{1FC4}', "\u{389}\u{345}"),
    ('\u{1FC7}', "\u{397}\u{342}\u{345}"),
    ('\u{1FCC}', "\u{1FCC}"),
    ('\u{1FF2}', "\u{1FFA}\u{345}"),
    ('\u{1FF3}', "\u{1FFC}"),
    ('\u{1FF4}', "\u{38F}\u{345}"),
    ('\u{1FF7}', "\u{3A9}\u{342}\u{345}"),
    ('\u{1FFC}', "\u{1FFC}"),
    ('\u{FB00}', "Ff"),
    ('\u{FB01}', "Fi"),
    ('\u{FB02}', "Fl"),
    ('\u{FB03}', "Ffi"),
    ('\u{FB04}', "Ffl"),
    ('\u{FB05}', "St"),
    ('\u{FB06}', "St"),
    ('\u{FB13}', "\u{544}\u{576}"),
    ('\u{FB14}', "\u{544}\u{565}"),
    ('\u{FB15}', "\u{544}\u{56B}"),
    ('\u{FB16}', "\u{54E}\u{576}"),
    ('\u{FB17}', "\u{544}\u{56D}"),
];
/// Case foldings other than the lowercase, sorted (ranges handled in `push_fold`).
const FOLD_SPECIAL: &[(char, &str)] = &[
    ('\u{B5}', "\u{3BC}"),
    ('\u{DF}', "ss"),
    ('\u{149}', "\u{2BC}n"),
    ('\u{17F}', "s"),
    ('\u{1F0}', "j\u{30C}"),
    ('\u{345}', "\u{3B9}"),
    ('\u{390}', "\u{3B9}\u{308}\u{301}"),
    ('\u{3B0}', "\u{3C5}\u{308}\u{301}"),
    ('\u{3C2}', "\u{3C3}"),
    ('\u{3D0}', "\u{3B2}"),
    ('\u{3D1}', "\u{3B8}"),
    ('\u{3D5}', "\u{3C6}"),
    ('\u{3D6}', "\u{3C0}"),
    ('\u{3F0}', "\u{3BA}"),
    ('\u{3F1}', "\u{3C1}"),
    ('\u{3F5}', "\u{3B5}"),
    ('\u{587}', "\u{565}\u{582}"),
    ('\u{1C80}', "\u{432}"),
    ('\u{1C81}', "\u{434}"),
    ('\u{1C82}', "\u{43E}"),
    ('\u{1C83}', "\u{441}"),
    ('\u{1C84}', "\u{442}"),
    ('\u{1C85}', "\u{442}"),
    ('\u{1C86}', "\u{44A}"),
    ('\u{1C87}', "\u{463}"),
    ('\u{1C88}', "\u{A64B}"),
    ('\u{1E96}', "h\u{331}"),
    ('\u{1E97}', "t\u{308}"),
    ('\u{1E98}', "w\u{30A}"),
    ('\u{1E99}', "y\u{30A}"),
    ('\u{1E9A}', "a\u{2BE}"),
    ('\u{1E9B}', "\u{1E61}"),
    ('\u{1E9E}', "ss"),
    ('\u{1F50}', "\u{3C5}\u{313}"),
    ('\u{1F52}', "\u{3C5}\u{313}\u{300}"),
    ('\u{1F54}', "\u{3C5}\u{313}\u{301}"),
    ('\u{1F56}', "\u{3C5}\u{313}\u{342}"),
    ('\u{1FB2}', "\u{1F70}\u{3B9}"),
    ('\u{1FB3}', "\u{3B1}\u{3B9}"),
    ('\u{1FB4}', "\u{3AC}\u{3B9}"),
    ('\u{1FB6}', "\u{3B1}\u{342}"),
    ('\u{1FB7}', "\u{3B1}\u{342}\u{3B9}"),
    ('\u{1FBC}', "\u{3B1}\u{3B9}"),
    ('\u{1FBE}', "\u{3B9}"),
    ('\u{1FC2}', "\u{1F74}\u{3B9}"),
    ('\u{1FC3}', "\u{3B7}\u{3B9}"),
    ('\u{1FC4}', "\u{3AE}\u{3B9}"),
    ('\u{1FC6}', "\u{3B7}\u{342}"),
    ('\u{1FC7}', "\u{3B7}\u{342}\u{3B9}"),
    ('\u{1FCC}', "\u{3B7}\u{3B9}"),
    ('\u{1FD2}', "\u{3B9}\u{308}\u{300}"),
    ('\u{1FD3}', "\u{3B9}\u{308}\u{301}"),
    ('\u{1FD6}', "\u{3B9}\u{342}"),
    ('\u{1FD7}', "\u{3B9}\u{308}\u{342}"),
    ('\u{1FE2}', "\u{3C5}\u{308}\u{300}"),
    ('\u{1FE3}', "\u{3C5}\u{308}\u{301}"),
    ('\u{1FE4}', "\u{3C1}\u{313}"),
    ('\u{1FE6}', "\u{3C5}\u{342}"),
    ('\u{1FE7}', "\u{3C5}\u{308}\u{342}"),
    ('\u{1FF2}', "\u{1F7C}\u{3B9}"),
    ('\u{1FF3}', "\u{3C9}\u{3B9}"),
    ('\u{1FF4}', "\u{3CE}\u{3B9}"),
    ('\u{1FF6}', "\u{3C9}\u{342}"),
    ('\u{1FF7}', "\u{3C9}\u{342}\u{3B9}"),
    ('\u{1FFC}', "\u{3C9}\u{3B9}"),
    ('\u{FB00}', "ff"),
    ('\u{FB01}', "fi"),
    ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"),
    ('\u{FB04}', "ffl"),
    ('\u{FB05}', "st"),
    ('\u{FB06}', "st"),
    ('\u{FB13}', "\u{574}\u{576}"),
    ('\u{FB14}', "\u{574}\u{565}"),
    ('\u{FB15}', "\u{574}\u{56B}"),
    ('\u{FB16}', "\u{57E}\u{576}"),
    ('\u{FB17}', "\u{574}\u{56D}"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::vm;

    #[test]
    fn decimal_matches_display() {
        for n in [0, 7, -7, 10, -10, 123_456, i64::from(i32::MAX), i64::MIN, i64::MAX] {
            let mut buffer = [0u8; DECIMAL_DIGITS];
            assert_eq!(decimal(n, &mut buffer), alloc::format!("{n}").as_bytes());
            assert_eq!(decimal_len(n), alloc::format!("{n}").len());
        }
    }

    #[test]
    fn strings_keep_text_length_and_size() {
        let mut vm = vm();
        let s = vm.new_str("hi").unwrap();
        assert_eq!(vm.as_str(s), Some("hi"));
        assert_eq!(vm.getsizeof(s), 24);
        let u = vm.new_str("héllo wörld").unwrap();
        assert_eq!(vm.str_char_len(u), Some(11));
        assert_eq!(vm.str_char_len(s), Some(2));
        let empty = vm.new_str("").unwrap();
        assert_eq!(vm.as_str(empty), Some(""));
        assert_eq!(vm.getsizeof(empty), 16);
        let long = "x".repeat(1000);
        let l = vm.new_str(&long).unwrap();
        assert_eq!(vm.as_str(l), Some(long.as_str()));
        assert_eq!(vm.getsizeof(l), 1024, "1016 bytes plus the 8-byte block header");
        for v in [s, u, empty, l] {
            vm.release(v);
        }
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn equal_strings_hash_equal() {
        let mut vm = vm();
        let a = vm.new_str("same").unwrap();
        let b = vm.new_str("same").unwrap();
        assert_ne!(a, b);
        assert!(vm.equals(a, b).unwrap());
        assert_eq!(vm.hash(a).unwrap(), vm.hash(b).unwrap());
        vm.release(a);
        vm.release(b);
    }

    #[test]
    fn names_are_recognised() {
        assert!(looks_like_name(b"_x1"));
        assert!(looks_like_name(b"health"));
        assert!(!looks_like_name(b"1x"));
        assert!(!looks_like_name(b""));
        assert!(!looks_like_name(b"a b"));
        assert!(!looks_like_name("é".as_bytes()));
    }
    #[test]
    fn unicode_tables_are_sorted_for_binary_search() {
        assert!(DECIMAL.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(DIGIT_EXTRA.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(NUMERIC_LETTERS.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(TITLE_SPECIAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FOLD_SPECIAL.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn text_helpers_follow_python() {
        // python3 -c "s = 'héllo'; print(s[1:-1], s[-9:2], s[4:2])"  ->  'éll', 'hé', ''
        assert_eq!(char_window("héllo", Some(1), Some(-1)), Some((1, "éll")));
        assert_eq!(char_window("héllo", Some(-9), Some(2)), Some((0, "hé")));
        assert_eq!(char_window("héllo", Some(4), Some(2)), None);
        assert_eq!(char_window("abc", Some(3), None), Some((3, "")));
        // python3 -c "print(repr('ab'.center(5, 'é')), repr('-7'.zfill(4)), repr('x'.zfill(0)))"
        assert_eq!(pad("ab", 5, 'é', Align::Center).unwrap(), "ééabé");
        assert_eq!(zfill("-7", 4).unwrap(), "-007");
        assert_eq!(zfill("x", 0).unwrap(), "x");
        assert_eq!(pad("x", i64::MAX, ' ', Align::Left).unwrap_err(), Error::Memory);
        // python3 -c "print('a\r\nb\rc\x85'.splitlines(True), ' a b '.rsplit(None, 1))"
        assert_eq!(splitlines("a\r\nb\rc\u{85}", true), ["a\r\n", "b\r", "c\u{85}"]);
        assert_eq!(rsplit_whitespace(" a b ", 1), [" a", "b"]);
        assert_eq!(split_whitespace(" a b ", 1), ["a", "b "]);
        // python3 -c "print('ǆemal ǈ ΣΑΣ'.title(), 'ﬃ'.casefold(), 'ᾳ'.title())"  ->  ǅemal ǈ Σας ffi ᾼ
        assert_eq!(title("ǆemal ǈ ΣΑΣ"), "ǅemal ǈ Σας");
        assert_eq!(casefold("ﬃ"), "ffi");
        assert_eq!(title("ᾳ"), "ᾼ");
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('五') && !is_alpha('Ⅷ') && is_space('\u{1f}'));
    }
}
