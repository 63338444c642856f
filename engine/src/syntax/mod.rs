//! The front end: source text to tokens to an AST allocated in a bump arena.
//!
//! [`parse_module`] is the entry point: it normalizes line breaks, parses (see `parser`), and
//! fills in the file name and source line of any error.

pub mod ast;
pub mod error;
mod parser;
pub mod tokenizer;

pub use error::{SyntaxError, SyntaxErrorKind};

use alloc::borrow::Cow;
use alloc::string::String;

/// Parses a module into an AST allocated in `arena`.
///
/// `\r\n` and lone `\r` line breaks are read as `\n`. On error, the [`SyntaxError`] carries
/// `file_name` and the text of the offending line (for an error inside an f-string field,
/// the field as CPython 3.11 shows it: `(expr)`).
pub fn parse_module<'a>(
    arena: &'a bumpalo::Bump,
    source: &str,
    file_name: &str,
) -> Result<ast::Module<'a>, SyntaxError> {
    let source: Cow<'_, str> = if source.contains('\r') {
        Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(source)
    };
    parser::parse(arena, &source).map_err(|mut e| {
        e.file_name = String::from(file_name);
        if e.source_line.is_empty() {
            e.source_line = source_line(&source, e.line);
        }
        e
    })
}

/// Line `line` (1-based) of `source` without its line break; empty past the end.
fn source_line(source: &str, line: u32) -> String {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let index = (line as usize).saturating_sub(1);
    source.split('\n').nth(index).map(String::from).unwrap_or_default()
}
