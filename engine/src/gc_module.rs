//! The `gc` module: the cycle detector as scripts see it, plus MicroPython's memory
//! queries.
//!
//! `gc.collect()` runs the detector ([`crate::cycle_detector`]) and returns how many
//! unreachable objects it found. mote never collects on its own, so `gc.disable()`,
//! `gc.enable()` and `gc.isenabled()` only keep the setting for scripts that consult it.
//! `gc.set_debug(gc.DEBUG_LEAK)` starts recording where objects are made and makes each
//! collection print what it found to stderr, one line per object, as CPython's
//! `gc: collectable <...>` lines plus the subsystem, the bytes and the file:line; the
//! host reads the same report as data with [`Vm::last_collection`].
//! `gc.mem_alloc()` / `gc.mem_free()` are the script heap's bytes in use and the rest of
//! the bytes its allocators manage (the two add up to the same total at every moment).

use crate::cycle_detector::Collection;
use crate::error::{Error, Result};
use crate::function::NativeFn;
use crate::output::Stream;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;

pub(crate) const DEBUG_STATS: i64 = 1;
pub(crate) const DEBUG_COLLECTABLE: i64 = 2;
pub(crate) const DEBUG_UNCOLLECTABLE: i64 = 4;
pub(crate) const DEBUG_SAVEALL: i64 = 32;
pub(crate) const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// What the script asked of the collector.
#[derive(Debug)]
pub(crate) struct CollectorSettings {
    /// `gc.isenabled()`.
    pub(crate) enabled: bool,
    /// `gc.get_debug()`.
    pub(crate) debug: i64,
    /// Objects alive at the end of the last collection (for `gc.get_count()`).
    pub(crate) live_objects_then: u64,
    /// The report of the last collection made with debugging on.
    pub(crate) last: Option<Collection>,
}

impl Default for CollectorSettings {
    fn default() -> Self {
        CollectorSettings { enabled: true, debug: 0, live_objects_then: 0, last: None }
    }
}

pub(crate) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("collect", gc_collect),
    ("enable", gc_enable),
    ("disable", gc_disable),
    ("isenabled", gc_isenabled),
    ("get_count", gc_get_count),
    ("set_debug", gc_set_debug),
    ("get_debug", gc_get_debug),
    ("mem_alloc", gc_mem_alloc),
    ("mem_free", gc_mem_free),
];

pub(crate) const CONSTANTS: &[(&str, i64)] = &[
    ("DEBUG_STATS", DEBUG_STATS),
    ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
    ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
    ("DEBUG_SAVEALL", DEBUG_SAVEALL),
    ("DEBUG_LEAK", DEBUG_LEAK),
];

impl Vm {
    /// The report of the last `gc.collect()` a script ran with `gc.set_debug` on.
    pub fn last_collection(&self) -> Option<&Collection> {
        self.collector.last.as_ref()
    }

    /// Starts or stops recording where objects are made (what `gc.set_debug` with
    /// `DEBUG_COLLECTABLE` does); only objects made while it is on have a site.
    pub fn track_creation_sites(&mut self, on: bool) {
        match (on, self.heap.sites.is_some()) {
            (true, false) => self.heap.sites = Some(alloc::boxed::Box::default()),
            (false, true) => {
                let codes: alloc::vec::Vec<Value> = self
                    .heap
                    .sites
                    .take()
                    .map(|log| log.codes.iter().map(|&code| Value::from_offset(code)).collect())
                    .unwrap_or_default();
                self.release_all(&codes);
            }
            _ => {}
        }
    }

    /// File and line of the code that made object `at`, if it was made while sites were
    /// tracked.
    pub(crate) fn creation_site(&self, at: u32) -> Option<(alloc::string::String, u32)> {
        let &(code, index) = self.heap.sites.as_ref()?.made_at.get(&at)?;
        let file = self.as_str(self.code_file(code)).unwrap_or("?");
        Some((file.into(), self.code_line_of(code, index)))
    }
}

fn gc_collect(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    let debug = vm.collector.debug;
    let collection = vm.collect_cycles(debug != 0);
    if debug & DEBUG_COLLECTABLE != 0 {
        for (i, member) in collection.members.iter().enumerate() {
            if i == 0 || collection.members[i - 1].group != member.group {
                let count = collection.members.iter().filter(|m| m.group == member.group).count();
                let line = format!("gc: cycle {}: {count} objects\n", member.group + 1);
                vm.write_output(Stream::Stderr, &line);
            }
            let site = member
                .created_at
                .as_ref()
                .map_or(alloc::string::String::new(), |(file, line)| format!(", made at {file}:{line}"));
            let line = format!(
                "gc: collectable {} ({}, {} bytes{site})\n",
                member.description,
                member.subsystem.name(),
                member.bytes
            );
            vm.write_output(Stream::Stderr, &line);
        }
    }
    if debug & DEBUG_STATS != 0 {
        let line =
            format!("gc: done, {} unreachable, {} bytes freed\n", collection.unreachable, collection.freed_bytes);
        vm.write_output(Stream::Stderr, &line);
    }
    let found = collection.unreachable;
    if debug != 0 {
        vm.collector.last = Some(collection);
    }
    vm.new_int(found as i64)
}

fn gc_enable(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.collector.enabled = true;
    Ok(Value::NONE)
}

fn gc_disable(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.collector.enabled = false;
    Ok(Value::NONE)
}

fn gc_isenabled(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::from_bool(vm.collector.enabled))
}

/// `(objects made since the last collection, net of those freed, 0, 0)`: mote has one
/// generation.
fn gc_get_count(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    let now = vm.heap.ledger().total_live_objects();
    let count = vm.new_int(now.saturating_sub(vm.collector.live_objects_then) as i64)?;
    let zero = vm.new_int(0)?;
    let t = vm.new_tuple(&[count, zero, zero]);
    vm.release_all(&[count, zero]);
    t
}

fn gc_set_debug(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [flags] = args else { return Err(Error::Type("set_debug() takes exactly one argument")) };
    let flags = vm.as_int(*flags).ok_or(Error::Type("an integer is required"))?;
    vm.collector.debug = flags;
    vm.track_creation_sites(flags & DEBUG_COLLECTABLE != 0);
    Ok(Value::NONE)
}

fn gc_get_debug(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.new_int(vm.collector.debug)
}

fn gc_mem_alloc(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.new_int(vm.heap.in_use_bytes() as i64)
}

fn gc_mem_free(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.new_int((vm.heap.managed_bytes() - vm.heap.in_use_bytes()) as i64)
}
