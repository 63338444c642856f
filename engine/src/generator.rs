//! Generators: a function whose frame outlives a call and resumes where it yielded.
//!
//! ```text
//! generator (20 bytes): +8 frame: u32 (offset of the suspended frame; 0 once finished)
//!                       +12 name: str   +16 state: u32 (0 new, 1 running, 2 suspended, 3 done)
//! ```
//!
//! Calling a generator function binds the arguments into a frame and returns a
//! generator owning it; nothing runs. Each resumption by `next`, `send` or `throw` runs
//! that frame as the entry of an interpreter run until it yields (the frame stays,
//! suspended) or returns or raises (the frame is freed: a finished generator keeps
//! nothing alive). A `for` loop in script code resumes it inside the running loop
//! instead (`start_for_loop`, `FRAME_RESUMED_BY_LOOP`). A `throw` or `close` that finds
//! the frame waiting in `yield from` goes to the delegated generator first.

use crate::error::{Error, Result};
use crate::object::{Kind, GENERATOR_BYTES};
use crate::value::Value;
use crate::vm::Vm;

const NEW: u32 = 0;
const RUNNING: u32 = 1;
const SUSPENDED: u32 = 2;
const DONE: u32 = 3;

/// How a resumption ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resumed {
    /// The generator yielded this value (owned).
    Yielded(Value),
    /// The generator returned this value (owned): StopIteration(value).
    Returned(Value),
}

impl Vm {
    /// Whether generator `at` is running now (its frame is in the chain).
    pub(crate) fn generator_is_running(&self, at: u32) -> bool {
        self.heap.region().read_u32(at + 16) == RUNNING
    }

    /// A generator owning `frame` (a frame made for a call, not yet run), named after
    /// the function's code.
    pub(crate) fn new_generator(&mut self, frame: u32, name: Value) -> Result<Value> {
        let at = match self.heap.new_object(Kind::Generator, GENERATOR_BYTES) {
            Ok(at) => at,
            Err(e) => {
                self.release(Value::from_offset(frame));
                return Err(e.into());
            }
        };
        self.heap.incref(name);
        let r = self.heap.region_mut();
        r.write_u32(at + 8, frame);
        r.write_u32(at + 12, name.to_bits());
        r.write_u32(at + 16, NEW);
        Ok(Value::from_offset(at))
    }

