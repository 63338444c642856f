//! The built-in modules scripts can import: `math`, `sys`, `time`, `traceback`, `heapq`
//! and `gc`, made on first import and cached with the script modules (the functions of
//! `traceback`, `heapq` and `gc`, and `sys.stdout`/`sys.stderr`, live in modules of their
//! own).
//!
//! `math` follows CPython's results and errors for the functions game scripts use (libm
//! underneath, so no_std). `time.time()` reads the clock the host gave the VM (the engine
//! has none of its own).

use crate::error::{Error, Result};
use crate::function::{Keywords, NativeCode, NativeFn, NativeKeywordFn};
use crate::object::{Kind, MODULE_BYTES};
use crate::value::Value;
use crate::vm::Vm;
use alloc::vec::Vec;

/// Where the source of script modules comes from (a folder, a pack file, a table).
pub trait ModuleLoader: Send {
    /// The source of module `name`, or `None` if there is no such module.
    fn source(&mut self, name: &str) -> Option<alloc::string::String>;
}

const MATH: &[(&str, NativeFn)] = &[
    ("sqrt", math_sqrt),
    ("floor", math_floor),
    ("ceil", math_ceil),
    ("trunc", math_trunc),
    ("fabs", math_fabs),
    ("exp", math_exp),
    ("log", math_log),
    ("log10", math_log10),
    ("log2", math_log2),
    ("pow", math_pow),
    ("sin", math_sin),
    ("cos", math_cos),
    ("tan", math_tan),
    ("asin", math_asin),
    ("acos", math_acos),
    ("atan", math_atan),
    ("atan2", math_atan2),
    ("hypot", math_hypot),
    ("copysign", math_copysign),
    ("fmod", math_fmod),
    ("degrees", math_degrees),
    ("radians", math_radians),
    ("isnan", math_isnan),
    ("isinf", math_isinf),
    ("isfinite", math_isfinite),
    ("gcd", math_gcd),
    ("lcm", math_lcm),
    ("factorial", math_factorial),
    ("comb", math_comb),
    ("perm", math_perm),
    ("isqrt", math_isqrt),
    ("dist", math_dist),
    ("modf", math_modf),
    ("sinh", math_sinh),
    ("cosh", math_cosh),
    ("tanh", math_tanh),
    ("log1p", math_log1p),
    ("expm1", math_expm1),
];

const MATH_WITH_KEYWORDS: &[(&str, NativeKeywordFn)] = &[("isclose", math_isclose), ("prod", math_prod)];

impl Vm {
    /// A new module named `name` with an empty namespace (owned).
    pub(crate) fn new_module(&mut self, name: &str) -> Result<Value> {
        let name_value = self.intern_str(name)?;
        let namespace = match self.new_dict() {
            Ok(d) => d,
            Err(e) => {
                self.release(name_value);
                return Err(e);
            }
        };
        let made = self.heap.new_object(Kind::Module, MODULE_BYTES);
        let at = match made {
            Ok(at) => at,
            Err(e) => {
                self.release_all(&[name_value, namespace]);
                return Err(e.into());
            }
        };
        self.heap.write_value(at + 8, name_value);
        self.heap.write_value(at + 12, namespace);
        let key = self.intern_str("__name__")?;
        let set = self.dict_set(namespace, key, name_value);
        self.release(key);
        let module = Value::from_offset(at);
        if let Err(e) = set {
            self.release(module);
            return Err(e);
        }
        Ok(module)
    }

    /// A module's name (borrowed str).
    pub(crate) fn module_name(&self, module: Value) -> Value {
        module.as_object().map_or(Value::NULL, |at| self.heap.read_value(at + 8))
    }

    /// A module's namespace dict (borrowed).
    pub(crate) fn module_namespace(&self, module: Value) -> Value {
        module.as_object().map_or(Value::NULL, |at| self.heap.read_value(at + 12))
    }

    fn module_set(&mut self, module: Value, name: &str, v: Value) -> Result<()> {
        self.dict_set_str(self.module_namespace(module), name, v)
    }

    fn module_set_owned(&mut self, module: Value, name: &str, v: Result<Value>) -> Result<()> {
        let v = v?;
        let r = self.module_set(module, name, v);
        self.release(v);
        r
    }

