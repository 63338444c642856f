#!/usr/bin/env python3
"""Record the expected outputs of the mote conformance suite with CPython 3.11.

Usage (from the repository root or anywhere else):

    python3 tests/conformance/record.py                 # record every NNN_*.py script
    python3 tests/conformance/record.py 010 042_x.py    # record only some scripts
    python3 tests/conformance/record.py --check         # re-run, compare, write nothing

For every script `NNN_name.py` (never `helper_*.py`) this runs `python3 NNN_name.py`
with the working directory set to this folder, so helper modules import, and writes
next to it:

    NNN_name.out    stdout, byte for byte (always written)
    NNN_name.err    stderr, byte for byte (only when the exit code is non-zero)
    NNN_name.code   the exit code on one line (only when it is non-zero)

CPython 3.9+ makes the path of the main script absolute in tracebacks, so the recorder
rewrites this folder's absolute path in stderr to bare file names: tracebacks read
`File "NNN_name.py", line N, in <module>`, the way `mote-sim run NNN_name.py` prints them.

Every script is run twice, with different PYTHONHASHSEED values, and the two runs must
agree exactly; otherwise the script is non-deterministic and nothing is written for it.
The recorder also fails loudly when a script breaks one of the suite's rules that can be
checked mechanically (see README.md). The exit status is 0 only if every script passed.
"""

import concurrent.futures
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT_RE = re.compile(r'^(\d{3})_[A-Za-z0-9_]+\.py$')
OUTPUT_SUFFIXES = ('.out', '.err', '.code')
PYTHON = os.environ.get('MOTE_RECORD_PYTHON', 'python3')
TIMEOUT = 20.0        # seconds before a script is considered hung
SLOW = 1.0            # seconds: a script slower than this gets a warning
MAX_LINES = 70        # scripts are meant to stay near 60 lines
INT64_MAX = 2 ** 63 - 1
SEEDS = ('1', '2')    # two different str hash seeds expose set/dict-of-str order leaks


def all_scripts():
    return sorted(n for n in os.listdir(HERE) if SCRIPT_RE.match(n))


def resolve(arg, scripts):
    """Map a command-line name (path, file name, stem or NNN prefix) to script names."""
    base = os.path.basename(arg)
    if base.endswith(OUTPUT_SUFFIXES):
        base = os.path.splitext(base)[0]
    if not base.endswith('.py'):
        base += '.py'
    if base in scripts:
        return [base]
    prefix = os.path.basename(arg)
    if prefix.isdigit():
        found = [s for s in scripts if s.startswith(prefix)]
        if found:
            return found
    raise SystemExit(f'record.py: no conformance script matches {arg!r}')


def clean_env(seed):
    # Drop every PYTHON* variable (PYTHONOPTIMIZE would strip asserts, PYTHONSAFEPATH
    # would hide the helper modules, PYTHONWARNINGS would change stderr, ...).
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env.update({
        'PYTHONHASHSEED': seed,
        'PYTHONDONTWRITEBYTECODE': '1',   # no __pycache__ next to the helpers
        'PYTHONIOENCODING': 'utf-8',
        'PYTHONUTF8': '1',
        'LC_ALL': 'C.UTF-8',
    })
    return env


