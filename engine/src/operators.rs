//! Python's operators on the built-in types: arithmetic with Python's int and float
//! semantics, sequence concatenation and repetition, ordering, membership, truth.
//!
//! Int arithmetic is exact in 64 bits: a result beyond i64 is `OverflowError` (mote's
//! documented limit), never a silent wrap. Floor division and modulo follow Python's
//! signs (the result of `%` takes the divisor's sign), `/` always gives a float, and
//! `int ** negative int` gives a float, as in Python.
//!
//! Every function here takes borrowed operands and returns an owned result.

use crate::bytecode::Op;
use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use core::cmp::Ordering;

/// A number operand.
#[derive(Debug, Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

fn symbol(op: Op) -> &'static str {
    match op {
        Op::Add => "+",
        Op::Sub => "-",
        Op::Mul => "*",
        Op::TrueDiv => "/",
        Op::FloorDiv => "//",
        Op::Mod => "%",
        Op::Pow => "** or pow()",
        Op::LShift => "<<",
        Op::RShift => ">>",
        Op::BitAnd => "&",
        Op::BitOr => "|",
        Op::BitXor => "^",
        Op::Lt => "<",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Ge => ">=",
        _ => "?",
    }
}

const OVERFLOW: Error = Error::Overflow("int result does not fit mote's 64-bit ints");

/// `x <op> y` for ints with an int result, with Python's errors (and `OverflowError`
/// beyond 64 bits); `None` for true division, a negative power (float results) and
/// operators ints lack.
#[inline(always)]
pub(crate) fn int_arithmetic(op: Op, x: i64, y: i64) -> Option<Result<i64>> {
    Some(match op {
        Op::Add => x.checked_add(y).ok_or(OVERFLOW),
        Op::Sub => x.checked_sub(y).ok_or(OVERFLOW),
        Op::Mul => x.checked_mul(y).ok_or(OVERFLOW),
        Op::FloorDiv if y == 0 => Err(Error::ZeroDivision("integer division or modulo by zero")),
        Op::FloorDiv => int_floor_div(x, y),
        Op::Mod if y == 0 => Err(Error::ZeroDivision("integer modulo by zero")),
        Op::Mod => Ok(int_mod(x, y)),
        Op::Pow if y >= 0 => int_pow(x, y),
        Op::LShift if y < 0 => Err(Error::Value("negative shift count")),
        Op::LShift if x == 0 => Ok(0),
        Op::LShift => match if y >= 64 { None } else { x.checked_shl(y as u32) } {
            Some(s) if s >> y == x => Ok(s),
            _ => Err(OVERFLOW),
        },
        Op::RShift if y < 0 => Err(Error::Value("negative shift count")),
        Op::RShift => Ok(x >> y.min(63)),
        Op::BitAnd => Ok(x & y),
        Op::BitOr => Ok(x | y),
        Op::BitXor => Ok(x ^ y),
        _ => return None,
    })
}

/// `x <op> y` for floats, with Python's errors; `None` for an operator floats lack.
pub(crate) fn float_arithmetic(op: Op, x: f64, y: f64) -> Option<Result<f64>> {
    Some(Ok(match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::TrueDiv => {
            if y == 0.0 {
                return Some(Err(Error::ZeroDivision("float division by zero")));
            }
            x / y
        }
        Op::FloorDiv => {
            if y == 0.0 {
                return Some(Err(Error::ZeroDivision("float floor division by zero")));
            }
            float_divmod(x, y).0
        }
        Op::Mod => {
            if y == 0.0 {
                return Some(Err(Error::ZeroDivision("float modulo")));
            }
            float_divmod(x, y).1
        }
        Op::Pow => {
            if x == 0.0 && y < 0.0 {
                return Some(Err(Error::ZeroDivision("0.0 cannot be raised to a negative power")));
            }
            if x < 0.0 && libm::trunc(y) != y {
                return Some(Err(Error::Value("mote has no complex numbers: negative base, fractional exponent")));
            }
            libm::pow(x, y)
        }
        _ => return None,
    }))
}

