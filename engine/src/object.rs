//! The object header, reference counting, and iterative destruction.
//!
//! Every heap object starts with an 8-byte header:
//!
//! ```text
//! +0 refcount: u32   (while the object is being destroyed: link to the next dead object)
//! +4 kind: u8        +5 flags: u8 (kind-specific)   +6 extra: u16 (kind-specific)
//! ```
//!
//! An object is freed the instant its count reaches zero. Destruction never recurses on
//! the native stack: dead objects are threaded into a stack through their own (now
//! unused) refcount words, and each is emptied (its children released, possibly pushing
//! more dead objects) before its blocks are freed. A million-deep nested list frees in
//! constant native stack and with no extra memory.
//!
//! Invariant: a live object's refcount equals the number of references to it held by
//! other live objects, VM roots (float cache, empty tuple) and the host.

use crate::accounting::{BlockRole, Subsystem};
use crate::closure_cycles::{is_closure_loop_end, CLOSURE_LOOP};
use crate::heap::Heap;
use crate::value::Value;
use crate::vm::Vm;

pub const HEADER_BYTES: u32 = 8;
/// A cell: the header and the variable's value (NULL while unbound).
pub(crate) const CELL_BYTES: u32 = 12;
/// An instance: the header, its class and its attribute dict (NULL until the first one).
pub(crate) const INSTANCE_BYTES: u32 = 16;
/// `super`: the header, the class to start after, the object.
pub(crate) const SUPER_BYTES: u32 = 16;
/// A method wrapper: the header and up to three functions (getter, setter, deleter for a
/// property; the function for staticmethod/classmethod). Header flags: 0 static,
/// 1 class, 2 property.
pub(crate) const WRAPPER_BYTES: u32 = 20;
/// A module: the header, its name and its namespace dict.
pub(crate) const MODULE_BYTES: u32 = 16;
/// A generator: the header, its suspended frame (offset; 0 once finished), its name,
/// its state (0 new, 1 running, 2 suspended, 3 finished).
pub(crate) const GENERATOR_BYTES: u32 = 20;

/// What an object is; stored in the header's kind byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum Kind {
    /// An int too big for an immediate: a boxed i64.
    Int = 1,
    Float = 2,
    Str = 3,
    Tuple = 4,
    List = 5,
    Dict = 6,
    Set = 7,
    /// Compiled code: bytecode, constants, names, line table.
    Code = 8,
    /// A script function: code plus globals, defaults and closure.
    Function = 9,
    /// A function implemented in Rust (a builtin or a host function).
    Native = 10,
    /// An activation record of a script function call.
    Frame = 11,
    /// `range(start, stop, step)`.
    Range = 12,
    /// An iterator over a built-in container.
    Iterator = 13,
    /// One record of a traceback: code and line, never a frame.
    Traceback = 14,
    /// A class: name, bases, method resolution order, namespace.
    Class = 15,
    /// An instance of an exception class.
    Exception = 16,
    /// A function bound to the object it was looked up on (`obj.method`).
    BoundMethod = 17,
    /// `d.keys()`, `d.values()`, `d.items()`: a live view of a dict.
    DictView = 18,
    /// A closure cell: one variable shared by a function and the functions nested in it.
    Cell = 19,
    /// An instance of a script class: its class and its attribute dict.
    Instance = 20,
    /// `super(cls, obj)`: attribute lookup along obj's MRO after cls.
    Super = 21,
    /// `staticmethod`, `classmethod` or `property` around functions (flags say which).
    Wrapper = 22,
    /// A module: its name and namespace dict.
    Module = 23,
    /// A generator: a suspended frame and its state.
    Generator = 24,
    // Lazy iterators (iterator.rs); numbered apart so concurrent additions above do not clash.
    /// `enumerate(iterable, start)`: a lazy iterator of `(index, item)` pairs.
    Enumerate = 40,
    /// `zip(*iterables)`: a lazy iterator of tuples, as long as the shortest input.
    Zip = 41,
    /// `map(f, *iterables)`: a lazy iterator of `f(*items)`.
    Map = 42,
    /// `filter(f, iterable)`: a lazy iterator of the items `f` (or truth) accepts.
    Filter = 43,
    /// `reversed(seq)`: a lazy iterator over a sequence from its end.
    Reversed = 44,
    /// `iter(callable, sentinel)`: calls `callable` until it returns `sentinel`.
    CallIterator = 45,
    /// `slice(start, stop, step)`: the object `seq[a:b:c]` hands to `__getitem__`.
    Slice = 46,
    /// `sys.stdout` / `sys.stderr`: a text stream writing to the host's output
    /// (`std_streams.rs`).
    TextStream = 50,
}

