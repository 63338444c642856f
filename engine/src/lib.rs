//! mote: a Python-3-flavoured scripting engine for games that live in a fixed memory budget.
//!
//! The host hands a [`Vm`] one [`Region`] of memory; every script object lives inside it,
//! named by 32-bit [`Value`] handles, freed the instant its last reference goes, and
//! charged to a [`Subsystem`] so the host can ask where every byte is. See
//! `ARCHITECTURE.md` at the repository root for the map of modules.
#![no_std]

extern crate alloc;

pub mod accounting;
mod builtin_subclass;
mod builtins;
pub mod bytecode;
pub mod class;
mod closure_cycles;
pub mod code;
mod compare;
pub mod compiler;
pub mod config;
pub mod cycle_detector;
mod dict;
mod disassembler;
mod dunder;
mod embedded_modules;
pub mod error;
pub mod exception;
mod float;
pub mod float_cache;
mod format;
mod frame;
mod frozenset;
pub mod function;
mod gc_module;
mod generator;
pub mod hash;
pub mod heap;
mod heapq;
mod inline_attributes;
pub mod instance;
mod int;
mod intern;
mod interpreter;
mod iterator;
mod list;
mod methods;
pub mod module;
mod name_cache;
pub mod object;
mod operators;
pub mod output;
mod pool;
mod probe;
pub mod region;
pub mod repr;
mod scope;
mod set;
mod slice;
mod std_streams;
pub mod stdlib;
pub mod str;
pub mod syntax;
mod tlsf;
pub mod traceback;
mod traceback_module;
pub mod tuple;
pub mod types;
pub mod value;
pub mod vm;

pub use accounting::{Subsystem, SubsystemStats};
pub use config::{FloatCacheRange, Profile, VmConfig};
pub use error::{Error, Result};
pub use heap::{HeapCorruption, HeapStats};
pub use region::Region;
pub use value::Value;
pub use vm::{MemorySnapshot, Teardown, Vm, VmError};

#[cfg(test)]
extern crate std;

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Region, Value, Vm, VmConfig};
    use core::ops::{Deref, DerefMut};

    /// An immediate int.
    pub fn int(n: i64) -> Value {
        Value::small_int(n).unwrap()
    }

    /// A VM for unit tests that, when the test ends, checks the heap: the structure walks
    /// clean and the subsystem counters add up exactly to the allocator's bytes in use.
    pub struct TestVm(pub Vm);

    impl Deref for TestVm {
        type Target = Vm;
        fn deref(&self) -> &Vm {
            &self.0
        }
    }

    impl DerefMut for TestVm {
        fn deref_mut(&mut self) -> &mut Vm {
            &mut self.0
        }
    }

    impl Drop for TestVm {
        fn drop(&mut self) {
            if !std::thread::panicking() {
                self.0.verify().expect("heap verifies at the end of the test");
            }
        }
    }

    /// A tight-profile VM over a 1 MiB region.
    pub fn vm() -> TestVm {
        vm_with(VmConfig::default())
    }

    pub fn vm_with(config: VmConfig) -> TestVm {
        TestVm(Vm::new(config, Region::with_capacity(1 << 20).unwrap()).unwrap())
    }
}
