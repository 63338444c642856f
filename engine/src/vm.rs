//! The VM: one script heap plus the roots and tables that belong to it.
//!
//! Everything a VM owns lives in its own [`Heap`] or in this struct: there is no global
//! state, so two VMs in one process never share a byte or a counter.
//!
//! Lifecycle: [`Vm::new`] takes a [`Region`] from the host; [`Vm::shutdown`] releases the
//! VM's own roots and hands the region back with a [`Teardown`] saying whether every byte
//! came back. Dropping a VM without `shutdown` returns the region's memory to its owner
//! all the same.

use crate::accounting::{Subsystem, SubsystemStats};
use crate::config::{TableRules, VmConfig};
use crate::float_cache::{FloatCache, FloatCacheStats};
use crate::heap::{Heap, HeapCorruption, HeapStats};
use crate::intern::InternTable;
use crate::region::Region;
use crate::value::Value;

/// The smallest region a VM accepts: room for a few pool pages and large blocks.
pub const MIN_REGION_BYTES: usize = 16 * 1024;

/// Why a VM could not be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum VmError {
    /// The region is below [`MIN_REGION_BYTES`].
    RegionTooSmall,
    /// The float cache range is empty, reversed or wider than the cache's fixed table.
    BadFloatCacheRange,
}

/// A snapshot of a VM's memory, as a host or a report reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MemorySnapshot {
    pub heap: HeapStats,
    /// One row per subsystem, in [`Subsystem::ALL`] order.
    pub subsystems: [(Subsystem, SubsystemStats); Subsystem::COUNT],
    pub float_cache: FloatCacheStats,
    /// Strings currently interned.
    pub interned_strings: u32,
}

/// What [`Vm::shutdown`] hands back.
#[derive(Debug)]
pub struct Teardown {
    /// The host's region, to reuse or drop.
    pub region: Region,
    /// Bytes still in use after the VM released its roots: references the host never
    /// released. Zero on a clean shutdown.
    pub leaked_bytes: u64,
    pub leaked_objects: u64,
    /// What the cycle detector found and freed at shutdown: objects the script left in
    /// reference cycles (already returned; not part of `leaked_bytes`).
    pub cycle_objects: u64,
    pub cycle_bytes: u64,
}

pub struct Vm {
    pub(crate) heap: Heap,
    pub(crate) config: VmConfig,
    pub(crate) table_rules: TableRules,
    pub(crate) float_cache: FloatCache,
    pub(crate) interned: InternTable,
    /// The shared `()`; created lazily, then held until shutdown.
    pub(crate) empty_tuple: Value,
    /// Rust code of the native functions made in this VM, by index.
    pub(crate) natives: alloc::vec::Vec<crate::function::NativeEntry>,
    /// The `builtins` dict names fall back to; NULL until builtins are installed.
    pub(crate) builtins: Value,
    /// Script frames in the chain now, and the most allowed (`RecursionError` beyond).
    pub(crate) depth: u32,
    pub(crate) recursion_limit: u32,
    /// The built-in classes, by `BuiltinType` (empty until code runs).
    pub(crate) builtin_types: alloc::vec::Vec<Value>,
    /// The built-in exception classes, by `ExceptionType` (empty until code runs).
    pub(crate) exception_classes: alloc::vec::Vec<Value>,
    /// A MemoryError made in advance, raised when there is no memory to make one.
    pub(crate) memory_error: Value,
    /// Exceptions being handled (by except/finally blocks), innermost last, with the
    /// frame handling each; owned references.
    pub(crate) handled: alloc::vec::Vec<(u32, Value)>,
    /// Set by `Reraise`: the exception's traceback already records the raising frame.
    pub(crate) reraising: bool,
    /// Changes whenever a namespace dict gains or loses a key (`name_cache.rs`).
    pub(crate) namespace_epoch: u32,
    /// The interned `"__init__"`, looked up on every instantiation; NULL until then.
    pub(crate) init_name: Value,
    /// The last `__init__` lookup (`name_cache.rs`).
    pub(crate) init_cache: crate::name_cache::InitCache,
    /// Where the next non-generator frame goes (`frame.rs`).
    pub(crate) frame_stack: crate::frame::FrameStack,
    /// Set by `Yield` so the run it ends knows it yielded rather than returned.
    pub(crate) yielded: bool,
    /// The exception being raised right now (NULL when none).
    pub(crate) raised: Value,
    /// Imported modules by name (`sys.modules`); NULL until the first import.
    pub(crate) modules: Value,
    /// The host's clock for `time.time()` (seconds); `None` if it gives none.
    pub(crate) clock: Option<alloc::boxed::Box<dyn FnMut() -> f64 + Send>>,
    /// Where script modules' source comes from; `None` if the host gives none.
    pub(crate) loader: Option<alloc::boxed::Box<dyn crate::stdlib::ModuleLoader>>,
    /// `sys.argv` (the host's command line for the script).
    pub(crate) argv: alloc::vec::Vec<alloc::string::String>,
    /// The source of every file compiled, for traceback source lines.
    pub(crate) source_lines: crate::module::SourceLines,
    /// What scripts asked of the cycle detector through the `gc` module.
    pub(crate) collector: crate::gc_module::CollectorSettings,
    /// Where `print` and tracebacks go; `None` discards them.
    pub(crate) output: Option<alloc::boxed::Box<dyn crate::output::Output>>,
}

