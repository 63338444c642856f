//! Functions: script functions (code plus the globals it runs in) and native functions
//! (Rust code called like a Python function).
//!
//! ```text
//! script function (40 bytes): +8 code  +12 globals: dict  +16 defaults: tuple or NULL
//!                             +20 closure: tuple of cells or NULL
//!                             +24 keyword-only defaults: dict or NULL
//!                             +28 attributes: dict or NULL (`f.calls = 0`)
//!                             +32 annotations: dict or NULL (made empty on first read)
//!                             +36 renamed: dict or NULL: `__name__`, `__qualname__`,
//!                                 `__doc__`, `__module__` once assigned (`functools.wraps`);
//!                                 until then they come from the code and the globals
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

pub(crate) const FUNCTION_BYTES: u32 = 40;
pub(crate) const NATIVE_BYTES: u32 = 16;

/// Rust code callable from scripts: borrowed arguments in, an owned result out.
pub type NativeFn = fn(&mut Vm, &[Value]) -> Result<Value>;

/// Rust code that also takes keyword arguments (`print(x, end="")`).
pub type NativeKeywordFn = fn(&mut Vm, &[Value], &Keywords<'_>) -> Result<Value>;

/// The keyword arguments of a call: names (interned str) and values, borrowed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keywords<'k> {
    pub names: &'k [Value],
    pub values: &'k [Value],
}

impl Keywords<'_> {
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The value passed as keyword `name`, if any.
    pub fn get(&self, vm: &Vm, name: &str) -> Option<Value> {
        self.names.iter().position(|&n| vm.as_str(n) == Some(name)).map(|i| self.values[i])
    }

    /// `TypeError` naming the first keyword not in `allowed`.
    pub fn only(&self, vm: &Vm, allowed: &[&str]) -> Result<()> {
        match self.names.iter().find(|&&n| !allowed.contains(&vm.as_str(n).unwrap_or(""))) {
            Some(&name) => Err(Error::UnexpectedKeyword { function: Value::NULL, name }),
            None => Ok(()),
        }
    }
}

/// The Rust code of a native function.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NativeCode {
    Positional(NativeFn),
    WithKeywords(NativeKeywordFn),
}

