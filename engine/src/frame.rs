//! Frames: the activation record of one script function call, in the script heap.
//!
//! ```text
//! +8 function (owned)   +12 caller frame: u32 (offset, 0 for the outermost)
//! +16 resume ip: u32    +20 caller's result register: u8  +21 registers: u8  +22 flags: u16
//!                       (FRAME_CONSTRUCTOR, FRAME_RESUMED_BY_LOOP)
//! (A generator's frame a `for` loop resumed: +20 is the loop's register holding the
//! generator; the loop's item goes to the register after it.)
//! +24 registers: [Value; registers]   (NULL = unbound local)
//! ```
//!
//! Frames never live on the native stack: a script call allocates one here and the
//! interpreter switches to it, so script recursion depth is bounded by the VM's recursion
//! limit, not by the host's stack. A frame belongs to the frame chain (the interpreter
//! frees it on return or when an exception unwinds through it); nothing else holds it.
//!
//! Where frames live: a generator's frame outlives the call that made it, so it is a heap
//! object of its own (owned by the generator). Every other frame is carved from the
//! *frame stack*: chunks of the script heap, charged to the `frame` subsystem, in which
//! frames are pushed and popped in call order, so a call costs a pointer bump instead of
//! an allocation. Such a frame carries [`FRAME_IN_STACK`] in its object header.
//!
//! ```text
//! chunk: +0 previous chunk: u32 (0 for the first)  +4 the stack top in the previous chunk
//!        +8 bytes in this chunk: u32  +12 (unused)  +16 frames...
//! ```
//!
//! Invariants: stack frames are left in the reverse order they were entered (the frame
//! chain guarantees it: a frame is left only after every frame it called); a chunk is
//! freed as soon as its last frame is popped, so a VM that runs no script code holds no
//! frame memory, and bytes in use come back to the same value when a call returns.

use crate::accounting::{BlockRole, Subsystem};
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
/// Object-header flag: the frame lives in the frame stack, not in a heap block of its own.
const FRAME_IN_STACK: u8 = 1;
/// The usual size of a frame stack chunk (a bigger frame gets a chunk of its own size).
/// Big enough that a recursion a few dozen calls deep stays in one chunk: a chunk is
/// freed as soon as it empties, so a depth that keeps crossing a chunk's end would
/// allocate and free it on every crossing (1 KiB chunks cost fib(30) 3% that way).
const CHUNK_BYTES: u32 = 4096;
const CHUNK_HEADER: u32 = 16;

/// Where the next stack frame goes: the current chunk (0 if none) and its first free byte.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FrameStack {
    chunk: u32,
    top: u32,
}

/// A frame's header fields, read with one bounds check (calls and returns need most).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FrameHeader {
    /// The function the frame runs (the frame owns a reference).
    pub(crate) function: Value,
    /// The calling frame (0 for the outermost).
    pub(crate) caller: u32,
    pub(crate) result_register: u8,
    pub(crate) registers: u8,
    pub(crate) flags: u16,
    in_stack: bool,
}

impl Vm {
    /// A frame for calling `function` (borrowed) whose code is `code`, all registers
    /// unbound, to return into register `result_register` of frame `caller`: a heap
    /// object for a generator's code, a stack frame for every other.
    pub(crate) fn new_frame(&mut self, function: Value, code: u32, caller: u32, result_register: u8) -> Result<u32> {
        let registers = self.code_registers(code);
        let at = if self.code_is_generator(code) {
            let at = self.heap.new_object(Kind::Frame, FRAME_HEADER + 4 * u32::from(registers))?;
            let fields =
                self.heap.region_mut().bytes_mut(at + 8, (FRAME_HEADER - 8) as usize + 4 * usize::from(registers));
            write_frame_fields(fields, function, caller, result_register, registers);
            at
        } else {
            self.push_stack_frame(function, registers, caller, result_register)?
        };
        self.heap.incref(function);
        Ok(at)
    }

