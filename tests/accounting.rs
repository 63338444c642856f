//! The ledger is exact: after random workloads the per-subsystem bytes add up to the
//! allocator's own count, `getsizeof` matches what creating an object cost, and
//! everything comes back.

mod workload;

use mote::{Profile, Region, Subsystem, Value, Vm, VmConfig};
use workload::Rng;

fn new_vm(profile: Profile, bytes: usize) -> Vm {
    Vm::new(VmConfig::new(profile), Region::with_capacity(bytes).unwrap()).unwrap()
}

fn sum_of_subsystems(vm: &Vm) -> u64 {
    vm.memory().subsystems.iter().map(|(_, s)| s.live_bytes).sum()
}

#[test]
fn subsystems_add_up_after_random_workloads() {
    for (seed, profile) in [(1, Profile::Tight), (2, Profile::Stock), (3, Profile::Tight), (4, Profile::Stock)] {
        let mut vm = new_vm(profile, 4 << 20);
        let mut rng = Rng(0x2545_f491 ^ seed);
        for _round in 0..20 {
            let (held, _) = workload::run(&mut vm, &mut rng, 400);
            assert_eq!(sum_of_subsystems(&vm), vm.bytes_in_use());
            vm.verify().unwrap();
            for v in held {
                vm.release(v);
            }
            assert_eq!(sum_of_subsystems(&vm), vm.bytes_in_use());
        }
        vm.verify().unwrap();
        let teardown = vm.shutdown();
        assert_eq!((teardown.leaked_bytes, teardown.leaked_objects), (0, 0), "{profile:?}");
    }
}

#[test]
fn getsizeof_is_what_making_the_object_cost() {
    let mut vm = new_vm(Profile::Tight, 1 << 20);
    // Warm the shared singletons so they are not part of the cost.
    let warm = [vm.new_tuple(&[]).unwrap(), vm.new_float(1.0).unwrap()];
    let int = |n| Value::small_int(n).unwrap();
    type Maker = Box<dyn Fn(&mut Vm) -> Value>;
    let makers: Vec<Maker> = vec![
        Box::new(|vm| vm.new_int(1 << 40).unwrap()),
        Box::new(|vm| vm.new_float(0.25).unwrap()),
        Box::new(|vm| vm.new_str("hello").unwrap()),
        Box::new(|vm| vm.new_str(&"x".repeat(5000)).unwrap()),
        Box::new(move |vm| vm.new_tuple(&[int(1), int(2)]).unwrap()),
        Box::new(move |vm| vm.new_list(&[int(1); 100]).unwrap()),
        Box::new(move |vm| vm.new_set(&[int(1), int(2), int(3)]).unwrap()),
        Box::new(move |vm| {
            let d = vm.new_dict().unwrap();
            for k in 0..300 {
                vm.dict_set(d, int(k), int(k)).unwrap();
            }
            d
        }),
    ];
    for make in &makers {
        let before = vm.bytes_in_use();
        let v = make(&mut vm);
        assert_eq!(vm.getsizeof(v), vm.bytes_in_use() - before, "{}", vm.type_name(v));
        vm.release(v);
        assert_eq!(vm.bytes_in_use(), before);
    }
    for v in warm {
        vm.release(v);
    }
}

#[test]
fn objects_and_high_water_are_counted_per_subsystem() {
    let mut vm = new_vm(Profile::Tight, 1 << 20);
    let d = vm.new_dict().unwrap();
    let s = vm.new_str("a string").unwrap();
    for k in 0..50 {
        vm.dict_set(d, Value::small_int(k).unwrap(), s).unwrap();
    }
    let dict = vm.subsystem(Subsystem::Dict);
    assert_eq!(dict.live_objects, 1);
    assert_eq!(dict.live_bytes, vm.getsizeof(d));
    assert!(dict.total_allocations > 5, "one object and several table rebuilds");
    vm.release(d);
    let dict = vm.subsystem(Subsystem::Dict);
    assert_eq!((dict.live_bytes, dict.live_objects), (0, 0));
    assert!(dict.high_water_bytes > 400);
    assert_eq!(vm.subsystem(Subsystem::Str).live_objects, 1);
    vm.release(s);
}
