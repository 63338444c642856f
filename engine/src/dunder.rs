//! The special methods of script classes (`__add__`, `__eq__`, `__len__`, ...): where
//! the interpreter and the builtins hand an operation on an instance to script code.
//!
//! Each hook looks the method up on the instance's class (never on the instance itself,
//! as Python does) and calls it. Calls made from here run in a nested interpreter loop,
//! bounded by the same recursion limit as script calls.

use crate::bytecode::Op;
use crate::error::{Error, Result};
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// The method names of a binary operator: `(normal, reflected, in place)`.
fn binary_names(op: Op) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match op {
        Op::Add => ("__add__", "__radd__", "__iadd__"),
        Op::Sub => ("__sub__", "__rsub__", "__isub__"),
        Op::Mul => ("__mul__", "__rmul__", "__imul__"),
        Op::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        Op::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        Op::Mod => ("__mod__", "__rmod__", "__imod__"),
        Op::Pow => ("__pow__", "__rpow__", "__ipow__"),
        Op::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        Op::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        Op::BitAnd => ("__and__", "__rand__", "__iand__"),
        Op::BitOr => ("__or__", "__ror__", "__ior__"),
        Op::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        _ => return None,
    })
}

/// A comparison's method and the one of its reflection.
fn compare_names(op: Op) -> Option<(&'static str, &'static str)> {
    Some(match op {
        Op::Eq => ("__eq__", "__eq__"),
        Op::Ne => ("__ne__", "__ne__"),
        Op::Lt => ("__lt__", "__gt__"),
        Op::Le => ("__le__", "__ge__"),
        Op::Gt => ("__gt__", "__lt__"),
        Op::Ge => ("__ge__", "__le__"),
        _ => return None,
    })
}

impl Vm {
    /// The script-defined special method `name` of v's class (borrowed), if any.
    pub(crate) fn script_dunder(&mut self, v: Value, name: &str) -> Result<Option<Value>> {
        if !matches!(self.kind_of(v), Some(Kind::Instance | Kind::Exception)) {
            return Ok(None);
        }
        let key = self.intern_str(name)?;
        let found = self.class_lookup(self.type_of(v), key);
        self.release(key);
        Ok(found?.filter(|&f| self.kind_of(f) == Some(Kind::Function)))
    }

    /// `obj.name = value`, through the class's `__setattr__` if it defines one.
    pub(crate) fn set_attribute_any(&mut self, obj: Value, name: Value, value: Value) -> Result<()> {
        let hooked = self.kind_of(obj) == Some(Kind::Instance)
            && self.class_flags(self.type_of(obj).as_object().unwrap_or_default()) & crate::class::CLASS_HAS_SETATTR
                != 0;
        if hooked {
            if let Some(hook) = self.script_dunder(obj, "__setattr__")? {
                let result = self.call(hook, &[obj, name, value])?;
                self.release(result);
                return Ok(());
            }
        }
        self.set_attribute(obj, name, value)
    }

    /// Calls `v.name(*args)` if v's class defines it; `None` if it does not.
    pub(crate) fn call_dunder(&mut self, v: Value, name: &str, args: &[Value]) -> Result<Option<Value>> {
        let Some(method) = self.script_dunder(v, name)? else { return Ok(None) };
        let mut with_self = alloc::vec::Vec::with_capacity(args.len() + 1);
        with_self.push(v);
        with_self.extend_from_slice(args);
        Ok(Some(self.call(method, &with_self)?))
    }

