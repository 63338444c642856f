//! The cycle detector: finds objects that keep only each other alive, reports them, and
//! frees them. It runs only when asked (`gc.collect()`, [`Vm::collect_cycles`]), never on
//! its own, so a game frame is never interrupted by a collector it did not schedule.
//!
//! Method (CPython's "subtract internal references", done in place):
//! 1. For every container object (found through the heap's object map, no list through
//!    the objects), subtract from each container it refers to one count. What is left in
//!    an object's count is the number of references from outside the containers: frame
//!    registers, VM roots, the host.
//! 2. Objects with something left, and running generators, are reachable; so is
//!    everything they refer to (marked with the count word's top bit, followed through a
//!    bounded work list that falls back to rescans when it overflows, so a million-deep
//!    chain needs neither native stack nor a million-entry list).
//! 3. Every subtracted count is added back, so counts are exact again before anything
//!    else happens. Containers left unmarked are garbage: only other garbage refers to
//!    them.
//! 4. The garbage is described (when a report is wanted), then freed: each object is held
//!    once more, its references are cut, and the holds are released, so every object dies
//!    empty through the ordinary iterative destruction.
//!
//! Invariants: [`Vm::for_each_reference`] yields exactly the references an object owns
//! (those its `destroy_*` releases), or fewer, never more: a missing reference can only
//! make an object look reachable, an extra one would free a live object. No script code
//! runs during a collection, and nothing is allocated in the script heap by it.
//!
//! Where each object was made: `gc.set_debug(gc.DEBUG_LEAK)` (or
//! [`Vm::track_creation_sites`]) makes the heap remember the code and instruction that
//! made every object from then on (`heap::SiteLog`), so a report names file:line.

use crate::accounting::Subsystem;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The count word's top bit: reachable, during a collection only.
const REACHABLE: u32 = 1 << 31;
/// The most entries the mark work list holds before it falls back to rescanning.
const WORK_LIST_LIMIT: usize = 1 << 14;
/// How much of an object's description a report keeps.
const DESCRIPTION_CHARS: usize = 60;

/// One object of a cycle, as a report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleMember {
    /// The Python type name (a script class's own name for its instances).
    pub type_name: String,
    /// A short description: what `repr` would show, without running script code, cut
    /// to 60 characters.
    pub description: String,
    pub subsystem: Subsystem,
    /// Bytes of its own blocks (the object and its private tables; unlike
    /// `sys.getsizeof`, not an instance's attribute dict or a generator's frame, which
    /// are objects of their own and listed apart), so a group's members add up.
    pub bytes: u64,
    /// File and line of the code that made it, if creation sites were being tracked.
    pub created_at: Option<(String, u32)>,
    /// Which group of the collection it belongs to: objects joined by references share
    /// a group (numbered from 0, in the order of their first member); one group is
    /// what a scripter breaks by clearing one of its references.
    pub group: u32,
}

/// What one collection found and freed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collection {
    /// Container objects found unreachable (what `gc.collect()` returns).
    pub unreachable: u64,
    /// Bytes in use before minus after: the garbage and everything only it held.
    pub freed_bytes: u64,
    /// The unreachable objects, described, when a report was asked for (else empty),
    /// group by group.
    pub members: Vec<CycleMember>,
}

/// Whether objects of `kind` can hold references to objects that hold references back:
/// the only kinds a cycle can pass through. Strings, numbers, code (its constants are
/// immutable), natives, ranges and traceback records cannot.
fn is_container(kind: u8) -> bool {
    // One bit per kind byte (all below 64): this is asked once per reference followed.
    const CONTAINERS: u64 = {
        let kinds = [
            Kind::Tuple,
            Kind::List,
            Kind::Dict,
            Kind::Set,
            Kind::Function,
            Kind::Frame,
            Kind::Iterator,
            Kind::Class,
            Kind::Exception,
            Kind::BoundMethod,
            Kind::DictView,
            Kind::Cell,
            Kind::Instance,
            Kind::Super,
            Kind::Wrapper,
            Kind::Module,
            Kind::Generator,
            Kind::Enumerate,
            Kind::Zip,
            Kind::Map,
            Kind::Filter,
            Kind::Reversed,
            Kind::CallIterator,
            Kind::Slice,
        ];
        let mut mask = 0u64;
        let mut i = 0;
        while i < kinds.len() {
            mask |= 1 << kinds[i] as u8;
            i += 1;
        }
        mask
    };
    kind < 64 && CONTAINERS >> kind & 1 != 0
}

