//! Frames: the activation record of one script function call, in the script heap.
//!
//! ```text
//! +8 function (owned)   +12 caller frame: u32 (offset, 0 for the outermost)
//! +16 resume ip: u32    +20 caller's result register: u8  +21 registers: u8  +22 flags: u16
//!                       (FRAME_CONSTRUCTOR, FRAME_RESUMED_BY_LOOP)
//! +24 registers: [Value; registers]   (NULL = unbound local)
//! ```
//!
//! Frames never live on the native stack: a script call allocates one here and the
//! interpreter switches to it, so script recursion depth is bounded by the VM's recursion
//! limit, not by the host's stack. A frame belongs to the frame chain (the interpreter
//! frees it on return or when an exception unwinds through it); nothing else holds it.

use crate::error::Result;
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const FRAME_HEADER: u32 = 24;
/// Frame flag: the frame runs `__init__`; its result (None) is dropped, the caller's
/// result register already holds the new instance.
pub(crate) const FRAME_CONSTRUCTOR: u16 = 1;
/// Frame flag: a generator's frame that a `for` loop resumed inside the interpreter loop.
/// Its caller is that loop's frame, whose `ForIter` (just before the caller's resume ip)
/// names the generator: a yield hands the value to that loop and suspends the frame
/// again; a return ends the loop.
pub(crate) const FRAME_RESUMED_BY_LOOP: u16 = 2;

impl Vm {
    /// A frame for calling `function` (borrowed) whose code is `code`, all registers
    /// unbound, to return into register `result_register` of frame `caller`.
    pub(crate) fn new_frame(&mut self, function: Value, code: u32, caller: u32, result_register: u8) -> Result<u32> {
        let registers = self.code_registers(code);
        let at = self.heap.new_object(Kind::Frame, FRAME_HEADER + 4 * u32::from(registers))?;
        self.heap.incref(function);
        let r = self.heap.region_mut();
        r.write_u32(at + 8, function.to_bits());
        r.write_u32(at + 12, caller);
        r.write_u32(at + 16, 0);
        r.write_u8(at + 20, result_register);
        r.write_u8(at + 21, registers);
        r.write_u16(at + 22, 0);
        r.fill(at + FRAME_HEADER, 4 * usize::from(registers), 0);
        Ok(at)
    }

    pub(crate) fn frame_function(&self, frame: u32) -> Value {
        self.heap.read_value(frame + 8)
    }

    pub(crate) fn frame_caller(&self, frame: u32) -> u32 {
        self.heap.region().read_u32(frame + 12)
    }

    pub(crate) fn frame_ip(&self, frame: u32) -> u32 {
        self.heap.region().read_u32(frame + 16)
    }

    pub(crate) fn set_frame_ip(&mut self, frame: u32, ip: u32) {
        self.heap.region_mut().write_u32(frame + 16, ip)
    }

    pub(crate) fn frame_result_register(&self, frame: u32) -> u8 {
        self.heap.region().read_u8(frame + 20)
    }

    pub(crate) fn frame_flags(&self, frame: u32) -> u16 {
        self.heap.region().read_u16(frame + 22)
    }

    pub(crate) fn set_frame_flags(&mut self, frame: u32, flags: u16) {
        self.heap.region_mut().write_u16(frame + 22, flags)
    }

    pub(crate) fn frame_bytes(&self, frame: u32) -> u32 {
        FRAME_HEADER + 4 * u32::from(self.heap.region().read_u8(frame + 21))
    }

    pub(crate) fn destroy_frame(&mut self, at: u32, dead: &mut DeadStack) {
        let registers = u32::from(self.heap.region().read_u8(at + 21));
        let function = self.heap.read_value(at + 8);
        dead.release(&mut self.heap, function);
        for i in 0..registers {
            let v = self.heap.read_value(at + FRAME_HEADER + 4 * i);
            dead.release(&mut self.heap, v);
        }
        self.heap.free_object(at, Kind::Frame, FRAME_HEADER + 4 * registers);
    }
}