    /// Resumes generator `g`: with `sent` as the value of the suspended `yield` (None for
    /// `next`), or with `thrown` (an exception, owned) raised at that point.
    pub(crate) fn resume(&mut self, g: Value, sent: Value, thrown: Option<Value>) -> Result<Resumed> {
        let at = self.object_of_kind(Kind::Generator, g)?;
        let state = self.heap.region().read_u32(at + 16);
        let frame = self.heap.region().read_u32(at + 8);
        match state {
            RUNNING => {
                if let Some(t) = thrown {
                    self.release(t);
                }
                return Err(Error::Value("generator already executing"));
            }
            DONE => {
                return match thrown {
                    Some(t) => Err(self.raise(t)),
                    None => Ok(Resumed::Returned(Value::NONE)),
                };
            }
            NEW if sent != Value::NONE && thrown.is_none() => {
                return Err(Error::Type("can't send non-None value to a just-started generator"));
            }
            _ => {}
        }
        if state == NEW && thrown.is_some() {
            // Throwing into a generator that never ran: it finishes without running.
            self.heap.region_mut().write_u32(at + 16, DONE);
            self.heap.region_mut().write_u32(at + 8, 0);
            self.release(Value::from_offset(frame));
            return Err(self.raise(thrown.unwrap_or(Value::NONE)));
        }
        if self.depth >= self.recursion_limit {
            if let Some(t) = thrown {
                self.release(t);
            }
            return Err(Error::Recursion("maximum recursion depth exceeded"));
        }
        let mut ip = self.frame_ip(frame);
        let mut pending = None;
        let mut thrown = thrown;
        if state == SUSPENDED {
            if let (Some(t), Some((delegate, result_register, exit))) = (thrown, self.yield_from_at(frame, ip)) {
                // Suspended in `yield from` a generator: the exception goes to it first.
                thrown = None;
                self.heap.region_mut().write_u32(at + 16, RUNNING);
                let delegated = self.throw_into_delegate(delegate, t);
                self.heap.region_mut().write_u32(at + 16, SUSPENDED);
                match delegated {
                    Ok(Resumed::Yielded(v)) => return Ok(Resumed::Yielded(v)),
                    Ok(Resumed::Returned(v)) => {
                        // It finished: that is the value of `yield from`; go on after it.
                        let slot = frame + crate::frame::FRAME_HEADER + 4 * u32::from(result_register);
                        let old = self.heap.read_value(slot);
                        self.heap.write_value(slot, v);
                        self.release(old);
                        ip = exit;
                    }
                    Err(e) => pending = Some(e),
                }
            }
        }
        if state == SUSPENDED && thrown.is_none() && pending.is_none() && sent != Value::NONE {
            // The suspended `yield` evaluates to the value sent (None is already there).
            self.heap.incref(sent);
            self.set_yield_result(frame, ip, sent);
        }
        self.heap.region_mut().write_u32(at + 16, RUNNING);
        self.depth += 1;
        let pending = pending.or_else(|| thrown.map(|t| self.raise(t)));
        let outcome = self.run_at(frame, ip, pending).map_err(|e| self.escaped_generator(e));
        let finished = !matches!(outcome, Ok(Resumed::Yielded(_)));
        let r = self.heap.region_mut();
        if finished {
            // The run left (and freed) the frame.
            r.write_u32(at + 8, 0);
            r.write_u32(at + 16, DONE);
        } else {
            r.write_u32(at + 16, SUSPENDED);
        }
        outcome
    }

    /// If the frame suspended at `ip` waits in a `yield from` over a generator: that
    /// generator (borrowed), the register that receives the `yield from`'s value, and the
    /// instruction after the delegation loop.
    fn yield_from_at(&self, frame: u32, ip: u32) -> Option<(Value, u8, u32)> {
        use crate::bytecode::Op;
        let (send, yielded) = (self.instruction_of(frame, ip.checked_sub(2)?), self.instruction_of(frame, ip - 1));
        let delegating = Op::from_byte(send.op_byte()) == Some(Op::SendNext)
            && Op::from_byte(yielded.op_byte()) == Some(Op::Yield)
            && u32::from(send.a()) + 1 == u32::from(yielded.a());
        let delegate = self.heap.read_value(frame + crate::frame::FRAME_HEADER + 4 * u32::from(send.a()));
        (delegating && self.kind_of(delegate) == Some(Kind::Generator))
            .then(|| (delegate, yielded.a(), (ip - 1).wrapping_add_signed(send.sbx())))
    }

    /// `throw(exception)` (owned) passed on to the generator a `yield from` delegates to;
    /// GeneratorExit closes it instead, then comes back as the error to raise.
    fn throw_into_delegate(&mut self, delegate: Value, exception: Value) -> Result<Resumed> {
        let exit = self.exception_class(crate::exception::ExceptionType::GeneratorExit);
        if self.is_instance(exception, exit) {
            if let Err(e) = self.close_generator(delegate) {
                self.release(exception);
                return Err(e);
            }
            return Err(self.raise(exception));
        }
        self.resume(delegate, Value::NONE, Some(exception))
    }

    /// The error `e` that escaped a generator's body, as its caller sees it. PEP 479: a
    /// StopIteration escaping the body would end the caller's loop silently, so it
    /// becomes a RuntimeError.
    pub(crate) fn escaped_generator(&mut self, e: Error) -> Error {
        if e == Error::Raised {
            let stop = self.exception_class(crate::exception::ExceptionType::StopIteration);
            if self.is_instance(self.raised, stop) {
                let ty = crate::exception::ExceptionType::RuntimeError;
                return self.reraise_as(ty, "generator raised StopIteration");
            }
        }
        e
    }

