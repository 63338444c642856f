//! The conformance suite: every script in `tests/conformance/` run by mote under both
//! memory profiles, its stdout, exit code and stderr compared with what CPython 3.11
//! printed (recorded by `tests/conformance/record.py`), and the VM torn down afterwards
//! with zero bytes left in its heap.
//!
//! After each script the cycle detector runs (and runs again at shutdown, after the
//! modules are emptied). It may find objects only in the scripts that `tests/conformance/
//! CYCLES` lists, the ones that build reference cycles on purpose; a cycle anywhere else
//! is one the engine made, and fails the script with the cycle's objects named.
//!
//! A second test runs every script again with one allocation failing at evenly spaced
//! points: whatever MemoryError does to the script, the heap must verify and shutdown
//! must return every byte.
//!
//! `tests/conformance/PASSING` names the scripts that must pass; the test fails if one of
//! them does not, and reports how many of all the scripts pass. After making more scripts
//! pass, run with `MOTE_UPDATE_PASSING=1` to rewrite the list (it only ever grows the
//! guarantee: review the diff). `MOTE_CONFORMANCE_VERBOSE=1` prints why each failing
//! script fails.

use mote::output::Captured;
use mote::stdlib::ModuleLoader;
use mote::{Profile, Region, Vm, VmConfig};
use std::fs;
use std::path::{Path, PathBuf};

const REGION_BYTES: usize = 64 << 20;

/// Loads `import helper_x` from the suite's folder.
struct SuiteModules;

impl ModuleLoader for SuiteModules {
    fn source(&mut self, name: &str) -> Option<String> {
        fs::read_to_string(suite_dir().join(format!("{name}.py"))).ok()
    }
}

/// What one run printed and how it ended.
struct Outcome {
    stdout: String,
    stderr: String,
    exit_code: i32,
    leaked_bytes: u64,
    /// Objects the cycle detector found: after the run, and at shutdown.
    cycle_objects: u64,
    /// What the run's collection found, one object per line.
    cycle_report: String,
}

/// A VM set up as the suite runs scripts: output captured, imports from the suite.
fn suite_vm(profile: Profile, name: &str) -> (Vm, Captured) {
    let region = Region::with_capacity(REGION_BYTES).expect("region");
    let mut vm = Vm::new(VmConfig::new(profile), region).expect("vm");
    let captured = Captured::default();
    vm.set_output(Box::new(captured.clone()));
    vm.set_module_loader(Box::new(SuiteModules));
    vm.set_argv(&[name]);
    // `time.time()` is seconds since the epoch, as the host's wall clock says.
    vm.set_clock(Box::new(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
    }));
    (vm, captured)
}

fn run_script(path: &Path, profile: Profile) -> Outcome {
    let source = fs::read_to_string(path).expect("script readable");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("script.py");
    let (mut vm, captured) = suite_vm(profile, name);
    let exit_code = vm.run_main(name, &source).err().map_or(0, |e| e.exit_status());
    let collection = vm.collect_cycles(true);
    let cycle_report: Vec<String> = collection
        .members
        .iter()
        .map(|m| format!("  {} ({}, {} bytes)", m.description, m.subsystem.name(), m.bytes))
        .collect();
    let teardown = vm.shutdown();
    Outcome {
        stdout: captured.stdout(),
        stderr: captured.stderr(),
        exit_code,
        leaked_bytes: teardown.leaked_bytes,
        cycle_objects: collection.unreachable + teardown.cycle_objects,
        cycle_report: cycle_report.join("\n"),
    }
}

/// Traceback text without CPython 3.11's `^^^^` marker lines, which mote does not print.
fn without_carets(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().chars().all(|c| c == '^' || c == '~') || l.trim().is_empty()).collect()
}

