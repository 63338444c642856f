//! Errors the object layer reports; each becomes the Python exception it names.
//!
//! The engine never panics on script-reachable conditions: running out of heap, an int
//! too large, an unhashable key, nesting too deep. Panics are reserved for engine bugs.

use core::fmt;

/// A failed operation, named for the Python exception the VM raises for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Error {
    /// The script heap cannot hold the request: `MemoryError`.
    Memory,
    /// An int beyond 64 bits (a documented mote limit): `OverflowError`.
    Overflow(&'static str),
    /// A mutable container used as a key: `TypeError: unhashable type: '<type>'`.
    Unhashable(&'static str),
    /// A sequence index out of range: `IndexError`.
    Index(&'static str),
    /// An operand of the wrong type: `TypeError`.
    Type(&'static str),
    /// Containers nested too deeply to hash or compare: `RecursionError`.
    Recursion(&'static str),
}

impl Error {
    /// The Python exception class this error becomes.
    pub fn python_type(&self) -> &'static str {
        match self {
            Error::Memory => "MemoryError",
            Error::Overflow(_) => "OverflowError",
            Error::Unhashable(_) | Error::Type(_) => "TypeError",
            Error::Index(_) => "IndexError",
            Error::Recursion(_) => "RecursionError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Memory => f.write_str("MemoryError: the script heap is full"),
            Error::Unhashable(ty) => write!(f, "TypeError: unhashable type: '{ty}'"),
            Error::Overflow(m) | Error::Index(m) | Error::Type(m) | Error::Recursion(m) => {
                write!(f, "{}: {m}", self.python_type())
            }
        }
    }
}

impl From<crate::heap::OutOfMemory> for Error {
    fn from(_: crate::heap::OutOfMemory) -> Error {
        Error::Memory
    }
}

pub type Result<T, E = Error> = core::result::Result<T, E>;
