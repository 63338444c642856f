//! Syntax errors: what the front end reports when source text is not a program mote runs.
//!
//! Owns [`SyntaxError`] and [`SyntaxErrorKind`]. Promises: every error carries the file name,
//! a 1-based line and a 1-based column counted in characters (CPython's `offset`), the text of
//! the offending line, and a message in CPython 3.11's wording wherever the same mistake has a
//! CPython message. Valid Python outside mote's subset is reported with the kind
//! [`SyntaxErrorKind::NotImplemented`] and a message naming the feature. `Display` renders the
//! error exactly as CPython prints an uncaught `SyntaxError` (file/line header, the stripped
//! source line, carets, `Type: message`).
//!
//! Must never: panic on any position (out-of-range columns just drop the carets), or hold a
//! reference into the arena or the source (errors outlive both).

use alloc::string::String;
use core::fmt;

/// Which Python exception a [`SyntaxError`] becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError`).
    IndentationError,
    /// `TabError` (a subclass of `IndentationError`).
    TabError,
    /// Valid Python that mote does not run (`async`, `match`, `:=`, bytes, complex numbers...).
    /// Raised as `NotImplementedError`; the message names the feature.
    NotImplemented,
}

impl SyntaxErrorKind {
    /// The name of the Python exception class.
    pub fn python_type(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::NotImplemented => "NotImplementedError",
        }
    }
}

/// A program the front end refuses, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The Python exception this becomes.
    pub kind: SyntaxErrorKind,
    /// CPython's wording where there is one, e.g. `invalid syntax`, `expected ':'`.
    pub message: String,
    /// The file name given to `parse_module`.
    pub file_name: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters (CPython's `SyntaxError.offset`).
    pub column: u32,
    /// Where the offending range ends, 1-based and exclusive (CPython's `end_lineno` /
    /// `end_offset`); 0 when the error is a single point.
    pub end_line: u32,
    /// See `end_line`.
    pub end_column: u32,
    /// The text of line `line`, without its line break (empty past the end of the source).
    pub source_line: String,
}

impl SyntaxError {
    /// An error at one point; `source_line` and `file_name` are filled in by the caller.
    pub fn new(kind: SyntaxErrorKind, message: impl Into<String>, line: u32, column: u32) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into(),
            file_name: String::new(),
            line,
            column,
            end_line: 0,
            end_column: 0,
            source_line: String::new(),
        }
    }

    /// The name of the Python exception class this error becomes.
    pub fn python_type(&self) -> &'static str {
        self.kind.python_type()
    }
}

impl fmt::Display for SyntaxError {
    /// CPython's rendering of an uncaught syntax error:
    ///
    /// ```text
    ///   File "x.py", line 1
    ///     f() = 1
    ///     ^^^
    /// SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.file_name, self.line)?;
        let text = self.source_line.trim_end_matches(['\n', '\r']);
        if !text.is_empty() {
            let stripped = text.trim_start_matches([' ', '\n', '\x0c']);
            let spaces = (text.chars().count() - stripped.chars().count()) as i64;
            writeln!(f, "    {stripped}")?;
            let offset = i64::from(self.column);
            let mut end =
                if self.end_column == 0 || self.end_line != self.line { offset } else { i64::from(self.end_column) };
            if end <= offset {
                end = offset + 1;
            }
            let col = offset - 1 - spaces;
            let end_col = end - 1 - spaces;
            if col >= 0 {
                f.write_str("    ")?;
                // Whitespace (tabs) is kept so the carets line up; anything else becomes a space.
                for c in stripped.chars().take(col as usize) {
                    let c = if c.is_whitespace() { c } else { ' ' };
                    write!(f, "{c}")?;
                }
                for _ in col..end_col {
                    f.write_str("^")?;
                }
                f.write_str("\n")?;
            }
        }
        write!(f, "{}: {}", self.python_type(), self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn err(line_text: &str, column: u32, end_column: u32) -> SyntaxError {
        let mut e = SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", 1, column);
        e.file_name = "x.py".into();
        e.end_line = if end_column == 0 { 0 } else { 1 };
        e.end_column = end_column;
        e.source_line = line_text.into();
        e
    }

    #[test]
    fn renders_like_cpython() {
        let e = err("f() = 1", 1, 4);
        assert_eq!(e.to_string(), "  File \"x.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: invalid syntax");
        let e = err("x = = 1", 5, 6);
        assert_eq!(e.to_string(), "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax");
    }

    #[test]
    fn strips_indentation_and_drops_carets_inside_it() {
        let e = err("   if x", 2, 0);
        assert_eq!(e.to_string(), "  File \"x.py\", line 1\n    if x\nSyntaxError: invalid syntax");
        let e = err("    x = )", 9, 0);
        assert_eq!(e.to_string(), "  File \"x.py\", line 1\n    x = )\n        ^\nSyntaxError: invalid syntax");
    }

    #[test]
    fn kinds_name_their_exception() {
        let mut e = err("", 1, 0);
        e.kind = SyntaxErrorKind::NotImplemented;
        assert_eq!(e.python_type(), "NotImplementedError");
        assert_eq!(e.to_string(), "  File \"x.py\", line 1\nNotImplementedError: invalid syntax");
        assert_eq!(SyntaxErrorKind::TabError.python_type(), "TabError");
        assert_eq!(SyntaxErrorKind::IndentationError.python_type(), "IndentationError");
    }
}