    /// Carves a frame with `registers` unbound registers from the frame stack, with an
    /// object header (count 1, kind frame, [`FRAME_IN_STACK`]), that runs `function`:
    /// the caller gives the frame its reference to `function` (a plain call moves the
    /// callee's register into it). All of it is written through one bounds-checked
    /// slice: this is a call's fixed cost.
    pub(crate) fn push_stack_frame(
        &mut self,
        function: Value,
        registers: u8,
        caller: u32,
        result_register: u8,
    ) -> Result<u32> {
        let bytes = FRAME_HEADER + 4 * u32::from(registers);
        let rounded = (bytes + 7) & !7;
        let FrameStack { mut chunk, mut top } = self.frame_stack;
        if chunk == 0 || top + rounded > chunk + self.heap.region().read_u32(chunk + 8) {
            let size = CHUNK_BYTES.max(CHUNK_HEADER + rounded);
            let made = self.heap.allocate(size, Subsystem::Frame, BlockRole::Table)?;
            let r = self.heap.region_mut();
            r.write_u32(made, chunk);
            r.write_u32(made + 4, top);
            r.write_u32(made + 8, size);
            r.write_u32(made + 12, 0);
            (chunk, top) = (made, made + CHUNK_HEADER);
        }
        self.frame_stack = FrameStack { chunk, top: top + rounded };
        let frame = self.heap.region_mut().bytes_mut(top, bytes as usize);
        frame[0..4].copy_from_slice(&1u32.to_ne_bytes());
        frame[4] = Kind::Frame as u8;
        frame[5] = FRAME_IN_STACK;
        frame[6..8].fill(0);
        write_frame_fields(&mut frame[8..], function, caller, result_register, registers);
        Ok(top)
    }

    pub(crate) fn frame_header(&self, frame: u32) -> FrameHeader {
        let h: &[u8; FRAME_HEADER as usize] = self.heap.region().array(frame);
        FrameHeader {
            function: Value::from_bits(u32::from_ne_bytes([h[8], h[9], h[10], h[11]])),
            caller: u32::from_ne_bytes([h[12], h[13], h[14], h[15]]),
            result_register: h[20],
            registers: h[21],
            flags: u16::from_ne_bytes([h[22], h[23]]),
            in_stack: h[5] & FRAME_IN_STACK != 0,
        }
    }

    /// Frees `frame` (whose header is `header`), which the chain is leaving, and releases
    /// what it held.
    #[inline(always)]
    pub(crate) fn free_frame(&mut self, frame: u32, header: FrameHeader) {
        if !header.in_stack {
            self.release(Value::from_offset(frame));
            return;
        }
        let mut dead = DeadStack::default();
        let flagged = self.is_flagged_function(header.function);
        // A recursive call of a closure-loop function returning: the caller's frame still
        // holds the function (only such functions need to know).
        let recursive = flagged && header.caller != 0 && self.frame_function(header.caller) == header.function;
        self.release_frame_contents(frame, header, flagged, recursive, &mut dead);
        // Pop: the frame is the top one (frames are left in reverse order of entry).
        let FrameStack { chunk, top } = self.frame_stack;
        debug_assert_eq!(frame + ((self.frame_bytes(frame) + 7) & !7), top, "frame stack popped out of order");
        self.frame_stack.top = frame;
        if frame == chunk + CHUNK_HEADER {
            let r = self.heap.region();
            let (previous, previous_top, size) = (r.read_u32(chunk), r.read_u32(chunk + 4), r.read_u32(chunk + 8));
            self.heap.free(chunk, size, Subsystem::Frame, BlockRole::Table);
            self.frame_stack = FrameStack { chunk: previous, top: previous_top };
        }
        if !dead.is_empty() {
            self.destroy_dead(&mut dead);
        }
    }

    /// Queues every register of `frame`, then its function, for release. `flagged`: the
    /// function is a closure-loop function (`is_flagged_function`);
    /// `function_held_elsewhere`: another live frame holds the function too.
    ///
    /// Two releases here skip the closure-loop candidate check (closure_cycles.rs),
    /// because neither can be the drop a loop waits for, and a recursive closure would
    /// otherwise scan its loop on every return: the frame's copies of cells from its own
    /// function's closure (the closure holds them while the function lives, and the
    /// function's own release is checked), and the function when `function_held_elsewhere`.
    #[inline(always)]
    fn release_frame_contents(
        &mut self,
        frame: u32,
        header: FrameHeader,
        flagged: bool,
        function_held_elsewhere: bool,
        dead: &mut DeadStack,
    ) {
        let registers = u32::from(header.registers);
        let function = header.function;
        let closure = match function.as_object() {
            Some(f) if flagged => self.heap.read_value(f + 20),
            _ => Value::NULL,
        };
        if closure == Value::NULL && !function_held_elsewhere {
            // The usual frame: nothing to tell apart.
            dead.release(&mut self.heap, function);
            for i in 0..registers {
                let v = self.heap.read_value(frame + FRAME_HEADER + 4 * i);
                dead.release(&mut self.heap, v);
            }
            return;
        }
        for i in 0..registers {
            let v = self.heap.read_value(frame + FRAME_HEADER + 4 * i);
            match v.as_object() {
                Some(cell) if closure != Value::NULL && self.is_closure_cell_of(cell, closure) => {
                    self.heap.region_mut().add_u32(cell, u32::MAX);
                }
                _ => dead.release(&mut self.heap, v),
            }
        }
        match function.as_object() {
            Some(f) if function_held_elsewhere => {
                self.heap.region_mut().add_u32(f, u32::MAX);
            }
            _ => dead.release(&mut self.heap, function),
        }
    }

