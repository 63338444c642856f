//! The `heapq` module: a binary min-heap kept in a plain list, as CPython's.
//!
//! Owns the natives `heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop`,
//! `nsmallest` and `nlargest`.
//! Promises: the same comparisons in the same order as CPython's `heapq.py` (only `<`,
//! through instances' `__lt__`), so a heap of the same items ends in the same order.
//! Must never: trust the list across a comparison. A script `__lt__` may change the
//! list; each comparison holds its own references and re-checks the length, and a
//! changed list is CPython's `RuntimeError`.

use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// The module's functions, by name.
pub(crate) const FUNCTIONS: &[(&str, crate::function::NativeFn)] = &[
    ("heappush", heappush),
    ("heappop", heappop),
    ("heapify", heapify),
    ("heapreplace", heapreplace),
    ("heappushpop", heappushpop),
];

/// The module's functions that take keyword arguments (`key=`).
pub(crate) const FUNCTIONS_WITH_KEYWORDS: &[(&str, crate::function::NativeKeywordFn)] =
    &[("nsmallest", nsmallest), ("nlargest", nlargest)];

/// `nsmallest(n, iterable, key=None)`: `sorted(iterable, key=key)[:n]`, which is what
/// CPython's returns.
fn nsmallest(vm: &mut Vm, args: &[Value], keywords: &crate::function::Keywords<'_>) -> Result<Value> {
    first_sorted(vm, args, keywords, false)
}

/// `nlargest(n, iterable, key=None)`: `sorted(iterable, key=key, reverse=True)[:n]`.
fn nlargest(vm: &mut Vm, args: &[Value], keywords: &crate::function::Keywords<'_>) -> Result<Value> {
    first_sorted(vm, args, keywords, true)
}

fn first_sorted(vm: &mut Vm, args: &[Value], keywords: &crate::function::Keywords<'_>, reverse: bool) -> Result<Value> {
    keywords.only(vm, &["key"])?;
    let [n, iterable] = *args else { return Err(Error::Type("expected 2 arguments: n, iterable")) };
    let n = vm.as_int(n).ok_or(Error::Type("n must be an integer"))?;
    let mut items = vm.collect(iterable)?;
    let key = keywords.get(vm, "key");
    let names: alloc::vec::Vec<Value>;
    let values: alloc::vec::Vec<Value>;
    let reverse_name = match vm.intern_str("reverse") {
        Ok(name) => name,
        Err(e) => {
            vm.release_all(&items);
            return Err(e);
        }
    };
    let key_name = keywords.names.iter().copied().find(|&k| vm.as_str(k) == Some("key"));
    match (key, key_name) {
        (Some(key), Some(key_name)) => {
            names = alloc::vec![key_name, reverse_name];
            values = alloc::vec![key, Value::from_bool(reverse)];
        }
        _ => {
            names = alloc::vec![reverse_name];
            values = alloc::vec![Value::from_bool(reverse)];
        }
    }
    let sorted = vm.sort_with_keywords(&mut items, &crate::function::Keywords { names: &names, values: &values });
    vm.release(reverse_name);
    let kept = usize::try_from(n).unwrap_or(0).min(items.len());
    let made = sorted.and_then(|()| vm.new_list(&items[..kept]));
    vm.release_all(&items);
    made
}

/// `v` if it is a list; `template` is the TypeError's message, `{}` the type's name.
fn heap_list(vm: &Vm, v: Value, template: &'static str) -> Result<Value> {
    if vm.kind_of(v) == Some(Kind::List) {
        Ok(v)
    } else {
        Err(Error::TypeOf { template, value: v })
    }
}

/// `heap[i] < heap[j]`, with the list checked for changes made by the comparison.
fn less(vm: &mut Vm, heap: Value, i: u32, j: u32) -> Result<bool> {
    let len = vm.list_len(heap);
    let (a, b) = (vm.list_item(heap, i), vm.list_item(heap, j));
    vm.incref(a);
    vm.incref(b);
    let result = vm.less_than(a, b);
    vm.release(a);
    vm.release(b);
    if vm.list_len(heap) != len {
        return Err(Error::Runtime("list changed size during iteration"));
    }
    result
}

fn swap(vm: &mut Vm, heap: Value, i: u32, j: u32) -> Result<()> {
    let a = vm.list_get(heap, i64::from(i))?;
    let b = vm.list_get(heap, i64::from(j));
    let done = b.and_then(|b| {
        let set = vm.list_set(heap, i64::from(i), b).and_then(|()| vm.list_set(heap, i64::from(j), a));
        vm.release(b);
        set
    });
    vm.release(a);
    done
}

/// Moves the item at `pos` up towards `start` while it is less than its parent
/// (CPython's `_siftdown`).
fn sift_down(vm: &mut Vm, heap: Value, start: u32, mut pos: u32) -> Result<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !less(vm, heap, pos, parent)? {
            break;
        }
        swap(vm, heap, pos, parent)?;
        pos = parent;
    }
    Ok(())
}

/// Moves the item at `pos` down to a leaf along the smaller children, then back up into
/// place (CPython's `_siftup`, which makes fewer comparisons than a plain sift).
fn sift_up(vm: &mut Vm, heap: Value, mut pos: u32) -> Result<()> {
    let end = vm.list_len(heap);
    let start = pos;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(vm, heap, child, right)? {
            child = right;
        }
        swap(vm, heap, pos, child)?;
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(vm, heap, start, pos)
}

