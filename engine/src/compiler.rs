//! The compiler: an AST (from `syntax`) to validated register bytecode (`code.rs`).
//!
//! One [`Unit`] is compiled per code object (the module, each `def`, each `lambda`).
//! Register plan of a function: parameters first, then the other locals, then
//! temporaries, allocated and freed like a stack as expressions nest. Module code keeps
//! every name in the globals dict and uses registers only for temporaries.
//!
//! A local read is checked for being bound (`CheckBound`) only where the compiler cannot
//! prove it is: a small definite-assignment analysis runs along with code generation
//! (assigned on every path so far, branches meet by intersection, loop bodies and handlers
//! do not count after the loop or the `try`).
//!
//! List, set and dict comprehensions compile inline, their loop variables in hidden
//! registers, so the variables do not leak into the enclosing scope (Python 3 semantics)
//! without the cost of a function call. Generator expressions, which run lazily, and
//! comprehensions holding a `lambda`, which may capture their loop variables, are
//! functions of their own (see `scope.rs`), called with their first iterable's iterator.
//!
//! Must never: emit code that `CodeBuilder::finish` would reject (that is a compiler
//! bug, reported as an error), or accept a construct it cannot compile faithfully: those
//! become a `NotImplementedError` naming the feature.

use crate::bytecode::{Instr, Op};
use crate::code::{CodeBuilder, Handler};
use crate::error::Error;
use crate::syntax::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Conversion, Expr, ExprKind, FStringPart, FunctionDef, Module, Parameters,
    Stmt, StmtKind, UnaryOp,
};
use crate::syntax::{SyntaxError, SyntaxErrorKind};
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Why a module could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// A construct mote refuses (`SyntaxError`) or does not support (`NotImplementedError`).
    Syntax(SyntaxError),
    /// The heap could not hold the code.
    Engine(Error),
}

impl From<Error> for CompileError {
    fn from(e: Error) -> CompileError {
        CompileError::Engine(e)
    }
}

type Result<T> = core::result::Result<T, CompileError>;

fn not_supported(what: &str, line: u32, column: u32) -> CompileError {
    CompileError::Syntax(SyntaxError::new(
        SyntaxErrorKind::NotImplemented,
        format!("{what} is not supported by mote yet"),
        line,
        column,
    ))
}

fn too_complex(line: u32) -> CompileError {
    CompileError::Syntax(SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        "too many local variables and temporaries in one function (mote's limit is 255)",
        line,
        1,
    ))
}

/// A loop being compiled: where `continue` goes and the jumps `break` left to patch.
#[derive(Debug)]
struct Loop {
    continue_target: u32,
    breaks: Vec<u32>,
}

/// What leaving a protected block early (break, continue, return) must run first.
#[derive(Debug, Clone, Copy)]
enum Cleanup<'a> {
    /// Nothing (a `try` with only `except` handlers).
    None,
    /// The `finally` body.
    Finally(&'a [Stmt<'a>]),
    /// `__exit__(None, None, None)` of a `with`, whose bound `__exit__` is in the register.
    WithExit(u8),
}

/// A `try` or `with` being compiled: the instruction ranges its handler covers (paused
/// around code that leaves it early, so that code's errors are not caught by it).
#[derive(Debug)]
struct Protected<'a> {
    segments: Vec<(u32, u32)>,
    /// Start of the open segment, or `None` while paused.
    open: Option<u32>,
    cleanup: Cleanup<'a>,
    /// Loops enclosing the block: `break`/`continue` leave it only from deeper loops' view.
    loop_depth: usize,
}

/// What kind of code a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Module,
    Function,
}

/// The state of one code object being compiled.
#[derive(Debug)]
struct Unit<'a> {
    kind: UnitKind,
    builder: CodeBuilder,
    /// Local names; a local's register is its index.
    locals: Vec<&'a str>,
    /// Whether each local is definitely bound at this point of the code.
    bound: Vec<bool>,
    /// Names declared `global` in this function.
    globals: Vec<&'a str>,
    /// Comprehension variables in scope, innermost last.
    hidden: Vec<(&'a str, u8)>,
    /// The first free register (above locals and live temporaries).
    next: u8,
    /// The most registers in use at once.
    high: u8,
    loops: Vec<Loop>,
    /// Whether the code is inside an `except` or `finally` handler (for bare `raise`).
    handler_registers: Vec<u8>,
    /// Locals that live in cells (captured by nested functions).
    cells: Vec<&'a str>,
    /// Variables of enclosing functions, each in the register holding its cell.
    frees: Vec<(&'a str, u8)>,
    /// Class bodies being compiled (inline), innermost last.
    classes: Vec<ClassBody>,
    /// `try` and `with` blocks being compiled, innermost last.
    protected: Vec<Protected<'a>>,
}

/// A class body compiled inline: its namespace dict, the cell `super()` reads, and its
/// qualified name (the prefix of its methods' names).
#[derive(Debug, Clone)]
struct ClassBody {
    namespace: u8,
    class_cell: u8,
    qualname: String,
}

impl<'a> Unit<'a> {
    fn new(kind: UnitKind, name: &str, file: &str, line: u32) -> Unit<'a> {
        Unit {
            kind,
            builder: CodeBuilder::new(name, file, line),
            locals: Vec::new(),
            bound: Vec::new(),
            globals: Vec::new(),
            hidden: Vec::new(),
            next: 0,
            high: 0,
            loops: Vec::new(),
            handler_registers: Vec::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            classes: Vec::new(),
            protected: Vec::new(),
        }
    }

    fn local(&self, name: &str) -> Option<u8> {
        self.locals.iter().position(|l| *l == name).map(|i| i as u8)
    }
}

/// Compiles a parsed module into a code object (owned by the caller).
pub fn compile_module(vm: &mut Vm, module: &Module<'_>, file: &str, source: &str) -> Result<Value> {
    let scopes = crate::scope::analyze(module)?;
    let postponed = module.body.iter().any(|s| match s.kind {
        StmtKind::ImportFrom { module: "__future__", names } => names.iter().any(|a| a.name == "annotations"),
        _ => false,
    });
    let annotation_source = if postponed { Some(source) } else { None };
    let mut compiler = Compiler {
        vm,
        file: String::from(file),
        units: Vec::new(),
        scopes,
        generator_keys: Vec::new(),
        annotation_source,
    };
    compiler.units.push(Unit::new(UnitKind::Module, "<module>", file, 1));
    let body = compiler.block(module.body);
    let last_line = module.body.last().map_or(1, |s| s.end_line.max(s.line));
    let done = body.and_then(|()| compiler.finish_unit(last_line));
    match done {
        Ok(code) => Ok(code),
        Err(e) => {
            while let Some(unit) = compiler.units.pop() {
                unit.builder.discard(compiler.vm);
            }
            Err(e)
        }
    }
}

struct Compiler<'a, 'v, 's> {
    vm: &'v mut Vm,
    file: String,
    /// The unit being compiled is the last; enclosing ones before it.
    units: Vec<Unit<'a>>,
    /// What each function captures, from the name-resolution pass.
    scopes: crate::scope::Scopes<'a>,
    /// The `def`s whose body yields (by node address).
    generator_keys: Vec<usize>,
    /// The module's source under `from __future__ import annotations`: function
    /// annotations are then kept as their source text, not evaluated.
    annotation_source: Option<&'s str>,
}