    /// `a <op> b` (or `a <op>= b` when `in_place`) with instances' special methods,
    /// falling back to the built-in operators.
    pub(crate) fn binary_op(&mut self, op: Op, a: Value, b: Value, in_place: bool) -> Result<Value> {
        let Some((normal, reflected, inplace)) = binary_names(op) else { return self.binary(op, a, b) };
        let left = self.kind_of(a);
        if in_place {
            // Mutable containers change in place; numbers and the rest make a new value.
            match left {
                Some(Kind::List) if op == Op::Add => {
                    // list += iterable extends the list itself.
                    let items = self.collect(b)?;
                    let extended = items.iter().try_for_each(|&item| self.list_append(a, item));
                    self.release_all(&items);
                    extended?;
                    self.heap.incref(a);
                    return Ok(a);
                }
                Some(Kind::Set | Kind::Dict) => {
                    if let Some(result) = self.set_operation_in_place(op, a, b)? {
                        return Ok(result);
                    }
                }
                _ => {}
            }
        }
        let instances = left == Some(Kind::Instance) || self.kind_of(b) == Some(Kind::Instance);
        if !instances {
            return self.binary(op, a, b);
        }
        if in_place {
            if let Some(result) = self.call_dunder(a, inplace, &[b])? {
                if result != Value::NOT_IMPLEMENTED {
                    return Ok(result);
                }
            }
        }
        if let Some(result) = self.call_dunder(a, normal, &[b])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(result);
            }
        }
        if let Some(result) = self.call_dunder(b, reflected, &[a])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(result);
            }
        }
        // Instances of classes derived from built-in types operate as their base values,
        // except what `%` formats: `percent_format` decides what of it is the instance.
        let a = self.through_base(a);
        let formatted = op == Op::Mod && self.kind_of(a) == Some(Kind::Str);
        self.binary(op, a, if formatted { b } else { self.through_base(b) })
    }

    /// `a <op> b` for a comparison opcode, with instances' special methods (owned result).
    pub(crate) fn compare_op(&mut self, op: Op, a: Value, b: Value) -> Result<Value> {
        let instances =
            matches!(self.kind_of(a), Some(Kind::Instance)) || matches!(self.kind_of(b), Some(Kind::Instance));
        if instances {
            if let Some((method, reflected)) = compare_names(op) {
                if let Some(result) = self.call_dunder(a, method, &[b])? {
                    if result != Value::NOT_IMPLEMENTED {
                        return Ok(result);
                    }
                }
                if let Some(result) = self.call_dunder(b, reflected, &[a])? {
                    if result != Value::NOT_IMPLEMENTED {
                        return Ok(result);
                    }
                }
                if op == Op::Ne {
                    // No __ne__: the negation of __eq__, as Python does.
                    let equal = self.compare_op(Op::Eq, a, b)?;
                    let truth = self.truth(equal);
                    self.release(equal);
                    return Ok(Value::from_bool(!truth?));
                }
            }
        }
        let (a, b) = (self.through_base(a), self.through_base(b));
        if let Some(truth) = self.compare_containers_with_scripts(op, a, b, 0)? {
            return Ok(Value::from_bool(truth));
        }
        if matches!(op, Op::Eq | Op::Ne) && self.views_compare_as_sets(a, b) {
            // `d.keys() == {...}`: a keys or items view equals a set with the same members.
            let left = self.set_of(a)?;
            let right = self.set_of(b);
            let equal = right.and_then(|right| {
                let equal = self.equals(left, right);
                self.release(right);
                equal
            });
            self.release(left);
            return Ok(Value::from_bool(equal? == (op == Op::Eq)));
        }
        // `x == x` is false for a NaN: identity decides equality only inside containers.
        let nan_itself = a == b && self.as_float(a).is_some_and(f64::is_nan);
        let truth = match op {
            Op::Eq => !nan_itself && self.equals(a, b)?,
            Op::Ne => nan_itself || !self.equals(a, b)?,
            _ => self.compare_order(op, a, b)?,
        };
        Ok(Value::from_bool(truth))
    }

    /// `a <op> b` for two tuples, two lists or (`==`/`!=`) two dicts holding instances
    /// whose classes compare by script methods: element by element as Python does, the
    /// first unequal pair deciding an order. `None` for everything else, which compares
    /// natively.
    fn compare_containers_with_scripts(&mut self, op: Op, a: Value, b: Value, depth: u32) -> Result<Option<bool>> {
        let (Some(kind), true) = (self.kind_of(a), self.kind_of(a) == self.kind_of(b)) else { return Ok(None) };
        let comparable = match kind {
            Kind::Tuple | Kind::List => true,
            Kind::Dict | Kind::Set => matches!(op, Op::Eq | Op::Ne),
            _ => false,
        };
        if !comparable || !(self.holds_script_instances(a, 0) || self.holds_script_instances(b, 0)) {
            return Ok(None);
        }
        if depth >= crate::hash::MAX_NESTING {
            return Err(Error::Recursion("maximum recursion depth exceeded in comparison"));
        }
        if kind == Kind::Dict {
            return Ok(Some(self.dicts_equal_with_scripts(a, b, depth)? == (op == Op::Eq)));
        }
        if kind == Kind::Set {
            return Ok(Some(self.sets_equal_with_scripts(a, b)? == (op == Op::Eq)));
        }
        let mut i = 0;
        while i < self.sequence_len(a).min(self.sequence_len(b)) {
            let (x, y) = (self.sequence_item(a, i), self.sequence_item(b, i));
            i += 1;
            if x == y {
                continue;
            }
            // The script may change the containers: hold the pair while it runs.
            self.heap.incref(x);
            self.heap.incref(y);
            let decided = self.compare_truth_nested(Op::Eq, x, y, depth + 1).and_then(|equal| match (equal, op) {
                (true, _) => Ok(None),
                (false, Op::Eq) => Ok(Some(false)),
                (false, Op::Ne) => Ok(Some(true)),
                (false, _) => self.compare_truth_nested(op, x, y, depth + 1).map(Some),
            });
            self.release_all(&[x, y]);
            if let Some(truth) = decided? {
                return Ok(Some(truth));
            }
        }
        let (m, n) = (self.sequence_len(a), self.sequence_len(b));
        Ok(Some(match op {
            Op::Eq => m == n,
            Op::Ne => m != n,
            Op::Lt => m < n,
            Op::Le => m <= n,
            Op::Gt => m > n,
            _ => m >= n,
        }))
    }

    /// `a == b` for two dicts, keys found and values compared with script methods.
    fn dicts_equal_with_scripts(&mut self, a: Value, b: Value, depth: u32) -> Result<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        let mut pairs = alloc::vec::Vec::new();
        let mut position = 0;
        while let Some((key, value)) = self.dict_next(a, &mut position) {
            pairs.extend([key, value]);
        }
        for &v in &pairs {
            self.heap.incref(v);
        }
        let mut equal = Ok(true);
        for pair in pairs.chunks(2) {
            let found = match self.dict_get(b, pair[0]) {
                Ok(Some(found)) => found,
                Ok(None) => {
                    equal = Ok(false);
                    break;
                }
                Err(e) => {
                    equal = Err(e);
                    break;
                }
            };
            let same = self.compare_truth_nested(Op::Eq, pair[1], found, depth + 1);
            self.release(found);
            if !matches!(same, Ok(true)) {
                equal = same;
                break;
            }
        }
        self.release_all(&pairs);
        equal
    }

    /// `a == b` for two sets, members found with their script `__hash__` and `__eq__`.
    fn sets_equal_with_scripts(&mut self, a: Value, b: Value) -> Result<bool> {
        if self.set_len(a) != self.set_len(b) {
            return Ok(false);
        }
        let members = self.collect(a)?;
        let mut equal = Ok(true);
        for &member in &members {
            match self.set_contains(b, member) {
                Ok(true) => {}
                other => {
                    equal = other;
                    break;
                }
            }
        }
        self.release_all(&members);
        equal
    }

    /// Whether `v` is an instance whose class compares by script methods, or a tuple,
    /// list or dict (values and keys) holding one, at any depth up to the nesting limit.
    fn holds_script_instances(&self, v: Value, depth: u32) -> bool {
        if depth > crate::hash::MAX_NESTING {
            return false;
        }
        match self.kind_of(v) {
            Some(Kind::Instance) => {
                let class = self.heap.region().read_u32(v.as_object().unwrap_or_default() + 8);
                // Ordering methods are looked up by name, so any script class counts.
                class != self.builtin_type(crate::types::BuiltinType::Object).as_object().unwrap_or_default()
            }
            Some(Kind::Tuple | Kind::List) => {
                (0..self.sequence_len(v)).any(|i| self.holds_script_instances(self.sequence_item(v, i), depth + 1))
            }
            Some(Kind::Set) => {
                let mut position = 0;
                while let Some(member) = self.set_next(v, &mut position) {
                    if self.holds_script_instances(member, depth + 1) {
                        return true;
                    }
                }
                false
            }
            Some(Kind::Dict) => {
                let mut position = 0;
                while let Some((key, value)) = self.dict_next(v, &mut position) {
                    if self.holds_script_instances(key, depth + 1) || self.holds_script_instances(value, depth + 1) {
                        return true;
                    }
                }
                false
            }
            _ => false,
        }
    }

    fn views_compare_as_sets(&self, a: Value, b: Value) -> bool {
        let set_like = |v: Value| self.kind_of(v) == Some(Kind::Set) || self.is_set_like_view(v);
        (self.is_set_like_view(a) || self.is_set_like_view(b)) && set_like(a) && set_like(b)
    }

    /// `a <op> b` as a Rust bool, for natives that compare values (`sorted`, `min`, `in`).
    pub(crate) fn compare_truth(&mut self, op: Op, a: Value, b: Value) -> Result<bool> {
        self.compare_truth_nested(op, a, b, 0)
    }

    fn compare_truth_nested(&mut self, op: Op, a: Value, b: Value, depth: u32) -> Result<bool> {
        if let Some(truth) = self.compare_containers_with_scripts(op, a, b, depth)? {
            return Ok(truth);
        }
        if self.kind_of(a) != Some(Kind::Instance) && self.kind_of(b) != Some(Kind::Instance) {
            return match op {
                Op::Eq => self.equals(a, b),
                Op::Ne => self.equals(a, b).map(|equal| !equal),
                _ => self.compare_order(op, a, b),
            };
        }
        let result = self.compare_op(op, a, b)?;
        let truth = self.truth(result);
        self.release(result);
        truth
    }

    /// `-v`, `+v`, `~v` with instances' `__neg__`, `__pos__`, `__invert__`.
    pub(crate) fn unary_op(&mut self, op: Op, v: Value) -> Result<Value> {
        if self.kind_of(v) == Some(Kind::Instance) {
            let name = match op {
                Op::Neg => "__neg__",
                Op::Pos => "__pos__",
                _ => "__invert__",
            };
            if let Some(result) = self.call_dunder(v, name, &[])? {
                return Ok(result);
            }
        }
        self.unary(op, self.through_base(v))
    }

    /// `a < b`, the one question sorting asks.
    pub(crate) fn less_than(&mut self, a: Value, b: Value) -> Result<bool> {
        // Sorts and min/max compare mostly small ints and strings: those are decided here.
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(x < y);
        }
        if let (Some(x), Some(y)) = (self.str_bytes_of(a), self.str_bytes_of(b)) {
            return Ok(x < y);
        }
        self.compare_truth(Op::Lt, a, b)
    }

    /// Python's truth of any value: `__bool__`, then `__len__`, for instances.
    pub(crate) fn truth(&mut self, v: Value) -> Result<bool> {
        if self.kind_of(v) == Some(Kind::Instance) {
            if let Some(result) = self.call_dunder(v, "__bool__", &[])? {
                return match result {
                    Value::TRUE => Ok(true),
                    Value::FALSE => Ok(false),
                    other => {
                        let template = "__bool__ should return bool, returned {}";
                        let e = self.raise_error(Error::TypeOf { template, value: other });
                        self.release(other);
                        Err(e)
                    }
                };
            }
            if let Some(n) = self.length(v)? {
                return Ok(n != 0);
            }
        }
        Ok(self.is_true(self.through_base(v)))
    }

    /// `len(v)` with `__len__` for instances.
    pub(crate) fn length(&mut self, v: Value) -> Result<Option<i64>> {
        if let Some(result) = self.call_dunder(v, "__len__", &[])? {
            let n = self.as_int(result);
            self.release(result);
            return n.map(Some).ok_or(Error::Type("'__len__' returned a non-integer"));
        }
        Ok(None)
    }

    /// `container[key]` with `__getitem__` for instances.
    pub(crate) fn get_item_any(&mut self, container: Value, key: Value) -> Result<Value> {
        if self.kind_of(container) == Some(Kind::Dict) {
            // The commonest container has no special methods to look for (a slice key is
            // merely unhashable, as in CPython).
            return self.dict_get(container, key)?.ok_or(Error::Key(key));
        }
        match self.call_dunder(container, "__getitem__", &[key])? {
            Some(v) => Ok(v),
            None => match self.builtin_base(container) {
                Some(base) => match self.get_item(base, key) {
                    // A dict subclass's `__missing__` answers for absent keys.
                    Err(Error::Key(_)) if self.kind_of(base) == Some(Kind::Dict) => {
                        match self.call_dunder(container, "__missing__", &[key])? {
                            Some(v) => Ok(v),
                            None => Err(Error::Key(key)),
                        }
                    }
                    got => got,
                },
                None => self.get_item(container, key),
            },
        }
    }

    /// `container[key] = v` with `__setitem__` for instances.
    pub(crate) fn set_item_any(&mut self, container: Value, key: Value, v: Value) -> Result<()> {
        if self.kind_of(container) == Some(Kind::Dict) {
            // As in `get_item_any`.
            return self.dict_set(container, key, v);
        }
        match self.call_dunder(container, "__setitem__", &[key, v])? {
            Some(result) => {
                self.release(result);
                Ok(())
            }
            None => self.set_item(self.through_base(container), key, v),
        }
    }

    /// `del container[key]` with `__delitem__` for instances.
    pub(crate) fn delete_item_any(&mut self, container: Value, key: Value) -> Result<()> {
        match self.call_dunder(container, "__delitem__", &[key])? {
            Some(result) => {
                self.release(result);
                Ok(())
            }
            None => self.delete_item(self.through_base(container), key),
        }
    }

    /// `item in container` with `__contains__` (or iteration) for instances.
    pub(crate) fn contains_any(&mut self, container: Value, item: Value) -> Result<bool> {
        if let Some(result) = self.call_dunder(container, "__contains__", &[item])? {
            let truth = self.truth(result);
            self.release(result);
            return truth;
        }
        let container = self.through_base(container);
        if self.kind_of(container) == Some(Kind::Instance) {
            let it = self.iter_any(container)?;
            loop {
                match self.next_any(it) {
                    Ok(Some(x)) => {
                        let equal = self.compare_op(Op::Eq, x, item).and_then(|r| {
                            let t = self.truth(r);
                            self.release(r);
                            t
                        });
                        self.release(x);
                        if equal? {
                            self.release(it);
                            return Ok(true);
                        }
                    }
                    Ok(None) => {
                        self.release(it);
                        return Ok(false);
                    }
                    Err(e) => {
                        self.release(it);
                        return Err(e);
                    }
                }
            }
        }
        if matches!(self.kind_of(container), Some(Kind::List | Kind::Tuple)) {
            return self.sequence_contains(container, item);
        }
        self.contains(container, item)
    }

    /// `item in seq` for a list or tuple: identity, then `==` with instances' `__eq__`.
    fn sequence_contains(&mut self, seq: Value, item: Value) -> Result<bool> {
        let mut i = 0;
        // Re-read the length each time: an `__eq__` may change the list.
        while i < self.sequence_len(seq) {
            let element = self.sequence_item(seq, i);
            if element == item {
                return Ok(true);
            }
            // Hold the element: an `__eq__` may drop it from the list.
            self.heap.incref(element);
            let equal = self.compare_truth(Op::Eq, element, item);
            self.release(element);
            if equal? {
                return Ok(true);
            }
            i += 1;
        }
        Ok(false)
    }

    /// `iter(v)` with `__iter__` for instances.
    pub(crate) fn iter_any(&mut self, v: Value) -> Result<Value> {
        match self.call_dunder(v, "__iter__", &[])? {
            Some(it) => Ok(it),
            None => self.iter(self.through_base(v)),
        }
    }

    /// `next(it)` with `__next__` for instances: `None` once StopIteration is raised.
    pub(crate) fn next_any(&mut self, it: Value) -> Result<Option<Value>> {
        match self.kind_of(it) {
            Some(Kind::Generator) => return self.generator_next(it),
            Some(Kind::Instance) => {}
            _ => return self.next(it),
        }
        match self.call_dunder(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(Error::Type("object is not an iterator")),
            Err(Error::Raised) => {
                let stop = self.exception_class(crate::exception::ExceptionType::StopIteration);
                let raised = self.raised;
                if self.is_instance(raised, stop) {
                    let exception = self.take_raised();
                    self.release(exception);
                    Ok(None)
                } else {
                    Err(Error::Raised)
                }
            }
            Err(e) => Err(e),
        }
    }

    /// The `__call__` method of an instance (borrowed), if its class defines one.
    pub(crate) fn call_method_of(&mut self, v: Value) -> Result<Option<Value>> {
        self.script_dunder(v, "__call__")
    }
}