/// One entry of a VM's native table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NativeEntry {
    pub(crate) code: NativeCode,
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
        self.heap.write_value(at + 24, Value::NULL);
        self.heap.write_value(at + 28, Value::NULL);
        self.heap.write_value(at + 32, Value::NULL);
        self.heap.write_value(at + 36, Value::NULL);
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

    /// The keyword-only defaults of a function (a dict, borrowed; NULL if none).
    pub(crate) fn function_keyword_defaults(&self, f: u32) -> Value {
        self.heap.read_value(f + 24)
    }

    /// Gives function `f` the keyword-only defaults `defaults` (a dict, borrowed).
    pub(crate) fn set_function_keyword_defaults(&mut self, f: Value, defaults: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Function, f)?;
        self.heap.incref(defaults);
        let old = self.heap.read_value(at + 24);
        self.heap.write_value(at + 24, defaults);
        self.release(old);
        Ok(())
    }

    /// Gives function `f` the annotations dict `annotations` (borrowed; NULL for none).
    pub(crate) fn set_function_annotations(&mut self, f: Value, annotations: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Function, f)?;
        self.heap.incref(annotations);
        let old = self.heap.read_value(at + 32);
        self.heap.write_value(at + 32, annotations);
        self.release(old);
        Ok(())
    }

    /// `f.__annotations__` (owned): the function's dict, made empty and kept on first read
    /// as CPython does.
    pub(crate) fn function_annotations(&mut self, f: u32) -> Result<Value> {
        let mut annotations = self.heap.read_value(f + 32);
        if annotations == Value::NULL {
            annotations = self.new_dict()?;
            self.heap.write_value(f + 32, annotations);
        }
        self.heap.incref(annotations);
        Ok(annotations)
    }

    /// The assigned `__name__`, `__qualname__`, `__doc__` or `__module__` of function `f`
    /// (borrowed), if the script assigned it.
    pub(crate) fn function_renamed(&self, f: u32, name: &str) -> Option<Value> {
        let renamed = self.heap.read_value(f + 36);
        if renamed == Value::NULL {
            return None;
        }
        // At most four entries, keyed by str: a scan, which needs no `&mut`.
        let mut position = 0;
        while let Some((key, value)) = self.dict_next(renamed, &mut position) {
            if self.as_str(key) == Some(name) {
                return Some(value);
            }
        }
        None
    }

    /// `f.name = value` for `__name__`, `__qualname__`, `__doc__` or `__module__` (borrowed).
    pub(crate) fn set_function_renamed(&mut self, f: u32, name: Value, value: Value) -> Result<()> {
        let mut renamed = self.heap.read_value(f + 36);
        if renamed == Value::NULL {
            renamed = self.new_dict()?;
            self.heap.write_value(f + 36, renamed);
        }
        self.dict_set(renamed, name, value)
    }

    /// The `__qualname__` of function `f` (borrowed): assigned, else its code's.
    pub(crate) fn function_qualname_value(&self, f: u32) -> Value {
        match self.function_renamed(f, "__qualname__") {
            Some(v) if self.as_str(v).is_some() => v,
            _ => self.code_name(self.function_code(f).as_object().unwrap_or_default()),
        }
    }

    /// Gives function `f` the closure `cells` (a tuple of cells, borrowed).
    pub(crate) fn set_function_closure(&mut self, f: Value, cells: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Function, f)?;
        self.heap.incref(cells);
        let old = self.heap.read_value(at + 20);
        self.heap.write_value(at + 20, cells);
        self.release(old);
        Ok(())
    }

    /// Closure cell `i` of function `f` (borrowed).
    pub(crate) fn function_closure_cell(&self, f: u32, i: u32) -> Result<Value> {
        let cells = self.heap.read_value(f + 20);
        if cells != Value::NULL && i < self.tuple_len(cells) {
            Ok(self.tuple_item(cells, i))
        } else {
            Err(Error::Runtime("the function's closure was cleared by close()"))
        }
    }

    /// `f.close()` (a mote extension): drops the function's closure cells now, so what
    /// they hold goes at once even if the function itself lives on. Calling the function
    /// afterwards raises RuntimeError where it uses a variable of the closure.
    pub(crate) fn close_function(&mut self, f: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Function, f)?;
        let cells = self.heap.read_value(at + 20);
        self.heap.write_value(at + 20, Value::NULL);
        self.release(cells);
        Ok(())
    }

    /// A new cell holding `v` (borrowed; NULL for an unbound variable).
    pub(crate) fn new_cell(&mut self, v: Value) -> Result<Value> {
        let at = self.heap.new_object(Kind::Cell, crate::object::CELL_BYTES)?;
        self.heap.incref(v);
        self.heap.write_value(at + 8, v);
        self.note_stored_in_cell(at, v);
        Ok(Value::from_offset(at))
    }

    /// The contents of a cell (borrowed; NULL while unbound).
    pub(crate) fn cell_contents(&self, cell: Value) -> Result<Value> {
        let at = self.object_of_kind(Kind::Cell, cell)?;
        Ok(self.heap.read_value(at + 8))
    }

    /// Stores `v` (borrowed) in a cell.
    pub(crate) fn set_cell_contents(&mut self, cell: Value, v: Value) -> Result<()> {
        let at = self.object_of_kind(Kind::Cell, cell)?;
        self.heap.incref(v);
        let old = self.heap.read_value(at + 8);
        self.heap.write_value(at + 8, v);
        self.note_stored_in_cell(at, v);
        self.release(old);
        Ok(())
    }

    pub(crate) fn function_globals(&self, f: u32) -> Value {
        self.heap.read_value(f + 12)
    }

    /// A native function named `name` running `function` (owned by the caller).
    pub fn new_native(&mut self, name: &str, function: NativeFn) -> Result<Value> {
        self.new_native_code(name, NativeCode::Positional(function))
    }

    /// A native function that accepts keyword arguments.
    pub fn new_native_with_keywords(&mut self, name: &str, function: NativeKeywordFn) -> Result<Value> {
        self.new_native_code(name, NativeCode::WithKeywords(function))
    }

    /// Puts a new native `name` into the namespace dict `namespace` (a class's or module's).
    pub(crate) fn install_native(&mut self, namespace: Value, name: &str, code: NativeCode) -> Result<()> {
        let native = self.new_native_code(name, code)?;
        let stored = self.dict_set_str(namespace, name, native);
        self.release(native);
        stored
    }

    pub(crate) fn new_native_code(&mut self, name: &str, code: NativeCode) -> Result<Value> {
        let index = u32::try_from(self.natives.len()).map_err(|_| Error::Memory)?;
        let name = self.intern_str(name)?;
        let at = match self.heap.new_object(Kind::Native, NATIVE_BYTES) {
            Ok(at) => at,
            Err(e) => {
                self.release(name);
                return Err(e.into());
            }
        };
        self.natives.push(NativeEntry { code });
        self.heap.region_mut().write_u32(at + 8, index);
        self.heap.write_value(at + 12, name);
        Ok(Value::from_offset(at))
    }

    pub(crate) fn native_name(&self, at: u32) -> Value {
        self.heap.read_value(at + 12)
    }

    /// Runs the native function at `at` with `args` and `keywords` (both borrowed).
    pub(crate) fn call_native(&mut self, at: u32, args: &[Value], keywords: &Keywords<'_>) -> Result<Value> {
        match self.natives[self.heap.region().read_u32(at + 8) as usize].code {
            NativeCode::Positional(f) => {
                if let Some(&name) = keywords.names.first() {
                    return Err(Error::UnexpectedKeyword { function: Value::from_offset(at), name });
                }
                f(self, args)
            }
            NativeCode::WithKeywords(f) => f(self, args, keywords).map_err(|e| match e {
                Error::UnexpectedKeyword { function: Value::NULL, name } => {
                    Error::UnexpectedKeyword { function: Value::from_offset(at), name }
                }
                other => other,
            }),
        }
    }

    pub(crate) fn destroy_function(&mut self, at: u32, dead: &mut DeadStack) {
        for slot in [8, 12, 16, 20, 24, 28, 32, 36] {
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