/// Whether `expr_into(e, target)` writes `target` only with its last instruction, after
/// every read of the operands, so `target` may be a variable `e` reads (`x = f(x)`).
/// Not so for a comprehension (the new list is made in `target`, then filled while the
/// old value is iterated) or `and`/`or` (each operand is tried in `target`).
fn writes_target_last(e: &Expr<'_>) -> bool {
    matches!(
        e.kind,
        ExprKind::Call { .. }
            | ExprKind::Attribute { .. }
            | ExprKind::Subscript { .. }
            | ExprKind::BinOp { .. }
            | ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::Set(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::None
            | ExprKind::True
            | ExprKind::False
    )
}

impl<'a> Compiler<'a, '_, '_> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn emit(&mut self, instr: Instr, line: u32) -> u32 {
        self.unit().builder.emit(instr, line)
    }

    fn abc(&mut self, op: Op, a: u8, b: u8, c: u8, line: u32) {
        self.emit(Instr::abc(op, a, b, c), line);
    }

    /// A free temporary register.
    fn temp(&mut self, line: u32) -> Result<u8> {
        let unit = self.unit();
        let r = unit.next;
        unit.next = unit.next.checked_add(1).ok_or_else(|| too_complex(line))?;
        unit.high = unit.high.max(unit.next);
        Ok(r)
    }

    /// `n` consecutive temporaries; returns the first.
    fn temps(&mut self, n: usize, line: u32) -> Result<u8> {
        let first = self.unit_ref().next;
        for _ in 0..n {
            self.temp(line)?;
        }
        Ok(first)
    }

    fn mark(&self) -> u8 {
        self.unit_ref().next
    }

    fn release_to(&mut self, mark: u8) {
        self.unit().next = mark;
    }

    fn constant(&mut self, v: Value) -> Result<u16> {
        let vm = &mut *self.vm;
        let last = self.units.len() - 1;
        Ok(self.units[last].builder.add_constant(vm, v)?)
    }

    fn name_index(&mut self, name: &str) -> Result<u16> {
        Ok(self.unit().builder.name_index(name)?)
    }

    /// A jump to be patched once its target is known; returns its index.
    fn jump_placeholder(&mut self, op: Op, a: u8, line: u32) -> u32 {
        self.emit(Instr::abx(op, a, 0), line)
    }

    /// Points the jump at `at` to `target`.
    fn patch_jump(&mut self, at: u32, target: u32, line: u32) -> Result<()> {
        let unit = self.unit();
        let old = unit.builder_instr(at);
        let op = Op::from_byte(old.op_byte()).ok_or_else(|| too_complex(line))?;
        let offset = target as i32 - (at as i32 + 1);
        let instr = Instr::asbx(op, old.a(), offset).ok_or_else(|| not_supported("a function this long", line, 1))?;
        unit.builder.patch(at, instr);
        Ok(())
    }

    fn here(&self) -> u32 {
        self.unit_ref().builder.next_index()
    }

    fn jump_to(&mut self, op: Op, a: u8, target: u32, line: u32) -> Result<()> {
        let at = self.jump_placeholder(op, a, line);
        self.patch_jump(at, target, line)
    }

    /// Finishes the current unit into a code object.
    fn finish_unit(&mut self, line: u32) -> Result<Value> {
        let r = self.temp(line)?;
        self.abc(Op::LoadNone, r, 0, 0, line);
        self.abc(Op::Return, r, 0, 0, line);
        let Some(unit) = self.units.pop() else { return Err(CompileError::Engine(Error::Type("no unit"))) };
        Ok(finish_builder(unit, self.vm)?)
    }

    // {=================================================================================
    // Names
    // ==================================================================================

    /// Whether `name` is a local of the current function (not a global declaration).
    fn local_register(&self, name: &str) -> Option<u8> {
        let unit = self.unit_ref();
        if let Some(&(_, r)) = unit.hidden.iter().rev().find(|(n, _)| *n == name) {
            return Some(r);
        }
        if unit.kind == UnitKind::Function && !unit.globals.contains(&name) {
            return unit.local(name);
        }
        None
    }

    /// The register holding the cell of `name`, if it is a captured local or a variable
    /// of an enclosing function.
    fn deref_register(&self, name: &str) -> Option<u8> {
        let unit = self.unit_ref();
        if name == crate::scope::CLASS_CELL {
            if let Some(class) = unit.classes.last() {
                return Some(class.class_cell);
            }
        }
        if unit.hidden.iter().any(|(n, _)| *n == name) || unit.globals.contains(&name) {
            return None;
        }
        if unit.cells.contains(&name) {
            return unit.local(name);
        }
        unit.frees.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
    }

    fn is_hidden(&self, name: &str) -> bool {
        self.unit_ref().hidden.iter().any(|(n, _)| *n == name)
    }

    /// A register holding the value of `name`: a local's own register, or `target` (a
    /// fresh temporary if `None`) loaded from the globals.
    fn load_name(&mut self, name: &'a str, target: Option<u8>, line: u32, column: u32) -> Result<u8> {
        if let Some(class) = self.unit_ref().classes.last().cloned() {
            let enclosing_variable = self.deref_register(name).is_some() || self.local_register(name).is_some();
            if !self.is_hidden(name) && !enclosing_variable {
                let t = match target {
                    Some(t) => t,
                    None => self.temp(line)?,
                };
                let n = u8::try_from(self.name_index(name)?).map_err(|_| too_complex(line))?;
                self.abc(Op::LoadNs, t, class.namespace, n, line);
                return Ok(t);
            }
        }
        if let Some(cell) = self.deref_register(name) {
            let t = match target {
                Some(t) => t,
                None => self.temp(line)?,
            };
            let n = u8::try_from(self.name_index(name)?).map_err(|_| too_complex(line))?;
            self.abc(Op::LoadDeref, t, cell, n, line);
            return Ok(t);
        }
        if let Some(r) = self.local_register(name) {
            let unit = self.unit_ref();
            let needs_check = !self.is_hidden(name) && !unit.bound[r as usize];
            if needs_check {
                let n = self.name_index(name)?;
                self.emit(Instr::abx(Op::CheckBound, r, n), line);
            }
            return match target {
                Some(t) if t != r => {
                    self.abc(Op::Move, t, r, 0, line);
                    Ok(t)
                }
                _ => Ok(r),
            };
        }
        let _ = column;
        let t = match target {
            Some(t) => t,
            None => self.temp(line)?,
        };
        let n = self.name_index(name)?;
        self.emit(Instr::abx(Op::LoadGlobal, t, n), line);
        Ok(t)
    }

    /// Stores register `value` into `name`.
    /// The register of `target` if it is a name stored in a register of this function
    /// (not a cell, not a class body's namespace).
    fn plain_local_target(&self, target: &'a Expr<'a>) -> Option<u8> {
        let ExprKind::Name(name) = target.kind else { return None };
        if self.deref_register(name).is_some() || (!self.unit_ref().classes.is_empty() && !self.is_hidden(name)) {
            return None;
        }
        self.local_register(name)
    }

    /// Records that `target`'s register `r` (see [`Self::plain_local_target`]) now holds
    /// the name's value.
    fn store_name_register(&mut self, target: &'a Expr<'a>, r: u8) -> Result<()> {
        let ExprKind::Name(name) = target.kind else { return Ok(()) };
        self.store_name(name, r, target.line)
    }

    /// Empties temporary `value` once `targets` took it, if one of them is a global or
    /// the code is a module's: a module's temporaries live as long as the module runs,
    /// and one still holding the value would keep it alive after `del name` (and count
    /// in `sys.getrefcount`).
    fn clear_if_stored_global(&mut self, targets: &'a [Expr<'a>], value: u8, line: u32) {
        let is_temporary = usize::from(value) >= self.unit_ref().bound.len();
        let to_global = self.in_module_code()
            || targets.iter().any(|t| match t.kind {
                ExprKind::Name(name) => {
                    self.local_register(name).is_none()
                        && self.deref_register(name).is_none()
                        && self.unit_ref().classes.is_empty()
                }
                _ => false,
            });
        if is_temporary && to_global {
            self.abc(Op::Clear, value, 0, 0, line);
        }
    }

    /// In a module's own code, empties the temporaries from `from` up (the operands of
    /// a store or `del` just done; see `clear_if_stored_global`).
    fn clear_module_temporaries(&mut self, from: u8, line: u32) {
        if self.in_module_code() {
            for r in from..self.mark() {
                self.abc(Op::Clear, r, 0, 0, line);
            }
        }
    }

    /// Whether the code being compiled is a module's own (not a function's or a class
    /// body's).
    fn in_module_code(&self) -> bool {
        let unit = self.unit_ref();
        matches!(unit.kind, UnitKind::Module) && unit.classes.is_empty()
    }

    fn store_name(&mut self, name: &'a str, value: u8, line: u32) -> Result<()> {
        if let Some(class) = self.unit_ref().classes.last().cloned() {
            if !self.is_hidden(name) {
                let n = u8::try_from(self.name_index(name)?).map_err(|_| too_complex(line))?;
                self.abc(Op::StoreNs, class.namespace, value, n, line);
                return Ok(());
            }
        }
        if let Some(cell) = self.deref_register(name) {
            self.abc(Op::StoreDeref, cell, value, 0, line);
            return Ok(());
        }
        if let Some(r) = self.local_register(name) {
            if r != value {
                self.abc(Op::Move, r, value, 0, line);
            }
            let unit = self.unit();
            if (r as usize) < unit.bound.len() {
                unit.bound[r as usize] = true;
            }
            return Ok(());
        }
        let n = self.name_index(name)?;
        self.emit(Instr::abx(Op::StoreGlobal, value, n), line);
        Ok(())
    }

    // {=================================================================================
    // Statements
    // ==================================================================================

    fn block(&mut self, body: &'a [Stmt<'a>]) -> Result<()> {
        for s in body {
            let mark = self.mark();
            self.statement(s)?;
            self.release_to(mark);
        }
        Ok(())
    }

    fn statement(&mut self, s: &'a Stmt<'a>) -> Result<()> {
        let line = s.line;
        match s.kind {
            StmtKind::Expr(e) => {
                // The value is dropped now, as CPython's POP_TOP drops it: a temporary
                // left holding it would keep it alive until the register is reused.
                let v = self.expr(e)?;
                if usize::from(v) >= self.unit_ref().bound.len() {
                    self.abc(Op::Clear, v, 0, 0, line);
                }
            }
            StmtKind::Assign { targets, value } => {
                if let [target] = targets {
                    if let Some(r) = self.plain_local_target(target).filter(|_| writes_target_last(value)) {
                        // Straight into the local: no temporary left holding a second
                        // reference (sys.getrefcount stays exact) and no Move.
                        self.expr_into(value, r)?;
                        return self.store_name_register(target, r);
                    }
                }
                let v = self.expr(value)?;
                for t in targets {
                    self.assign(t, v)?;
                }
                self.clear_if_stored_global(targets, v, line);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(value) = value {
                    let v = self.expr(value)?;
                    self.assign(target, v)?;
                }
                if let (true, ExprKind::Name(name), false) = (simple, &target.kind, self.unit_ref().classes.is_empty())
                {
                    self.record_class_annotation(name, annotation, line)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, op, value)?,
            StmtKind::If { test, body, orelse } => self.if_statement(test, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse)?,
            StmtKind::For { target, iter, body, orelse } => self.for_loop(target, iter, body, orelse, line)?,
            StmtKind::Break => {
                if self.unit_ref().loops.is_empty() {
                    return Err(not_supported("'break' outside loop", line, s.column));
                }
                let depth = self.unit_ref().loops.len();
                let paused = self.leave_protected(|p| p.loop_depth >= depth, line)?;
                let at = self.jump_placeholder(Op::Jump, 0, line);
                if let Some(l) = self.unit().loops.last_mut() {
                    l.breaks.push(at);
                }
                self.resume_protected(paused);
            }
            StmtKind::Continue => {
                let target = match self.unit_ref().loops.last() {
                    Some(l) => l.continue_target,
                    None => return Err(not_supported("'continue' outside loop", line, s.column)),
                };
                let depth = self.unit_ref().loops.len();
                let paused = self.leave_protected(|p| p.loop_depth >= depth, line)?;
                self.jump_to(Op::Jump, 0, target, line)?;
                self.resume_protected(paused);
            }
            StmtKind::Pass => {}
            StmtKind::FunctionDef(def) => self.function_def(def, line)?,
            StmtKind::Return(value) => {
                if self.unit_ref().kind != UnitKind::Function {
                    return Err(not_supported("'return' outside function", line, s.column));
                }
                if let (Some(Expr { kind: ExprKind::Name(name), line, column, .. }), true) =
                    (value, self.unit_ref().protected.is_empty())
                {
                    // A local returns from its own register (the frame is going: its
                    // value moves out). Not past a `finally`, which might rebind it.
                    let r = self.load_name(name, None, *line, *column)?;
                    self.abc(Op::Return, r, 0, 0, *line);
                    return Ok(());
                }
                let r = self.temp(line)?;
                match value {
                    Some(e) => self.expr_into_fresh(e, r)?,
                    None => self.abc(Op::LoadNone, r, 0, 0, line),
                }
                let paused = self.leave_protected(|_| true, line)?;
                self.abc(Op::Return, r, 0, 0, line);
                self.resume_protected(paused);
            }
            StmtKind::Global(names) => {
                for name in names {
                    if !self.unit_ref().globals.contains(name) {
                        self.unit().globals.push(name);
                    }
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Raise { exc, cause } => self.raise(exc, cause, line, s.column)?,
            StmtKind::Assert { test, msg } => self.assert(test, msg, line)?,
            StmtKind::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t.body, t.handlers, t.orelse, line)?;
                } else if t.handlers.is_empty() {
                    self.try_finally(t.finalbody, line, |c| c.block(t.body))?;
                } else {
                    self.try_finally(t.finalbody, line, |c| c.try_except(t.body, t.handlers, t.orelse, line))?;
                }
            }
            StmtKind::ClassDef(def) => self.class_def(def, line)?,
            // Resolved by the scope pass: the name is a free variable of this function.
            StmtKind::Nonlocal(_) => {}
            StmtKind::With { items, body } => self.with_statement(items, body, line)?,
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    if alias.name.contains('.') {
                        return Err(not_supported("importing a dotted module name", alias.line, alias.column));
                    }
                    let r = self.temp(line)?;
                    let n = self.name_index(alias.name)?;
                    self.emit(Instr::abx(Op::Import, r, n), line);
                    self.store_name(alias.asname.unwrap_or(alias.name), r, line)?;
                }
            }
            StmtKind::ImportFrom { module, names } => {
                if module.contains('.') {
                    return Err(not_supported("importing a dotted module name", line, s.column));
                }
                let m = self.temp(line)?;
                let n = self.name_index(module)?;
                self.emit(Instr::abx(Op::Import, m, n), line);
                for alias in names {
                    if alias.name == "*" {
                        if self.unit_ref().kind != UnitKind::Module {
                            return Err(not_supported("'import *' inside a function", line, s.column));
                        }
                        self.abc(Op::ImportStar, m, 0, 0, line);
                        continue;
                    }
                    let r = self.temp(line)?;
                    let attr = u8::try_from(self.name_index(alias.name)?).map_err(|_| too_complex(line))?;
                    self.abc(Op::ImportFrom, r, m, attr, line);
                    self.store_name(alias.asname.unwrap_or(alias.name), r, line)?;
                }
            }
        }
        Ok(())
    }

    /// Stores register `value` into an assignment target.
    fn assign(&mut self, target: &'a Expr<'a>, value: u8) -> Result<()> {
        let line = target.line;
        match target.kind {
            ExprKind::Name(name) => self.store_name(name, value, line),
            ExprKind::Attribute { value: obj, attr } => {
                let mark = self.mark();
                let o = self.expr(obj)?;
                let n = self.name_index(attr)?;
                let n = u8::try_from(n).map_err(|_| too_complex(line))?;
                self.abc(Op::StoreAttr, o, value, n, line);
                self.clear_module_temporaries(mark, line);
                self.release_to(mark);
                Ok(())
            }
            ExprKind::Subscript { value: container, index } => {
                let mark = self.mark();
                let c = self.expr(container)?;
                if matches!(index.kind, ExprKind::Slice { .. }) {
                    let parts = self.slice_parts(index, line)?;
                    self.abc(Op::SetSlice, c, parts, value, line);
                } else {
                    let i = self.expr(index)?;
                    self.abc(Op::SetItem, c, i, value, line);
                }
                self.clear_module_temporaries(mark, line);
                self.release_to(mark);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let mark = self.mark();
                let first = self.temps(items.len(), line)?;
                match items.iter().position(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    None => {
                        let count = u8::try_from(items.len()).map_err(|_| too_complex(line))?;
                        self.abc(Op::Unpack, first, value, count, line);
                    }
                    Some(star) => {
                        let (before, after) = (star, items.len() - star - 1);
                        if before > 15 || after > 15 {
                            return Err(not_supported(
                                "more than 15 targets around a starred target",
                                line,
                                target.column,
                            ));
                        }
                        self.abc(Op::UnpackEx, first, value, (before | after << 4) as u8, line);
                    }
                }
                for (i, item) in items.iter().enumerate() {
                    let item = match item.kind {
                        ExprKind::Starred(inner) => inner,
                        _ => item,
                    };
                    self.assign(item, first + i as u8)?;
                }
                self.release_to(mark);
                Ok(())
            }
            _ => Err(not_supported("this assignment target", line, target.column)),
        }
    }

    fn aug_assign(&mut self, target: &'a Expr<'a>, op: BinOp, value: &'a Expr<'a>) -> Result<()> {
        let line = target.line;
        let op = binary_op(op, line, target.column)?;
        match target.kind {
            ExprKind::Name(name) if self.unit_ref().classes.is_empty() && self.deref_register(name).is_none() => {
                if let Some(local) = self.local_register(name) {
                    // Only this frame can rebind its register locals, so the operator
                    // updates the local itself (and may reuse its float in place).
                    self.load_name(name, Some(local), line, target.column)?;
                    let v = self.expr(value)?;
                    self.abc(Op::InPlace, local, v, op as u8, line);
                    return self.store_name(name, local, line);
                }
                let result = self.temp(line)?;
                self.load_name(name, Some(result), line, target.column)?;
                let v = self.expr(value)?;
                self.abc(Op::InPlace, result, v, op as u8, line);
                self.store_name(name, result, line)
            }
            ExprKind::Name(name) => {
                let result = self.temp(line)?;
                self.load_name(name, Some(result), line, target.column)?;
                let v = self.expr(value)?;
                self.abc(Op::InPlace, result, v, op as u8, line);
                self.store_name(name, result, line)
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.expr(obj)?;
                let n = u8::try_from(self.name_index(attr)?).map_err(|_| too_complex(line))?;
                let current = self.temp(line)?;
                self.abc(Op::LoadAttr, current, o, n, line);
                let v = self.expr(value)?;
                self.abc(Op::InPlace, current, v, op as u8, line);
                self.abc(Op::StoreAttr, o, current, n, line);
                Ok(())
            }
            ExprKind::Subscript { value: container, index } => {
                if matches!(index.kind, ExprKind::Slice { .. }) {
                    return Err(not_supported("augmented assignment to a slice", line, target.column));
                }
                let c = self.expr(container)?;
                let i = self.expr(index)?;
                let current = self.temp(line)?;
                self.abc(Op::GetItem, current, c, i, line);
                let v = self.expr(value)?;
                self.abc(Op::InPlace, current, v, op as u8, line);
                self.abc(Op::SetItem, c, i, current, line);
                Ok(())
            }
            _ => Err(not_supported("this augmented assignment target", line, target.column)),
        }
    }

    fn delete(&mut self, target: &'a Expr<'a>) -> Result<()> {
        let line = target.line;
        match target.kind {
            ExprKind::Name(name) if self.deref_register(name).is_some() => {
                let cell = self.deref_register(name).unwrap_or_default();
                self.load_name(name, None, line, target.column)?;
                let empty = self.temp(line)?;
                self.abc(Op::Clear, empty, 0, 0, line);
                self.abc(Op::StoreDeref, cell, empty, 0, line);
                Ok(())
            }
            ExprKind::Name(name) => match self.local_register(name) {
                Some(r) => {
                    self.load_name(name, None, line, target.column)?;
                    self.abc(Op::Clear, r, 0, 0, line);
                    let unit = self.unit();
                    if (r as usize) < unit.bound.len() {
                        unit.bound[r as usize] = false;
                    }
                    Ok(())
                }
                None => {
                    let n = self.name_index(name)?;
                    self.emit(Instr::abx(Op::DeleteGlobal, 0, n), line);
                    Ok(())
                }
            },
            ExprKind::Subscript { value, index } => {
                let mark = self.mark();
                let c = self.expr(value)?;
                if matches!(index.kind, ExprKind::Slice { .. }) {
                    let parts = self.slice_parts(index, line)?;
                    self.abc(Op::DeleteSlice, c, parts, 0, line);
                } else {
                    let i = self.expr(index)?;
                    self.abc(Op::DeleteItem, c, i, 0, line);
                }
                self.clear_module_temporaries(mark, line);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for item in items {
                    self.delete(item)?;
                }
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                let mark = self.mark();
                let o = self.expr(value)?;
                let n = u8::try_from(self.name_index(attr)?).map_err(|_| too_complex(line))?;
                self.abc(Op::DeleteAttr, o, 0, n, line);
                self.clear_module_temporaries(mark, line);
                Ok(())
            }
            _ => Err(not_supported("this 'del' target", line, target.column)),
        }
    }

    /// Snapshot of which locals are bound, for branches to meet.
    fn bound_state(&self) -> Vec<bool> {
        self.unit_ref().bound.clone()
    }

    fn set_bound_state(&mut self, state: Vec<bool>) {
        self.unit().bound = state;
    }

    fn meet(a: &[bool], b: &[bool]) -> Vec<bool> {
        a.iter().zip(b).map(|(x, y)| *x && *y).collect()
    }

    fn if_statement(&mut self, test: &'a Expr<'a>, body: &'a [Stmt<'a>], orelse: &'a [Stmt<'a>]) -> Result<()> {
        let line = test.line;
        let before = self.bound_state();
        let mark = self.mark();
        let t = self.expr(test)?;
        let to_else = self.jump_placeholder(Op::JumpIfFalse, t, line);
        self.release_to(mark);
        self.block(body)?;
        let after_body = self.bound_state();
        if orelse.is_empty() {
            let end = self.here();
            self.patch_jump(to_else, end, line)?;
            self.set_bound_state(Self::meet(&before, &after_body));
            return Ok(());
        }
        let to_end = self.jump_placeholder(Op::Jump, 0, line);
        let else_start = self.here();
        self.patch_jump(to_else, else_start, line)?;
        self.set_bound_state(before);
        self.block(orelse)?;
        let after_else = self.bound_state();
        let end = self.here();
        self.patch_jump(to_end, end, line)?;
        self.set_bound_state(Self::meet(&after_body, &after_else));
        Ok(())
    }

    fn while_loop(&mut self, test: &'a Expr<'a>, body: &'a [Stmt<'a>], orelse: &'a [Stmt<'a>]) -> Result<()> {
        let line = test.line;
        let before = self.bound_state();
        let start = self.here();
        let mark = self.mark();
        let t = self.expr(test)?;
        let to_exit = self.jump_placeholder(Op::JumpIfFalse, t, line);
        self.release_to(mark);
        self.unit().loops.push(Loop { continue_target: start, breaks: Vec::new() });
        self.block(body)?;
        self.close_loop(start, to_exit, before, orelse, line)
    }

    fn for_loop(
        &mut self,
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
        line: u32,
    ) -> Result<()> {
        let before = self.bound_state();
        let it = self.temps(2, line)?;
        let source = self.expr(iter)?;
        self.abc(Op::GetIter, it, source, 0, line);
        self.release_to(it + 2);
        let start = self.here();
        let to_exit = self.jump_placeholder(Op::ForIter, it, line);
        self.unit().loops.push(Loop { continue_target: start, breaks: Vec::new() });
        self.assign(target, it + 1)?;
        self.clear_if_stored_global(core::slice::from_ref(target), it + 1, line);
        self.block(body)?;
        self.close_loop(start, to_exit, before, orelse, line)
    }

    /// Ends a `while` or `for` body: jumps back to `start`, lands the loop's exit jump
    /// `to_exit` on the `else` block (which runs with the bindings known before the
    /// loop), and lands every `break` after it.
    fn close_loop(
        &mut self,
        start: u32,
        to_exit: u32,
        before: Vec<bool>,
        orelse: &'a [Stmt<'a>],
        line: u32,
    ) -> Result<()> {
        self.jump_to(Op::Jump, 0, start, line)?;
        let finished = self.unit().loops.pop();
        let exit = self.here();
        self.patch_jump(to_exit, exit, line)?;
        self.set_bound_state(before.clone());
        self.block(orelse)?;
        let end = self.here();
        for b in finished.map(|l| l.breaks).unwrap_or_default() {
            self.patch_jump(b, end, line)?;
        }
        self.set_bound_state(before);
        Ok(())
    }

    fn raise(&mut self, exc: Option<&'a Expr<'a>>, cause: Option<&'a Expr<'a>>, line: u32, column: u32) -> Result<()> {
        match exc {
            None => match self.unit_ref().handler_registers.last() {
                Some(&r) => self.abc(Op::Reraise, r, 0, 0, line),
                // Outside an except block: whatever the callers are handling.
                None => {
                    let _ = column;
                    self.abc(Op::ReraiseHandled, 0, 0, 0, line)
                }
            },
            Some(e) => {
                let r = self.expr(e)?;
                let c = match cause {
                    Some(c) => self.expr(c)?,
                    None => r,
                };
                self.abc(Op::Raise, r, c, 0, line);
            }
        }
        Ok(())
    }

    fn assert(&mut self, test: &'a Expr<'a>, msg: Option<&'a Expr<'a>>, line: u32) -> Result<()> {
        let t = self.expr(test)?;
        let to_ok = self.jump_placeholder(Op::JumpIfTrue, t, line);
        let class = self.load_name("AssertionError", None, line, 1)?;
        let raised = match msg {
            Some(m) => {
                let call = self.temps(2, line)?;
                self.abc(Op::Move, call, class, 0, line);
                self.expr_into(m, call + 1)?;
                self.abc(Op::Call, call, 1, 0, line);
                call
            }
            None => class,
        };
        self.abc(Op::Raise, raised, raised, 0, line);
        let ok = self.here();
        self.patch_jump(to_ok, ok, line)
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt<'a>],
        handlers: &'a [crate::syntax::ast::ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        line: u32,
    ) -> Result<()> {
        let before = self.bound_state();
        let exception = self.temp(line)?;
        self.open_protected(Cleanup::None);
        let body_result = self.block(body);
        let segments = self.close_protected();
        body_result?;
        let after_body = self.bound_state();
        let to_else = self.jump_placeholder(Op::Jump, 0, line);
        self.handle_here(&segments, exception, line)?;
        let mut to_end = Vec::new();
        let mut states = Vec::new();
        self.unit().handler_registers.push(exception);
        for h in handlers {
            self.set_bound_state(before.clone());
            let mark = self.mark();
            let skip = match h.typ {
                Some(typ) => {
                    let class = self.expr(typ)?;
                    let test = self.temp(h.line)?;
                    self.abc(Op::ExceptionMatches, test, exception, class, h.line);
                    Some(self.jump_placeholder(Op::JumpIfFalse, test, h.line))
                }
                None => None,
            };
            self.release_to(mark);
            if let Some(name) = h.name {
                self.store_name(name, exception, h.line)?;
            }
            self.block(h.body)?;
            if let Some(name) = h.name {
                // Python deletes the name at the end of the handler: nothing lingers.
                match self.local_register(name) {
                    Some(r) => {
                        self.abc(Op::Clear, r, 0, 0, h.line);
                        let unit = self.unit();
                        if (r as usize) < unit.bound.len() {
                            unit.bound[r as usize] = false;
                        }
                    }
                    None => {
                        let n = self.name_index(name)?;
                        self.emit(Instr::abx(Op::DeleteGlobal, 0, n), h.line);
                    }
                }
            }
            // The except block is done: its exception is handled no more.
            self.abc(Op::PopHandled, 0, 0, 0, h.line);
            self.abc(Op::Clear, exception, 0, 0, h.line);
            states.push(self.bound_state());
            to_end.push(self.jump_placeholder(Op::Jump, 0, h.line));
            if let Some(skip) = skip {
                let next = self.here();
                self.patch_jump(skip, next, h.line)?;
            }
        }
        self.unit().handler_registers.pop();
        // No handler matched: the exception goes on.
        self.abc(Op::Reraise, exception, 0, 0, line);
        let else_start = self.here();
        self.patch_jump(to_else, else_start, line)?;
        self.set_bound_state(after_body);
        self.block(orelse)?;
        let mut meet = self.bound_state();
        for s in &states {
            meet = Self::meet(&meet, s);
        }
        let end_all = self.here();
        for j in to_end {
            self.patch_jump(j, end_all, line)?;
        }
        self.set_bound_state(meet);
        Ok(())
    }

    /// `class Name(bases): body`, the body compiled inline into a namespace dict.
    fn class_def(&mut self, def: &'a crate::syntax::ast::ClassDef<'a>, line: u32) -> Result<()> {
        if def.bases.iter().any(|b| matches!(b.kind, ExprKind::Starred(_))) {
            return Err(not_supported("'*' in class bases", line, 1));
        }
        let run = self.temps(3, line)?;
        let count = u8::try_from(def.bases.len()).map_err(|_| too_complex(line))?;
        let first = self.temps(def.bases.len(), line)?;
        for (i, b) in def.bases.iter().enumerate() {
            self.expr_into(b, first + i as u8)?;
        }
        self.abc(Op::BuildTuple, run, first, count, line);
        self.abc(Op::BuildDict, run + 1, 0, 0, line);
        self.load_str(def.name, run + 2, line)?;
        let class_cell = self.temp(line)?;
        self.abc(Op::Clear, class_cell, 0, 0, line);
        self.abc(Op::MakeCell, class_cell, 0, 0, line);
        let qualname = self.qualified(def.name);
        self.unit().classes.push(ClassBody { namespace: run + 1, class_cell, qualname });
        let body = self
            .class_docstring(def.body, line)
            .and_then(|()| self.class_annotations(def.body, line))
            .and_then(|()| self.block(def.body));
        self.unit().classes.pop();
        body?;
        let class = self.temp(line)?;
        self.abc(Op::BuildClass, class, run, 0, line);
        self.abc(Op::StoreDeref, class_cell, class, 0, line);
        self.abc(Op::Clear, class_cell, 0, 0, line);
        let mut result = class;
        for decorator in def.decorators.iter().rev() {
            let call = self.temps(2, line)?;
            self.expr_into(decorator, call)?;
            self.abc(Op::Move, call + 1, result, 0, line);
            self.abc(Op::Call, call, 1, 0, line);
            result = call;
        }
        self.store_name(def.name, result, line)
    }

    /// A class body with annotated names (`x: int = 0`, at its top level or under an `if`)
    /// starts with an empty `__annotations__` dict, as in CPython; each annotation then
    /// goes in as it runs (what `dataclasses` reads).
    fn class_annotations(&mut self, body: &'a [Stmt<'a>], line: u32) -> Result<()> {
        fn annotated(body: &[Stmt<'_>]) -> bool {
            body.iter().any(|s| match &s.kind {
                StmtKind::AnnAssign { simple, .. } => *simple,
                StmtKind::If { body, orelse, .. } => annotated(body) || annotated(orelse),
                _ => false,
            })
        }
        if !annotated(body) {
            return Ok(());
        }
        let mark = self.mark();
        let r = self.temp(line)?;
        self.abc(Op::BuildDict, r, 0, 0, line);
        self.store_name("__annotations__", r, line)?;
        self.release_to(mark);
        Ok(())
    }

    /// `__annotations__[name] = annotation` in the class body being compiled.
    fn record_class_annotation(&mut self, name: &'a str, annotation: &'a Expr<'a>, line: u32) -> Result<()> {
        let mark = self.mark();
        let dict = self.temp(line)?;
        self.load_name("__annotations__", Some(dict), line, 0)?;
        let key = self.temp(line)?;
        self.load_str(name, key, line)?;
        let v = self.expr(annotation_value(annotation))?;
        self.abc(Op::SetItem, dict, key, v, line);
        self.release_to(mark);
        Ok(())
    }

    /// A class body's docstring becomes `__doc__` in its namespace, as in CPython.
    fn class_docstring(&mut self, body: &'a [Stmt<'a>], line: u32) -> Result<()> {
        let Some(text) = docstring(body) else { return Ok(()) };
        let r = self.temp(line)?;
        self.load_str(text, r, line)?;
        self.store_name("__doc__", r, line)
    }

    /// The qualified name of `name` defined here (`C.m`, `outer.<locals>.inner`).
    fn qualified(&self, name: &str) -> String {
        let unit = self.unit_ref();
        match (unit.classes.last(), unit.kind) {
            (Some(class), _) => format!("{}.{name}", class.qualname),
            (None, UnitKind::Function) => format!("{}.<locals>.{name}", unit.builder.name),
            (None, UnitKind::Module) => String::from(name),
        }
    }

    /// How many except/finally handler blocks of this function enclose the code here.
    fn handler_depth(&self, line: u32) -> Result<u8> {
        u8::try_from(self.unit_ref().handler_registers.len()).map_err(|_| too_complex(line))
    }

    fn open_protected(&mut self, cleanup: Cleanup<'a>) {
        let here = self.here();
        let loop_depth = self.unit_ref().loops.len();
        self.unit().protected.push(Protected { segments: Vec::new(), open: Some(here), cleanup, loop_depth });
    }

    /// The next instruction handles exceptions raised in `segments`, which arrive in
    /// register `exception`.
    fn handle_here(&mut self, segments: &[(u32, u32)], exception: u8, line: u32) -> Result<()> {
        let target = self.here();
        for &(start, end) in segments {
            let depth = self.handler_depth(line)?;
            self.unit().builder.add_handler(Handler { start, end, target, register: exception, depth });
        }
        Ok(())
    }

    /// Ends the innermost protected block; returns the ranges its handler covers.
    fn close_protected(&mut self) -> Vec<(u32, u32)> {
        let here = self.here();
        let Some(mut p) = self.unit().protected.pop() else { return Vec::new() };
        if let Some(start) = p.open.take() {
            p.segments.push((start, here));
        }
        p.segments.retain(|&(start, end)| start < end);
        p.segments
    }

    /// Before a jump out of the protected blocks `leaving` selects (innermost first): runs
    /// their cleanups inline and pauses their ranges. Returns how many were paused.
    fn leave_protected(&mut self, leaving: impl Fn(&Protected<'a>) -> bool, line: u32) -> Result<usize> {
        let count = self.unit_ref().protected.iter().rev().take_while(|p| leaving(p)).count();
        let total = self.unit_ref().protected.len();
        for i in (total - count..total).rev() {
            // Pause this block and every block inside it before running its cleanup.
            let here = self.here();
            for p in &mut self.unit().protected[i..] {
                if let Some(start) = p.open.take() {
                    p.segments.push((start, here));
                }
            }
            // While its cleanup compiles, the block (and those inside it) is not
            // protecting anything: a `return` inside a `finally` leaves only the outer ones.
            let inner = self.unit().protected.split_off(i);
            let cleanup = inner[0].cleanup;
            let ran = self.run_cleanup(cleanup, line);
            self.unit().protected.extend(inner);
            ran?;
        }
        let here = self.here();
        for p in &mut self.unit().protected[total - count..] {
            if let Some(start) = p.open.take() {
                p.segments.push((start, here));
            }
        }
        Ok(count)
    }

    /// Reopens the ranges `leave_protected` paused, after the jump.
    fn resume_protected(&mut self, count: usize) {
        let here = self.here();
        let total = self.unit_ref().protected.len();
        for p in &mut self.unit().protected[total - count..] {
            p.open = Some(here);
        }
    }

    fn run_cleanup(&mut self, cleanup: Cleanup<'a>, line: u32) -> Result<()> {
        match cleanup {
            Cleanup::None => Ok(()),
            Cleanup::Finally(body) => {
                let mark = self.mark();
                let saved = self.bound_state();
                self.block(body)?;
                self.set_bound_state(saved);
                self.release_to(mark);
                Ok(())
            }
            Cleanup::WithExit(exit) => {
                let call = self.temps(4, line)?;
                self.abc(Op::Move, call, exit, 0, line);
                for i in 1..4 {
                    self.abc(Op::LoadNone, call + i, 0, 0, line);
                }
                self.abc(Op::Call, call, 3, 0, line);
                self.release_to(call);
                Ok(())
            }
        }
    }

    /// `try: <body> finally: <finalbody>`.
    fn try_finally(
        &mut self,
        finalbody: &'a [Stmt<'a>],
        line: u32,
        body: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        let exception = self.temp(line)?;
        self.open_protected(Cleanup::Finally(finalbody));
        let result = body(self);
        let segments = self.close_protected();
        result?;
        // Normal completion runs the finally body once.
        self.run_cleanup(Cleanup::Finally(finalbody), line)?;
        let to_end = self.jump_placeholder(Op::Jump, 0, line);
        // An exception runs it, then goes on.
        self.handle_here(&segments, exception, line)?;
        self.unit().handler_registers.push(exception);
        let cleanup = self.run_cleanup(Cleanup::Finally(finalbody), line);
        self.unit().handler_registers.pop();
        cleanup?;
        self.abc(Op::Reraise, exception, 0, 0, line);
        let end = self.here();
        self.patch_jump(to_end, end, line)
    }

    /// `with a as x, b as y: body` is `with a as x: with b as y: body`.
    fn with_statement(
        &mut self,
        items: &'a [crate::syntax::ast::WithItem<'a>],
        body: &'a [Stmt<'a>],
        line: u32,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else { return self.block(body) };
        let context = self.expr(item.context)?;
        let exit = self.temp(line)?;
        let exit_name = u8::try_from(self.name_index("__exit__")?).map_err(|_| too_complex(line))?;
        let enter_name = u8::try_from(self.name_index("__enter__")?).map_err(|_| too_complex(line))?;
        self.abc(Op::LoadAttr, exit, context, exit_name, line);
        let call = self.temps(2, line)?;
        self.abc(Op::LoadMethod, call, context, enter_name, line);
        self.abc(Op::CallMethod, call, 0, 0, line);
        if let Some(target) = item.target {
            self.assign(target, call)?;
        }
        let exception = self.temp(line)?;
        self.open_protected(Cleanup::WithExit(exit));
        let result = if rest.is_empty() { self.block(body) } else { self.with_statement(rest, body, line) };
        let segments = self.close_protected();
        result?;
        self.run_cleanup(Cleanup::WithExit(exit), line)?;
        let to_end = self.jump_placeholder(Op::Jump, 0, line);
        self.handle_here(&segments, exception, line)?;
        // exit(type(e), e, e.__traceback__): a true result swallows the exception.
        let args = self.temps(4, line)?;
        self.abc(Op::Move, args, exit, 0, line);
        self.load_name("type", Some(args + 1), line, 1)?;
        let type_call = self.temps(2, line)?;
        self.abc(Op::Move, type_call, args + 1, 0, line);
        self.abc(Op::Move, type_call + 1, exception, 0, line);
        self.abc(Op::Call, type_call, 1, 0, line);
        self.abc(Op::Move, args + 1, type_call, 0, line);
        self.abc(Op::Move, args + 2, exception, 0, line);
        let traceback_name = u8::try_from(self.name_index("__traceback__")?).map_err(|_| too_complex(line))?;
        self.abc(Op::LoadAttr, args + 3, exception, traceback_name, line);
        self.abc(Op::Call, args, 3, 0, line);
        let swallow = self.jump_placeholder(Op::JumpIfTrue, args, line);
        self.abc(Op::Reraise, exception, 0, 0, line);
        let swallowed = self.here();
        self.patch_jump(swallow, swallowed, line)?;
        self.abc(Op::PopHandled, 0, 0, 0, line);
        self.abc(Op::Clear, exception, 0, 0, line);
        let end = self.here();
        self.patch_jump(to_end, end, line)
    }

    fn function_def(&mut self, def: &'a FunctionDef<'a>, line: u32) -> Result<()> {
        let key = def as *const FunctionDef<'a> as usize;
        if def.is_generator {
            self.generator_keys.push(key);
        }
        // As in CPython, a decorated function's code starts at its first decorator.
        let first_line = def.decorators.first().map_or(line, |d| d.line.min(line));
        let signature = Signature { params: &def.params, returns: def.returns, first_line };
        let f = self.function(def.name, key, signature, FunctionBody::Statements(def.body), line)?;
        let mut result = f;
        for decorator in def.decorators.iter().rev() {
            let call = self.temps(2, line)?;
            self.expr_into(decorator, call)?;
            self.abc(Op::Move, call + 1, result, 0, line);
            self.abc(Op::Call, call, 1, 0, line);
            result = call;
        }
        self.store_name(def.name, result, line)
    }

    /// A `def`'s annotations evaluated now, in the enclosing scope, into a dict in a new
    /// temporary (parameters in order, then `'return'`); `None` (no code) without any.
    fn annotations(&mut self, params: &Parameters<'a>, returns: Option<&'a Expr<'a>>, line: u32) -> Result<Option<u8>> {
        let mut entries: Vec<(&'a str, &'a Expr<'a>)> =
            params.all().filter_map(|p| p.annotation.map(|a| (p.name, a))).collect();
        if let Some(r) = returns {
            entries.push(("return", r));
        }
        if entries.is_empty() {
            return Ok(None);
        }
        let count = u8::try_from(entries.len()).map_err(|_| too_complex(line))?;
        let first = self.temps(2 * entries.len(), line)?;
        for (i, (name, annotation)) in entries.iter().enumerate() {
            self.load_str(name, first + 2 * i as u8, line)?;
            match self.annotation_source {
                Some(source) => {
                    let text = source_text(source, annotation);
                    self.load_str(&text, first + 2 * i as u8 + 1, line)?;
                }
                None => self.expr_into(annotation_value(annotation), first + 2 * i as u8 + 1)?,
            }
        }
        let dict = self.temp(line)?;
        self.abc(Op::BuildDict, dict, first, count, line);
        Ok(Some(dict))
    }

    /// Compiles a function body into a code object and emits `MakeFunction` (with its
    /// defaults) into a new temporary, which is returned.
    fn function(
        &mut self,
        name: &'a str,
        key: usize,
        signature: Signature<'a, '_>,
        body: FunctionBody<'a>,
        line: u32,
    ) -> Result<u8> {
        let params = signature.params;
        // Defaults are evaluated now, in the enclosing scope.
        let positional: Vec<&crate::syntax::ast::Param<'a>> = params.posonly.iter().chain(params.args).collect();
        let defaults: Vec<&'a Expr<'a>> = positional.iter().filter_map(|p| p.default).collect();
        let keyword_defaults: Vec<(&'a str, &'a Expr<'a>)> =
            params.kwonly.iter().filter_map(|p| p.default.map(|d| (p.name, d))).collect();
        let keyword_defaults_register = if keyword_defaults.is_empty() {
            None
        } else {
            let count = u8::try_from(keyword_defaults.len()).map_err(|_| too_complex(line))?;
            let first = self.temps(2 * keyword_defaults.len(), line)?;
            for (i, (name, d)) in keyword_defaults.iter().enumerate() {
                let v = self.vm.intern_str(name)?;
                let k = self.constant(v)?;
                self.emit(Instr::abx(Op::LoadConst, first + 2 * i as u8, k), line);
                self.expr_into(d, first + 2 * i as u8 + 1)?;
            }
            let dict = self.temp(line)?;
            self.abc(Op::BuildDict, dict, first, count, line);
            Some(dict)
        };
        let defaults_register = if defaults.is_empty() {
            None
        } else {
            let first = self.temps(defaults.len(), line)?;
            for (i, d) in defaults.iter().enumerate() {
                self.expr_into(d, first + i as u8)?;
            }
            let tuple = self.temp(line)?;
            let count = u8::try_from(defaults.len()).map_err(|_| too_complex(line))?;
            self.abc(Op::BuildTuple, tuple, first, count, line);
            Some(tuple)
        };
        let annotations_register = self.annotations(params, signature.returns, line)?;
        let scope = self.scopes.get(&key).cloned().unwrap_or_default();
        let file = self.file.clone();
        let qualname = self.qualified(name);
        let mut unit = Unit::new(UnitKind::Function, &qualname, &file, line);
        unit.builder.first_line = signature.first_line;
        // Locals in CPython's order: positional, keyword-only, *args, **kwargs.
        let ordered =
            positional.iter().copied().chain(params.kwonly).chain(params.vararg.iter()).chain(params.kwarg.iter());
        for p in ordered {
            unit.locals.push(p.name);
            unit.bound.push(true);
        }
        unit.builder.parameters = u8::try_from(positional.len()).map_err(|_| too_complex(line))?;
        unit.builder.positional_only = u8::try_from(params.posonly.len()).map_err(|_| too_complex(line))?;
        unit.builder.keyword_only = u8::try_from(params.kwonly.len()).map_err(|_| too_complex(line))?;
        unit.builder.varargs = params.vararg.is_some();
        unit.builder.varkeywords = params.kwarg.is_some();
        unit.builder.is_generator = match body {
            FunctionBody::Statements(_) => self.generator_keys.contains(&key),
            FunctionBody::Expression(_) => false,
            FunctionBody::Comprehension(e) => {
                // Its one parameter, register 0: the iterator of the first `for`.
                unit.locals.push(crate::scope::GENERATOR_SOURCE);
                unit.bound.push(true);
                unit.builder.parameters = 1;
                matches!(e.kind, ExprKind::GeneratorExp { .. })
            }
        };
        let (assigned, globals) = match body {
            FunctionBody::Statements(stmts) => assigned_names(stmts),
            FunctionBody::Expression(_) => (Vec::new(), Vec::new()),
            FunctionBody::Comprehension(e) => {
                let mut targets = Vec::new();
                for g in crate::scope::comprehension_parts(e).map_or(&[][..], |(_, generators)| generators) {
                    collect_target(g.target, &mut targets);
                }
                (targets, Vec::new())
            }
        };
        unit.globals = globals;
        for n in assigned {
            if unit.local(n).is_none() && !unit.globals.contains(&n) {
                unit.locals.push(n);
                unit.bound.push(false);
            }
        }
        unit.cells = scope.cells.clone();
        let mut next = u8::try_from(unit.locals.len()).map_err(|_| too_complex(line))?;
        for &free in &scope.frees {
            unit.frees.push((free, next));
            next = next.checked_add(1).ok_or_else(|| too_complex(line))?;
        }
        unit.next = next;
        unit.high = unit.next;
        self.units.push(unit);
        if let FunctionBody::Statements(stmts) = body {
            if let Some(text) = docstring(stmts) {
                let doc = self.vm.new_str(text)?;
                self.constant(doc)?;
                self.unit().builder.has_docstring = true;
            }
        }
        // Prologue: captured locals move into cells, enclosing variables' cells arrive.
        for &cell in &scope.cells {
            if let Some(r) = self.unit_ref().local(cell) {
                self.abc(Op::MakeCell, r, 0, 0, line);
            }
        }
        let free_registers: Vec<u8> = self.unit_ref().frees.iter().map(|&(_, r)| r).collect();
        for (i, r) in free_registers.into_iter().enumerate() {
            self.emit(Instr::abx(Op::LoadClosure, r, i as u16), line);
        }
        let compiled = match body {
            FunctionBody::Statements(stmts) => self.block(stmts).and_then(|()| {
                let end = stmts.last().map_or(line, |s| s.end_line.max(s.line));
                self.finish_unit(end)
            }),
            FunctionBody::Expression(e) => self.expr(e).and_then(|r| {
                self.abc(Op::Return, r, 0, 0, e.line);
                let Some(unit) = self.units.pop() else { return Err(CompileError::Engine(Error::Type("no unit"))) };
                Ok(finish_builder(unit, self.vm)?)
            }),
            FunctionBody::Comprehension(e) => self.comprehension_function_body(e),
        };
        let code = match compiled {
            Ok(code) => code,
            Err(e) => {
                if self.units.len() > 1 && self.unit_ref().kind == UnitKind::Function {
                    if let Some(unit) = self.units.pop() {
                        unit.builder.discard(self.vm);
                    }
                }
                return Err(e);
            }
        };
        let k = self.constant(code)?;
        let f = self.temp(line)?;
        self.emit(Instr::abx(Op::MakeFunction, f, k), line);
        if let Some(d) = defaults_register {
            self.abc(Op::SetDefaults, f, d, 0, line);
        }
        if let Some(d) = keyword_defaults_register {
            self.abc(Op::SetKwDefaults, f, d, 0, line);
        }
        if let Some(d) = annotations_register {
            self.abc(Op::SetAnnotations, f, d, 0, line);
        }
        if !scope.frees.is_empty() {
            // The new function's closure: the cells of the variables it captures, which
            // this function holds as cell locals or as its own frees.
            let count = u8::try_from(scope.frees.len()).map_err(|_| too_complex(line))?;
            let first = self.temps(scope.frees.len(), line)?;
            for (i, free) in scope.frees.iter().enumerate() {
                let cell = self.deref_register(free).ok_or_else(|| not_supported("this closure", line, 1))?;
                self.abc(Op::Move, first + i as u8, cell, 0, line);
            }
            let tuple = self.temp(line)?;
            self.abc(Op::BuildTuple, tuple, first, count, line);
            self.abc(Op::SetClosure, f, tuple, 0, line);
        }
        Ok(f)
    }

    // {=================================================================================
    // Expressions
    // ==================================================================================

    /// A register holding the value of `e`: a local's own register or a new temporary.
    fn expr(&mut self, e: &'a Expr<'a>) -> Result<u8> {
        if let ExprKind::Name(name) = e.kind {
            return self.load_name(name, None, e.line, e.column);
        }
        let t = self.temp(e.line)?;
        self.expr_into_fresh(e, t)?;
        Ok(t)
    }

    /// Computes `e` into `fresh`, the newest temporary, which nothing else reads: a call
    /// can use it as its callee register, so its result lands there without a `Take`.
    fn expr_into_fresh(&mut self, e: &'a Expr<'a>, fresh: u8) -> Result<()> {
        match e.kind {
            ExprKind::BinOp { .. } => self.binary_chain_into_fresh(e, fresh)?,
            ExprKind::Call { func, args, keywords } => {
                self.call(func, args, keywords, fresh, e.line, e.column, true)?
            }
            _ => self.expr_into(e, fresh)?,
        }
        // What `e` needed is free again (only `fresh` holds something).
        self.release_to(self.mark().min(fresh + 1));
        Ok(())
    }

    /// A left-nested chain of binary operators (`a + b - c + ...`) into `fresh`, a
    /// temporary nothing else reads: the running result stays in `fresh`, so a chain of
    /// any length needs two registers and no native recursion along its left spine.
    fn binary_chain_into_fresh(&mut self, e: &'a Expr<'a>, fresh: u8) -> Result<()> {
        let mut spine = Vec::new();
        let mut leftmost = e;
        while let ExprKind::BinOp { left, op, right } = leftmost.kind {
            spine.push((op, right, leftmost.line, leftmost.column));
            leftmost = left;
        }
        // A name on the left is read where it lives: copying it into `fresh` would share
        // its value, and a shared float cannot take the result in place.
        let mut running = match leftmost.kind {
            ExprKind::Name(name) => self.load_name(name, None, leftmost.line, leftmost.column)?,
            _ => {
                self.expr_into_fresh(leftmost, fresh)?;
                fresh
            }
        };
        for &(op, right, line, column) in spine.iter().rev() {
            let op = binary_op(op, line, column)?;
            if let Some((op, k)) = constant_operand(op, right) {
                self.abc(op, fresh, running, k, line);
            } else {
                let mark = self.mark();
                let r = self.expr(right)?;
                self.abc(op, fresh, running, r, line);
                self.release_to(mark);
            }
            running = fresh;
        }
        Ok(())
    }

    /// Computes `e` into register `target`. Subexpressions go to their own temporaries;
    /// only the last instruction writes `target`, so `target` may be read by `e`.
    fn expr_into(&mut self, e: &'a Expr<'a>, target: u8) -> Result<()> {
        let line = e.line;
        let mark = self.mark();
        match e.kind {
            ExprKind::None => self.abc(Op::LoadNone, target, 0, 0, line),
            ExprKind::True => self.abc(Op::LoadBool, target, 1, 0, line),
            ExprKind::False => self.abc(Op::LoadBool, target, 0, 0, line),
            ExprKind::Ellipsis => return Err(not_supported("'...' (Ellipsis)", line, e.column)),
            ExprKind::Int(n) => {
                let n = i64::try_from(n).map_err(|_| {
                    CompileError::Syntax(SyntaxError::new(
                        SyntaxErrorKind::NotImplemented,
                        "int literal beyond mote's 64-bit ints",
                        line,
                        e.column,
                    ))
                })?;
                self.load_int(n, target, line)?;
            }
            ExprKind::Float(x) => {
                let v = self.vm.new_float(x)?;
                let k = self.constant(v)?;
                self.emit(Instr::abx(Op::LoadConst, target, k), line);
            }
            ExprKind::Str(s) => self.load_str(s, target, line)?,
            ExprKind::FString(parts) => self.fstring(parts, target, line)?,
            ExprKind::Name(name) => {
                self.load_name(name, Some(target), line, e.column)?;
            }
            ExprKind::Attribute { value, attr } => {
                let o = self.expr(value)?;
                let n = u8::try_from(self.name_index(attr)?).map_err(|_| too_complex(line))?;
                self.abc(Op::LoadAttr, target, o, n, line);
            }
            ExprKind::Subscript { value, index } => {
                let c = self.expr(value)?;
                if matches!(index.kind, ExprKind::Slice { .. }) {
                    let parts = self.slice_parts(index, line)?;
                    self.abc(Op::GetSlice, target, c, parts, line);
                } else {
                    let i = self.expr(index)?;
                    self.abc(Op::GetItem, target, c, i, line);
                }
            }
            ExprKind::Slice { .. } => return Err(not_supported("slicing", line, e.column)),
            ExprKind::Call { func, args, keywords } => {
                self.call(func, args, keywords, target, line, e.column, false)?
            }
            ExprKind::UnaryOp { op, operand } => {
                // Negative literals fold, so -1 is one instruction (and i64::MIN fits).
                if let (UnaryOp::Neg, ExprKind::Int(n)) = (op, operand.kind) {
                    let negated = 0i128 - i128::from(n);
                    if let Ok(n) = i64::try_from(negated) {
                        self.load_int(n, target, line)?;
                        self.release_to(mark);
                        return Ok(());
                    }
                }
                let v = self.expr(operand)?;
                let op = match op {
                    UnaryOp::Not => Op::Not,
                    UnaryOp::Neg => Op::Neg,
                    UnaryOp::Pos => Op::Pos,
                    UnaryOp::Invert => Op::Invert,
                };
                self.abc(op, target, v, 0, line);
            }
            ExprKind::BinOp { left, op, right } => {
                let op = binary_op(op, line, e.column)?;
                let l = self.expr(left)?;
                if let Some((op, k)) = constant_operand(op, right) {
                    self.abc(op, target, l, k, line);
                } else {
                    let r = self.expr(right)?;
                    self.abc(op, target, l, r, line);
                }
            }
            ExprKind::BoolOp { op, values } => {
                // The result is the first operand that decides, as in Python.
                let mut exits = Vec::new();
                let jump = if op == BoolOp::And { Op::JumpIfFalse } else { Op::JumpIfTrue };
                for (i, v) in values.iter().enumerate() {
                    let inner = self.mark();
                    let r = self.expr(v)?;
                    if r != target {
                        self.abc(Op::Move, target, r, 0, line);
                    }
                    self.release_to(inner);
                    if i + 1 < values.len() {
                        exits.push(self.jump_placeholder(jump, target, line));
                    }
                }
                let end = self.here();
                for x in exits {
                    self.patch_jump(x, end, line)?;
                }
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators, target, line)?,
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.expr(test)?;
                let to_else = self.jump_placeholder(Op::JumpIfFalse, t, line);
                self.release_to(mark);
                self.expr_into(body, target)?;
                let to_end = self.jump_placeholder(Op::Jump, 0, line);
                let else_start = self.here();
                self.patch_jump(to_else, else_start, line)?;
                self.expr_into(orelse, target)?;
                let end = self.here();
                self.patch_jump(to_end, end, line)?;
            }
            ExprKind::Lambda(lambda) => {
                if lambda.is_generator {
                    return Err(not_supported("'yield' in a lambda", line, e.column));
                }
                let key = lambda as *const crate::syntax::ast::Lambda<'a> as usize;
                let signature = Signature { params: &lambda.params, returns: None, first_line: line };
                let f = self.function("<lambda>", key, signature, FunctionBody::Expression(lambda.body), line)?;
                self.abc(Op::Move, target, f, 0, line);
            }
            ExprKind::Tuple(items) => self.sequence(Op::BuildTuple, items, target, line)?,
            ExprKind::List(items) => self.sequence(Op::BuildList, items, target, line)?,
            ExprKind::Set(items) => self.sequence(Op::BuildSet, items, target, line)?,
            ExprKind::Dict(items) if items.iter().any(|i| i.key.is_none()) => {
                self.abc(Op::BuildDict, target, 0, 0, line);
                for item in items {
                    let mark = self.mark();
                    match item.key {
                        Some(key) => {
                            let k = self.expr(key)?;
                            let v = self.expr(item.value)?;
                            self.abc(Op::SetItem, target, k, v, line);
                        }
                        None => self.call_update(target, item.value, line)?,
                    }
                    self.release_to(mark);
                }
            }
            ExprKind::Dict(items) => {
                let count = u8::try_from(items.len()).map_err(|_| too_complex(line))?;
                let first = self.temps(2 * items.len(), line)?;
                for (i, item) in items.iter().enumerate() {
                    if let Some(key) = item.key {
                        self.expr_into(key, first + 2 * i as u8)?;
                    }
                    self.expr_into(item.value, first + 2 * i as u8 + 1)?;
                }
                self.abc(Op::BuildDict, target, first, count, line);
            }
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
                if self.scopes.contains_key(&(e as *const Expr<'a> as usize)) =>
            {
                // A function of its own, called with the first iterable's iterator
                // (evaluated here, now, as CPython does).
                let key = e as *const Expr<'a> as usize;
                let (name, generators) = match e.kind {
                    ExprKind::GeneratorExp { generators, .. } => ("<genexpr>", generators),
                    ExprKind::ListComp { generators, .. } => ("<listcomp>", generators),
                    ExprKind::SetComp { generators, .. } => ("<setcomp>", generators),
                    ExprKind::DictComp { generators, .. } => ("<dictcomp>", generators),
                    _ => return Err(too_complex(line)),
                };
                let body = FunctionBody::Comprehension(e);
                let no_params = Parameters::default();
                let signature = Signature { params: &no_params, returns: None, first_line: line };
                let f = self.function(name, key, signature, body, line)?;
                let call = self.temps(2, line)?;
                self.abc(Op::Move, call, f, 0, line);
                let first = generators.first().map(|g| g.iter).ok_or_else(|| too_complex(line))?;
                let source = self.expr(first)?;
                self.abc(Op::GetIter, call + 1, source, 0, line);
                self.abc(Op::Call, call, 1, 0, line);
                self.abc(Op::Move, target, call, 0, line);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                // Inside an inline comprehension: evaluated eagerly into a list, then
                // iterated (its loop variables live in registers no function could capture).
                let items = self.temp(line)?;
                self.collection_comprehension(e, Some((elt, generators)), items, LoopMode::Inline)?;
                self.abc(Op::GetIter, target, items, 0, line);
            }
            ExprKind::ListComp { .. } | ExprKind::SetComp { .. } | ExprKind::DictComp { .. } => {
                self.collection_comprehension(e, None, target, LoopMode::Inline)?;
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr_into(v, target)?,
                    None => self.abc(Op::LoadNone, target, 0, 0, line),
                }
                self.abc(Op::Yield, target, 0, 0, line);
            }
            ExprKind::YieldFrom(source) => {
                // Delegate: values (and sent values) pass through until the inner
                // iterator is exhausted; its return value is the expression's value.
                let it = self.temps(2, line)?;
                let s = self.expr(source)?;
                self.abc(Op::GetIter, it, s, 0, line);
                self.abc(Op::LoadNone, it + 1, 0, 0, line);
                let start = self.here();
                let to_exit = self.jump_placeholder(Op::SendNext, it, line);
                self.abc(Op::Yield, it + 1, 0, 0, line);
                self.jump_to(Op::Jump, 0, start, line)?;
                let exit = self.here();
                self.patch_jump(to_exit, exit, line)?;
                self.abc(Op::Move, target, it + 1, 0, line);
            }
            ExprKind::Starred(_) => return Err(not_supported("'*' unpacking here", line, e.column)),
        }
        self.release_to(mark.max(target.saturating_add(1)).min(self.mark()));
        Ok(())
    }

    /// The three parts of `start:stop:step` in three new consecutive registers (None for
    /// an omitted part); returns the first.
    fn slice_parts(&mut self, index: &'a Expr<'a>, line: u32) -> Result<u8> {
        let ExprKind::Slice { lower, upper, step } = index.kind else {
            return Err(not_supported("this subscript", line, index.column));
        };
        let first = self.temps(3, line)?;
        for (i, part) in [lower, upper, step].into_iter().enumerate() {
            match part {
                Some(e) => self.expr_into(e, first + i as u8)?,
                None => self.abc(Op::LoadNone, first + i as u8, 0, 0, line),
            }
        }
        Ok(first)
    }

    fn load_int(&mut self, n: i64, target: u8, line: u32) -> Result<()> {
        match i32::try_from(n).ok().and_then(|s| Instr::asbx(Op::LoadInt, target, s)) {
            Some(instr) => {
                self.emit(instr, line);
            }
            None => {
                let v = self.vm.new_int(n)?;
                let k = self.constant(v)?;
                self.emit(Instr::abx(Op::LoadConst, target, k), line);
            }
        }
        Ok(())
    }

    fn load_str(&mut self, s: &str, target: u8, line: u32) -> Result<()> {
        let v = if crate::str::looks_like_name(s.as_bytes()) { self.vm.intern_str(s)? } else { self.vm.new_str(s)? };
        let k = self.constant(v)?;
        self.emit(Instr::abx(Op::LoadConst, target, k), line);
        Ok(())
    }

    fn sequence(&mut self, op: Op, items: &'a [Expr<'a>], target: u8, line: u32) -> Result<()> {
        if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            let list = self.temp(line)?;
            self.gather_list(items, list, line)?;
            match op {
                Op::BuildList => self.abc(Op::Move, target, list, 0, line),
                Op::BuildTuple => self.abc(Op::ListToTuple, target, list, 0, line),
                _ => {
                    self.abc(Op::BuildSet, target, 0, 0, line);
                    let call = self.temps(3, line)?;
                    let n = u8::try_from(self.name_index("update")?).map_err(|_| too_complex(line))?;
                    self.abc(Op::LoadMethod, call, target, n, line);
                    self.abc(Op::Move, call + 2, list, 0, line);
                    self.abc(Op::CallMethod, call, 1, 0, line);
                }
            }
            return Ok(());
        }
        let count = u8::try_from(items.len()).map_err(|_| too_complex(line))?;
        let first = self.temps(items.len(), line)?;
        for (i, item) in items.iter().enumerate() {
            self.expr_into(item, first + i as u8)?;
        }
        self.abc(op, target, first, count, line);
        Ok(())
    }

    /// Calls `func(args, keywords)` into `target`. `in_target`: nothing else reads
    /// `target`, so if it is the newest temporary the call's window starts there.
    #[allow(clippy::too_many_arguments)] // the parts of a call expression, and where it goes
    fn call(
        &mut self,
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [crate::syntax::ast::Keyword<'a>],
        target: u8,
        line: u32,
        column: u32,
        in_target: bool,
    ) -> Result<()> {
        if args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) || keywords.iter().any(|k| k.name.is_none()) {
            return self.call_unpacked(func, args, keywords, target, line);
        }
        let count = u8::try_from(args.len()).map_err(|_| too_complex(line))?;
        if let (ExprKind::Name("super"), true) = (func.kind, args.is_empty() && keywords.is_empty()) {
            let unit = self.unit_ref();
            let has_class_cell = unit.frees.iter().any(|(n, _)| *n == crate::scope::CLASS_CELL);
            if let (true, Some(&first_param)) = (has_class_cell, unit.locals.first()) {
                // super() inside a method: super(__class__, <first parameter>).
                let base = self.temps(3, line)?;
                self.load_name("super", Some(base), line, column)?;
                self.load_name(crate::scope::CLASS_CELL, Some(base + 1), line, column)?;
                self.load_name(first_param, Some(base + 2), line, column)?;
                self.abc(Op::Call, base, 2, 0, line);
                if base != target {
                    self.abc(Op::Take, target, base, 0, line);
                }
                return Ok(());
            }
        }
        if !keywords.is_empty() {
            let keyword_count = u8::try_from(keywords.len()).map_err(|_| too_complex(line))?;
            let base = self.call_window(target, in_target, 2 + args.len() + keywords.len(), line)?;
            self.expr_into(func, base)?;
            for (i, a) in args.iter().enumerate() {
                self.expr_into(a, base + 1 + i as u8)?;
            }
            let mut names = Vec::with_capacity(keywords.len());
            for (i, k) in keywords.iter().enumerate() {
                self.expr_into(k.value, base + 1 + count + i as u8)?;
                names.push(self.vm.intern_str(k.name.unwrap_or(""))?);
            }
            let tuple = self.vm.new_tuple(&names);
            self.vm.release_all(&names);
            let k = self.constant(tuple?)?;
            self.emit(Instr::abx(Op::LoadConst, base + 1 + count + keyword_count, k), line);
            self.abc(Op::CallKw, base, count, keyword_count, line);
            if base != target {
                self.abc(Op::Take, target, base, 0, line);
            }
            return Ok(());
        }
        if let ExprKind::Attribute { value, attr } = func.kind {
            // obj.method(args): no bound method is made.
            let base = self.call_window(target, in_target, 2, line)?;
            let o = self.expr(value)?;
            let n = u8::try_from(self.name_index(attr)?).map_err(|_| too_complex(line))?;
            self.abc(Op::LoadMethod, base, o, n, line);
            self.release_to(base + 2);
            self.call_arguments(args, line)?;
            self.abc(Op::CallMethod, base, count, 0, line);
            if base != target {
                self.abc(Op::Take, target, base, 0, line);
            }
            return Ok(());
        }
        let base = self.call_window(target, in_target, 1, line)?;
        self.expr_into(func, base)?;
        self.call_arguments(args, line)?;
        self.abc(Op::Call, base, count, 0, line);
        if base != target {
            self.abc(Op::Take, target, base, 0, line);
        }
        Ok(())
    }

    /// Computes the arguments of a call into the next registers, one new temporary each
    /// (so a call among them can start its own window in its register).
    fn call_arguments(&mut self, args: &'a [Expr<'a>], line: u32) -> Result<()> {
        for a in args {
            let r = self.temp(line)?;
            self.expr_into_fresh(a, r)?;
        }
        Ok(())
    }

    /// The first of `size` consecutive registers for a call whose result goes to
    /// `target`: `target` itself when `in_target` and it is the newest temporary, else
    /// new ones.
    fn call_window(&mut self, target: u8, in_target: bool, size: usize, line: u32) -> Result<u8> {
        if in_target && target + 1 == self.mark() {
            self.temps(size - 1, line)?;
            return Ok(target);
        }
        self.temps(size, line)
    }

    /// `f(*a, b, **k)`: positional arguments gathered in a list, keywords in a dict.
    fn call_unpacked(
        &mut self,
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [crate::syntax::ast::Keyword<'a>],
        target: u8,
        line: u32,
    ) -> Result<()> {
        let base = self.temps(3, line)?;
        self.expr_into(func, base)?;
        self.gather_list(args, base + 1, line)?;
        self.abc(Op::BuildDict, base + 2, 0, 0, line);
        for k in keywords {
            let mark = self.mark();
            match k.name {
                Some(name) => {
                    let key = self.temp(line)?;
                    self.load_str(name, key, line)?;
                    let v = self.expr(k.value)?;
                    self.abc(Op::SetItem, base + 2, key, v, line);
                }
                None => self.call_update(base + 2, k.value, line)?,
            }
            self.release_to(mark);
        }
        self.abc(Op::CallEx, base, 0, 0, line);
        if base != target {
            self.abc(Op::Take, target, base, 0, line);
        }
        Ok(())
    }

    /// Builds a list in `target` from display items, extending it for `*iterable`.
    fn gather_list(&mut self, items: &'a [Expr<'a>], target: u8, line: u32) -> Result<()> {
        self.abc(Op::BuildList, target, 0, 0, line);
        for item in items {
            let mark = self.mark();
            match item.kind {
                ExprKind::Starred(inner) => {
                    let v = self.expr(inner)?;
                    self.abc(Op::InPlace, target, v, Op::Add as u8, line);
                }
                _ => {
                    let v = self.expr(item)?;
                    self.abc(Op::ListAppend, target, v, 0, line);
                }
            }
            self.release_to(mark);
        }
        Ok(())
    }

    /// `container.update(source)` for dict and set displays with `**`/`*`.
    fn call_update(&mut self, container: u8, source: &'a Expr<'a>, line: u32) -> Result<()> {
        let call = self.temps(3, line)?;
        let n = u8::try_from(self.name_index("update")?).map_err(|_| too_complex(line))?;
        self.abc(Op::LoadMethod, call, container, n, line);
        self.expr_into(source, call + 2)?;
        self.abc(Op::CallMethod, call, 1, 0, line);
        self.release_to(call);
        Ok(())
    }

    fn compare(
        &mut self,
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
        target: u8,
        line: u32,
    ) -> Result<()> {
        // a < b < c: each comparison in turn; the first false one is the result.
        let mut exits = Vec::new();
        let mut l = self.expr(left)?;
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            let op = match op {
                CmpOp::Eq => Op::Eq,
                CmpOp::NotEq => Op::Ne,
                CmpOp::Lt => Op::Lt,
                CmpOp::LtE => Op::Le,
                CmpOp::Gt => Op::Gt,
                CmpOp::GtE => Op::Ge,
                CmpOp::Is => Op::Is,
                CmpOp::IsNot => Op::IsNot,
                CmpOp::In => Op::In,
                CmpOp::NotIn => Op::NotIn,
            };
            let last = i + 1 == ops.len();
            if let Some((op, k)) = constant_operand(op, right).filter(|_| last) {
                self.abc(op, target, l, k, line);
                break;
            }
            let r = self.expr(right)?;
            self.abc(op, target, l, r, line);
            if i + 1 < ops.len() {
                exits.push(self.jump_placeholder(Op::JumpIfFalse, target, line));
            }
            l = r;
        }
        let end = self.here();
        for x in exits {
            self.patch_jump(x, end, line)?;
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart<'a>], target: u8, line: u32) -> Result<()> {
        let count = u8::try_from(parts.len()).map_err(|_| too_complex(line))?;
        let first = self.temps(parts.len(), line)?;
        for (i, part) in parts.iter().enumerate() {
            let r = first + i as u8;
            match part {
                FStringPart::Literal(s) => self.load_str(s, r, line)?,
                FStringPart::Formatted(f) => {
                    let v = self.expr(f.value)?;
                    let converted = match f.conversion {
                        Conversion::None => v,
                        Conversion::Str => {
                            self.abc(Op::Convert, r, v, 1, line);
                            r
                        }
                        Conversion::Repr | Conversion::Ascii => {
                            self.abc(Op::Convert, r, v, 2, line);
                            r
                        }
                    };
                    let spec = match f.format_spec {
                        Some(spec_parts) => {
                            let s = self.temp(line)?;
                            self.fstring(spec_parts, s, line)?;
                            s
                        }
                        None => 0,
                    };
                    self.abc(Op::FormatValue, r, converted, spec, line);
                }
            }
        }
        self.abc(Op::BuildString, target, first, count, line);
        Ok(())
    }

    /// The body of a comprehension compiled as a function: the loop over its parameter
    /// (register 0), then the collection's return (a generator just ends).
    fn comprehension_function_body(&mut self, e: &'a Expr<'a>) -> Result<Value> {
        if let ExprKind::GeneratorExp { elt, generators } = e.kind {
            self.comprehension(generators, LoopMode::Function, 0, &|c, _| {
                // Yield a copy: the resumption overwrites the register with the value sent.
                let mark = c.mark();
                let v = c.temp(elt.line)?;
                c.expr_into(elt, v)?;
                c.abc(Op::Yield, v, 0, 0, elt.line);
                c.release_to(mark);
                Ok(())
            })?;
            return self.finish_unit(e.line);
        }
        let result = self.temp(e.line)?;
        self.collection_comprehension(e, None, result, LoopMode::Function)?;
        self.abc(Op::Return, result, 0, 0, e.line);
        let Some(unit) = self.units.pop() else { return Err(CompileError::Engine(Error::Type("no unit"))) };
        Ok(finish_builder(unit, self.vm)?)
    }

    /// A list, set or dict comprehension into register `target` (`as_list`: a generator
    /// expression's parts, collected into a list).
    fn collection_comprehension(
        &mut self,
        e: &'a Expr<'a>,
        as_list: Option<(&'a Expr<'a>, &'a [Comprehension<'a>])>,
        target: u8,
        mode: LoopMode,
    ) -> Result<()> {
        let line = e.line;
        match (e.kind, as_list) {
            (_, Some((elt, generators))) | (ExprKind::ListComp { elt, generators }, None) => {
                self.abc(Op::BuildList, target, 0, 0, line);
                self.comprehension(generators, mode, target, &|c, acc| {
                    let v = c.expr(elt)?;
                    c.abc(Op::ListAppend, acc, v, 0, elt.line);
                    Ok(())
                })
            }
            (ExprKind::SetComp { elt, generators }, None) => {
                self.abc(Op::BuildSet, target, 0, 0, line);
                self.comprehension(generators, mode, target, &|c, acc| {
                    let call = c.temps(3, elt.line)?;
                    let n = u8::try_from(c.name_index("add")?).map_err(|_| too_complex(elt.line))?;
                    c.abc(Op::LoadMethod, call, acc, n, elt.line);
                    c.expr_into(elt, call + 2)?;
                    c.abc(Op::CallMethod, call, 1, 0, elt.line);
                    Ok(())
                })
            }
            (ExprKind::DictComp { key, value, generators }, None) => {
                self.abc(Op::BuildDict, target, 0, 0, line);
                self.comprehension(generators, mode, target, &|c, acc| {
                    let k = c.expr(key)?;
                    let v = c.expr(value)?;
                    c.abc(Op::SetItem, acc, k, v, key.line);
                    Ok(())
                })
            }
            _ => Err(too_complex(line)),
        }
    }

    /// The loops of a comprehension around `element`. Inline, the first iterable is
    /// evaluated here and the loop variables live in hidden registers; in a comprehension
    /// function, the first `for` iterates the parameter (register 0) and the loop
    /// variables are the function's locals (cells if a nested function captures them).
    fn comprehension(
        &mut self,
        generators: &'a [Comprehension<'a>],
        mode: LoopMode,
        accumulator: u8,
        element: &dyn Fn(&mut Self, u8) -> Result<()>,
    ) -> Result<()> {
        self.comprehension_loops(generators, mode, true, accumulator, element)
    }

    fn comprehension_loops(
        &mut self,
        generators: &'a [Comprehension<'a>],
        mode: LoopMode,
        outermost: bool,
        accumulator: u8,
        element: &dyn Fn(&mut Self, u8) -> Result<()>,
    ) -> Result<()> {
        let Some((first, rest)) = generators.split_first() else { return element(self, accumulator) };
        let line = first.iter.line;
        let it = self.temps(2, line)?;
        if outermost && mode == LoopMode::Function {
            self.abc(Op::Move, it, 0, 0, line);
        } else {
            let source = self.expr(first.iter)?;
            self.abc(Op::GetIter, it, source, 0, line);
        }
        self.release_to(it + 2);
        let start = self.here();
        let to_exit = self.jump_placeholder(Op::ForIter, it, line);
        let hidden_before = self.unit_ref().hidden.len();
        match mode {
            LoopMode::Inline => self.bind_hidden(first.target, it + 1)?,
            LoopMode::Function => self.assign(first.target, it + 1)?,
        }
        let mut skips = Vec::new();
        for cond in first.ifs {
            let mark = self.mark();
            let c = self.expr(cond)?;
            skips.push(self.jump_placeholder(Op::JumpIfFalse, c, cond.line));
            self.release_to(mark);
        }
        self.comprehension_loops(rest, mode, false, accumulator, element)?;
        let back = self.here();
        for s in skips {
            self.patch_jump(s, back, line)?;
        }
        self.jump_to(Op::Jump, 0, start, line)?;
        let exit = self.here();
        self.patch_jump(to_exit, exit, line)?;
        self.unit().hidden.truncate(hidden_before);
        self.release_to(it);
        Ok(())
    }

    /// Binds a comprehension target to hidden registers, unpacking tuples.
    fn bind_hidden(&mut self, target: &'a Expr<'a>, value: u8) -> Result<()> {
        match target.kind {
            ExprKind::Name(name) => {
                let r = self.temp(target.line)?;
                self.abc(Op::Move, r, value, 0, target.line);
                self.unit().hidden.push((name, r));
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    return Err(not_supported("starred comprehension targets", target.line, target.column));
                }
                let count = u8::try_from(items.len()).map_err(|_| too_complex(target.line))?;
                let first = self.temps(items.len(), target.line)?;
                self.abc(Op::Unpack, first, value, count, target.line);
                for (i, item) in items.iter().enumerate() {
                    self.bind_hidden(item, first + i as u8)?;
                }
                Ok(())
            }
            _ => Err(not_supported("this comprehension target", target.line, target.column)),
        }
    }
}

