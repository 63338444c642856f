//! Closure cycles freed the moment they become unreachable, without the cycle detector.
//!
//! A function that calls itself from inside the function that made it (`def listiter(l):
//! ... listiter(i)`), or a decorator's wrapper that counts its own calls, lives in a cell
//! its own closure holds: cell -> function -> closure tuple -> cell. Reference counting
//! alone would never free it. mote frees it as soon as nothing outside the loop refers to
//! it (DESIGN.md, "Deterministic teardown"), by Bacon-Rajan style trial deletion limited
//! to the objects such loops are made of:
//!
//! - A function (with a closure) or a generator stored in a cell, and that cell, get the
//!   [`CLOSURE_LOOP`] header flag ([`Vm::note_stored_in_cell`]).
//! - When a flagged object loses a reference but not its last, it is a candidate
//!   ([`is_closure_loop_end`]): [`Vm::free_if_closure_cycle`] gathers the functions, closure
//!   tuples, cells, generators and generator frames it reaches through closures, cell
//!   contents and generator frames (at most [`MAX_MEMBERS`]; anything else is a
//!   boundary, never entered), counts the references among them, and frees those that
//!   nothing outside refers to, directly or through a member that is referred to.
//!
//! Invariant: only objects all of whose references come from other freed members are
//! freed, so code that can still reach a closure finds it intact. A loop that passes
//! through anything else (a list, a dict, an instance) is left to `gc.collect()`.
//! Cost: a flagged function pays a scan of a few objects each time a call of it returns
//! while something else still holds it.

use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// Header flag of functions, generators and cells: part of a possible closure loop.
pub(crate) const CLOSURE_LOOP: u8 = 0x80;
/// The most objects one scan looks at; a bigger group waits for `gc.collect()`.
const MAX_MEMBERS: usize = 32;

/// Whether objects of `kind` are flagged [`CLOSURE_LOOP`] when they are a loop's end.
/// Their header flags are otherwise unused, so a flagged one's flags byte is exactly
/// `CLOSURE_LOOP`: a release tests one byte, and looks at the kind only when it matches
/// (an instance's flags byte, part of its cached hash, sometimes does).
pub(crate) fn is_closure_loop_end(kind: Kind) -> bool {
    matches!(kind, Kind::Function | Kind::Cell | Kind::Generator)
}

/// The kinds a closure loop is made of.
fn is_loop_member(kind: Kind) -> bool {
    matches!(kind, Kind::Function | Kind::Tuple | Kind::Cell | Kind::Generator | Kind::Frame)
}

/// The objects one scan looks at, with the references each receives from the others.
struct Members {
    at: [u32; MAX_MEMBERS],
    internal: [u32; MAX_MEMBERS],
    reachable: [bool; MAX_MEMBERS],
    len: usize,
}

impl Members {
    fn position(&self, at: u32) -> Option<usize> {
        self.at[..self.len].iter().position(|&m| m == at)
    }
}

impl Vm {
    /// Flags `v` and `cell` when `v`, just stored in `cell`, is a function with a closure
    /// or a generator: the two ends of a possible closure loop.
    pub(crate) fn note_stored_in_cell(&mut self, cell: u32, v: Value) {
        let Some(at) = v.as_object() else { return };
        let loop_end = match self.heap.kind(at) {
            Kind::Function => self.heap.read_value(at + 20) != Value::NULL,
            Kind::Generator => true,
            _ => false,
        };
        if loop_end {
            for object in [at, cell] {
                let flags = self.heap.flags(object);
                self.heap.set_flags(object, flags | CLOSURE_LOOP);
            }
        }
    }

    /// Whether `v` is a function flagged as a closure loop's end.
    pub(crate) fn is_flagged_function(&self, v: Value) -> bool {
        v.as_object().is_some_and(|at| self.heap.flags(at) == CLOSURE_LOOP && self.heap.is_kind(at, Kind::Function))
    }

    /// Whether object `at` is a flagged cell of closure tuple `closure`.
    pub(crate) fn is_closure_cell_of(&self, at: u32, closure: Value) -> bool {
        self.heap.flags(at) == CLOSURE_LOOP
            && self.heap.is_kind(at, Kind::Cell)
            && self.tuple_items(closure).any(|cell| cell.as_object() == Some(at))
    }

    /// The references a closure loop can pass through: those of a loop member (a
    /// function, tuple, cell, generator or generator frame) to another member kind, as
    /// the cycle detector's `for_each_reference` lists them. Anything else is a boundary.
    fn for_each_loop_edge(&mut self, at: u32, f: &mut dyn FnMut(u32)) {
        if !is_loop_member(self.heap.kind(at)) {
            return;
        }
        self.for_each_reference(at, &mut |vm, v| {
            if let Some(target) = v.as_object().filter(|&target| is_loop_member(vm.heap.kind(target))) {
                f(target);
            }
        });
    }

    /// Frees the closure loop through `start` (a candidate, alive) if nothing outside it
    /// refers to it any more.
    pub(crate) fn free_if_closure_cycle(&mut self, start: u32) {
        let mut members =
            Members { at: [0; MAX_MEMBERS], internal: [0; MAX_MEMBERS], reachable: [false; MAX_MEMBERS], len: 1 };
        members.at[0] = start;
        let mut next = 0;
        let mut too_many = false;
        while next < members.len && !too_many {
            let at = members.at[next];
            next += 1;
            self.for_each_loop_edge(at, &mut |target| match members.position(target) {
                Some(i) => members.internal[i] += 1,
                None if members.len < MAX_MEMBERS => {
                    members.at[members.len] = target;
                    members.internal[members.len] = 1;
                    members.len += 1;
                }
                None => too_many = true,
            });
        }
        if too_many {
            return;
        }
        // Referred to from outside: more references than the members account for.
        let mut work = [0usize; MAX_MEMBERS];
        let mut pending = 0;
        for i in 0..members.len {
            if self.heap.refcount(members.at[i]) > members.internal[i] {
                members.reachable[i] = true;
                work[pending] = i;
                pending += 1;
            }
        }
        if pending == members.len {
            return;
        }
        while pending > 0 {
            pending -= 1;
            let at = members.at[work[pending]];
            self.for_each_loop_edge(at, &mut |target| {
                if let Some(i) = members.position(target) {
                    if !members.reachable[i] {
                        members.reachable[i] = true;
                        work[pending] = i;
                        pending += 1;
                    }
                }
            });
        }
        let garbage: alloc::vec::Vec<u32> =
            (0..members.len).filter(|&i| !members.reachable[i]).map(|i| members.at[i]).collect();
        self.free_unreachable(&garbage);
    }
}
