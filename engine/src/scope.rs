//! Name resolution before compilation: which variables nested functions capture.
//!
//! For every `def` and `lambda` (keyed by the address of its AST node) this pass works
//! out its *cells* (its own locals that a nested function uses, which must live in cells
//! shared with that function) and its *frees* (variables of enclosing functions it uses,
//! reached through its closure), as CPython's symtable does:
//!
//! - a function's locals are its parameters and the names it assigns, minus the names it
//!   declares `global` or `nonlocal`;
//! - a name a function uses but does not own resolves to the nearest enclosing
//!   *function* that owns it (module names are globals, never captured);
//! - a nested function's frees become cells of the function that owns them, and frees of
//!   every function in between (they pass the cell down).
//!
//! List, set and dict comprehensions compile inline, so their names belong to the
//! enclosing function. A generator expression (it runs lazily, after the enclosing code
//! moved on), and a comprehension with a `lambda` in it (the lambda may capture its loop
//! variables), are functions of their own: their locals are their loop variables and the
//! iterator they are given (`.0`, the first `for`'s iterable, evaluated outside). Inside
//! an inline comprehension they stay inline, as its loop variables could not be captured;
//! a lambda there is refused.

use crate::compiler::CompileError;
use crate::syntax::ast::{Comprehension, Expr, ExprKind, FStringPart, Lambda, Module, Parameters, Stmt, StmtKind};
use crate::syntax::{SyntaxError, SyntaxErrorKind};
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::vec::Vec;

/// What one function captures and shares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FunctionScope<'a> {
    /// Its locals that nested functions use (they live in cells).
    pub cells: Vec<&'a str>,
    /// Variables of enclosing functions it uses, in closure order.
    pub frees: Vec<&'a str>,
}

/// The scopes of every function in a module, by AST node address.
pub(crate) type Scopes<'a> = BTreeMap<usize, FunctionScope<'a>>;

/// A nested function found while walking a body.
#[derive(Debug, Clone, Copy)]
enum Child<'a> {
    Def(&'a crate::syntax::ast::FunctionDef<'a>),
    Lambda(&'a Lambda<'a>),
    /// A generator expression, or a list/set/dict comprehension that defines a function
    /// (the expression node): compiled as a function of its own.
    Comprehension(&'a Expr<'a>),
}

impl<'a> Child<'a> {
    fn key(self) -> usize {
        match self {
            Child::Def(d) => d as *const _ as usize,
            Child::Lambda(l) => l as *const _ as usize,
            Child::Comprehension(e) => e as *const _ as usize,
        }
    }
}

/// Names used directly in one body, and the functions nested in it (with whether each
/// was defined directly in a class body, where `super()` gives it a `__class__` cell).
#[derive(Debug, Default)]
struct Uses<'a> {
    names: Vec<&'a str>,
    children: Vec<(Child<'a>, bool)>,
    nonlocals: Vec<(&'a str, u32, u32)>,
}

/// The implicit variable zero-argument `super()` reads; its cell is made by the class body.
pub(crate) const CLASS_CELL: &str = "__class__";

impl<'a> Uses<'a> {
    fn name(&mut self, n: &'a str) {
        if !self.names.contains(&n) {
            self.names.push(n);
        }
    }
}

fn refuse(message: &str, line: u32, column: u32) -> CompileError {
    CompileError::Syntax(SyntaxError::new(SyntaxErrorKind::NotImplemented, message, line, column))
}

/// Resolves every function of `module`.
pub(crate) fn analyze<'a>(module: &Module<'a>) -> Result<Scopes<'a>, CompileError> {
    let mut uses = Uses::default();
    walk_block(module.body, &mut uses, false)?;
    let mut scopes = Scopes::new();
    for (child, in_class) in uses.children {
        resolve(child, in_class, &[], &mut scopes)?;
    }
    Ok(scopes)
}

