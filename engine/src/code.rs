//! Code objects: what the compiler produces and the interpreter runs.
//!
//! ```text
//! object (48 bytes): +8 instructions: u32 (offset of a block of u32 words)  +12 count: u32
//!                    +16 constants: tuple  +20 names: tuple of interned str
//!                    +24 name: str  +28 file: str
//!                    +32 line table: u32 (offset)  +36 line entries: u32
//!                    +40 registers: u8  +41 positional parameters: u8
//!                    +42 flags: u16 (bit 0 generator, 1 *args, 2 **kwargs, 3 docstring is constant 0,
//!                                    4..7 positional-only count (at most 15 recorded),
//!                                    8..15 keyword-only count)
//!                    +44 first line: u32
//!                    +48 handler table: u32 (offset, 0 if none)  +52 handlers: u32
//!                    +56 local names: tuple of str (register order; parameters first)
//!                    +60 name lookup cache: u32 (offset, 0 until used; `name_cache.rs`)
//! line table:        [(first instruction: u32, line: u32); entries], instruction-ordered
//! handler table:     [(start, end, target, register | depth << 8): u32 x 4; handlers],
//!                    innermost first
//! ```
//!
//! A handler entry says: an exception raised by an instruction in `start..end` jumps to
//! `target` with the exception in `register`. Like CPython 3.11's exception table, it
//! costs nothing until an exception is raised.
//!
//! A code object is immutable once built. [`CodeBuilder::finish`] validates every
//! instruction against the code it belongs to (registers below the register count,
//! constant and name indexes in range, jumps landing on an instruction), so the
//! interpreter never meets an operand it has to check.
//! The instruction words and the line table are private tables of the code object,
//! charged to the `code` subsystem.

use crate::accounting::{BlockRole, Subsystem};
use crate::bytecode::{Instr, Op, Operand, Shape};
use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;

pub(crate) const OBJECT_BYTES: u32 = 64;

/// An exception handler: instructions `start..end` are covered; an exception raised there
/// goes to `register` and execution continues at `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub register: u8,
    /// Handler blocks of the same function enclosing this `try` (their exceptions stay
    /// "being handled" when this one catches).
    pub depth: u8,
}

/// Builds a code object: instructions, constants and names are gathered in host memory
/// during compilation and moved into the script heap in one go.
#[derive(Debug)]
pub struct CodeBuilder {
    pub name: String,
    pub file: String,
    pub first_line: u32,
    /// Registers the code uses; parameters are the first ones.
    pub registers: u8,
    pub parameters: u8,
    /// Calling the code makes a generator instead of running it.
    pub is_generator: bool,
    /// Keyword-only parameters (after the positional ones).
    pub keyword_only: u8,
    /// How many of the positional parameters are positional-only (`co_posonlyargcount`).
    pub positional_only: u8,
    /// A `*args` parameter (after the keyword-only ones).
    pub varargs: bool,
    /// A `**kwargs` parameter (last).
    pub varkeywords: bool,
    /// Constant 0 is the function's docstring.
    pub has_docstring: bool,
    instructions: Vec<Instr>,
    /// `(first instruction, line)` whenever the line changes.
    lines: Vec<(u32, u32)>,
    /// Exception handlers, innermost first.
    handlers: Vec<Handler>,
    /// Owned references, released by [`CodeBuilder::discard`] or handed to the heap.
    constants: Vec<Value>,
    names: Vec<String>,
    /// Names of the locals, in register order (for error messages and keywords).
    pub local_names: Vec<String>,
}

impl CodeBuilder {
    pub fn new(name: &str, file: &str, first_line: u32) -> CodeBuilder {
        CodeBuilder {
            name: name.into(),
            file: file.into(),
            first_line,
            registers: 0,
            parameters: 0,
            is_generator: false,
            keyword_only: 0,
            positional_only: 0,
            varargs: false,
            varkeywords: false,
            has_docstring: false,
            instructions: Vec::new(),
            lines: Vec::new(),
            handlers: Vec::new(),
            constants: Vec::new(),
            names: Vec::new(),
            local_names: Vec::new(),
        }
    }

    /// Appends an instruction from source line `line`; returns its index.
    pub fn emit(&mut self, instr: Instr, line: u32) -> u32 {
        let index = self.instructions.len() as u32;
        if self.lines.last().is_none_or(|&(_, l)| l != line) {
            self.lines.push((index, line));
        }
        self.instructions.push(instr);
        index
    }

    /// Index of the next instruction to be emitted.
    pub fn next_index(&self) -> u32 {
        self.instructions.len() as u32
    }

