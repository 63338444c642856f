//! `mote-sim`: runs mote on the simulated PS3-like platform and reports its memory.
//!
//! Commands:
//!   mote-sim run script.py [--profile tight|stock] [--heap BYTES] [--report-time]
//!   mote-sim bench [--profile tight|stock] [DIR]
//!   mote-sim dis script.py
//!   mote-sim sizes [--profile tight|stock] [--json] [--compare]

mod bench;
mod run;
mod sizes;
mod snapshot;

use std::process::ExitCode;

const USAGE: &str = "usage: mote-sim run script.py [--profile tight|stock] [--heap BYTES] [--report-time]
       mote-sim bench [--profile tight|stock] [DIR]
       mote-sim dis script.py
       mote-sim sizes [--profile tight|stock] [--json] [--compare]

  run        runs a script like python3 script.py (exit 1 on an uncaught exception)
  --heap     the script heap's size in bytes (default 32 MiB, from the script budget)
  --report-time  also write how long compiling and running the script took to stderr
  bench      the benchmark scripts in DIR (default: benchmarks) by mote and python3
  dis        the bytecode a script compiles to, function by function
  sizes      bytes of common objects and of dicts with 0..19 int keys, measured in a VM
  --profile  the VM's memory profile (default: tight)
  --json     one JSON object instead of the table
  --compare  tight and stock side by side (text only)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("run") {
        return match run_command(&args[1..]) {
            Ok(status) => ExitCode::from(status),
            Err(message) => {
                eprintln!("mote-sim: {message}");
                ExitCode::from(2)
            }
        };
    }
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("mote-sim: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or("no command given")?;
    match command.as_str() {
        "sizes" => sizes_command(rest),
        "bench" => bench_command(rest),
        "dis" => match rest {
            [script] => run::disassemble(script, mote::Profile::Tight),
            _ => Err("dis needs one script".into()),
        },
        "-h" | "--help" | "help" => Ok(format!("{USAGE}\n")),
        other => Err(format!("unknown command '{other}'")),
    }
}

fn run_command(args: &[String]) -> Result<u8, String> {
    let mut profile = mote::Profile::Tight;
    let mut heap = 32 << 20;
    let mut script = None;
    let mut report_time = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--profile" => {
                let name = it.next().ok_or("--profile needs a value: tight or stock")?;
                profile = mote::Profile::from_name(name)
                    .ok_or_else(|| format!("unknown profile '{name}' (expected tight or stock)"))?;
            }
            "--heap" => {
                let bytes = it.next().ok_or("--heap needs a size in bytes")?;
                heap = bytes.parse().map_err(|_| format!("--heap: '{bytes}' is not a number of bytes"))?;
            }
            "--report-time" => report_time = true,
            other if script.is_none() && !other.starts_with("--") => script = Some(other.to_string()),
            other => return Err(format!("unexpected argument '{other}'\n\n{USAGE}")),
        }
    }
    let script = script.ok_or_else(|| format!("run needs a script\n\n{USAGE}"))?;
    run::run(&script, profile, heap, report_time)
}

fn bench_command(args: &[String]) -> Result<String, String> {
    let mut profile = "tight".to_string();
    let mut dir = std::path::PathBuf::from("benchmarks");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--profile" => {
                let name = it.next().ok_or("--profile needs a value: tight or stock")?;
                mote::Profile::from_name(name).ok_or_else(|| format!("unknown profile '{name}'"))?;
                profile = name.clone();
            }
            other => dir = other.into(),
        }
    }
    bench::bench(&dir, &profile)
}

fn sizes_command(args: &[String]) -> Result<String, String> {
    let mut profile = mote::Profile::Tight;
    let (mut json, mut compare) = (false, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--compare" => compare = true,
            "--profile" => {
                let name = it.next().ok_or("--profile needs a value: tight or stock")?;
                profile = mote::Profile::from_name(name)
                    .ok_or_else(|| format!("unknown profile '{name}' (expected tight or stock)"))?;
            }
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if compare {
        if json {
            return Err("--compare prints a table; use --json with --profile instead".into());
        }
        let tight = sizes::measure(mote::Profile::Tight)?;
        let stock = sizes::measure(mote::Profile::Stock)?;
        let held_tight = sizes::snapshot_of_all(mote::Profile::Tight)?;
        let held_stock = sizes::snapshot_of_all(mote::Profile::Stock)?;
        return Ok(format!(
            "{}\nall of the objects above held at once, per subsystem:\n{}",
            sizes::render_comparison(&tight, &stock),
            sizes::render_profile_diff(&held_stock, &held_tight)
        ));
    }
    let s = sizes::measure(profile)?;
    if json {
        serde_json::to_string(&s).map(|j| j + "\n").map_err(|e| e.to_string())
    } else {
        Ok(sizes::render_text(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        assert!(run(&[]).unwrap_err().contains("no command"));
        assert!(run(&args(&["sizes", "--profile"])).unwrap_err().contains("needs a value"));
        assert!(run(&args(&["sizes", "--profile", "huge"])).unwrap_err().contains("unknown profile 'huge'"));
        assert!(run(&args(&["frobnicate"])).unwrap_err().contains("unknown command"));
        assert!(run(&args(&["sizes", "--compare", "--json"])).is_err());
    }

    #[test]
    fn json_is_one_object_for_the_profile() {
        let out = run(&args(&["sizes", "--profile", "stock", "--json"])).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["profile"], "stock");
    }
}