impl Vm {
    /// Finds and frees the reference cycles nothing else keeps alive; with `report`, the
    /// result also describes each object found (before it was freed).
    pub fn collect_cycles(&mut self, report: bool) -> Collection {
        let before = self.heap.in_use_bytes();
        self.subtract_internal_references();
        self.mark_reachable();
        self.add_back_internal_references();
        let garbage = self.unmarked_containers();
        let members = if report { self.describe_groups(&garbage) } else { Vec::new() };
        self.free_unreachable(&garbage);
        self.collector.live_objects_then = self.heap.ledger().total_live_objects();
        Collection { unreachable: garbage.len() as u64, freed_bytes: before - self.heap.in_use_bytes(), members }
    }

    fn container_of(&self, v: Value) -> Option<u32> {
        v.as_object().filter(|&at| is_container(self.heap.region().read_u8(at + 4)))
    }

    fn subtract_internal_references(&mut self) {
        self.add_to_internal_references(u32::MAX);
    }

    fn add_back_internal_references(&mut self) {
        self.add_to_internal_references(1);
    }

    /// Adds `delta` (wrapping: `u32::MAX` subtracts one) to the count of every container
    /// once per reference another container holds to it.
    fn add_to_internal_references(&mut self, delta: u32) {
        let mut from = 0;
        while let Some(at) = self.next_container(from) {
            from = at + 8;
            self.for_each_reference(at, &mut |vm, v| {
                if let Some(target) = vm.container_of(v) {
                    debug_assert!(
                        delta == 1 || vm.heap.refcount(target) & !REACHABLE > 0,
                        "more references found than counted"
                    );
                    vm.heap.region_mut().add_u32(target, delta);
                }
            });
        }
    }

    /// The first container at or after offset `from`, in address order.
    fn next_container(&self, mut from: u32) -> Option<u32> {
        loop {
            let at = self.heap.next_object(from)?;
            if is_container(self.heap.region().read_u8(at + 4)) {
                return Some(at);
            }
            from = at + 8;
        }
    }

    /// Marks what is referenced from outside the containers, and all it reaches.
    fn mark_reachable(&mut self) {
        let mut work = Vec::new();
        let mut overflowed = false;
        let mut from = 0;
        while let Some(at) = self.next_container(from) {
            from = at + 8;
            let count = self.heap.refcount(at);
            if count & REACHABLE == 0 && (count != 0 || self.is_running_generator(at)) {
                self.mark(at, &mut work, &mut overflowed);
                self.drain(&mut work, &mut overflowed);
            }
        }
        // A work list that overflowed left marked objects whose references were not
        // followed: follow every marked object's until nothing new is marked.
        while overflowed {
            overflowed = false;
            let mut from = 0;
            while let Some(at) = self.next_container(from) {
                from = at + 8;
                if self.heap.refcount(at) & REACHABLE != 0 {
                    work.push(at);
                    self.drain(&mut work, &mut overflowed);
                }
            }
        }
    }

    fn mark(&mut self, at: u32, work: &mut Vec<u32>, overflowed: &mut bool) {
        let count = self.heap.refcount(at);
        self.heap.region_mut().write_u32(at, count | REACHABLE);
        if work.len() < WORK_LIST_LIMIT {
            work.push(at);
        } else {
            *overflowed = true;
        }
    }

    fn drain(&mut self, work: &mut Vec<u32>, overflowed: &mut bool) {
        while let Some(at) = work.pop() {
            self.for_each_reference(at, &mut |vm, v| {
                if let Some(target) = vm.container_of(v) {
                    if vm.heap.refcount(target) & REACHABLE == 0 {
                        vm.mark(target, work, overflowed);
                    }
                }
            });
        }
    }

