//! Micro-benchmark: dict insert / lookup / delete and float creation, in mote and in
//! CPython 3.11, measured side by side in one run.
//!
//! Run: `cargo bench -p mote --bench heap_ops` (CPython is taken from `python3` on PATH,
//! or `$MOTE_PYTHON`). Each figure is the median of 9 runs, in nanoseconds per operation.
//!
//! What is compared: mote's operations are direct calls into the engine's object API;
//! CPython's are driven from C (`dict(zip(...))`, `map(d.__getitem__, ...)` drained by a
//! zero-length deque) so that no bytecode runs per operation. CPython still pays one
//! C-level call per item through `map`, so its figures include that dispatch; mote's
//! will include the interpreter's when the language lands (issue 3).

use mote::{Profile, Region, Value, Vm, VmConfig};
use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

const N: usize = 100_000;
const RUNS: usize = 9;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

/// Nanoseconds per operation of `body` (which performs `N` operations), median of RUNS.
fn measure(mut body: impl FnMut() -> u64) -> f64 {
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        black_box(body());
        samples.push(start.elapsed().as_nanos() as f64 / N as f64);
    }
    median(samples)
}

fn new_vm() -> Vm {
    let region = Region::with_capacity(64 << 20).expect("64 MiB region");
    Vm::new(VmConfig::new(Profile::Tight), region).expect("vm")
}

/// Keys as CPython's benchmark uses them: strings "k0".."k99999".
fn make_keys(vm: &mut Vm) -> Vec<Value> {
    (0..N).map(|i| vm.new_str(&format!("k{i}")).expect("key")).collect()
}

fn mote_results() -> Vec<(&'static str, f64)> {
    let mut vm = new_vm();
    let keys = make_keys(&mut vm);
    let int_keys: Vec<Value> = (0..N as i64).map(|i| Value::small_int(i).expect("small")).collect();
    let mut out = Vec::new();

    for (name, keys) in [("dict insert, str keys", &keys), ("dict insert, int keys", &int_keys)] {
        out.push((
            name,
            measure(|| {
                let d = vm.new_dict().expect("dict");
                for &k in keys.iter() {
                    vm.dict_set(d, k, k).expect("insert");
                }
                let n = u64::from(vm.dict_len(d));
                vm.release(d);
                n
            }),
        ));
    }

    let d = vm.new_dict().expect("dict");
    for &k in &keys {
        vm.dict_set(d, k, k).expect("insert");
    }
    out.push((
        "dict lookup (hit), str keys",
        measure(|| {
            let mut found = 0;
            for &k in &keys {
                if let Ok(Some(v)) = vm.dict_get(d, k) {
                    vm.release(v);
                    found += 1;
                }
            }
            found
        }),
    ));
    out.push((
        "dict delete+reinsert, str keys",
        measure(|| {
            // Each key is deleted and put back, so every run starts from the same dict.
            let mut n = 0;
            for &k in &keys {
                n += u64::from(vm.dict_delete(d, k).expect("delete"));
            }
            for &k in &keys {
                vm.dict_set(d, k, k).expect("insert");
            }
            n
        }),
    ));
    vm.release(d);

    out.push((
        "float create+free, not cached",
        measure(|| {
            let mut bits = 0u64;
            for i in 0..N {
                let f = vm.new_float(i as f64 + 0.5).expect("float");
                bits ^= u64::from(f.to_bits());
                vm.release(f);
            }
            bits
        }),
    ));
    out.push((
        "float create+free, cached (integral)",
        measure(|| {
            let mut bits = 0u64;
            for i in 0..N {
                let f = vm.new_float((i % 21) as f64 - 10.0).expect("float");
                bits ^= u64::from(f.to_bits());
                vm.release(f);
            }
            bits
        }),
    ));
    for k in keys {
        vm.release(k);
    }
    out
}

const PYTHON_BENCH: &str = r#"
import collections, statistics, time
N = 100_000
RUNS = 9
keys = ["k%d" % i for i in range(N)]
int_keys = list(range(N))
halves = [i + 0.5 for i in range(N)]
integral = [float((i % 21) - 10) for i in range(N)]
drain = collections.deque(maxlen=0).extend
def measure(fn):
    samples = []
    for _ in range(RUNS):
        t = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - t) / N)
    return statistics.median(samples)
print("dict insert, str keys", measure(lambda: dict(zip(keys, keys))))
print("dict insert, int keys", measure(lambda: dict(zip(int_keys, int_keys))))
d = dict(zip(keys, keys))
print("dict lookup (hit), str keys", measure(lambda: drain(map(d.__getitem__, keys))))
def delete_refill():
    drain(map(d.__delitem__, keys))
    d.update(zip(keys, keys))
print("dict delete+reinsert, str keys", measure(delete_refill))
print("float create+free, not cached", measure(lambda: drain(map(float.__add__, halves, [0.0] * N))))
print("float create+free, cached (integral)", measure(lambda: drain(map(float.__add__, integral, [0.0] * N))))
"#;

fn python_results() -> Option<Vec<(String, f64)>> {
    let python = std::env::var("MOTE_PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python).arg("-c").arg(PYTHON_BENCH).output().ok()?;
    if !output.status.success() {
        eprintln!("{python} failed: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    text.lines()
        .map(|line| {
            let (name, ns) = line.rsplit_once(' ')?;
            Some((name.to_string(), ns.parse().ok()?))
        })
        .collect()
}

fn main() {
    // `cargo test --benches` runs bench targets with --bench absent; only measure when asked.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let mote = mote_results();
    let python = python_results();
    println!("heap_ops: ns per operation, median of {RUNS} runs of {N} operations");
    println!("{:<40} {:>10} {:>14} {:>12}", "operation", "mote", "CPython 3.11", "mote/CPython");
    for (name, ns) in &mote {
        let py = python.as_ref().and_then(|p| p.iter().find(|(n, _)| n == name).map(|(_, v)| *v));
        match py {
            Some(py) => println!("{name:<40} {ns:>10.1} {py:>14.1} {:>12.2}", ns / py),
            None => println!("{name:<40} {ns:>10.1} {:>14} {:>12}", "-", "-"),
        }
    }
    if python.is_none() {
        println!("(python3 not found: set MOTE_PYTHON to compare)");
    }
}
