//! `mote-sim sizes`: what common objects cost in a VM's heap, measured, not computed.
//!
//! Every number is `getsizeof` of a real object made in a fresh VM of the chosen
//! profile, the same figure the per-subsystem accounting charges. The VMs run in regions
//! lent from the simulated machine's script budget, and give them back.

use mote::{Profile, Value, Vm, VmConfig};
use mote_platform::{MachineSpec, MemoryMap};
use serde::Serialize;

/// The seed's tight-profile dict bytes on 32-bit CPython 2.7, n = 0..19 (DESIGN.md).
pub const SEED_TIGHT_32: [u64; 20] =
    [64, 88, 112, 160, 160, 160, 256, 256, 256, 256, 256, 256, 448, 448, 448, 448, 448, 448, 448, 448];
/// The seed's stock dict bytes on 32-bit CPython 2.7 (DESIGN.md).
pub const SEED_STOCK_32: [u64; 20] =
    [148, 148, 148, 148, 148, 148, 532, 532, 532, 532, 532, 532, 532, 532, 532, 532, 532, 532, 532, 532];
/// `sys.getsizeof` of a dict with n int keys in CPython 3.11 on this 64-bit host (DESIGN.md).
pub const CPYTHON_311: [u64; 20] =
    [64, 224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632, 632, 632, 632, 632, 632, 632, 632, 632];

/// The sizes of one profile.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Sizes {
    pub profile: String,
    /// Bytes of a dict of n small-int keys mapped to small-int values, n = 0..19.
    pub dict: Vec<u64>,
    pub float: u64,
    /// A float the cache shares (`1.0`); with the cache off, an ordinary float.
    pub float_cached: u64,
    /// An int beyond the immediate range (a boxed i64).
    pub int_boxed: u64,
    pub str_2: u64,
    pub tuple_empty: u64,
    pub list_empty: u64,
    pub list_3: u64,
}

/// Errors are engine errors turned to text: measuring must not fail in a 1 MiB heap, but
/// if it does the command says why instead of panicking.
pub fn measure(profile: Profile) -> Result<Sizes, String> {
    let mut machine = machine()?;
    let mut vm = new_vm(&mut machine, profile)?;
    let sizes = measure_in(&mut vm, profile).map_err(|e| e.to_string())?;
    finish(&mut machine, vm)?;
    Ok(sizes)
}

/// The simulated PS3-like machine the measuring VMs live on.
fn machine() -> Result<MemoryMap, String> {
    MemoryMap::new(&MachineSpec::ps3_like()).map_err(|e| e.to_string())
}

/// A VM in a 1 MiB region lent from the machine's script budget.
fn new_vm(machine: &mut MemoryMap, profile: Profile) -> Result<Vm, String> {
    let region = machine.lend_script_region(1 << 20).map_err(|e| e.to_string())?;
    Vm::new(VmConfig::new(profile), region).map_err(|e| format!("{e:?}"))
}

/// Shuts `vm` down and gives its region back, failing if anything was left in its heap.
fn finish(machine: &mut MemoryMap, vm: Vm) -> Result<(), String> {
    let teardown = vm.shutdown();
    if teardown.leaked_bytes != 0 {
        return Err(format!("measuring leaked {} bytes", teardown.leaked_bytes));
    }
    machine.give_back_script_region(teardown.region).map_err(|e| e.to_string())
}

/// The same objects in one VM of `profile`: one dict of each size 0..19 and one of each
/// other measured object, held at once. Returns the heap's report snapshot with them.
pub fn snapshot_of_all(profile: Profile) -> Result<mote_reports::Snapshot, String> {
    let mut machine = machine()?;
    let mut vm = new_vm(&mut machine, profile)?;
    let held = make_all(&mut vm).map_err(|e| e.to_string())?;
    let snapshot = crate::snapshot::of_vm(&vm, "one dict of each size 0..19 and one of each object");
    for v in held {
        vm.release(v);
    }
    finish(&mut machine, vm)?;
    Ok(snapshot)
}

fn make_all(vm: &mut Vm) -> mote::Result<Vec<Value>> {
    let small = |n: i64| Value::small_int(n).unwrap_or(Value::NONE);
    let mut held = Vec::new();
    for n in 0..20 {
        let d = vm.new_dict()?;
        held.push(d);
        for k in 0..n {
            vm.dict_set(d, small(k), small(k))?;
        }
    }
    held.push(vm.new_float(0.5)?);
    held.push(vm.new_float(1.0)?);
    held.push(vm.new_int(1 << 40)?);
    held.push(vm.new_str("ab")?);
    held.push(vm.new_tuple(&[])?);
    held.push(vm.new_list(&[])?);
    held.push(vm.new_list(&[small(1), small(2), small(3)])?);
    Ok(held)
}