    /// Instruction `index` as emitted so far.
    pub fn instruction(&self, index: u32) -> Instr {
        self.instructions[index as usize]
    }

    /// Replaces instruction `index` (to patch a jump once its target is known).
    pub fn patch(&mut self, index: u32, instr: Instr) {
        self.instructions[index as usize] = instr;
    }

    /// Adds a handler; add inner handlers before the handlers that enclose them.
    pub fn add_handler(&mut self, handler: Handler) {
        self.handlers.push(handler);
    }

    /// Adds constant `v` (the builder takes over the caller's reference); returns its index.
    pub fn add_constant(&mut self, vm: &mut Vm, v: Value) -> Result<u16> {
        if let Some(i) = self.constants.iter().position(|&c| c == v) {
            vm.release(v);
            return Ok(i as u16);
        }
        let i = u16::try_from(self.constants.len()).map_err(|_| Error::Type("too many constants in one function"))?;
        self.constants.push(v);
        Ok(i)
    }

    /// The index of name `text`, added if new.
    pub fn name_index(&mut self, text: &str) -> Result<u16> {
        if let Some(i) = self.names.iter().position(|n| n == text) {
            return Ok(i as u16);
        }
        let i = u16::try_from(self.names.len()).map_err(|_| Error::Type("too many names in one function"))?;
        self.names.push(text.into());
        Ok(i)
    }

    /// Releases the constants (when compilation fails before `finish`).
    pub fn discard(self, vm: &mut Vm) {
        vm.release_all(&self.constants);
    }

    /// Checks every instruction's operands against this code. `Err` names the first
    /// broken one; it means a compiler bug, reported rather than run.
    fn validate(&self) -> core::result::Result<(), &'static str> {
        let count = self.instructions.len() as i64;
        let regs = u32::from(self.registers);
        let reg_ok = |r: u8| u32::from(r) < regs;
        let check = |operand: Operand, value: u32, at: i64| -> bool {
            match operand {
                Operand::None | Operand::Imm => true,
                Operand::Reg => value < regs,
                Operand::Const => (value as usize) < self.constants.len(),
                Operand::Name | Operand::NameC => (value as usize) < self.names.len(),
                Operand::Jump => (0..count).contains(&(at + 1 + i64::from(value as i32))),
                Operand::RegOrZero => value == 0 || value < regs,
            }
        };
        for (at, instr) in self.instructions.iter().enumerate() {
            let at = at as i64;
            let op = Op::from_byte(instr.op_byte()).ok_or("unknown opcode")?;
            let ok = match op.shape() {
                Shape::Abc(a, b, c) => {
                    check(a, u32::from(instr.a()), at)
                        && check(b, u32::from(instr.b()), at)
                        && check(c, u32::from(instr.c()), at)
                }
                Shape::Abx(a, Operand::Jump) => {
                    check(a, u32::from(instr.a()), at) && check(Operand::Jump, instr.sbx() as u32, at)
                }
                Shape::Abx(a, bx) => check(a, u32::from(instr.a()), at) && check(bx, u32::from(instr.bx()), at),
                Shape::CallWindow => u32::from(instr.a()) + u32::from(instr.b()) < regs,
                Shape::MethodCallWindow => u32::from(instr.a()) + u32::from(instr.b()) + 1 < regs,
                Shape::SliceAt(operand) => {
                    let (a, b, c) = (u32::from(instr.a()), u32::from(instr.b()), u32::from(instr.c()));
                    let run = match operand {
                        0 => a,
                        1 => b,
                        _ => c,
                    };
                    a < regs && b < regs && c < regs && run + 3 <= regs
                }
                Shape::StarredUnpack => {
                    let spread = u32::from(instr.c() & 15) + u32::from(instr.c() >> 4);
                    reg_ok(instr.b()) && u32::from(instr.a()) + spread < regs
                }
                Shape::KeywordCallWindow => {
                    u32::from(instr.a()) + u32::from(instr.b()) + u32::from(instr.c()) + 1 < regs
                }
                Shape::UnpackRun => u32::from(instr.a()) + u32::from(instr.c()) <= regs && reg_ok(instr.b()),
                Shape::PairRun => reg_ok(instr.a()) && u32::from(instr.b()) + 2 * u32::from(instr.c()) <= regs,
                Shape::MethodLoad => {
                    u32::from(instr.a()) + 1 < regs && reg_ok(instr.b()) && (instr.c() as usize) < self.names.len()
                }
                Shape::RegRun => reg_ok(instr.a()) && u32::from(instr.b()) + u32::from(instr.c()) <= regs,
                Shape::IterJump => u32::from(instr.a()) + 1 < regs && check(Operand::Jump, instr.sbx() as u32, at),
            };
            if !ok {
                return Err("instruction operand out of range");
            }
        }
        if self.instructions.last().is_none_or(|i| i.op_byte() != Op::Return as u8) {
            return Err("code does not end in a return");
        }
        for h in &self.handlers {
            if h.start > h.end || h.end as i64 > count || h.target as i64 >= count || u32::from(h.register) >= regs {
                return Err("exception handler out of range");
            }
        }
        Ok(())
    }

    /// Moves the code into the script heap as a code object (owned by the caller). On
    /// error every reference the builder held is released.
    pub fn finish(self, vm: &mut Vm) -> Result<Value> {
        if let Err(why) = self.validate() {
            self.discard(vm);
            return Err(Error::Type(why));
        }
        let made = vm.make_code(&self);
        vm.release_all(&self.constants);
        made
    }
}

