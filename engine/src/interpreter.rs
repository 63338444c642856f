//! The interpreter: runs code objects, one instruction at a time, without recursing on
//! the native stack for script calls.
//!
//! A call to a script function pushes its frame on the frame stack (`frame.rs`) and
//! switches to it; a return pops the frame and switches back, without leaving the loop.
//! A `for` loop over a generator switches to the generator's frame the same way. The
//! loop keeps the hot state in locals (the frame, its register base, the instruction
//! words, the ip) and reloads it only when the frame changes. Code was validated when it
//! was built, so operands are in range. Small-int, boxed-int and float arithmetic,
//! comparisons and range/list/tuple iteration are done here; name lookups go through
//! `name_cache.rs`.
//!
//! Promises: every reference a register holds is owned by the frame; a frame that is
//! left (by return or by an error unwinding through it) is freed at once.

use crate::bytecode::{Instr, Op};
use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::frame::{FrameHeader, FRAME_HEADER, FRAME_RESUMED_BY_LOOP};
use crate::function::Keywords;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

/// The TypeError of an `__init__` that returned something other than None.
const INIT_RETURNED: &str = "__init__() should return None, not '{}'";

/// Native functions take at most this many arguments (copied out of the registers).
pub const MAX_NATIVE_ARGS: usize = 16;

/// The frame being run, with the parts the loop reads on every instruction.
#[derive(Debug, Clone, Copy)]
struct Running {
    frame: u32,
    /// Offset of register 0.
    registers: u32,
    /// Offset of instruction 0.
    words: u32,
    /// The code object.
    code: u32,
}

/// The loop's position (frame and next instruction), held in locals while it runs and
/// written back to the caller's copies when the loop returns.
struct Position<'a> {
    now: Running,
    ip: u32,
    running: &'a mut Running,
    resume_ip: &'a mut u32,
}

impl Drop for Position<'_> {
    fn drop(&mut self) {
        *self.running = self.now;
        *self.resume_ip = self.ip;
    }
}

impl Vm {
    /// Calls `callable` with `args` (borrowed); the result is owned by the caller.
    pub fn call(&mut self, callable: Value, args: &[Value]) -> Result<Value> {
        self.call_with_keywords(callable, args, &Keywords::default())
    }

    /// Calls `callable` with positional `args` and `keywords` (all borrowed).
    pub fn call_with_keywords(&mut self, callable: Value, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
        self.ensure_builtins()?;
        match self.kind_of(callable) {
            Some(Kind::Function) => {
                let frame = self
                    .enter_function(callable, 0, 0, args.len() as u32, |_, i| args[i as usize], keywords)
                    .map_err(|e| self.raise_error(e))?;
                match self.generator_for(frame) {
                    Some(made) => made.map_err(|e| self.raise_error(e)),
                    None => self.run(frame),
                }
            }
            Some(Kind::Native) => {
                let at = callable.as_object().unwrap_or_default();
                let result = self.call_native(at, args, keywords);
                result.map_err(|e| self.raise_error(e))
            }
            Some(Kind::Class) if self.makes_instances(callable) => {
                let instance = self.new_instance(callable).map_err(|e| self.raise_error(e))?;
                match self.run_init(callable, instance, args, keywords) {
                    Ok(()) => Ok(instance),
                    Err(e) => {
                        self.release(instance);
                        Err(e)
                    }
                }
            }
            Some(Kind::Class) => self.instantiate(callable, args, keywords).map_err(|e| self.raise_error(e)),
            Some(Kind::BoundMethod) => {
                let (function, receiver) = self.bound_method_parts(callable.as_object().unwrap_or_default());
                self.call_with_receiver(function, receiver, args, keywords)
            }
            Some(Kind::Instance) => match self.call_method_of(callable).map_err(|e| self.raise_error(e))? {
                Some(method) => self.call_with_receiver(method, callable, args, keywords),
                None => {
                    Err(self.raise_error(Error::TypeOf { template: "'{}' object is not callable", value: callable }))
                }
            },
            _ => Err(self.raise_error(Error::TypeOf { template: "'{}' object is not callable", value: callable })),
        }
    }

    /// `TypeError: C() takes no arguments`, for a class without `__init__` given some.
    fn takes_no_arguments(&mut self, class: Value) -> Error {
        let name = class.as_object().map(|at| self.class_name(at)).unwrap_or(Value::NULL);
        let text = alloc::format!("{}() takes no arguments", self.as_str(name).unwrap_or("object"));
        crate::iterator::raise_text(self, ExceptionType::TypeError, &text, Error::Type("this class takes no arguments"))
    }

    /// `ImportError: cannot import name 'x' from 'm'`.
    fn cannot_import(&mut self, module: Value, name: Value) -> Error {
        let text = alloc::format!(
            "cannot import name '{}' from '{}'",
            self.as_str(name).unwrap_or("?"),
            self.as_str(self.module_name(module)).unwrap_or("?")
        );
        crate::iterator::raise_text(self, ExceptionType::ImportError, &text, Error::Attribute { object: module, name })
    }

    /// `function(receiver, *args, **keywords)`: a method called on its receiver.
    fn call_with_receiver(
        &mut self,
        function: Value,
        receiver: Value,
        args: &[Value],
        keywords: &Keywords<'_>,
    ) -> Result<Value> {
        let mut with_receiver = alloc::vec::Vec::with_capacity(args.len() + 1);
        with_receiver.push(receiver);
        with_receiver.extend_from_slice(args);
        self.call_with_keywords(function, &with_receiver, keywords)
    }

    /// If `frame` (just entered) runs a generator function, turns it into a generator
    /// instead of running it.
    fn generator_for(&mut self, frame: u32) -> Option<Result<Value>> {
        let function = self.frame_function(frame).as_object().unwrap_or_default();
        let code = self.function_code(function).as_object().unwrap_or_default();
        if !self.code_is_generator(code) {
            return None;
        }
        // The frame waits, detached, until the generator is resumed.
        self.depth -= 1;
        self.heap.region_mut().write_u32(frame + 12, 0);
        let name = self.code_name(code);
        Some(self.new_generator(frame, name))
    }

    /// Stores `sent` (owned) as the result of the `yield` before instruction `ip`.
    pub(crate) fn set_yield_result(&mut self, frame: u32, ip: u32, sent: Value) {
        let instr = self.instruction_of(frame, ip - 1);
        let slot = frame + FRAME_HEADER + 4 * u32::from(instr.a());
        let old = self.heap.read_value(slot);
        self.heap.write_value(slot, sent);
        self.release(old);
    }

    /// Runs `class.__init__(instance, *args, **keywords)` (a nested run, for hosts and
    /// natives); a class without one takes no arguments.
    pub(crate) fn run_init(
        &mut self,
        class: Value,
        instance: Value,
        args: &[Value],
        keywords: &Keywords<'_>,
    ) -> Result<()> {
        match self.init_method(class).map_err(|e| self.raise_error(e))? {
            Some(init) => {
                let mut with_self = alloc::vec::Vec::with_capacity(args.len() + 1);
                with_self.push(instance);
                with_self.extend_from_slice(args);
                let result = self.call_with_keywords(init, &with_self, keywords)?;
                if result != Value::NONE {
                    let e = self.raise_error(Error::TypeOf { template: INIT_RETURNED, value: result });
                    self.release(result);
                    return Err(e);
                }
                Ok(())
            }
            None if args.is_empty() && keywords.is_empty() => Ok(()),
            None => Err(self.takes_no_arguments(class)),
        }
    }

    /// Makes the frame of a call to script function `f` with `count` arguments, read by
    /// `arg(i)` (borrowed). The frame returns into register `result_register` of `caller`.
    fn enter_function(
        &mut self,
        f: Value,
        caller: u32,
        result_register: u8,
        count: u32,
        arg: impl Fn(&Vm, u32) -> Value,
        keywords: &Keywords<'_>,
    ) -> Result<u32> {
        if self.depth >= self.recursion_limit {
            return Err(Error::Recursion("maximum recursion depth exceeded"));
        }
        let function = f.as_object().unwrap_or_default();
        let code = self.function_code(function).as_object().unwrap_or_default();
        let params = u32::from(self.code_parameters(code));
        let defaults = self.function_defaults(function);
        let default_count = self.tuple_len(defaults);
        let simple = keywords.is_empty() && self.code_signature(code) == (0, false, false);
        if simple && count > params {
            return Err(Error::Arguments { function: f, given: count });
        }
        if simple {
            // The common call: positional arguments, then defaults for the rest.
            if count + default_count < params {
                return Err(Error::Arguments { function: f, given: count });
            }
            let frame = self.new_frame(f, code, caller, result_register)?;
            for i in 0..params {
                let v = if i < count { arg(self, i) } else { self.tuple_item(defaults, i - (params - default_count)) };
                self.heap.incref(v);
                self.heap.write_value(frame + FRAME_HEADER + 4 * i, v);
            }
            self.depth += 1;
            return Ok(frame);
        }
        self.bind_general(f, function, code, caller, result_register, count, &arg, keywords)
    }

