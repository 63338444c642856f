//! `range` objects, the iterators over built-in containers, and the lazy iterators the
//! builtins make (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`).
//!
//! ```text
//! range (32 bytes):     +8 start: i64  +16 stop: i64  +24 step: i64 (never 0)
//! iterator (16 bytes):  +8 source (owned)  +12 position: u32 (over an instance: the next
//!   `__getitem__` index, the old sequence protocol; u32::MAX once it raised IndexError)
//!   over a dict, dict view or set (20 bytes, header flags bit 0): +16 its size when
//!   iteration began (u32::MAX once a change was seen, so every later step raises too)
//! enumerate (20 bytes): +8 iterator  +12 next index: i64
//! zip (12 bytes):       +8 tuple of iterators       (header flags bit 0: strict)
//! map (16 bytes):       +8 function  +12 tuple of iterators
//! filter (16 bytes):    +8 predicate (None: the item's truth)  +12 iterator
//! reversed (20 bytes):  +8 sequence (NULL once exhausted)  +12 position: i64
//! callable_iterator (16 bytes): +8 callable (NULL once exhausted)  +12 sentinel
//! ```
//!
//! One iterator layout serves every built-in source: the position is an item index for
//! lists, tuples and ranges, a byte offset for strings, an entry position for dicts and a
//! slot for sets. Like CPython's, a list iterator sees items appended while it runs, and
//! one over a dict or set raises `RuntimeError` once the size of what it walks changed.
//!
//! The lazy iterators hold owned references in every value slot, and pull from their
//! inputs one item per `next`, calling script code (`map`'s function, a generator) through
//! a nested interpreter run. A reversed position counts the items not yet produced (the
//! next item is at `position - 1`); for a str it is the byte offset where they end.
//! `reversed` over a dict or dict view iterates a snapshot tuple taken when it is made.
//! Like CPython's, `zip`, `map`, `enumerate` and `filter` do not latch once exhausted (they
//! ask their inputs again), while `reversed` and `callable_iterator` drop their source.

use crate::bytecode::Op;
use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::vec::Vec;

pub(crate) const RANGE_BYTES: u32 = 32;
pub(crate) const ITERATOR_BYTES: u32 = 16;
const ENUMERATE_BYTES: u32 = 20;
const ZIP_BYTES: u32 = 12;
const MAP_BYTES: u32 = 16;
const FILTER_BYTES: u32 = 16;
const REVERSED_BYTES: u32 = 20;
const CALL_ITERATOR_BYTES: u32 = 16;
/// Header flag of an iterator over a dict, dict view or set: it stores the size to check.
const ITERATOR_SIZED: u8 = 1;
/// Header flag of a zip: `strict=True`.
const ZIP_STRICT: u8 = 1;

/// The object size of a lazy iterator kind.
pub(crate) fn lazy_bytes(kind: Kind) -> u32 {
    match kind {
        Kind::Enumerate => ENUMERATE_BYTES,
        Kind::Zip => ZIP_BYTES,
        Kind::Map => MAP_BYTES,
        Kind::Filter => FILTER_BYTES,
        Kind::Reversed => REVERSED_BYTES,
        _ => CALL_ITERATOR_BYTES,
    }
}

/// The value slots (owned references) of a lazy iterator kind.
pub(crate) fn lazy_slots(kind: Kind) -> &'static [u32] {
    match kind {
        Kind::Enumerate | Kind::Zip | Kind::Reversed => &[8],
        _ => &[8, 12],
    }
}

/// Whether `kind` is an iterator implemented here (`next` works on it, `iter` returns it).
pub(crate) fn is_native_iterator(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Iterator | Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIterator
    )
}

/// Raises an exception of `ty` with message `text`; before the builtins exist (no
/// exception classes yet), returns `fallback` instead.
pub(crate) fn raise_text(vm: &mut Vm, ty: ExceptionType, text: &str, fallback: Error) -> Error {
    let class = vm.exception_class(ty);
    if class == Value::NULL {
        return fallback;
    }
    let made = vm.new_str(text).and_then(|message| {
        let e = vm.new_exception(class, &[message]);
        vm.release(message);
        e
    });
    match made {
        Ok(exception) => vm.raise(exception),
        Err(e) => e,
    }
}

