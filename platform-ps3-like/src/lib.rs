//! mote-platform: the machine mote is hosted on, in simulation.
//!
//! A PS3-like console: 256 MiB of main memory split into named budgets (the OS's
//! reservation, the game's own heap, the script budget), out of which the host lends each
//! VM its region. Later issues add the frame clock, IO threads and event wake-ups.
//!
//! `no_std` + `alloc` when the `std` feature is off, so the same memory map can run on a
//! real console's runtime.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod memory_map;

pub use memory_map::{Budget, BudgetSpec, MachineSpec, MemoryMap, PlatformError};