    /// Binds a call with keywords, `*args`, `**kwargs` or keyword-only parameters. The
    /// frame's locals: positional parameters, keyword-only ones, `*args`, `**kwargs`.
    #[allow(clippy::too_many_arguments)] // one call's inputs, split out of enter_function
    fn bind_general(
        &mut self,
        f: Value,
        function: u32,
        code: u32,
        caller: u32,
        result_register: u8,
        count: u32,
        arg: &dyn Fn(&Vm, u32) -> Value,
        keywords: &Keywords<'_>,
    ) -> Result<u32> {
        let params = u32::from(self.code_parameters(code));
        let (keyword_only, has_varargs, has_varkeywords) = self.code_signature(code);
        let named = params + keyword_only;
        let defaults = self.function_defaults(function);
        let default_count = self.tuple_len(defaults);
        if count > params && !has_varargs {
            return Err(Error::Arguments { function: f, given: count });
        }
        // Values by local slot (borrowed), and the *args/**kwargs objects (owned).
        let mut bound = [Value::NULL; 256];
        for i in 0..count.min(params) {
            bound[i as usize] = arg(self, i);
        }
        let mut owned: alloc::vec::Vec<Value> = alloc::vec::Vec::new();
        let result = (|| -> Result<()> {
            if has_varargs {
                let extra: alloc::vec::Vec<Value> = (params..count).map(|i| arg(self, i)).collect();
                let tuple = self.new_tuple(&extra)?;
                owned.push(tuple);
                bound[named as usize] = tuple;
            }
            let mut kwargs = Value::NULL;
            if has_varkeywords {
                kwargs = self.new_dict()?;
                owned.push(kwargs);
                bound[(named + u32::from(has_varargs)) as usize] = kwargs;
            }
            let names = self.code_local_names(code);
            for (&name, &value) in keywords.names.iter().zip(keywords.values) {
                match (0..named).find(|&i| self.tuple_item(names, i) == name) {
                    Some(i) if bound[i as usize] != Value::NULL => {
                        return Err(Error::DuplicateArgument { function: f, name });
                    }
                    Some(i) => bound[i as usize] = value,
                    None if has_varkeywords => self.dict_set(kwargs, name, value)?,
                    None => return Err(Error::UnexpectedKeyword { function: f, name }),
                }
            }
            let first_default = params - default_count.min(params);
            for i in count.min(params)..params {
                if bound[i as usize] == Value::NULL {
                    if i < first_default {
                        let given = (0..params).filter(|&j| bound[j as usize] != Value::NULL).count() as u32;
                        return Err(Error::Arguments { function: f, given: given.min(count) });
                    }
                    bound[i as usize] = self.tuple_item(defaults, i - first_default);
                }
            }
            let keyword_defaults = self.function_keyword_defaults(function);
            for i in params..named {
                if bound[i as usize] == Value::NULL {
                    let name = self.tuple_item(names, i);
                    let default =
                        if keyword_defaults == Value::NULL { None } else { self.dict_lookup(keyword_defaults, name)? };
                    match default {
                        Some(v) => bound[i as usize] = v,
                        None => return Err(Error::MissingKeywordOnly { function: f, name }),
                    }
                }
            }
            Ok(())
        })();
        let frame = result.and_then(|()| self.new_frame(f, code, caller, result_register));
        let frame = match frame {
            Ok(frame) => frame,
            Err(e) => {
                self.release_all(&owned);
                return Err(e);
            }
        };
        let slots = named + u32::from(has_varargs) + u32::from(has_varkeywords);
        for (i, &v) in bound.iter().enumerate().take(slots as usize) {
            self.heap.incref(v);
            self.heap.write_value(frame + FRAME_HEADER + 4 * i as u32, v);
        }
        self.release_all(&owned);
        self.depth += 1;
        Ok(frame)
    }

    /// Instruction `index` of the code `frame` runs.
    pub(crate) fn instruction_of(&self, frame: u32, index: u32) -> Instr {
        Instr(self.heap.region().read_u32(self.running(frame).words + 4 * index))
    }

    fn running(&self, frame: u32) -> Running {
        let function = self.frame_function(frame).as_object().unwrap_or_default();
        let code = self.function_code(function).as_object().unwrap_or_default();
        Running { frame, registers: frame + FRAME_HEADER, words: self.code_instructions(code).0, code }
    }

    /// For a generator frame a `for` loop resumed: the loop's frame (running state), the
    /// generator (borrowed, from the loop's register its `ForIter` left in the frame's
    /// result register field) and the register the loop's item goes to.
    #[inline(always)]
    fn loop_of(&self, frame: u32) -> (Running, Value, u8) {
        let header = self.frame_header(frame);
        let caller = self.running(header.caller);
        let register = header.result_register;
        (caller, self.reg(caller, register), register + 1)
    }

    /// Keeps only the first `depth` exceptions `frame` is handling (and none of frames
    /// it called).
    pub(crate) fn trim_handled(&mut self, frame: u32, depth: usize) {
        let first_of_frame = self.handled.iter().position(|&(f, _)| f == frame).unwrap_or(self.handled.len());
        let keep = (first_of_frame + depth).min(self.handled.len());
        let dropped: alloc::vec::Vec<Value> = self.handled.drain(keep..).map(|(_, e)| e).collect();
        self.release_all(&dropped);
    }

    /// The exception being handled now (borrowed; NULL if none).
    pub fn handled_exception(&self) -> Value {
        self.handled.last().map_or(Value::NULL, |&(_, e)| e)
    }

    /// Leaves `frame`: frees it and returns its caller (0 for none).
    #[inline(always)]
    fn leave_frame(&mut self, frame: u32, header: FrameHeader) -> u32 {
        if self.handled.last().is_some_and(|&(f, _)| f == frame) {
            self.trim_handled(frame, 0);
        }
        self.depth -= 1;
        self.free_frame(frame, header);
        header.caller
    }

    /// Runs from `entry` until it returns; frames it calls run in the same loop.
    fn run(&mut self, entry: u32) -> Result<Value> {
        match self.run_at(entry, 0, None)? {
            crate::generator::Resumed::Returned(v) => Ok(v),
            // Only a generator's frame yields, and generators run through `resume`.
            crate::generator::Resumed::Yielded(v) => {
                self.release(v);
                Err(Error::Runtime("a yield outside a generator"))
            }
        }
    }

    /// Runs `entry` from instruction `ip` (with `pending`, an error to raise there
    /// first) until it returns or, for a generator's frame, yields.
    pub(crate) fn run_at(
        &mut self,
        entry: u32,
        start: u32,
        pending: Option<Error>,
    ) -> Result<crate::generator::Resumed> {
        let mut now = self.running(entry);
        // With a pending error, `ip - 1` (the yield) is where it is raised.
        let mut ip = start;
        let mut pending = pending;
        loop {
            let stepped = match pending.take() {
                Some(e) => Err(e),
                None => self.step(&mut now, &mut ip, entry),
            };
            match stepped {
                Ok(Some(result)) => {
                    return Ok(if core::mem::take(&mut self.yielded) {
                        crate::generator::Resumed::Yielded(result)
                    } else {
                        crate::generator::Resumed::Returned(result)
                    });
                }
                Ok(None) => {}
                Err(e) => {
                    // Make the exception object now, while every value the error names is
                    // alive. Then look for a handler, frame by frame outwards, recording in
                    // the traceback where each frame was; frames without one are left.
                    let mut e = self.raise_error(e);
                    let mut failed_at = ip - 1;
                    let mut record = !core::mem::take(&mut self.reraising);
                    loop {
                        if record {
                            self.record_unwind(now.code, failed_at);
                        }
                        record = true;
                        if e == Error::Raised {
                            if let Some((target, register, depth)) = self.code_handler_for(now.code, failed_at) {
                                let exception = self.take_raised();
                                // Handlers this exception escaped from are done; it is the
                                // one being handled now.
                                self.trim_handled(now.frame, usize::from(depth));
                                self.heap.incref(exception);
                                self.handled.push((now.frame, exception));
                                self.set_reg(now, register, exception);
                                ip = target;
                                break;
                            }
                        }
                        let frame = now.frame;
                        let header = self.frame_header(frame);
                        let resumed_by_loop = header.flags & FRAME_RESUMED_BY_LOOP != 0;
                        if resumed_by_loop {
                            let (_, generator, _) = self.loop_of(frame);
                            self.finish_for_loop(generator);
                        }
                        let caller = self.leave_frame(frame, header);
                        if frame == entry {
                            return Err(e);
                        }
                        if resumed_by_loop {
                            e = self.escaped_generator(e);
                        }
                        now = self.running(caller);
                        failed_at = self.frame_ip(caller) - 1;
                    }
                }
            }
        }
    }