/// Whether `e` is a raised exception of class `ty` (or a subclass); if so it is taken
/// and dropped, as a loop that ends on it does.
pub(crate) fn swallow_raised(vm: &mut Vm, e: Error, ty: ExceptionType) -> bool {
    let matches = match e {
        Error::Raised => {
            let class = vm.exception_class(ty);
            class != Value::NULL && vm.is_instance(vm.raised, class)
        }
        Error::Index(_) => ty == ExceptionType::IndexError,
        Error::Attribute { .. } | Error::ModuleAttribute { .. } | Error::NoSetter { .. } => {
            ty == ExceptionType::AttributeError
        }
        _ => false,
    };
    if matches && e == Error::Raised {
        let exception = vm.take_raised();
        vm.release(exception);
    }
    matches
}

/// `TypeError: 'int' object is not iterable`.
pub(crate) fn not_iterable(vm: &mut Vm, v: Value) -> Error {
    let text = format!("'{}' object is not iterable", vm.type_name_of(v));
    raise_text(vm, ExceptionType::TypeError, &text, Error::Type("object is not iterable"))
}

impl Vm {
    /// `range(start, stop, step)`; `ValueError` for a zero step.
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> Result<Value> {
        if step == 0 {
            return Err(Error::Value("range() arg 3 must not be zero"));
        }
        let at = self.heap.new_object(Kind::Range, RANGE_BYTES)?;
        let r = self.heap.region_mut();
        r.write_i64(at + 8, start);
        r.write_i64(at + 16, stop);
        r.write_i64(at + 24, step);
        Ok(Value::from_offset(at))
    }

    /// `(start, stop, step)` of a range object.
    pub(crate) fn range_parts(&self, at: u32) -> (i64, i64, i64) {
        let r = self.heap.region();
        (r.read_i64(at + 8), r.read_i64(at + 16), r.read_i64(at + 24))
    }

    /// `len(range)`, as Python computes it.
    pub(crate) fn range_len(&self, at: u32) -> i64 {
        let (start, stop, step) = self.range_parts(at);
        let (lo, hi, step) = if step > 0 { (start, stop, step) } else { (stop, start, -step) };
        if lo >= hi {
            0
        } else {
            ((i128::from(hi) - i128::from(lo) - 1) / i128::from(step) + 1) as i64
        }
    }

    /// `iter(v)` for a built-in iterable (an iterator returns itself).
    pub fn iter(&mut self, v: Value) -> Result<Value> {
        match self.kind_of(v) {
            Some(kind) if kind == Kind::Generator || is_native_iterator(kind) => {
                self.heap.incref(v);
                Ok(v)
            }
            Some(Kind::List | Kind::Tuple | Kind::Str | Kind::Range) => {
                let at = self.heap.new_object(Kind::Iterator, ITERATOR_BYTES)?;
                self.heap.incref(v);
                self.heap.write_value(at + 8, v);
                self.heap.region_mut().write_u32(at + 12, 0);
                Ok(Value::from_offset(at))
            }
            Some(Kind::Dict | Kind::Set | Kind::DictView) => {
                let at = self.heap.new_object(Kind::Iterator, ITERATOR_BYTES + 4)?;
                self.heap.set_flags(at, ITERATOR_SIZED);
                self.heap.incref(v);
                self.heap.write_value(at + 8, v);
                let size = self.walked_size(v);
                let r = self.heap.region_mut();
                r.write_u32(at + 12, 0);
                r.write_u32(at + 16, size);
                Ok(Value::from_offset(at))
            }
            // The old sequence protocol: `__getitem__(0)`, `(1)`, ... until IndexError.
            Some(Kind::Instance) if self.script_dunder(v, "__getitem__")?.is_some() => {
                let at = self.heap.new_object(Kind::Iterator, ITERATOR_BYTES)?;
                self.heap.incref(v);
                self.heap.write_value(at + 8, v);
                self.heap.region_mut().write_u32(at + 12, 0);
                Ok(Value::from_offset(at))
            }
            Some(Kind::Instance) if self.builtin_base(v).is_some() => self.iter(self.through_base(v)),
            _ => Err(not_iterable(self, v)),
        }
    }