fn two(args: &[Value], name: &'static str) -> Result<(Value, Value)> {
    match *args {
        [heap, item] => Ok((heap, item)),
        _ => Err(Error::Type(name)),
    }
}

fn heappush(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const NOT_A_LIST: &str = "heappush() argument 1 must be list, not {}";
    let (heap, item) = two(args, "heappush expected 2 arguments")?;
    let heap = heap_list(vm, heap, NOT_A_LIST)?;
    vm.list_append(heap, item)?;
    sift_down(vm, heap, 0, vm.list_len(heap) - 1)?;
    Ok(Value::NONE)
}

fn heappop(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const NOT_A_LIST: &str = "heappop() argument 1 must be list, not {}";
    let [heap] = *args else { return Err(Error::Type("heappop expected 1 argument")) };
    let heap = heap_list(vm, heap, NOT_A_LIST)?;
    if vm.list_len(heap) == 0 {
        return Err(Error::Index("index out of range"));
    }
    let last = vm.list_pop(heap)?;
    if vm.list_len(heap) == 0 {
        return Ok(last);
    }
    replace_top(vm, heap, last)
}

/// Puts `item` (owned) at the top and sifts it into place; returns the old top (owned).
fn replace_top(vm: &mut Vm, heap: Value, item: Value) -> Result<Value> {
    let top = vm.list_get(heap, 0);
    let set = top.and_then(|top| match vm.list_set(heap, 0, item) {
        Ok(()) => Ok(top),
        Err(e) => {
            vm.release(top);
            Err(e)
        }
    });
    vm.release(item);
    let top = set?;
    match sift_up(vm, heap, 0) {
        Ok(()) => Ok(top),
        Err(e) => {
            vm.release(top);
            Err(e)
        }
    }
}

fn heapify(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const NOT_A_LIST: &str = "heapify() argument 1 must be list, not {}";
    let [heap] = *args else { return Err(Error::Type("heapify expected 1 argument")) };
    let heap = heap_list(vm, heap, NOT_A_LIST)?;
    for i in (0..vm.list_len(heap) / 2).rev() {
        sift_up(vm, heap, i)?;
    }
    Ok(Value::NONE)
}

fn heapreplace(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const NOT_A_LIST: &str = "heapreplace() argument 1 must be list, not {}";
    let (heap, item) = two(args, "heapreplace expected 2 arguments")?;
    let heap = heap_list(vm, heap, NOT_A_LIST)?;
    if vm.list_len(heap) == 0 {
        return Err(Error::Index("index out of range"));
    }
    vm.incref(item);
    replace_top(vm, heap, item)
}

fn heappushpop(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const NOT_A_LIST: &str = "heappushpop() argument 1 must be list, not {}";
    let (heap, item) = two(args, "heappushpop expected 2 arguments")?;
    let heap = heap_list(vm, heap, NOT_A_LIST)?;
    vm.incref(item);
    if vm.list_len(heap) == 0 {
        return Ok(item);
    }
    let top = vm.list_item(heap, 0);
    vm.incref(top);
    let top_first = vm.less_than(top, item);
    vm.release(top);
    match top_first {
        Ok(true) => replace_top(vm, heap, item),
        Ok(false) => Ok(item),
        Err(e) => {
            vm.release(item);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::output::Captured;
    use crate::test_support::vm;

    /// Runs `source` and returns what it printed (stdout, then stderr).
    fn run(source: &str) -> alloc::string::String {
        let mut vm = vm();
        let captured = Captured::default();
        vm.set_output(alloc::boxed::Box::new(captured.clone()));
        let _ = vm.run_main("t.py", source);
        alloc::format!("{}{}", captured.stdout(), captured.stderr())
    }

    #[test]
    fn heaps_order_as_cpython() {
        // Expected output printed by CPython 3.11 for the same script.
        let out = run(concat!(
            "import heapq\n",
            "h = []\n",
            "for x in [5, 1, 8, 3, 9, 2, 7]:\n",
            "    heapq.heappush(h, x)\n",
            "print(h)\n",
            "print([heapq.heappop(h) for _ in range(3)], h)\n",
            "d = [9, 4, 7, 1, 8, 2]\n",
            "heapq.heapify(d)\n",
            "print(d, heapq.heapreplace(d, 6), d, heapq.heappushpop(d, 0), heapq.heappushpop(d, 5), d)\n",
            "q = []\n",
            "heapq.heappush(q, (2.5, 'door'))\n",
            "heapq.heappush(q, (1.0, 'music'))\n",
            "print(heapq.heappop(q), heapq.heappop(q))\n",
            "try:\n",
            "    heapq.heappop([])\n",
            "except IndexError as e:\n",
            "    print('IndexError:', e)\n",
            "try:\n",
            "    heapq.heappush((), 1)\n",
            "except TypeError as e:\n",
            "    print('TypeError:', e)\n",
        ));
        assert_eq!(
            out,
            concat!(
                "[1, 3, 2, 5, 9, 8, 7]\n",
                "[1, 2, 3] [5, 8, 7, 9]\n",
                "[4, 5, 6, 9, 8, 7] 1 [4, 5, 6, 9, 8, 7] 0 2 [4, 5, 6, 9, 8, 7]\n",
                "(1.0, 'music') (2.5, 'door')\n",
                "IndexError: index out of range\n",
                "TypeError: heappush() argument 1 must be list, not tuple\n",
            )
        );
    }
}
