//! Equality as Python's `==` between built-in values, with the identity shortcut that
//! containers and dict lookups use (`x is y` implies equal, even for NaN).
//!
//! Numbers compare by exact value across int, bool and float (`1 == 1.0 == True`, and a
//! huge int never equals a float that merely rounds to it). Sequences, dicts and sets
//! compare element-wise. Nesting deeper than [`MAX_NESTING`] is a `RecursionError`.

use crate::error::{Error, Result};
use crate::hash::MAX_NESTING;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// A value seen as a number, if it is one.
#[derive(Debug, Clone, Copy)]
enum Number {
    Int(i64),
    Float(f64),
}

/// Exact int/float equality: no rounding of the int.
fn int_equals_float(n: i64, x: f64) -> bool {
    // Every i64 lies in [-2^63, 2^63); a float outside that range or with a fraction
    // cannot equal one. Inside it, the float converts to i64 exactly.
    libm::trunc(x) == x && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) && x as i64 == n
}

impl Vm {
    fn as_number(&self, v: Value) -> Option<Number> {
        if let Some(n) = self.as_int(v) {
            return Some(Number::Int(n));
        }
        self.as_float(v).map(Number::Float)
    }

    /// Python's `a == b` for built-in values.
    pub fn equals(&self, a: Value, b: Value) -> Result<bool> {
        self.equals_nested(a, b, 0)
    }

    pub(crate) fn equals_nested(&self, a: Value, b: Value, depth: u32) -> Result<bool> {
        if a == b {
            return Ok(true);
        }
        // A `str`, `int`, ... subclass's instance equals what its base value equals.
        let (a, b) = (self.through_base(a), self.through_base(b));
        if let (Some(x), Some(y)) = (self.as_number(a), self.as_number(b)) {
            return Ok(match (x, y) {
                (Number::Int(x), Number::Int(y)) => x == y,
                (Number::Float(x), Number::Float(y)) => x == y,
                (Number::Int(n), Number::Float(x)) | (Number::Float(x), Number::Int(n)) => int_equals_float(n, x),
            });
        }
        let (Some(at_a), Some(at_b)) = (a.as_object(), b.as_object()) else {
            return Ok(false);
        };
        let kind = self.heap.kind(at_a);
        if kind != self.heap.kind(at_b) {
            return Ok(false);
        }
        if depth >= MAX_NESTING && matches!(kind, Kind::Tuple | Kind::List | Kind::Dict | Kind::Set) {
            return Err(Error::Recursion("maximum recursion depth exceeded in comparison"));
        }
        match kind {
            Kind::Str => Ok(self.str_equals(at_a, at_b)),
            Kind::Tuple | Kind::List => {
                let (len_a, len_b) = (self.sequence_len(a), self.sequence_len(b));
                if len_a != len_b {
                    return Ok(false);
                }
                for i in 0..len_a {
                    if !self.equals_nested(self.sequence_item(a, i), self.sequence_item(b, i), depth + 1)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Kind::Dict => self.dict_equals(a, b, depth),
            Kind::Set => self.set_equals(a, b),
            Kind::Slice => {
                for offset in [8, 12, 16] {
                    let (x, y) = (self.heap.read_value(at_a + offset), self.heap.read_value(at_b + offset));
                    if !self.equals_nested(x, y, depth + 1)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Kind::Range => {
                // Equal as the sequences they produce, as CPython compares ranges.
                let (x, y) = (at_a, at_b);
                let (len_x, len_y) = (self.range_len(x), self.range_len(y));
                let ((start_x, _, step_x), (start_y, _, step_y)) = (self.range_parts(x), self.range_parts(y));
                Ok(len_x == len_y && (len_x == 0 || (start_x == start_y && (len_x == 1 || step_x == step_y))))
            }
            // Numbers were compared above; everything else is equal only to itself.
            _ => Ok(false),
        }
    }

    /// Length of a tuple or list.
    pub(crate) fn sequence_len(&self, v: Value) -> u32 {
        match self.kind_of(v) {
            Some(Kind::Tuple) => self.tuple_len(v),
            _ => self.list_len(v),
        }
    }

    /// Item `i` (in range) of a tuple or list, borrowed.
    pub(crate) fn sequence_item(&self, v: Value, i: u32) -> Value {
        match self.kind_of(v) {
            Some(Kind::Tuple) => self.tuple_item(v, i),
            _ => self.list_item(v, i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    #[test]
    fn numbers_compare_exactly_across_types() {
        let mut vm = vm();
        let one_f = vm.new_float(1.0).unwrap();
        assert!(vm.equals(int(1), one_f).unwrap());
        assert!(vm.equals(Value::TRUE, one_f).unwrap());
        assert!(vm.equals(Value::TRUE, int(1)).unwrap());
        let big = vm.new_int(1 << 53).unwrap();
        let big_plus = vm.new_int((1 << 53) + 1).unwrap();
        let big_f = vm.new_float(9_007_199_254_740_992.0).unwrap();
        assert!(vm.equals(big, big_f).unwrap());
        assert!(!vm.equals(big_plus, big_f).unwrap(), "no rounding of the int");
        let huge_f = vm.new_float(1e19).unwrap();
        assert!(!vm.equals(big, huge_f).unwrap());
        let nan = vm.new_float(f64::NAN).unwrap();
        assert!(vm.equals(nan, nan).unwrap(), "identity shortcut");
        let nan2 = vm.new_float(f64::NAN).unwrap();
        assert!(!vm.equals(nan, nan2).unwrap());
        assert!(!vm.equals(Value::NONE, int(0)).unwrap());
        for v in [one_f, big, big_plus, big_f, huge_f, nan, nan2] {
            vm.release(v);
        }
    }

    #[test]
    fn containers_compare_elementwise_and_by_type() {
        let mut vm = vm();
        let a = vm.new_str("a").unwrap();
        let a2 = vm.new_str("a").unwrap();
        let t1 = vm.new_tuple(&[int(1), a]).unwrap();
        let t2 = vm.new_tuple(&[int(1), a2]).unwrap();
        let l1 = vm.new_list(&[int(1), a]).unwrap();
        assert!(vm.equals(t1, t2).unwrap());
        assert!(!vm.equals(t1, l1).unwrap(), "tuple != list");
        let l2 = vm.new_list(&[int(1), a2]).unwrap();
        assert!(vm.equals(l1, l2).unwrap());
        vm.list_append(l2, int(3)).unwrap();
        assert!(!vm.equals(l1, l2).unwrap());
        for v in [a, a2, t1, t2, l1, l2] {
            vm.release(v);
        }
        assert_eq!(vm.bytes_in_use(), 0);
    }

    #[test]
    fn deep_nesting_is_a_recursion_error_not_a_crash() {
        let mut vm = vm();
        let mut a = vm.new_tuple(&[]).unwrap();
        let mut b = vm.new_tuple(&[]).unwrap();
        for _ in 0..(MAX_NESTING + 5) {
            let na = vm.new_tuple(&[a]).unwrap();
            let nb = vm.new_tuple(&[b]).unwrap();
            vm.release(a);
            vm.release(b);
            a = na;
            b = nb;
        }
        assert_eq!(vm.equals(a, b).unwrap_err().python_type(), "RecursionError");
        assert_eq!(vm.hash(a).unwrap_err().python_type(), "RecursionError");
        vm.release(a);
        vm.release(b);
        assert_eq!(vm.memory().subsystems[crate::Subsystem::Tuple as usize].1.live_objects, 1, "only ()");
    }
}
