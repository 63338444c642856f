//! The abstract syntax tree, allocated in a `bumpalo::Bump` arena and dropped in one piece.
//!
//! Owns the node types and [`dump`] / [`dump_stmt`], a compact S-expression printer for tests
//! and debugging.
//!
//! Shape: a node is a struct with its start position (`line`, `column`: 1-based, column in
//! characters), its exclusive end (`end_line`, `end_column`), and a `kind` enum:
//! [`Stmt`] { .., kind: [`StmtKind`] } and [`Expr`] { .., kind: [`ExprKind`] }. Children are
//! `&'a Expr<'a>` and sequences are arena slices `&'a [T]` (built with
//! `bumpalo::collections::Vec` and frozen), so the whole tree is `Copy` and a compiler walks it
//! with plain `match` and `for` loops. Names and string values are `&'a str` in the arena;
//! names are interned, so two occurrences of a name are the same pointer.
//!
//! Conventions the compiler can rely on:
//! - There is no load/store/delete context on expressions: a target's context is where it
//!   sits (`Assign::targets`, `AugAssign::target`, `AnnAssign::target`, `For::target`,
//!   `WithItem::target`, `Comprehension::target` are stores; `Delete` holds deletes). Targets
//!   are validated: only `Name`, `Attribute`, `Subscript`, and `Tuple`/`List` of targets with
//!   at most one `Starred` (for `Delete`: no `Starred`) reach the tree.
//! - `elif` is an `If` alone in the `orelse` of its parent `If`.
//! - `a < b < c` is one `Compare` (chain); `a and b and c` is one `BoolOp` with three values.
//! - Adjacent string literals are concatenated: plain strings give one `Str`; if any is an
//!   f-string, one `FString` whose parts are literals and formatted values (the `=` specifier is
//!   already expanded into a literal plus a `repr` conversion).
//! - Int literals are `u64` (mote ints are 64-bit); `Int(9223372036854775808)` is only valid as
//!   the operand of unary minus, anything above `i64::MAX` otherwise is the compiler's
//!   OverflowError to raise.
//! - Annotations (parameters, return, `x: int`) are parsed and dropped.
//! - A subscript's `index` is the expression inside the brackets: a `Slice` node for
//!   `a[1:2]`, a `Tuple` (possibly holding `Slice`s) for `a[1:2, 3]`.
//! - `Call::args` are positional arguments in order (some `Starred`); `Call::keywords` are
//!   keyword arguments in order, `name: None` for `**mapping`.
//! - `FunctionDef::is_generator` / `Lambda::is_generator` say whether the body (not nested
//!   functions) contains `yield`.
//!
//! Must never: own heap memory outside the arena (no `alloc::Vec`/`String` inside a node, since
//! the arena never runs destructors), or hold a reference to the source text.

use alloc::format;
use alloc::string::String;
use core::fmt::Write;

/// A parsed module: its statements.
#[derive(Debug, Clone, Copy)]
pub struct Module<'a> {
    pub body: &'a [Stmt<'a>],
}

#[derive(Debug, Clone, Copy)]
pub struct Stmt<'a> {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub kind: StmtKind<'a>,
}

#[derive(Debug, Clone, Copy)]
pub enum StmtKind<'a> {
    /// An expression statement (docstrings included).
    Expr(&'a Expr<'a>),
    /// `t1 = t2 = value`: targets left to right, assigned in that order.
    Assign {
        targets: &'a [Expr<'a>],
        value: &'a Expr<'a>,
    },
    /// `target op= value`; target is a `Name`, `Attribute` or `Subscript`.
    AugAssign {
        target: &'a Expr<'a>,
        op: BinOp,
        value: &'a Expr<'a>,
    },
    /// `target: annotation [= value]`. `simple` is true for a bare unparenthesized name
    /// (which makes the name local in a function even without a value). Only class bodies
    /// keep the annotation (in `__annotations__`); the dump leaves it out.
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    },
    If {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    While {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    For {
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    Break,
    Continue,
    Pass,
    FunctionDef(&'a FunctionDef<'a>),
    Return(Option<&'a Expr<'a>>),
    ClassDef(&'a ClassDef<'a>),
    Global(&'a [&'a str]),
    Nonlocal(&'a [&'a str]),
    Delete(&'a [Expr<'a>]),
    Try(&'a Try<'a>),
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    With {
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
    },
    /// `import a.b.c as d, e`.
    Import(&'a [Alias<'a>]),
    /// `from module import names` (absolute only); `names` is `[*]` for a star import.
    ImportFrom {
        module: &'a str,
        names: &'a [Alias<'a>],
    },
}