/// Python's floor division of ints (divisor non-zero).
pub(crate) fn int_floor_div(a: i64, b: i64) -> Result<i64> {
    let q = a.checked_div(b).ok_or(OVERFLOW)?;
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

/// Python's modulo of ints (divisor non-zero): the result has the divisor's sign.
pub(crate) fn int_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Python's float `divmod` (divisor non-zero): `(floor quotient, remainder)`.
pub(crate) fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = libm::fmod(a, b);
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, b);
    }
    let floordiv = if div != 0.0 {
        let f = libm::floor(div);
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        libm::copysign(0.0, a / b)
    };
    (floordiv, m)
}

fn int_pow(base: i64, exp: i64) -> Result<i64> {
    let mut result: i64 = 1;
    let mut b = base;
    let mut e = exp;
    while e > 0 {
        if e & 1 == 1 {
            result = result.checked_mul(b).ok_or(OVERFLOW)?;
        }
        e >>= 1;
        if e > 0 {
            b = b.checked_mul(b).ok_or(OVERFLOW)?;
        }
    }
    Ok(result)
}

impl Vm {
    fn as_num(&self, v: Value) -> Option<Num> {
        if let Some(n) = self.as_int(v) {
            return Some(Num::Int(n));
        }
        self.as_float(v).map(Num::Float)
    }

    /// Python's truth value of a built-in value.
    pub fn is_true(&self, v: Value) -> bool {
        match v {
            Value::NONE | Value::FALSE => false,
            Value::TRUE => true,
            v => {
                if let Some(n) = v.as_small_int() {
                    return n != 0;
                }
                let Some(at) = v.as_object() else { return false };
                match self.heap.kind(at) {
                    Kind::Int => self.as_int(v) != Some(0),
                    Kind::Float => self.as_float(v) != Some(0.0),
                    Kind::Str => self.str_byte_len(at) != 0,
                    Kind::Tuple => self.tuple_len(v) != 0,
                    Kind::List => self.list_len(v) != 0,
                    Kind::Dict => self.dict_len(v) != 0,
                    Kind::Set => self.set_len(v) != 0,
                    Kind::Range => self.range_len(at) != 0,
                    Kind::DictView => self.dict_len(self.dict_view_dict(at)) != 0,
                    _ => true,
                }
            }
        }
    }

