//! The front end: source text to tokens to an AST allocated in a bump arena.

pub mod ast;
pub mod error;
pub mod tokenizer;

pub use error::{SyntaxError, SyntaxErrorKind};