    /// For `for` loops: the next item (owned; `None` at the end) when `iterator` walks a
    /// range, list or tuple, the loops that matter most; `None` for every other iterator
    /// (`next` handles those). Same results as `next`, minus its general dispatch.
    #[inline]
    pub(crate) fn next_of_range_or_sequence(&mut self, iterator: Value) -> Option<Result<Option<Value>>> {
        let at = iterator.as_object().filter(|&at| self.heap.is_kind(at, Kind::Iterator))?;
        let source = self.heap.read_value(at + 8).as_object()?;
        let position = self.heap.region().read_u32(at + 12);
        let item = match self.heap.kind(source) {
            Kind::Range => {
                let (start, stop, step) = self.range_parts(source);
                // A value past i64 is past `stop` too.
                let value = step.checked_mul(i64::from(position)).and_then(|offset| start.checked_add(offset));
                match value {
                    Some(v) if (step > 0 && v < stop) || (step < 0 && v > stop) => match self.new_int(v) {
                        Ok(item) => Some(item),
                        Err(e) => return Some(Err(e)),
                    },
                    _ => None,
                }
            }
            Kind::List | Kind::Tuple => {
                let sequence = Value::from_offset(source);
                (position < self.sequence_len(sequence)).then(|| {
                    let item = self.sequence_item(sequence, position);
                    self.heap.incref(item);
                    item
                })
            }
            _ => return None,
        };
        if item.is_some() {
            self.heap.region_mut().write_u32(at + 12, position + 1);
        }
        Some(Ok(item))
    }

