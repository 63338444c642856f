//! `mote-sim bench`: the benchmark suite (`benchmarks/*.py`) run by mote and by
//! `python3`, side by side in one run.
//!
//! Each script runs as a separate process for both engines, `RUNS` times, the two taking
//! turns (a noisy stretch of a shared machine then slows both alike). Each engine times
//! itself inside its process: from reading the source to the script's end, compiling
//! included, without the interpreter's own start and exit (CPython's start alone is
//! about 90 ms here, most of a short benchmark, and it varies more than the work). mote
//! reports it with `run --report-time`; CPython runs the script through a few lines
//! that time `exec(compile(...))` the same way. The figure is the median. The outputs
//! must match, or the comparison means nothing and the command says so.

use crate::run::RAN_IN;
use std::path::{Path, PathBuf};
use std::process::Command;

const RUNS: usize = 7;

/// How CPython runs a benchmark: as `python3 script.py` would (`__main__`, argv, the
/// script's folder on the path), timing the compile and the run and writing the seconds
/// to stderr after [`RAN_IN`], as mote does.
const CPYTHON_TIMER: &str = "import sys, time
path = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[0] = __import__('os').path.dirname(path)
started = time.perf_counter()
with open(path) as f:
    code = compile(f.read(), path, 'exec')
exec(code, {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__})
took = time.perf_counter() - started
sys.stdout.flush()
sys.stderr.write(f'RAN_IN{took:.6f} s\\n')
";

/// One benchmark's medians in seconds (CPython's `None` when python3 is not found).
struct Row {
    name: String,
    mote: f64,
    cpython: Option<f64>,
    same_output: bool,
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// One run of `command`: the time it reported (the [`RAN_IN`] line on stderr) and its
/// stdout.
fn run_once(command: &mut Command) -> Result<(f64, Vec<u8>), String> {
    let out = command.output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(stderr.into_owned());
    }
    let took = stderr
        .lines()
        .filter_map(|line| line.strip_prefix(RAN_IN))
        .filter_map(|rest| rest.trim_end_matches(" s").parse::<f64>().ok())
        .next_back()
        .ok_or_else(|| format!("no '{RAN_IN}' line in its stderr: {stderr}"))?;
    Ok((took, out.stdout))
}

/// A median time and the stdout of the last run.
type Timed = (f64, Vec<u8>);

/// Median times and the stdout of the last runs of `mote` and of `cpython` (if it
/// runs), taken in turns, so that a noisy stretch of the machine slows both alike.
fn time_side_by_side(
    mut mote: impl FnMut() -> Command,
    mut cpython: impl FnMut() -> Command,
) -> Result<(Timed, Option<Timed>), String> {
    let (mut mote_samples, mut cpython_samples) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
    let (mut mote_out, mut cpython_out) = (Vec::new(), None);
    let mut cpython_runs = true;
    for _ in 0..RUNS {
        let (t, out) = run_once(&mut mote())?;
        mote_samples.push(t);
        mote_out = out;
        if cpython_runs {
            match run_once(&mut cpython()) {
                Ok((t, out)) => {
                    cpython_samples.push(t);
                    cpython_out = Some(out);
                }
                Err(_) => cpython_runs = false,
            }
        }
    }
    let cpython = cpython_out.filter(|_| cpython_runs).map(|out| (median(cpython_samples), out));
    Ok(((median(mote_samples), mote_out), cpython))
}

/// Runs the suite in `dir` and returns the report.
pub fn bench(dir: &Path, profile: &str) -> Result<String, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let python = std::env::var("MOTE_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    let timer = CPYTHON_TIMER.replace("RAN_IN", RAN_IN);
    let mut rows = Vec::new();
    for script in &scripts {
        let name = script.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let mote = || {
            let mut c = Command::new(&me);
            c.arg("run").arg(script).arg("--profile").arg(profile).arg("--report-time");
            c
        };
        let cpython = || {
            let mut c = Command::new(&python);
            c.arg("-c").arg(&timer).arg(script);
            c
        };
        let ((mote_time, mote_out), cpython_run) =
            time_side_by_side(mote, cpython).map_err(|e| format!("{name}: mote failed: {e}"))?;
        let same_output = cpython_run.as_ref().is_none_or(|(_, out)| *out == mote_out);
        rows.push(Row { name, mote: mote_time, cpython: cpython_run.map(|(t, _)| t), same_output });
    }
    Ok(render(&rows, profile))
}

fn render(rows: &[Row], profile: &str) -> String {
    let mut out = format!(
        "benchmarks (profile {profile}): median of {RUNS} runs of compiling and running each script, \
         timed inside each engine's process\n"
    );
    out.push_str(&format!("{:<18} {:>10} {:>14} {:>13}\n", "benchmark", "mote (s)", "CPython (s)", "mote/CPython"));
    let mut log_sum = 0.0;
    let mut compared = 0;
    for r in rows {
        match r.cpython {
            Some(py) => {
                let ratio = r.mote / py;
                log_sum += ratio.ln();
                compared += 1;
                let flag = if r.same_output { "" } else { "  OUTPUT DIFFERS" };
                out.push_str(&format!("{:<18} {:>10.3} {:>14.3} {:>13.2}{flag}\n", r.name, r.mote, py, ratio));
            }
            None => out.push_str(&format!("{:<18} {:>10.3} {:>14} {:>13}\n", r.name, r.mote, "-", "-")),
        }
    }
    if compared > 0 {
        out.push_str(&format!("geometric mean of mote/CPython: {:.2}\n", (log_sum / f64::from(compared)).exp()));
    } else {
        out.push_str("python3 not found (set MOTE_PYTHON): no comparison\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_shows_ratios_and_their_geometric_mean() {
        let rows = vec![
            Row { name: "a".into(), mote: 1.0, cpython: Some(2.0), same_output: true },
            Row { name: "b".into(), mote: 2.0, cpython: Some(1.0), same_output: false },
        ];
        let text = render(&rows, "tight");
        assert!(text.contains("0.50"));
        assert!(text.contains("OUTPUT DIFFERS"));
        assert!(text.contains("geometric mean of mote/CPython: 1.00"));
    }
}