    /// Clears the marks and returns the containers that were not marked.
    fn unmarked_containers(&mut self) -> Vec<u32> {
        let mut garbage = Vec::new();
        let mut from = 0;
        while let Some(at) = self.next_container(from) {
            from = at + 8;
            let count = self.heap.refcount(at);
            if count & REACHABLE != 0 {
                self.heap.region_mut().write_u32(at, count & !REACHABLE);
            } else {
                garbage.push(at);
            }
        }
        garbage
    }

    fn is_running_generator(&self, at: u32) -> bool {
        self.heap.is_kind(at, Kind::Generator) && self.generator_is_running(at)
    }

    /// Frees unreachable objects (referred to only by each other): hold each, cut their
    /// references, drop the holds.
    pub(crate) fn free_unreachable(&mut self, garbage: &[u32]) {
        if garbage.is_empty() {
            return;
        }
        for &at in garbage {
            self.heap.incref(Value::from_offset(at));
        }
        for &at in garbage {
            self.cut_references(at);
        }
        let held: Vec<Value> = garbage.iter().map(|&at| Value::from_offset(at)).collect();
        self.release_all(&held);
        // Cached lookups may remember entries of namespaces that are gone.
        self.namespace_epoch = self.namespace_epoch.wrapping_add(1);
    }

    /// Drops the references through which an unreachable object keeps others alive,
    /// leaving it a valid object its destruction can free. Kinds whose every reference
    /// goes to objects cut themselves (an instance's class and attribute dict, a class's
    /// tables, a module's namespace, a generator's frame) keep them: the destruction
    /// reads an instance's class, and every cycle through them passes a cut object. An
    /// instance's inline attributes may hold anything, so they are cut.
    fn cut_references(&mut self, at: u32) {
        let v = Value::from_offset(at);
        let slots: &[u32] = match self.heap.kind(at) {
            kind @ (Kind::List | Kind::Dict | Kind::Set) => {
                // Emptying frees memory and never asks for any; it fails only on a value
                // of another kind, which the match rules out.
                let emptied = match kind {
                    Kind::List => self.list_clear(v),
                    Kind::Dict => self.dict_clear(v),
                    _ => self.set_clear(v),
                };
                debug_assert!(emptied.is_ok());
                return;
            }
            Kind::Tuple => {
                let len = self.heap.region().read_u32(at + 8);
                let items: Vec<u32> = (0..len).map(|i| 12 + 4 * i).collect();
                return self.cut_slots(at, &items);
            }
            Kind::Frame => {
                let registers = u32::from(self.heap.region().read_u8(at + 21));
                let slots: Vec<u32> =
                    core::iter::once(8).chain((0..registers).map(|i| crate::frame::FRAME_HEADER + 4 * i)).collect();
                return self.cut_slots(at, &slots);
            }
            Kind::Instance => {
                let words: Vec<u32> = self.inline_words(at).map(|word| word - at).collect();
                return self.cut_slots(at, &words);
            }
            Kind::Cell | Kind::Iterator | Kind::DictView => &[8],
            Kind::BoundMethod | Kind::Super => &[8, 12],
            Kind::Wrapper | Kind::Slice => &[8, 12, 16],
            Kind::Exception => &[12, 20, 24, 28],
            kind @ (Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIterator) => {
                crate::iterator::lazy_slots(kind)
            }
            _ => &[],
        };
        self.cut_slots(at, slots);
    }

    fn cut_slots(&mut self, at: u32, slots: &[u32]) {
        let old: Vec<Value> = slots
            .iter()
            .map(|&slot| {
                let v = self.heap.read_value(at + slot);
                self.heap.write_value(at + slot, Value::NULL);
                v
            })
            .collect();
        self.release_all(&old);
    }