/// Resolves function `f` nested in functions whose locals are `enclosing` (innermost
/// last); records its scope and returns its frees.
fn resolve<'a>(
    f: Child<'a>,
    in_class: bool,
    enclosing: &[Vec<&'a str>],
    scopes: &mut Scopes<'a>,
) -> Result<Vec<&'a str>, CompileError> {
    let no_params = Parameters::default();
    let (params, body): (&Parameters<'a>, Body<'a>) = match f {
        Child::Def(d) => (&d.params, Body::Statements(d.body)),
        Child::Lambda(l) => (&l.params, Body::Expression(l.body)),
        Child::Comprehension(e) => (&no_params, Body::Comprehension(e)),
    };
    let mut uses = Uses::default();
    let (assigned, globals) = match body {
        Body::Statements(stmts) => {
            walk_block(stmts, &mut uses, false)?;
            crate::compiler::assigned_names(stmts)
        }
        Body::Expression(e) => {
            walk_expr(e, &mut uses, false)?;
            (Vec::new(), Vec::new())
        }
        Body::Comprehension(e) => {
            let Some((parts, generators)) = comprehension_parts(e) else { return Ok(Vec::new()) };
            walk_comprehension_body(&parts, generators, &mut uses)?;
            let mut targets = alloc::vec![GENERATOR_SOURCE];
            for g in generators {
                crate::compiler::collect_target(g.target, &mut targets);
            }
            (targets, Vec::new())
        }
    };
    let nonlocal_names: Vec<&'a str> = uses.nonlocals.iter().map(|n| n.0).collect();
    let mut locals: Vec<&'a str> = params.all().map(|p| p.name).collect();
    for n in assigned {
        if !locals.contains(&n) && !globals.contains(&n) && !nonlocal_names.contains(&n) {
            locals.push(n);
        }
    }
    for &(n, line, column) in &uses.nonlocals {
        if !enclosing.iter().any(|scope| scope.contains(&n)) {
            return Err(CompileError::Syntax(SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                format!("no binding for nonlocal '{n}' found"),
                line,
                column,
            )));
        }
    }
    let mut inner = enclosing.to_vec();
    inner.push(locals.clone());
    let mut scope = FunctionScope::default();
    let add_free = |scope: &mut FunctionScope<'a>, n: &'a str| {
        if !scope.frees.contains(&n) {
            scope.frees.push(n);
        }
    };
    if in_class && uses.names.contains(&"super") {
        add_free(&mut scope, CLASS_CELL);
    }
    for (child, child_in_class) in uses.children {
        for n in resolve(child, child_in_class, &inner, scopes)? {
            if child_in_class && n == CLASS_CELL {
                // Provided by the class body the child was defined in.
                continue;
            }
            if locals.contains(&n) {
                if !scope.cells.contains(&n) {
                    scope.cells.push(n);
                }
            } else {
                add_free(&mut scope, n);
            }
        }
    }
    for n in uses.names {
        let owned_outside = !locals.contains(&n) && !globals.contains(&n);
        if owned_outside && enclosing.iter().any(|s| s.contains(&n)) {
            add_free(&mut scope, n);
        }
    }
    for n in nonlocal_names {
        add_free(&mut scope, n);
    }
    let frees = scope.frees.clone();
    scopes.insert(f.key(), scope);
    Ok(frees)
}

#[derive(Debug, Clone, Copy)]
enum Body<'a> {
    Statements(&'a [Stmt<'a>]),
    Expression(&'a Expr<'a>),
    Comprehension(&'a Expr<'a>),
}

/// The hidden parameter of a comprehension compiled as a function: the iterator of its
/// first `for`.
pub(crate) const GENERATOR_SOURCE: &str = ".0";

/// The element expressions and the `for` clauses of a comprehension node.
pub(crate) fn comprehension_parts<'a>(e: &'a Expr<'a>) -> Option<(Vec<&'a Expr<'a>>, &'a [Comprehension<'a>])> {
    match e.kind {
        ExprKind::GeneratorExp { elt, generators }
        | ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators } => Some((alloc::vec![elt], generators)),
        ExprKind::DictComp { key, value, generators } => Some((alloc::vec![key, value], generators)),
        _ => None,
    }
}

/// The names a comprehension function's own body uses: everything but the first
/// iterable, which the enclosing scope evaluates. Its loop variables are real locals, so
/// functions defined in it may capture them.
fn walk_comprehension_body<'a>(
    parts: &[&'a Expr<'a>],
    generators: &'a [Comprehension<'a>],
    uses: &mut Uses<'a>,
) -> Result<(), CompileError> {
    for (i, g) in generators.iter().enumerate() {
        walk_expr(g.target, uses, false)?;
        if i > 0 {
            walk_expr(g.iter, uses, false)?;
        }
        for cond in g.ifs {
            walk_expr(cond, uses, false)?;
        }
    }
    for part in parts {
        walk_expr(part, uses, false)?;
    }
    Ok(())
}

