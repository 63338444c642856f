//! Turns the engine's [`mote::MemorySnapshot`] into the report model of `mote-reports`,
//! which knows nothing of the engine.

use mote_reports::{HeapTotals, Snapshot, SubsystemRow};

/// A report snapshot of `vm`'s heap right now.
pub fn of_vm(vm: &mote::Vm, label: &str) -> Snapshot {
    let memory = vm.memory();
    let heap = memory.heap;
    let mut snapshot = Snapshot::new(label, vm.config().profile.name());
    snapshot.heap = HeapTotals {
        region_bytes: heap.region_bytes,
        in_use_bytes: heap.in_use_bytes,
        high_water_bytes: heap.high_water_bytes,
        free_bytes: heap.free_bytes,
        pool_pages: heap.pool_pages,
        pool_slack_bytes: heap.pool_slack_bytes,
        failed_allocations: heap.failed_allocations,
    };
    snapshot.subsystems = memory
        .subsystems
        .iter()
        .map(|(subsystem, stats)| SubsystemRow {
            name: subsystem.name().to_string(),
            live_bytes: stats.live_bytes,
            live_objects: stats.live_objects,
            high_water_bytes: stats.high_water_bytes,
            total_allocations: stats.total_allocations,
        })
        .collect();
    snapshot.float_cache_hits = memory.float_cache.hits;
    snapshot.float_cache_misses = memory.float_cache.misses;
    snapshot.interned_strings = u64::from(memory.interned_strings);
    snapshot
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_add_up_to_the_heap() {
        let region = mote::Region::with_capacity(1 << 20).unwrap();
        let mut vm = mote::Vm::new(mote::VmConfig::default(), region).unwrap();
        let s = vm.new_str("some text").unwrap();
        let l = vm.new_list(&[s, s]).unwrap();
        let snap = of_vm(&vm, "test");
        assert!(snap.accounting_agrees());
        assert_eq!(snap.live_bytes_of("list"), vm.getsizeof(l));
        assert_eq!(snap.subsystem("str").unwrap().live_objects, 1);
        assert_eq!(snap.profile, "tight");
        vm.release(l);
        vm.release(s);
    }
}
