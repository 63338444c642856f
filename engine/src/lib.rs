//! mote: a Python-3-flavoured scripting engine for games that live in a fixed memory budget.
#![no_std]

extern crate alloc;

pub mod accounting;
pub mod heap;
mod pool;
pub mod region;
mod tlsf;