impl Unit<'_> {
    fn builder_instr(&self, at: u32) -> Instr {
        self.builder.instruction(at)
    }
}

/// What an annotation evaluates: `list[int]` records `list`, since mote has no generic
/// aliases.
fn annotation_value<'a>(annotation: &'a Expr<'a>) -> &'a Expr<'a> {
    match annotation.kind {
        ExprKind::Subscript { value, .. } => value,
        _ => annotation,
    }
}

/// The source text of expression `e` (its lines joined by a space when it spans several),
/// what a postponed annotation records.
fn source_text(source: &str, e: &Expr<'_>) -> String {
    let mut text = String::new();
    let (first, last) = (e.line as usize, e.end_line as usize);
    for (n, line) in source.lines().enumerate().map(|(i, l)| (i + 1, l)).skip(first.saturating_sub(1)) {
        if n > last {
            break;
        }
        let start = if n == first { e.column.saturating_sub(1) as usize } else { 0 };
        let end = if n == last { e.end_column.saturating_sub(1) as usize } else { usize::MAX };
        let piece: String = line.chars().skip(start).take(end.saturating_sub(start)).collect();
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(if n == first { &piece } else { piece.trim() });
    }
    text
}

/// Moves a finished unit into the heap as a code object.
fn finish_builder(mut unit: Unit<'_>, vm: &mut Vm) -> core::result::Result<Value, Error> {
    unit.builder.registers = unit.high.max(1);
    unit.builder.local_names = unit.locals.iter().map(|n| String::from(*n)).collect();
    unit.builder.finish(vm)
}