impl Kind {
    fn from_byte(byte: u8, at: u32) -> Kind {
        match byte {
            1 => Kind::Int,
            2 => Kind::Float,
            3 => Kind::Str,
            4 => Kind::Tuple,
            5 => Kind::List,
            6 => Kind::Dict,
            7 => Kind::Set,
            8 => Kind::Code,
            9 => Kind::Function,
            10 => Kind::Native,
            11 => Kind::Frame,
            12 => Kind::Range,
            13 => Kind::Iterator,
            14 => Kind::Traceback,
            15 => Kind::Class,
            16 => Kind::Exception,
            17 => Kind::BoundMethod,
            18 => Kind::DictView,
            19 => Kind::Cell,
            20 => Kind::Instance,
            21 => Kind::Super,
            22 => Kind::Wrapper,
            23 => Kind::Module,
            24 => Kind::Generator,
            40 => Kind::Enumerate,
            46 => Kind::Slice,
            41 => Kind::Zip,
            42 => Kind::Map,
            43 => Kind::Filter,
            44 => Kind::Reversed,
            45 => Kind::CallIterator,
            50 => Kind::TextStream,
            _ => panic!("mote engine bug: object at {at:#x} has unknown kind {byte}"),
        }
    }

    /// The subsystem its blocks are charged to.
    pub fn subsystem(self) -> Subsystem {
        match self {
            Kind::Int => Subsystem::Int,
            Kind::Float => Subsystem::Float,
            Kind::Str => Subsystem::Str,
            Kind::Tuple => Subsystem::Tuple,
            Kind::List => Subsystem::List,
            Kind::Dict => Subsystem::Dict,
            Kind::Set => Subsystem::Set,
            Kind::Code => Subsystem::Code,
            Kind::Function => Subsystem::Function,
            Kind::Native => Subsystem::Native,
            Kind::Frame => Subsystem::Frame,
            Kind::Range | Kind::Slice => Subsystem::Range,
            Kind::Iterator => Subsystem::Iterator,
            Kind::Traceback => Subsystem::Exception,
            Kind::Class => Subsystem::Class,
            Kind::Exception => Subsystem::Exception,
            Kind::BoundMethod => Subsystem::Function,
            Kind::DictView => Subsystem::Iterator,
            Kind::Cell => Subsystem::Cell,
            Kind::Instance => Subsystem::Instance,
            Kind::Super | Kind::Wrapper => Subsystem::Function,
            Kind::Module | Kind::TextStream => Subsystem::Module,
            Kind::Generator => Subsystem::Generator,
            Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIterator => {
                Subsystem::Iterator
            }
        }
    }