    /// Calls `f` with every reference object `at` owns (see the module's invariant).
    pub(crate) fn for_each_reference(&mut self, at: u32, f: &mut dyn FnMut(&mut Vm, Value)) {
        let slots: &[u32] = match self.heap.kind(at) {
            Kind::Tuple => {
                let len = self.heap.region().read_u32(at + 8);
                for i in 0..len {
                    let v = self.heap.read_value(at + 12 + 4 * i);
                    f(self, v);
                }
                return;
            }
            Kind::List => {
                let (len, table) = (self.heap.region().read_u32(at + 8), self.heap.region().read_u32(at + 16));
                for i in 0..len {
                    let v = self.heap.read_value(table + 4 * i);
                    f(self, v);
                }
                return;
            }
            Kind::Dict => {
                let mut position = 0;
                while let Some((key, value)) = self.dict_next(Value::from_offset(at), &mut position) {
                    f(self, key);
                    f(self, value);
                }
                return;
            }
            Kind::Set => {
                let mut position = 0;
                while let Some(key) = self.set_next(Value::from_offset(at), &mut position) {
                    f(self, key);
                }
                return;
            }
            Kind::Frame => {
                let registers = u32::from(self.heap.region().read_u8(at + 21));
                let function = self.heap.read_value(at + 8);
                f(self, function);
                for i in 0..registers {
                    let v = self.heap.read_value(at + crate::frame::FRAME_HEADER + 4 * i);
                    f(self, v);
                }
                return;
            }
            Kind::Instance => {
                let with_base = self.builtin_base(Value::from_offset(at)).is_some();
                let base_slots: &[u32] = if with_base { &[8, 12, 16] } else { &[8, 12] };
                for word in base_slots.iter().map(|&slot| at + slot).chain(self.inline_words(at)) {
                    let v = self.heap.read_value(word);
                    f(self, v);
                }
                return;
            }
            Kind::Function => &[8, 12, 16, 20, 24, 28, 32, 36],
            Kind::Class => &[8, 12, 16, 20, 28],
            Kind::Exception => &[8, 12, 16, 20, 24, 28],
            Kind::Module | Kind::BoundMethod | Kind::Super => &[8, 12],
            Kind::Wrapper | Kind::Slice => &[8, 12, 16],
            Kind::Cell | Kind::Iterator | Kind::DictView | Kind::Generator => &[8],
            kind @ (Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIterator) => {
                crate::iterator::lazy_slots(kind)
            }
            _ => &[],
        };
        for &slot in slots {
            let v = self.heap.read_value(at + slot);
            f(self, v);
        }
    }

    /// Describes each unreachable object (in address order, as `garbage` is) with the
    /// group it forms with the others it refers to or is referred to by.
    fn describe_groups(&mut self, garbage: &[u32]) -> Vec<CycleMember> {
        // Union-find over the references between unreachable objects.
        let mut parent: Vec<u32> = (0..garbage.len() as u32).collect();
        fn root(parent: &mut [u32], mut i: u32) -> u32 {
            while parent[i as usize] != i {
                let up = parent[parent[i as usize] as usize];
                parent[i as usize] = up;
                i = up;
            }
            i
        }
        for (i, &at) in garbage.iter().enumerate() {
            self.for_each_reference(at, &mut |_, v| {
                if let Some(j) = v.as_object().and_then(|target| garbage.binary_search(&target).ok()) {
                    let (a, b) = (root(&mut parent, i as u32), root(&mut parent, j as u32));
                    parent[a.max(b) as usize] = a.min(b);
                }
            });
        }
        let mut numbers: Vec<u32> = Vec::new();
        let mut members: Vec<CycleMember> = garbage
            .iter()
            .enumerate()
            .map(|(i, &at)| {
                let first = root(&mut parent, i as u32);
                let group = match numbers.iter().position(|&r| r == first) {
                    Some(n) => n as u32,
                    None => {
                        numbers.push(first);
                        numbers.len() as u32 - 1
                    }
                };
                CycleMember { group, ..self.describe_member(at) }
            })
            .collect();
        // Group by group; within one, address order (stable sort).
        members.sort_by_key(|m| m.group);
        members
    }

    fn describe_member(&self, at: u32) -> CycleMember {
        let v = Value::from_offset(at);
        let kind = self.heap.kind(at);
        let mut description = self.describe(v, true);
        if description.chars().count() > DESCRIPTION_CHARS {
            description = description.chars().take(DESCRIPTION_CHARS - 3).collect::<String>() + "...";
        }
        CycleMember {
            type_name: String::from(self.type_name_of(v)),
            description,
            subsystem: kind.subsystem(),
            bytes: self.own_bytes(at),
            created_at: self.creation_site(at),
            group: 0,
        }
    }