    pub(crate) fn frame_function(&self, frame: u32) -> Value {
        self.heap.read_value(frame + 8)
    }

    pub(crate) fn frame_ip(&self, frame: u32) -> u32 {
        self.heap.region().read_u32(frame + 16)
    }

    pub(crate) fn set_frame_ip(&mut self, frame: u32, ip: u32) {
        self.heap.region_mut().write_u32(frame + 16, ip)
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

    /// Frees a generator's heap frame (stack frames go through [`Vm::free_frame`]).
    pub(crate) fn destroy_frame(&mut self, at: u32, dead: &mut DeadStack) {
        let header = self.frame_header(at);
        debug_assert!(!header.in_stack, "a stack frame released as an object");
        let flagged = self.is_flagged_function(header.function);
        self.release_frame_contents(at, header, flagged, false, dead);
        let bytes = self.frame_bytes(at);
        self.heap.free_object(at, Kind::Frame, bytes);
    }
}

/// Writes a new frame's fields after the object header into `fields` (the frame from
/// byte 8 on): `function`, `caller`, ip 0, `result_register`, `registers`, no flags,
/// every register unbound.
fn write_frame_fields(fields: &mut [u8], function: Value, caller: u32, result_register: u8, registers: u8) {
    fields[0..4].copy_from_slice(&function.to_bits().to_ne_bytes());
    fields[4..8].copy_from_slice(&caller.to_ne_bytes());
    fields[8..12].fill(0);
    fields[12] = result_register;
    fields[13] = registers;
    fields[14..].fill(0);
}

#[cfg(test)]
mod tests {
    use crate::accounting::Subsystem;
    use crate::test_support::vm;

    #[test]
    fn deep_calls_grow_the_frame_stack_by_chunks_and_give_every_byte_back() {
        let mut vm = vm();
        let source = "def down(n):\n    if n == 0:\n        return 0\n    return 1 + down(n - 1)\n\
                      assert down(400) == 400\n";
        vm.run_main("deep.py", source).unwrap();
        let frames = vm.heap.subsystem(Subsystem::Frame);
        assert_eq!(frames.live_bytes, 0, "every chunk is freed once its frames are popped");
        // 401 frames of at least 32 bytes need several chunks, made once each on the
        // way down.
        assert!(frames.high_water_bytes >= 400 * 32);
        let least = u64::from((400 * 32u32).div_ceil(super::CHUNK_BYTES - super::CHUNK_HEADER));
        let chunks = frames.total_allocations;
        assert!((least..40).contains(&chunks), "{chunks} chunk allocations, at least {least}");
    }

    #[test]
    fn calls_that_fit_one_chunk_allocate_it_once() {
        let mut vm = vm();
        let source = "def f(a, b):\n    c = [a, b]\n    return len(c)\nfor i in range(100):\n    f(i, i)\n";
        vm.run_main("calls.py", source).unwrap();
        let frames = vm.heap.subsystem(Subsystem::Frame);
        // The module's frame and each call's frame share one chunk, kept while the
        // module runs and freed when it returns.
        assert_eq!((frames.total_allocations, frames.live_bytes), (1, 0));
    }

    #[test]
    fn a_suspended_generator_keeps_its_frame_as_a_heap_object() {
        let mut vm = vm();
        let source = "def gen():\n    yield 1\n    yield 2\ng = gen()\nassert next(g) == 1\nimport sys\n\
                      assert sys.getsizeof(g) > 20\nassert list(g) == [2]\n";
        vm.run_main("gen.py", source).unwrap();
        let frames = vm.heap.subsystem(Subsystem::Frame);
        assert_eq!(frames.live_bytes, 0);
        assert_eq!(frames.live_objects, 0);
    }
}