#[derive(Debug, Clone, Copy)]
pub struct FunctionDef<'a> {
    pub name: &'a str,
    pub params: Parameters<'a>,
    pub body: &'a [Stmt<'a>],
    /// Outermost first, as written; applied last to first.
    pub decorators: &'a [Expr<'a>],
    pub is_generator: bool,
    /// The return annotation (`-> X`).
    pub returns: Option<&'a Expr<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub struct ClassDef<'a> {
    pub name: &'a str,
    /// Base class expressions in order (may contain `Starred`).
    pub bases: &'a [Expr<'a>],
    pub body: &'a [Stmt<'a>],
    pub decorators: &'a [Expr<'a>],
}

#[derive(Debug, Clone, Copy)]
pub struct Lambda<'a> {
    pub params: Parameters<'a>,
    pub body: &'a Expr<'a>,
    pub is_generator: bool,
}

/// A parameter list: `def f(posonly, /, args, *vararg, kwonly, **kwarg)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parameters<'a> {
    /// Before `/`: positional-only.
    pub posonly: &'a [Param<'a>],
    /// Positional-or-keyword. Defaults (if any) are on the trailing ones of
    /// `posonly ++ args`, as Python requires.
    pub args: &'a [Param<'a>],
    pub vararg: Option<Param<'a>>,
    /// Keyword-only; each may or may not have a default.
    pub kwonly: &'a [Param<'a>],
    pub kwarg: Option<Param<'a>>,
}

impl<'a> Parameters<'a> {
    /// Every parameter in declaration order (the order of the frame's local slots in CPython).
    pub fn all(&self) -> impl Iterator<Item = &Param<'a>> {
        self.posonly
            .iter()
            .chain(self.args.iter())
            .chain(self.vararg.iter())
            .chain(self.kwonly.iter())
            .chain(self.kwarg.iter())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Param<'a> {
    pub name: &'a str,
    pub default: Option<&'a Expr<'a>>,
    /// `name: annotation` in a `def` (a `*args: *Ts` star annotation is not kept).
    pub annotation: Option<&'a Expr<'a>>,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct Try<'a> {
    pub body: &'a [Stmt<'a>],
    pub handlers: &'a [ExceptHandler<'a>],
    pub orelse: &'a [Stmt<'a>],
    pub finalbody: &'a [Stmt<'a>],
}

#[derive(Debug, Clone, Copy)]
pub struct ExceptHandler<'a> {
    /// `None` for a bare `except:` (always the last handler).
    pub typ: Option<&'a Expr<'a>>,
    pub name: Option<&'a str>,
    pub body: &'a [Stmt<'a>],
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct WithItem<'a> {
    pub context: &'a Expr<'a>,
    pub target: Option<&'a Expr<'a>>,
}

/// `name [as asname]` in an import; `name` may be dotted (`a.b.c`) in `import`.
#[derive(Debug, Clone, Copy)]
pub struct Alias<'a> {
    pub name: &'a str,
    pub asname: Option<&'a str>,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct Expr<'a> {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub kind: ExprKind<'a>,
}

