//! `mote-sim bench`: the benchmark suite (`benchmarks/*.py`) run by mote and by
//! `python3`, side by side in one run.
//!
//! Each script runs as a separate process for both engines, `RUNS` times, the two taking
//! turns (a noisy stretch of a shared machine then slows both alike); the figure is
//! the median wall time minus the median time of the same engine running an empty script
//! (its startup: about 90 ms for CPython here, 5 ms for mote, which would otherwise
//! swamp the work). The outputs must match, or the comparison means nothing and the
//! command says so.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 7;

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

/// One timed run of `command`: wall time and stdout.
fn run_once(command: &mut Command) -> Result<(f64, Vec<u8>), String> {
    let start = Instant::now();
    let out = command.output().map_err(|e| e.to_string())?;
    let elapsed = start.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok((elapsed, out.stdout))
}

/// A median wall time and the stdout of the last run.
type Timed = (f64, Vec<u8>);

/// Median wall times and the stdout of the last runs of `mote` and of `cpython` (if it
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
    let mote = |script: &Path| {
        let mut c = Command::new(&me);
        c.arg("run").arg(script).arg("--profile").arg(profile);
        c
    };
    let cpython = |script: &Path| {
        let mut c = Command::new(&python);
        c.arg(script);
        c
    };
    let empty = std::env::temp_dir().join(format!("mote-bench-empty-{}.py", std::process::id()));
    std::fs::write(&empty, "").map_err(|e| format!("{}: {e}", empty.display()))?;
    let startup = time_side_by_side(|| mote(&empty), || cpython(&empty));
    let _ = std::fs::remove_file(&empty);
    let ((mote_startup, _), cpython_startup) = startup.map_err(|e| format!("mote failed on an empty script: {e}"))?;
    let cpython_startup = cpython_startup.map(|(t, _)| t);
    let mut rows = Vec::new();
    for script in &scripts {
        let name = script.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let ((mote_time, mote_out), cpython_run) =
            time_side_by_side(|| mote(script), || cpython(script)).map_err(|e| format!("{name}: mote failed: {e}"))?;
        let same_output = cpython_run.as_ref().is_none_or(|(_, out)| *out == mote_out);
        rows.push(Row {
            name,
            mote: (mote_time - mote_startup).max(0.0),
            cpython: cpython_run.zip(cpython_startup).map(|((t, _), startup)| (t - startup).max(0.0)),
            same_output,
        });
    }
    Ok(render(&rows, profile, mote_startup, cpython_startup))
}

fn render(rows: &[Row], profile: &str, mote_startup: f64, cpython_startup: Option<f64>) -> String {
    let mut out =
        format!("benchmarks (profile {profile}): median wall time of {RUNS} runs minus the engine's startup\n");
    let cpython_startup = cpython_startup.map_or_else(|| String::from("-"), |t| format!("{t:.3}"));
    out.push_str(&format!("startup (an empty script): mote {mote_startup:.3} s, CPython {cpython_startup} s\n"));
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
        let text = render(&rows, "tight", 0.005, Some(0.09));
        assert!(text.contains("mote 0.005 s, CPython 0.090 s"));
        assert!(text.contains("0.50"));
        assert!(text.contains("OUTPUT DIFFERS"));
        assert!(text.contains("geometric mean of mote/CPython: 1.00"));
    }
}