impl Vm {
    fn make_code(&mut self, b: &CodeBuilder) -> Result<Value> {
        let mut parts: Vec<Value> = Vec::with_capacity(4);
        let result = self.make_code_parts(b, &mut parts);
        if result.is_err() {
            self.release_all(&parts);
        }
        result
    }

    /// Allocates each part, pushing owned references to `parts` so a failure can release
    /// them, and finally the code object that takes them over.
    fn make_code_parts(&mut self, b: &CodeBuilder, parts: &mut Vec<Value>) -> Result<Value> {
        let constants = self.new_tuple(&b.constants)?;
        parts.push(constants);
        let mut name_values = Vec::with_capacity(b.names.len());
        for n in &b.names {
            match self.intern_str(n) {
                Ok(v) => name_values.push(v),
                Err(e) => {
                    self.release_all(&name_values);
                    return Err(e);
                }
            }
        }
        let names = self.new_tuple(&name_values);
        self.release_all(&name_values);
        parts.push(names?);
        parts.push(self.intern_str(&b.name)?);
        parts.push(self.new_str(&b.file)?);
        let mut local_values = Vec::with_capacity(b.local_names.len());
        for n in &b.local_names {
            match self.intern_str(n) {
                Ok(v) => local_values.push(v),
                Err(e) => {
                    self.release_all(&local_values);
                    return Err(e);
                }
            }
        }
        let locals = self.new_tuple(&local_values);
        self.release_all(&local_values);
        parts.push(locals?);
        let count = b.instructions.len() as u32;
        let words = self.heap.allocate(4 * count, Subsystem::Code, BlockRole::Table)?;
        let lines = match self.heap.allocate(8 * b.lines.len() as u32, Subsystem::Code, BlockRole::Table) {
            Ok(at) => at,
            Err(e) => {
                self.heap.free(words, 4 * count, Subsystem::Code, BlockRole::Table);
                return Err(e.into());
            }
        };
        let handler_count = b.handlers.len() as u32;
        let handlers = if handler_count == 0 {
            Ok(0)
        } else {
            self.heap.allocate(16 * handler_count, Subsystem::Code, BlockRole::Table)
        };
        let made = handlers.and_then(|h| self.heap.new_object(Kind::Code, OBJECT_BYTES).map(|at| (h, at)));
        let (handlers, at) = match made {
            Ok(pair) => pair,
            Err(e) => {
                self.heap.free(words, 4 * count, Subsystem::Code, BlockRole::Table);
                self.heap.free(lines, 8 * b.lines.len() as u32, Subsystem::Code, BlockRole::Table);
                if let Ok(h) = handlers {
                    if h != 0 {
                        self.heap.free(h, 16 * handler_count, Subsystem::Code, BlockRole::Table);
                    }
                }
                return Err(e.into());
            }
        };
        let r = self.heap.region_mut();
        for (i, instr) in b.instructions.iter().enumerate() {
            r.write_u32(words + 4 * i as u32, instr.0);
        }
        for (i, &(first, line)) in b.lines.iter().enumerate() {
            r.write_u32(lines + 8 * i as u32, first);
            r.write_u32(lines + 8 * i as u32 + 4, line);
        }
        r.write_u32(at + 8, words);
        r.write_u32(at + 12, count);
        r.write_u32(at + 32, lines);
        r.write_u32(at + 36, b.lines.len() as u32);
        r.write_u8(at + 40, b.registers);
        r.write_u8(at + 41, b.parameters);
        let flags = u16::from(b.is_generator)
            | u16::from(b.varargs) << 1
            | u16::from(b.varkeywords) << 2
            | u16::from(b.has_docstring) << 3
            | u16::from(b.positional_only.min(15)) << 4
            | u16::from(b.keyword_only) << 8;
        r.write_u16(at + 42, flags);
        r.write_u32(at + 44, b.first_line);
        r.write_u32(at + 48, handlers);
        r.write_u32(at + 52, handler_count);
        r.write_u32(at + crate::name_cache::CODE_CACHE_FIELD, 0);
        for (i, h) in b.handlers.iter().enumerate() {
            let entry = handlers + 16 * i as u32;
            r.write_u32(entry, h.start);
            r.write_u32(entry + 4, h.end);
            r.write_u32(entry + 8, h.target);
            r.write_u32(entry + 12, u32::from(h.register) | u32::from(h.depth) << 8);
        }
        // The object now owns constants, names, name, file and local names.
        for (slot, &part) in [16u32, 20, 24, 28, 56].iter().zip(parts.iter()) {
            self.heap.write_value(at + slot, part);
        }
        parts.clear();
        Ok(Value::from_offset(at))
    }