#[derive(Debug, Clone, Copy)]
pub enum ExprKind<'a> {
    None,
    True,
    False,
    Ellipsis,
    Int(u64),
    Float(f64),
    Str(&'a str),
    /// An f-string (after concatenation with neighbouring literals).
    FString(&'a [FStringPart<'a>]),
    Name(&'a str),
    Attribute {
        value: &'a Expr<'a>,
        attr: &'a str,
    },
    Subscript {
        value: &'a Expr<'a>,
        index: &'a Expr<'a>,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
    Call {
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    },
    UnaryOp {
        op: UnaryOp,
        operand: &'a Expr<'a>,
    },
    BinOp {
        left: &'a Expr<'a>,
        op: BinOp,
        right: &'a Expr<'a>,
    },
    /// `a and b and c`: two or more values, short-circuit left to right.
    BoolOp {
        op: BoolOp,
        values: &'a [Expr<'a>],
    },
    /// `left ops[0] comparators[0] ops[1] comparators[1] ...`, as many ops as comparators.
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
    },
    /// `body if test else orelse`.
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    Lambda(&'a Lambda<'a>),
    Tuple(&'a [Expr<'a>]),
    List(&'a [Expr<'a>]),
    Set(&'a [Expr<'a>]),
    Dict(&'a [DictItem<'a>]),
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    Yield(Option<&'a Expr<'a>>),
    YieldFrom(&'a Expr<'a>),
    /// `*value` in a display, call, or assignment target.
    Starred(&'a Expr<'a>),
}

/// An f-string part.
#[derive(Debug, Clone, Copy)]
pub enum FStringPart<'a> {
    Literal(&'a str),
    Formatted(FormattedValue<'a>),
}

/// `{value!conversion:format_spec}`: `format(conversion(value), spec)`.
#[derive(Debug, Clone, Copy)]
pub struct FormattedValue<'a> {
    pub value: &'a Expr<'a>,
    pub conversion: Conversion,
    /// The spec is itself an f-string (it may contain fields).
    pub format_spec: Option<&'a [FStringPart<'a>]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    None,
    /// `!s`
    Str,
    /// `!r`
    Repr,
    /// `!a`
    Ascii,
}

/// `key: value`, or `**value` when `key` is `None`.
#[derive(Debug, Clone, Copy)]
pub struct DictItem<'a> {
    pub key: Option<&'a Expr<'a>>,
    pub value: &'a Expr<'a>,
}

/// `name=value` in a call, or `**value` when `name` is `None`.
#[derive(Debug, Clone, Copy)]
pub struct Keyword<'a> {
    pub name: Option<&'a str>,
    pub value: &'a Expr<'a>,
    pub line: u32,
    pub column: u32,
}

/// `for target in iter if ifs[0] if ifs[1]...`
#[derive(Debug, Clone, Copy)]
pub struct Comprehension<'a> {
    pub target: &'a Expr<'a>,
    pub iter: &'a Expr<'a>,
    pub ifs: &'a [Expr<'a>],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl UnaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Not => "not",
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
        }
    }
}

impl BinOp {
    /// The operator as written (`+`, `//`...); `+=` is `symbol()` followed by `=`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

impl BoolOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BoolOp::And => "and",
            BoolOp::Or => "or",
        }
    }
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

impl<'a> Expr<'a> {
    /// CPython's name for this kind of expression in "cannot assign to ..." messages.
    pub fn describe(&self) -> &'static str {
        match self.kind {
            ExprKind::None => "None",
            ExprKind::True => "True",
            ExprKind::False => "False",
            ExprKind::Ellipsis => "ellipsis",
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
            ExprKind::FString(_) => "f-string expression",
            ExprKind::Name(_) => "name",
            ExprKind::Attribute { .. } => "attribute",
            ExprKind::Subscript { .. } => "subscript",
            ExprKind::Slice { .. } => "slice",
            ExprKind::Call { .. } => "function call",
            ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } | ExprKind::BoolOp { .. } => "expression",
            ExprKind::Compare { .. } => "comparison",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::Lambda(_) => "lambda",
            ExprKind::Tuple(_) => "tuple",
            ExprKind::List(_) => "list",
            ExprKind::Set(_) => "set display",
            ExprKind::Dict(_) => "dict literal",
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            ExprKind::GeneratorExp { .. } => "generator expression",
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
            ExprKind::Starred(_) => "starred",
        }
    }
}