impl Vm {
    /// Creates a VM whose every script object will live in `region`.
    pub fn new(config: VmConfig, region: Region) -> Result<Vm, VmError> {
        if region.len() < MIN_REGION_BYTES {
            return Err(VmError::RegionTooSmall);
        }
        let float_cache = FloatCache::new(config.float_cache).ok_or(VmError::BadFloatCacheRange)?;
        Ok(Vm {
            heap: Heap::new(region),
            config,
            table_rules: config.profile.table_rules(),
            float_cache,
            interned: InternTable::default(),
            empty_tuple: Value::NULL,
            natives: alloc::vec::Vec::new(),
            builtins: Value::NULL,
            depth: 0,
            recursion_limit: config.recursion_limit,
            builtin_types: alloc::vec::Vec::new(),
            exception_classes: alloc::vec::Vec::new(),
            memory_error: Value::NULL,
            raised: Value::NULL,
            namespace_epoch: 1,
            init_name: Value::NULL,
            init_cache: crate::name_cache::InitCache::default(),
            frame_stack: crate::frame::FrameStack::default(),
            handled: alloc::vec::Vec::new(),
            yielded: false,
            collector: crate::gc_module::CollectorSettings::default(),
            reraising: false,
            modules: Value::NULL,
            clock: None,
            loader: None,
            source_lines: crate::module::SourceLines::default(),
            argv: alloc::vec::Vec::new(),
            output: None,
        })
    }

    /// Gives scripts a clock (`time.time()`), in seconds.
    pub fn set_clock(&mut self, clock: alloc::boxed::Box<dyn FnMut() -> f64 + Send>) {
        self.clock = Some(clock);
    }

    /// Lets scripts import other scripts: `loader` supplies a module's source by name.
    pub fn set_module_loader(&mut self, loader: alloc::boxed::Box<dyn crate::stdlib::ModuleLoader>) {
        self.loader = Some(loader);
    }

    /// Sets `sys.argv` for scripts (the script name first, as Python's).
    pub fn set_argv(&mut self, argv: &[&str]) {
        self.argv = argv.iter().map(|a| alloc::string::String::from(*a)).collect();
    }

    /// Sends this VM's output (`print`, tracebacks) to `output`.
    pub fn set_output(&mut self, output: alloc::boxed::Box<dyn crate::output::Output>) {
        self.output = Some(output);
    }

    pub fn config(&self) -> VmConfig {
        self.config
    }

    /// Per-subsystem counters, heap totals and cache counters, exact at this instant.
    pub fn memory(&self) -> MemorySnapshot {
        MemorySnapshot {
            heap: self.heap.stats(),
            subsystems: Subsystem::ALL.map(|s| (s, self.heap.subsystem(s))),
            float_cache: self.float_cache.stats(),
            interned_strings: self.interned.len(),
        }
    }

    /// One subsystem's counters.
    pub fn subsystem(&self, owner: Subsystem) -> SubsystemStats {
        self.heap.subsystem(owner)
    }

    /// Bytes in use in the script heap (the allocator's own count).
    pub fn bytes_in_use(&self) -> u64 {
        self.heap.in_use_bytes()
    }

    /// Checks the heap's structure and that the subsystem counters add up to the bytes in
    /// use, and that the intern table is consistent.
    pub fn verify(&self) -> Result<(), HeapCorruption> {
        self.heap.verify()?;
        self.verify_interned()
    }

    /// Fault injection for tests: after `successes` more allocations, one fails.
    pub fn fail_allocation_after(&mut self, successes: u64) {
        self.heap.fail_after(successes)
    }

    /// Cancels a pending injected allocation failure.
    pub fn clear_fault_injection(&mut self) {
        self.heap.clear_fault_injection()
    }

    /// Releases the VM's own roots and returns the region with what was left in use.
    pub fn shutdown(mut self) -> Teardown {
        self.heap.clear_fault_injection();
        self.track_creation_sites(false);
        self.clear_modules();
        let builtins = core::mem::replace(&mut self.builtins, Value::NULL);
        let handled: alloc::vec::Vec<Value> = core::mem::take(&mut self.handled).into_iter().map(|(_, e)| e).collect();
        self.release_all(&handled);
        let raised = self.take_raised();
        let memory_error = core::mem::replace(&mut self.memory_error, Value::NULL);
        let init_name = core::mem::replace(&mut self.init_name, Value::NULL);
        self.release_all(&[builtins, raised, memory_error, init_name]);
        // Subclasses first, so each class dies with its last reference.
        let exception_classes = core::mem::take(&mut self.exception_classes);
        let builtin_types = core::mem::take(&mut self.builtin_types);
        for class in exception_classes.into_iter().rev().chain(builtin_types.into_iter().rev()) {
            self.release(class);
        }
        let empty_tuple = core::mem::replace(&mut self.empty_tuple, Value::NULL);
        if empty_tuple != Value::NULL {
            self.release(empty_tuple);
        }
        let cached: alloc::vec::Vec<Value> = self.float_cache.take_all().collect();
        self.release_all(&cached);
        // Whatever only cycles keep alive goes too: a VM's end returns every byte.
        let cycles = self.collect_cycles(false);
        self.free_intern_table();
        let leaked_bytes = self.heap.in_use_bytes();
        let leaked_objects = self.heap.ledger().total_live_objects();
        Teardown {
            region: self.heap.into_region(),
            leaked_bytes,
            leaked_objects,
            cycle_objects: cycles.unreachable,
            cycle_bytes: cycles.freed_bytes,
        }
    }
}

impl core::fmt::Debug for Vm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Vm").field("config", &self.config).field("heap", &self.heap).finish_non_exhaustive()
    }
}
