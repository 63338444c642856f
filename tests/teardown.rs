//! Deterministic teardown: deep structures free without native recursion, and a VM shut
//! down after use hands its region back with zero bytes in use.

use mote::{Profile, Region, Subsystem, Value, Vm, VmConfig};

fn new_vm(bytes: usize) -> Vm {
    Vm::new(VmConfig::default(), Region::with_capacity(bytes).unwrap()).unwrap()
}

#[test]
fn million_deep_nested_lists_free_iteratively() {
    let mut vm = new_vm(128 << 20);
    let mut inner = vm.new_list(&[]).unwrap();
    for _ in 0..1_000_000 {
        let outer = vm.new_list(&[inner]).unwrap();
        vm.release(inner);
        inner = outer;
    }
    assert_eq!(vm.subsystem(Subsystem::List).live_objects, 1_000_001);
    vm.release(inner);
    assert_eq!(vm.bytes_in_use(), 0);
    vm.verify().unwrap();
}

#[test]
fn million_long_tuple_chain_frees_iteratively() {
    let mut vm = new_vm(64 << 20);
    let mut tail = Value::NONE;
    for i in 0..1_000_000 {
        let node = vm.new_tuple(&[Value::small_int(i).unwrap(), tail]).unwrap();
        vm.release(tail);
        tail = node;
    }
    vm.release(tail);
    assert_eq!(vm.bytes_in_use(), 0);
}

#[test]
fn deep_dict_chain_frees_iteratively() {
    let mut vm = new_vm(128 << 20);
    let key = vm.new_str("next").unwrap();
    let mut head = vm.new_dict().unwrap();
    for _ in 0..300_000 {
        let node = vm.new_dict().unwrap();
        vm.dict_set(node, key, head).unwrap();
        vm.release(head);
        head = node;
    }
    vm.release(head);
    vm.release(key);
    assert_eq!(vm.bytes_in_use(), 0);
}

#[test]
fn shutdown_returns_every_byte_and_the_region() {
    for profile in [Profile::Tight, Profile::Stock] {
        let mut vm = Vm::new(VmConfig::new(profile), Region::with_capacity(1 << 20).unwrap()).unwrap();
        let empty = vm.new_tuple(&[]).unwrap();
        let one = vm.new_float(1.0).unwrap();
        let name = vm.intern_str("player").unwrap();
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, name, one).unwrap();
        for v in [empty, one, name, d] {
            vm.release(v);
        }
        let teardown = vm.shutdown();
        assert_eq!((teardown.leaked_bytes, teardown.leaked_objects), (0, 0));
        assert_eq!(teardown.region.len(), 1 << 20);
        // The region is whole again: a new VM can use all of it.
        let mut again = Vm::new(VmConfig::new(profile), teardown.region).unwrap();
        let heap = again.memory().heap;
        assert_eq!(heap.free_bytes, (1 << 20) - 8 - heap.object_map_bytes);
        assert_eq!(heap.object_map_bytes, (1 << 20) / 64);
        let big = again.new_str(&"x".repeat(1_000_000)).unwrap();
        again.release(big);
        assert_eq!(again.shutdown().leaked_bytes, 0);
    }
}

#[test]
fn shutdown_reports_what_the_host_leaked() {
    let mut vm = new_vm(1 << 20);
    let kept = vm.new_list(&[Value::NONE]).unwrap();
    let _ = kept;
    let teardown = vm.shutdown();
    assert_eq!(teardown.leaked_objects, 1);
    assert_eq!(teardown.leaked_bytes, 24 + 8);
}

#[test]
fn two_vms_share_nothing() {
    let mut a = new_vm(1 << 20);
    let mut b = new_vm(1 << 20);
    let x = a.new_float(2.0).unwrap();
    let name = a.intern_str("shared_name").unwrap();
    assert_eq!(b.memory().interned_strings, 0);
    assert_eq!(b.memory().float_cache.misses, 0);
    assert_eq!(b.bytes_in_use(), 0);
    let y = b.new_float(2.0).unwrap();
    b.release(y);
    a.release(x);
    a.release(name);
    assert_eq!(a.shutdown().leaked_bytes, 0);
    assert_eq!(b.shutdown().leaked_bytes, 0);
}

#[test]
fn tiny_or_bad_configs_are_errors_not_crashes() {
    assert_eq!(
        Vm::new(VmConfig::default(), Region::with_capacity(1024).unwrap()).unwrap_err(),
        mote::VmError::RegionTooSmall
    );
    let wide = VmConfig::default().with_float_cache(Some(mote::FloatCacheRange { low: -1000, high: 1000 }));
    assert_eq!(Vm::new(wide, Region::with_capacity(1 << 20).unwrap()).unwrap_err(), mote::VmError::BadFloatCacheRange);
    // A heap that fills up reports MemoryError and keeps working.
    let mut vm = new_vm(32 * 1024);
    let l = vm.new_list(&[]).unwrap();
    let mut appended = 0;
    while vm.list_append(l, Value::NONE).is_ok() {
        appended += 1;
    }
    assert!(appended > 1000);
    assert!(vm.new_str(&"y".repeat(20_000)).is_err());
    vm.release(l);
    let s = vm.new_str(&"y".repeat(20_000)).unwrap();
    vm.release(s);
    assert_eq!(vm.shutdown().leaked_bytes, 0);
}