// ------------------------------------------------------------------ dump

/// A compact S-expression of an expression, e.g. `(+ 1 (* 2 x))`.
///
/// Atoms: names bare, ints in decimal, floats with `{:?}`, strings in double quotes with
/// `\n`, `\t`, `\\`, `\"` escaped, `None`/`True`/`False`/`...`. Forms: `(op a b)` for binary
/// and unary operators (`(- x)` is negation), `(and a b c)`, `(cmp a < b <= c)`,
/// `(if test body orelse)`, `(. value attr)`, `([] value index)`, `(slice lo hi step)` with
/// `_` for a missing part, `(call f args... (kw name value) (** value))`, `(* x)`,
/// `(tuple ...)`, `(list ...)`, `(set ...)`, `(dict (k v) (** m))`,
/// `(listcomp elt (for target iter (if cond)...)...)` (also `setcomp`, `dictcomp key value`,
/// `genexp`), `(lambda (params) body)`, `(yield x)`, `(yield-from x)`,
/// `(f "lit" (fmt value !r spec))`.
pub fn dump(expr: &Expr<'_>) -> String {
    let mut out = String::new();
    dump_expr_into(&mut out, expr);
    out
}

/// A compact S-expression of a statement, bodies as `[stmt stmt ...]`, e.g.
/// `(if x [(pass)] [])`, `(= (a b) 1)`, `(def f (a b=1) [(return a)])`.
pub fn dump_stmt(stmt: &Stmt<'_>) -> String {
    let mut out = String::new();
    dump_stmt_into(&mut out, stmt);
    out
}

/// Every statement of a module, one per line.
pub fn dump_module(module: &Module<'_>) -> String {
    let mut out = String::new();
    for stmt in module.body {
        dump_stmt_into(&mut out, stmt);
        out.push('\n');
    }
    out
}

fn dump_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn dump_opt(out: &mut String, e: Option<&Expr<'_>>) {
    match e {
        Some(e) => dump_expr_into(out, e),
        None => out.push('_'),
    }
}

fn dump_list(out: &mut String, head: &str, items: &[Expr<'_>]) {
    out.push('(');
    out.push_str(head);
    for item in items {
        out.push(' ');
        dump_expr_into(out, item);
    }
    out.push(')');
}

fn dump_generators(out: &mut String, generators: &[Comprehension<'_>]) {
    for g in generators {
        out.push_str(" (for ");
        dump_expr_into(out, g.target);
        out.push(' ');
        dump_expr_into(out, g.iter);
        for cond in g.ifs {
            out.push_str(" (if ");
            dump_expr_into(out, cond);
            out.push(')');
        }
        out.push(')');
    }
}

fn dump_params(out: &mut String, params: &Parameters<'_>) {
    out.push('(');
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push(' ');
        }
        first = false;
    };
    let one = |out: &mut String, prefix: &str, p: &Param<'_>| {
        out.push_str(prefix);
        out.push_str(p.name);
        if let Some(d) = p.default {
            out.push('=');
            dump_expr_into(out, d);
        }
    };
    for p in params.posonly {
        sep(out);
        one(out, "", p);
    }
    if !params.posonly.is_empty() {
        sep(out);
        out.push('/');
    }
    for p in params.args {
        sep(out);
        one(out, "", p);
    }
    if let Some(p) = &params.vararg {
        sep(out);
        one(out, "*", p);
    } else if !params.kwonly.is_empty() {
        sep(out);
        out.push('*');
    }
    for p in params.kwonly {
        sep(out);
        one(out, "", p);
    }
    if let Some(p) = &params.kwarg {
        sep(out);
        one(out, "**", p);
    }
    out.push(')');
}