/// What a function's header says beyond its body: parameters, return annotation, and
/// the line its code object starts at (the first decorator's).
#[derive(Debug, Clone, Copy)]
struct Signature<'a, 'p> {
    params: &'p Parameters<'a>,
    returns: Option<&'a Expr<'a>>,
    first_line: u32,
}

/// A function's body: statements (`def`), one expression (`lambda`), or the loops of a
/// generator expression or comprehension compiled as a function (its node).
#[derive(Debug, Clone, Copy)]
enum FunctionBody<'a> {
    Statements(&'a [Stmt<'a>]),
    Expression(&'a Expr<'a>),
    Comprehension(&'a Expr<'a>),
}

/// Where a comprehension's loops run: inline in the enclosing code, or as the body of a
/// function of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoopMode {
    Inline,
    Function,
}

/// The docstring of a function or class body: a string literal as its first statement.
fn docstring<'a>(body: &'a [Stmt<'a>]) -> Option<&'a str> {
    match body.first()?.kind {
        StmtKind::Expr(Expr { kind: ExprKind::Str(text), .. }) => Some(text),
        _ => None,
    }
}

/// `op`'s constant-operand form and `right` as its constant, when `right` is an int
/// literal that fits a byte (`n - 1`, `i % 2 == 0`).
fn constant_operand(op: Op, right: &Expr<'_>) -> Option<(Op, u8)> {
    let ExprKind::Int(n) = right.kind else { return None };
    Some((op.with_constant_operand()?, u8::try_from(n).ok()?))
}

fn binary_op(op: BinOp, line: u32, column: u32) -> Result<Op> {
    Ok(match op {
        BinOp::Add => Op::Add,
        BinOp::Sub => Op::Sub,
        BinOp::Mul => Op::Mul,
        BinOp::Div => Op::TrueDiv,
        BinOp::FloorDiv => Op::FloorDiv,
        BinOp::Mod => Op::Mod,
        BinOp::Pow => Op::Pow,
        BinOp::LShift => Op::LShift,
        BinOp::RShift => Op::RShift,
        BinOp::BitAnd => Op::BitAnd,
        BinOp::BitOr => Op::BitOr,
        BinOp::BitXor => Op::BitXor,
        BinOp::MatMul => return Err(not_supported("the '@' operator", line, column)),
    })
}

/// The names a function body assigns (its locals) and the names it declares `global`,
/// not looking into nested functions.
pub(crate) fn assigned_names<'a>(body: &'a [Stmt<'a>]) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut assigned = Vec::new();
    let mut globals = Vec::new();
    for s in body {
        collect_statement(s, &mut assigned, &mut globals);
    }
    (assigned, globals)
}

pub(crate) fn collect_target<'a>(e: &'a Expr<'a>, out: &mut Vec<&'a str>) {
    match e.kind {
        ExprKind::Name(n) => collect_target_name(n, out),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                collect_target(i, out);
            }
        }
        ExprKind::Starred(inner) => collect_target(inner, out),
        _ => {}
    }
}