/// The scripts that build reference cycles on purpose (`tests/conformance/CYCLES`).
fn cycle_scripts() -> Vec<String> {
    fs::read_to_string(suite_dir().join("CYCLES"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

/// Why `path` does not conform, or `None` if it does (under both profiles).
fn check(path: &Path, builds_cycles: bool) -> Option<String> {
    let expected_out = fs::read_to_string(path.with_extension("out")).unwrap_or_default();
    let expected_code: i32 =
        fs::read_to_string(path.with_extension("code")).ok().and_then(|c| c.trim().parse().ok()).unwrap_or(0);
    let expected_err = fs::read_to_string(path.with_extension("err")).unwrap_or_default();
    for profile in [Profile::Tight, Profile::Stock] {
        let got = run_script(path, profile);
        if got.stdout != expected_out {
            return Some(format!("{profile:?}: stdout differs\n--- expected\n{expected_out}--- got\n{}", got.stdout));
        }
        if got.exit_code != expected_code {
            return Some(format!(
                "{profile:?}: exit code {} (expected {expected_code})\n{}",
                got.exit_code, got.stderr
            ));
        }
        if without_carets(&got.stderr) != without_carets(&expected_err) {
            return Some(format!("{profile:?}: stderr differs\n--- expected\n{expected_err}--- got\n{}", got.stderr));
        }
        if got.leaked_bytes != 0 {
            return Some(format!("{profile:?}: {} bytes left in the heap after teardown", got.leaked_bytes));
        }
        if got.cycle_objects != 0 && !builds_cycles {
            return Some(format!(
                "{profile:?}: the cycle detector found {} objects in a script that builds no cycles\n{}",
                got.cycle_objects, got.cycle_report
            ));
        }
        if got.cycle_objects == 0 && builds_cycles {
            return Some(format!("{profile:?}: listed in CYCLES, but the cycle detector found nothing"));
        }
    }
    None
}

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance")
}

fn scripts() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = fs::read_dir(suite_dir())
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".py") && name.as_bytes().first().is_some_and(u8::is_ascii_digit)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn conformance_scripts_match_cpython() {
    let passing_file = suite_dir().join("PASSING");
    let required: Vec<String> = fs::read_to_string(&passing_file)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let mut passed = Vec::new();
    let mut regressions = Vec::new();
    let all = scripts();
    let cycles = cycle_scripts();
    assert!(cycles.iter().all(|c| all.iter().any(|p| p.ends_with(c))), "CYCLES names a script that does not exist");
    for path in &all {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        match check(path, cycles.contains(&name)) {
            None => passed.push(name),
            Some(why) if required.contains(&name) => regressions.push(format!("{name}: {why}")),
            Some(why) => {
                if std::env::var_os("MOTE_CONFORMANCE_VERBOSE").is_some() {
                    println!("FAIL {name}: {}", why.lines().next().unwrap_or(""));
                }
            }
        }
    }
    println!("conformance: {} of {} scripts match CPython 3.11 under both profiles", passed.len(), all.len());
    if std::env::var_os("MOTE_UPDATE_PASSING").is_some() {
        let mut text = String::from("# Conformance scripts that must keep passing (tests/conformance.rs).\n");
        for name in &passed {
            text.push_str(name);
            text.push('\n');
        }
        fs::write(&passing_file, text).expect("PASSING writable");
    }
    assert!(required.iter().all(|r| all.iter().any(|p| p.ends_with(r))), "PASSING names a script that does not exist");
    assert!(regressions.is_empty(), "{} required scripts fail:\n{}", regressions.len(), regressions.join("\n\n"));
}

#[test]
fn conformance_scripts_survive_memory_errors() {
    // Every script again, with one allocation failing at evenly spaced points of its run
    // (compiling, starting the builtins, running): it may end in MemoryError, but the
    // heap verifies and shutdown returns every byte. 12 points per script in a release
    // build, 2 in a debug build.
    let points: u64 = if cfg!(debug_assertions) { 2 } else { 12 };
    let mut bad = Vec::new();
    for path in scripts() {
        let source = fs::read_to_string(&path).expect("script readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("script.py").to_string();
        let (mut vm, _) = suite_vm(Profile::Tight, &name);
        let _ = vm.run_main(&name, &source);
        let total: u64 = vm.memory().subsystems.iter().map(|(_, s)| s.total_allocations).sum();
        let _ = vm.shutdown();
        for k in 1..=points {
            let n = total * k / (points + 1);
            let (mut vm, _) = suite_vm(Profile::Tight, &name);
            vm.fail_allocation_after(n);
            let _ = vm.run_main(&name, &source);
            if let Err(e) = vm.verify() {
                bad.push(format!("{name}, allocation {n} failing: heap {e:?}"));
                continue;
            }
            let teardown = vm.shutdown();
            if teardown.leaked_bytes != 0 {
                bad.push(format!("{name}, allocation {n} failing: {} bytes left", teardown.leaked_bytes));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