    /// The built-in module `name`, made now (owned), or `None` if there is none.
    pub(crate) fn make_builtin_module(&mut self, name: &str) -> Result<Option<Value>> {
        let module = match name {
            "math" | "sys" | "time" | "traceback" | "heapq" | "gc" | "__future__" => self.new_module(name)?,
            _ => return Ok(None),
        };
        let filled = match name {
            "math" => self.fill_math(module),
            "sys" => self.fill_sys(module),
            "traceback" => self.fill_traceback(module),
            "gc" => self.fill_natives(module, crate::gc_module::FUNCTIONS).and_then(|()| {
                for &(name, value) in crate::gc_module::CONSTANTS {
                    let v = self.new_int(value);
                    self.module_set_owned(module, name, v)?;
                }
                Ok(())
            }),
            "__future__" => {
                // What `from __future__ import x` binds: CPython's `_Feature` objects are
                // here their compiler flags (the compiler reads the import itself).
                const FEATURES: &[(&str, i64)] = &[
                    ("nested_scopes", 0x10),
                    ("generators", 0),
                    ("division", 0x20000),
                    ("absolute_import", 0x40000),
                    ("with_statement", 0x80000),
                    ("print_function", 0x100000),
                    ("unicode_literals", 0x200000),
                    ("barry_as_FLUFL", 0x400000),
                    ("generator_stop", 0x800000),
                    ("annotations", 0x1000000),
                ];
                FEATURES.iter().try_for_each(|&(name, flag)| {
                    let v = self.new_int(flag);
                    self.module_set_owned(module, name, v)
                })
            }
            "heapq" => self.fill_natives(module, crate::heapq::FUNCTIONS).and_then(|()| {
                for &(name, f) in crate::heapq::FUNCTIONS_WITH_KEYWORDS {
                    self.install_native(self.module_namespace(module), name, NativeCode::WithKeywords(f))?;
                }
                Ok(())
            }),
            _ => self.fill_time(module),
        };
        match filled {
            Ok(()) => Ok(Some(module)),
            Err(e) => {
                self.release(module);
                Err(e)
            }
        }
    }

    fn fill_natives(&mut self, module: Value, functions: &[(&str, NativeFn)]) -> Result<()> {
        let namespace = self.module_namespace(module);
        for &(name, f) in functions {
            self.install_native(namespace, name, NativeCode::Positional(f))?;
        }
        Ok(())
    }

    fn fill_math(&mut self, module: Value) -> Result<()> {
        self.fill_natives(module, MATH)?;
        for &(name, f) in MATH_WITH_KEYWORDS {
            self.install_native(self.module_namespace(module), name, NativeCode::WithKeywords(f))?;
        }
        for (name, x) in [
            ("pi", core::f64::consts::PI),
            ("e", core::f64::consts::E),
            ("tau", core::f64::consts::TAU),
            ("inf", f64::INFINITY),
            ("nan", f64::NAN),
        ] {
            let v = self.new_float(x);
            self.module_set_owned(module, name, v)?;
        }
        Ok(())
    }

    fn fill_sys(&mut self, module: Value) -> Result<()> {
        let maxsize = self.new_int(i64::MAX);
        self.module_set_owned(module, "maxsize", maxsize)?;
        let items = self.make_each(self.argv.clone(), |vm, arg| vm.new_str(&arg))?;
        let argv = self.new_list(&items);
        self.release_all(&items);
        self.module_set_owned(module, "argv", argv)?;
        for (name, f) in [
            ("getsizeof", sys_getsizeof as NativeFn),
            ("getrefcount", sys_getrefcount),
            ("intern", sys_intern),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("exit", sys_exit),
        ] {
            let native = self.new_native(name, f);
            self.module_set_owned(module, name, native)?;
        }
        // The streams, and their originals under `__stdout__`/`__stderr__` (to restore
        // after a script replaced them).
        for (stream, names) in [
            (crate::output::Stream::Stdout, ["stdout", "__stdout__"]),
            (crate::output::Stream::Stderr, ["stderr", "__stderr__"]),
        ] {
            let object = self.new_text_stream(stream)?;
            let set =
                self.module_set(module, names[0], object).and_then(|()| self.module_set(module, names[1], object));
            self.release(object);
            set?;
        }
        Ok(())
    }