    /// Starts generator `g` running for a `for` loop the interpreter runs itself: returns
    /// its frame and the ip to resume at, or `None` (nothing done) when the generator is
    /// not new or suspended, or the recursion limit is reached; `resume` then gives the
    /// proper error. The caller links the frame into its chain.
    pub(crate) fn start_for_loop(&mut self, g: Value) -> Option<(u32, u32)> {
        let at = g.as_object().filter(|&at| self.heap.is_kind(at, Kind::Generator))?;
        let state = self.heap.region().read_u32(at + 16);
        if !(state == NEW || state == SUSPENDED) || self.depth >= self.recursion_limit {
            return None;
        }
        let frame = self.heap.region().read_u32(at + 8);
        // A suspended `yield` already evaluates to None, what `next` sends.
        let ip = self.frame_ip(frame);
        self.heap.region_mut().write_u32(at + 16, RUNNING);
        self.depth += 1;
        Some((frame, ip))
    }

    /// Generator `g`, run by a `for` loop, yielded: its frame waits, detached.
    pub(crate) fn suspend_for_loop(&mut self, g: Value) {
        let at = g.as_object().unwrap_or_default();
        self.heap.region_mut().write_u32(at + 16, SUSPENDED);
        self.depth -= 1;
    }

    /// Generator `g`, run by a `for` loop, returned or raised: the interpreter frees its
    /// frame, so the generator lets go of it.
    pub(crate) fn finish_for_loop(&mut self, g: Value) {
        let at = g.as_object().unwrap_or_default();
        let r = self.heap.region_mut();
        r.write_u32(at + 8, 0);
        r.write_u32(at + 16, DONE);
    }

    /// `gen.close()`: GeneratorExit at the suspended `yield`; fine if it finishes.
    pub(crate) fn close_generator(&mut self, g: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Generator, g)?;
        if self.heap.region().read_u32(at + 16) != SUSPENDED {
            self.heap.region_mut().write_u32(at + 16, DONE);
            let frame = self.heap.region().read_u32(at + 8);
            self.heap.region_mut().write_u32(at + 8, 0);
            if frame != 0 {
                self.release(Value::from_offset(frame));
            }
            return Ok(());
        }
        let class = self.exception_class(crate::exception::ExceptionType::GeneratorExit);
        let exit = self.new_exception(class, &[])?;
        match self.resume(g, Value::NONE, Some(exit)) {
            Ok(Resumed::Returned(v)) => {
                self.release(v);
                Ok(())
            }
            Ok(Resumed::Yielded(v)) => {
                self.release(v);
                Err(Error::Runtime("generator ignored GeneratorExit"))
            }
            Err(Error::Raised) => {
                let raised = self.raised;
                let exit = self.exception_class(crate::exception::ExceptionType::GeneratorExit);
                let stop = self.exception_class(crate::exception::ExceptionType::StopIteration);
                if self.is_instance(raised, exit) || self.is_instance(raised, stop) {
                    let e = self.take_raised();
                    self.release(e);
                    Ok(())
                } else {
                    Err(Error::Raised)
                }
            }
            Err(e) => Err(e),
        }
    }

    /// The next value of a generator (owned), `None` once it is finished.
    pub(crate) fn generator_next(&mut self, g: Value) -> Result<Option<Value>> {
        match self.resume(g, Value::NONE, None)? {
            Resumed::Yielded(v) => Ok(Some(v)),
            Resumed::Returned(v) => {
                self.release(v);
                Ok(None)
            }
        }
    }

    /// Raises `StopIteration(value)` (value owned), as `next()`/`send()` do at the end.
    pub(crate) fn raise_stop_iteration(&mut self, value: Value) -> Error {
        let class = self.exception_class(crate::exception::ExceptionType::StopIteration);
        let args: alloc::vec::Vec<Value> =
            if value == Value::NONE { alloc::vec::Vec::new() } else { alloc::vec![value] };
        let made = self.new_exception(class, &args);
        self.release(value);
        match made {
            Ok(e) => self.raise(e),
            Err(e) => e,
        }
    }
}
