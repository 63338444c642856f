//! The front end: source text to tokens to an AST allocated in a bump arena.