    /// The message of the `TypeError` for a value that should have been this kind.
    fn expected(self) -> &'static str {
        match self {
            Kind::Int => "expected an int",
            Kind::Float => "expected a float",
            Kind::Str => "expected a str",
            Kind::Tuple => "expected a tuple",
            Kind::List => "expected a list",
            Kind::Dict => "expected a dict",
            Kind::Set => "expected a set",
            Kind::Code => "expected a code object",
            Kind::Function => "expected a function",
            Kind::Native => "expected a builtin function",
            Kind::Frame => "expected a frame",
            Kind::Range => "expected a range",
            Kind::Slice => "expected a slice",
            Kind::Iterator => "expected an iterator",
            Kind::Traceback => "expected a traceback",
            Kind::Class => "expected a class",
            Kind::Exception => "expected an exception",
            Kind::BoundMethod => "expected a method",
            Kind::DictView => "expected a dict view",
            Kind::Cell => "expected a cell",
            Kind::Instance => "expected an instance",
            Kind::Super => "expected a super object",
            Kind::Wrapper => "expected a method wrapper",
            Kind::Module => "expected a module",
            Kind::Generator => "expected a generator",
            Kind::Enumerate => "expected an enumerate object",
            Kind::Zip => "expected a zip object",
            Kind::Map => "expected a map object",
            Kind::Filter => "expected a filter object",
            Kind::Reversed => "expected a reversed object",
            Kind::CallIterator => "expected a callable_iterator",
            Kind::TextStream => "expected a text stream",
        }
    }

    /// The Python type name.
    pub fn type_name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Str => "str",
            Kind::Tuple => "tuple",
            Kind::List => "list",
            Kind::Dict => "dict",
            Kind::Set => "set",
            Kind::Code => "code",
            Kind::Function => "function",
            Kind::Native => "builtin_function_or_method",
            Kind::Frame => "frame",
            Kind::Range => "range",
            Kind::Slice => "slice",
            Kind::Iterator => "iterator",
            Kind::Traceback => "traceback",
            Kind::Class => "type",
            Kind::Exception => "BaseException",
            Kind::BoundMethod => "method",
            Kind::DictView => "dict_view",
            Kind::Cell => "cell",
            Kind::Instance => "object",
            Kind::Super => "super",
            Kind::Wrapper => "property",
            Kind::Module => "module",
            Kind::Generator => "generator",
            Kind::Enumerate => "enumerate",
            Kind::Zip => "zip",
            Kind::Map => "map",
            Kind::Filter => "filter",
            Kind::Reversed => "reversed",
            Kind::CallIterator => "callable_iterator",
            Kind::TextStream => "TextIOWrapper",
        }
    }
}

/// Header accessors. `at` is always the offset of a live object.
impl Heap {
    #[inline(always)]
    pub(crate) fn kind(&self, at: u32) -> Kind {
        Kind::from_byte(self.region().read_u8(at + 4), at)
    }
    /// Whether the object at `at` is of `kind` (no decoding of the kind byte).
    #[inline(always)]
    pub(crate) fn is_kind(&self, at: u32, kind: Kind) -> bool {
        self.region().read_u8(at + 4) == kind as u8
    }
    #[inline(always)]
    pub(crate) fn flags(&self, at: u32) -> u8 {
        self.region().read_u8(at + 5)
    }
    #[inline(always)]
    pub(crate) fn set_flags(&mut self, at: u32, flags: u8) {
        self.region_mut().write_u8(at + 5, flags)
    }
    #[inline(always)]
    pub(crate) fn extra(&self, at: u32) -> u16 {
        self.region().read_u16(at + 6)
    }
    #[inline(always)]
    pub(crate) fn set_extra(&mut self, at: u32, extra: u16) {
        self.region_mut().write_u16(at + 6, extra)
    }
    #[inline(always)]
    pub(crate) fn refcount(&self, at: u32) -> u32 {
        self.region().read_u32(at)
    }

    /// Allocates an object block of `bytes` (header included) with refcount 1.
    pub(crate) fn new_object(&mut self, kind: Kind, bytes: u32) -> Result<u32, crate::heap::OutOfMemory> {
        let at = self.allocate(bytes, kind.subsystem(), BlockRole::Object)?;
        let r = self.region_mut();
        r.write_u32(at, 1);
        r.write_u8(at + 4, kind as u8);
        r.write_u8(at + 5, 0);
        r.write_u16(at + 6, 0);
        self.mark_object_start(at);
        Ok(at)
    }

    /// Frees an object block of `bytes` allocated by [`Heap::new_object`].
    pub(crate) fn free_object(&mut self, at: u32, kind: Kind, bytes: u32) {
        self.clear_object_start(at);
        self.free(at, bytes, kind.subsystem(), BlockRole::Object)
    }

    /// Reads the handle stored at `at`.
    #[inline(always)]
    pub(crate) fn read_value(&self, at: u32) -> Value {
        Value::from_bits(self.region().read_u32(at))
    }

    #[inline(always)]
    pub(crate) fn write_value(&mut self, at: u32, v: Value) {
        self.region_mut().write_u32(at, v.to_bits())
    }

    /// Adds a reference to `v` (no-op for immediates).
    #[inline(always)]
    pub(crate) fn incref(&mut self, v: Value) {
        if let Some(at) = v.as_object() {
            let rc = self.region_mut().add_u32(at, 1);
            debug_assert!(rc > 1, "incref of a dead object at {at:#x}");
        }
    }
}

