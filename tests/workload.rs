//! A reproducible mixed workload over every object kind, shared by the accounting and
//! fault-injection tests. Every operation may fail (the heap is small, or a failure was
//! injected); a failure is handled the way a script would see it: the operation did not
//! happen, and the program goes on.

use mote::{Error, Value, Vm};

/// Xorshift32: the same sequence on every host.
pub struct Rng(pub u32);

impl Rng {
    pub fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
    pub fn below(&mut self, n: u32) -> u32 {
        self.next() % n
    }
}

/// Runs `steps` random operations, holding at most 64 values; returns the values still
/// held (owned) and how many operations failed with `MemoryError`.
pub fn run(vm: &mut Vm, rng: &mut Rng, steps: u32) -> (Vec<Value>, u32) {
    let mut held: Vec<Value> = Vec::new();
    let mut failures = 0;
    for _ in 0..steps {
        let result = step(vm, rng, &mut held);
        match result {
            Ok(()) => {}
            Err(Error::Memory) => failures += 1,
            // Unhashable keys are part of the workload; they must not disturb the heap.
            Err(Error::Unhashable(_)) => {}
            Err(e) => panic!("unexpected error {e}"),
        }
        while held.len() > 64 {
            let v = held.swap_remove(rng.below(held.len() as u32) as usize);
            vm.release(v);
        }
    }
    (held, failures)
}

/// Any held value (tuples may hold anything: they cannot be mutated into a cycle).
fn pick(rng: &mut Rng, held: &[Value]) -> Value {
    if held.is_empty() || rng.below(4) == 0 {
        Value::small_int(i64::from(rng.below(100))).unwrap_or(Value::NONE)
    } else {
        held[rng.below(held.len() as u32) as usize]
    }
}

/// A value safe to store in a mutable container without ever forming a cycle (cycles
/// are the cycle detector's business, not this workload's): an int, float or str.
fn pick_atom(vm: &Vm, rng: &mut Rng, held: &[Value]) -> Value {
    let v = pick(rng, held);
    match vm.type_name(v) {
        "int" | "float" | "str" | "NoneType" => v,
        _ => Value::NONE,
    }
}

fn step(vm: &mut Vm, rng: &mut Rng, held: &mut Vec<Value>) -> Result<(), Error> {
    match rng.below(12) {
        0 => held.push(vm.new_int(i64::from(rng.next()) << 20)?),
        1 => held.push(vm.new_float(f64::from(rng.below(30)) - 15.0 + f64::from(rng.below(2)) * 0.5)?),
        2 => {
            let longest = if rng.below(8) == 0 { 600 } else { 12 };
            let len = rng.below(longest) as usize;
            let text: String = (0..len).map(|i| char::from(b'a' + ((i as u32 + rng.below(3)) % 26) as u8)).collect();
            held.push(vm.new_str(&text)?)
        }
        3 => {
            let items: Vec<Value> = (0..rng.below(6)).map(|_| pick(rng, held)).collect();
            held.push(vm.new_tuple(&items)?)
        }
        4 => {
            let items: Vec<Value> = (0..rng.below(6)).map(|_| pick(rng, held)).collect();
            held.push(vm.new_list(&items)?)
        }
        5 => held.push(vm.new_dict()?),
        6 => held.push(vm.new_set(&[])?),
        7 | 8 => {
            // Insert into some dict, with a name-like string key half the time.
            let Some(&d) = held.iter().find(|v| vm.type_name(**v) == "dict") else { return Ok(()) };
            let key = if rng.below(2) == 0 {
                let k = vm.new_str(&format!("field{}", rng.below(40)))?;
                let r = vm.dict_set(d, k, pick_atom(vm, rng, held));
                vm.release(k);
                return r;
            } else {
                pick(rng, held)
            };
            vm.dict_set(d, key, pick_atom(vm, rng, held))?
        }
        9 => {
            let Some(&d) = held.iter().rev().find(|v| vm.type_name(**v) == "dict") else { return Ok(()) };
            let key = Value::small_int(i64::from(rng.below(100))).unwrap_or(Value::NONE);
            vm.dict_delete(d, key)?;
        }
        10 => {
            let Some(&l) = held.iter().find(|v| vm.type_name(**v) == "list") else { return Ok(()) };
            if rng.below(3) == 0 && vm.list_len(l) > 0 {
                let v = vm.list_pop(l)?;
                vm.release(v);
            } else {
                vm.list_append(l, pick_atom(vm, rng, held))?;
            }
        }
        _ => {
            let Some(&s) = held.iter().find(|v| vm.type_name(**v) == "set") else { return Ok(()) };
            let key = pick_atom(vm, rng, held);
            if rng.below(3) == 0 {
                vm.set_discard(s, key)?;
            } else {
                vm.set_add(s, key)?;
            }
        }
    }
    Ok(())
}
