//! `mote-sim run script.py`: runs a script like `python3 script.py`.
//!
//! The VM lives in a region lent from the simulated machine's script budget; its output
//! goes to this process's stdout and stderr. Exit status: 0 on success, 1 when the script
//! dies with an uncaught exception or a syntax error, the code of an uncaught
//! `sys.exit(code)` (as CPython), 2 for a usage or host error.

use mote::output::{Output, Stream};
use mote::stdlib::ModuleLoader;
use mote::{Profile, Vm, VmConfig};
use mote_platform::{MachineSpec, MemoryMap};
use std::io::Write;

/// Writes script output to the process's own streams.
struct ProcessStreams;

impl Output for ProcessStreams {
    fn write(&mut self, stream: Stream, text: &str) {
        // A closed pipe is the reader's choice; the script goes on either way.
        let _ = match stream {
            Stream::Stdout => std::io::stdout().write_all(text.as_bytes()),
            Stream::Stderr => std::io::stderr().write_all(text.as_bytes()),
        };
    }

    fn flush(&mut self, stream: Stream) {
        let _ = match stream {
            Stream::Stdout => std::io::stdout().flush(),
            Stream::Stderr => std::io::stderr().flush(),
        };
    }
}

/// Loads `import name` from the script's own folder, as Python does for the main script.
struct FolderModules(std::path::PathBuf);

impl ModuleLoader for FolderModules {
    fn source(&mut self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.0.join(format!("{name}.py"))).ok()
    }
}

/// What `run --report-time` writes to stderr before the seconds the script took
/// (compiling and running it, without making and tearing down the VM); `bench` reads it.
pub const RAN_IN: &str = "mote-sim: ran in ";

/// Runs `path` and returns the process exit status; with `report_time`, also writes how
/// long the script took to stderr ([`RAN_IN`]).
pub fn run(path: &str, profile: Profile, heap_bytes: usize, report_time: bool) -> Result<u8, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("can't open file '{path}': {e}"))?;
    let mut machine = MemoryMap::new(&MachineSpec::ps3_like()).map_err(|e| e.to_string())?;
    let region = machine.lend_script_region(heap_bytes).map_err(|e| e.to_string())?;
    let mut vm = Vm::new(VmConfig::new(profile), region).map_err(|e| format!("{e:?}"))?;
    vm.set_output(Box::new(ProcessStreams));
    vm.set_argv(&[path]);
    let folder = std::path::Path::new(path).parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    vm.set_module_loader(Box::new(FolderModules(folder)));
    vm.set_clock(Box::new(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
    }));
    let file_name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
    let started = std::time::Instant::now();
    let ran = vm.run_main(file_name, &source);
    let took = started.elapsed().as_secs_f64();
    let status = match ran {
        Ok(()) => 0,
        Err(mote::module::ScriptError::Engine(e)) => return Err(format!("the script heap is too small to start: {e}")),
        // The low byte, as the operating system keeps of python3's `exit(code)`.
        Err(e) => e.exit_status() as u8,
    };
    let _ = std::io::stdout().flush();
    if report_time {
        eprintln!("{RAN_IN}{took:.6} s");
    }
    let teardown = vm.shutdown();
    if teardown.cycle_objects != 0 {
        // Not an error (CPython says nothing either), but what a memory budget wants to know.
        eprintln!(
            "mote-sim: the script left {} objects ({} bytes) in reference cycles; the cycle detector freed them at teardown",
            teardown.cycle_objects, teardown.cycle_bytes
        );
    }
    if teardown.leaked_bytes != 0 {
        // The host holds nothing, so this would be an engine bug.
        eprintln!(
            "mote-sim: {} bytes in {} objects were still in use after teardown",
            teardown.leaked_bytes, teardown.leaked_objects
        );
    }
    machine.give_back_script_region(teardown.region).map_err(|e| e.to_string())?;
    Ok(status)
}

/// `mote-sim dis script.py`: the bytecode the script compiles to (as `python3 -m dis`).
pub fn disassemble(path: &str, profile: Profile) -> Result<String, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("can't open file '{path}': {e}"))?;
    let mut machine = MemoryMap::new(&MachineSpec::ps3_like()).map_err(|e| e.to_string())?;
    let region = machine.lend_script_region(32 << 20).map_err(|e| e.to_string())?;
    let mut vm = Vm::new(VmConfig::new(profile), region).map_err(|e| format!("{e:?}"))?;
    let file_name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
    let listing = match vm.disassemble(file_name, &source) {
        Ok(text) => Ok(text),
        Err(mote::module::ScriptError::Syntax(e)) => Err(format!("{e}")),
        Err(e) => Err(format!("{e:?}")),
    };
    let teardown = vm.shutdown();
    machine.give_back_script_region(teardown.region).map_err(|e| e.to_string())?;
    listing
}