    /// The next item of an iterator (owned), or `None` when it is exhausted.
    pub fn next(&mut self, iterator: Value) -> Result<Option<Value>> {
        let at = match self.kind_of(iterator) {
            Some(Kind::Iterator) => iterator.as_object().unwrap_or_default(),
            Some(Kind::Enumerate) => return self.enumerate_next(iterator),
            Some(Kind::Zip) => return self.zip_next(iterator),
            Some(Kind::Map) => return self.map_next(iterator),
            Some(Kind::Filter) => return self.filter_next(iterator),
            Some(Kind::Reversed) => return self.reversed_next(iterator),
            Some(Kind::CallIterator) => return self.call_iterator_next(iterator),
            _ => return Err(Error::Type("expected an iterator")),
        };
        let source = self.heap.read_value(at + 8);
        let mut position = self.heap.region().read_u32(at + 12);
        if self.heap.flags(at) & ITERATOR_SIZED != 0 && self.walked_size(source) != self.heap.region().read_u32(at + 16)
        {
            self.heap.region_mut().write_u32(at + 16, u32::MAX);
            return Err(Error::Runtime(if self.kind_of(source) == Some(Kind::Set) {
                "Set changed size during iteration"
            } else {
                "dictionary changed size during iteration"
            }));
        }
        let item = match self.kind_of(source) {
            Some(Kind::List | Kind::Tuple) => {
                if position < self.sequence_len(source) {
                    let item = self.sequence_item(source, position);
                    position += 1;
                    self.heap.incref(item);
                    Some(item)
                } else {
                    None
                }
            }
            Some(Kind::Range) => {
                let (start, stop, step) = self.range_parts(source.as_object().unwrap_or_default());
                // A value past i64 is past `stop` too.
                let value = step.checked_mul(i64::from(position)).and_then(|offset| start.checked_add(offset));
                match value {
                    Some(v) if (step > 0 && v < stop) || (step < 0 && v > stop) => {
                        position += 1;
                        Some(self.new_int(v)?)
                    }
                    _ => None,
                }
            }
            Some(Kind::Str) => {
                let text = self.as_str(source).unwrap_or("");
                match text[position as usize..].chars().next() {
                    Some(c) => {
                        position += c.len_utf8() as u32;
                        let mut buffer = [0u8; 4];
                        Some(self.new_str(c.encode_utf8(&mut buffer))?)
                    }
                    None => None,
                }
            }
            Some(Kind::Dict) => match self.dict_next(source, &mut position) {
                Some((key, _)) => {
                    self.heap.incref(key);
                    Some(key)
                }
                None => None,
            },
            Some(Kind::DictView) => self.dict_view_next(source.as_object().unwrap_or_default(), &mut position)?,
            Some(Kind::Set) => match self.set_next(source, &mut position) {
                Some(key) => {
                    self.heap.incref(key);
                    Some(key)
                }
                None => None,
            },
            Some(Kind::Instance) if position != SEQUENCE_DONE => {
                let key = self.new_int(i64::from(position))?;
                let got = self.get_item_any(source, key);
                self.release(key);
                match got {
                    Ok(item) => {
                        position += 1;
                        Some(item)
                    }
                    Err(e) if swallow_raised(self, e, ExceptionType::IndexError) => {
                        position = SEQUENCE_DONE;
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            _ => None,
        };
        self.heap.region_mut().write_u32(at + 12, position);
        Ok(item)
    }

    /// The size of the dict or set an iterator walks (for a view, its dict's).
    fn walked_size(&self, source: Value) -> u32 {
        match self.kind_of(source) {
            Some(Kind::Set) => self.set_len(source),
            Some(Kind::DictView) => self.dict_len(self.dict_view_dict(source.as_object().unwrap_or_default())),
            _ => self.dict_len(source),
        }
    }

    /// The object size of the iterator at `at`.
    pub(crate) fn iterator_bytes(&self, at: u32) -> u32 {
        if self.heap.flags(at) & ITERATOR_SIZED != 0 {
            ITERATOR_BYTES + 4
        } else {
            ITERATOR_BYTES
        }
    }

    pub(crate) fn destroy_iterator(&mut self, at: u32, dead: &mut DeadStack) {
        let source = self.heap.read_value(at + 8);
        dead.release(&mut self.heap, source);
        let bytes = self.iterator_bytes(at);
        self.heap.free_object(at, Kind::Iterator, bytes);
    }
}

/// The position of a sequence-protocol iterator once `__getitem__` raised IndexError.
const SEQUENCE_DONE: u32 = u32::MAX;

/// Lazy iterators: construction and `next`.
impl Vm {
    /// A lazy iterator of `kind` holding `values` (owned: moved into its slots, released
    /// if the allocation fails).
    fn new_lazy(&mut self, kind: Kind, values: &[Value]) -> Result<u32> {
        match self.heap.new_object(kind, lazy_bytes(kind)) {
            Ok(at) => {
                for (&slot, &v) in lazy_slots(kind).iter().zip(values) {
                    self.heap.write_value(at + slot, v);
                }
                Ok(at)
            }
            Err(e) => {
                self.release_all(values);
                Err(e.into())
            }
        }
    }

    /// `iter(v)` for each of `iterables` (owned iterators, in order).
    fn iterators_of(&mut self, iterables: &[Value]) -> Result<Vec<Value>> {
        let mut its = Vec::with_capacity(iterables.len());
        for &v in iterables {
            match self.iter_any(v) {
                Ok(it) => its.push(it),
                Err(e) => {
                    self.release_all(&its);
                    return Err(e);
                }
            }
        }
        Ok(its)
    }

    /// A tuple of the iterators of `iterables` (owned).
    fn iterator_tuple(&mut self, iterables: &[Value]) -> Result<Value> {
        let its = self.iterators_of(iterables)?;
        let tuple = self.new_tuple(&its);
        self.release_all(&its);
        tuple
    }

    /// `enumerate(iterable, start)`.
    pub fn new_enumerate(&mut self, iterable: Value, start: i64) -> Result<Value> {
        let it = self.iter_any(iterable)?;
        let at = self.new_lazy(Kind::Enumerate, &[it])?;
        self.heap.region_mut().write_i64(at + 12, start);
        Ok(Value::from_offset(at))
    }

    /// `zip(*iterables, strict=strict)`.
    pub fn new_zip(&mut self, iterables: &[Value], strict: bool) -> Result<Value> {
        let tuple = self.iterator_tuple(iterables)?;
        let at = self.new_lazy(Kind::Zip, &[tuple])?;
        self.heap.set_flags(at, if strict { ZIP_STRICT } else { 0 });
        Ok(Value::from_offset(at))
    }

    /// `map(function, *iterables)` (at least one iterable).
    pub fn new_map(&mut self, function: Value, iterables: &[Value]) -> Result<Value> {
        let tuple = self.iterator_tuple(iterables)?;
        self.heap.incref(function);
        self.new_lazy(Kind::Map, &[function, tuple]).map(Value::from_offset)
    }

    /// `filter(predicate, iterable)`; a None predicate keeps the true items.
    pub fn new_filter(&mut self, predicate: Value, iterable: Value) -> Result<Value> {
        let it = self.iter_any(iterable)?;
        self.heap.incref(predicate);
        self.new_lazy(Kind::Filter, &[predicate, it]).map(Value::from_offset)
    }

    /// `iter(callable, sentinel)`.
    pub fn new_call_iterator(&mut self, callable: Value, sentinel: Value) -> Result<Value> {
        self.heap.incref(callable);
        self.heap.incref(sentinel);
        self.new_lazy(Kind::CallIterator, &[callable, sentinel]).map(Value::from_offset)
    }

    /// `reversed(seq)`: a reversed iterator over a list, tuple, str, range, dict or dict
    /// view, whatever an instance's `__reversed__` returns, or a reversed iterator over an
    /// instance with `__len__` and `__getitem__`.
    pub fn new_reversed(&mut self, seq: Value) -> Result<Value> {
        let (source, position) = match self.kind_of(seq) {
            Some(Kind::List | Kind::Tuple) => {
                self.heap.incref(seq);
                (seq, i64::from(self.sequence_len(seq)))
            }
            Some(Kind::Str) => {
                self.heap.incref(seq);
                (seq, self.as_str(seq).map_or(0, str::len) as i64)
            }
            Some(Kind::Range) => {
                self.heap.incref(seq);
                (seq, self.range_len(seq.as_object().unwrap_or_default()))
            }
            Some(Kind::Dict | Kind::DictView) => {
                let items = self.collect(seq)?;
                let snapshot = self.new_tuple(&items);
                self.release_all(&items);
                let snapshot = snapshot?;
                (snapshot, i64::from(self.tuple_len(snapshot)))
            }
            Some(Kind::Instance) => {
                if let Some(method) = self.script_dunder(seq, "__reversed__")? {
                    return self.call(method, &[seq]);
                }
                let n = match self.script_dunder(seq, "__getitem__")? {
                    Some(_) => self.length(seq)?,
                    None => None,
                };
                let Some(n) = n else {
                    return match self.builtin_base(seq) {
                        Some(base) => self.new_reversed(base),
                        None => Err(self.not_reversible(seq)),
                    };
                };
                self.heap.incref(seq);
                (seq, n)
            }
            _ => return Err(self.not_reversible(seq)),
        };
        let at = self.new_lazy(Kind::Reversed, &[source])?;
        self.heap.region_mut().write_i64(at + 12, position);
        Ok(Value::from_offset(at))
    }

    fn not_reversible(&mut self, v: Value) -> Error {
        let text = format!("'{}' object is not reversible", self.type_name_of(v));
        raise_text(self, ExceptionType::TypeError, &text, Error::Type("object is not reversible"))
    }

    fn enumerate_next(&mut self, e: Value) -> Result<Option<Value>> {
        let at = e.as_object().unwrap_or_default();
        let index = self.heap.region().read_i64(at + 12);
        let Some(item) = self.next_any(self.heap.read_value(at + 8))? else { return Ok(None) };
        let pair = match index.checked_add(1) {
            Some(next) => {
                self.heap.region_mut().write_i64(at + 12, next);
                self.new_int(index).and_then(|i| {
                    let pair = self.new_tuple(&[i, item]);
                    self.release(i);
                    pair
                })
            }
            None => Err(Error::Overflow("enumerate index too large for mote's 64-bit ints")),
        };
        self.release(item);
        pair.map(Some)
    }

    /// One item from each iterator of `tuple` (owned), or `None` at the first exhausted
    /// one (with its position).
    fn next_of_each(&mut self, tuple: Value) -> Result<core::result::Result<Vec<Value>, u32>> {
        let n = self.tuple_len(tuple);
        let mut items = Vec::with_capacity(n as usize);
        for i in 0..n {
            match self.next_any(self.tuple_item(tuple, i)) {
                Ok(Some(v)) => items.push(v),
                Ok(None) => {
                    self.release_all(&items);
                    return Ok(Err(i));
                }
                Err(e) => {
                    self.release_all(&items);
                    return Err(e);
                }
            }
        }
        Ok(Ok(items))
    }

    fn zip_next(&mut self, z: Value) -> Result<Option<Value>> {
        let at = z.as_object().unwrap_or_default();
        let tuple = self.heap.read_value(at + 8);
        if self.tuple_len(tuple) == 0 {
            return Ok(None);
        }
        let exhausted = match self.next_of_each(tuple)? {
            Ok(items) => {
                let t = self.new_tuple(&items);
                self.release_all(&items);
                return t.map(Some);
            }
            Err(i) => i,
        };
        if self.heap.flags(at) & ZIP_STRICT == 0 {
            return Ok(None);
        }
        let plural =
            |i: u32| if i == 1 { alloc::string::String::from("argument 1") } else { format!("arguments 1-{i}") };
        if exhausted > 0 {
            let text = format!("zip() argument {} is shorter than {}", exhausted + 1, plural(exhausted));
            return Err(raise_text(
                self,
                ExceptionType::ValueError,
                &text,
                Error::Value("zip() arguments differ in length"),
            ));
        }
        for i in 1..self.tuple_len(tuple) {
            if let Some(item) = self.next_any(self.tuple_item(tuple, i))? {
                self.release(item);
                let text = format!("zip() argument {} is longer than {}", i + 1, plural(i));
                return Err(raise_text(
                    self,
                    ExceptionType::ValueError,
                    &text,
                    Error::Value("zip() arguments differ in length"),
                ));
            }
        }
        Ok(None)
    }

    fn map_next(&mut self, m: Value) -> Result<Option<Value>> {
        let at = m.as_object().unwrap_or_default();
        let Ok(items) = self.next_of_each(self.heap.read_value(at + 12))? else { return Ok(None) };
        let result = self.call(self.heap.read_value(at + 8), &items);
        self.release_all(&items);
        result.map(Some)
    }

    fn filter_next(&mut self, f: Value) -> Result<Option<Value>> {
        let at = f.as_object().unwrap_or_default();
        loop {
            let Some(item) = self.next_any(self.heap.read_value(at + 12))? else { return Ok(None) };
            let predicate = self.heap.read_value(at + 8);
            let keep = if predicate == Value::NONE {
                self.truth(item)
            } else {
                self.call(predicate, &[item]).and_then(|r| {
                    let t = self.truth(r);
                    self.release(r);
                    t
                })
            };
            match keep {
                Ok(true) => return Ok(Some(item)),
                Ok(false) => self.release(item),
                Err(e) => {
                    self.release(item);
                    return Err(e);
                }
            }
        }
    }

    /// Drops the source of a reversed or callable iterator: it is exhausted for good.
    fn latch_exhausted(&mut self, at: u32) {
        let source = self.heap.read_value(at + 8);
        self.heap.write_value(at + 8, Value::NULL);
        self.release(source);
    }

    fn reversed_next(&mut self, r: Value) -> Result<Option<Value>> {
        let at = r.as_object().unwrap_or_default();
        let seq = self.heap.read_value(at + 8);
        let position = self.heap.region().read_i64(at + 12);
        if seq == Value::NULL || position <= 0 {
            if seq != Value::NULL {
                self.latch_exhausted(at);
            }
            return Ok(None);
        }
        let item = match self.kind_of(seq) {
            Some(Kind::List | Kind::Tuple) => {
                // Like CPython's, a reversed list iterator stops if the list shrank under it.
                if position > i64::from(self.sequence_len(seq)) {
                    None
                } else {
                    let item = self.sequence_item(seq, (position - 1) as u32);
                    self.heap.incref(item);
                    Some((item, position - 1))
                }
            }
            Some(Kind::Str) => {
                let text = self.as_str(seq).unwrap_or("");
                match text.get(..position as usize).and_then(|t| t.chars().next_back()) {
                    Some(c) => {
                        let mut buffer = [0u8; 4];
                        let item = self.new_str(c.encode_utf8(&mut buffer))?;
                        Some((item, position - c.len_utf8() as i64))
                    }
                    None => None,
                }
            }
            Some(Kind::Range) => {
                let (start, _, step) = self.range_parts(seq.as_object().unwrap_or_default());
                let value = i128::from(start) + i128::from(step) * i128::from(position - 1);
                Some((self.new_int_checked(value)?, position - 1))
            }
            _ => {
                let key = self.new_int(position - 1)?;
                let got = self.get_item_any(seq, key);
                self.release(key);
                match got {
                    Ok(item) => Some((item, position - 1)),
                    Err(e) if swallow_raised(self, e, ExceptionType::IndexError) => None,
                    Err(e) if swallow_raised(self, e, ExceptionType::StopIteration) => None,
                    Err(e) => return Err(e),
                }
            }
        };
        match item {
            Some((item, next)) => {
                self.heap.region_mut().write_i64(at + 12, next);
                Ok(Some(item))
            }
            None => {
                self.latch_exhausted(at);
                Ok(None)
            }
        }
    }

    fn call_iterator_next(&mut self, c: Value) -> Result<Option<Value>> {
        let at = c.as_object().unwrap_or_default();
        let callable = self.heap.read_value(at + 8);
        if callable == Value::NULL {
            return Ok(None);
        }
        let v = match self.call(callable, &[]) {
            Ok(v) => v,
            Err(e) if swallow_raised(self, e, ExceptionType::StopIteration) => {
                self.latch_exhausted(at);
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let sentinel = self.heap.read_value(at + 12);
        let ended = v == sentinel
            || self.compare_op(Op::Eq, v, sentinel).and_then(|r| {
                let t = self.truth(r);
                self.release(r);
                t
            })?;
        if ended {
            self.release(v);
            // The call may have exhausted it already (a nested next).
            if self.heap.read_value(at + 8) != Value::NULL {
                self.latch_exhausted(at);
            }
            return Ok(None);
        }
        Ok(Some(v))
    }

    pub(crate) fn destroy_lazy_iterator(&mut self, at: u32, kind: Kind, dead: &mut DeadStack) {
        for &slot in lazy_slots(kind) {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free_object(at, kind, lazy_bytes(kind));
    }
}
#[cfg(test)]
mod tests {
    use crate::test_support::{int, vm};
    use crate::Value;
    use alloc::vec::Vec;

    fn drain(vm: &mut crate::Vm, v: crate::Value) -> Vec<crate::Value> {
        let it = vm.iter(v).unwrap();
        let mut out = Vec::new();
        while let Some(item) = vm.next(it).unwrap() {
            out.push(item);
        }
        vm.release(it);
        out
    }

    #[test]
    fn ranges_count_like_python() {
        let mut vm = vm();
        // python3 -c 'print([len(range(*a)) for a in [(0,10,3),(10,0,-3),(5,5,1),(0,-5,1),(-3,3,2)]])'
        for ((start, stop, step), len) in
            [((0, 10, 3), 4), ((10, 0, -3), 4), ((5, 5, 1), 0), ((0, -5, 1), 0), ((-3, 3, 2), 3)]
        {
            let r = vm.new_range(start, stop, step).unwrap();
            let items = drain(&mut vm, r);
            assert_eq!(items.len() as i64, len);
            assert_eq!(vm.range_len(r.as_object().unwrap()), len);
            if let Some(first) = items.first() {
                assert_eq!(vm.as_int(*first), Some(start));
            }
            vm.release(r);
        }
        assert!(vm.new_range(0, 1, 0).is_err());
    }

    #[test]
    fn every_container_iterates() {
        let mut vm = vm();
        let l = vm.new_list(&[int(1), int(2)]).unwrap();
        assert_eq!(drain(&mut vm, l), [int(1), int(2)]);
        let s = vm.new_str("hé!").unwrap();
        let chars = drain(&mut vm, s);
        let texts: Vec<&str> = chars.iter().map(|c| vm.as_str(*c).unwrap()).collect();
        assert_eq!(texts, ["h", "é", "!"]);
        vm.release_all(&chars);
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, int(5), int(6)).unwrap();
        assert_eq!(drain(&mut vm, d), [int(5)]);
        // python3: a dict or set that changes size under its iterator raises RuntimeError.
        let it = vm.iter(d).unwrap();
        assert_eq!(vm.getsizeof(it), 24, "20 bytes: the size it started with");
        vm.dict_set(d, int(5), int(7)).unwrap();
        assert_eq!(vm.next(it).unwrap(), Some(int(5)), "same size: fine");
        vm.dict_set(d, int(6), int(7)).unwrap();
        let changed = crate::Error::Runtime("dictionary changed size during iteration");
        assert_eq!(vm.next(it), Err(changed));
        vm.dict_delete(d, int(6)).unwrap();
        assert_eq!(vm.next(it), Err(changed), "once raised, it keeps raising");
        vm.release(it);
        let set = vm.new_set(&[int(1)]).unwrap();
        let it = vm.iter(set).unwrap();
        vm.set_add(set, int(2)).unwrap();
        assert_eq!(vm.next(it), Err(crate::Error::Runtime("Set changed size during iteration")));
        vm.release_all(&[it, set]);
        assert!(vm.iter(int(3)).is_err());
        vm.release_all(&[l, s, d]);
        assert_eq!(vm.bytes_in_use(), 0);
    }

    fn negate(vm: &mut crate::Vm, args: &[crate::Value]) -> crate::error::Result<crate::Value> {
        vm.new_int(-vm.as_int(args[0]).unwrap_or(0))
    }

    fn always_zero(_: &mut crate::Vm, _: &[crate::Value]) -> crate::error::Result<crate::Value> {
        Ok(int(0))
    }

    #[test]
    fn lazy_iterators_pull_one_item_at_a_time() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        // The intern table may grow along the way; it is a VM-wide cache, not a leak.
        let in_use =
            |vm: &crate::test_support::TestVm| vm.bytes_in_use() - vm.subsystem(crate::Subsystem::Intern).live_bytes;
        let base = in_use(&vm);
        let l = vm.new_list(&[int(1), int(2), int(3)]).unwrap();
        let s = vm.new_str("hé!").unwrap();
        let r = vm.new_range(10, 0, -3).unwrap();

        let e = vm.new_enumerate(l, 5).unwrap();
        assert_eq!(vm.getsizeof(e), 24);
        assert!(vm.repr(e).unwrap().starts_with("<enumerate object at 0x"));
        assert_eq!(vm.iter(e).unwrap(), e, "an iterator is its own iterator");
        vm.release(e);
        let pairs = drain(&mut vm, e);
        let texts: Vec<alloc::string::String> = pairs.iter().map(|&p| vm.repr(p).unwrap()).collect();
        assert_eq!(texts, ["(5, 1)", "(6, 2)", "(7, 3)"]);
        vm.release_all(&pairs);
        vm.release(e);

        let z = vm.new_zip(&[l, s, r], false).unwrap();
        assert_eq!(vm.getsizeof(z), 16);
        let rows = drain(&mut vm, z);
        let texts: Vec<alloc::string::String> = rows.iter().map(|&p| vm.repr(p).unwrap()).collect();
        assert_eq!(texts, ["(1, 'h', 10)", "(2, 'é', 7)", "(3, '!', 4)"]);
        assert_eq!(vm.next(z).unwrap(), None, "exhausted stays exhausted");
        vm.release_all(&rows);
        vm.release(z);
        let empty = vm.new_zip(&[], false).unwrap();
        assert_eq!(vm.next(empty).unwrap(), None);
        vm.release(empty);

        let f = vm.new_native("negate", negate).unwrap();
        let m = vm.new_map(f, &[r]).unwrap();
        assert_eq!(drain(&mut vm, m), [int(-10), int(-7), int(-4), int(-1)]);
        vm.release(m);

        let mixed = vm.new_list(&[int(0), int(4), Value::NONE, s, Value::FALSE]).unwrap();
        let kept = vm.new_filter(Value::NONE, mixed).unwrap();
        let truthy = drain(&mut vm, kept);
        assert_eq!(truthy, [int(4), s]);
        vm.release_all(&truthy);
        vm.release(kept);
        let negated = vm.new_filter(f, mixed).unwrap();
        assert_eq!(drain(&mut vm, negated), [int(4)], "negate(x) is true only for the nonzero int");

        for (source, expected) in [(l, "[3, 2, 1]"), (s, "['!', 'é', 'h']"), (r, "[1, 4, 7, 10]")] {
            let rev = vm.new_reversed(source).unwrap();
            assert_eq!(vm.getsizeof(rev), 24);
            let items = drain(&mut vm, rev);
            let list = vm.new_list(&items).unwrap();
            assert_eq!(vm.repr(list).unwrap(), expected);
            assert_eq!(vm.next(rev).unwrap(), None);
            vm.release_all(&items);
            vm.release_all(&[list, rev]);
        }
        let d = vm.new_dict().unwrap();
        vm.dict_set(d, int(1), int(2)).unwrap();
        vm.dict_set(d, int(3), int(4)).unwrap();
        let rev = vm.new_reversed(d).unwrap();
        assert_eq!(drain(&mut vm, rev), [int(3), int(1)]);
        vm.release(rev);
        assert!(vm.new_reversed(int(5)).is_err());
        let raised = vm.take_raised();
        vm.release(raised);

        let zero = vm.new_native("zero", always_zero).unwrap();
        let c = vm.new_call_iterator(zero, int(0)).unwrap();
        assert_eq!(vm.next(c).unwrap(), None, "the first call gives the sentinel");
        assert_eq!(vm.next(c).unwrap(), None);
        vm.release(c);
        let c = vm.new_call_iterator(zero, int(1)).unwrap();
        assert_eq!(vm.next(c).unwrap(), Some(int(0)));
        vm.release(c);

        vm.release_all(&[l, s, r, f, mixed, negated, d, zero]);
        assert_eq!(in_use(&vm), base);
    }

    #[test]
    fn strict_zip_names_the_odd_argument() {
        let mut vm = vm();
        vm.ensure_builtins().unwrap();
        let one = vm.new_list(&[int(1)]).unwrap();
        let two = vm.new_list(&[int(1), int(2)]).unwrap();
        for (inputs, message) in [
            ([two, one, one], "zip() argument 2 is shorter than argument 1"),
            ([one, one, two], "zip() argument 3 is longer than arguments 1-2"),
        ] {
            let z = vm.new_zip(&inputs, true).unwrap();
            let first = vm.next(z).unwrap().unwrap();
            vm.release(first);
            assert_eq!(vm.next(z), Err(crate::Error::Raised));
            let exception = vm.take_raised();
            assert_eq!(vm.exception_message(exception), message);
            vm.release_all(&[exception, z]);
        }
        let fine = vm.new_zip(&[one, one], true).unwrap();
        assert_eq!(drain(&mut vm, fine).len(), 1);
        vm.release_all(&[fine, one, two]);
    }
}