/// Whether a `lambda` appears anywhere in `e` (such a comprehension is compiled as a
/// function, so the lambda can capture its loop variables).
fn defines_function(e: &Expr<'_>) -> bool {
    let mut probe = Uses::default();
    walk_expr(e, &mut probe, true).is_err()
}

fn walk_block<'a>(body: &'a [Stmt<'a>], uses: &mut Uses<'a>, in_comprehension: bool) -> Result<(), CompileError> {
    for s in body {
        walk_stmt(s, uses, in_comprehension)?;
    }
    Ok(())
}

fn walk_params<'a>(params: &Parameters<'a>, uses: &mut Uses<'a>, in_comprehension: bool) -> Result<(), CompileError> {
    for p in params.all() {
        for e in p.default.iter().chain(p.annotation.iter()) {
            walk_expr(e, uses, in_comprehension)?;
        }
    }
    Ok(())
}

fn walk_stmt<'a>(s: &'a Stmt<'a>, uses: &mut Uses<'a>, c: bool) -> Result<(), CompileError> {
    match s.kind {
        StmtKind::Expr(e) => walk_expr(e, uses, c)?,
        StmtKind::Assign { targets, value } => {
            for t in targets {
                walk_expr(t, uses, c)?;
            }
            walk_expr(value, uses, c)?;
        }
        StmtKind::AugAssign { target, value, .. } => {
            walk_expr(target, uses, c)?;
            walk_expr(value, uses, c)?;
        }
        StmtKind::AnnAssign { target, value, .. } => {
            walk_expr(target, uses, c)?;
            if let Some(v) = value {
                walk_expr(v, uses, c)?;
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            walk_expr(test, uses, c)?;
            walk_block(body, uses, c)?;
            walk_block(orelse, uses, c)?;
        }
        StmtKind::For { target, iter, body, orelse } => {
            walk_expr(target, uses, c)?;
            walk_expr(iter, uses, c)?;
            walk_block(body, uses, c)?;
            walk_block(orelse, uses, c)?;
        }
        StmtKind::FunctionDef(def) => {
            for d in def.decorators {
                walk_expr(d, uses, c)?;
            }
            walk_params(&def.params, uses, c)?;
            if let Some(r) = def.returns {
                walk_expr(r, uses, c)?;
            }
            uses.name(def.name);
            uses.children.push((Child::Def(def), false));
        }
        StmtKind::ClassDef(def) => {
            for e in def.bases.iter().chain(def.decorators) {
                walk_expr(e, uses, c)?;
            }
            uses.name(def.name);
            // The class body runs inline in this scope; the functions defined in it are
            // this scope's children (the class namespace is not an enclosing scope).
            let mut body = Uses::default();
            walk_block(def.body, &mut body, c)?;
            for n in body.names {
                uses.name(n);
            }
            uses.children.extend(body.children.into_iter().map(|(child, _)| (child, true)));
        }
        StmtKind::Return(Some(e)) => walk_expr(e, uses, c)?,
        StmtKind::Delete(targets) => {
            for t in targets {
                walk_expr(t, uses, c)?;
            }
        }
        StmtKind::Nonlocal(names) => {
            for n in names {
                uses.nonlocals.push((n, s.line, s.column));
            }
        }
        StmtKind::Try(t) => {
            walk_block(t.body, uses, c)?;
            for h in t.handlers {
                if let Some(typ) = h.typ {
                    walk_expr(typ, uses, c)?;
                }
                if let Some(n) = h.name {
                    uses.name(n);
                }
                walk_block(h.body, uses, c)?;
            }
            walk_block(t.orelse, uses, c)?;
            walk_block(t.finalbody, uses, c)?;
        }
        StmtKind::Raise { exc, cause } => {
            for e in [exc, cause].into_iter().flatten() {
                walk_expr(e, uses, c)?;
            }
        }
        StmtKind::Assert { test, msg } => {
            walk_expr(test, uses, c)?;
            if let Some(m) = msg {
                walk_expr(m, uses, c)?;
            }
        }
        StmtKind::With { items, body } => {
            for i in items {
                walk_expr(i.context, uses, c)?;
                if let Some(t) = i.target {
                    walk_expr(t, uses, c)?;
                }
            }
            walk_block(body, uses, c)?;
        }
        StmtKind::Return(None)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
    Ok(())
}

fn walk_comprehension<'a>(
    generators: &'a [Comprehension<'a>],
    parts: &[&'a Expr<'a>],
    uses: &mut Uses<'a>,
) -> Result<(), CompileError> {
    for g in generators {
        walk_expr(g.target, uses, true)?;
        walk_expr(g.iter, uses, true)?;
        for i in g.ifs {
            walk_expr(i, uses, true)?;
        }
    }
    for p in parts {
        walk_expr(p, uses, true)?;
    }
    Ok(())
}

