//! Modules written in the language itself and built into the engine (`collections`,
//! `dataclasses`, `typing`).
//!
//! `import name` looks for a built-in native module first (`stdlib.rs`), then asks the
//! host's `ModuleLoader`, then uses the source here, compiled like any script module. A
//! script's own `collections.py` therefore shadows this one, as a local module shadows
//! the standard library in CPython.

/// The source of the built-in script module `name`, if there is one.
pub(crate) fn embedded_source(name: &str) -> Option<&'static str> {
    match name {
        "collections" => Some(include_str!("modules/collections.py")),
        "dataclasses" => Some(include_str!("modules/dataclasses.py")),
        "typing" => Some(include_str!("modules/typing.py")),
        _ => None,
    }
}
