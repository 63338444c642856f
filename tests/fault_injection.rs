//! An allocation failure at any point leaves the heap consistent and leaks nothing.
//!
//! For each workload, the test first counts its allocations, then reruns it once per
//! allocation with exactly that one failing: after every run the heap verifies, and once
//! the survivors are released the heap is back to zero bytes.

mod workload;

use mote::{Error, Profile, Region, Value, Vm, VmConfig};
use workload::Rng;

fn new_vm(profile: Profile) -> Vm {
    Vm::new(VmConfig::new(profile), Region::with_capacity(1 << 20).unwrap()).unwrap()
}

/// Runs `work` with the `n`-th allocation failing; checks the heap and the teardown.
fn run_failing_at(profile: Profile, n: u64, work: &dyn Fn(&mut Vm) -> (Vec<Value>, u32)) -> u32 {
    let mut vm = new_vm(profile);
    vm.fail_allocation_after(n);
    let (held, failures) = work(&mut vm);
    assert_eq!(vm.memory().heap.failed_allocations, 1, "the injected failure fired");
    vm.verify().unwrap_or_else(|e| panic!("{profile:?}, failure at allocation {n}: {e:?}"));
    for v in held {
        vm.release(v);
    }
    vm.verify().unwrap();
    let teardown = vm.shutdown();
    assert_eq!(teardown.leaked_bytes, 0, "{profile:?}, failure at allocation {n}");
    failures
}

/// Allocations `work` makes when nothing fails.
fn count_allocations(profile: Profile, work: &dyn Fn(&mut Vm) -> (Vec<Value>, u32)) -> u64 {
    let mut vm = new_vm(profile);
    let (held, failures) = work(&mut vm);
    assert_eq!(failures, 0);
    let total = vm.memory().subsystems.iter().map(|(_, s)| s.total_allocations).sum();
    for v in held {
        vm.release(v);
    }
    total
}

fn check_every_failure_point(work: &dyn Fn(&mut Vm) -> (Vec<Value>, u32)) {
    for profile in [Profile::Tight, Profile::Stock] {
        let total = count_allocations(profile, work);
        assert!(total > 20, "the workload allocates");
        let mut saw_failure = 0;
        for n in 0..total {
            saw_failure += run_failing_at(profile, n, work).min(1);
        }
        // Shrinking a table and interning a dict key are best-effort: when their
        // allocation fails the operation still succeeds, so the script sees no error.
        // Every other failure must surface as MemoryError.
        assert!(u64::from(saw_failure) * 10 >= total * 9, "{saw_failure} of {total} failures surfaced");
    }
}

/// Keeps a failed step's error visible as a count, as a script's `except MemoryError`.
fn count(result: Result<(), Error>, failures: &mut u32) {
    match result {
        Ok(()) => {}
        Err(Error::Memory) => *failures += 1,
        Err(e) => panic!("unexpected {e}"),
    }
}

#[test]
fn dict_workload_survives_failure_anywhere() {
    check_every_failure_point(&|vm| {
        let mut failures = 0;
        let mut held = Vec::new();
        let Ok(d) = vm.new_dict() else { return (held, 1) };
        held.push(d);
        for i in 0..40i64 {
            let r = vm.new_str(&format!("key_{i}")).and_then(|k| {
                let r = vm.dict_set(d, k, Value::small_int(i).unwrap());
                vm.release(k);
                r
            });
            count(r, &mut failures);
            count(vm.dict_set(d, Value::small_int(i).unwrap(), Value::NONE), &mut failures);
        }
        for i in 0..30i64 {
            count(vm.dict_delete(d, Value::small_int(i).unwrap()).map(|_| ()), &mut failures);
        }
        (held, failures)
    });
}

#[test]
fn list_workload_survives_failure_anywhere() {
    check_every_failure_point(&|vm| {
        let mut failures = 0;
        let mut held = Vec::new();
        let Ok(l) = vm.new_list(&[]) else { return (held, 1) };
        held.push(l);
        for i in 0..200i64 {
            let r = vm.new_float(i as f64 + 0.5).and_then(|f| {
                let r = vm.list_append(l, f);
                vm.release(f);
                r
            });
            count(r, &mut failures);
        }
        for _ in 0..150 {
            if let Ok(v) = vm.list_pop(l) {
                vm.release(v);
            }
        }
        (held, failures)
    });
}

#[test]
fn str_workload_survives_failure_anywhere() {
    check_every_failure_point(&|vm| {
        let mut failures = 0;
        let mut held = Vec::new();
        for i in 0..30 {
            match vm.intern_str(&format!("name{i}")) {
                Ok(s) => held.push(s),
                Err(_) => failures += 1,
            }
            match vm.new_str(&"long text ".repeat(i * 10)) {
                Ok(s) => held.push(s),
                Err(_) => failures += 1,
            }
        }
        (held, failures)
    });
}

#[test]
fn random_mixed_workload_survives_failure_anywhere() {
    for seed in [7u32, 8] {
        check_every_failure_point(&|vm| workload::run(vm, &mut Rng(0x9e37_79b9 ^ seed), 150));
    }
}

#[test]
fn a_script_with_closures_and_cycles_survives_failure_anywhere() {
    // Closure loops, true cycles, gc.collect() and exceptions, with one allocation
    // failing: wherever it fails (compiling, starting the builtins, running), the script
    // ends with MemoryError or completes, the heap verifies, and shutdown (whose cycle
    // detector frees what the script left) returns every byte. Every failure point in a
    // release build; 200 evenly spaced ones in a debug build (a run makes thousands).
    let source = "import gc\n\
        def itertest(l):\n    def listiter(l):\n        for i in l:\n            if isinstance(i, list):\n                yield from listiter(i)\n            else:\n                yield i\n    return listiter(l)\n\
        class Node:\n    def __init__(self, parent=None):\n        self.parent = parent\n        self.children = []\n        self.cb = self.ping\n        if parent:\n            parent.children.append(self)\n    def ping(self):\n        return len(self.children)\n\
        def build(n):\n    root = Node()\n    for i in range(n):\n        Node(root)\n    return root.cb()\n\
        try:\n    print(list(itertest([1, [2, [3]]])), build(20))\n    print(gc.collect())\n    raise ValueError('x')\nexcept ValueError as e:\n    kept = e\nbuild(5)\n";
    let run = |n: Option<u64>| {
        let mut vm = new_vm(Profile::Tight);
        if let Some(n) = n {
            vm.fail_allocation_after(n);
        }
        let ok = vm.run_main("faults.py", source).is_ok();
        vm.verify().unwrap_or_else(|e| panic!("failure at allocation {n:?}: {e:?}"));
        let total: u64 = vm.memory().subsystems.iter().map(|(_, s)| s.total_allocations).sum();
        let teardown = vm.shutdown();
        assert_eq!(teardown.leaked_bytes, 0, "failure at allocation {n:?}");
        (ok, total)
    };
    let (ok, total) = run(None);
    assert!(ok && total > 1000, "{total} allocations");
    let step = if cfg!(debug_assertions) { (total / 200).max(1) } else { 1 };
    let mut failed_runs = 0;
    for n in (0..total).step_by(step as usize) {
        failed_runs += u32::from(!run(Some(n)).0);
    }
    assert!(failed_runs > 0, "some injected failures surface as errors");
}