    fn fill_traceback(&mut self, module: Value) -> Result<()> {
        let namespace = self.module_namespace(module);
        for &(name, f) in crate::traceback_module::FUNCTIONS {
            self.install_native(namespace, name, NativeCode::WithKeywords(f))?;
        }
        Ok(())
    }

    fn fill_time(&mut self, module: Value) -> Result<()> {
        let native = self.new_native("time", time_time);
        self.module_set_owned(module, "time", native)?;
        let native = self.new_native("perf_counter", time_time);
        self.module_set_owned(module, "perf_counter", native)
    }
}

fn float_arg(vm: &Vm, args: &[Value], i: usize) -> Result<f64> {
    let v = *args.get(i).ok_or(Error::Type("missing argument"))?;
    match vm.as_int(v) {
        Some(n) => Ok(n as f64),
        None => vm.as_float(v).ok_or(Error::Type("must be real number")),
    }
}

/// A float result, `ValueError: math domain error` for NaN from a non-NaN input.
fn float_result(vm: &mut Vm, args: &[Value], x: f64) -> Result<Value> {
    let inputs_nan = (0..args.len()).any(|i| float_arg(vm, args, i).is_ok_and(f64::is_nan));
    if x.is_nan() && !inputs_nan {
        return Err(Error::Value("math domain error"));
    }
    vm.new_float(x)
}

macro_rules! unary_math {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value]) -> Result<Value> {
            let x = float_arg(vm, args, 0)?;
            let f: fn(f64) -> f64 = $f;
            float_result(vm, args, f(x))
        }
    };
}

unary_math!(math_fabs, libm::fabs);
unary_math!(math_log10, libm::log10);
unary_math!(math_log2, libm::log2);
unary_math!(math_sin, libm::sin);
unary_math!(math_cos, libm::cos);
unary_math!(math_tan, libm::tan);
unary_math!(math_asin, libm::asin);
unary_math!(math_acos, libm::acos);
unary_math!(math_atan, libm::atan);
unary_math!(math_sinh, libm::sinh);
unary_math!(math_cosh, libm::cosh);
unary_math!(math_tanh, libm::tanh);
unary_math!(math_log1p, libm::log1p);
unary_math!(math_expm1, libm::expm1);
unary_math!(math_degrees, |x| x * (180.0 / core::f64::consts::PI));
unary_math!(math_radians, |x| x * (core::f64::consts::PI / 180.0));

fn math_sqrt(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = float_arg(vm, args, 0)?;
    if x < 0.0 {
        return Err(Error::Value("math domain error"));
    }
    vm.new_float(libm::sqrt(x))
}

fn math_log(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = float_arg(vm, args, 0)?;
    if x <= 0.0 {
        return Err(Error::Value("math domain error"));
    }
    let result = match args.get(1) {
        Some(_) => libm::log(x) / libm::log(float_arg(vm, args, 1)?),
        None => libm::log(x),
    };
    float_result(vm, args, result)
}