/// Objects whose count reached zero and that wait to be emptied and freed: an intrusive
/// stack linked through their refcount words (0 ends it; offset 0 is never an object).
/// Closure-loop candidates met on the way (`closure_cycles.rs`) are held, and scanned
/// once the dead are freed.
#[derive(Debug, Default)]
pub(crate) struct DeadStack {
    top: u32,
    held_candidates: alloc::vec::Vec<u32>,
}

impl DeadStack {
    /// Drops one reference to `v`; if that was the last, queues the object.
    #[inline]
    pub(crate) fn release(&mut self, heap: &mut Heap, v: Value) {
        if let Some(at) = v.as_object() {
            if heap.region_mut().add_u32(at, u32::MAX) == 0 {
                self.push_dead(heap, at);
            } else if heap.flags(at) == CLOSURE_LOOP {
                self.hold_if_candidate(heap, at);
            }
        }
    }

    #[cold]
    fn hold_if_candidate(&mut self, heap: &mut Heap, at: u32) {
        if is_closure_loop_end(heap.kind(at)) {
            heap.incref(Value::from_offset(at));
            self.held_candidates.push(at);
        }
    }

    /// Queues object `at`, whose count just reached zero.
    fn push_dead(&mut self, heap: &mut Heap, at: u32) {
        heap.region_mut().write_u32(at, self.top);
        self.top = at;
    }

    /// Whether nothing waits to be freed or scanned.
    pub(crate) fn is_empty(&self) -> bool {
        self.top == 0 && self.held_candidates.is_empty()
    }

    fn pop(&mut self, heap: &Heap) -> Option<u32> {
        if self.top == 0 {
            return None;
        }
        let at = self.top;
        self.top = heap.region().read_u32(at);
        Some(at)
    }
}

impl Vm {
    /// Adds a reference to `v`; the caller now owns one more.
    #[inline(always)]
    pub fn incref(&mut self, v: Value) {
        self.heap.incref(v)
    }

    /// Gives up one reference to `v`, freeing it (and whatever only it kept alive) at once.
    #[inline(always)]
    pub fn release(&mut self, v: Value) {
        let Some(at) = v.as_object() else { return };
        if self.heap.region_mut().add_u32(at, u32::MAX) == 0 {
            self.destroy_from(at);
        } else if self.heap.flags(at) == CLOSURE_LOOP {
            self.released_loop_end(at);
        }
    }

    /// Frees `at`, whose last reference just went, and what dies with it.
    #[inline(never)]
    fn destroy_from(&mut self, at: u32) {
        // The count word becomes the dead stack's link.
        let mut dead = DeadStack::default();
        dead.push_dead(&mut self.heap, at);
        self.destroy_dead(&mut dead);
    }

    /// `at` lost a reference, not its last, and its header flags are exactly
    /// [`CLOSURE_LOOP`]: if it is a closure loop's end, the loop may now be garbage.
    #[cold]
    #[inline(never)]
    fn released_loop_end(&mut self, at: u32) {
        if is_closure_loop_end(self.heap.kind(at)) {
            self.free_if_closure_cycle(at);
        }
    }

    /// Writes `payload` over the 8-byte value of box `old` (a float or boxed int, both 16
    /// bytes) if it is a `kind` object only its caller holds; false (nothing written)
    /// otherwise.
    pub(crate) fn overwrite_unshared_box(&mut self, old: Value, kind: Kind, payload: u64) -> bool {
        let Some(at) = old.as_object() else { return false };
        if self.heap.refcount(at) != 1 || !self.heap.is_kind(at, kind) {
            return false;
        }
        self.heap.region_mut().write_i64(at + 8, payload as i64);
        true
    }

    /// Empties and frees every object on `dead`, and the ones that die with them.
    pub(crate) fn destroy_dead(&mut self, dead: &mut DeadStack) {
        self.destroy_queued(dead);
        // Dropping the hold on a candidate scans it if something else still holds it.
        for at in core::mem::take(&mut dead.held_candidates) {
            self.release(Value::from_offset(at));
        }
    }