    /// The offset of the first instruction word and the instruction count.
    #[inline(always)]
    pub(crate) fn code_instructions(&self, code: u32) -> (u32, u32) {
        (self.heap.region().read_u32(code + 8), self.heap.region().read_u32(code + 12))
    }

    pub(crate) fn code_constants(&self, code: u32) -> Value {
        self.heap.read_value(code + 16)
    }

    pub(crate) fn code_names(&self, code: u32) -> Value {
        self.heap.read_value(code + 20)
    }

    pub(crate) fn code_name(&self, code: u32) -> Value {
        self.heap.read_value(code + 24)
    }

    pub(crate) fn code_file(&self, code: u32) -> Value {
        self.heap.read_value(code + 28)
    }

    /// The names of the code's locals, parameters first (a tuple of str).
    pub(crate) fn code_local_names(&self, code: u32) -> Value {
        self.heap.read_value(code + 56)
    }

    pub(crate) fn code_registers(&self, code: u32) -> u8 {
        self.heap.region().read_u8(code + 40)
    }

    /// `(keyword-only count, has *args, has **kwargs)`.
    pub(crate) fn code_signature(&self, code: u32) -> (u32, bool, bool) {
        let flags = self.heap.region().read_u16(code + 42);
        (u32::from(flags >> 8), flags & 2 != 0, flags & 4 != 0)
    }

    /// The function's docstring (borrowed), or None.
    pub(crate) fn code_docstring(&self, code: u32) -> Value {
        if self.heap.region().read_u16(code + 42) & 8 == 0 {
            return Value::NONE;
        }
        self.tuple_item(self.heap.read_value(code + 16), 0)
    }

    pub(crate) fn code_is_generator(&self, code: u32) -> bool {
        self.heap.region().read_u16(code + 42) & 1 != 0
    }

    /// What a plain call needs to know, read at once: `(registers, positional
    /// parameters, plain)`; plain: positional parameters only, and a call runs the body
    /// (not a generator).
    pub(crate) fn code_call_facts(&self, code: u32) -> (u8, u8, bool) {
        let &[registers, parameters, flags_0, flags_1] = self.heap.region().array(code + 40);
        (registers, parameters, u16::from_ne_bytes([flags_0, flags_1]) & 0xff07 == 0)
    }

    pub(crate) fn code_parameters(&self, code: u32) -> u8 {
        self.heap.region().read_u8(code + 41)
    }

    /// `code.co_*` (owned), for the attributes CPython's code objects have that mote can
    /// answer exactly; `None` for any other name.
    pub(crate) fn code_attribute(&mut self, code: u32, name: &str) -> Result<Option<Value>> {
        let flags = self.heap.region().read_u16(code + 42);
        let qualname = self.code_name(code);
        let n = match name {
            "co_name" => {
                let short = String::from(crate::traceback::short_name(self.as_str(qualname).unwrap_or("")));
                return self.intern_str(&short).map(Some);
            }
            "co_qualname" | "co_filename" => {
                let v = if name == "co_qualname" { qualname } else { self.code_file(code) };
                self.heap.incref(v);
                return Ok(Some(v));
            }
            "co_firstlineno" => self.heap.region().read_u32(code + 44),
            "co_argcount" => u32::from(self.code_parameters(code)),
            "co_posonlyargcount" => u32::from(flags >> 4 & 15),
            "co_kwonlyargcount" => u32::from(flags >> 8),
            "co_varnames" => return self.code_varnames(code).map(Some),
            "co_nlocals" => {
                let names = self.code_varnames(code)?;
                let n = self.tuple_len(names);
                self.release(names);
                n
            }
            "co_flags" => {
                // CPython's bits: optimized and new locals (every function), *args,
                // **kwargs, nested (defined inside a function), generator.
                let nested = self.as_str(qualname).is_some_and(|q| q.contains("<locals>"));
                let bit = |on: bool, bit: u32| if on { bit } else { 0 };
                0x3 | bit(flags & 2 != 0, 0x4)
                    | bit(flags & 4 != 0, 0x8)
                    | bit(nested, 0x10)
                    | bit(flags & 1 != 0, 0x20)
            }
            _ => return Ok(None),
        };
        self.new_int(i64::from(n)).map(Some)
    }