    #[inline(always)]
    fn reg(&self, now: Running, r: u8) -> Value {
        self.heap.read_value(now.registers + 4 * u32::from(r))
    }

    /// Stores owned `v` in register `r`, releasing what it held.
    #[inline(always)]
    fn set_reg(&mut self, now: Running, r: u8, v: Value) {
        let slot = now.registers + 4 * u32::from(r);
        let old = Value::from_bits(self.heap.region_mut().swap_u32(slot, v.to_bits()));
        self.release(old);
    }

    /// Runs instructions until the frame changes or `entry` returns (`Ok(Some(result))`).
    /// While creation sites are tracked, the site log's current instruction is kept up to
    /// date; a call that starts the tracking makes the loop return, to be entered again.
    fn step(&mut self, running: &mut Running, resume_ip: &mut u32, entry: u32) -> Result<Option<Value>> {
        let tracking_sites = self.heap.sites.is_some();
        // The loop works on copies in locals, which the compiler keeps in registers; they
        // are written back however the loop is left (an error included).
        let mut g = Position { now: *running, ip: *resume_ip, running, resume_ip };
        loop {
            if tracking_sites {
                if let Some(sites) = self.heap.sites.as_deref_mut() {
                    sites.now = (g.now.code, g.ip);
                }
            }
            let instr = Instr(self.heap.region().read_u32(g.now.words + 4 * g.ip));
            g.ip += 1;
            let Some(op) = Op::from_byte(instr.op_byte()) else {
                unreachable!("validated code holds only known opcodes")
            };
            let (a, b, c) = (instr.a(), instr.b(), instr.c());
            match op {
                Op::Move => {
                    let v = self.reg(g.now, b);
                    self.heap.incref(v);
                    self.set_reg(g.now, a, v);
                }
                Op::Take => {
                    let v = Value::from_bits(self.heap.region_mut().swap_u32(g.now.registers + 4 * u32::from(b), 0));
                    self.set_reg(g.now, a, v);
                }
                Op::LoadConst => {
                    let constants = self.code_constants(g.now.code);
                    let v = self.tuple_item(constants, u32::from(instr.bx()));
                    self.heap.incref(v);
                    self.set_reg(g.now, a, v);
                }
                Op::LoadNone => self.set_reg(g.now, a, Value::NONE),
                Op::LoadBool => self.set_reg(g.now, a, Value::from_bool(b != 0)),
                Op::LoadInt => {
                    let v = self.new_int(i64::from(instr.sbx()))?;
                    self.set_reg(g.now, a, v);
                }
                Op::LoadGlobal => {
                    let v = self.load_global_cached(g.now.code, g.now.frame, instr.bx())?;
                    self.set_reg(g.now, a, v);
                }
                Op::StoreGlobal => {
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(instr.bx()));
                    let globals = self.globals_of(g.now);
                    let v = self.reg(g.now, a);
                    self.dict_set(globals, name, v)?;
                }
                Op::DeleteGlobal => {
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(instr.bx()));
                    let globals = self.globals_of(g.now);
                    if !self.dict_delete(globals, name)? {
                        return Err(Error::NameNotDefined(name));
                    }
                }
                Op::Add
                | Op::Sub
                | Op::Mul
                | Op::TrueDiv
                | Op::FloorDiv
                | Op::Mod
                | Op::Pow
                | Op::LShift
                | Op::RShift
                | Op::BitAnd
                | Op::BitOr
                | Op::BitXor => {
                    self.arithmetic(g.now, op, a, self.reg(g.now, b), self.reg(g.now, c), false)?;
                }
                Op::AddK | Op::SubK | Op::MulK | Op::FloorDivK | Op::ModK => {
                    let operator = op.without_constant_operand();
                    self.arithmetic(g.now, operator, a, self.reg(g.now, b), Value::from_u8(c), false)?;
                }
                Op::LtK | Op::LeK | Op::GtK | Op::GeK | Op::EqK | Op::NeK => {
                    let operator = op.without_constant_operand();
                    self.compare_into(g.now, operator, a, self.reg(g.now, b), Value::from_u8(c))?;
                }
                Op::Yield => {
                    let resumed_by_loop = self.frame_flags(g.now.frame) & FRAME_RESUMED_BY_LOOP != 0;
                    if !resumed_by_loop && g.now.frame != entry {
                        return Err(Error::Runtime("a yield outside a generator"));
                    }
                    // The value moves out, and the register holds what `next` sends (None)
                    // until a `send` resumes with something else.
                    let slot = g.now.registers + 4 * u32::from(a);
                    let v = self.heap.read_value(slot);
                    self.heap.write_value(slot, Value::NONE);
                    if resumed_by_loop {
                        self.set_frame_ip(g.now.frame, g.ip);
                        let (caller, generator, item) = self.loop_of(g.now.frame);
                        self.set_frame_flags(g.now.frame, 0);
                        self.heap.region_mut().write_u32(g.now.frame + 12, 0);
                        self.suspend_for_loop(generator);
                        g.now = caller;
                        g.ip = self.frame_ip(caller.frame);
                        self.set_reg(g.now, item, v);
                        continue;
                    }
                    self.set_frame_ip(g.now.frame, g.ip);
                    self.depth -= 1;
                    self.yielded = true;
                    return Ok(Some(v));
                }
                Op::SendNext => {
                    let (it, sent) = (self.reg(g.now, a), self.reg(g.now, a + 1));
                    let step = if self.kind_of(it) == Some(Kind::Generator) {
                        self.resume(it, sent, None)?
                    } else {
                        match self.next_any(it)? {
                            Some(v) => crate::generator::Resumed::Yielded(v),
                            None => crate::generator::Resumed::Returned(Value::NONE),
                        }
                    };
                    match step {
                        crate::generator::Resumed::Yielded(v) => self.set_reg(g.now, a + 1, v),
                        crate::generator::Resumed::Returned(v) => {
                            self.set_reg(g.now, a + 1, v);
                            g.ip = g.ip.wrapping_add_signed(instr.sbx());
                        }
                    }
                }
                Op::SetKwDefaults => {
                    let (f, defaults) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.set_function_keyword_defaults(f, defaults)?;
                }
                Op::SetAnnotations => {
                    let (f, annotations) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.set_function_annotations(f, annotations)?;
                }
                Op::ListToTuple => {
                    let list = self.reg(g.now, b);
                    let items: alloc::vec::Vec<Value> =
                        (0..self.list_len(list)).map(|i| self.list_item(list, i)).collect();
                    let tuple = self.new_tuple(&items)?;
                    self.set_reg(g.now, a, tuple);
                }
                Op::UnpackEx => {
                    let (before, after) = (usize::from(c & 15), usize::from(c >> 4));
                    let items = self.collect_to_unpack(self.reg(g.now, b))?;
                    if items.len() < before + after {
                        let got = items.len() as u32;
                        self.release_all(&items);
                        let expected = (before + after) as u8;
                        return Err(Error::UnpackCount { expected, got, too_many: false, at_least: true });
                    }
                    let middle = self.new_list(&items[before..items.len() - after]);
                    let middle = match middle {
                        Ok(m) => m,
                        Err(e) => {
                            self.release_all(&items);
                            return Err(e);
                        }
                    };
                    for (i, &item) in items[..before].iter().enumerate() {
                        self.heap.incref(item);
                        self.set_reg(g.now, a + i as u8, item);
                    }
                    self.set_reg(g.now, a + before as u8, middle);
                    for (i, &item) in items[items.len() - after..].iter().enumerate() {
                        self.heap.incref(item);
                        self.set_reg(g.now, a + before as u8 + 1 + i as u8, item);
                    }
                    self.release_all(&items);
                }
                Op::CallEx => {
                    let callee = self.reg(g.now, a);
                    let (list, dict) = (self.reg(g.now, a + 1), self.reg(g.now, a + 2));
                    self.set_frame_ip(g.now.frame, g.ip);
                    if let Some(frame) = self.call_unpacked(g.now, a, callee, list, dict)? {
                        g.now = self.running(frame);
                        g.ip = 0;
                        continue;
                    }
                    if !tracking_sites && self.heap.sites.is_some() {
                        return Ok(None);
                    }
                }
                Op::DeleteAttr => {
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                    self.delete_attribute(self.reg(g.now, a), name)?;
                }
                Op::PopHandled => {
                    if let Some((_, exception)) = self.handled.pop() {
                        self.release(exception);
                    }
                }
                Op::ReraiseHandled => {
                    let exception = self.handled_exception();
                    if exception == Value::NULL {
                        return Err(Error::Runtime("No active exception to reraise"));
                    }
                    self.heap.incref(exception);
                    return Err(self.raise(exception));
                }
                Op::Import => {
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(instr.bx()));
                    let module = self.import_module(name)?;
                    self.set_reg(g.now, a, module);
                }
                Op::ImportStar => {
                    let globals = self.globals_of(g.now);
                    self.import_star(self.reg(g.now, a), globals)?;
                }
                Op::InPlace => {
                    let operator = Op::from_byte(c).ok_or(Error::Type("bad in-place operator"))?;
                    self.arithmetic(g.now, operator, a, self.reg(g.now, a), self.reg(g.now, b), true)?;
                }
                Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq | Op::Ne => {
                    self.compare_into(g.now, op, a, self.reg(g.now, b), self.reg(g.now, c))?;
                }
                Op::Is | Op::IsNot => {
                    let same = self.reg(g.now, b) == self.reg(g.now, c);
                    self.set_reg(g.now, a, Value::from_bool(same == (op == Op::Is)));
                }
                Op::In | Op::NotIn => {
                    let found = self.contains_any(self.reg(g.now, c), self.reg(g.now, b))?;
                    self.set_reg(g.now, a, Value::from_bool(found == (op == Op::In)));
                }
                Op::Neg | Op::Pos | Op::Invert => {
                    let v = self.unary_op(op, self.reg(g.now, b))?;
                    self.set_reg(g.now, a, v);
                }
                Op::Not => {
                    let truth = self.truth(self.reg(g.now, b))?;
                    self.set_reg(g.now, a, Value::from_bool(!truth));
                }
                Op::Jump => g.ip = g.ip.wrapping_add_signed(instr.sbx()),
                Op::JumpIfTrue | Op::JumpIfFalse => {
                    let v = self.reg(g.now, a);
                    // Comparisons leave bools: decide those without a call.
                    let truth = match v {
                        Value::TRUE => true,
                        Value::FALSE => false,
                        _ => self.truth(v)?,
                    };
                    if truth == (op == Op::JumpIfTrue) {
                        g.ip = g.ip.wrapping_add_signed(instr.sbx());
                    }
                }
                Op::Call => {
                    let callee = self.reg(g.now, a);
                    self.set_frame_ip(g.now.frame, g.ip);
                    if self.enter_plain_call(&mut g.now, a, callee, u32::from(a) + 1, b)? {
                        g.ip = 0;
                        continue;
                    }
                    if self.call_native_directly(g.now, a, callee, u32::from(a) + 1, b)? {
                        if !tracking_sites && self.heap.sites.is_some() {
                            return Ok(None);
                        }
                        continue;
                    }
                    if let Some(frame) = self.call_in_loop(g.now, a, callee, None, u32::from(a) + 1, b, 0)? {
                        g.now = self.running(frame);
                        g.ip = 0;
                        continue;
                    }
                    if !tracking_sites && self.heap.sites.is_some() {
                        return Ok(None);
                    }
                }
                Op::CallKw => {
                    let callee = self.reg(g.now, a);
                    self.set_frame_ip(g.now.frame, g.ip);
                    if let Some(frame) = self.call_in_loop(g.now, a, callee, None, u32::from(a) + 1, b, c)? {
                        g.now = self.running(frame);
                        g.ip = 0;
                        continue;
                    }
                    if !tracking_sites && self.heap.sites.is_some() {
                        return Ok(None);
                    }
                }
                Op::GetSlice => {
                    let (container, parts) =
                        (self.reg(g.now, b), [self.reg(g.now, c), self.reg(g.now, c + 1), self.reg(g.now, c + 2)]);
                    let v = if self.kind_of(container) == Some(Kind::Instance) {
                        // `obj[a:b]` hands `__getitem__` a slice object.
                        let key = self.new_slice(parts)?;
                        let v = self.get_item_any(container, key);
                        self.release(key);
                        v?
                    } else {
                        self.get_slice(container, parts)?
                    };
                    self.set_reg(g.now, a, v);
                }
                Op::SetSlice => {
                    let (container, parts) =
                        (self.reg(g.now, a), [self.reg(g.now, b), self.reg(g.now, b + 1), self.reg(g.now, b + 2)]);
                    if self.kind_of(container) == Some(Kind::Instance) {
                        let key = self.new_slice(parts)?;
                        let done = self.set_item_any(container, key, self.reg(g.now, c));
                        self.release(key);
                        done?;
                    } else {
                        self.set_slice(container, parts, self.reg(g.now, c))?;
                    }
                }
                Op::DeleteSlice => {
                    let (container, parts) =
                        (self.reg(g.now, a), [self.reg(g.now, b), self.reg(g.now, b + 1), self.reg(g.now, b + 2)]);
                    if self.kind_of(container) == Some(Kind::Instance) {
                        let key = self.new_slice(parts)?;
                        let done = self.delete_item_any(container, key);
                        self.release(key);
                        done?;
                    } else {
                        self.delete_slice(container, parts)?;
                    }
                }
                Op::MakeCell => {
                    let cell = self.new_cell(self.reg(g.now, a))?;
                    self.set_reg(g.now, a, cell);
                }
                Op::LoadClosure => {
                    let function = self.frame_function(g.now.frame).as_object().unwrap_or_default();
                    let cell = self.function_closure_cell(function, u32::from(instr.bx()))?;
                    self.heap.incref(cell);
                    self.set_reg(g.now, a, cell);
                }
                Op::LoadDeref => {
                    let v = self.cell_contents(self.reg(g.now, b))?;
                    if v == Value::NULL {
                        let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                        return Err(Error::FreeVariable(name));
                    }
                    self.heap.incref(v);
                    self.set_reg(g.now, a, v);
                }
                Op::StoreDeref => {
                    let (cell, v) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.set_cell_contents(cell, v)?;
                }
                Op::SetClosure => {
                    let (f, cells) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.set_function_closure(f, cells)?;
                }
                Op::CallMethod => {
                    let callee = self.reg(g.now, a);
                    let receiver = self.reg(g.now, a + 1);
                    self.set_frame_ip(g.now.frame, g.ip);
                    // With a receiver, it and the arguments are one run of registers.
                    let (first, count) =
                        if receiver == Value::NULL { (u32::from(a) + 2, b) } else { (u32::from(a) + 1, b + 1) };
                    if self.enter_plain_call(&mut g.now, a, callee, first, count)? {
                        g.ip = 0;
                        continue;
                    }
                    if self.call_native_directly(g.now, a, callee, first, count)? {
                        if !tracking_sites && self.heap.sites.is_some() {
                            return Ok(None);
                        }
                        continue;
                    }
                    let receiver = (receiver != Value::NULL).then_some(receiver);
                    if let Some(frame) = self.call_in_loop(g.now, a, callee, receiver, u32::from(a) + 2, b, 0)? {
                        g.now = self.running(frame);
                        g.ip = 0;
                        continue;
                    }
                    if !tracking_sites && self.heap.sites.is_some() {
                        return Ok(None);
                    }
                }
                Op::LoadAttr => {
                    let obj = self.reg(g.now, b);
                    let v = match self.plain_instance_attribute(g.now.code, c, obj)? {
                        Some(v) => v,
                        None => {
                            let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                            self.get_attribute(obj, name)?
                        }
                    };
                    self.set_reg(g.now, a, v);
                }
                Op::ImportFrom => {
                    let (module, name) =
                        (self.reg(g.now, b), self.tuple_item(self.code_names(g.now.code), u32::from(c)));
                    match self.get_attribute(module, name) {
                        Ok(v) => self.set_reg(g.now, a, v),
                        Err(e) if crate::iterator::swallow_raised(self, e, ExceptionType::AttributeError) => {
                            return Err(self.cannot_import(module, name));
                        }
                        Err(e) => return Err(e),
                    }
                }
                Op::StoreAttr => {
                    let (obj, v) = (self.reg(g.now, a), self.reg(g.now, b));
                    if !self.store_instance_attribute(g.now.code, c, obj, v)? {
                        let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                        self.set_attribute_any(obj, name, v)?;
                    }
                }
                Op::CheckBound => {
                    if self.reg(g.now, a) == Value::NULL {
                        let name = self.tuple_item(self.code_names(g.now.code), u32::from(instr.bx()));
                        return Err(Error::UnboundLocalName(name));
                    }
                }
                Op::Clear => self.set_reg(g.now, a, Value::NULL),
                Op::DeleteItem => {
                    let (container, key) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.delete_item_any(container, key)?;
                }
                Op::Raise => {
                    let cause = if a == b { None } else { Some(self.reg(g.now, b)) };
                    return Err(self.raise_value(self.reg(g.now, a), cause));
                }
                Op::Reraise => {
                    let exception = self.reg(g.now, a);
                    self.heap.incref(exception);
                    // Its traceback already has this frame, from when it was caught here.
                    self.reraising = true;
                    return Err(self.raise(exception));
                }
                Op::ExceptionMatches => {
                    let matches = self.exception_matches(self.reg(g.now, b), self.reg(g.now, c))?;
                    self.set_reg(g.now, a, Value::from_bool(matches));
                }
                Op::Unpack => {
                    let items = self.collect_to_unpack(self.reg(g.now, b))?;
                    if items.len() != usize::from(c) {
                        let (got, too_many) = (items.len() as u32, items.len() > usize::from(c));
                        let error = Error::UnpackCount { expected: c, got, too_many, at_least: false };
                        self.release_all(&items);
                        return Err(error);
                    }
                    for (i, item) in items.into_iter().enumerate() {
                        self.set_reg(g.now, a + i as u8, item);
                    }
                }
                Op::BuildDict => {
                    let d = self.new_dict()?;
                    for i in 0..c {
                        let (key, value) = (self.reg(g.now, b + 2 * i), self.reg(g.now, b + 2 * i + 1));
                        if let Err(e) = self.dict_set(d, key, value) {
                            self.release(d);
                            return Err(e);
                        }
                    }
                    self.set_reg(g.now, a, d);
                    // The items' temporaries are dead now (the compiler made them for this).
                    self.clear_registers(g.now, u32::from(b), 2 * u32::from(c));
                }
                Op::BuildSet => {
                    let items: alloc::vec::Vec<Value> = (0..c).map(|i| self.reg(g.now, b + i)).collect();
                    let set = self.new_set(&items)?;
                    self.set_reg(g.now, a, set);
                    self.clear_registers(g.now, u32::from(b), u32::from(c));
                }
                Op::ListAppend => {
                    let (list, item) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.list_append(list, item)?;
                }
                Op::Convert => {
                    let v = self.reg(g.now, b);
                    let text = if c == 2 { self.repr(v)? } else { self.to_str(v)? };
                    let s = self.new_str(&text)?;
                    self.set_reg(g.now, a, s);
                }
                Op::FormatValue => {
                    let v = self.reg(g.now, b);
                    if c == 0 && v.is_small_int() {
                        // `{i}`: BuildString, which takes every FormatValue result,
                        // writes a small int's digits itself.
                        self.set_reg(g.now, a, v);
                        continue;
                    }
                    let spec = if c == 0 { None } else { Some(self.reg(g.now, c)) };
                    let s = self.format_value(v, spec)?;
                    self.set_reg(g.now, a, s);
                }
                Op::SetDefaults => {
                    let (f, defaults) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.set_function_defaults(f, defaults)?;
                }
                Op::BuildString => {
                    let now = g.now;
                    let s = self.new_str_concat(usize::from(c), |vm, i| vm.reg(now, b + i as u8))?;
                    self.set_reg(g.now, a, s);
                }
                Op::LoadMethod => {
                    let obj = self.reg(g.now, b);
                    if let Some(function) = self.cached_method(g.now.code, c, obj)? {
                        self.heap.incref(obj);
                        self.set_reg(g.now, a + 1, obj);
                        self.heap.incref(function);
                        self.set_reg(g.now, a, function);
                        continue;
                    }
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                    let (found, receiver) = self.get_method(obj, name)?;
                    if receiver == Some(obj) {
                        self.remember_method(g.now.code, c, obj, found)?;
                    }
                    let receiver = receiver.unwrap_or(Value::NULL);
                    self.heap.incref(receiver);
                    self.set_reg(g.now, a + 1, receiver);
                    self.set_reg(g.now, a, found);
                }
                Op::Return => {
                    let frame = g.now.frame;
                    let header = self.frame_header(frame);
                    let constructor = header.flags & crate::frame::FRAME_CONSTRUCTOR != 0;
                    let slot = g.now.registers + 4 * u32::from(a);
                    let result = self.heap.read_value(slot);
                    if constructor && result != Value::NONE {
                        return Err(Error::TypeOf { template: INIT_RETURNED, value: result });
                    }
                    // The result moves out of the frame that is about to go.
                    self.heap.write_value(slot, Value::NULL);
                    if header.flags & FRAME_RESUMED_BY_LOOP != 0 {
                        // A generator run by a `for` loop finished: the loop ends.
                        let (caller, generator, _) = self.loop_of(frame);
                        self.finish_for_loop(generator);
                        self.leave_frame(frame, header);
                        self.release(result);
                        g.now = caller;
                        g.ip = self.frame_ip(caller.frame);
                        let for_iter = Instr(self.heap.region().read_u32(g.now.words + 4 * (g.ip - 1)));
                        g.ip = g.ip.wrapping_add_signed(for_iter.sbx());
                        continue;
                    }
                    let caller = self.leave_frame(frame, header);
                    if frame == entry {
                        return Ok(Some(result));
                    }
                    g.now = self.running(caller);
                    g.ip = self.frame_ip(caller);
                    if constructor {
                        // The caller's result register already holds the new instance.
                        self.release(result);
                    } else {
                        self.set_reg(g.now, header.result_register, result);
                    }
                    continue;
                }
                Op::LoadNs => {
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                    let globals = self.globals_of(g.now);
                    let v = self.load_from_namespace(self.reg(g.now, b), globals, name)?;
                    self.set_reg(g.now, a, v);
                }
                Op::StoreNs => {
                    let name = self.tuple_item(self.code_names(g.now.code), u32::from(c));
                    let (namespace, v) = (self.reg(g.now, a), self.reg(g.now, b));
                    self.dict_set(namespace, name, v)?;
                }
                Op::BuildClass => {
                    let (bases, namespace, name) = (self.reg(g.now, b), self.reg(g.now, b + 1), self.reg(g.now, b + 2));
                    let class = self.build_class(name, bases, namespace)?;
                    self.set_reg(g.now, a, class);
                    // The class holds what it needs; its parts go now, not when the
                    // registers are next written.
                    self.clear_registers(g.now, u32::from(b), 3);
                }
                Op::BuildTuple | Op::BuildList => {
                    let mut items = alloc::vec::Vec::with_capacity(usize::from(c));
                    for i in 0..c {
                        items.push(self.reg(g.now, b + i));
                    }
                    let v = if op == Op::BuildTuple { self.new_tuple(&items)? } else { self.new_list(&items)? };
                    self.set_reg(g.now, a, v);
                    self.clear_registers(g.now, u32::from(b), u32::from(c));
                }
                Op::GetItem => {
                    let v = self.get_item_any(self.reg(g.now, b), self.reg(g.now, c))?;
                    self.set_reg(g.now, a, v);
                }
                Op::SetItem => {
                    let (container, key, v) = (self.reg(g.now, a), self.reg(g.now, b), self.reg(g.now, c));
                    self.set_item_any(container, key, v)?;
                }
                Op::GetIter => {
                    let v = self.iter_any(self.reg(g.now, b))?;
                    self.set_reg(g.now, a, v);
                }
                Op::ForIter => {
                    let it = self.reg(g.now, a);
                    if let Some((frame, resume_at)) = self.start_for_loop(it) {
                        // The generator's frame runs here, as if called by this loop.
                        self.set_frame_ip(g.now.frame, g.ip);
                        let r = self.heap.region_mut();
                        r.write_u32(frame + 12, g.now.frame);
                        r.write_u8(frame + 20, a);
                        self.set_frame_flags(frame, FRAME_RESUMED_BY_LOOP);
                        g.now = self.running(frame);
                        g.ip = resume_at;
                        continue;
                    }
                    let next = match self.next_of_range_or_sequence(it) {
                        Some(next) => next?,
                        None => self.next_any(it)?,
                    };
                    match next {
                        Some(item) => self.set_reg(g.now, a + 1, item),
                        None => g.ip = g.ip.wrapping_add_signed(instr.sbx()),
                    }
                }
                Op::MakeFunction => {
                    let constants = self.code_constants(g.now.code);
                    let code = self.tuple_item(constants, u32::from(instr.bx()));
                    let globals = self.globals_of(g.now);
                    let f = self.new_function(code, globals)?;
                    self.set_reg(g.now, a, f);
                }
            }
        }
    }

    /// The common call, entered without the general binder: `callee` is a plain script
    /// function (no generator, no `*args`, `**kwargs` or keyword-only parameters) given
    /// exactly its positional parameters, in `count` registers from `first`. Switches
    /// `now` to the new frame and returns true, or returns false (nothing done) for
    /// every other call. (`now` is switched in place rather than returned: a returned
    /// `Running` went through memory in a way that stalled every call.)
    #[inline(always)]
    fn enter_plain_call(
        &mut self,
        now: &mut Running,
        result: u8,
        callee: Value,
        first: u32,
        count: u8,
    ) -> Result<bool> {
        let Some(function) = callee.as_object() else { return Ok(false) };
        if self.depth >= self.recursion_limit {
            return Ok(false);
        }
        if !self.heap.is_kind(function, Kind::Function) {
            if self.heap.is_kind(function, Kind::Class) {
                return self.enter_plain_constructor(now, result, callee, first, count);
            }
            return Ok(false);
        }
        let code = self.function_code(function).as_object().unwrap_or_default();
        let (registers, parameters, plain) = self.code_call_facts(code);
        if !plain || parameters != count {
            return Ok(false);
        }
        // The callee's register gives its reference to the frame: the result lands in
        // an empty register instead of releasing the function then, which would make a
        // recursive closure scan its loop once per call.
        let frame = self.push_stack_frame(callee, registers, now.frame, result)?;
        self.heap.write_value(now.registers + 4 * u32::from(result), Value::NULL);
        // The arguments move: the caller's temporaries are left empty, so the callee's
        // parameters are the only references they add (as CPython's frames steal them).
        for i in 0..u32::from(count) {
            let v = Value::from_bits(self.heap.region_mut().swap_u32(now.registers + 4 * (first + i), 0));
            self.heap.write_value(frame + FRAME_HEADER + 4 * i, v);
        }
        self.depth += 1;
        *now = Running { frame, registers: frame + FRAME_HEADER, words: self.code_instructions(code).0, code };
        Ok(true)
    }

    /// A native function given only positional arguments, in `count` registers from
    /// `first`: called with them as its argument slice, without the general binder. The
    /// result goes to R[result] and the argument registers are emptied. False (nothing
    /// done) for any other call.
    #[inline]
    fn call_native_directly(&mut self, now: Running, result: u8, callee: Value, first: u32, count: u8) -> Result<bool> {
        let Some(at) = callee.as_object().filter(|&at| self.heap.is_kind(at, Kind::Native)) else { return Ok(false) };
        let count = usize::from(count);
        if count > MAX_NATIVE_ARGS {
            return Ok(false);
        }
        let mut args = [Value::NULL; MAX_NATIVE_ARGS];
        for (i, slot) in args.iter_mut().enumerate().take(count) {
            *slot = self.heap.read_value(now.registers + 4 * (first + i as u32));
        }
        let value = self.call_native(at, &args[..count], &Keywords::default())?;
        self.set_reg(now, result, value);
        self.clear_registers(now, first, count as u32);
        Ok(true)
    }

    /// `C(args)` for a script class whose `__init__` takes exactly the positional
    /// arguments, as [`Vm::enter_plain_call`] runs a plain function: the instance goes to
    /// R[result] at once and `__init__` runs in a constructor frame. `Ok(false)`: not
    /// such a call.
    #[inline(never)]
    fn enter_plain_constructor(
        &mut self,
        now: &mut Running,
        result: u8,
        class: Value,
        first: u32,
        count: u8,
    ) -> Result<bool> {
        if !self.makes_instances(class) {
            return Ok(false);
        }
        let Some(init) = self.init_method(class)? else { return Ok(false) };
        let code = self.function_code(init.as_object().unwrap_or_default()).as_object().unwrap_or_default();
        let (registers, parameters, plain) = self.code_call_facts(code);
        if !plain || u32::from(parameters) != u32::from(count) + 1 {
            return Ok(false);
        }
        let instance = self.new_instance(class)?;
        let frame = match self.push_stack_frame(init, registers, now.frame, result) {
            Ok(frame) => frame,
            Err(e) => {
                self.release(instance);
                return Err(e);
            }
        };
        self.heap.incref(init);
        self.set_frame_flags(frame, crate::frame::FRAME_CONSTRUCTOR);
        self.heap.incref(instance);
        self.heap.write_value(frame + FRAME_HEADER, instance);
        for i in 0..u32::from(count) {
            let v = Value::from_bits(self.heap.region_mut().swap_u32(now.registers + 4 * (first + i), 0));
            self.heap.write_value(frame + FRAME_HEADER + 4 * (i + 1), v);
        }
        self.set_reg(*now, result, instance);
        self.depth += 1;
        *now = Running { frame, registers: frame + FRAME_HEADER, words: self.code_instructions(code).0, code };
        Ok(true)
    }

    /// Calls `callee` with `receiver` (if any) then the `count` arguments in registers
    /// from `first`; the result goes to register `result`. The caller has saved its ip. A
    /// script function gets a new frame, returned for the loop to switch to; everything
    /// else runs now and stores its result.
    #[allow(clippy::too_many_arguments)] // the operands of one call instruction, decoded
    fn call_in_loop(
        &mut self,
        now: Running,
        result: u8,
        callee: Value,
        receiver: Option<Value>,
        first: u32,
        count: u8,
        keyword_count: u8,
    ) -> Result<Option<u32>> {
        let base = now.registers + 4 * first;
        // Keyword values follow the positional arguments; their names' tuple follows them.
        let mut keyword_values = [Value::NULL; MAX_NATIVE_ARGS];
        let keyword_count = usize::from(keyword_count).min(MAX_NATIVE_ARGS);
        for (i, slot) in keyword_values.iter_mut().enumerate().take(keyword_count) {
            *slot = self.heap.read_value(base + 4 * (u32::from(count) + i as u32));
        }
        let names_tuple = if keyword_count == 0 {
            Value::NULL
        } else {
            self.heap.read_value(base + 4 * (u32::from(count) + keyword_count as u32))
        };
        let names: alloc::vec::Vec<Value> = self.tuple_items(names_tuple).collect();
        let keywords = Keywords { names: &names, values: &keyword_values[..keyword_count] };
        let arg = |vm: &Vm, i: u32| vm.heap.read_value(base + 4 * i);
        let switch = self.dispatch_call(now, result, callee, receiver, u32::from(count), &arg, &keywords)?;
        if switch.is_none() {
            // Done: the argument temporaries are dead; empty them now rather than when
            // they are next written, so nothing outlives the call because of them.
            let used = u32::from(count) + keyword_count as u32 + u32::from(keyword_count != 0);
            self.clear_registers(now, first, used);
        }
        Ok(switch)
    }

    /// Releases what registers `first..first + count` hold and leaves them empty.
    fn clear_registers(&mut self, now: Running, first: u32, count: u32) {
        for i in first..first + count {
            let old = Value::from_bits(self.heap.region_mut().swap_u32(now.registers + 4 * i, 0));
            self.release(old);
        }
    }

    /// Calls `callee` with `receiver` (if any), then `count` arguments read by `arg`, and
    /// `keywords`; the result goes to register `result`. A script function gets a new
    /// frame, returned for the loop to switch to; everything else runs now.
    #[allow(clippy::too_many_arguments)] // the parts of one call
    fn dispatch_call(
        &mut self,
        now: Running,
        result: u8,
        callee: Value,
        receiver: Option<Value>,
        count: u32,
        positional: &dyn Fn(&Vm, u32) -> Value,
        keywords: &Keywords<'_>,
    ) -> Result<Option<u32>> {
        let (callee, receiver) = match self.kind_of(callee) {
            Some(Kind::BoundMethod) if receiver.is_none() => {
                let (function, bound) = self.bound_method_parts(callee.as_object().unwrap_or_default());
                (function, Some(bound))
            }
            Some(Kind::Instance) if receiver.is_none() => match self.call_method_of(callee)? {
                Some(method) => (method, Some(callee)),
                None => return Err(Error::TypeOf { template: "'{}' object is not callable", value: callee }),
            },
            _ => (callee, receiver),
        };
        let shift = u32::from(receiver.is_some());
        let total = count + shift;
        let arg = |vm: &Vm, i: u32| match (receiver, i) {
            (Some(r), 0) => r,
            _ => positional(vm, i - shift),
        };
        if self.kind_of(callee) == Some(Kind::Class) && self.makes_instances(callee) {
            let instance = self.new_instance(callee)?;
            match self.init_method(callee)? {
                Some(init) => {
                    // R[result] takes the instance now; `__init__` runs as a frame whose
                    // own result is dropped.
                    let with_self = |vm: &Vm, i: u32| if i == 0 { instance } else { arg(vm, i - 1) };
                    let frame = self.enter_function(init, now.frame, result, total + 1, with_self, keywords);
                    let frame = match frame {
                        Ok(frame) => frame,
                        Err(e) => {
                            self.release(instance);
                            return Err(e);
                        }
                    };
                    self.set_frame_flags(frame, crate::frame::FRAME_CONSTRUCTOR);
                    self.set_reg(now, result, instance);
                    return Ok(Some(frame));
                }
                None if total == 0 && keywords.is_empty() => {
                    self.set_reg(now, result, instance);
                    return Ok(None);
                }
                None => {
                    self.release(instance);
                    return Err(self.takes_no_arguments(callee));
                }
            }
        }
        match self.kind_of(callee) {
            Some(Kind::Function) => {
                let frame = self.enter_function(callee, now.frame, result, total, arg, keywords)?;
                match self.generator_for(frame) {
                    Some(made) => {
                        let g = made?;
                        self.set_reg(now, result, g);
                        Ok(None)
                    }
                    None => Ok(Some(frame)),
                }
            }
            Some(Kind::Native | Kind::Class) => {
                if total as usize > MAX_NATIVE_ARGS {
                    return Err(Error::Type("too many arguments for a builtin function"));
                }
                let mut args = [Value::NULL; MAX_NATIVE_ARGS];
                for (i, slot) in args.iter_mut().enumerate().take(total as usize) {
                    *slot = arg(self, i as u32);
                }
                let args = &args[..total as usize];
                let value = if self.kind_of(callee) == Some(Kind::Class) {
                    self.instantiate(callee, args, keywords)?
                } else {
                    let at = callee.as_object().unwrap_or_default();
                    self.call_native(at, args, keywords)?
                };
                self.set_reg(now, result, value);
                Ok(None)
            }
            _ => Err(Error::TypeOf { template: "'{}' object is not callable", value: callee }),
        }
    }

    /// `callee(*list, **dict)`: the call of `CallEx`, through the same dispatch as
    /// register calls.
    fn call_unpacked(
        &mut self,
        now: Running,
        result: u8,
        callee: Value,
        list: Value,
        dict: Value,
    ) -> Result<Option<u32>> {
        let args: alloc::vec::Vec<Value> = (0..self.list_len(list)).map(|i| self.list_item(list, i)).collect();
        let mut names = alloc::vec::Vec::new();
        let mut values = alloc::vec::Vec::new();
        if dict != Value::NULL && dict != Value::NONE {
            let mut position = 0;
            while let Some((key, value)) = self.dict_next(dict, &mut position) {
                if self.kind_of(key) != Some(Kind::Str) {
                    return Err(Error::Type("keywords must be strings"));
                }
                names.push(key);
                values.push(value);
            }
        }
        // Keyword names must be interned to match parameter names by handle.
        let mut interned = alloc::vec::Vec::with_capacity(names.len());
        for &n in &names {
            self.heap.incref(n);
            match self.intern(n) {
                Ok(v) => interned.push(v),
                Err(e) => {
                    self.release(n);
                    self.release_all(&interned);
                    return Err(e);
                }
            }
        }
        let keywords = Keywords { names: &interned, values: &values };
        let outcome =
            self.dispatch_call(now, result, callee, None, args.len() as u32, &|_, i| args[i as usize], &keywords);
        self.release_all(&interned);
        outcome
    }

    /// `R[a] = x <op> y` (`x <op>= y` when `in_place`): small ints and floats are
    /// computed here, and a float result reuses `R[a]`'s float when only `R[a]` holds
    /// it; everything else goes through the full operator protocol.
    #[inline(always)]
    fn arithmetic(&mut self, now: Running, op: Op, a: u8, x: Value, y: Value, in_place: bool) -> Result<()> {
        // Ints (not bools, whose `&`, `|`, `^` stay bools) and floats are computed here.
        if let (Some(p), Some(q)) = (self.int_value(x), self.int_value(y)) {
            if let Some(n) = crate::operators::int_arithmetic(op, p, q) {
                let n = n?;
                let slot = now.registers + 4 * u32::from(a);
                if !self.overwrite_unshared_int(self.heap.read_value(slot), n) {
                    let v = self.new_int(n)?;
                    self.set_reg(now, a, v);
                }
                return Ok(());
            }
        } else if let Some((p, q)) = self.float_operands(x, y) {
            // The three that cannot fail are done here, without a call returning a Result.
            let r = match op {
                Op::Add => Some(Ok(p + q)),
                Op::Sub => Some(Ok(p - q)),
                Op::Mul => Some(Ok(p * q)),
                _ => crate::operators::float_arithmetic(op, p, q),
            };
            if let Some(r) = r {
                let r = r?;
                let slot = now.registers + 4 * u32::from(a);
                if !self.overwrite_unshared_float(self.heap.read_value(slot), r) {
                    let v = self.new_float(r)?;
                    self.set_reg(now, a, v);
                }
                return Ok(());
            }
        }
        let v = self.binary_op(op, x, y, in_place)?;
        self.set_reg(now, a, v);
        Ok(())
    }

    /// R[a] = x `op` y for a comparison operator. Ints and floats compare without
    /// dispatch (NaN compares false, as in Python, except for `!=`).
    #[inline(always)]
    fn compare_into(&mut self, now: Running, op: Op, a: u8, x: Value, y: Value) -> Result<()> {
        let v = match (x.as_small_int(), y.as_small_int()) {
            (Some(p), Some(q)) => Value::from_bool(compare_numbers(op, p, q)),
            _ => match self.float_operands(x, y) {
                Some((p, q)) => Value::from_bool(compare_numbers(op, p, q)),
                None => self.compare_op(op, x, y)?,
            },
        };
        self.set_reg(now, a, v);
        Ok(())
    }

    /// Both operands as floats, when one is a float and the other a float or small int.
    #[inline(always)]
    fn float_operands(&self, x: Value, y: Value) -> Option<(f64, f64)> {
        match (self.as_float(x), self.as_float(y)) {
            (Some(p), Some(q)) => Some((p, q)),
            (Some(p), None) => Some((p, y.as_small_int()? as f64)),
            (None, Some(q)) => Some((x.as_small_int()? as f64, q)),
            (None, None) => None,
        }
    }

    fn globals_of(&self, now: Running) -> Value {
        let function = self.frame_function(now.frame).as_object().unwrap_or_default();
        self.function_globals(function)
    }

    /// `container[key]` for the built-in containers (owned result).
    pub fn get_item(&mut self, container: Value, key: Value) -> Result<Value> {
        if let Some(parts) = self.slice_object_parts(key) {
            return self.get_slice(container, parts);
        }
        match self.kind_of(container) {
            Some(Kind::List) => {
                let i = self.as_int(key).ok_or(Error::Type("list indices must be integers or slices"))?;
                self.list_get(container, i)
            }
            Some(Kind::Tuple) => {
                let i = self.as_int(key).ok_or(Error::Type("tuple indices must be integers or slices"))?;
                self.tuple_get(container, i)
            }
            Some(Kind::Dict) => match self.dict_get(container, key)? {
                Some(v) => Ok(v),
                None => Err(Error::Key(key)),
            },
            Some(Kind::Str) => {
                let i = self.as_int(key).ok_or(Error::Type("string indices must be integers"))?;
                let text = self.as_str(container).unwrap_or("");
                let len = text.chars().count() as i64;
                let index = if i < 0 { i + len } else { i };
                let c = (0..len).contains(&index).then(|| text.chars().nth(index as usize)).flatten();
                let c = c.ok_or(Error::Index("string index out of range"))?;
                let mut buffer = [0u8; 4];
                self.new_str(c.encode_utf8(&mut buffer))
            }
            Some(Kind::Range) => {
                let at = container.as_object().unwrap_or_default();
                let i = self.as_int(key).ok_or(Error::Type("range indices must be integers or slices"))?;
                let len = self.range_len(at);
                let index = if i < 0 { i + len } else { i };
                if !(0..len).contains(&index) {
                    return Err(Error::Index("range object index out of range"));
                }
                let (start, _, step) = self.range_parts(at);
                self.new_int(start + step * index)
            }
            _ => Err(Error::TypeOf { template: "'{}' object is not subscriptable", value: container }),
        }
    }

    /// `del container[key]` for lists and dicts.
    pub fn delete_item(&mut self, container: Value, key: Value) -> Result<()> {
        if let Some(parts) = self.slice_object_parts(key) {
            return self.delete_slice(container, parts);
        }
        match self.kind_of(container) {
            Some(Kind::List) => {
                let i = self.as_int(key).ok_or(Error::Type("list indices must be integers or slices"))?;
                let len = self.list_len(container);
                if crate::tuple::resolve_index(i, len).is_none() {
                    return Err(Error::Index("list assignment index out of range"));
                }
                let item = self.list_pop_at(container, i)?;
                self.release(item);
                Ok(())
            }
            Some(Kind::Dict) => {
                if self.dict_delete(container, key)? {
                    Ok(())
                } else {
                    Err(Error::Key(key))
                }
            }
            _ => Err(Error::TypeOf { template: "'{}' object does not support item deletion", value: container }),
        }
    }

    /// `raise value [from cause]`: value is an exception, or a class to instantiate.
    fn raise_value(&mut self, value: Value, cause: Option<Value>) -> Error {
        let exception = match self.kind_of(value) {
            Some(Kind::Exception) => {
                self.heap.incref(value);
                value
            }
            Some(Kind::Class)
                if self.class_flags(value.as_object().unwrap_or_default()) & crate::class::CLASS_IS_EXCEPTION != 0 =>
            {
                match self.new_exception(value, &[]) {
                    Ok(e) => e,
                    Err(e) => return self.raise_error(e),
                }
            }
            _ => return self.raise_error(Error::Type("exceptions must derive from BaseException")),
        };
        if let Some(cause) = cause {
            self.set_exception_cause(exception, cause);
        }
        self.raise(exception)
    }

    /// `except spec:` — whether `exception` is an instance of a class in `spec`.
    fn exception_matches(&self, exception: Value, spec: Value) -> Result<bool> {
        let classes: alloc::vec::Vec<Value> = match self.kind_of(spec) {
            Some(Kind::Tuple) => self.tuple_items(spec).collect(),
            _ => alloc::vec![spec],
        };
        for class in classes {
            if self.kind_of(class) != Some(Kind::Class) {
                return Err(Error::Type("catching classes that do not inherit from BaseException is not allowed"));
            }
            if self.is_instance(exception, class) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `container[key] = v` for lists and dicts.
    pub fn set_item(&mut self, container: Value, key: Value, v: Value) -> Result<()> {
        if let Some(parts) = self.slice_object_parts(key) {
            return self.set_slice(container, parts, v);
        }
        match self.kind_of(container) {
            Some(Kind::List) => {
                let i = self.as_int(key).ok_or(Error::Type("list indices must be integers or slices"))?;
                self.list_set(container, i, v)
            }
            Some(Kind::Dict) => self.dict_set(container, key, v),
            _ => Err(Error::TypeOf { template: "'{}' object does not support item assignment", value: container }),
        }
    }
}

/// `p <op> q` for a comparison opcode.
#[inline(always)]
fn compare_numbers<T: PartialOrd>(op: Op, p: T, q: T) -> bool {
    match op {
        Op::Lt => p < q,
        Op::Le => p <= q,
        Op::Gt => p > q,
        Op::Ge => p >= q,
        Op::Eq => p == q,
        _ => p != q,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::CodeBuilder;
    use crate::test_support::{int, vm, TestVm};

    fn abc(op: Op, a: u8, b: u8, c: u8) -> Instr {
        Instr::abc(op, a, b, c)
    }

    fn asbx(op: Op, a: u8, sbx: i32) -> Instr {
        Instr::asbx(op, a, sbx).unwrap()
    }

    /// `def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)`, stored as global
    /// `fib` of a new globals dict; returns (function, globals).
    fn make_fib(vm: &mut TestVm) -> (Value, Value) {
        let mut b = CodeBuilder::new("fib", "test.py", 1);
        b.registers = 6;
        b.parameters = 1;
        let fib = b.name_index("fib").unwrap();
        b.local_names.push("n".into());
        for (line, instr) in [
            (2, asbx(Op::LoadInt, 1, 2)),
            (2, abc(Op::Lt, 1, 0, 1)),
            (2, asbx(Op::JumpIfFalse, 1, 1)),
            (3, abc(Op::Return, 0, 0, 0)),
            (4, Instr::abx(Op::LoadGlobal, 2, fib)),
            (4, asbx(Op::LoadInt, 3, 1)),
            (4, abc(Op::Sub, 3, 0, 3)),
            (4, abc(Op::Call, 2, 1, 0)),
            (4, Instr::abx(Op::LoadGlobal, 4, fib)),
            (4, asbx(Op::LoadInt, 5, 2)),
            (4, abc(Op::Sub, 5, 0, 5)),
            (4, abc(Op::Call, 4, 1, 0)),
            (4, abc(Op::Add, 1, 2, 4)),
            (4, abc(Op::Return, 1, 0, 0)),
        ] {
            b.emit(instr, line);
        }
        let code = b.finish(vm).unwrap();
        let globals = vm.new_dict().unwrap();
        let f = vm.new_function(code, globals).unwrap();
        vm.release(code);
        let name = vm.intern_str("fib").unwrap();
        vm.dict_set(globals, name, f).unwrap();
        vm.release(name);
        (f, globals)
    }

    fn tear_down(vm: &mut TestVm, f: Value, globals: Value) {
        // The module-level cycle function -> globals -> function is broken by clearing
        // the globals, as a module teardown does.
        vm.dict_clear(globals).unwrap();
        vm.release_all(&[f, globals]);
        assert_eq!(vm.raised, Value::NULL);
        let left = |s| vm.subsystem(s).live_objects;
        use crate::Subsystem::{Code, Exception, Frame, Function};
        // One exception object stays: the VM's spare MemoryError.
        assert_eq!((left(Frame), left(Function), left(Code), left(Exception)), (0, 0, 0, 1));
    }

    #[test]
    fn recursive_calls_run_in_heap_frames() {
        let mut vm = vm();
        let (f, globals) = make_fib(&mut vm);
        assert_eq!(vm.call(f, &[int(20)]).unwrap(), int(6765));
        assert_eq!(vm.depth, 0, "every frame was left");
        assert_eq!(vm.subsystem(crate::Subsystem::Frame).live_bytes, 0);
        assert!(vm.subsystem(crate::Subsystem::Frame).high_water_bytes >= 20 * 48);
        tear_down(&mut vm, f, globals);
    }

    #[test]
    fn the_recursion_limit_is_an_error_not_a_crash() {
        let mut vm = vm();
        vm.recursion_limit = 50;
        let (f, globals) = make_fib(&mut vm);
        assert_eq!(vm.call(f, &[int(25)]).unwrap(), int(75025), "depth 25 fits");
        vm.recursion_limit = 10;
        assert_eq!(vm.call(f, &[int(25)]).unwrap_err(), Error::Raised);
        let exception = vm.take_raised();
        assert!(vm
            .format_exception(exception, &|_, _| None)
            .ends_with("RecursionError: maximum recursion depth exceeded\n"));
        vm.release(exception);
        assert_eq!((vm.depth, vm.subsystem(crate::Subsystem::Frame).live_objects), (0, 0));
        tear_down(&mut vm, f, globals);
    }

    #[test]
    fn errors_unwind_every_frame() {
        let mut vm = vm();
        let (f, globals) = make_fib(&mut vm);
        let s = vm.new_str("x").unwrap();
        assert_eq!(vm.call(f, &[s]).unwrap_err(), Error::Raised);
        let exception = vm.take_raised();
        let entries = vm.traceback_entries(vm.exception_traceback(exception));
        assert_eq!(entries.len(), 1);
        assert_eq!((entries[0].line, entries[0].function.as_str(), entries[0].file.as_str()), (2, "fib", "test.py"));
        let text = vm.format_exception(exception, &|_, line| Some(alloc::format!("source of line {line}")));
        assert_eq!(
            text,
            "Traceback (most recent call last):\n  File \"test.py\", line 2, in fib\n    source of line 2\n\
             TypeError: '<' not supported between instances of 'str' and 'int'\n"
        );
        vm.release(exception);
        vm.recursion_limit = 5;
        assert_eq!(vm.call(f, &[int(10)]).unwrap_err(), Error::Raised);
        let exception = vm.take_raised();
        let lines: alloc::vec::Vec<u32> =
            vm.traceback_entries(vm.exception_traceback(exception)).iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 4, 4, 4, 4], "outermost first; each frame at its call");
        assert!(vm
            .format_exception(exception, &|_, _| None)
            .ends_with("RecursionError: maximum recursion depth exceeded\n"));
        vm.release(exception);
        assert_eq!(vm.call(f, &[]).unwrap_err(), Error::Raised);
        let exception = vm.take_raised();
        assert_eq!(
            vm.format_exception(exception, &|_, _| None),
            "TypeError: fib() missing 1 required positional argument: 'n'\n"
        );
        vm.release(exception);
        assert_eq!(vm.subsystem(crate::Subsystem::Frame).live_objects, 0);
        vm.release(s);
        tear_down(&mut vm, f, globals);
    }

    #[test]
    fn invalid_code_is_refused_before_it_runs() {
        let mut vm = vm();
        let mut b = CodeBuilder::new("bad", "test.py", 1);
        b.registers = 1;
        b.emit(abc(Op::Move, 0, 3, 0), 1);
        b.emit(abc(Op::Return, 0, 0, 0), 1);
        assert!(b.finish(&mut vm).is_err());
        let mut b = CodeBuilder::new("bad", "test.py", 1);
        b.registers = 1;
        b.emit(asbx(Op::Jump, 0, 5), 1);
        b.emit(abc(Op::Return, 0, 0, 0), 1);
        assert!(b.finish(&mut vm).is_err());
        assert_eq!(vm.subsystem(crate::Subsystem::Code).live_bytes, 0);
    }
}
