//! The disassembler: a code object's instructions as text, for people tuning scripts or
//! the compiler (`mote-sim dis script.py`, as `python3 -m dis script.py`).
//!
//! Owns nothing: it reads code objects and renders them. Promises: it runs no script code
//! and changes no object (constants are shown as the cycle detector's reports show objects).

use crate::bytecode::{Instr, Op, Operand, Shape};
use crate::compiler::{compile_module, CompileError};
use crate::module::ScriptError;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

impl Vm {
    /// Compiles `source` (as file `file`) and returns the listing of its module code and
    /// of every function and class body in it, outermost first.
    pub fn disassemble(&mut self, file: &str, source: &str) -> Result<String, ScriptError> {
        let arena = bumpalo::Bump::new();
        let module = crate::syntax::parse_module(&arena, source, file).map_err(ScriptError::Syntax)?;
        let code = match compile_module(self, &module, file, source) {
            Ok(code) => code,
            Err(CompileError::Syntax(e)) => return Err(ScriptError::Syntax(e)),
            Err(CompileError::Engine(e)) => return Err(ScriptError::Engine(e)),
        };
        let mut out = String::new();
        let mut pending = alloc::vec![code];
        while let Some(next) = pending.pop() {
            let nested = self.disassemble_code(next, &mut out);
            pending.extend(nested.into_iter().rev());
        }
        self.release(code);
        Ok(out)
    }

    /// Appends the listing of `code` (borrowed) to `out`; returns the code objects among
    /// its constants (borrowed), to list next.
    fn disassemble_code(&self, code: Value, out: &mut String) -> Vec<Value> {
        let at = code.as_object().unwrap_or_default();
        let name = self.as_str(self.code_name(at)).unwrap_or("?");
        let (words, count) = self.code_instructions(at);
        let (registers, parameters, _) = self.code_call_facts(at);
        let _ = writeln!(out, "code {name}: {count} instructions, {registers} registers, {parameters} parameters");
        let constants = self.code_constants(at);
        let names = self.code_names(at);
        let mut line = 0;
        for index in 0..count {
            let instr = Instr(self.heap.region().read_u32(words + 4 * index));
            let this_line = self.code_line_of(at, index);
            let shown_line = if this_line != line { alloc::format!("{this_line:>4}") } else { String::from("    ") };
            line = this_line;
            let Some(op) = Op::from_byte(instr.op_byte()) else { continue };
            let _ = write!(out, "{shown_line} {index:>5} {:<14}", alloc::format!("{op:?}"));
            let _ = writeln!(out, "{}", self.operands(op, instr, index, constants, names));
        }
        out.push('\n');
        self.tuple_items(constants).filter(|&c| self.kind_of(c) == Some(Kind::Code)).collect()
    }

    /// The operands of `instr` (instruction `index`) as text: registers as `r5`,
    /// constants and names by value, jump targets by instruction number.
    fn operands(&self, op: Op, instr: Instr, index: u32, constants: Value, names: Value) -> String {
        let (a, b, c) = (instr.a(), instr.b(), instr.c());
        let shown = |operand: Operand, v: u32| -> String {
            match operand {
                Operand::None => String::new(),
                Operand::Reg => alloc::format!("r{v}"),
                Operand::RegOrZero if v == 0 => String::from("-"),
                Operand::RegOrZero => alloc::format!("r{v}"),
                Operand::Imm => alloc::format!("{v}"),
                Operand::Const => self.constant_text(self.tuple_item(constants, v)),
                Operand::Name | Operand::NameC => {
                    alloc::format!("'{}'", self.as_str(self.tuple_item(names, v)).unwrap_or("?"))
                }
                Operand::Jump => alloc::format!("-> {}", (index + 1).wrapping_add_signed(instr.sbx())),
            }
        };
        let reg = |r: u8| alloc::format!("r{r}");
        let count = |n: u8| alloc::format!("{n}");
        let parts: Vec<String> = match op.shape() {
            _ if op == Op::LoadInt => alloc::vec![reg(a), alloc::format!("{}", instr.sbx())],
            Shape::Abc(x, y, z) => alloc::vec![shown(x, a.into()), shown(y, b.into()), shown(z, c.into())],
            Shape::Abx(x, y) => alloc::vec![shown(x, a.into()), shown(y, instr.bx().into())],
            Shape::IterJump => alloc::vec![reg(a), shown(Operand::Jump, 0)],
            Shape::MethodLoad => alloc::vec![reg(a), reg(b), shown(Operand::NameC, c.into())],
            Shape::CallWindow | Shape::MethodCallWindow => alloc::vec![reg(a), count(b)],
            Shape::KeywordCallWindow => alloc::vec![reg(a), count(b), count(c)],
            Shape::RegRun | Shape::PairRun | Shape::UnpackRun => alloc::vec![reg(a), reg(b), count(c)],
            Shape::SliceAt(_) | Shape::StarredUnpack => alloc::vec![reg(a), reg(b), count(c)],
        };
        let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        parts.join(", ")
    }

    /// A constant as the listing shows it: a code object by name, anything else by a
    /// repr that runs no script code.
    fn constant_text(&self, v: Value) -> String {
        match self.kind_of(v) {
            Some(Kind::Code) => {
                alloc::format!(
                    "<code {}>",
                    self.as_str(self.code_name(v.as_object().unwrap_or_default())).unwrap_or("?")
                )
            }
            _ => self.describe(v, true),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::vm;

    #[test]
    fn lists_every_code_object_with_named_operands() {
        let mut vm = vm();
        let listing = vm.disassemble("t.py", "def f(n):\n    return n - 1\nprint(f(3))\n").unwrap();
        assert!(listing.contains("code <module>"), "{listing}");
        assert!(listing.contains("code f: "), "{listing}");
        assert!(listing.contains("SubK"), "{listing}");
        assert!(listing.contains("'print'"), "{listing}");
        assert!(listing.contains("<code f>"), "{listing}");
        let before = vm.bytes_in_use();
        let _ = vm.disassemble("t.py", "x = 1\n").unwrap();
        assert_eq!(vm.bytes_in_use(), before, "the compiled code is released");
    }

    #[test]
    fn a_syntax_error_is_reported_not_listed() {
        let mut vm = vm();
        assert!(vm.disassemble("t.py", "def (:\n").is_err());
    }
}
