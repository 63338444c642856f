//! Functions: script functions (code plus the globals it runs in) and native functions
//! (Rust code called like a Python function).
//!
//! ```text
//! script function (24 bytes): +8 code  +12 globals: dict  +16 defaults: tuple or NULL
//!                             +20 closure: tuple of cells or NULL
//! native function (16 bytes): +8 index into the VM's native table: u32  +12 name: str
//! ```
//!
//! A native function's Rust code lives in the VM's host-side table ([`NativeFn`]
//! pointers cannot live in the 32-bit heap); the heap object names it by index. The table
//! belongs to one VM: no global registry.

use crate::error::{Error, Result};
use crate::object::{DeadStack, Kind};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const FUNCTION_BYTES: u32 = 24;
pub(crate) const NATIVE_BYTES: u32 = 16;

/// Rust code callable from scripts: borrowed arguments in, an owned result out.
pub type NativeFn = fn(&mut Vm, &[Value]) -> Result<Value>;

/// One entry of a VM's native table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NativeEntry {
    pub(crate) function: NativeFn,
}

impl Vm {
    /// A new script function running `code` in `globals` (both borrowed).
    pub(crate) fn new_function(&mut self, code: Value, globals: Value) -> Result<Value> {
        let at = self.heap.new_object(Kind::Function, FUNCTION_BYTES)?;
        self.heap.incref(code);
        self.heap.incref(globals);
        self.heap.write_value(at + 8, code);
        self.heap.write_value(at + 12, globals);
        self.heap.write_value(at + 16, Value::NULL);
        self.heap.write_value(at + 20, Value::NULL);
        Ok(Value::from_offset(at))
    }

    pub(crate) fn function_code(&self, f: u32) -> Value {
        self.heap.read_value(f + 8)
    }

    /// The defaults tuple of a function (borrowed; NULL if none).
    pub(crate) fn function_defaults(&self, f: u32) -> Value {
        self.heap.read_value(f + 16)
    }

    /// Gives function `f` the defaults tuple `defaults` (borrowed).
    pub(crate) fn set_function_defaults(&mut self, f: Value, defaults: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Function, f)?;
        self.heap.incref(defaults);
        let old = self.heap.read_value(at + 16);
        self.heap.write_value(at + 16, defaults);
        self.release(old);
        Ok(())
    }

    pub(crate) fn function_globals(&self, f: u32) -> Value {
        self.heap.read_value(f + 12)
    }

    /// A native function named `name` running `function` (owned by the caller).
    pub fn new_native(&mut self, name: &str, function: NativeFn) -> Result<Value> {
        let index = u32::try_from(self.natives.len()).map_err(|_| Error::Memory)?;
        let name = self.intern_str(name)?;
        let at = match self.heap.new_object(Kind::Native, NATIVE_BYTES) {
            Ok(at) => at,
            Err(e) => {
                self.release(name);
                return Err(e.into());
            }
        };
        self.natives.push(NativeEntry { function });
        self.heap.region_mut().write_u32(at + 8, index);
        self.heap.write_value(at + 12, name);
        Ok(Value::from_offset(at))
    }

    pub(crate) fn native_name(&self, at: u32) -> Value {
        self.heap.read_value(at + 12)
    }

    pub(crate) fn native_function(&self, at: u32) -> NativeFn {
        self.natives[self.heap.region().read_u32(at + 8) as usize].function
    }

    pub(crate) fn destroy_function(&mut self, at: u32, dead: &mut DeadStack) {
        for slot in [8, 12, 16, 20] {
            let part = self.heap.read_value(at + slot);
            dead.release(&mut self.heap, part);
        }
        self.heap.free_object(at, Kind::Function, FUNCTION_BYTES);
    }

    pub(crate) fn destroy_native(&mut self, at: u32, dead: &mut DeadStack) {
        let name = self.heap.read_value(at + 12);
        dead.release(&mut self.heap, name);
        self.heap.free_object(at, Kind::Native, NATIVE_BYTES);
    }
}
