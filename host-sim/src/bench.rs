//! `mote-sim bench`: the benchmark suite (`benchmarks/*.py`) run by mote and by
//! `python3`, side by side in one run.
//!
//! Each script runs as a separate process for both engines, `RUNS` times; the figure is
//! the median wall time minus the median time of the same engine running an empty script
//! (its startup: about 90 ms for CPython here, 5 ms for mote, which would otherwise
//! swamp the work). The outputs must match, or the comparison means nothing and the
//! command says so.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 5;

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

/// Median wall time and the stdout of the last run of `command`.
fn time(mut command: impl FnMut() -> Command) -> Result<(f64, Vec<u8>), String> {
    let mut samples = Vec::with_capacity(RUNS);
    let mut output = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = command().output().map_err(|e| e.to_string())?;
        samples.push(start.elapsed().as_secs_f64());
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        output = out.stdout;
    }
    Ok((median(samples), output))
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
    let mote_startup = time(|| mote(&empty));
    let cpython_startup = time(|| cpython(&empty)).ok().map(|(t, _)| t);
    let _ = std::fs::remove_file(&empty);
    let (mote_startup, _) = mote_startup.map_err(|e| format!("mote failed on an empty script: {e}"))?;
    let mut rows = Vec::new();
    for script in &scripts {
        let name = script.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let (mote_time, mote_out) = time(|| mote(script)).map_err(|e| format!("{name}: mote failed: {e}"))?;
        let cpython_run = time(|| cpython(script)).ok();
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