/// `floor`/`ceil`/`trunc`: an int for a number (ints pass through).
fn integral(vm: &mut Vm, args: &[Value], f: fn(f64) -> f64) -> Result<Value> {
    let v = *args.first().ok_or(Error::Type("missing argument"))?;
    if let Some(n) = vm.as_int(v) {
        return vm.new_int(n);
    }
    let x = vm.as_float(v).ok_or(Error::Type("must be real number"))?;
    if x.is_nan() {
        return Err(Error::Value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(Error::Overflow("cannot convert float infinity to integer"));
    }
    vm.new_int_checked(f(x) as i128)
}

fn math_floor(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    integral(vm, args, libm::floor)
}

fn math_ceil(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    integral(vm, args, libm::ceil)
}

fn math_trunc(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    integral(vm, args, libm::trunc)
}

/// A result that overflowed from finite inputs is `OverflowError: math range error`, as
/// CPython's `exp` and `pow` say.
fn bounded_result(vm: &mut Vm, args: &[Value], x: f64) -> Result<Value> {
    let inputs_finite = (0..args.len()).all(|i| float_arg(vm, args, i).is_ok_and(f64::is_finite));
    if x.is_infinite() && inputs_finite {
        return Err(Error::Overflow("math range error"));
    }
    float_result(vm, args, x)
}

fn math_exp(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = float_arg(vm, args, 0)?;
    bounded_result(vm, args, libm::exp(x))
}

fn math_pow(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (x, y) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    if x == 0.0 && y < 0.0 {
        return Err(Error::Value("math domain error"));
    }
    bounded_result(vm, args, libm::pow(x, y))
}

fn math_atan2(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (y, x) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    vm.new_float(libm::atan2(y, x))
}

fn math_hypot(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut sum = 0.0;
    for i in 0..args.len() {
        let x = float_arg(vm, args, i)?;
        sum += x * x;
    }
    vm.new_float(libm::sqrt(sum))
}

fn math_copysign(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (x, y) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    vm.new_float(libm::copysign(x, y))
}

fn math_fmod(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (x, y) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    if y == 0.0 || x.is_infinite() {
        return Err(Error::Value("math domain error"));
    }
    vm.new_float(libm::fmod(x, y))
}

fn math_isnan(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::from_bool(float_arg(vm, args, 0)?.is_nan()))
}

fn math_isinf(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::from_bool(float_arg(vm, args, 0)?.is_infinite()))
}

fn math_isfinite(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::from_bool(float_arg(vm, args, 0)?.is_finite()))
}

fn math_gcd(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut g: i64 = 0;
    for &v in args {
        let mut n =
            vm.as_int(v).ok_or(Error::Type("'float' object cannot be interpreted as an integer"))?.unsigned_abs();
        let mut m = g.unsigned_abs();
        while n != 0 {
            let t = m % n;
            m = n;
            n = t;
        }
        g = i64::try_from(m).map_err(|_| Error::Overflow("gcd result does not fit 64 bits"))?;
    }
    vm.new_int(g)
}

/// An int argument for the integer functions (`comb`, `perm`, `isqrt`, `lcm`).
fn int_arg(vm: &Vm, args: &[Value], i: usize) -> Result<i64> {
    args.get(i).and_then(|&v| vm.as_int(v)).ok_or(Error::Type("'float' object cannot be interpreted as an integer"))
}

const INT_OVERFLOW: Error = Error::Overflow("int result does not fit mote's 64-bit ints");

fn math_lcm(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut l: i64 = 1;
    for i in 0..args.len() {
        let n = int_arg(vm, args, i)?.checked_abs().ok_or(INT_OVERFLOW)?;
        if n == 0 || l == 0 {
            l = 0;
            continue;
        }
        let (mut a, mut b) = (l, n);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        l = (l / a).checked_mul(n).ok_or(INT_OVERFLOW)?;
    }
    vm.new_int(l)
}