    /// `co_varnames` (owned): the local names less the captured ones that are not
    /// parameters (CPython lists those in `co_cellvars` only). The captured locals are the
    /// registers the prologue's `MakeCell` instructions name.
    fn code_varnames(&mut self, code: u32) -> Result<Value> {
        let names = self.code_local_names(code);
        let (words, count) = self.code_instructions(code);
        let parameters = u32::from(self.code_parameters(code));
        let (keyword_only, varargs, varkeywords) = self.code_signature(code);
        let all_parameters = parameters + keyword_only + u32::from(varargs) + u32::from(varkeywords);
        let mut cells: Vec<u32> = Vec::new();
        for i in 0..count {
            let instr = crate::bytecode::Instr(self.heap.region().read_u32(words + 4 * i));
            match Op::from_byte(instr.op_byte()) {
                Some(Op::MakeCell) => {
                    if u32::from(instr.a()) >= all_parameters {
                        cells.push(u32::from(instr.a()));
                    }
                }
                Some(Op::LoadClosure) => {}
                _ => break,
            }
        }
        if cells.is_empty() {
            self.heap.incref(names);
            return Ok(names);
        }
        let kept: Vec<Value> =
            (0..self.tuple_len(names)).filter(|i| !cells.contains(i)).map(|i| self.tuple_item(names, i)).collect();
        self.new_tuple(&kept)
    }

    /// The source line of instruction `index`.
    pub(crate) fn code_line_of(&self, code: u32, index: u32) -> u32 {
        let r = self.heap.region();
        let (table, entries) = (r.read_u32(code + 32), r.read_u32(code + 36));
        let mut line = r.read_u32(code + 44);
        for e in 0..entries {
            if r.read_u32(table + 8 * e) > index {
                break;
            }
            line = r.read_u32(table + 8 * e + 4);
        }
        line
    }

    /// The innermost handler covering instruction `index`: `(target, register, depth)`.
    pub(crate) fn code_handler_for(&self, code: u32, index: u32) -> Option<(u32, u8, u8)> {
        let r = self.heap.region();
        let (table, count) = (r.read_u32(code + 48), r.read_u32(code + 52));
        (0..count).map(|i| table + 16 * i).find(|&e| r.read_u32(e) <= index && index < r.read_u32(e + 4)).map(|e| {
            let packed = r.read_u32(e + 12);
            (r.read_u32(e + 8), packed as u8, (packed >> 8) as u8)
        })
    }

    pub(crate) fn code_table_bytes(&self, at: u32) -> u64 {
        let r = self.heap.region();
        let (words, count) = (r.read_u32(at + 8), r.read_u32(at + 12));
        let (lines, entries) = (r.read_u32(at + 32), r.read_u32(at + 36));
        let (handlers, handler_count) = (r.read_u32(at + 48), r.read_u32(at + 52));
        let handler_bytes = if handler_count == 0 { 0 } else { self.heap.block_bytes(handlers, 16 * handler_count) };
        u64::from(self.heap.block_bytes(words, 4 * count))
            + u64::from(self.heap.block_bytes(lines, 8 * entries))
            + u64::from(handler_bytes)
            + self.name_cache_bytes(at)
    }

    pub(crate) fn destroy_code(&mut self, at: u32, dead: &mut DeadStack) {
        self.free_name_cache(at);
        let r = self.heap.region();
        let (words, count) = (r.read_u32(at + 8), r.read_u32(at + 12));
        let (lines, entries) = (r.read_u32(at + 32), r.read_u32(at + 36));
        for slot in [16, 20, 24, 28, 56] {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free(words, 4 * count, Subsystem::Code, BlockRole::Table);
        self.heap.free(lines, 8 * entries, Subsystem::Code, BlockRole::Table);
        let (handlers, handler_count) = (self.heap.region().read_u32(at + 48), self.heap.region().read_u32(at + 52));
        if handler_count != 0 {
            self.heap.free(handlers, 16 * handler_count, Subsystem::Code, BlockRole::Table);
        }
        self.heap.free_object(at, Kind::Code, OBJECT_BYTES);
    }
}