fn measure_in(vm: &mut Vm, profile: Profile) -> mote::Result<Sizes> {
    let small = |n: i64| Value::small_int(n).unwrap_or(Value::NONE);
    let mut dict = Vec::with_capacity(20);
    for n in 0..20 {
        let d = vm.new_dict()?;
        for k in 0..n {
            vm.dict_set(d, small(k), small(k))?;
        }
        dict.push(vm.getsizeof(d));
        vm.release(d);
    }
    let size_of = |vm: &mut Vm, v: mote::Result<Value>| -> mote::Result<u64> {
        let v = v?;
        let bytes = vm.getsizeof(v);
        vm.release(v);
        Ok(bytes)
    };
    let float = vm.new_float(0.5);
    let float = size_of(vm, float)?;
    let cached = vm.new_float(1.0);
    let float_cached = size_of(vm, cached)?;
    let boxed = vm.new_int(1 << 40);
    let int_boxed = size_of(vm, boxed)?;
    let s = vm.new_str("ab");
    let str_2 = size_of(vm, s)?;
    let t = vm.new_tuple(&[]);
    let tuple_empty = size_of(vm, t)?;
    let l = vm.new_list(&[]);
    let list_empty = size_of(vm, l)?;
    let l3 = vm.new_list(&[small(1), small(2), small(3)]);
    let list_3 = size_of(vm, l3)?;
    Ok(Sizes {
        profile: profile.name().to_string(),
        dict,
        float,
        float_cached,
        int_boxed,
        str_2,
        tuple_empty,
        list_empty,
        list_3,
    })
}

/// The table for one profile, with the reference rows beside it.
pub fn render_text(s: &Sizes) -> String {
    let mut out = format!("mote object sizes, profile {} (bytes in the script heap, rounding included)\n\n", s.profile);
    out.push_str("dict with n int keys\n   n    mote   seed 2.7 tight (32-bit)   seed 2.7 stock (32-bit)   CPython 3.11 (64-bit)\n");
    for (n, bytes) in s.dict.iter().enumerate() {
        out.push_str(&format!(
            "{n:>4} {bytes:>7} {:>25} {:>25} {:>23}\n",
            SEED_TIGHT_32[n], SEED_STOCK_32[n], CPYTHON_311[n]
        ));
    }
    out.push('\n');
    for (what, bytes, cpython) in [
        ("float", s.float, 24),
        ("float, cached (1.0)", s.float_cached, 24),
        ("int beyond 31 bits", s.int_boxed, 32),
        ("str of 2 chars", s.str_2, 51),
        ("empty tuple", s.tuple_empty, 40),
        ("empty list", s.list_empty, 56),
        ("list of 3", s.list_3, 88),
    ] {
        out.push_str(&format!("{what:<22} {bytes:>5}   (CPython 3.11: {cpython})\n"));
    }
    out
}

/// Tight and stock side by side: the seed's experiment.
pub fn render_comparison(tight: &Sizes, stock: &Sizes) -> String {
    let mut out = String::from("dict with n int keys, bytes: mote tight vs mote stock (CPython 2.7 parameters)\n");
    out.push_str("   n   tight   stock   saved by tight   seed tight 32-bit   CPython 3.11\n");
    for n in 0..20 {
        let (t, k) = (tight.dict[n], stock.dict[n]);
        out.push_str(&format!(
            "{n:>4} {t:>7} {k:>7} {:>16} {:>19} {:>14}\n",
            k as i64 - t as i64,
            SEED_TIGHT_32[n],
            CPYTHON_311[n]
        ));
    }
    let total_t: u64 = tight.dict.iter().sum();
    let total_k: u64 = stock.dict.iter().sum();
    out.push_str(&format!(
        "\none dict of each size n = 0..19: tight {total_t} bytes, stock {total_k} bytes ({:.0}% of stock)\n",
        100.0 * total_t as f64 / total_k as f64
    ));
    out
}

/// The per-subsystem diff of the same objects held in a stock and a tight VM.
pub fn render_profile_diff(stock: &mote_reports::Snapshot, tight: &mote_reports::Snapshot) -> String {
    let mut stock = stock.clone();
    let mut tight = tight.clone();
    stock.label.clear();
    tight.label.clear();
    mote_reports::render_diff_table(&mote_reports::Diff::between(&stock, &tight))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tight_sizes_meet_the_design_targets() {
        let s = measure(Profile::Tight).unwrap();
        for n in 0..20 {
            assert!(s.dict[n] <= SEED_TIGHT_32[n], "n={n}");
            if n > 0 {
                assert!(2 * s.dict[n] <= CPYTHON_311[n], "n={n}");
            }
        }
        assert_eq!(s.float_cached, s.float);
        assert!(s.str_2 < 51 && s.list_3 < 88);
    }

    #[test]
    fn json_has_the_documented_shape() {
        let s = measure(Profile::Stock).unwrap();
        let json: serde_json::Value = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(json["profile"], "stock");
        assert_eq!(json["dict"].as_array().unwrap().len(), 20);
        for key in ["float", "float_cached", "int_boxed", "str_2", "tuple_empty", "list_empty", "list_3"] {
            assert!(json[key].as_u64().unwrap() > 0, "{key}");
        }
    }

    #[test]
    fn text_shows_every_row() {
        let t = measure(Profile::Tight).unwrap();
        let k = measure(Profile::Stock).unwrap();
        assert_eq!(render_text(&t).lines().filter(|l| l.trim_start().starts_with(char::is_numeric)).count(), 20);
        assert!(render_comparison(&t, &k).contains("% of stock"));
    }

    #[test]
    fn profile_diff_matches_the_size_rows() {
        let tight = snapshot_of_all(Profile::Tight).unwrap();
        let stock = snapshot_of_all(Profile::Stock).unwrap();
        assert!(tight.accounting_agrees() && stock.accounting_agrees());
        let dict_rows: u64 = measure(Profile::Tight).unwrap().dict.iter().sum();
        assert_eq!(tight.live_bytes_of("dict"), dict_rows);
        let diff = mote_reports::Diff::between(&stock, &tight);
        assert!(diff.total_delta_bytes() < 0, "tight holds the same objects in fewer bytes");
        assert!(render_profile_diff(&stock, &tight).contains("dict"));
    }
}