    /// `a <op> b` for a binary arithmetic or bitwise opcode.
    pub fn binary(&mut self, op: Op, a: Value, b: Value) -> Result<Value> {
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return match (x, y) {
                (Num::Int(x), Num::Int(y)) => self.int_binary(op, x, y, a, b),
                (Num::Int(x), Num::Float(y)) => self.float_binary(op, x as f64, y, a, b),
                (Num::Float(x), Num::Int(y)) => self.float_binary(op, x, y as f64, a, b),
                (Num::Float(x), Num::Float(y)) => self.float_binary(op, x, y, a, b),
            };
        }
        match (op, self.kind_of(a), self.kind_of(b)) {
            (Op::Mod, Some(Kind::Str), _) => self.percent_format(a, b),
            (Op::Add, Some(Kind::Str), Some(Kind::Str)) => self.str_concat(a, b),
            (Op::Add, Some(Kind::List), Some(Kind::List)) | (Op::Add, Some(Kind::Tuple), Some(Kind::Tuple)) => {
                self.sequence_concat(a, b)
            }
            (Op::Mul, Some(Kind::Str | Kind::List | Kind::Tuple), _) if self.as_int(b).is_some() => {
                self.sequence_repeat(a, self.as_int(b).unwrap_or(0))
            }
            (Op::Mul, _, Some(Kind::Str | Kind::List | Kind::Tuple)) if self.as_int(a).is_some() => {
                self.sequence_repeat(b, self.as_int(a).unwrap_or(0))
            }
            (Op::BitOr | Op::BitAnd | Op::Sub | Op::BitXor, _, _) if self.is_set_operation(op, a, b) => {
                self.set_operation(op, a, b)
            }
            _ => Err(self.operands_error(op, a, b)),
        }
    }

    fn operands_error(&self, op: Op, a: Value, b: Value) -> Error {
        if op == Op::Add {
            if let Some(kind @ (Kind::Str | Kind::List | Kind::Tuple)) = self.kind_of(a) {
                return Error::Concatenate { container: kind.type_name(), other: b };
            }
        }
        if op == Op::Mul {
            let sequence = |v: Value| matches!(self.kind_of(v), Some(Kind::Str | Kind::List | Kind::Tuple));
            let other = if sequence(a) {
                Some(b)
            } else if sequence(b) {
                Some(a)
            } else {
                None
            };
            if let Some(other) = other {
                return Error::TypeOf { template: "can't multiply sequence by non-int of type '{}'", value: other };
            }
        }
        Error::Operands { op: symbol(op), left: a, right: b }
    }

    fn int_binary(&mut self, op: Op, x: i64, y: i64, a: Value, b: Value) -> Result<Value> {
        let n = match int_arithmetic(op, x, y) {
            Some(n) => n?,
            None if op == Op::TrueDiv => {
                if y == 0 {
                    return Err(Error::ZeroDivision("division by zero"));
                }
                return self.new_float(int_true_divide(x, y));
            }
            None if op == Op::Pow => {
                // A negative exponent (int_arithmetic takes the others): a float.
                if x == 0 {
                    return Err(Error::ZeroDivision("0.0 cannot be raised to a negative power"));
                }
                return self.new_float(libm::pow(x as f64, y as f64));
            }
            None => return Err(self.operands_error(op, a, b)),
        };
        // bool & bool, bool | bool, bool ^ bool stay bools, as in Python.
        if matches!(op, Op::BitAnd | Op::BitOr | Op::BitXor) && self.is_bool(a) && self.is_bool(b) {
            return Ok(Value::from_bool(n != 0));
        }
        self.new_int(n)
    }

    fn is_bool(&self, v: Value) -> bool {
        v == Value::TRUE || v == Value::FALSE
    }

    fn float_binary(&mut self, op: Op, x: f64, y: f64, a: Value, b: Value) -> Result<Value> {
        match float_arithmetic(op, x, y) {
            Some(r) => self.new_float(r?),
            None => Err(self.operands_error(op, a, b)),
        }
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary(&mut self, op: Op, v: Value) -> Result<Value> {
        match (op, self.as_num(v)) {
            (Op::Neg, Some(Num::Int(n))) => self.new_int(n.checked_neg().ok_or(OVERFLOW)?),
            (Op::Neg, Some(Num::Float(x))) => self.new_float(-x),
            (Op::Pos, Some(Num::Int(n))) => self.new_int(n),
            (Op::Pos, Some(Num::Float(x))) => self.new_float(x),
            (Op::Invert, Some(Num::Int(n))) => self.new_int(!n),
            _ => {
                let symbol = match op {
                    Op::Neg => "-",
                    Op::Pos => "+",
                    _ => "~",
                };
                Err(Error::Operand { op: symbol, operand: v })
            }
        }
    }

    /// Python's ordering of two built-in values, for `<`, `<=`, `>`, `>=`.
    pub fn compare_order(&self, op: Op, a: Value, b: Value) -> Result<bool> {
        let ordering = self.order(op, a, b, 0)?;
        Ok(match op {
            Op::Lt => ordering == Some(Ordering::Less),
            Op::Le => matches!(ordering, Some(Ordering::Less | Ordering::Equal)),
            Op::Gt => ordering == Some(Ordering::Greater),
            _ => matches!(ordering, Some(Ordering::Greater | Ordering::Equal)),
        })
    }

    /// `None` when the values are unordered (a NaN is involved).
    fn order(&self, op: Op, a: Value, b: Value, depth: u32) -> Result<Option<Ordering>> {
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return Ok(match (x, y) {
                (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
                (Num::Int(x), Num::Float(y)) => int_float_order(x, y),
                (Num::Float(x), Num::Int(y)) => int_float_order(y, x).map(Ordering::reverse),
                (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
            });
        }
        match (self.kind_of(a), self.kind_of(b)) {
            (Some(Kind::Set), Some(Kind::Set)) => self.set_order(a, b),
            (Some(Kind::Str), Some(Kind::Str)) => {
                let (x, y) = (a.as_object().unwrap_or_default(), b.as_object().unwrap_or_default());
                Ok(Some(self.str_bytes(x).cmp(self.str_bytes(y))))
            }
            (Some(ka @ (Kind::List | Kind::Tuple)), Some(kb)) if ka == kb => {
                if depth >= crate::hash::MAX_NESTING {
                    return Err(Error::Recursion("maximum recursion depth exceeded in comparison"));
                }
                let (la, lb) = (self.sequence_len(a), self.sequence_len(b));
                for i in 0..la.min(lb) {
                    let (x, y) = (self.sequence_item(a, i), self.sequence_item(b, i));
                    if !self.equals_nested(x, y, depth + 1)? {
                        return self.order(op, x, y, depth + 1);
                    }
                }
                Ok(Some(la.cmp(&lb)))
            }
            _ => Err(self.operands_error(op, a, b)),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> Result<bool> {
        match self.kind_of(container) {
            Some(Kind::Dict) => self.dict_contains(container, item),
            Some(Kind::Set) => self.set_contains(container, item),
            Some(Kind::Str) => {
                let Some(needle) = self.as_str(item) else {
                    return Err(Error::Type("'in <string>' requires string as left operand"));
                };
                Ok(self.as_str(container).is_some_and(|hay| hay.contains(needle)))
            }
            Some(Kind::DictView) => {
                let view = container.as_object().unwrap_or_default();
                let d = self.dict_view_dict(view);
                match self.dict_view_flavor(view) {
                    crate::methods::ViewFlavor::Keys => self.dict_contains(d, item),
                    flavor => {
                        let mut position = 0;
                        while let Some((key, value)) = self.dict_next(d, &mut position) {
                            let hit = match flavor {
                                crate::methods::ViewFlavor::Values => self.equals(value, item)?,
                                _ => {
                                    self.kind_of(item) == Some(Kind::Tuple)
                                        && self.tuple_len(item) == 2
                                        && self.equals(self.tuple_item(item, 0), key)?
                                        && self.equals(self.tuple_item(item, 1), value)?
                                }
                            };
                            if hit {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
            }
            Some(Kind::Range) => {
                let Some(n) = self.as_int(item) else { return Ok(false) };
                let at = container.as_object().unwrap_or_default();
                let (start, stop, step) = self.range_parts(at);
                let inside = if step > 0 { start <= n && n < stop } else { stop < n && n <= start };
                Ok(inside && (n - start) % step == 0)
            }
            Some(Kind::List | Kind::Tuple) => {
                for i in 0..self.sequence_len(container) {
                    if self.equals(self.sequence_item(container, i), item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(Error::Type("argument of this type is not iterable")),
        }
    }

    fn str_concat(&mut self, a: Value, b: Value) -> Result<Value> {
        self.new_str_concat(2, |_, i| if i == 0 { a } else { b })
    }

    fn sequence_concat(&mut self, a: Value, b: Value) -> Result<Value> {
        let items: alloc::vec::Vec<Value> = (0..self.sequence_len(a))
            .map(|i| self.sequence_item(a, i))
            .chain((0..self.sequence_len(b)).map(|i| self.sequence_item(b, i)))
            .collect();
        if self.kind_of(a) == Some(Kind::Tuple) {
            self.new_tuple(&items)
        } else {
            self.new_list(&items)
        }
    }

    fn sequence_repeat(&mut self, seq: Value, times: i64) -> Result<Value> {
        let times = times.max(0) as usize;
        if let Some(s) = self.as_str(seq) {
            let total = s.len().checked_mul(times).filter(|&n| n <= crate::str::MAX_STR_BYTES).ok_or(Error::Memory)?;
            let mut out = alloc::string::String::with_capacity(total);
            for _ in 0..times {
                out.push_str(s);
            }
            return self.new_str(&out);
        }
        let len = self.sequence_len(seq) as usize;
        len.checked_mul(times).filter(|&n| n <= crate::tuple::MAX_ITEMS).ok_or(Error::Memory)?;
        let items: alloc::vec::Vec<Value> =
            (0..times).flat_map(|_| (0..len as u32).map(|i| self.sequence_item(seq, i))).collect();
        if self.kind_of(seq) == Some(Kind::Tuple) {
            self.new_tuple(&items)
        } else {
            self.new_list(&items)
        }
    }
}

/// Exact ordering of an int against a float (`None` if the float is NaN).
fn int_float_order(n: i64, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x >= 9_223_372_036_854_775_808.0 {
        return Some(Ordering::Less);
    }
    if x < -9_223_372_036_854_775_808.0 {
        return Some(Ordering::Greater);
    }
    let whole = libm::floor(x);
    let w = whole as i64;
    Some(match n.cmp(&w) {
        Ordering::Equal if whole != x => Ordering::Less,
        other => other,
    })
}

/// `x / y` for ints, correctly rounded as CPython's is: converting both to floats first
/// would round twice for operands beyond 2^53 (`9007199254740993 / 3`).
fn int_true_divide(x: i64, y: i64) -> f64 {
    const EXACT: u64 = 1 << 53;
    if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
        return x as f64 / y as f64;
    }
    let (n, d) = (x.unsigned_abs() as u128, y.unsigned_abs() as u128);
    let bits = |v: u128| 128 - v.leading_zeros() as i32;
    // Scale the numerator so the quotient has at least 55 significant bits; a nonzero
    // remainder then only needs to be a sticky bit below the rounding position.
    let shift = (56 + bits(d) - bits(n)).max(0);
    let scaled = n << shift;
    let (q, r) = (scaled / d, scaled % d);
    // shift <= 120, so 2^-shift is a normal float and the scaling is exact.
    let unscale = f64::from_bits((1023 - shift as u64) << 52);
    let magnitude = (q | u128::from(r != 0)) as f64 * unscale;
    if (x < 0) != (y < 0) {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{int, vm};

    #[test]
    fn floor_division_and_modulo_follow_python_signs() {
        // python3 -c 'print([(a // b, a % b) for a in (7, -7) for b in (2, -2)])'
        let expected = [(3, 1), (-4, -1), (-4, 1), (3, -1)];
        let mut i = 0;
        for a in [7, -7] {
            for b in [2, -2] {
                assert_eq!((int_floor_div(a, b).unwrap(), int_mod(a, b)), expected[i], "{a} {b}");
                i += 1;
            }
        }
        // python3 -c 'print(divmod(7.5, -2), divmod(-7.5, 2), divmod(-0.0, 1))'
        assert_eq!(float_divmod(7.5, -2.0), (-4.0, -0.5));
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_divmod(-0.0, 1.0).0.to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn int_results_are_exact_or_overflow() {
        let mut vm = vm();
        assert_eq!(vm.binary(Op::Pow, int(2), int(10)).unwrap(), int(1024));
        let big = vm.binary(Op::Pow, int(2), int(62)).unwrap();
        assert_eq!(vm.as_int(big), Some(1 << 62));
        assert_eq!(vm.binary(Op::Pow, int(2), int(64)).unwrap_err().python_type(), "OverflowError");
        assert_eq!(vm.binary(Op::Mul, big, int(4)).unwrap_err().python_type(), "OverflowError");
        let half = vm.binary(Op::Pow, int(2), int(-1)).unwrap();
        assert_eq!(vm.as_float(half), Some(0.5));
        assert_eq!(
            vm.binary(Op::FloorDiv, int(1), int(0)).unwrap_err(),
            Error::ZeroDivision("integer division or modulo by zero")
        );
        assert_eq!(vm.binary(Op::LShift, int(1), int(62)).map(|v| vm.as_int(v)).unwrap(), Some(1 << 62));
        assert!(vm.binary(Op::LShift, int(1), int(63)).is_err());
        assert_eq!(vm.binary(Op::BitAnd, Value::TRUE, Value::FALSE).unwrap(), Value::FALSE);
        vm.release_all(&[big, half]);
    }

    #[test]
    fn int_true_division_rounds_once() {
        // Expected values printed by CPython 3.11.
        assert_eq!(int_true_divide(9007199254740993, 3), 3002399751580331.0);
        assert_eq!(int_true_divide(9007199254740993, 1), 9007199254740992.0);
        assert_eq!(int_true_divide(-9007199254740995, 1), -9007199254740996.0);
        assert_eq!(int_true_divide(i64::MIN, -1), 9.223372036854776e18);
        assert_eq!(int_true_divide(1, i64::MAX), 1.0842021724855044e-19);
        assert_eq!(int_true_divide(7, -2), -3.5);
    }

    #[test]
    fn mixed_and_sequence_operators() {
        let mut vm = vm();
        let f = vm.new_float(0.5).unwrap();
        let sum = vm.binary(Op::Add, int(1), f).unwrap();
        assert_eq!(vm.as_float(sum), Some(1.5));
        let s = vm.new_str("ab").unwrap();
        let s3 = vm.binary(Op::Mul, s, int(3)).unwrap();
        assert_eq!(vm.as_str(s3), Some("ababab"));
        let err = vm.binary(Op::Add, int(1), s).unwrap_err();
        assert!(matches!(err, Error::Operands { op: "+", left, right } if left == int(1) && right == s));
        let l = vm.new_list(&[int(1)]).unwrap();
        let l2 = vm.binary(Op::Add, l, l).unwrap();
        assert_eq!(vm.list_len(l2), 2);
        assert!(vm.contains(l2, int(1)).unwrap());
        assert!(vm.contains(s3, s).unwrap());
        vm.release_all(&[f, sum, s, s3, l, l2]);
    }

    #[test]
    fn ordering_is_exact_and_lexicographic() {
        let mut vm = vm();
        let x = vm.new_float(2.5).unwrap();
        assert!(vm.compare_order(Op::Lt, int(2), x).unwrap());
        assert!(!vm.compare_order(Op::Lt, int(3), x).unwrap());
        let nan = vm.new_float(f64::NAN).unwrap();
        assert!(!vm.compare_order(Op::Lt, int(1), nan).unwrap() && !vm.compare_order(Op::Ge, int(1), nan).unwrap());
        let a = vm.new_tuple(&[int(1), int(2)]).unwrap();
        let b = vm.new_tuple(&[int(1), int(3)]).unwrap();
        assert!(vm.compare_order(Op::Lt, a, b).unwrap());
        let s = vm.new_str("b").unwrap();
        let t = vm.new_str("ab").unwrap();
        assert!(vm.compare_order(Op::Gt, s, t).unwrap());
        let err = vm.compare_order(Op::Lt, s, int(1)).unwrap_err();
        assert!(matches!(err, Error::Operands { op: "<", left, right } if left == s && right == int(1)));
        vm.release_all(&[x, nan, a, b, s, t]);
    }
}