    /// `getsizeof` less the objects it counts that are objects of their own.
    fn own_bytes(&self, at: u32) -> u64 {
        let v = Value::from_offset(at);
        let parts: &[u32] = match self.heap.kind(at) {
            Kind::Instance => &[12, 16],
            Kind::Function => &[28],
            Kind::Generator => &[8],
            _ => &[],
        };
        let mut bytes = self.getsizeof(v);
        for &slot in parts {
            if slot == 16 && self.builtin_base(v).is_none() {
                continue;
            }
            let part = self.heap.read_value(at + slot);
            if self.container_of(part).is_some() {
                bytes -= self.getsizeof(part);
            }
        }
        bytes
    }

    /// What `repr(v)` shows for built-in values, without running script code: objects
    /// of script classes (and containers inside containers) as `<Type object at 0x..>`.
    pub(crate) fn describe(&self, v: Value, open_containers: bool) -> String {
        let Some(at) = v.as_object() else { return self.describe_immediate(v) };
        let kind = self.heap.kind(at);
        let items = |values: Vec<Value>| {
            values.iter().map(|&item| self.describe(item, false)).collect::<Vec<String>>().join(", ")
        };
        match kind {
            Kind::Int => format!("{}", self.as_int(v).unwrap_or(0)),
            Kind::Float => crate::repr::float_repr(self.as_float(v).unwrap_or(0.0)),
            Kind::Str => crate::repr::str_repr(self.as_str(v).unwrap_or("")),
            Kind::List if open_containers => {
                format!("[{}]", items((0..self.list_len(v)).map(|i| self.list_item(v, i)).collect()))
            }
            Kind::Tuple if open_containers => match self.tuple_items(v).collect::<Vec<Value>>().as_slice() {
                [one] => format!("({},)", self.describe(*one, false)),
                all => format!("({})", items(all.to_vec())),
            },
            Kind::Dict if open_containers => {
                let mut parts = Vec::new();
                let mut position = 0;
                while let Some((key, value)) = self.dict_next(v, &mut position) {
                    parts.push(format!("{}: {}", self.describe(key, false), self.describe(value, false)));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Kind::Set if open_containers => {
                let mut keys = Vec::new();
                let mut position = 0;
                while let Some(key) = self.set_next(v, &mut position) {
                    keys.push(key);
                }
                let inner = items(keys);
                let frozen = self.heap.flags(at) & crate::frozenset::FROZEN != 0;
                match (frozen, inner.is_empty()) {
                    (false, true) => String::from("set()"),
                    (false, false) => format!("{{{inner}}}"),
                    (true, true) => String::from("frozenset()"),
                    (true, false) => format!("frozenset({{{inner}}})"),
                }
            }
            Kind::Function => format!("<function {} at {at:#x}>", self.function_qualname(at)),
            Kind::BoundMethod => {
                let (function, object) = self.bound_method_parts(at);
                let name = function.as_object().map_or(String::from("?"), |f| self.function_qualname(f));
                format!("<bound method {name} of {}>", self.describe(object, false))
            }
            Kind::Class => format!("<class '{}'>", self.as_str(self.class_name(at)).unwrap_or("?")),
            Kind::Cell => format!("<cell at {at:#x}: {}>", self.describe(self.heap.read_value(at + 8), false)),
            _ => format!("<{} object at {at:#x}>", self.type_name_of(v)),
        }
    }

    fn describe_immediate(&self, v: Value) -> String {
        match v {
            Value::NONE => String::from("None"),
            Value::TRUE => String::from("True"),
            Value::FALSE => String::from("False"),
            Value::NULL => String::from("<empty>"),
            v if v.is_small_int() => format!("{}", self.as_int(v).unwrap_or(0)),
            _ => String::from("NotImplemented"),
        }
    }

    fn function_qualname(&self, function: u32) -> String {
        String::from(self.as_str(self.function_qualname_value(function)).unwrap_or("?"))
    }
}