/// CPython's checks of `comb`/`perm`'s arguments, `n` first.
fn check_n_k(n: i64, k: i64) -> Result<()> {
    if n < 0 {
        return Err(Error::Value("n must be a non-negative integer"));
    }
    if k < 0 {
        return Err(Error::Value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `perm(n, k)`: n! / (n-k)!, 0 when k > n.
fn permutations(n: i64, k: i64) -> Result<i64> {
    check_n_k(n, k)?;
    if k > n {
        return Ok(0);
    }
    (n - k + 1..=n).try_fold(1i64, |p, x| p.checked_mul(x).ok_or(INT_OVERFLOW))
}

fn math_perm(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = int_arg(vm, args, 0)?;
    let k = if args.len() > 1 && args[1] != Value::NONE { int_arg(vm, args, 1)? } else { n };
    vm.new_int(permutations(n, k)?)
}

fn math_comb(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (n, k) = (int_arg(vm, args, 0)?, int_arg(vm, args, 1)?);
    check_n_k(n, k)?;
    if k > n {
        return vm.new_int(0);
    }
    // Multiply and divide step by step: every partial result is itself a binomial.
    let k = k.min(n - k);
    let mut c: i128 = 1;
    for i in 0..k {
        c = c * i128::from(n - i) / i128::from(i + 1);
        if c > i128::from(i64::MAX) {
            return Err(INT_OVERFLOW);
        }
    }
    vm.new_int(c as i64)
}

fn math_isqrt(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = int_arg(vm, args, 0)?;
    if n < 0 {
        return Err(Error::Value("isqrt() argument must be nonnegative"));
    }
    let mut r = libm::sqrt(n as f64) as i64;
    while r.checked_mul(r).is_none_or(|sq| sq > n) {
        r -= 1;
    }
    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
        r += 1;
    }
    vm.new_int(r)
}

fn math_dist(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let [p, q] = *args else { return Err(Error::Type("dist expected 2 arguments")) };
    let (p, q) = (vm.collect(p)?, vm.collect(q));
    let q = match q {
        Ok(q) => q,
        Err(e) => {
            vm.release_all(&p);
            return Err(e);
        }
    };
    let mut sum = 0.0;
    let mut outcome = Ok(());
    if p.len() != q.len() {
        outcome = Err(Error::Value("both points must have the same number of dimensions"));
    } else {
        for (&a, &b) in p.iter().zip(&q) {
            match (float_arg(vm, &[a], 0), float_arg(vm, &[b], 0)) {
                (Ok(x), Ok(y)) => sum += (x - y) * (x - y),
                (Err(e), _) | (_, Err(e)) => {
                    outcome = Err(e);
                    break;
                }
            }
        }
    }
    vm.release_all(&p);
    vm.release_all(&q);
    outcome?;
    vm.new_float(libm::sqrt(sum))
}

fn math_modf(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = float_arg(vm, args, 0)?;
    let whole = libm::trunc(x);
    let (fraction, whole) = (vm.new_float(libm::copysign(x - whole, x))?, vm.new_float(whole));
    let whole = match whole {
        Ok(w) => w,
        Err(e) => {
            vm.release(fraction);
            return Err(e);
        }
    };
    let pair = vm.new_tuple(&[fraction, whole]);
    vm.release_all(&[fraction, whole]);
    pair
}

/// `prod(iterable, *, start=1)`: the product, by the language's own `*`.
fn math_prod(vm: &mut Vm, args: &[Value], keywords: &crate::function::Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["start"])?;
    let [iterable] = *args else { return Err(Error::Type("prod() takes exactly one positional argument")) };
    let items = vm.collect(iterable)?;
    let mut product = keywords.get(vm, "start").unwrap_or(Value::small_int(1).unwrap_or(Value::NONE));
    vm.incref(product);
    let mut outcome = Ok(());
    for &item in &items {
        match vm.binary_op(crate::bytecode::Op::Mul, product, item, false) {
            Ok(next) => {
                vm.release(product);
                product = next;
            }
            Err(e) => {
                outcome = Err(e);
                break;
            }
        }
    }
    vm.release_all(&items);
    match outcome {
        Ok(()) => Ok(product),
        Err(e) => {
            vm.release(product);
            Err(e)
        }
    }
}

fn math_factorial(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = args.first().and_then(|&v| vm.as_int(v)).ok_or(Error::Type("factorial() only accepts integral values"))?;
    if n < 0 {
        return Err(Error::Value("factorial() not defined for negative values"));
    }
    let mut product: i64 = 1;
    for k in 2..=n {
        product = product.checked_mul(k).ok_or(Error::Overflow("factorial result does not fit mote's 64-bit ints"))?;
    }
    vm.new_int(product)
}

fn math_isclose(vm: &mut Vm, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
    keywords.only(vm, &["rel_tol", "abs_tol"])?;
    let (a, b) = (float_arg(vm, args, 0)?, float_arg(vm, args, 1)?);
    let tolerance = |name: &str, default: f64| -> Result<f64> {
        match keywords.get(vm, name) {
            Some(v) => float_arg(vm, &[v], 0),
            None => Ok(default),
        }
    };
    let (rel, abs) = (tolerance("rel_tol", 1e-9)?, tolerance("abs_tol", 0.0)?);
    if rel < 0.0 || abs < 0.0 {
        return Err(Error::Value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = libm::fabs(b - a);
    Ok(Value::from_bool(diff <= libm::fabs(rel * b) || diff <= libm::fabs(rel * a) || diff <= abs))
}

fn sys_getsizeof(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = *args.first().ok_or(Error::Type("getsizeof() takes one argument"))?;
    vm.new_int(vm.getsizeof(v) as i64)
}

fn sys_getrefcount(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = *args.first().ok_or(Error::Type("getrefcount() takes one argument"))?;
    // The argument's own register holds the reference CPython counts for the argument.
    vm.new_int(i64::from(vm.refcount(v).unwrap_or(0)))
}

fn sys_intern(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let v = *args.first().ok_or(Error::Type("intern() takes one argument"))?;
    if vm.kind_of(v) != Some(Kind::Str) {
        return Err(Error::Type("intern() argument must be str"));
    }
    vm.incref(v);
    match vm.intern(v) {
        Ok(canonical) => Ok(canonical),
        Err(e) => {
            vm.release(v);
            Err(e)
        }
    }
}

fn sys_getrecursionlimit(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.new_int(i64::from(vm.recursion_limit))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = args.first().and_then(|&v| vm.as_int(v)).ok_or(Error::Type("an integer is required"))?;
    if n < 1 {
        return Err(Error::Value("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Value::NONE)
}

/// `sys.exc_info()`: (type, value, traceback) of the exception being handled, or three
/// Nones. Outside an except block nothing is being handled: nothing lingers.
fn sys_exc_info(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    let exception = vm.handled_exception();
    if exception == Value::NULL {
        return vm.new_tuple(&[Value::NONE, Value::NONE, Value::NONE]);
    }
    let traceback = vm.exception_traceback(exception);
    let traceback = if traceback == Value::NULL { Value::NONE } else { traceback };
    vm.new_tuple(&[vm.exception_class_of(exception), exception, traceback])
}

/// `sys.exit([code])`: raises `SystemExit`. Its args are made as CPython's
/// `PyErr_SetObject` makes them: none for None, a tuple's items, else `(code,)`.
fn sys_exit(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    if args.len() > 1 {
        let message = alloc::format!("exit expected at most 1 argument, got {}", args.len());
        return Err(crate::iterator::raise_text(
            vm,
            crate::exception::ExceptionType::TypeError,
            &message,
            Error::Type("exit expected at most 1 argument"),
        ));
    }
    let class = vm.exception_class(crate::exception::ExceptionType::SystemExit);
    let code = args.first().copied().unwrap_or(Value::NONE);
    let exception = if code == Value::NONE {
        vm.new_exception(class, &[])?
    } else if vm.kind_of(vm.through_base(code)) == Some(Kind::Tuple) {
        let items: Vec<Value> = vm.tuple_items(vm.through_base(code)).collect();
        vm.new_exception(class, &items)?
    } else {
        vm.new_exception(class, &[code])?
    };
    Err(vm.raise(exception))
}

fn time_time(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    let now = match vm.clock.as_mut() {
        Some(clock) => clock(),
        None => return Err(Error::Type("this host gives scripts no clock")),
    };
    vm.new_float(now)
}

impl Vm {
    /// The module named `name` (owned): cached, built in, or (with the parser) loaded.
    pub(crate) fn import_module(&mut self, name: Value) -> Result<Value> {
        if self.modules == Value::NULL {
            self.modules = self.new_dict()?;
        }
        if let Some(m) = self.dict_get(self.modules, name)? {
            return Ok(m);
        }
        let text: alloc::string::String = self.as_str(name).unwrap_or("").into();
        let module = match self.make_builtin_module(&text)? {
            Some(m) => m,
            None => match self.load_script_module(&text, name)? {
                // A script module was cached as it started running (import cycles).
                Some(m) => return Ok(m),
                None => return Err(Error::NoModule(name)),
            },
        };
        let cached = self.dict_set(self.modules, name, module);
        if let Err(e) = cached {
            self.release(module);
            return Err(e);
        }
        Ok(module)
    }

    /// `from module import *`: the module's public names into `globals`.
    pub(crate) fn import_star(&mut self, module: Value, globals: Value) -> Result<()> {
        let namespace = self.module_namespace(module);
        if let Some(all) = self.dict_get_str(namespace, "__all__")? {
            // `__all__` lists exactly the names to take, private or not.
            let names = self.collect(all);
            self.release(all);
            let names = names?;
            let copied = names.iter().try_for_each(|&name| {
                if self.kind_of(name) != Some(Kind::Str) {
                    return Err(Error::Type("Item in __all__ must be str"));
                }
                match self.dict_get(namespace, name)? {
                    Some(value) => {
                        let set = self.dict_set(globals, name, value);
                        self.release(value);
                        set
                    }
                    None => Err(Error::ModuleAttribute { module, name }),
                }
            });
            // The error names a value from `names`: make the exception while it lives.
            let copied = copied.map_err(|e| self.raise_error(e));
            self.release_all(&names);
            return copied;
        }
        let mut position = 0;
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        while let Some((key, value)) = self.dict_next(namespace, &mut position) {
            if !self.as_str(key).unwrap_or("_").starts_with('_') {
                pairs.push((key, value));
            }
        }
        for (key, value) in pairs {
            self.dict_set(globals, key, value)?;
        }
        Ok(())
    }

    /// Clears every cached module's namespace and the cache (at shutdown), breaking the
    /// module -> function -> globals cycles.
    pub(crate) fn clear_modules(&mut self) {
        let modules = core::mem::replace(&mut self.modules, Value::NULL);
        if modules == Value::NULL {
            return;
        }
        let mut position = 0;
        let mut all = Vec::new();
        while let Some((_, module)) = self.dict_next(modules, &mut position) {
            all.push(module);
        }
        for module in all {
            let namespace = self.module_namespace(module);
            self.tear_down_namespace(namespace);
        }
        self.release(modules);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{int, vm, TestVm};
    use crate::Value;

    fn attribute(vm: &mut TestVm, module: &str, name: &str) -> Value {
        vm.ensure_builtins().unwrap();
        let m = vm.intern_str(module).unwrap();
        let module = vm.import_module(m).unwrap();
        let n = vm.intern_str(name).unwrap();
        let v = vm.get_attribute(module, n).unwrap();
        vm.release_all(&[m, module, n]);
        v
    }

    #[test]
    fn math_matches_cpython() {
        let mut vm = vm();
        let sqrt = attribute(&mut vm, "math", "sqrt");
        let r = vm.call(sqrt, &[int(16)]).unwrap();
        assert_eq!(vm.repr(r).unwrap(), "4.0");
        assert!(vm.call(sqrt, &[int(-1)]).is_err(), "math domain error");
        let raised = vm.take_raised();
        assert!(vm.format_exception(raised, &|_, _| None).ends_with("ValueError: math domain error\n"));
        let floor = attribute(&mut vm, "math", "floor");
        let x = vm.new_float(-2.5).unwrap();
        assert_eq!(vm.call(floor, &[x]).unwrap(), int(-3));
        let pi = attribute(&mut vm, "math", "pi");
        assert_eq!(vm.repr(pi).unwrap(), "3.141592653589793");
        let factorial = attribute(&mut vm, "math", "factorial");
        let f = vm.call(factorial, &[int(20)]).unwrap();
        assert_eq!(vm.as_int(f), Some(2_432_902_008_176_640_000));
        vm.release_all(&[sqrt, r, raised, floor, x, pi, factorial, f]);
    }

    #[test]
    fn unknown_modules_and_attributes_are_clear_errors() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let name = vm.intern_str("no_such_module").unwrap();
        let e = vm.import_module(name).unwrap_err();
        let e = vm.raise_error(e);
        assert_eq!(e, crate::Error::Raised);
        let raised = vm.take_raised();
        assert_eq!(
            vm.format_exception(raised, &|_, _| None),
            "ModuleNotFoundError: No module named 'no_such_module'\n"
        );
        let math = vm.intern_str("math").unwrap();
        let module = vm.import_module(math).unwrap();
        let missing = vm.intern_str("nope").unwrap();
        let e = vm.get_attribute(module, missing).unwrap_err();
        let e = vm.raise_error(e);
        assert_eq!(e, crate::Error::Raised);
        let raised2 = vm.take_raised();
        assert_eq!(
            vm.format_exception(raised2, &|_, _| None),
            "AttributeError: module 'math' has no attribute 'nope'\n"
        );
        vm.release_all(&[name, raised, math, module, missing, raised2]);
        vm.clear_modules();
    }
}
