//! mote-platform: the machine mote is hosted on, in simulation.
//!
//! Owns: a PS3-like console's memory side: 256 MiB of main memory split into named budgets
//! (the OS's reservation, the game's own heaps, the script budget) and the lender that
//! carves each VM's region out of the script budget. Clocks, IO threads and event
//! wake-ups arrive in later issues.
//! Promises: a region is lent only while its budget has room, every lent byte is counted
//! until it is given back, and the crate is `no_std` + `alloc` when the `std` feature is
//! off, so the same code can run on a console's runtime.
//! Must never: call the operating system from the `no_std` build, or let a script region
//! grow beyond what its budget lent.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod error;
pub mod memory_map;
pub mod provider;

pub use error::{Bytes, PlatformError};
pub use memory_map::{Budget, BudgetSpec, MachineSpec, MemoryMap, GAME_BUDGET, OS_BUDGET, SCRIPT_BUDGET};
pub use provider::{Lease, LentRegion, ProviderStats, RegionProvider};