    fn destroy_queued(&mut self, dead: &mut DeadStack) {
        while let Some(at) = dead.pop(&self.heap) {
            match self.heap.kind(at) {
                Kind::Int | Kind::Float => self.heap.free_object(at, self.heap.kind(at), 16),
                Kind::Str => self.destroy_str(at),
                Kind::Tuple => self.destroy_tuple(at, dead),
                Kind::List => self.destroy_list(at, dead),
                Kind::Dict => self.destroy_dict(at, dead),
                Kind::Set => self.destroy_set(at, dead),
                Kind::Code => self.destroy_code(at, dead),
                Kind::Function => self.destroy_function(at, dead),
                Kind::Native => self.destroy_native(at, dead),
                Kind::Frame => self.destroy_frame(at, dead),
                Kind::Range => self.heap.free_object(at, Kind::Range, crate::iterator::RANGE_BYTES),
                Kind::Iterator => self.destroy_iterator(at, dead),
                kind @ (Kind::Enumerate
                | Kind::Zip
                | Kind::Map
                | Kind::Filter
                | Kind::Reversed
                | Kind::CallIterator) => self.destroy_lazy_iterator(at, kind, dead),
                Kind::Traceback => self.destroy_traceback(at, dead),
                Kind::Class => self.destroy_class(at, dead),
                Kind::Exception => self.destroy_exception(at, dead),
                Kind::BoundMethod => self.destroy_bound_method(at, dead),
                Kind::DictView => self.destroy_dict_view(at, dead),
                Kind::Generator => {
                    let frame = self.heap.region().read_u32(at + 8);
                    if frame != 0 {
                        dead.release(&mut self.heap, Value::from_offset(frame));
                    }
                    let name = self.heap.read_value(at + 12);
                    dead.release(&mut self.heap, name);
                    self.heap.free_object(at, Kind::Generator, GENERATOR_BYTES);
                }
                Kind::Module => {
                    for slot in [8, 12] {
                        let part = self.heap.read_value(at + slot);
                        dead.release(&mut self.heap, part);
                    }
                    self.heap.free_object(at, Kind::Module, MODULE_BYTES);
                }
                Kind::Instance => {
                    // The class (alive: the instance holds it) says whether there is a base.
                    let with_base = self.builtin_base(Value::from_offset(at)).is_some();
                    let bytes = self.instance_bytes(at);
                    self.release_inline_attributes(at, dead);
                    let parts: &[u32] = if with_base { &[8, 12, 16] } else { &[8, 12] };
                    for &slot in parts {
                        let part = self.heap.read_value(at + slot);
                        dead.release(&mut self.heap, part);
                    }
                    self.heap.free_object(at, Kind::Instance, bytes);
                }
                Kind::Super | Kind::Wrapper => {
                    let bytes = if self.heap.kind(at) == Kind::Super { SUPER_BYTES } else { WRAPPER_BYTES };
                    let slots: &[u32] = if bytes == SUPER_BYTES { &[8, 12] } else { &[8, 12, 16] };
                    for &slot in slots {
                        let part = self.heap.read_value(at + slot);
                        dead.release(&mut self.heap, part);
                    }
                    let kind = self.heap.kind(at);
                    self.heap.free_object(at, kind, bytes);
                }
                Kind::Cell => {
                    let contents = self.heap.read_value(at + 8);
                    dead.release(&mut self.heap, contents);
                    self.heap.free_object(at, Kind::Cell, CELL_BYTES);
                }
                Kind::Slice => {
                    for offset in [8, 12, 16] {
                        let part = self.heap.read_value(at + offset);
                        dead.release(&mut self.heap, part);
                    }
                    self.heap.free_object(at, Kind::Slice, crate::slice::SLICE_BYTES);
                }
                Kind::TextStream => self.heap.free_object(at, Kind::TextStream, crate::std_streams::STREAM_BYTES),
            }
        }
    }

    /// The offset of `v` if it is an object of `kind`, else `TypeError`.
    #[inline]
    pub(crate) fn object_of_kind(&self, kind: Kind, v: Value) -> crate::error::Result<u32> {
        match v.as_object() {
            Some(at) if self.heap.is_kind(at, kind) => Ok(at),
            _ => Err(crate::error::Error::Type(kind.expected())),
        }
    }

    /// Gives up one reference to each of `values`, then frees whatever died.
    pub(crate) fn release_all(&mut self, values: &[Value]) {
        let mut dead = DeadStack::default();
        for &v in values {
            dead.release(&mut self.heap, v);
        }
        self.destroy_dead(&mut dead);
    }