fn collect_statement<'a>(s: &'a Stmt<'a>, out: &mut Vec<&'a str>, globals: &mut Vec<&'a str>) {
    let block = |b: &'a [Stmt<'a>], out: &mut Vec<&'a str>, globals: &mut Vec<&'a str>| {
        for s in b {
            collect_statement(s, out, globals);
        }
    };
    match s.kind {
        StmtKind::Assign { targets, .. } => {
            for t in targets {
                collect_target(t, out);
            }
        }
        StmtKind::AugAssign { target, .. } | StmtKind::AnnAssign { target, .. } => collect_target(target, out),
        StmtKind::For { target, body, orelse, .. } => {
            collect_target(target, out);
            block(body, out, globals);
            block(orelse, out, globals);
        }
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            block(body, out, globals);
            block(orelse, out, globals);
        }
        StmtKind::FunctionDef(def) => collect_target_name(def.name, out),
        StmtKind::ClassDef(def) => collect_target_name(def.name, out),
        StmtKind::Delete(targets) => {
            for t in targets {
                collect_target(t, out);
            }
        }
        StmtKind::Global(names) => {
            for n in names {
                if !globals.contains(n) {
                    globals.push(n);
                }
            }
        }
        StmtKind::Try(t) => {
            block(t.body, out, globals);
            for h in t.handlers {
                if let Some(n) = h.name {
                    collect_target_name(n, out);
                }
                block(h.body, out, globals);
            }
            block(t.orelse, out, globals);
            block(t.finalbody, out, globals);
        }
        StmtKind::With { items, body } => {
            for i in items {
                if let Some(t) = i.target {
                    collect_target(t, out);
                }
            }
            block(body, out, globals);
        }
        StmtKind::Import(aliases) => {
            for a in aliases {
                let bound = a.asname.unwrap_or_else(|| a.name.split('.').next().unwrap_or(a.name));
                collect_target_name(bound, out);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                collect_target_name(a.asname.unwrap_or(a.name), out);
            }
        }
        _ => {}
    }
}

fn collect_target_name<'a>(n: &'a str, out: &mut Vec<&'a str>) {
    if !out.contains(&n) {
        out.push(n);
    }
}