def run_once(name, seed):
    start = time.monotonic()
    try:
        proc = subprocess.run([PYTHON, name], cwd=HERE, env=clean_env(seed),
                              stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b'', b'', TIMEOUT
    err = proc.stderr.replace((HERE + os.sep).encode(), b'')
    return proc.returncode, proc.stdout, err, time.monotonic() - start


def first_difference(a, b):
    la, lb = a.decode('utf-8', 'replace').splitlines(), b.decode('utf-8', 'replace').splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else '<missing>'
        y = lb[i] if i < len(lb) else '<missing>'
        if x != y:
            return f'line {i + 1}: {x!r} != {y!r}'
    return 'trailing bytes differ'


def check_rules(name, code, out, err):
    """Rules of the suite that can be checked on the recorded output."""
    problems = []
    expect_failure = name.startswith('8')
    if expect_failure and code == 0:
        problems.append('8xx scripts must end with an uncaught exception (exit code is 0)')
    if not expect_failure and code != 0:
        tail = err.decode('utf-8', 'replace').strip().splitlines()[-1:] or ['']
        problems.append(f'exit code {code} (only 8xx scripts may fail): {tail[0]}')
    if not expect_failure and err:
        first = err.decode('utf-8', 'replace').strip().splitlines()[0]
        problems.append(f'wrote to stderr (a warning?): {first}')
    text = (out + err).decode('utf-8', 'replace')
    if re.search(r' at 0x[0-9a-fA-F]+', text):
        problems.append('output contains an address (default repr "<... at 0x...>")')
    for m in re.finditer(r'(?<![\w.])\d{19,}(?![\w.])', text):
        if int(m.group()) > INT64_MAX + 1:
            problems.append(f'output contains an int beyond 64 bits: {m.group()}')
            break
    if HERE in text:
        problems.append('output contains the absolute folder path (not portable)')
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        nlines = sum(1 for _ in f)
    warnings = []
    if nlines > MAX_LINES:
        warnings.append(f'{nlines} lines (aim for ~60)')
    return problems, warnings


def process(name):
    """Run one script twice; return (name, result or None, problems, warnings)."""
    runs = [run_once(name, seed) for seed in SEEDS]
    problems, warnings = [], []
    (c1, o1, e1, t1), (c2, o2, e2, t2) = runs
    if c1 is None or c2 is None:
        return name, None, [f'timed out after {TIMEOUT:.0f}s'], warnings
    if (c1, o1, e1) != (c2, o2, e2):
        what = 'exit code' if c1 != c2 else 'stdout' if o1 != o2 else 'stderr'
        detail = (f'{c1} != {c2}' if c1 != c2 else
                  first_difference(o1, o2) if o1 != o2 else first_difference(e1, e2))
        return name, None, [f'NON-DETERMINISTIC {what}: {detail}'], warnings
    problems, warnings = check_rules(name, c1, o1, e1)
    if max(t1, t2) > SLOW:
        warnings.append(f'slow: {max(t1, t2):.2f}s')
    return name, (c1, o1, e1), problems, warnings


def expected_files(name, result):
    code, out, err = result
    stem = os.path.join(HERE, name[:-3])
    files = {stem + '.out': out}
    if code != 0:
        files[stem + '.err'] = err
        files[stem + '.code'] = f'{code}\n'.encode()
    return files


def read(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check_only = '--check' in argv
    allow_version = '--any-python' in argv
    names = [a for a in argv if not a.startswith('--')]
    unknown = [a for a in argv if a.startswith('--') and a not in ('--check', '--any-python')]
    if unknown:
        raise SystemExit(f'record.py: unknown option {unknown[0]} (use --check, --any-python)')

    version = subprocess.run([PYTHON, '-c', 'import sys; print(sys.version.split()[0])'],
                             capture_output=True, text=True, check=True).stdout.strip()
    if not version.startswith('3.11.') and not allow_version:
        raise SystemExit(f'record.py: expected outputs come from CPython 3.11, but {PYTHON} '
                         f'is {version} (set MOTE_RECORD_PYTHON or pass --any-python)')

    scripts = all_scripts()
    selected = scripts if not names else sorted({s for a in names for s in resolve(a, scripts)})

    workers = min(8, os.cpu_count() or 1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(process, selected))

    failed, written, mismatched, stale_removed = [], 0, [], 0
    for name, result, problems, warnings in results:
        for w in warnings:
            print(f'warning: {name}: {w}')
        if problems:
            failed.append(name)
            for p in problems:
                print(f'FAIL: {name}: {p}')
            continue
        files = expected_files(name, result)
        stem = os.path.join(HERE, name[:-3])
        stale = [stem + s for s in OUTPUT_SUFFIXES if stem + s not in files]
        if check_only:
            bad = [p for p, data in files.items() if read(p) != data]
            bad += [p for p in stale if os.path.exists(p)]
            if bad:
                mismatched.append(name)
                print(f'MISMATCH: {name}: ' + ', '.join(os.path.basename(p) for p in bad))
            continue
        for path, data in files.items():
            if read(path) != data:
                with open(path, 'wb') as f:
                    f.write(data)
                written += 1
        for path in stale:
            if os.path.exists(path):
                os.remove(path)
                stale_removed += 1

    orphans = []
    if not names:
        known = {s[:-3] for s in scripts}
        for f in sorted(os.listdir(HERE)):
            stem, ext = os.path.splitext(f)
            if ext in OUTPUT_SUFFIXES and SCRIPT_RE.match(stem + '.py') and stem not in known:
                orphans.append(f)
                if not check_only:
                    os.remove(os.path.join(HERE, f))

    n_fail = sum(1 for _, r, _, _ in results if r is not None and r[0] != 0)
    print(f'{len(selected)} scripts run twice with {PYTHON} {version}: '
          f'{len(selected) - len(failed)} ok, {len(failed)} failed, '
          f'{n_fail} expected to end with an uncaught exception.')
    if check_only:
        print(f'check: {len(mismatched)} differ from the recorded outputs'
              + (f'; orphan outputs: {", ".join(orphans)}' if orphans else ''))
    else:
        print(f'record: {written} files written or updated, {stale_removed + len(orphans)} '
              f'stale files removed.')
    return 1 if failed or mismatched or (check_only and orphans) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