    /// Makes one owned value per input with `make`; on the first failure releases those
    /// already made and returns the error.
    pub(crate) fn make_each<T>(
        &mut self,
        inputs: impl IntoIterator<Item = T>,
        mut make: impl FnMut(&mut Vm, T) -> crate::error::Result<Value>,
    ) -> crate::error::Result<alloc::vec::Vec<Value>> {
        let mut made = alloc::vec::Vec::new();
        for input in inputs {
            match make(self, input) {
                Ok(v) => made.push(v),
                Err(e) => {
                    self.release_all(&made);
                    return Err(e);
                }
            }
        }
        Ok(made)
    }

    /// The kind of a heap object, `None` for immediates.
    pub fn kind_of(&self, v: Value) -> Option<Kind> {
        v.as_object().map(|at| self.heap.kind(at))
    }

    /// The Python type name of any value.
    pub fn type_name(&self, v: Value) -> &'static str {
        match v {
            Value::NONE => "NoneType",
            Value::TRUE | Value::FALSE => "bool",
            Value::NOT_IMPLEMENTED => "NotImplementedType",
            v if v.is_small_int() => "int",
            v => self.kind_of(v).map_or("NULL", Kind::type_name),
        }
    }

    /// The current reference count of an object (`None` for immediates).
    pub fn refcount(&self, v: Value) -> Option<u32> {
        v.as_object().map(|at| self.heap.refcount(at))
    }

    /// `sys.getsizeof`: the heap bytes `v` owns, its private tables and allocator rounding
    /// included; 0 for immediates, which live in the handle itself.
    pub fn getsizeof(&self, v: Value) -> u64 {
        let Some(at) = v.as_object() else { return 0 };
        let own = |bytes: u32| u64::from(self.heap.block_bytes(at, bytes));
        match self.heap.kind(at) {
            Kind::Int | Kind::Float => own(16),
            Kind::Str => own(self.str_object_bytes(at)),
            Kind::Tuple => own(self.tuple_object_bytes(at)),
            Kind::List => own(crate::list::OBJECT_BYTES) + self.list_table_bytes(at),
            Kind::Dict => own(crate::dict::OBJECT_BYTES) + self.dict_table_bytes(at),
            Kind::Set => own(crate::set::OBJECT_BYTES) + self.set_table_bytes(at),
            Kind::Code => own(crate::code::OBJECT_BYTES) + self.code_table_bytes(at),
            Kind::Function => {
                let attributes = self.heap.read_value(at + 28);
                own(crate::function::FUNCTION_BYTES)
                    + if attributes == Value::NULL { 0 } else { self.getsizeof(attributes) }
            }
            Kind::Native => own(crate::function::NATIVE_BYTES),
            Kind::Frame => own(self.frame_bytes(at)),
            Kind::Range => own(crate::iterator::RANGE_BYTES),
            Kind::Slice => own(crate::slice::SLICE_BYTES),
            Kind::Iterator => own(self.iterator_bytes(at)),
            kind @ (Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIterator) => {
                own(crate::iterator::lazy_bytes(kind))
            }
            Kind::Traceback => own(crate::traceback::RECORD_BYTES),
            Kind::Class => own(crate::class::CLASS_BYTES),
            Kind::Exception => own(crate::exception::EXCEPTION_BYTES),
            Kind::BoundMethod => own(crate::types::BOUND_METHOD_BYTES),
            Kind::DictView => own(crate::methods::DICT_VIEW_BYTES),
            Kind::Cell => own(CELL_BYTES),
            Kind::Super => own(SUPER_BYTES),
            Kind::Wrapper => own(WRAPPER_BYTES),
            Kind::Module => own(MODULE_BYTES),
            Kind::TextStream => own(crate::std_streams::STREAM_BYTES),
            Kind::Generator => {
                let frame = self.heap.region().read_u32(at + 8);
                own(GENERATOR_BYTES) + if frame == 0 { 0 } else { self.getsizeof(Value::from_offset(frame)) }
            }
            Kind::Instance => {
                let attributes = self.heap.read_value(at + 12);
                // A built-in subclass's instance owns its base value too.
                let base = self.builtin_base(v).map_or(0, |base| self.getsizeof(base));
                own(self.instance_bytes(at))
                    + base
                    + if attributes == Value::NULL { 0 } else { self.getsizeof(attributes) }
            }
        }
    }
}