fn dump_fstring(out: &mut String, parts: &[FStringPart<'_>]) {
    out.push_str("(f");
    for part in parts {
        out.push(' ');
        match part {
            FStringPart::Literal(s) => dump_str(out, s),
            FStringPart::Formatted(f) => {
                out.push_str("(fmt ");
                dump_expr_into(out, f.value);
                match f.conversion {
                    Conversion::None => {}
                    Conversion::Str => out.push_str(" !s"),
                    Conversion::Repr => out.push_str(" !r"),
                    Conversion::Ascii => out.push_str(" !a"),
                }
                if let Some(spec) = f.format_spec {
                    out.push(' ');
                    dump_fstring(out, spec);
                }
                out.push(')');
            }
        }
    }
    out.push(')');
}

/// `(head)` or `(head value)`.
fn dump_optional(out: &mut String, head: &str, value: Option<&Expr<'_>>) {
    out.push('(');
    out.push_str(head);
    if let Some(v) = value {
        out.push(' ');
        dump_expr_into(out, v);
    }
    out.push(')');
}

fn dump_expr_into(out: &mut String, expr: &Expr<'_>) {
    match &expr.kind {
        ExprKind::None => out.push_str("None"),
        ExprKind::True => out.push_str("True"),
        ExprKind::False => out.push_str("False"),
        ExprKind::Ellipsis => out.push_str("..."),
        ExprKind::Int(n) => {
            let _ = write!(out, "{n}");
        }
        ExprKind::Float(x) => {
            let _ = write!(out, "{x:?}");
        }
        ExprKind::Str(s) => dump_str(out, s),
        ExprKind::FString(parts) => dump_fstring(out, parts),
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Attribute { value, attr } => {
            out.push_str("(. ");
            dump_expr_into(out, value);
            out.push(' ');
            out.push_str(attr);
            out.push(')');
        }
        ExprKind::Subscript { value, index } => {
            out.push_str("([] ");
            dump_expr_into(out, value);
            out.push(' ');
            dump_expr_into(out, index);
            out.push(')');
        }
        ExprKind::Slice { lower, upper, step } => {
            out.push_str("(slice ");
            dump_opt(out, *lower);
            out.push(' ');
            dump_opt(out, *upper);
            out.push(' ');
            dump_opt(out, *step);
            out.push(')');
        }
        ExprKind::Call { func, args, keywords } => {
            out.push_str("(call ");
            dump_expr_into(out, func);
            for a in *args {
                out.push(' ');
                dump_expr_into(out, a);
            }
            for k in *keywords {
                match k.name {
                    Some(name) => {
                        let _ = write!(out, " (kw {name} ");
                    }
                    None => out.push_str(" (** "),
                }
                dump_expr_into(out, k.value);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::UnaryOp { op, operand } => {
            out.push('(');
            out.push_str(op.symbol());
            out.push(' ');
            dump_expr_into(out, operand);
            out.push(')');
        }
        ExprKind::BinOp { left, op, right } => {
            out.push('(');
            out.push_str(op.symbol());
            out.push(' ');
            dump_expr_into(out, left);
            out.push(' ');
            dump_expr_into(out, right);
            out.push(')');
        }
        ExprKind::BoolOp { op, values } => dump_list(out, op.symbol(), values),
        ExprKind::Compare { left, ops, comparators } => {
            out.push_str("(cmp ");
            dump_expr_into(out, left);
            for (op, right) in ops.iter().zip(comparators.iter()) {
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                dump_expr_into(out, right);
            }
            out.push(')');
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push_str("(if ");
            dump_expr_into(out, test);
            out.push(' ');
            dump_expr_into(out, body);
            out.push(' ');
            dump_expr_into(out, orelse);
            out.push(')');
        }
        ExprKind::Lambda(lambda) => {
            out.push_str("(lambda ");
            dump_params(out, &lambda.params);
            out.push(' ');
            dump_expr_into(out, lambda.body);
            out.push(')');
        }
        ExprKind::Tuple(items) => dump_list(out, "tuple", items),
        ExprKind::List(items) => dump_list(out, "list", items),
        ExprKind::Set(items) => dump_list(out, "set", items),
        ExprKind::Dict(items) => {
            out.push_str("(dict");
            for item in *items {
                match item.key {
                    Some(k) => {
                        out.push_str(" (");
                        dump_expr_into(out, k);
                        out.push(' ');
                    }
                    None => out.push_str(" (** "),
                }
                dump_expr_into(out, item.value);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::ListComp { elt, generators } => {
            out.push_str("(listcomp ");
            dump_expr_into(out, elt);
            dump_generators(out, generators);
            out.push(')');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push_str("(setcomp ");
            dump_expr_into(out, elt);
            dump_generators(out, generators);
            out.push(')');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push_str("(genexp ");
            dump_expr_into(out, elt);
            dump_generators(out, generators);
            out.push(')');
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push_str("(dictcomp ");
            dump_expr_into(out, key);
            out.push(' ');
            dump_expr_into(out, value);
            dump_generators(out, generators);
            out.push(')');
        }
        ExprKind::Yield(value) => dump_optional(out, "yield", *value),
        ExprKind::YieldFrom(value) => {
            out.push_str("(yield-from ");
            dump_expr_into(out, value);
            out.push(')');
        }
        ExprKind::Starred(value) => {
            out.push_str("(* ");
            dump_expr_into(out, value);
            out.push(')');
        }
    }
}

fn dump_body(out: &mut String, body: &[Stmt<'_>]) {
    out.push('[');
    for (i, s) in body.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        dump_stmt_into(out, s);
    }
    out.push(']');
}

fn dump_decorators(out: &mut String, decorators: &[Expr<'_>]) {
    for d in decorators {
        out.push_str("(@ ");
        dump_expr_into(out, d);
        out.push_str(") ");
    }
}

fn dump_stmt_into(out: &mut String, stmt: &Stmt<'_>) {
    match &stmt.kind {
        StmtKind::Expr(e) => {
            out.push_str("(expr ");
            dump_expr_into(out, e);
            out.push(')');
        }
        StmtKind::Assign { targets, value } => {
            out.push_str("(=");
            for t in *targets {
                out.push(' ');
                dump_expr_into(out, t);
            }
            out.push(' ');
            dump_expr_into(out, value);
            out.push(')');
        }
        StmtKind::AugAssign { target, op, value } => {
            let _ = write!(out, "({}= ", op.symbol());
            dump_expr_into(out, target);
            out.push(' ');
            dump_expr_into(out, value);
            out.push(')');
        }
        StmtKind::AnnAssign { target, value, simple, .. } => {
            out.push_str(if *simple { "(ann " } else { "(ann-complex " });
            dump_expr_into(out, target);
            out.push(' ');
            dump_opt(out, *value);
            out.push(')');
        }
        StmtKind::If { test, body, orelse } => {
            out.push_str("(if ");
            dump_expr_into(out, test);
            out.push(' ');
            dump_body(out, body);
            out.push(' ');
            dump_body(out, orelse);
            out.push(')');
        }
        StmtKind::While { test, body, orelse } => {
            out.push_str("(while ");
            dump_expr_into(out, test);
            out.push(' ');
            dump_body(out, body);
            out.push(' ');
            dump_body(out, orelse);
            out.push(')');
        }
        StmtKind::For { target, iter, body, orelse } => {
            out.push_str("(for ");
            dump_expr_into(out, target);
            out.push(' ');
            dump_expr_into(out, iter);
            out.push(' ');
            dump_body(out, body);
            out.push(' ');
            dump_body(out, orelse);
            out.push(')');
        }
        StmtKind::Break => out.push_str("(break)"),
        StmtKind::Continue => out.push_str("(continue)"),
        StmtKind::Pass => out.push_str("(pass)"),
        StmtKind::FunctionDef(def) => {
            out.push_str(if def.is_generator { "(def* " } else { "(def " });
            dump_decorators(out, def.decorators);
            out.push_str(def.name);
            out.push(' ');
            dump_params(out, &def.params);
            out.push(' ');
            dump_body(out, def.body);
            out.push(')');
        }
        StmtKind::Return(value) => dump_optional(out, "return", *value),
        StmtKind::ClassDef(class) => {
            out.push_str("(class ");
            dump_decorators(out, class.decorators);
            out.push_str(class.name);
            dump_list(out, "", class.bases);
            out.push(' ');
            dump_body(out, class.body);
            out.push(')');
        }
        StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
            out.push_str(if matches!(stmt.kind, StmtKind::Global(_)) { "(global" } else { "(nonlocal" });
            for n in *names {
                out.push(' ');
                out.push_str(n);
            }
            out.push(')');
        }
        StmtKind::Delete(targets) => dump_list(out, "del", targets),
        StmtKind::Try(t) => {
            out.push_str("(try ");
            dump_body(out, t.body);
            for h in t.handlers {
                out.push_str(" (except ");
                dump_opt(out, h.typ);
                if let Some(name) = h.name {
                    out.push_str(" as ");
                    out.push_str(name);
                }
                out.push(' ');
                dump_body(out, h.body);
                out.push(')');
            }
            out.push_str(" (else ");
            dump_body(out, t.orelse);
            out.push_str(") (finally ");
            dump_body(out, t.finalbody);
            out.push_str("))");
        }
        StmtKind::Raise { exc, cause } => {
            out.push_str("(raise ");
            dump_opt(out, *exc);
            out.push(' ');
            dump_opt(out, *cause);
            out.push(')');
        }
        StmtKind::Assert { test, msg } => {
            out.push_str("(assert ");
            dump_expr_into(out, test);
            out.push(' ');
            dump_opt(out, *msg);
            out.push(')');
        }
        StmtKind::With { items, body } => {
            out.push_str("(with");
            for item in *items {
                out.push_str(" (");
                dump_expr_into(out, item.context);
                if let Some(t) = item.target {
                    out.push_str(" as ");
                    dump_expr_into(out, t);
                }
                out.push(')');
            }
            out.push(' ');
            dump_body(out, body);
            out.push(')');
        }
        StmtKind::Import(names) => {
            out.push_str("(import");
            dump_aliases(out, names);
            out.push(')');
        }
        StmtKind::ImportFrom { module, names } => {
            out.push_str(&format!("(from {module} import"));
            dump_aliases(out, names);
            out.push(')');
        }
    }
}

fn dump_aliases(out: &mut String, names: &[Alias<'_>]) {
    for a in names {
        out.push(' ');
        out.push_str(a.name);
        if let Some(asname) = a.asname {
            out.push_str(" as ");
            out.push_str(asname);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bumpalo::Bump;

    fn at(kind: ExprKind<'_>) -> Expr<'_> {
        Expr { line: 1, column: 1, end_line: 1, end_column: 2, kind }
    }

    #[test]
    fn dumps_hand_built_trees() {
        let arena = Bump::new();
        let one = arena.alloc(at(ExprKind::Int(1)));
        let x = arena.alloc(at(ExprKind::Name("x")));
        let sum = at(ExprKind::BinOp { left: one, op: BinOp::Add, right: x });
        assert_eq!(dump(&sum), "(+ 1 x)");
        let s = at(ExprKind::Str("a\"b\n"));
        assert_eq!(dump(&s), "\"a\\\"b\\n\"");
        let slice = at(ExprKind::Slice { lower: None, upper: Some(one), step: None });
        assert_eq!(dump(&slice), "(slice _ 1 _)");
        let stmt = Stmt { line: 1, column: 1, end_line: 1, end_column: 5, kind: StmtKind::Pass };
        assert_eq!(dump_stmt(&stmt), "(pass)");
    }

    #[test]
    fn describes_expressions_like_cpython() {
        assert_eq!(at(ExprKind::Int(1)).describe(), "literal");
        assert_eq!(at(ExprKind::None).describe(), "None");
        assert_eq!(at(ExprKind::Ellipsis).describe(), "ellipsis");
        assert_eq!(at(ExprKind::Dict(&[])).describe(), "dict literal");
    }

    #[test]
    fn nodes_stay_small() {
        // The tree is walked a lot; keep nodes compact.
        assert!(core::mem::size_of::<Expr<'_>>() <= 64);
        assert!(core::mem::size_of::<Stmt<'_>>() <= 72);
    }
}