fn walk_expr<'a>(e: &'a Expr<'a>, uses: &mut Uses<'a>, c: bool) -> Result<(), CompileError> {
    match e.kind {
        ExprKind::Name(n) => uses.name(n),
        ExprKind::Attribute { value, .. } => walk_expr(value, uses, c)?,
        ExprKind::Subscript { value, index } => {
            walk_expr(value, uses, c)?;
            walk_expr(index, uses, c)?;
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                walk_expr(part, uses, c)?;
            }
        }
        ExprKind::Call { func, args, keywords } => {
            walk_expr(func, uses, c)?;
            for a in args {
                walk_expr(a, uses, c)?;
            }
            for k in keywords {
                walk_expr(k.value, uses, c)?;
            }
        }
        ExprKind::UnaryOp { operand, .. } => walk_expr(operand, uses, c)?,
        ExprKind::BinOp { left, right, .. } => {
            walk_expr(left, uses, c)?;
            walk_expr(right, uses, c)?;
        }
        ExprKind::BoolOp { values, .. } | ExprKind::Tuple(values) | ExprKind::List(values) | ExprKind::Set(values) => {
            for v in values {
                walk_expr(v, uses, c)?;
            }
        }
        ExprKind::Compare { left, comparators, .. } => {
            walk_expr(left, uses, c)?;
            for v in comparators {
                walk_expr(v, uses, c)?;
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            for v in [test, body, orelse] {
                walk_expr(v, uses, c)?;
            }
        }
        ExprKind::Lambda(lambda) => {
            if c {
                return Err(refuse(
                    "a function defined inside a comprehension is not supported by mote yet",
                    e.line,
                    e.column,
                ));
            }
            walk_params(&lambda.params, uses, c)?;
            uses.children.push((Child::Lambda(lambda), false));
        }
        ExprKind::Dict(items) => {
            for item in items {
                if let Some(k) = item.key {
                    walk_expr(k, uses, c)?;
                }
                walk_expr(item.value, uses, c)?;
            }
        }
        ExprKind::GeneratorExp { generators, .. }
        | ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
            if !c && (matches!(e.kind, ExprKind::GeneratorExp { .. }) || defines_function(e)) =>
        {
            if let Some(first) = generators.first() {
                walk_expr(first.iter, uses, c)?;
            }
            uses.children.push((Child::Comprehension(e), false));
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => walk_comprehension(generators, &[elt], uses)?,
        ExprKind::DictComp { key, value, generators } => walk_comprehension(generators, &[key, value], uses)?,
        ExprKind::FString(parts) => walk_fstring(parts, uses, c)?,
        ExprKind::Yield(Some(v)) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => walk_expr(v, uses, c)?,
        ExprKind::None
        | ExprKind::True
        | ExprKind::False
        | ExprKind::Ellipsis
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Yield(None) => {}
    }
    Ok(())
}

fn walk_fstring<'a>(parts: &'a [FStringPart<'a>], uses: &mut Uses<'a>, c: bool) -> Result<(), CompileError> {
    for part in parts {
        if let FStringPart::Formatted(f) = part {
            walk_expr(f.value, uses, c)?;
            if let Some(spec) = f.format_spec {
                walk_fstring(spec, uses, c)?;
            }
        }
    }
    Ok(())
}
