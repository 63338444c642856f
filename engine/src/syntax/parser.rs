//! The parser: tokens to an AST in the arena, by recursive descent.
//!
//! Owns [`parse`] (called by [`super::parse_module`]): Python 3.11's grammar for the statements
//! and expressions of [`super::ast`], its validation of targets and argument lists, and the
//! checks CPython makes after parsing (in its symbol table and compiler passes) that need no
//! name resolution: `return`/`yield`/`await` outside a function, `break`/`continue` outside a
//! loop, `nonlocal` at module level, duplicate parameters, repeated keyword arguments, starred
//! expressions where none may stand, `from __future__` rules.
//!
//! Promises: errors carry CPython 3.11's message and position for the same mistake wherever
//! practical. Like CPython, a program with several errors reports a plain syntax error first,
//! then the first symbol-table error, then the first compiler error ("deferred" errors are
//! kept until the whole module has parsed), and after a syntax error a later error of the
//! tokenizer wins as in CPython. Valid Python outside mote's subset (`async def`,
//! asynchronous generator expressions, `match`, `:=`, relative imports, `except*`, class
//! keyword arguments) is a [`SyntaxErrorKind::NotImplemented`] error naming the feature;
//! `async for`, `async with`, `await` and async comprehensions can only be valid inside an
//! `async def`, so they get CPython's SyntaxError for their use outside one.
//!
//! Must never: recurse without bound. Every recursive descent into a nested expression goes
//! through [`Parser::enter`], which refuses nesting deeper than [`MAX_DEPTH`] ("too many
//! nested parentheses"); statements nest only as deep as indentation, which the tokenizer caps.
//! Left-deep chains (`a + b + ...`, `f()()()...`) are built in loops, and every statement's
//! expressions are checked against [`MAX_AST_DEPTH`] so that later passes walking the tree
//! recursively are bounded too.

use super::ast::{
    Alias, BinOp, BoolOp, CmpOp, Comprehension, Conversion, DictItem, ExceptHandler, Expr, ExprKind, FStringPart,
    FormattedValue, FunctionDef, Keyword, Lambda, Module, Param, Parameters, Stmt, StmtKind, Try, UnaryOp, WithItem,
};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::tokenizer::{FStringPiece, Interner, Keyword as Kw, Op, SourceRange, Token, TokenKind, Tokenizer};
use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use bumpalo::collections::Vec as BVec;
use bumpalo::Bump;

/// The deepest nesting of expressions the parser descends into (brackets, unary operators,
/// `not`, `**` exponents, lambdas, conditional expressions, f-string fields each count one).
pub(crate) const MAX_DEPTH: u32 = 400;
/// The deepest expression tree accepted (left-deep chains such as `a + b + c` included).
pub(crate) const MAX_AST_DEPTH: u32 = 1000;

type PResult<T> = Result<T, Box<SyntaxError>>;
/// A 1-based (line, column) position.
type Pos = (u32, u32);

/// Parses a module. `src` has `\n` line breaks only (see [`super::parse_module`]). The errors
/// carry no file name; `source_line` is filled only where it is not the text of line `line`
/// (errors inside f-string fields show the field as CPython does).
pub(crate) fn parse<'a>(arena: &'a Bump, src: &str) -> Result<Module<'a>, SyntaxError> {
    let interner = Interner::new(arena);
    let mut parser = Parser::new(src, &interner).map_err(|e| *e)?;
    match parser.module() {
        Ok(module) => Ok(module),
        Err(e) => {
            // As in CPython, an error of the tokenizer ends parsing wherever it happens (even
            // while trying an alternative); mote's own refusals from the tokenizer do not.
            if let Some(t) = parser.tokenizer_error.take() {
                // f-string and escape errors come from CPython's parser, not its tokenizer.
                let parser_kind = t.kind == SyntaxErrorKind::NotImplemented
                    || t.message.starts_with("f-string")
                    || t.message.starts_with("(unicode error)");
                if !parser_kind {
                    return Err(t);
                }
            }
            Err(*parser.check_rest_of_source(e))
        }
    }
}

/// Where a name is being bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Class,
    Function,
}

/// The pass of CPython that reports a deferred error; earlier passes win.
#[derive(Debug, Clone, Copy)]
enum Phase {
    Future = 0,
    Symtable = 1,
    Compile = 2,
}

/// What an invalid target is being checked for (CPython's `TARGETS_TYPE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Targets {
    Store,
    Del,
}

/// The compound statement a block belongs to, for "expected an indented block after ...".
#[derive(Debug, Clone, Copy)]
enum Header {
    Keyword(&'static str),
    Function,
    Class,
}

/// What ends a parenthesized group: a `)` or the end of an f-string field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Close {
    Paren,
    Field,
}

/// The per-function state saved while parsing a nested `def`, `class` or `lambda`.
#[derive(Debug)]
struct FnState<'a> {
    scope: Scope,
    in_loop: bool,
    saw_yield: bool,
    lambda_depth: u32,
    params: Vec<&'a str>,
    declared: Vec<Declared<'a>>,
}

/// The arguments of a call so far.
#[derive(Debug)]
struct Arguments<'a> {
    args: BVec<'a, Expr<'a>>,
    keywords: BVec<'a, Keyword<'a>>,
    seen_keyword: bool,
    seen_double_star: bool,
}

/// A `global` or `nonlocal` declaration in the current function.
#[derive(Debug, Clone, Copy)]
struct Declared<'a> {
    name: &'a str,
    global: bool,
    start: Pos,
    end: Pos,
}

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

#[derive(Debug)]
struct Parser<'p, 'a> {
    src: &'p str,
    interner: &'p Interner<'a>,
    arena: &'a Bump,
    tokens: Tokenizer<'p, 'a>,
    /// The current token (comments and NL skipped).
    tok: Token<'a>,
    /// The last token consumed: node ends come from it.
    prev: Token<'a>,
    /// Tokens after `tok`, fetched by lookahead.
    ahead: VecDeque<Token<'a>>,
    /// Where the last NEWLINE or NL seen was (errors at the end of input point there).
    last_line_end: Pos,
    /// Current expression nesting, see [`MAX_DEPTH`].
    depth: u32,
    /// Open brackets around the current token (an f-string field counts as one).
    level: u32,
    /// While > 0, the "invalid_*" diagnoses are off (a speculative or helper parse).
    no_invalid: u32,
    scope: Scope,
    in_loop: bool,
    lambda_depth: u32,
    /// Whether the innermost function (def or lambda) has a `yield` so far.
    saw_yield: bool,
    /// Ranges of the `yield` expressions of the current statement, in parse order.
    yield_sites: Vec<(Pos, Pos)>,
    /// Parameter names of the innermost `def` (for "is parameter and global").
    params: Vec<&'a str>,
    declared: Vec<Declared<'a>>,
    /// Block nesting: 0 for module-level statements.
    block_depth: u32,
    /// Module-level statements so far (for `from __future__` placement).
    top_statements: u32,
    future_allowed: bool,
    /// Errors of later passes, the first of each, reported if parsing succeeds.
    deferred: [Option<Box<SyntaxError>>; 3],
    /// Set once an error has been rewritten relative to an f-string field.
    field_error_done: bool,
    /// The first error the tokenizer returned.
    tokenizer_error: Option<SyntaxError>,
    /// Parsing the target of a `for`: where a target proper would have ended (see
    /// `for_target`).
    target_mode: bool,
    target_stop: Option<Token<'a>>,
    /// Parsing an f-string field.
    in_field: bool,
    /// Whether the comprehension being parsed has an `async for`.
    async_comprehension: bool,
    /// A subscript `a[]` failed inside brackets (see `empty_subscript_error`).
    empty_subscript: bool,
}

fn start_of(e: &Expr<'_>) -> Pos {
    (e.line, e.column)
}

fn end_of(e: &Expr<'_>) -> Pos {
    (e.end_line, e.end_column)
}

fn stmts_end(body: &[Stmt<'_>], fallback: Pos) -> Pos {
    body.last().map_or(fallback, |s| (s.end_line, s.end_column))
}

/// The leftmost atom of an expression built from primaries and binary operators.
fn leftmost<'e, 'a>(mut e: &'e Expr<'a>) -> &'e Expr<'a> {
    loop {
        e = match &e.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Call { func, .. } => func,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            _ => return e,
        };
    }
}

/// Whether `e` is (as far as the tree tells) a `bitwise_or` in CPython's grammar.
fn is_bitwise_or(e: &Expr<'_>) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda(_)
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
    )
}

/// CPython's `!(list|tuple|genexp|'True'|'None'|'False')` lookahead, for an expression whose
/// first token is `first`.
fn starts_with_display(e: &Expr<'_>, first: &Token<'_>) -> bool {
    match first.kind {
        TokenKind::Keyword(Kw::True | Kw::False | Kw::None) => true,
        TokenKind::Op(Op::LSqb | Op::LPar) => {
            let atom = leftmost(e);
            (atom.line, atom.column) == (first.line, first.column)
                && matches!(atom.kind, ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
        }
        _ => false,
    }
}

/// The leading `bitwise_or` of an expression: its end, and whether it is all of `e`.
fn leading_bitwise_or(e: &Expr<'_>) -> Option<(Pos, bool)> {
    let part = |inner: &Expr<'_>| leading_bitwise_or(inner).map(|(end, _)| (end, false));
    match &e.kind {
        ExprKind::Tuple(items) if items.first().is_some_and(|i| start_of(i) == start_of(e)) => part(&items[0]),
        ExprKind::BoolOp { values, .. } => values.first().and_then(part),
        ExprKind::Compare { left, .. } => part(left),
        ExprKind::IfExp { body, .. } => part(body),
        _ if is_bitwise_or(e) => Some((end_of(e), true)),
        _ => None,
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first part of `e` that cannot be a target.
fn invalid_target<'e, 'a>(e: &'e Expr<'a>, targets: Targets) -> Option<&'e Expr<'a>> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().find_map(|i| invalid_target(i, targets)),
        ExprKind::Starred(inner) => match targets {
            Targets::Del => Some(e),
            Targets::Store => invalid_target(inner, targets),
        },
        _ => Some(e),
    }
}

fn binop_for(op: Op) -> Option<(BinOp, u8)> {
    Some(match op {
        Op::VBar => (BinOp::BitOr, 1),
        Op::Circumflex => (BinOp::BitXor, 2),
        Op::Amper => (BinOp::BitAnd, 3),
        Op::LeftShift => (BinOp::LShift, 4),
        Op::RightShift => (BinOp::RShift, 4),
        Op::Plus => (BinOp::Add, 5),
        Op::Minus => (BinOp::Sub, 5),
        Op::Star => (BinOp::Mul, 6),
        Op::Slash => (BinOp::Div, 6),
        Op::DoubleSlash => (BinOp::FloorDiv, 6),
        Op::Percent => (BinOp::Mod, 6),
        Op::At => (BinOp::MatMul, 6),
        _ => return None,
    })
}

fn augassign_for(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEqual => BinOp::Add,
        Op::MinusEqual => BinOp::Sub,
        Op::StarEqual => BinOp::Mul,
        Op::AtEqual => BinOp::MatMul,
        Op::SlashEqual => BinOp::Div,
        Op::DoubleSlashEqual => BinOp::FloorDiv,
        Op::PercentEqual => BinOp::Mod,
        Op::DoubleStarEqual => BinOp::Pow,
        Op::LeftShiftEqual => BinOp::LShift,
        Op::RightShiftEqual => BinOp::RShift,
        Op::AmperEqual => BinOp::BitAnd,
        Op::VBarEqual => BinOp::BitOr,
        Op::CircumflexEqual => BinOp::BitXor,
        _ => return None,
    })
}

impl<'p, 'a> Parser<'p, 'a> {
    fn new(src: &'p str, interner: &'p Interner<'a>) -> PResult<Parser<'p, 'a>> {
        let placeholder = Token { kind: TokenKind::EndMarker, line: 1, column: 1, end_line: 1, end_column: 1 };
        let mut parser = Parser {
            src,
            interner,
            arena: interner.arena(),
            tokens: Tokenizer::new(src, interner),
            tok: placeholder,
            prev: placeholder,
            ahead: VecDeque::new(),
            last_line_end: (1, 1),
            depth: 0,
            level: 0,
            no_invalid: 0,
            scope: Scope::Module,
            in_loop: false,
            lambda_depth: 0,
            saw_yield: false,
            yield_sites: Vec::new(),
            params: Vec::new(),
            declared: Vec::new(),
            block_depth: 0,
            top_statements: 0,
            future_allowed: true,
            deferred: [None, None, None],
            field_error_done: false,
            tokenizer_error: None,
            target_mode: false,
            target_stop: None,
            in_field: false,
            async_comprehension: false,
            empty_subscript: false,
        };
        parser.tok = parser.fetch()?;
        Ok(parser)
    }

    // ------------------------------------------------------------ tokens

    /// The next significant token from the tokenizer.
    #[inline(never)]
    fn fetch(&mut self) -> PResult<Token<'a>> {
        loop {
            let t = match self.tokens.next_token() {
                Ok(t) => t,
                Err(e) => {
                    if self.tokenizer_error.is_none() {
                        self.tokenizer_error = Some(e.clone());
                    }
                    return Err(Box::new(e));
                }
            };
            match t.kind {
                TokenKind::Comment => {}
                TokenKind::Nl => self.last_line_end = (t.line, t.column),
                TokenKind::Newline => {
                    self.last_line_end = (t.line, t.column);
                    return Ok(t);
                }
                _ => return Ok(t),
            }
        }
    }

    /// Consumes the current token and returns it.
    fn advance(&mut self) -> PResult<Token<'a>> {
        let next = match self.ahead.pop_front() {
            Some(t) => t,
            None => self.fetch()?,
        };
        let old = core::mem::replace(&mut self.tok, next);
        self.prev = old;
        Ok(old)
    }

    /// The token `n + 1` places after the current one.
    fn peek_nth(&mut self, n: usize) -> PResult<Token<'a>> {
        while self.ahead.len() <= n {
            let t = self.fetch()?;
            self.ahead.push_back(t);
        }
        Ok(self.ahead[n])
    }

    fn peek(&mut self) -> PResult<Token<'a>> {
        self.peek_nth(0)
    }

    fn at_op(&self, op: Op) -> bool {
        matches!(self.tok.kind, TokenKind::Op(o) if o == op)
    }

    fn at_kw(&self, kw: Kw) -> bool {
        matches!(self.tok.kind, TokenKind::Keyword(k) if k == kw)
    }

    fn at_newline(&self) -> bool {
        matches!(self.tok.kind, TokenKind::Newline)
    }

    fn eat_op(&mut self, op: Op) -> PResult<bool> {
        if self.at_op(op) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn eat_kw(&mut self, kw: Kw) -> PResult<bool> {
        if self.at_kw(kw) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Consumes `op` or fails with "invalid syntax".
    fn expect_op(&mut self, op: Op) -> PResult<Token<'a>> {
        if self.at_op(op) {
            return self.advance();
        }
        Err(self.invalid_syntax())
    }

    /// Consumes `op` or fails with "expected 'op'" (CPython's forced tokens, `&&':'`).
    #[inline(never)]
    fn expect_forced(&mut self, op: Op) -> PResult<Token<'a>> {
        if self.at_op(op) {
            return self.advance();
        }
        if matches!(self.tok.kind, TokenKind::Indent) {
            return Err(self.invalid_syntax());
        }
        let message = format!("expected '{}'", op.as_str());
        Err(self.err_tok(message, self.tok))
    }

    /// The `:` of `if`, `while`, `for`, `with` and `class`: CPython says "expected ':'" only
    /// where the line ends instead.
    fn expect_colon(&mut self) -> PResult<Token<'a>> {
        if self.at_newline() {
            return self.expect_forced(Op::Colon);
        }
        self.expect_op(Op::Colon)
    }

    fn expect_name(&mut self) -> PResult<(&'a str, Token<'a>)> {
        match self.tok.kind {
            TokenKind::Name(name) => Ok((name, self.advance()?)),
            _ => Err(self.invalid_syntax()),
        }
    }

    fn start(&self) -> Pos {
        (self.tok.line, self.tok.column)
    }

    fn end(&self) -> Pos {
        (self.prev.end_line, self.prev.end_column)
    }

    /// Whether the current token can begin an expression (CPython's `expression`).
    fn starts_expression(&self) -> bool {
        match self.tok.kind {
            TokenKind::Name(_)
            | TokenKind::Int(_)
            | TokenKind::Float(_)
            | TokenKind::Str(_)
            | TokenKind::FString(_) => true,
            TokenKind::Keyword(k) => matches!(k, Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await),
            TokenKind::Op(op) => {
                matches!(op, Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis)
            }
            _ => false,
        }
    }

    fn starts_star_expression(&self) -> bool {
        self.at_op(Op::Star) || self.starts_expression()
    }

    fn starts_bitwise_or(&self) -> bool {
        self.starts_expression() && !self.at_kw(Kw::Not) && !self.at_kw(Kw::Lambda)
    }

    // ------------------------------------------------------------ nodes and errors

    fn node(&self, start: Pos, kind: ExprKind<'a>) -> &'a Expr<'a> {
        self.arena.alloc(Expr {
            line: start.0,
            column: start.1,
            end_line: self.prev.end_line,
            end_column: self.prev.end_column,
            kind,
        })
    }

    fn stmt(&self, start: Pos, kind: StmtKind<'a>) -> Stmt<'a> {
        Stmt { line: start.0, column: start.1, end_line: self.prev.end_line, end_column: self.prev.end_column, kind }
    }

    fn bvec<T>(&self) -> BVec<'a, T> {
        BVec::new_in(self.arena)
    }

    #[cold]
    #[inline(never)]
    fn error(&self, kind: SyntaxErrorKind, message: impl Into<String>, start: Pos, end: Pos) -> Box<SyntaxError> {
        let mut e = SyntaxError::new(kind, message, start.0, start.1);
        e.end_line = end.0;
        e.end_column = end.1;
        Box::new(e)
    }

    #[cold]
    #[inline(never)]
    fn err(&self, message: impl Into<String>, start: Pos, end: Pos) -> Box<SyntaxError> {
        self.error(SyntaxErrorKind::SyntaxError, message, start, end)
    }

    #[cold]
    #[inline(never)]
    fn err_expr(&self, message: impl Into<String>, e: &Expr<'_>) -> Box<SyntaxError> {
        self.err(message, start_of(e), end_of(e))
    }

    #[cold]
    #[inline(never)]
    fn err_tok(&self, message: impl Into<String>, t: Token<'_>) -> Box<SyntaxError> {
        self.err(message, (t.line, t.column), (t.end_line, t.end_column))
    }

    #[cold]
    #[inline(never)]
    fn not_implemented(&self, message: impl Into<String>, start: Pos, end: Pos) -> Box<SyntaxError> {
        self.error(SyntaxErrorKind::NotImplemented, message, start, end)
    }

    /// "invalid syntax" at the current token (or what CPython says about that token).
    #[cold]
    #[inline(never)]
    fn invalid_syntax(&self) -> Box<SyntaxError> {
        let t = self.tok;
        match t.kind {
            TokenKind::Indent => {
                let column = t.end_column.saturating_sub(1).max(1);
                self.error(SyntaxErrorKind::IndentationError, "unexpected indent", (t.line, column), (t.line, 0))
            }
            TokenKind::Newline => self.err("invalid syntax", (t.line, t.column), (t.line, t.column)),
            // The end of an f-string field is a `)` in CPython's eyes.
            TokenKind::EndMarker if self.in_field => self.err_tok("invalid syntax", t),
            TokenKind::EndMarker => self.err("invalid syntax", (self.last_line_end.0, 0), (self.last_line_end.0, 0)),
            TokenKind::Dedent => self.err("invalid syntax", (t.line, t.column.saturating_sub(1)), (t.line, 0)),
            _ => self.err_tok("invalid syntax", t),
        }
    }

    /// Keeps the first error of a later pass.
    fn defer(&mut self, phase: Phase, error: Box<SyntaxError>) {
        let slot = &mut self.deferred[phase as usize];
        if slot.is_none() {
            *slot = Some(error);
        }
    }

    fn in_function(&self) -> bool {
        self.scope == Scope::Function || self.lambda_depth > 0
    }

    /// Enters one level of expression nesting.
    fn enter(&mut self) -> PResult<()> {
        if self.depth >= MAX_DEPTH {
            return Err(self.too_deep());
        }
        self.depth += 1;
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self) -> Box<SyntaxError> {
        self.err_tok("too many nested parentheses", self.tok)
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// After a parse error, CPython tokenizes the rest of the source, and an error of its
    /// tokenizer there wins (`_PyPegen_tokenize_full_source_to_check_for_errors`); a bracket
    /// left open at the end wins if it was opened on a line before the parser stopped.
    #[inline(never)]
    fn check_rest_of_source(&mut self, error: Box<SyntaxError>) -> Box<SyntaxError> {
        if error.kind == SyntaxErrorKind::IndentationError && error.message == "unexpected indent" {
            return error;
        }
        let stopped_at = self.ahead.back().unwrap_or(&self.tok).line;
        // Each call consumes input or ends it; the bound only guards against a stuck tokenizer.
        for _ in 0..2 * self.src.len() + 16 {
            match self.tokens.next_token() {
                Ok(Token { kind: TokenKind::EndMarker, .. }) => break,
                Ok(_) => {}
                // Errors that CPython's tokenizer does not make: its parser reports them.
                Err(e)
                    if e.kind == SyntaxErrorKind::NotImplemented
                        || e.message.starts_with("f-string")
                        || e.message.starts_with("(unicode error)") => {}
                Err(e) if e.message.ends_with("was never closed") => {
                    if stopped_at > e.line || error.kind == SyntaxErrorKind::NotImplemented {
                        return Box::new(e);
                    }
                    break;
                }
                // CPython's tokenizer stops at these without raising.
                Err(e)
                    if matches!(e.kind, SyntaxErrorKind::IndentationError | SyntaxErrorKind::TabError)
                        || e.message == "unexpected character after line continuation character"
                        || e.message == "unexpected EOF while parsing" =>
                {
                    if error.kind == SyntaxErrorKind::NotImplemented {
                        return Box::new(e);
                    }
                    break;
                }
                Err(e) => return Box::new(e),
            }
        }
        error
    }

    // ------------------------------------------------------------ module and blocks

    fn module(&mut self) -> PResult<Module<'a>> {
        let mut body = self.bvec();
        loop {
            match self.tok.kind {
                TokenKind::EndMarker => break,
                TokenKind::Newline => {
                    self.advance()?;
                }
                _ => self.statement(&mut body)?,
            }
        }
        for slot in &mut self.deferred {
            if let Some(e) = slot.take() {
                return Err(e);
            }
        }
        Ok(Module { body: body.into_bump_slice() })
    }

    /// One statement line: a compound statement, or simple statements separated by `;`.
    fn statement(&mut self, body: &mut BVec<'a, Stmt<'a>>) -> PResult<()> {
        self.yield_sites.clear();
        let compound = match self.tok.kind {
            TokenKind::Indent => return Err(self.invalid_syntax()),
            TokenKind::Keyword(Kw::If | Kw::While | Kw::For | Kw::Try | Kw::With | Kw::Def | Kw::Class | Kw::Async)
            | TokenKind::Op(Op::At) => true,
            TokenKind::Name("match") => self.is_match_statement()?,
            _ => false,
        };
        if !compound {
            return self.simple_statements(body);
        }
        if self.block_depth == 0 {
            self.top_statements += 1;
        }
        self.future_allowed = false;
        let t = self.tok;
        let stmt = match t.kind {
            TokenKind::Keyword(Kw::If) => self.if_statement(Header::Keyword("if"))?,
            TokenKind::Keyword(Kw::While) => self.while_statement()?,
            TokenKind::Keyword(Kw::For) => self.for_statement()?,
            TokenKind::Keyword(Kw::Try) => self.try_statement()?,
            TokenKind::Keyword(Kw::With) => self.with_statement()?,
            TokenKind::Keyword(Kw::Def) => self.function_def(&[])?,
            TokenKind::Keyword(Kw::Class) => self.class_def(&[])?,
            TokenKind::Op(Op::At) => self.decorated()?,
            TokenKind::Keyword(Kw::Async) => self.async_statement()?,
            _ => {
                return Err(self.not_implemented(
                    "the 'match' statement is not supported by mote",
                    (t.line, t.column),
                    (t.end_line, t.end_column),
                ));
            }
        };
        self.check_statement_depth(&stmt)?;
        body.push(stmt);
        Ok(())
    }

    /// `async def` is valid Python that mote does not run; `async for` and `async with` can
    /// only stand in an `async def`, so anywhere mote gets to see them they are errors.
    #[inline(never)]
    fn async_statement(&mut self) -> PResult<Stmt<'a>> {
        let next = self.peek()?;
        if !matches!(next.kind, TokenKind::Keyword(Kw::For | Kw::With)) {
            if next.kind == TokenKind::Keyword(Kw::Def) {
                return Err(self.async_not_implemented());
            }
            return Err(self.err_tok("invalid syntax", next));
        }
        let t = self.advance()?;
        let mut stmt =
            if next.kind == TokenKind::Keyword(Kw::For) { self.for_statement()? } else { self.with_statement()? };
        stmt.line = t.line;
        stmt.column = t.column;
        let message = if next.kind == TokenKind::Keyword(Kw::For) {
            "'async for' outside async function"
        } else {
            "'async with' outside async function"
        };
        let e = self.err(message, (t.line, t.column), (stmt.end_line, stmt.end_column));
        self.defer(Phase::Compile, e);
        Ok(stmt)
    }

    fn async_not_implemented(&self) -> Box<SyntaxError> {
        let t = self.tok;
        self.not_implemented(
            "'async def' functions are not supported by mote",
            (t.line, t.column),
            (t.end_line, t.end_column),
        )
    }

    /// Whether a line starting with the soft keyword `match` is a match statement: it ends
    /// with a `:` and `match` is not itself annotated or assigned.
    fn is_match_statement(&mut self) -> PResult<bool> {
        let next = self.peek()?;
        if matches!(next.kind, TokenKind::Op(Op::Colon | Op::Equal | Op::Semi | Op::Dot) | TokenKind::Newline) {
            return Ok(false);
        }
        let mut i = 0;
        let mut last = next;
        loop {
            let t = self.peek_nth(i)?;
            if matches!(t.kind, TokenKind::Newline | TokenKind::EndMarker) {
                return Ok(matches!(last.kind, TokenKind::Op(Op::Colon)));
            }
            last = t;
            i += 1;
        }
    }

    /// A block after `:`: an indented suite, or simple statements on the same line.
    fn block(&mut self, header: Header, line: u32) -> PResult<&'a [Stmt<'a>]> {
        let mut body = self.bvec();
        if !self.at_newline() {
            self.simple_statements(&mut body)?;
            return Ok(body.into_bump_slice());
        }
        self.advance()?;
        if !matches!(self.tok.kind, TokenKind::Indent) {
            return Err(self.expected_indented_block(header, line)?);
        }
        self.advance()?;
        self.block_depth += 1;
        while !matches!(self.tok.kind, TokenKind::Dedent | TokenKind::EndMarker) {
            self.statement(&mut body)?;
        }
        self.block_depth -= 1;
        if matches!(self.tok.kind, TokenKind::Dedent) {
            self.advance()?;
        }
        Ok(body.into_bump_slice())
    }

    fn expected_indented_block(&mut self, header: Header, line: u32) -> PResult<Box<SyntaxError>> {
        let what = match header {
            Header::Keyword(k) => format!("'{k}' statement on line {line}"),
            Header::Function => format!("function definition on line {line}"),
            Header::Class => format!("class definition on line {line}"),
        };
        let message = format!("expected an indented block after {what}");
        let (start, end) = self.block_end_position()?;
        Ok(self.error(SyntaxErrorKind::IndentationError, message, start, end))
    }

    /// Where CPython reports an error at the current token when it may close a block: a
    /// dedent stands at its line's indentation width (column 0 for none), the end of input at
    /// the end of the last line.
    fn block_end_position(&mut self) -> PResult<(Pos, Pos)> {
        let t = self.tok;
        let mut next = t;
        let mut i = 0;
        while matches!(next.kind, TokenKind::Dedent) {
            next = self.peek_nth(i)?;
            i += 1;
        }
        Ok(match (t.kind, next.kind) {
            (_, TokenKind::EndMarker) => (self.last_line_end, (self.last_line_end.0, 0)),
            (TokenKind::Dedent, _) => ((t.line, t.column.saturating_sub(1)), (t.line, 0)),
            (TokenKind::Indent, _) => ((t.line, t.end_column.saturating_sub(1)), (t.line, 0)),
            _ => ((t.line, t.column), (t.end_line, t.end_column)),
        })
    }

    fn simple_statements(&mut self, body: &mut BVec<'a, Stmt<'a>>) -> PResult<()> {
        loop {
            let stmt = self.simple_statement()?;
            self.check_statement_depth(&stmt)?;
            self.note_future(&stmt);
            body.push(stmt);
            if self.eat_op(Op::Semi)? {
                if self.at_newline() {
                    self.advance()?;
                    return Ok(());
                }
                continue;
            }
            if self.at_newline() {
                self.advance()?;
                return Ok(());
            }
            return Err(self.invalid_syntax());
        }
    }

    /// Tracks whether `from __future__` imports may still come (only after a docstring and
    /// other future imports at the top of the module).
    fn note_future(&mut self, stmt: &Stmt<'a>) {
        let keep = self.block_depth == 0
            && match stmt.kind {
                StmtKind::ImportFrom { module: "__future__", .. } => true,
                StmtKind::Expr(Expr { kind: ExprKind::Str(_), .. }) => self.top_statements == 0,
                _ => false,
            };
        if self.block_depth == 0 {
            self.top_statements += 1;
        }
        if !keep {
            self.future_allowed = false;
        }
    }

    #[inline(never)]
    fn check_statement_depth(&self, stmt: &Stmt<'a>) -> PResult<()> {
        if stmt_too_deep(stmt) {
            return Err(self.err(
                format!("expression too deeply nested (mote's limit is {MAX_AST_DEPTH} levels)"),
                (stmt.line, stmt.column),
                (stmt.end_line, stmt.end_column),
            ));
        }
        Ok(())
    }

    // ------------------------------------------------------------ simple statements

    fn simple_statement(&mut self) -> PResult<Stmt<'a>> {
        let t = self.tok;
        let start = (t.line, t.column);
        match t.kind {
            TokenKind::Keyword(Kw::Pass) => {
                self.advance()?;
                Ok(self.stmt(start, StmtKind::Pass))
            }
            TokenKind::Keyword(Kw::Break) | TokenKind::Keyword(Kw::Continue) => {
                self.advance()?;
                let is_break = self.prev.kind == TokenKind::Keyword(Kw::Break);
                let s = self.stmt(start, if is_break { StmtKind::Break } else { StmtKind::Continue });
                if !self.in_loop {
                    let message = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
                    let e = self.err(message, start, self.end());
                    self.defer(Phase::Compile, e);
                }
                Ok(s)
            }
            TokenKind::Keyword(Kw::Return) => {
                self.advance()?;
                let value = if self.starts_star_expression() { Some(self.star_expressions()?) } else { None };
                let s = self.stmt(start, StmtKind::Return(value));
                if self.scope != Scope::Function {
                    let e = self.err("'return' outside function", start, self.end());
                    self.defer(Phase::Compile, e);
                }
                if let Some(v) = &value {
                    self.check_value(v);
                }
                Ok(s)
            }
            TokenKind::Keyword(Kw::Raise) => {
                self.advance()?;
                let mut exc = None;
                let mut cause = None;
                if self.starts_expression() {
                    exc = Some(self.expression()?);
                    if self.eat_kw(Kw::From)? {
                        cause = Some(self.expression()?);
                    }
                }
                Ok(self.stmt(start, StmtKind::Raise { exc, cause }))
            }
            TokenKind::Keyword(Kw::Global) | TokenKind::Keyword(Kw::Nonlocal) => self.global_statement(),
            TokenKind::Keyword(Kw::Del) => self.del_statement(),
            TokenKind::Keyword(Kw::Assert) => {
                self.advance()?;
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma)? { Some(self.expression()?) } else { None };
                Ok(self.stmt(start, StmtKind::Assert { test, msg }))
            }
            TokenKind::Keyword(Kw::Import) => self.import_statement(),
            TokenKind::Keyword(Kw::From) => self.import_from_statement(),
            TokenKind::Keyword(k)
                if !matches!(k, Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await | Kw::Yield) =>
            {
                Err(self.invalid_syntax())
            }
            _ => self.expression_statement(),
        }
    }

    /// Expression statements, assignments, augmented and annotated assignments.
    fn expression_statement(&mut self) -> PResult<Stmt<'a>> {
        let first_tok = self.tok;
        let start = self.start();
        let (first, bare, last_first_tok) =
            if self.at_kw(Kw::Yield) { (self.yield_expr()?, false, first_tok) } else { self.star_expressions_info()? };
        match self.tok.kind {
            TokenKind::Op(Op::Equal) => self.assignment(start, first, bare, last_first_tok),
            TokenKind::Op(Op::Colon) => self.annotated_assignment(start, first, bare, first_tok),
            TokenKind::Op(op) if augassign_for(op).is_some() => {
                let Some(bin) = augassign_for(op) else { return Err(self.invalid_syntax()) };
                if !matches!(first.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
                    let message = format!("'{}' is an illegal expression for augmented assignment", first.describe());
                    return Err(self.err_expr(message, first));
                }
                self.advance()?;
                let value = self.assigned_value()?;
                self.check_value(value);
                Ok(self.stmt(start, StmtKind::AugAssign { target: first, op: bin, value }))
            }
            _ => {
                self.check_value(first);
                Ok(self.stmt(start, StmtKind::Expr(first)))
            }
        }
    }

    /// The right-hand side of an assignment: a yield expression or star expressions.
    fn assigned_value(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_kw(Kw::Yield) {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// `t1 = t2 = ... = value`, the current token the first `=`.
    fn assignment(
        &mut self,
        start: Pos,
        first: &'a Expr<'a>,
        bare: bool,
        last_first_tok: Token<'a>,
    ) -> PResult<Stmt<'a>> {
        // What CPython's invalid_named_expression needs about the first target: its last
        // element (if directly followed by `=`) and that element's first token.
        let first_last = match &first.kind {
            ExprKind::Tuple(items) if bare => {
                if matches!(self.prev.kind, TokenKind::Op(Op::Comma)) {
                    None
                } else {
                    items.last()
                }
            }
            _ => Some(first),
        };
        let first_wrapped = first_last.is_some_and(|l| end_of(l) != self.end());
        let mut targets: BVec<'a, Expr<'a>> = self.bvec();
        let mut current = first;
        let mut current_is_yield = matches!(last_first_tok.kind, TokenKind::Keyword(Kw::Yield));
        loop {
            if current_is_yield {
                return Err(self.err_expr("assignment to yield expression not possible", current));
            }
            if invalid_target(current, Targets::Store).is_some() {
                return Err(self.assignment_target_error(&targets, current, first_last, first_wrapped, last_first_tok));
            }
            self.advance()?;
            let next_is_yield = self.at_kw(Kw::Yield);
            let next = self.assigned_value()?;
            targets.push(*current);
            if self.at_op(Op::Equal) {
                current = next;
                current_is_yield = next_is_yield;
                continue;
            }
            self.check_value(next);
            for t in targets.iter() {
                self.check_store_target(t);
            }
            return Ok(self.stmt(start, StmtKind::Assign { targets: targets.into_bump_slice(), value: next }));
        }
    }

    /// The error for the first invalid target `bad_target` of an assignment (`targets` are
    /// the valid ones before it), the current token the `=` after it.
    fn assignment_target_error(
        &mut self,
        targets: &[Expr<'a>],
        bad_target: &'a Expr<'a>,
        first_last: Option<&'a Expr<'a>>,
        first_wrapped: bool,
        last_first_tok: Token<'a>,
    ) -> Box<SyntaxError> {
        let plain = |p: &Self| match invalid_target(bad_target, Targets::Store) {
            Some(bad) => p.err_expr(format!("cannot assign to {}", bad.describe()), bad),
            None => p.invalid_syntax(),
        };
        let Some(last) = first_last else { return plain(self) };
        if self.no_invalid > 0 {
            return plain(self);
        }
        // The leading bitwise_or after the first `=`, and whether `=` or `:=` follows it.
        let lead = if targets.is_empty() {
            let error_here = plain(self);
            if self.advance().is_err() || !self.starts_bitwise_or() {
                return error_here;
            }
            self.no_invalid += 1;
            let parsed = self.bitwise_or();
            self.no_invalid -= 1;
            self.field_error_done = false;
            match parsed {
                Ok(b) => {
                    let followed = self.at_op(Op::Equal) || self.at_op(Op::ColonEqual);
                    if followed {
                        return error_here;
                    }
                    end_of(b)
                }
                Err(_) => return error_here,
            }
        } else {
            let second = if targets.len() >= 2 { &targets[1] } else { bad_target };
            match leading_bitwise_or(second) {
                Some((end, false)) => end,
                _ => return plain(self),
            }
        };
        let bare_name = matches!(last.kind, ExprKind::Name(_))
            && matches!(last_first_tok.kind, TokenKind::Name(_))
            && !first_wrapped;
        if bare_name {
            return self.err("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", start_of(last), lead);
        }
        if (first_wrapped || is_bitwise_or(last)) && !starts_with_display(last, &last_first_tok) {
            let message = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", last.describe());
            return self.err_expr(message, last);
        }
        plain(self)
    }

    fn annotated_assignment(
        &mut self,
        start: Pos,
        target: &'a Expr<'a>,
        bare: bool,
        first_tok: Token<'a>,
    ) -> PResult<Stmt<'a>> {
        let simple = match &target.kind {
            ExprKind::Name(_) => matches!(first_tok.kind, TokenKind::Name(_)),
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
            _ => return Err(self.annotation_target_error(target, bare)),
        };
        self.advance()?;
        let annotation = self.expression()?;
        let value = if self.eat_op(Op::Equal)? {
            let v = self.assigned_value()?;
            self.check_value(v);
            Some(v)
        } else {
            None
        };
        Ok(self.stmt(start, StmtKind::AnnAssign { target, annotation, value, simple }))
    }

    /// An annotated target that is not a single target, the current token the `:` (reported
    /// once an annotation follows, as CPython does).
    #[inline(never)]
    fn annotation_target_error(&mut self, target: &'a Expr<'a>, bare: bool) -> Box<SyntaxError> {
        let colon = self.invalid_syntax();
        if self.advance().is_err() || !self.starts_expression() {
            return colon;
        }
        if let Err(e) = self.expression() {
            return e;
        }
        match &target.kind {
            ExprKind::List(_) => self.err_expr("only single target (not list) can be annotated", target),
            ExprKind::Tuple(items) => {
                let at = if bare { items.first().unwrap_or(target) } else { target };
                self.err_expr("only single target (not tuple) can be annotated", at)
            }
            _ => self.err_expr("illegal target for annotation", target),
        }
    }

    /// The compiler's refusal of a lone `*x` used as a value.
    fn check_value(&mut self, value: &Expr<'a>) {
        if matches!(value.kind, ExprKind::Starred(_)) {
            let e = self.err_expr("can't use starred expression here", value);
            self.defer(Phase::Compile, e);
        }
    }

    /// The compiler's checks of starred assignment targets.
    fn check_store_target(&mut self, target: &Expr<'a>) {
        match &target.kind {
            ExprKind::Starred(_) => {
                let e = self.err_expr("starred assignment target must be in a list or tuple", target);
                self.defer(Phase::Compile, e);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.check_unpacking(target, items),
            _ => {}
        }
    }

    fn check_unpacking(&mut self, target: &Expr<'a>, items: &[Expr<'a>]) {
        if items.iter().filter(|i| matches!(i.kind, ExprKind::Starred(_))).count() > 1 {
            let e = self.err_expr("multiple starred expressions in assignment", target);
            self.defer(Phase::Compile, e);
        }
        for item in items {
            let inner = match &item.kind {
                ExprKind::Starred(inner) => inner,
                _ => item,
            };
            if let ExprKind::Tuple(sub) | ExprKind::List(sub) = &inner.kind {
                self.check_unpacking(inner, sub);
            }
        }
    }

    fn store_target_error(&self, target: &Expr<'a>) -> Option<Box<SyntaxError>> {
        invalid_target(target, Targets::Store)
            .map(|bad| self.err_expr(format!("cannot assign to {}", bad.describe()), bad))
    }

    fn global_statement(&mut self) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let start = (t.line, t.column);
        let global = t.kind == TokenKind::Keyword(Kw::Global);
        let mut names = self.bvec();
        loop {
            let (name, _) = self.expect_name()?;
            names.push(name);
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        let names = names.into_bump_slice();
        let end = self.end();
        if !global && self.scope == Scope::Module {
            let e = self.err("nonlocal declaration not allowed at module level", start, end);
            self.defer(Phase::Symtable, e);
        }
        if self.scope == Scope::Function {
            for &name in names.iter() {
                let what = if global { "global" } else { "nonlocal" };
                if self.params.contains(&name) {
                    let e = self.err(format!("name '{name}' is parameter and {what}"), start, end);
                    self.defer(Phase::Symtable, e);
                }
                if let Some(d) = self.declared.iter().find(|d| d.name == name && d.global != global) {
                    let e = self.err(format!("name '{name}' is nonlocal and global"), d.start, d.end);
                    self.defer(Phase::Symtable, e);
                }
                self.declared.push(Declared { name, global, start, end });
            }
        }
        Ok(self.stmt(start, if global { StmtKind::Global(names) } else { StmtKind::Nonlocal(names) }))
    }

    fn del_statement(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        self.advance()?;
        if !self.starts_star_expression() {
            return Err(self.invalid_syntax());
        }
        let (targets, bare, _) = self.star_expressions_info()?;
        if let Some(bad) = invalid_target(targets, Targets::Del) {
            return Err(self.err_expr(format!("cannot delete {}", bad.describe()), bad));
        }
        let targets: &'a [Expr<'a>] = match targets.kind {
            ExprKind::Tuple(items) if bare => items,
            _ => core::slice::from_ref(targets),
        };
        Ok(self.stmt(start, StmtKind::Delete(targets)))
    }

    /// A dotted module name, interned.
    fn dotted_name(&mut self) -> PResult<&'a str> {
        let (first, _) = self.expect_name()?;
        if !self.at_op(Op::Dot) {
            return Ok(first);
        }
        let mut name = String::from(first);
        while self.eat_op(Op::Dot)? {
            let (part, _) = self.expect_name()?;
            name.push('.');
            name.push_str(part);
        }
        Ok(self.interner.intern(&name))
    }

    fn import_statement(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        self.advance()?;
        let mut names = self.bvec();
        loop {
            let at = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat_kw(Kw::As)? { Some(self.expect_name()?.0) } else { None };
            names.push(Alias { name, asname, line: at.0, column: at.1 });
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        Ok(self.stmt(start, StmtKind::Import(names.into_bump_slice())))
    }

    fn import_alias(&mut self) -> PResult<Alias<'a>> {
        let (name, t) = self.expect_name()?;
        let asname = if self.eat_kw(Kw::As)? { Some(self.expect_name()?.0) } else { None };
        Ok(Alias { name, asname, line: t.line, column: t.column })
    }

    fn import_from_statement(&mut self) -> PResult<Stmt<'a>> {
        let start = self.start();
        self.advance()?;
        let mut dots = 0;
        loop {
            if self.eat_op(Op::Dot)? {
                dots += 1;
            } else if self.eat_op(Op::Ellipsis)? {
                dots += 3;
            } else {
                break;
            }
        }
        let module = if matches!(self.tok.kind, TokenKind::Name(_)) || dots == 0 {
            self.dotted_name()?
        } else {
            self.interner.intern("")
        };
        if !self.at_kw(Kw::Import) {
            return Err(self.invalid_syntax());
        }
        self.advance()?;
        let mut names = self.bvec();
        if self.at_op(Op::Star) {
            let star = self.advance()?;
            names.push(Alias { name: self.interner.intern("*"), asname: None, line: star.line, column: star.column });
            if self.scope != Scope::Module {
                let e = self.err_tok("import * only allowed at module level", star);
                self.defer(Phase::Symtable, e);
            }
        } else if self.eat_op(Op::LPar)? {
            self.level += 1;
            loop {
                names.push(self.import_alias()?);
                if !self.eat_op(Op::Comma)? || self.at_op(Op::RPar) {
                    break;
                }
            }
            self.expect_op(Op::RPar)?;
            self.level -= 1;
        } else {
            loop {
                names.push(self.import_alias()?);
                if !self.at_op(Op::Comma) {
                    break;
                }
                self.advance()?;
                if self.at_newline() || self.at_op(Op::Semi) {
                    return Err(self.err(
                        "trailing comma not allowed without surrounding parentheses",
                        self.start(),
                        self.start(),
                    ));
                }
            }
        }
        let names = names.into_bump_slice();
        let end = self.end();
        if dots > 0 {
            return Err(self.not_implemented("relative imports are not supported by mote", start, end));
        }
        if module == "__future__" {
            if !self.future_allowed {
                let e = self.err("from __future__ imports must occur at the beginning of the file", start, end);
                self.defer(Phase::Future, e);
            }
            for alias in names.iter() {
                if alias.name == "braces" {
                    let e = self.err("not a chance", start, (start.0, 0));
                    self.defer(Phase::Future, e);
                } else if !FUTURE_FEATURES.contains(&alias.name) {
                    let e = self.err(format!("future feature {} is not defined", alias.name), start, (start.0, 0));
                    self.defer(Phase::Future, e);
                }
            }
        }
        Ok(self.stmt(start, StmtKind::ImportFrom { module, names }))
    }

    // ------------------------------------------------------------ compound statements

    fn if_statement(&mut self, header: Header) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let start = (t.line, t.column);
        let test = self.named_expression(true)?;
        self.expect_colon()?;
        let body = self.block(header, t.line)?;
        let mut end = stmts_end(body, self.end());
        let orelse: &'a [Stmt<'a>] = if self.at_kw(Kw::Elif) {
            let elif = self.if_statement(Header::Keyword("elif"))?;
            end = (elif.end_line, elif.end_column);
            core::slice::from_ref(self.arena.alloc(elif))
        } else {
            let orelse = self.else_block()?;
            end = stmts_end(orelse, end);
            orelse
        };
        Ok(Stmt {
            line: start.0,
            column: start.1,
            end_line: end.0,
            end_column: end.1,
            kind: StmtKind::If { test, body, orelse },
        })
    }

    /// An optional `else:` block.
    fn else_block(&mut self) -> PResult<&'a [Stmt<'a>]> {
        if !self.at_kw(Kw::Else) {
            return Ok(&[]);
        }
        let t = self.advance()?;
        self.expect_forced(Op::Colon)?;
        self.block(Header::Keyword("else"), t.line)
    }

    /// A loop body: `break` and `continue` are allowed in it.
    fn loop_body(&mut self, header: Header, line: u32) -> PResult<&'a [Stmt<'a>]> {
        let outer = core::mem::replace(&mut self.in_loop, true);
        let body = self.block(header, line);
        self.in_loop = outer;
        body
    }

    fn while_statement(&mut self) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let test = self.named_expression(true)?;
        self.expect_colon()?;
        let body = self.loop_body(Header::Keyword("while"), t.line)?;
        let orelse = self.else_block()?;
        let end = stmts_end(orelse, stmts_end(body, self.end()));
        Ok(Stmt {
            line: t.line,
            column: t.column,
            end_line: end.0,
            end_column: end.1,
            kind: StmtKind::While { test, body, orelse },
        })
    }

    fn for_statement(&mut self) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let target = self.for_target()?;
        self.advance()?;
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        self.check_store_target(target);
        self.check_value(iter);
        let body = self.loop_body(Header::Keyword("for"), t.line)?;
        let orelse = self.else_block()?;
        let end = stmts_end(orelse, stmts_end(body, self.end()));
        Ok(Stmt {
            line: t.line,
            column: t.column,
            end_line: end.0,
            end_column: end.1,
            kind: StmtKind::For { target, iter, body, orelse },
        })
    }

    fn try_statement(&mut self) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        self.expect_forced(Op::Colon)?;
        let body = self.block(Header::Keyword("try"), t.line)?;
        let mut end = stmts_end(body, self.end());
        if !self.at_kw(Kw::Except) && !self.at_kw(Kw::Finally) {
            return Err(self.missing_except()?);
        }
        let mut handlers = self.bvec();
        let mut bare: Option<(Pos, Pos)> = None;
        while self.at_kw(Kw::Except) {
            let h = self.advance()?;
            if let Some((s, e)) = bare {
                let err = self.err("default 'except:' must be last", s, e);
                self.defer(Phase::Compile, err);
            }
            if self.at_op(Op::Star) {
                return Err(self.not_implemented(
                    "exception groups ('except*') are not supported by mote",
                    (h.line, h.column),
                    (self.tok.end_line, self.tok.end_column),
                ));
            }
            let mut typ = None;
            let mut name = None;
            if !self.at_op(Op::Colon) {
                if self.at_newline() {
                    return Err(self.err_tok("expected ':'", self.tok));
                }
                let first = self.expression()?;
                if self.at_op(Op::Comma) {
                    let mut last = first;
                    while self.eat_op(Op::Comma)? {
                        last = self.expression()?;
                    }
                    if self.eat_kw(Kw::As)? {
                        self.expect_name()?;
                    }
                    if self.at_op(Op::Colon) {
                        return Err(self.err(
                            "multiple exception types must be parenthesized",
                            start_of(first),
                            end_of(last),
                        ));
                    }
                    return Err(self.invalid_syntax());
                }
                if self.eat_kw(Kw::As)? {
                    name = Some(self.expect_name()?.0);
                }
                typ = Some(first);
            }
            if !self.at_op(Op::Colon) {
                if self.at_newline() {
                    return Err(self.err_tok("expected ':'", self.tok));
                }
                return Err(self.invalid_syntax());
            }
            self.advance()?;
            let handler_body = self.block(Header::Keyword("except"), h.line)?;
            end = stmts_end(handler_body, end);
            if typ.is_none() {
                bare = Some(((h.line, h.column), end));
            }
            handlers.push(ExceptHandler { typ, name, body: handler_body, line: h.line, column: h.column });
        }
        let orelse = if handlers.is_empty() { &[] } else { self.else_block()? };
        end = stmts_end(orelse, end);
        let finalbody = if self.at_kw(Kw::Finally) {
            let f = self.advance()?;
            self.expect_forced(Op::Colon)?;
            self.block(Header::Keyword("finally"), f.line)?
        } else {
            &[]
        };
        end = stmts_end(finalbody, end);
        let node = self.arena.alloc(Try { body, handlers: handlers.into_bump_slice(), orelse, finalbody });
        Ok(Stmt { line: t.line, column: t.column, end_line: end.0, end_column: end.1, kind: StmtKind::Try(node) })
    }

    /// "expected 'except' or 'finally' block" where CPython puts it: at the token after the
    /// `try` block, a dedent counting as column 0 of its line, the end of input as the end of
    /// the last line.
    #[inline(never)]
    fn missing_except(&mut self) -> PResult<Box<SyntaxError>> {
        let (start, end) = self.block_end_position()?;
        Ok(self.err("expected 'except' or 'finally' block", start, end))
    }

    fn with_statement(&mut self) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let mut items = self.bvec();
        if self.at_op(Op::LPar) && self.parenthesized_with_items()? {
            self.advance()?;
            self.level += 1;
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(Op::Comma)? || self.at_op(Op::RPar) {
                    break;
                }
            }
            self.expect_op(Op::RPar)?;
            self.level -= 1;
        } else {
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(Op::Comma)? {
                    break;
                }
            }
        }
        self.expect_colon()?;
        let body = self.block(Header::Keyword("with"), t.line)?;
        let end = stmts_end(body, self.end());
        Ok(Stmt {
            line: t.line,
            column: t.column,
            end_line: end.0,
            end_column: end.1,
            kind: StmtKind::With { items: items.into_bump_slice(), body },
        })
    }

    /// Whether `with (` opens a parenthesized list of items (`with (a as b, c):`) rather than
    /// an expression (`with (a, b) as c:`): the matching `)` is followed by `:`.
    fn parenthesized_with_items(&mut self) -> PResult<bool> {
        let first = self.peek()?;
        if matches!(first.kind, TokenKind::Op(Op::RPar) | TokenKind::Keyword(Kw::Yield)) {
            return Ok(false);
        }
        let mut depth = 1usize;
        let mut i = 0;
        let mut has_as = false;
        loop {
            let t = self.peek_nth(i)?;
            match t.kind {
                TokenKind::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                    depth -= 1;
                    if depth == 0 {
                        // `as` inside the parentheses can only be items (then a `:` is missing).
                        let next = self.peek_nth(i + 1)?;
                        return Ok(has_as || matches!(next.kind, TokenKind::Op(Op::Colon)));
                    }
                }
                TokenKind::Keyword(Kw::As) if depth == 1 => has_as = true,
                TokenKind::Newline | TokenKind::EndMarker => return Ok(false),
                _ => {}
            }
            i += 1;
        }
    }

    fn with_item(&mut self) -> PResult<WithItem<'a>> {
        let context = self.expression()?;
        let target = if self.eat_kw(Kw::As)? {
            let target = self.star_target()?;
            if let Some(e) = self.store_target_error(target) {
                return Err(e);
            }
            self.check_store_target(target);
            Some(target)
        } else {
            None
        };
        Ok(WithItem { context, target })
    }

    fn decorated(&mut self) -> PResult<Stmt<'a>> {
        let mut decorators = self.bvec();
        while self.eat_op(Op::At)? {
            decorators.push(*self.named_expression(true)?);
            if !self.at_newline() {
                return Err(self.invalid_syntax());
            }
            self.advance()?;
        }
        let decorators = decorators.into_bump_slice();
        if matches!(self.tok.kind, TokenKind::Dedent) {
            let (start, end) = self.block_end_position()?;
            return Err(self.error(SyntaxErrorKind::IndentationError, "unexpected unindent", start, end));
        }
        match self.tok.kind {
            TokenKind::Keyword(Kw::Def) => self.function_def(decorators),
            TokenKind::Keyword(Kw::Class) => self.class_def(decorators),
            TokenKind::Keyword(Kw::Async) => Err(self.async_not_implemented()),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// Saves the per-function state and sets it up for a new body.
    fn enter_body(&mut self, scope: Scope, params: Vec<&'a str>) -> FnState<'a> {
        FnState {
            scope: core::mem::replace(&mut self.scope, scope),
            in_loop: core::mem::replace(&mut self.in_loop, false),
            saw_yield: core::mem::replace(&mut self.saw_yield, false),
            lambda_depth: core::mem::replace(&mut self.lambda_depth, 0),
            params: core::mem::replace(&mut self.params, params),
            declared: core::mem::take(&mut self.declared),
        }
    }

    fn leave_body(&mut self, saved: FnState<'a>) {
        self.scope = saved.scope;
        self.in_loop = saved.in_loop;
        self.saw_yield = saved.saw_yield;
        self.lambda_depth = saved.lambda_depth;
        self.params = saved.params;
        self.declared = saved.declared;
    }

    fn function_def(&mut self, decorators: &'a [Expr<'a>]) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let (name, _) = self.expect_name()?;
        self.expect_forced(Op::LPar)?;
        self.level += 1;
        let params = self.parameters(false)?;
        self.expect_op(Op::RPar)?;
        self.level -= 1;
        let mut returns = None;
        if self.at_op(Op::RArrow) {
            // A broken return annotation is, to CPython, a missing `:` before the arrow.
            let arrow = self.advance()?;
            match self.expression() {
                Ok(e) => returns = Some(e),
                Err(e) => {
                    if e.message != "invalid syntax" || self.tokenizer_error.is_some() {
                        return Err(e);
                    }
                    return Err(self.err_tok("expected ':'", arrow));
                }
            }
        }
        self.expect_forced(Op::Colon)?;
        let names: Vec<&'a str> = params.all().map(|p| p.name).collect();
        let saved = self.enter_body(Scope::Function, names);
        self.block_depth += 1;
        let body = self.block(Header::Function, t.line);
        self.block_depth -= 1;
        let is_generator = self.saw_yield;
        self.leave_body(saved);
        let body = body?;
        let end = stmts_end(body, self.end());
        let def = self.arena.alloc(FunctionDef { name, params, body, decorators, is_generator, returns });
        Ok(Stmt {
            line: t.line,
            column: t.column,
            end_line: end.0,
            end_column: end.1,
            kind: StmtKind::FunctionDef(def),
        })
    }

    fn class_def(&mut self, decorators: &'a [Expr<'a>]) -> PResult<Stmt<'a>> {
        let t = self.advance()?;
        let (name, _) = self.expect_name()?;
        let mut bases: &'a [Expr<'a>] = &[];
        if self.eat_op(Op::LPar)? {
            self.level += 1;
            let (args, keywords) = self.arguments(false)?;
            self.expect_op(Op::RPar)?;
            self.level -= 1;
            if let Some(k) = keywords.first() {
                return Err(self.not_implemented(
                    "keyword arguments in a class definition (metaclass=...) are not supported by mote",
                    (k.line, k.column),
                    end_of(k.value),
                ));
            }
            bases = args;
        }
        self.expect_colon()?;
        let saved = self.enter_body(Scope::Class, Vec::new());
        self.block_depth += 1;
        let body = self.block(Header::Class, t.line);
        self.block_depth -= 1;
        self.leave_body(saved);
        let body = body?;
        let end = stmts_end(body, self.end());
        let class = self.arena.alloc(super::ast::ClassDef { name, bases, body, decorators });
        Ok(Stmt { line: t.line, column: t.column, end_line: end.0, end_column: end.1, kind: StmtKind::ClassDef(class) })
    }

    /// A parameter list of a `def` (ending at `)`) or a `lambda` (ending at `:`).
    fn parameters(&mut self, lambda: bool) -> PResult<Parameters<'a>> {
        let at_end = |p: &Self| if lambda { p.at_op(Op::Colon) } else { p.at_op(Op::RPar) };
        let mut posonly: &'a [Param<'a>] = &[];
        let mut args = self.bvec();
        let mut kwonly = self.bvec();
        let mut vararg = None;
        let mut kwarg: Option<Param<'a>> = None;
        let mut star_seen = false;
        let mut slash_seen = false;
        let mut default_seen = false;
        let mut names: Vec<&'a str> = Vec::new();
        while !at_end(self) {
            let t = self.tok;
            match t.kind {
                TokenKind::Op(Op::Slash) => {
                    if slash_seen {
                        return Err(self.err_tok("/ may appear only once", t));
                    }
                    if star_seen {
                        return Err(self.err_tok("/ must be ahead of *", t));
                    }
                    if args.is_empty() {
                        return Err(self.invalid_syntax());
                    }
                    self.advance()?;
                    slash_seen = true;
                    posonly = core::mem::replace(&mut args, BVec::new_in(self.arena)).into_bump_slice();
                }
                TokenKind::Op(Op::Star) => {
                    if kwarg.is_some() {
                        return Err(self.err_tok("arguments cannot follow var-keyword argument", t));
                    }
                    if star_seen {
                        return Err(self.err_tok("* argument may appear only once", t));
                    }
                    self.advance()?;
                    star_seen = true;
                    if matches!(self.tok.kind, TokenKind::Name(_)) {
                        let p = self.param(lambda, &mut names)?;
                        if self.at_op(Op::Equal) {
                            return Err(self.err_tok("var-positional argument cannot have default value", self.tok));
                        }
                        vararg = Some(p);
                    } else {
                        let comma = self.at_op(Op::Comma);
                        let next = self.peek()?;
                        let named_follows = comma && matches!(next.kind, TokenKind::Name(_));
                        if !named_follows {
                            let bad_end = if lambda {
                                matches!(next.kind, TokenKind::Op(Op::Colon | Op::DoubleStar))
                            } else {
                                matches!(next.kind, TokenKind::Op(Op::RPar | Op::DoubleStar))
                            };
                            if at_end(self) || (comma && bad_end) {
                                let at = match (lambda, comma) {
                                    (false, _) => t,
                                    (true, false) => self.tok,
                                    (true, true) => next,
                                };
                                return Err(self.err_tok("named arguments must follow bare *", at));
                            }
                            if !comma {
                                return Err(self.invalid_syntax());
                            }
                        }
                    }
                }
                TokenKind::Op(Op::DoubleStar) => {
                    if kwarg.is_some() {
                        return Err(self.err_tok("arguments cannot follow var-keyword argument", t));
                    }
                    self.advance()?;
                    if !matches!(self.tok.kind, TokenKind::Name(_)) {
                        return Err(self.invalid_syntax());
                    }
                    let p = self.param(lambda, &mut names)?;
                    if self.at_op(Op::Equal) {
                        return Err(self.err_tok("var-keyword argument cannot have default value", self.tok));
                    }
                    kwarg = Some(p);
                }
                TokenKind::Name(_) => {
                    if kwarg.is_some() {
                        return Err(self.err_tok("arguments cannot follow var-keyword argument", t));
                    }
                    let mut p = self.param(lambda, &mut names)?;
                    if self.at_op(Op::Equal) {
                        let eq = self.advance()?;
                        if self.at_op(Op::Comma) || self.at_op(Op::RPar) {
                            return Err(self.err_tok("expected default value expression", eq));
                        }
                        p.default = Some(self.expression()?);
                    }
                    if star_seen {
                        kwonly.push(p);
                    } else {
                        if p.default.is_some() {
                            default_seen = true;
                        } else if default_seen {
                            return Err(self.err_tok("non-default argument follows default argument", t));
                        }
                        args.push(p);
                    }
                }
                TokenKind::Op(Op::LPar) if !lambda => {
                    self.advance()?;
                    while matches!(self.tok.kind, TokenKind::Name(_) | TokenKind::Op(Op::Comma)) {
                        self.advance()?;
                    }
                    if self.at_op(Op::RPar) {
                        return Err(self.err(
                            "Function parameters cannot be parenthesized",
                            (t.line, t.column),
                            (self.tok.end_line, self.tok.end_column),
                        ));
                    }
                    return Err(self.invalid_syntax());
                }
                _ => return Err(self.invalid_syntax()),
            }
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        Ok(Parameters { posonly, args: args.into_bump_slice(), vararg, kwonly: kwonly.into_bump_slice(), kwarg })
    }

    /// A parameter name (with its annotation in a `def`); reports duplicates.
    fn param(&mut self, lambda: bool, names: &mut Vec<&'a str>) -> PResult<Param<'a>> {
        let (name, t) = self.expect_name()?;
        if names.contains(&name) {
            let e = self.err_tok(format!("duplicate argument '{name}' in function definition"), t);
            self.defer(Phase::Symtable, e);
        }
        names.push(name);
        let mut annotation = None;
        if !lambda && self.eat_op(Op::Colon)? {
            if self.eat_op(Op::Star)? {
                self.bitwise_or()?;
            } else {
                annotation = Some(self.expression()?);
            }
        }
        Ok(Param { name, default: None, annotation, line: t.line, column: t.column })
    }

    // ------------------------------------------------------------ expressions

    /// `star_expressions`: a bare tuple where there is a comma.
    fn star_expressions(&mut self) -> PResult<&'a Expr<'a>> {
        Ok(self.star_expressions_info()?.0)
    }

    /// `star_expressions`, also saying whether the result is a tuple without parentheses and
    /// which token began its last element.
    fn star_expressions_info(&mut self) -> PResult<(&'a Expr<'a>, bool, Token<'a>)> {
        let start = self.start();
        let mut last_first = self.tok;
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok((first, false, last_first));
        }
        let mut items = self.bvec();
        items.push(*first);
        while self.eat_op(Op::Comma)? {
            if !self.starts_star_expression() {
                break;
            }
            last_first = self.tok;
            items.push(*self.star_expression()?);
        }
        Ok((self.node(start, ExprKind::Tuple(items.into_bump_slice())), true, last_first))
    }

    fn star_expression(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op(Op::Star) {
            return self.starred_bitwise_or();
        }
        self.expression()
    }

    fn star_named_expression(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op(Op::Star) {
            return self.starred_bitwise_or();
        }
        self.named_expression(true)
    }

    /// `*value` with `value` a bitwise_or, the current token the `*`.
    fn starred_bitwise_or(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance()?;
        let value = self.bitwise_or()?;
        Ok(self.node(start, ExprKind::Starred(value)))
    }

    // The functions from `named_expression` to `group` are the recursive path of nested
    // expressions: they stay small (one call and a check for the common case) and leave
    // everything else to helpers that are not on the stack while descending.

    /// `named_expression`: an expression where `:=` could stand. `assign_check` reports a
    /// misplaced `=` the way CPython does (off in call arguments, where `=` is a keyword).
    fn named_expression(&mut self, assign_check: bool) -> PResult<&'a Expr<'a>> {
        if matches!(self.tok.kind, TokenKind::Name(_)) {
            self.check_walrus()?;
        }
        let first = self.tok;
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) || (assign_check && self.at_op(Op::Equal) && self.no_invalid == 0) {
            return Err(self.named_expression_error(e, first));
        }
        Ok(e)
    }

    #[inline(never)]
    fn check_walrus(&mut self) -> PResult<()> {
        let next = self.peek()?;
        if next.kind == TokenKind::Op(Op::ColonEqual) {
            return Err(self.not_implemented(
                "assignment expressions (':=') are not supported by mote",
                self.start(),
                (next.end_line, next.end_column),
            ));
        }
        Ok(())
    }

    /// `e :=` (with `e` not a name) or `e =` where no assignment may stand.
    #[inline(never)]
    fn named_expression_error(&mut self, e: &Expr<'a>, first: Token<'a>) -> Box<SyntaxError> {
        if self.at_op(Op::ColonEqual) {
            return self.err_expr(format!("cannot use assignment expressions with {}", e.describe()), e);
        }
        self.misplaced_assignment(e, first)
    }

    /// CPython's `invalid_named_expression` for `e =` where no assignment may stand.
    #[inline(never)]
    fn misplaced_assignment(&mut self, e: &Expr<'a>, first: Token<'a>) -> Box<SyntaxError> {
        let generic = self.invalid_syntax();
        let wrapped = end_of(e) != self.end();
        let bare_name = matches!(e.kind, ExprKind::Name(_)) && matches!(first.kind, TokenKind::Name(_));
        let alt3 = !bare_name && (wrapped || is_bitwise_or(e)) && !starts_with_display(e, &first);
        if !(bare_name || alt3) || self.advance().is_err() || !self.starts_bitwise_or() {
            return generic;
        }
        self.no_invalid += 1;
        let value = self.bitwise_or();
        self.no_invalid -= 1;
        self.field_error_done = false;
        let Ok(value) = value else { return generic };
        if self.at_op(Op::Equal) || self.at_op(Op::ColonEqual) {
            return generic;
        }
        if bare_name {
            return self.err(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                start_of(e),
                end_of(value),
            );
        }
        self.err_expr(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", e.describe()), e)
    }

    /// `expression`: a lambda, a conditional expression, or a disjunction.
    fn expression(&mut self) -> PResult<&'a Expr<'a>> {
        self.enter()?;
        let result = if self.at_kw(Kw::Lambda) {
            self.lambda()
        } else {
            let start = self.start();
            let first_name = match self.tok.kind {
                TokenKind::Name(name) => Some(name),
                _ => None,
            };
            match self.disjunction() {
                Ok(body) if self.at_kw(Kw::If) => self.conditional(body, start),
                Ok(body) if self.no_invalid == 0 && self.starts_expression() => Err(self.juxtaposed(body, first_name)),
                Err(e) if self.empty_subscript => Err(self.empty_subscript_error(e, start)),
                other => other,
            }
        };
        self.leave();
        result
    }

    /// `body if test else orelse`, the current token the `if`.
    #[inline(never)]
    fn conditional(&mut self, body: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        self.advance()?;
        let test = self.disjunction()?;
        if !self.at_kw(Kw::Else) {
            if self.at_op(Op::Colon) || self.no_invalid > 0 {
                return Err(self.invalid_syntax());
            }
            return Err(self.err("expected 'else' after 'if' expression", start_of(body), end_of(test)));
        }
        self.advance()?;
        let orelse = self.expression()?;
        Ok(self.node(start, ExprKind::IfExp { test, body, orelse }))
    }

    /// CPython's `invalid_expression` and `invalid_legacy_expression`: an expression `a`
    /// (whose first token was the name `first_name`, if a name) followed directly by another
    /// one (`print "x"`, `f(a b)`). Without a more precise message, "invalid syntax" at the
    /// second expression.
    #[inline(never)]
    fn juxtaposed(&mut self, a: &Expr<'a>, first_name: Option<&'a str>) -> Box<SyntaxError> {
        if let (ExprKind::Name(name @ ("print" | "exec")), Some(_)) = (a.kind, first_name) {
            let generic = self.invalid_syntax();
            self.no_invalid += 1;
            let b = self.star_expressions();
            self.no_invalid -= 1;
            return match b {
                Ok(b) => {
                    let message = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                    self.err(message, start_of(a), end_of(b))
                }
                Err(e) if self.tokenizer_error.is_some() => e,
                Err(_) => generic,
            };
        }
        let name_string = first_name.is_some()
            && matches!(a.kind, ExprKind::Name(_))
            && matches!(self.tok.kind, TokenKind::Str(_) | TokenKind::FString(_));
        let soft_keyword = matches!(first_name, Some("match" | "case" | "_"));
        if self.level == 0 || name_string || soft_keyword {
            // CPython still reads the second expression, so errors of its tokenizer there win.
            let generic = self.invalid_syntax();
            self.no_invalid += 1;
            let b = self.expression();
            self.no_invalid -= 1;
            return match b {
                Err(e) if self.tokenizer_error.is_some() => e,
                _ => generic,
            };
        }
        // Without a second expression, the error is where CPython's first pass stopped: at
        // `x` in `(a not x)`, where it looked for `not in`.
        let generic = match (self.tok.kind, self.peek()) {
            (TokenKind::Keyword(Kw::Not), Ok(next)) => self.err_tok("invalid syntax", next),
            _ => self.invalid_syntax(),
        };
        self.no_invalid += 1;
        let b = self.expression();
        self.no_invalid -= 1;
        match b {
            Ok(b) => self.err("invalid syntax. Perhaps you forgot a comma?", start_of(a), end_of(b)),
            Err(e) if self.tokenizer_error.is_some() => e,
            Err(_) => generic,
        }
    }

    /// `(a[])`: CPython backtracks from the failed subscript and sees the expression up to
    /// `a` followed by another, `[]` (the current token the `[`).
    #[inline(never)]
    fn empty_subscript_error(&mut self, error: Box<SyntaxError>, start: Pos) -> Box<SyntaxError> {
        self.empty_subscript = false;
        self.no_invalid += 1;
        let b = self.expression();
        self.no_invalid -= 1;
        match b {
            Ok(b) => self.err("invalid syntax. Perhaps you forgot a comma?", start, end_of(b)),
            Err(_) => error,
        }
    }

    /// `or`/`and` of inversions.
    fn disjunction(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let first = self.inversion()?;
        if self.at_kw(Kw::And) || self.at_kw(Kw::Or) {
            return self.bool_operators(first, start);
        }
        Ok(first)
    }

    #[inline(never)]
    fn bool_operators(&mut self, first: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        let first = self.conjunction(first, start)?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        let mut values = self.bvec();
        values.push(*first);
        while self.eat_kw(Kw::Or)? {
            let operand_start = self.start();
            let operand = self.inversion()?;
            values.push(*self.conjunction(operand, operand_start)?);
        }
        Ok(self.node(start, ExprKind::BoolOp { op: BoolOp::Or, values: values.into_bump_slice() }))
    }

    /// `first and ...` (just `first` without an `and`).
    #[inline(never)]
    fn conjunction(&mut self, first: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        let mut values = self.bvec();
        values.push(*first);
        while self.eat_kw(Kw::And)? {
            values.push(*self.inversion()?);
        }
        Ok(self.node(start, ExprKind::BoolOp { op: BoolOp::And, values: values.into_bump_slice() }))
    }

    /// `not x`, or a comparison.
    fn inversion(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_kw(Kw::Not) {
            return self.not_expression();
        }
        let start = self.start();
        let left = self.bitwise_or()?;
        if self.at_comparison() {
            return self.comparison(left, start);
        }
        Ok(left)
    }

    #[inline(never)]
    fn not_expression(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance()?;
        self.enter()?;
        let operand = self.inversion();
        self.leave();
        let operand = operand?;
        Ok(self.node(start, ExprKind::UnaryOp { op: UnaryOp::Not, operand }))
    }

    fn at_comparison(&self) -> bool {
        match self.tok.kind {
            TokenKind::Op(op) => {
                matches!(op, Op::EqEqual | Op::NotEqual | Op::Less | Op::LessEqual | Op::Greater | Op::GreaterEqual)
            }
            TokenKind::Keyword(k) => matches!(k, Kw::In | Kw::Is | Kw::Not),
            _ => false,
        }
    }

    /// The comparison operators and operands after `left`.
    #[inline(never)]
    fn comparison(&mut self, left: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        let mut ops = self.bvec();
        let mut comparators = self.bvec();
        loop {
            let op = match self.tok.kind {
                TokenKind::Op(Op::EqEqual) => CmpOp::Eq,
                TokenKind::Op(Op::NotEqual) => CmpOp::NotEq,
                TokenKind::Op(Op::Less) => {
                    let next = self.peek()?;
                    if next.kind == TokenKind::Op(Op::Greater)
                        && (next.line, next.column) == (self.tok.end_line, self.tok.end_column)
                    {
                        return Err(self.err("invalid syntax", self.start(), (next.end_line, next.end_column)));
                    }
                    CmpOp::Lt
                }
                TokenKind::Op(Op::LessEqual) => CmpOp::LtE,
                TokenKind::Op(Op::Greater) => CmpOp::Gt,
                TokenKind::Op(Op::GreaterEqual) => CmpOp::GtE,
                TokenKind::Keyword(Kw::In) => CmpOp::In,
                TokenKind::Keyword(Kw::Is) => {
                    if self.peek()?.kind == TokenKind::Keyword(Kw::Not) {
                        self.advance()?;
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                TokenKind::Keyword(Kw::Not) => {
                    if self.peek()?.kind == TokenKind::Keyword(Kw::In) {
                        self.advance()?;
                        CmpOp::NotIn
                    } else if self.level > 0 && self.no_invalid == 0 {
                        // `f(a not b)`: the juxtaposition check reports it.
                        break;
                    } else {
                        self.advance()?;
                        return Err(self.invalid_syntax());
                    }
                }
                _ => break,
            };
            self.advance()?;
            ops.push(op);
            comparators.push(*self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let kind = ExprKind::Compare { left, ops: ops.into_bump_slice(), comparators: comparators.into_bump_slice() };
        Ok(self.node(start, kind))
    }

    fn bitwise_or(&mut self) -> PResult<&'a Expr<'a>> {
        self.binary(1)
    }

    /// The binary operator at the current token if its precedence is at least `min`:
    /// `|` 1, `^` 2, `&` 3, shifts 4, `+ -` 5, `* / // % @` 6, all left-associative.
    fn binary_operator(&self, min: u8) -> Option<(BinOp, u8)> {
        let TokenKind::Op(op) = self.tok.kind else { return None };
        binop_for(op).filter(|&(_, prec)| prec >= min)
    }

    /// Binary operators of precedence `min` and above, by precedence climbing.
    fn binary(&mut self, min: u8) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let left = self.factor()?;
        if self.binary_operator(min).is_some() {
            return self.binary_operators(left, min, start);
        }
        Ok(left)
    }

    #[inline(never)]
    fn binary_operators(&mut self, mut left: &'a Expr<'a>, min: u8, start: Pos) -> PResult<&'a Expr<'a>> {
        self.note_target_stop();
        while let Some((op, prec)) = self.binary_operator(min) {
            self.advance()?;
            let right = if prec == 6 { self.factor()? } else { self.binary(prec + 1)? };
            left = self.node(start, ExprKind::BinOp { left, op, right });
        }
        Ok(left)
    }

    /// Unary `+ - ~`, then `**` and `await` (CPython's `factor`, `power`, `await_primary`).
    fn factor(&mut self) -> PResult<&'a Expr<'a>> {
        if matches!(self.tok.kind, TokenKind::Op(Op::Plus | Op::Minus | Op::Tilde)) {
            return self.unary();
        }
        let start = self.start();
        let base = if self.at_kw(Kw::Await) { self.await_expression()? } else { self.primary()? };
        if self.at_op(Op::DoubleStar) {
            return self.power(base, start);
        }
        Ok(base)
    }

    #[inline(never)]
    fn unary(&mut self) -> PResult<&'a Expr<'a>> {
        self.note_target_stop();
        let op = match self.tok.kind {
            TokenKind::Op(Op::Plus) => UnaryOp::Pos,
            TokenKind::Op(Op::Minus) => UnaryOp::Neg,
            _ => UnaryOp::Invert,
        };
        let start = self.start();
        self.advance()?;
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(self.node(start, ExprKind::UnaryOp { op, operand }))
    }

    /// `base ** exponent`, the current token the `**` (right-associative, the exponent a
    /// factor: `2 ** -1`).
    #[inline(never)]
    fn power(&mut self, base: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        self.note_target_stop();
        self.advance()?;
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let exponent = exponent?;
        Ok(self.node(start, ExprKind::BinOp { left: base, op: BinOp::Pow, right: exponent }))
    }

    #[inline(never)]
    fn await_expression(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance()?;
        let value = self.primary()?;
        // Without `async def` there is no place where `await` is allowed.
        let message = if self.in_function() { "'await' outside async function" } else { "'await' outside function" };
        let e = self.err(message, start, end_of(value));
        self.defer(Phase::Compile, e);
        Ok(value)
    }

    fn primary(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let e = self.atom()?;
        if matches!(self.tok.kind, TokenKind::Op(Op::Dot | Op::LPar | Op::LSqb)) {
            return self.trailers(e, start);
        }
        Ok(e)
    }

    /// Attributes, calls and subscripts after `e`.
    #[inline(never)]
    fn trailers(&mut self, mut e: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        loop {
            match self.tok.kind {
                TokenKind::Op(Op::Dot) => {
                    self.advance()?;
                    let (attr, _) = self.expect_name()?;
                    e = self.node(start, ExprKind::Attribute { value: e, attr });
                }
                TokenKind::Op(Op::LPar) => e = self.call(e, start)?,
                TokenKind::Op(Op::LSqb) => e = self.subscript(e, start)?,
                _ => return Ok(e),
            }
        }
    }

    fn atom(&mut self) -> PResult<&'a Expr<'a>> {
        match self.tok.kind {
            TokenKind::Op(Op::LPar) => self.group(Close::Paren),
            TokenKind::Op(Op::LSqb) => self.list_display(),
            TokenKind::Op(Op::LBrace) => self.brace_display(),
            TokenKind::Str(_) | TokenKind::FString(_) => self.strings(),
            _ => self.simple_atom(),
        }
    }

    #[inline(never)]
    fn simple_atom(&mut self) -> PResult<&'a Expr<'a>> {
        let t = self.tok;
        let kind = match t.kind {
            TokenKind::Name(name) => ExprKind::Name(name),
            TokenKind::Int(v) => ExprKind::Int(v),
            TokenKind::Float(v) => ExprKind::Float(v),
            TokenKind::Keyword(Kw::None) => ExprKind::None,
            TokenKind::Keyword(Kw::True) => ExprKind::True,
            TokenKind::Keyword(Kw::False) => ExprKind::False,
            TokenKind::Op(Op::Ellipsis) => ExprKind::Ellipsis,
            _ => return Err(self.invalid_syntax()),
        };
        self.advance()?;
        Ok(self.node((t.line, t.column), kind))
    }

    /// `( ... )` (the current token the `(`) or the inside of an f-string field (the whole
    /// field): an empty tuple, a yield, a group, a tuple or a generator expression.
    fn group(&mut self, close: Close) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        if close == Close::Paren {
            self.advance()?;
            self.level += 1;
        }
        if self.at_close(close) || self.at_kw(Kw::Yield) || self.at_op(Op::DoubleStar) {
            return self.group_special(start, close);
        }
        let mark = self.yield_sites.len();
        let first = self.star_named_expression()?;
        self.group_rest(start, close, first, mark)
    }

    fn at_close(&self, close: Close) -> bool {
        match close {
            Close::Paren => self.at_op(Op::RPar),
            Close::Field => matches!(self.tok.kind, TokenKind::EndMarker),
        }
    }

    fn expect_close(&mut self, close: Close) -> PResult<()> {
        if !self.at_close(close) {
            return Err(self.invalid_syntax());
        }
        if close == Close::Paren {
            self.advance()?;
            self.level -= 1;
        }
        Ok(())
    }

    /// `()`, `(yield ...)`, `(**x)`.
    #[inline(never)]
    fn group_special(&mut self, start: Pos, close: Close) -> PResult<&'a Expr<'a>> {
        if self.at_close(close) {
            self.expect_close(close)?;
            return Ok(self.node(start, ExprKind::Tuple(&[])));
        }
        if self.at_kw(Kw::Yield) {
            let y = self.yield_expr()?;
            self.expect_close(close)?;
            return Ok(y);
        }
        let star = self.advance()?;
        let at_star = self.err_tok("invalid syntax", star);
        let value = self.expression()?;
        if !self.at_close(close) {
            return Err(at_star);
        }
        Err(self.err("cannot use double starred expression here", (star.line, star.column), end_of(value)))
    }

    /// A group, tuple or generator expression after its first element.
    #[inline(never)]
    fn group_rest(&mut self, start: Pos, close: Close, first: &'a Expr<'a>, mark: usize) -> PResult<&'a Expr<'a>> {
        let start = if close == Close::Field { start_of(first) } else { start };
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            let generators = self.comprehension("generator expression", first, mark)?;
            self.expect_close(close)?;
            let node = self.node(start, ExprKind::GeneratorExp { elt: first, generators });
            self.finish_comprehension(node)?;
            return Ok(node);
        }
        if self.at_op(Op::Comma) {
            let mut items = self.bvec();
            items.push(*first);
            while self.eat_op(Op::Comma)? {
                if self.at_close(close) {
                    break;
                }
                items.push(*self.star_named_expression()?);
            }
            self.expect_close(close)?;
            return Ok(self.node(start, ExprKind::Tuple(items.into_bump_slice())));
        }
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(self.err_expr("cannot use starred expression here", first));
        }
        self.expect_close(close)?;
        Ok(first)
    }

    #[inline(never)]
    fn list_display(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance()?;
        self.level += 1;
        if self.at_op(Op::RSqb) {
            return self.close_display(start, Op::RSqb);
        }
        let mark = self.yield_sites.len();
        let first = self.star_named_expression()?;
        self.list_rest(start, first, mark)
    }

    /// `[]`, `{}` (the closing token current).
    #[inline(never)]
    fn close_display(&mut self, start: Pos, close: Op) -> PResult<&'a Expr<'a>> {
        self.advance()?;
        self.level -= 1;
        let kind = if close == Op::RSqb { ExprKind::List(&[]) } else { ExprKind::Dict(&[]) };
        Ok(self.node(start, kind))
    }

    /// Consumes the closing bracket of a display.
    fn expect_bracket(&mut self, close: Op) -> PResult<()> {
        self.expect_op(close)?;
        self.level -= 1;
        Ok(())
    }

    #[inline(never)]
    fn list_rest(&mut self, start: Pos, first: &'a Expr<'a>, mark: usize) -> PResult<&'a Expr<'a>> {
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            let generators = self.comprehension("list comprehension", first, mark)?;
            self.expect_bracket(Op::RSqb)?;
            let node = self.node(start, ExprKind::ListComp { elt: first, generators });
            self.finish_comprehension(node)?;
            return Ok(node);
        }
        let items = self.display_items(first, Op::RSqb, "list comprehension")?;
        Ok(self.node(start, ExprKind::List(items)))
    }

    /// The items of a list or set display after its first, through the closing bracket;
    /// `[a, b for ...]` is the missing-parentheses error of a `what`.
    fn display_items(&mut self, first: &'a Expr<'a>, close: Op, what: &'static str) -> PResult<&'a [Expr<'a>]> {
        let mut items = self.bvec();
        items.push(*first);
        while self.eat_op(Op::Comma)? {
            if self.at_op(close) {
                break;
            }
            if !self.at_kw(Kw::For) {
                items.push(*self.star_named_expression()?);
            }
            if self.at_kw(Kw::For) {
                let end = if items.len() == 1 { self.end() } else { items.last().map_or(self.end(), end_of) };
                return Err(self.unparenthesized_comprehension_target(first, end, what));
            }
        }
        self.expect_bracket(close)?;
        Ok(items.into_bump_slice())
    }

    #[inline(never)]
    fn brace_display(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance()?;
        self.level += 1;
        if self.at_op(Op::RBrace) {
            return self.close_display(start, Op::RBrace);
        }
        if self.at_op(Op::DoubleStar) {
            return self.dict_unpacking_first(start);
        }
        let mark = self.yield_sites.len();
        let first = self.star_named_expression()?;
        self.brace_rest(start, first, mark)
    }

    /// `{**m, ...}`, the current token the `**`.
    #[inline(never)]
    fn dict_unpacking_first(&mut self, start: Pos) -> PResult<&'a Expr<'a>> {
        let star = self.advance()?;
        let value = self.bitwise_or()?;
        if self.at_kw(Kw::For) {
            return Err(self.err(
                "dict unpacking cannot be used in dict comprehension",
                (star.line, star.column),
                end_of(value),
            ));
        }
        let mut items = self.bvec();
        items.push(DictItem { key: None, value });
        self.dict_rest(start, items)
    }

    /// A dict, set, or their comprehensions after the first element.
    #[inline(never)]
    fn brace_rest(&mut self, start: Pos, first: &'a Expr<'a>, mark: usize) -> PResult<&'a Expr<'a>> {
        if self.at_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
            self.advance()?;
            let value = self.dict_value()?;
            if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                let generators = self.comprehension("dict comprehension", first, mark)?;
                self.expect_bracket(Op::RBrace)?;
                let node = self.node(start, ExprKind::DictComp { key: first, value, generators });
                self.finish_comprehension(node)?;
                return Ok(node);
            }
            let mut items = self.bvec();
            items.push(DictItem { key: Some(first), value });
            return self.dict_rest(start, items);
        }
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            let generators = self.comprehension("set comprehension", first, mark)?;
            self.expect_bracket(Op::RBrace)?;
            let node = self.node(start, ExprKind::SetComp { elt: first, generators });
            self.finish_comprehension(node)?;
            return Ok(node);
        }
        let elts = self.display_items(first, Op::RBrace, "set comprehension")?;
        Ok(self.node(start, ExprKind::Set(elts)))
    }

    /// `[a, b for ...]`: the comprehension's clauses are parsed (their errors win), then the
    /// missing parentheses reported from `first` to `end`.
    #[inline(never)]
    fn unparenthesized_comprehension_target(
        &mut self,
        first: &'a Expr<'a>,
        end: Pos,
        what: &'static str,
    ) -> Box<SyntaxError> {
        let at_for = self.invalid_syntax();
        let mark = self.yield_sites.len();
        match self.comprehension_clauses(what, mark) {
            Ok(_) => self.err("did you forget parentheses around the comprehension target?", start_of(first), end),
            Err(e) if e.message != "invalid syntax" || self.tokenizer_error.is_some() => e,
            Err(_) => at_for,
        }
    }

    /// A dictionary value after `key:`.
    #[inline(never)]
    fn dict_value(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
            return Err(self.err_tok("expression expected after dictionary key and ':'", self.prev));
        }
        if self.at_op(Op::Star) {
            let star = self.advance()?;
            let value = self.bitwise_or()?;
            return Err(self.err(
                "cannot use a starred expression in a dictionary value",
                (star.line, star.column),
                end_of(value),
            ));
        }
        self.expression()
    }

    /// The items of a dict display after the first one.
    #[inline(never)]
    fn dict_rest(&mut self, start: Pos, mut items: BVec<'a, DictItem<'a>>) -> PResult<&'a Expr<'a>> {
        while self.eat_op(Op::Comma)? {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar)? {
                let value = self.bitwise_or()?;
                items.push(DictItem { key: None, value });
                continue;
            }
            self.no_invalid += 1;
            let key = self.expression();
            self.no_invalid -= 1;
            let key = key?;
            if !self.at_op(Op::Colon) {
                let column = key.end_column.saturating_sub(1).max(1);
                return Err(self.err("':' expected after dictionary key", (key.line, column), (key.line, 0)));
            }
            self.advance()?;
            let value = self.dict_value()?;
            items.push(DictItem { key: Some(key), value });
        }
        self.expect_bracket(Op::RBrace)?;
        Ok(self.node(start, ExprKind::Dict(items.into_bump_slice())))
    }

    /// The `for ... in ... if ...` clauses after the element `elt` of a comprehension; `mark`
    /// is where the yield sites of the element begin.
    #[inline(never)]
    fn comprehension(&mut self, what: &'static str, elt: &Expr<'a>, mark: usize) -> PResult<&'a [Comprehension<'a>]> {
        if let ExprKind::Starred(_) = elt.kind {
            return Err(self.err_expr("iterable unpacking cannot be used in comprehension", elt));
        }
        self.comprehension_clauses(what, mark)
    }

    /// Refuses an `async for` in the comprehension just built: a SyntaxError outside an
    /// `async def` except in a generator expression (valid, but mote has no async).
    fn finish_comprehension(&mut self, node: &'a Expr<'a>) -> PResult<()> {
        if !core::mem::take(&mut self.async_comprehension) {
            return Ok(());
        }
        if let ExprKind::GeneratorExp { .. } = node.kind {
            return Err(self.not_implemented(
                "asynchronous generator expressions are not supported by mote",
                start_of(node),
                end_of(node),
            ));
        }
        let e = self.err_expr("asynchronous comprehension outside of an asynchronous function", node);
        self.defer(Phase::Compile, e);
        Ok(())
    }

    /// The clauses of a comprehension; `mark` is where the yield sites of its element begin.
    fn comprehension_clauses(&mut self, what: &'static str, mark: usize) -> PResult<&'a [Comprehension<'a>]> {
        let mut inside: Option<(Pos, Pos)> = self.yield_sites.get(mark).copied();
        let mut generators = self.bvec();
        let mut first = true;
        while self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if self.eat_kw(Kw::Async)? {
                self.async_comprehension = true;
                if !self.at_kw(Kw::For) {
                    return Err(self.invalid_syntax());
                }
            }
            self.advance()?;
            let target = self.for_target()?;
            self.advance()?;
            let before = self.yield_sites.len();
            let iter = self.disjunction()?;
            if !first && inside.is_none() {
                inside = self.yield_sites.get(before).copied();
            }
            let mut ifs = self.bvec();
            while self.at_kw(Kw::If) {
                self.advance()?;
                let before = self.yield_sites.len();
                ifs.push(*self.disjunction()?);
                if inside.is_none() {
                    inside = self.yield_sites.get(before).copied();
                }
            }
            self.check_store_target(target);
            generators.push(Comprehension { target, iter, ifs: ifs.into_bump_slice() });
            first = false;
        }
        if let Some((s, e)) = inside {
            let err = self.err(format!("'yield' inside {what}"), s, e);
            self.defer(Phase::Symtable, err);
        }
        Ok(generators.into_bump_slice())
    }

    /// The target of a `for` (statement or comprehension), up to the `in` (not consumed).
    /// Targets are parsed as expressions and then checked, as CPython's second pass does; a
    /// plain syntax error is reported where a target proper would have ended (at `+` in
    /// `for a + in b`), as CPython's first pass does.
    fn for_target(&mut self) -> PResult<&'a Expr<'a>> {
        let outer_mode = core::mem::replace(&mut self.target_mode, true);
        let outer_stop = self.target_stop.take();
        let target = self.star_targets();
        self.target_mode = outer_mode;
        let stop = core::mem::replace(&mut self.target_stop, outer_stop);
        let generic = |p: &Self, e: Box<SyntaxError>| match stop {
            Some(t) if e.message == "invalid syntax" && p.tokenizer_error.is_none() => p.err_tok("invalid syntax", t),
            _ => e,
        };
        let target = match target {
            Ok(target) => target,
            Err(e) => return Err(generic(self, e)),
        };
        if let Some(e) = self.store_target_error(target) {
            return Err(e);
        }
        if !self.at_kw(Kw::In) {
            // `for a b in c` inside brackets: the last element and what follows it.
            let last = match &target.kind {
                ExprKind::Tuple(items) if start_of(target) == items.first().map_or((0, 0), start_of) => {
                    items.last().unwrap_or(target)
                }
                _ => target,
            };
            if self.starts_expression() && self.no_invalid == 0 && self.level > 0 && stop.is_none() {
                let first_name = match last.kind {
                    ExprKind::Name(name) => Some(name),
                    _ => None,
                };
                return Err(self.juxtaposed(last, first_name));
            }
            return Err(generic(self, self.invalid_syntax()));
        }
        Ok(target)
    }

    /// Notes where a `for` target proper ends: at the first operator outside brackets.
    fn note_target_stop(&mut self) {
        if self.target_mode && self.target_stop.is_none() {
            self.target_stop = Some(self.tok);
        }
    }

    /// `star_targets` of a `for`: bitwise_or-level elements, so that `in` ends them.
    fn star_targets(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let first = self.star_target()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut items = self.bvec();
        items.push(*first);
        while self.eat_op(Op::Comma)? {
            if !self.starts_star_expression() {
                break;
            }
            items.push(*self.star_target()?);
        }
        Ok(self.node(start, ExprKind::Tuple(items.into_bump_slice())))
    }

    fn star_target(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.advance()?;
            if self.at_op(Op::Star) {
                return Err(self.invalid_syntax());
            }
            let value = self.bitwise_or()?;
            return Ok(self.node(start, ExprKind::Starred(value)));
        }
        self.bitwise_or()
    }

    #[inline(never)]
    fn yield_expr(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance()?;
        let kind = if self.eat_kw(Kw::From)? {
            ExprKind::YieldFrom(self.expression()?)
        } else if self.starts_star_expression() {
            let value = self.star_expressions()?;
            self.check_value(value);
            ExprKind::Yield(Some(value))
        } else {
            ExprKind::Yield(None)
        };
        let e = self.node(start, kind);
        self.yield_sites.push((start, end_of(e)));
        if self.in_function() {
            self.saw_yield = true;
        } else {
            let err = self.err_expr("'yield' outside function", e);
            self.defer(Phase::Compile, err);
        }
        Ok(e)
    }

    #[inline(never)]
    fn lambda(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        // The lambda is built with a placeholder body so that only a reference to it stays
        // on the stack while the body (which may nest lambdas) is parsed.
        let lambda = self.lambda_head()?;
        let outer_yield = core::mem::replace(&mut self.saw_yield, false);
        self.lambda_depth += 1;
        let body = self.expression();
        self.lambda_depth -= 1;
        lambda.is_generator = core::mem::replace(&mut self.saw_yield, outer_yield);
        lambda.body = body?;
        Ok(self.node(start, ExprKind::Lambda(lambda)))
    }

    /// `lambda params:`, the current token the `lambda`.
    #[inline(never)]
    fn lambda_head(&mut self) -> PResult<&'a mut Lambda<'a>> {
        let placeholder = self.node(self.start(), ExprKind::None);
        self.advance()?;
        let params = self.parameters(true)?;
        self.expect_op(Op::Colon)?;
        Ok(self.arena.alloc(Lambda { params, body: placeholder, is_generator: false }))
    }

    #[inline(never)]
    fn call(&mut self, func: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        let open = self.advance()?;
        self.level += 1;
        let target_mode = core::mem::replace(&mut self.target_mode, false);
        let arguments = self.arguments(true);
        self.target_mode = target_mode;
        let (args, keywords) = arguments?;
        self.expect_bracket(Op::RPar)?;
        Ok(self.finish_call(func, start, (open.line, open.column), args, keywords))
    }

    #[inline(never)]
    fn finish_call(
        &mut self,
        func: &'a Expr<'a>,
        start: Pos,
        open: Pos,
        mut args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> &'a Expr<'a> {
        // A generator expression as the sole argument spans the call's parentheses.
        if let [only @ Expr { kind: ExprKind::GeneratorExp { .. }, .. }] = args {
            if keywords.is_empty() && start_of(only) == open {
                let mut g = *only;
                g.end_line = self.prev.end_line;
                g.end_column = self.prev.end_column;
                args = core::slice::from_ref(self.arena.alloc(g));
            }
        }
        self.node(start, ExprKind::Call { func, args, keywords })
    }

    /// Call arguments (also class bases), up to the closing `)`.
    fn arguments(&mut self, allow_genexp: bool) -> PResult<(&'a [Expr<'a>], &'a [Keyword<'a>])> {
        let open = (self.prev.line, self.prev.column);
        let mut state =
            Arguments { args: self.bvec(), keywords: self.bvec(), seen_keyword: false, seen_double_star: false };
        while !self.at_op(Op::RPar) {
            if self.at_positional_argument()? {
                let mark = self.yield_sites.len();
                let e = self.named_expression(false)?;
                if self.positional_argument(&mut state, e, mark, allow_genexp, open)? {
                    break;
                }
            } else {
                self.other_argument(&mut state)?;
            }
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        Ok((state.args.into_bump_slice(), state.keywords.into_bump_slice()))
    }

    /// Whether the current argument is a positional one (not `*x`, `**x` or `name=x`).
    fn at_positional_argument(&mut self) -> PResult<bool> {
        Ok(match self.tok.kind {
            TokenKind::Op(Op::Star | Op::DoubleStar) => false,
            TokenKind::Name(_) | TokenKind::Keyword(Kw::True | Kw::False | Kw::None) => {
                self.peek()?.kind != TokenKind::Op(Op::Equal)
            }
            _ => true,
        })
    }

    /// Checks and records positional argument `e`; true if it was a generator expression
    /// (which ends the arguments).
    #[inline(never)]
    fn positional_argument(
        &mut self,
        state: &mut Arguments<'a>,
        e: &'a Expr<'a>,
        mark: usize,
        allow_genexp: bool,
        open: Pos,
    ) -> PResult<bool> {
        if self.at_op(Op::Equal) {
            return Err(self.err(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                start_of(e),
                (self.tok.end_line, self.tok.end_column),
            ));
        }
        if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
            if !allow_genexp {
                return Err(self.invalid_syntax());
            }
            let generators = self.comprehension("generator expression", e, mark)?;
            let first = state.args.is_empty() && state.keywords.is_empty();
            if !(first && self.at_op(Op::RPar)) {
                if first && !self.at_op(Op::Comma) {
                    return Err(self.invalid_syntax());
                }
                return Err(self.err("Generator expression must be parenthesized", start_of(e), self.end()));
            }
            let node = self.node(open, ExprKind::GeneratorExp { elt: e, generators });
            self.finish_comprehension(node)?;
            state.args.push(*node);
            return Ok(true);
        }
        // CPython reports these at the token after the argument.
        if state.seen_double_star {
            return Err(self.err_tok("positional argument follows keyword argument unpacking", self.tok));
        }
        if state.seen_keyword {
            return Err(self.err_tok("positional argument follows keyword argument", self.tok));
        }
        state.args.push(*e);
        Ok(false)
    }

    /// `*x`, `**x` or `name=x` in a call.
    #[inline(never)]
    fn other_argument(&mut self, state: &mut Arguments<'a>) -> PResult<()> {
        let t = self.advance()?;
        match t.kind {
            TokenKind::Op(Op::Star) => {
                let value = self.expression()?;
                if state.seen_double_star {
                    return Err(self.err_tok("iterable argument unpacking follows keyword argument unpacking", t));
                }
                state.args.push(*self.node((t.line, t.column), ExprKind::Starred(value)));
            }
            TokenKind::Op(Op::DoubleStar) => {
                let value = self.expression()?;
                state.keywords.push(Keyword { name: None, value, line: t.line, column: t.column });
                state.seen_double_star = true;
            }
            TokenKind::Name(name) => {
                let eq = self.advance()?;
                let value = self.expression()?;
                if self.at_kw(Kw::For) {
                    return Err(self.err(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        (t.line, t.column),
                        (eq.end_line, eq.end_column),
                    ));
                }
                if state.keywords.iter().any(|k| k.name == Some(name)) {
                    let e = self.err(format!("keyword argument repeated: {name}"), (t.line, t.column), end_of(value));
                    self.defer(Phase::Compile, e);
                }
                state.keywords.push(Keyword { name: Some(name), value, line: t.line, column: t.column });
                state.seen_keyword = true;
            }
            TokenKind::Keyword(k) => {
                let eq = self.tok;
                return Err(self.err(
                    format!("cannot assign to {}", k.as_str()),
                    (t.line, t.column),
                    (eq.end_line, eq.end_column),
                ));
            }
            _ => return Err(self.invalid_syntax()),
        }
        Ok(())
    }

    #[inline(never)]
    fn subscript(&mut self, value: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        let next = self.peek()?;
        if next.kind == TokenKind::Op(Op::RSqb) && self.level > 0 && self.no_invalid == 0 {
            // Reported by `expression` (see `empty_subscript_error`).
            self.empty_subscript = true;
            return Err(self.err_tok("invalid syntax", next));
        }
        self.advance()?;
        self.level += 1;
        let target_mode = core::mem::replace(&mut self.target_mode, false);
        let index = self.subscript_index();
        self.target_mode = target_mode;
        let index = index?;
        self.expect_bracket(Op::RSqb)?;
        Ok(self.node(start, ExprKind::Subscript { value, index }))
    }

    fn subscript_index(&mut self) -> PResult<&'a Expr<'a>> {
        let first_start = self.start();
        let first = self.slice_item()?;
        if self.at_op(Op::Comma) || matches!(first.kind, ExprKind::Starred(_)) {
            return self.subscript_tuple(first, first_start);
        }
        Ok(first)
    }

    /// `a[x, y]`: the tuple of slices after its first element.
    #[inline(never)]
    fn subscript_tuple(&mut self, first: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        let mut items = self.bvec();
        items.push(*first);
        while self.eat_op(Op::Comma)? {
            if self.at_op(Op::RSqb) {
                break;
            }
            items.push(*self.slice_item()?);
        }
        Ok(self.node(start, ExprKind::Tuple(items.into_bump_slice())))
    }

    /// One element of a subscript: an expression, a slice, or (3.11) a starred expression.
    fn slice_item(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op(Op::Star) {
            return self.starred_bitwise_or();
        }
        if self.at_op(Op::Colon) {
            return self.slice(self.start(), None);
        }
        let start = self.start();
        let e = self.named_expression(true)?;
        if self.at_op(Op::Colon) {
            return self.slice(start, Some(e));
        }
        Ok(e)
    }

    /// `lower:upper:step`, the current token the first `:`.
    #[inline(never)]
    fn slice(&mut self, start: Pos, lower: Option<&'a Expr<'a>>) -> PResult<&'a Expr<'a>> {
        self.advance()?;
        let ends = |p: &Self| p.at_op(Op::Comma) || p.at_op(Op::RSqb);
        let upper = if self.at_op(Op::Colon) || ends(self) { None } else { Some(self.expression()?) };
        let step = if self.eat_op(Op::Colon)? && !ends(self) { Some(self.expression()?) } else { None };
        Ok(self.node(start, ExprKind::Slice { lower, upper, step }))
    }

    // ------------------------------------------------------------ strings

    /// Adjacent string literals, concatenated: a `Str`, or an `FString` if any is one.
    #[inline(never)]
    fn strings(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let mut text = String::new();
        let mut parts: Option<BVec<'a, FStringPart<'a>>> = None;
        loop {
            match self.tok.kind {
                TokenKind::Str(s) => {
                    text.push_str(s);
                    self.advance()?;
                }
                TokenKind::FString(pieces) => {
                    self.advance()?;
                    let mut out = match parts.take() {
                        Some(p) => p,
                        None => self.bvec(),
                    };
                    self.fstring_pieces(pieces, &mut text, &mut out)?;
                    parts = Some(out);
                }
                _ => break,
            }
        }
        let end = self.end();
        let kind = match parts {
            None => ExprKind::Str(self.arena.alloc_str(&text)),
            Some(mut parts) => {
                if !text.is_empty() {
                    parts.push(FStringPart::Literal(self.arena.alloc_str(&text)));
                }
                ExprKind::FString(parts.into_bump_slice())
            }
        };
        Ok(self.arena.alloc(Expr { line: start.0, column: start.1, end_line: end.0, end_column: end.1, kind }))
    }

    /// Appends the pieces of one f-string to `parts`, literal text gathered in `text`.
    fn fstring_pieces(
        &mut self,
        pieces: &'a [FStringPiece<'a>],
        text: &mut String,
        parts: &mut BVec<'a, FStringPart<'a>>,
    ) -> PResult<()> {
        for piece in pieces {
            match piece {
                FStringPiece::Literal(s) => text.push_str(s),
                FStringPiece::Field(field) => {
                    let value = self.fstring_field(field.expr)?;
                    if let Some(debug) = field.debug_text {
                        text.push_str(debug);
                    }
                    if !text.is_empty() {
                        parts.push(FStringPart::Literal(self.arena.alloc_str(text)));
                        text.clear();
                    }
                    let conversion = match field.conversion {
                        Some('s') => Conversion::Str,
                        Some('r') => Conversion::Repr,
                        Some('a') => Conversion::Ascii,
                        _ if field.debug_text.is_some() && field.format_spec.is_none() => Conversion::Repr,
                        _ => Conversion::None,
                    };
                    let format_spec = match field.format_spec {
                        Some(spec) => {
                            let mut spec_text = String::new();
                            let mut spec_parts = self.bvec();
                            self.fstring_pieces(spec, &mut spec_text, &mut spec_parts)?;
                            if !spec_text.is_empty() {
                                spec_parts.push(FStringPart::Literal(self.arena.alloc_str(&spec_text)));
                            }
                            Some(spec_parts.into_bump_slice())
                        }
                        None => None,
                    };
                    parts.push(FStringPart::Formatted(FormattedValue { value, conversion, format_spec }));
                }
            }
        }
        Ok(())
    }

    /// Parses the expression of an f-string field with a tokenizer of its own, as CPython
    /// does with `(expr)`.
    #[inline(never)]
    fn fstring_field(&mut self, range: SourceRange) -> PResult<&'a Expr<'a>> {
        self.enter()?;
        let field_tokens = Tokenizer::for_fstring_field(self.src, self.interner, range);
        let saved_tokens = core::mem::replace(&mut self.tokens, field_tokens);
        let saved_tok = self.tok;
        let saved_prev = self.prev;
        let saved_ahead = core::mem::take(&mut self.ahead);
        let saved_level = core::mem::replace(&mut self.level, 1);
        let outer_error = self.tokenizer_error.take();
        let outer_in_field = core::mem::replace(&mut self.in_field, true);
        let result = self.fstring_field_inner();
        self.in_field = outer_in_field;
        let field_tokenizer_failed = core::mem::replace(&mut self.tokenizer_error, outer_error).is_some();
        self.tokens = saved_tokens;
        self.tok = saved_tok;
        self.prev = saved_prev;
        self.ahead = saved_ahead;
        self.level = saved_level;
        self.leave();
        result.map_err(|e| self.field_error(e, range, field_tokenizer_failed))
    }

    fn fstring_field_inner(&mut self) -> PResult<&'a Expr<'a>> {
        self.tok = self.fetch()?;
        let e = self.group(Close::Field)?;
        if !matches!(self.tok.kind, TokenKind::EndMarker) {
            return Err(self.invalid_syntax());
        }
        Ok(e)
    }

    /// CPython 3.11 reports an error inside an f-string field relative to the text
    /// `(expr)` it parsed, with an `f-string: ` prefix.
    fn field_error(&mut self, mut e: Box<SyntaxError>, range: SourceRange, from_tokenizer: bool) -> Box<SyntaxError> {
        if self.field_error_done || e.kind == SyntaxErrorKind::NotImplemented {
            return e;
        }
        self.field_error_done = true;
        // The messages of CPython's tokenizer keep their wording; its parser's get a prefix.
        if !from_tokenizer && !e.message.starts_with("f-string") {
            e.message = format!("f-string: {}", e.message);
        }
        let first_column = self.src.get(range.line_start..range.start).map_or(0, |s| s.chars().count() as u32) + 1;
        if e.line == range.line {
            e.column = (e.column + 2).saturating_sub(first_column).max(1);
            if e.end_line == range.line && e.end_column > 0 {
                e.end_column = (e.end_column + 2).saturating_sub(first_column).max(1);
            }
        }
        let text = self.src.get(range.start..range.end).unwrap_or("");
        let wrapped = format!("({text})");
        let index = e.line.saturating_sub(range.line) as usize;
        e.source_line = wrapped.split('\n').nth(index).unwrap_or("").into();
        e
    }
}

// ---------------------------------------------------------------- tree depth

/// Whether the expressions a statement holds itself (not its body) nest deeper than
/// [`MAX_AST_DEPTH`].
fn stmt_too_deep(stmt: &Stmt<'_>) -> bool {
    let deep = |e: &Expr<'_>| expr_too_deep(e, MAX_AST_DEPTH);
    let opt = |e: Option<&Expr<'_>>| e.is_some_and(deep);
    let params = |p: &Parameters<'_>| p.all().any(|p| opt(p.default) || opt(p.annotation));
    match &stmt.kind {
        StmtKind::Expr(e) => deep(e),
        StmtKind::Assign { targets, value } => targets.iter().any(deep) || deep(value),
        StmtKind::AugAssign { target, value, .. } => deep(target) || deep(value),
        StmtKind::AnnAssign { target, value, .. } => deep(target) || opt(*value),
        StmtKind::If { test, .. } | StmtKind::While { test, .. } => deep(test),
        StmtKind::For { target, iter, .. } => deep(target) || deep(iter),
        StmtKind::FunctionDef(def) => def.decorators.iter().any(deep) || params(&def.params) || opt(def.returns),
        StmtKind::ClassDef(class) => class.decorators.iter().any(deep) || class.bases.iter().any(deep),
        StmtKind::Return(value) => opt(*value),
        StmtKind::Delete(targets) => targets.iter().any(deep),
        StmtKind::Try(t) => t.handlers.iter().any(|h| opt(h.typ)),
        StmtKind::Raise { exc, cause } => opt(*exc) || opt(*cause),
        StmtKind::Assert { test, msg } => deep(test) || opt(*msg),
        StmtKind::With { items, .. } => items.iter().any(|i| deep(i.context) || opt(i.target)),
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => false,
    }
}

/// Whether `e` is deeper than `budget` levels; recursion stops at the budget.
fn expr_too_deep(e: &Expr<'_>, budget: u32) -> bool {
    let Some(b) = budget.checked_sub(1) else { return true };
    let deep = |x: &Expr<'_>| expr_too_deep(x, b);
    let opt = |x: Option<&Expr<'_>>| x.is_some_and(deep);
    let gens = |g: &[Comprehension<'_>]| g.iter().any(|c| deep(c.target) || deep(c.iter) || c.ifs.iter().any(deep));
    match &e.kind {
        ExprKind::None
        | ExprKind::True
        | ExprKind::False
        | ExprKind::Ellipsis
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Name(_) => false,
        ExprKind::FString(parts) => fstring_too_deep(parts, b),
        ExprKind::Attribute { value, .. } | ExprKind::Starred(value) | ExprKind::YieldFrom(value) => deep(value),
        ExprKind::UnaryOp { operand, .. } => deep(operand),
        ExprKind::Subscript { value, index } => deep(value) || deep(index),
        ExprKind::Slice { lower, upper, step } => opt(*lower) || opt(*upper) || opt(*step),
        ExprKind::Call { func, args, keywords } => {
            deep(func) || args.iter().any(deep) || keywords.iter().any(|k| deep(k.value))
        }
        ExprKind::BinOp { left, right, .. } => deep(left) || deep(right),
        ExprKind::BoolOp { values, .. } | ExprKind::Tuple(values) | ExprKind::List(values) | ExprKind::Set(values) => {
            values.iter().any(deep)
        }
        ExprKind::Compare { left, comparators, .. } => deep(left) || comparators.iter().any(deep),
        ExprKind::IfExp { test, body, orelse } => deep(test) || deep(body) || deep(orelse),
        ExprKind::Lambda(lambda) => lambda.params.all().any(|p| opt(p.default)) || deep(lambda.body),
        ExprKind::Dict(items) => items.iter().any(|i| opt(i.key) || deep(i.value)),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => deep(elt) || gens(generators),
        ExprKind::DictComp { key, value, generators } => deep(key) || deep(value) || gens(generators),
        ExprKind::Yield(value) => opt(*value),
    }
}

fn fstring_too_deep(parts: &[FStringPart<'_>], budget: u32) -> bool {
    let Some(b) = budget.checked_sub(1) else { return true };
    parts.iter().any(|p| match p {
        FStringPart::Literal(_) => false,
        FStringPart::Formatted(f) => expr_too_deep(f.value, b) || f.format_spec.is_some_and(|s| fstring_too_deep(s, b)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::ast::{dump, dump_stmt, Module, StmtKind};
    use super::super::{parse_module, SyntaxError, SyntaxErrorKind};
    use alloc::format;
    use alloc::string::String;
    use alloc::vec::Vec;
    use bumpalo::Bump;

    fn parse_ok(src: &str) -> String {
        let arena = Bump::new();
        match parse_module(&arena, src, "x.py") {
            Ok(module) => dump_module(&module),
            Err(e) => panic!("{src:?} failed to parse:\n{e}"),
        }
    }

    fn dump_module(module: &Module<'_>) -> String {
        module.body.iter().map(|s| dump_stmt(s)).collect::<Vec<_>>().join("\n")
    }

    fn parse_err(src: &str) -> SyntaxError {
        let arena = Bump::new();
        match parse_module(&arena, src, "x.py") {
            Ok(module) => panic!("{src:?} parsed: {}", dump_module(&module)),
            Err(e) => e,
        }
    }

    /// The dump of the single expression statement `src`.
    fn expr(src: &str) -> String {
        let arena = Bump::new();
        let module = parse_module(&arena, src, "x.py").unwrap_or_else(|e| panic!("{src:?}:\n{e}"));
        assert_eq!(module.body.len(), 1, "{src:?}");
        match module.body[0].kind {
            StmtKind::Expr(e) => dump(e),
            _ => panic!("{src:?} is not an expression statement"),
        }
    }

    #[test]
    fn precedence() {
        let cases = [
            ("1 + 2 * 3", "(+ 1 (* 2 3))"),
            ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
            ("a - b - c", "(- (- a b) c)"),
            ("a // b % c @ d / e * f", "(* (/ (@ (% (// a b) c) d) e) f)"),
            ("-2 ** 2", "(- (** 2 2))"),
            ("2 ** -1", "(** 2 (- 1))"),
            ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
            ("-x ** -y", "(- (** x (- y)))"),
            ("~a + -b - +c", "(- (+ (~ a) (- b)) (+ c))"),
            ("a | b ^ c & d << e + f * g", "(| a (^ b (& c (<< d (+ e (* f g))))))"),
            ("a << b >> c", "(>> (<< a b) c)"),
            ("a | b | c", "(| (| a b) c)"),
            ("a or b and not c", "(or a (and b (not c)))"),
            ("a and b and c or d or e", "(or (and a b c) d e)"),
            ("not not x", "(not (not x))"),
            ("not a == b", "(not (cmp a == b))"),
            ("a < b <= c != d", "(cmp a < b <= c != d)"),
            ("a not in b is not c is d in e", "(cmp a not in b is not c is d in e)"),
            ("x is not None", "(cmp x is not None)"),
            ("a + 1 < b * 2", "(cmp (+ a 1) < (* b 2))"),
            ("a | b == c & d", "(cmp (| a b) == (& c d))"),
            ("a if b else c if d else e", "(if b a (if d c e))"),
            ("a or b if c and d else e", "(if (and c d) (or a b) e)"),
            ("lambda x: x if c else d", "(lambda (x) (if c x d))"),
            ("lambda: 0", "(lambda () 0)"),
            ("lambda *a, b=1, **k: 0", "(lambda (*a b=1 **k) 0)"),
            ("lambda a, /, b, *, c: 0", "(lambda (a / b * c) 0)"),
            ("lambda a=1, *args: a", "(lambda (a=1 *args) a)"),
            ("x.y(z)[1:2:3]", "([] (call (. x y) z) (slice 1 2 3))"),
            ("a.b.c", "(. (. a b) c)"),
            ("f()()", "(call (call f))"),
            ("a[::2]", "([] a (slice _ _ 2))"),
            ("a[:]", "([] a (slice _ _ _))"),
            ("a[1:]", "([] a (slice 1 _ _))"),
            ("a[:-1]", "([] a (slice _ (- 1) _))"),
            ("a[1:2, ::3]", "([] a (tuple (slice 1 2 _) (slice _ _ 3)))"),
            ("d[1, 2]", "([] d (tuple 1 2))"),
            ("d[1,]", "([] d (tuple 1))"),
            ("d[*a]", "([] d (tuple (* a)))"),
            ("f(*a, b, k=1, **m)", "(call f (* a) b (kw k 1) (** m))"),
            ("f(a,)", "(call f a)"),
            ("f(b=1, *a)", "(call f (* a) (kw b 1))"),
            ("sum(x for x in y if x)", "(call sum (genexp x (for x y (if x))))"),
            ("(x for x in y)", "(genexp x (for x y))"),
            ("[x * y for x in a for y in b if x if y]", "(listcomp (* x y) (for x a) (for y b (if x) (if y)))"),
            ("{k: v for k, v in d}", "(dictcomp k v (for (tuple k v) d))"),
            ("{x for x, in y}", "(setcomp x (for (tuple x) y))"),
            ("{1, 2}", "(set 1 2)"),
            ("{*a, 1}", "(set (* a) 1)"),
            ("{}", "(dict)"),
            ("{1: 2, **m, 3: 4,}", "(dict (1 2) (** m) (3 4))"),
            ("{**m}", "(dict (** m))"),
            ("(1,)", "(tuple 1)"),
            ("()", "(tuple)"),
            ("(1)", "1"),
            ("((a), b)", "(tuple a b)"),
            ("[*a, 1]", "(list (* a) 1)"),
            ("[]", "(list)"),
            ("[1, 2,]", "(list 1 2)"),
            ("1, 2", "(tuple 1 2)"),
            ("*a, b", "(tuple (* a) b)"),
            ("x,", "(tuple x)"),
            ("...", "..."),
            ("None, True, False", "(tuple None True False)"),
            ("1.5 + 0x1f + 1_000", "(+ (+ 1.5 31) 1000)"),
            ("\"a\" 'b' '''c'''", "\"abc\""),
            ("'a\\n' r'\\n'", "\"a\\n\\\\n\""),
            ("f'x{a!r:>{w}}y' 'z'", "(f \"x\" (fmt a !r (f \">\" (fmt w))) \"yz\")"),
            ("f'{x=}'", "(f \"x=\" (fmt x !r))"),
            ("f'{x = :>5}'", "(f \"x = \" (fmt x (f \">5\")))"),
            ("f'{x=!s}'", "(f \"x=\" (fmt x !s))"),
            ("f'{a, b}'", "(f (fmt (tuple a b)))"),
            ("f'{{{a}}}'", "(f \"{\" (fmt a) \"}\")"),
            ("'a' f'{b}' 'c' f'd'", "(f \"a\" (fmt b) \"cd\")"),
            ("f''", "(f)"),
            ("f'{f\"{x}\"}'", "(f (fmt (f (fmt x))))"),
            ("f'{x:}'", "(f (fmt x (f)))"),
            ("f'{(lambda: 1)()}'", "(f (fmt (call (lambda () 1))))"),
            ("f'{a if b else c:{d}}'", "(f (fmt (if b a c) (f (fmt d))))"),
            ("-(1)", "(- 1)"),
            ("- - 1", "(- (- 1))"),
            ("a @ b", "(@ a b)"),
            ("await_ + 1", "(+ await_ 1)"),
            ("match(x)", "(call match x)"),
            ("print(match, case, _)", "(call print match case _)"),
        ];
        for (src, want) in cases {
            assert_eq!(expr(src), want, "{src}");
        }
    }

    #[test]
    fn statements() {
        let cases = [
            ("x = 1", "(= x 1)"),
            ("x = y = 1, 2", "(= x y (tuple 1 2))"),
            ("a, b = b, a", "(= (tuple a b) (tuple b a))"),
            ("[a, *b] = (c, d) = x", "(= (list a (* b)) (tuple c d) x)"),
            ("a.b[c] = d", "(= ([] (. a b) c) d)"),
            ("x[1:2] = y", "(= ([] x (slice 1 2 _)) y)"),
            ("x += 1", "(+= x 1)"),
            ("x.y **= 2", "(**= (. x y) 2)"),
            ("x[0] //= 2; x >>= 1; x |= y", "(//= ([] x 0) 2)\n(>>= x 1)\n(|= x y)"),
            ("x: int", "(ann x _)"),
            ("x: int = 1", "(ann x 1)"),
            ("(x): int = 1", "(ann-complex x 1)"),
            ("a.b: list[int] = []", "(ann-complex (. a b) (list))"),
            ("if a:\n  pass\nelif b:\n  x\nelse:\n  y", "(if a [(pass)] [(if b [(expr x)] [(expr y)])])"),
            ("if a: x; y", "(if a [(expr x) (expr y)] [])"),
            ("while x:\n  break\nelse:\n  pass", "(while x [(break)] [(pass)])"),
            ("while 1: continue", "(while 1 [(continue)] [])"),
            ("for a, b in c:\n  pass\nelse:\n  pass", "(for (tuple a b) c [(pass)] [(pass)])"),
            ("for x in 1, 2: pass", "(for x (tuple 1 2) [(pass)] [])"),
            ("for *a, b in c: pass", "(for (tuple (* a) b) c [(pass)] [])"),
            ("def f(a, b=1, *c, d, e=2, **f) -> int:\n  return a", "(def f (a b=1 *c d e=2 **f) [(return a)])"),
            ("def f(a, /, b): pass", "(def f (a / b) [(pass)])"),
            ("def f(*, a): pass", "(def f (* a) [(pass)])"),
            ("def f(a: int = 1, *args: str, **kw: dict): pass", "(def f (a=1 *args **kw) [(pass)])"),
            ("def g():\n  yield 1", "(def* g () [(expr (yield 1))])"),
            ("def g():\n  x = yield\n  y = yield from z", "(def* g () [(= x (yield)) (= y (yield-from z))])"),
            ("def g():\n  return (yield)", "(def* g () [(return (yield))])"),
            ("def g():\n  def h():\n    yield\n  return h", "(def g () [(def* h () [(expr (yield))]) (return h)])"),
            ("def g():\n  return lambda: (yield)", "(def g () [(return (lambda () (yield)))])"),
            ("def g():\n  return [x for x in (yield)]", "(def* g () [(return (listcomp x (for x (yield))))])"),
            ("def g():\n  return *a, b", "(def g () [(return (tuple (* a) b))])"),
            ("@a.b(c)\n@d\ndef f(): pass", "(def (@ (call (. a b) c)) (@ d) f () [(pass)])"),
            ("@x[0] or y\nclass A: pass", "(class (@ (or ([] x 0) y)) A() [(pass)])"),
            ("class A(B, *C):\n  x = 1\n  def f(self): return self", "(class A( B (* C)) [(= x 1) (def f (self) [(return self)])])"),
            ("class A(): pass", "(class A() [(pass)])"),
            ("def f():\n  global x, y\n  nonlocal z", "(def f () [(global x y) (nonlocal z)])"),
            ("global x", "(global x)"),
            ("del a, b[0], c.d", "(del a ([] b 0) (. c d))"),
            ("del (a, [b]),", "(del (tuple a (list b)))"),
            ("del ()", "(del (tuple))"),
            ("try:\n  a\nexcept E as e:\n  b\nexcept (F, G):\n  c\nexcept:\n  d\nelse:\n  e\nfinally:\n  f",
             "(try [(expr a)] (except E as e [(expr b)]) (except (tuple F G) [(expr c)]) (except _ [(expr d)]) (else [(expr e)]) (finally [(expr f)]))"),
            ("try:\n  a\nfinally:\n  b", "(try [(expr a)] (else []) (finally [(expr b)]))"),
            ("raise", "(raise _ _)"),
            ("raise E(1) from None", "(raise (call E 1) None)"),
            ("assert x, 'msg'", "(assert x \"msg\")"),
            ("assert x", "(assert x _)"),
            ("with a as b, c: pass", "(with (a as b) (c) [(pass)])"),
            ("with (a as b, c as (d, e)): pass", "(with (a as b) (c as (tuple d e)) [(pass)])"),
            ("with (a, b): pass", "(with (a) (b) [(pass)])"),
            ("with (a, b) as c: pass", "(with ((tuple a b) as c) [(pass)])"),
            ("with (a): pass", "(with (a) [(pass)])"),
            ("with (a)(b) as c: pass", "(with ((call a b) as c) [(pass)])"),
            ("import a.b.c as d, e", "(import a.b.c as d e)"),
            ("from a.b import c as d, e", "(from a.b import c as d e)"),
            ("from a import (b,\n c,)", "(from a import b c)"),
            ("from a import *", "(from a import *)"),
            ("from __future__ import annotations\nx = 1", "(from __future__ import annotations)\n(= x 1)"),
            ("'doc'\nfrom __future__ import annotations", "(expr \"doc\")\n(from __future__ import annotations)"),
            ("pass; pass;", "(pass)\n(pass)"),
            ("x = 1 \\\n  + 2", "(= x (+ 1 2))"),
            ("# c\n\nx = [1,\n  2]  # c\n", "(= x (list 1 2))"),
            ("if x:\n  # c\n\n  pass\n# c\n", "(if x [(pass)] [])"),
            ("match = 1\nmatch.x = 2\nmatch[0]: int = 3", "(= match 1)\n(= (. match x) 2)\n(ann-complex ([] match 0) 3)"),
            ("print(x, end='')", "(expr (call print x (kw end \"\")))"),
            ("x = 1\r\ny = 2\r", "(= x 1)\n(= y 2)"),
            ("", ""),
            ("\n\n# only a comment", ""),
        ];
        for (src, want) in cases {
            assert_eq!(parse_ok(src), want, "{src}");
        }
    }

    #[test]
    fn positions() {
        let arena = Bump::new();
        let module = parse_module(&arena, "x = (a +\n  b)\ndef f():\n    return f'{y}'\n", "x.py").unwrap();
        let s = &module.body[0];
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (1, 1, 2, 5));
        let StmtKind::Assign { value, .. } = s.kind else { panic!() };
        assert_eq!((value.line, value.column, value.end_line, value.end_column), (1, 6, 2, 4));
        let s = &module.body[1];
        assert_eq!((s.line, s.column, s.end_line, s.end_column), (3, 1, 4, 18));
        let StmtKind::FunctionDef(def) = s.kind else { panic!() };
        let StmtKind::Return(Some(value)) = def.body[0].kind else { panic!() };
        let super::ExprKind::FString(parts) = value.kind else { panic!() };
        let super::FStringPart::Formatted(field) = parts[0] else { panic!() };
        assert_eq!((field.value.line, field.value.column, field.value.end_column), (4, 15, 16));
        // As in CPython, a node made of operands spans their parentheses; a parenthesized
        // expression itself does not.
        let module = parse_module(&arena, "(a) + (b)\n(c).d\nf((x for x in y))\n", "x.py").unwrap();
        let span = |s: &super::Stmt<'_>| match s.kind {
            StmtKind::Expr(e) => (e.column, e.end_column),
            _ => panic!(),
        };
        assert_eq!(span(&module.body[0]), (1, 10));
        assert_eq!(span(&module.body[1]), (1, 6));
        let StmtKind::Expr(call) = module.body[2].kind else { panic!() };
        let super::ExprKind::Call { args, .. } = call.kind else { panic!() };
        assert_eq!((args[0].column, args[0].end_column), (3, 17));
        let module = parse_module(&arena, "f(x for x in y)\n", "x.py").unwrap();
        let StmtKind::Expr(call) = module.body[0].kind else { panic!() };
        let super::ExprKind::Call { args, .. } = call.kind else { panic!() };
        assert_eq!((args[0].column, args[0].end_column), (2, 16));
    }

    /// (source, exception, message, line, column) as `compile(src, 'x.py', 'exec')` in
    /// CPython 3.11 reports them.
    const CPYTHON_ERRORS: &[(&str, &str, &str, u32, u32)] = &[
        ("f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("x + 1 = 2\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
        ("del f()\n", "SyntaxError", "cannot delete function call", 1, 5),
        ("(a, b) += 1\n", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1),
        ("f() += 1\n", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1),
        ("break\n", "SyntaxError", "'break' outside loop", 1, 1),
        ("continue\n", "SyntaxError", "'continue' not properly in loop", 1, 1),
        ("return 1\n", "SyntaxError", "'return' outside function", 1, 1),
        ("yield 1\n", "SyntaxError", "'yield' outside function", 1, 1),
        ("nonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1),
        ("def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12),
        ("def f(a, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10),
        ("f(a=1, a=2)\n", "SyntaxError", "keyword argument repeated: a", 1, 8),
        ("f(a=1, 2)\n", "SyntaxError", "positional argument follows keyword argument", 1, 9),
        ("f(**k, *a)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
        ("f(**k, a)\n", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9),
        ("x = (\n", "SyntaxError", "'(' was never closed", 1, 5),
        ("if x\n  pass\n", "SyntaxError", "expected ':'", 1, 5),
        ("if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
        (" x = 1\n", "IndentationError", "unexpected indent", 1, 1),
        ("x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8),
        ("print 'hi'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
        ("f(1 2)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3),
        ("x = [1, 2\n", "SyntaxError", "'[' was never closed", 1, 5),
        ("a = 1 = 2\n", "SyntaxError", "cannot assign to literal", 1, 5),
        (
            "[x for x in y] = 1\n",
            "SyntaxError",
            "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        ("for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5),
        ("with a as 1: pass\n", "SyntaxError", "cannot assign to literal", 1, 11),
        ("else:\n", "SyntaxError", "invalid syntax", 1, 1),
        ("*a = 1\n", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 1),
        ("a, *b, *c = x\n", "SyntaxError", "multiple starred expressions in assignment", 1, 1),
        ("def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7),
        ("def f(**k, a): pass\n", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12),
        ("f(x for x in y, 1)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
        ("True = 1\n", "SyntaxError", "cannot assign to True", 1, 1),
        ("None += 1\n", "SyntaxError", "'None' is an illegal expression for augmented assignment", 1, 1),
        ("x = 1 if y\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5),
        ("def f():\n  x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 3, 4),
        ("try:\n  pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1),
        ("f(a.b=1)\n", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
        ("x = *a\n", "SyntaxError", "can't use starred expression here", 1, 5),
        ("del *a\n", "SyntaxError", "cannot delete starred", 1, 5),
        ("(x for x in y) = 1\n", "SyntaxError", "cannot assign to generator expression", 1, 1),
        ("a if b else c = 1\n", "SyntaxError", "cannot assign to conditional expression", 1, 1),
        ("x: int, y: int = 1, 2\n", "SyntaxError", "invalid syntax", 1, 7),
        ("[a, b]: int\n", "SyntaxError", "only single target (not list) can be annotated", 1, 1),
        ("class A: return\n", "SyntaxError", "'return' outside function", 1, 10),
        ("def f(): [(yield) for x in y]\n", "SyntaxError", "'yield' inside list comprehension", 1, 12),
        ("def f(): ((yield) for x in y)\n", "SyntaxError", "'yield' inside generator expression", 1, 12),
        ("from x import a,\n", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17),
        ("x = not\n", "SyntaxError", "invalid syntax", 1, 8),
        ("if x = 1: pass\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
        ("def f(a, *, b, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 16),
        ("lambda *: 1\n", "SyntaxError", "named arguments must follow bare *", 1, 9),
        ("for x in y:\n  pass\nelse:\n  break\n", "SyntaxError", "'break' outside loop", 4, 3),
        ("def f():\n  for x in y:\n    def g(): break\n", "SyntaxError", "'break' outside loop", 3, 14),
        ("while x:\n  class A: continue\n", "SyntaxError", "'continue' not properly in loop", 2, 12),
        ("f(a=1)\n)\n", "SyntaxError", "unmatched ')'", 2, 1),
        ("break\nx = (\n", "SyntaxError", "'(' was never closed", 2, 5),
        ("break\nnonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 2, 1),
        ("del (a, 1)\n", "SyntaxError", "cannot delete literal", 1, 9),
        (
            "x, f() = 1, 2\n",
            "SyntaxError",
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            1,
            4,
        ),
        ("[a, 1] = x\n", "SyntaxError", "cannot assign to literal", 1, 5),
        (
            "a.b += 1\nf() + 1 += 2\n",
            "SyntaxError",
            "'expression' is an illegal expression for augmented assignment",
            2,
            1,
        ),
        ("x = {1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 12),
        ("def f(x, /, y, /): pass\n", "SyntaxError", "/ may appear only once", 1, 16),
        ("def f(*a, *b): pass\n", "SyntaxError", "* argument may appear only once", 1, 11),
        ("lambda a=1, b: 0\n", "SyntaxError", "non-default argument follows default argument", 1, 13),
        ("a[1:2:3:4]\n", "SyntaxError", "invalid syntax", 1, 8),
        ("x = (1 for x in y for)\n", "SyntaxError", "invalid syntax", 1, 22),
        (
            "if True:\n    pass\n  else:\n    pass\n",
            "IndentationError",
            "unindent does not match any outer indentation level",
            3,
            8,
        ),
        ("print(f'{a b}')\n", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2),
        ("print(f'{}')\n", "SyntaxError", "f-string: empty expression not allowed", 1, 12),
        ("f'{a!x}'\n", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
        ("x = (yield)\n", "SyntaxError", "'yield' outside function", 1, 6),
        ("class A:\n  yield 1\n", "SyntaxError", "'yield' outside function", 2, 3),
        ("await x\n", "SyntaxError", "'await' outside function", 1, 1),
        ("def f():\n  await x\n", "SyntaxError", "'await' outside async function", 2, 3),
        ("x := 1\n", "SyntaxError", "invalid syntax", 1, 3),
        ("def f():\n  from x import *\n", "SyntaxError", "import * only allowed at module level", 2, 17),
        ("def f:\n  pass\n", "SyntaxError", "expected '('", 1, 6),
        ("a b\n", "SyntaxError", "invalid syntax", 1, 3),
        ("x = [1, 2 3]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
        ("f(a for a in b for c in d, )\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
        ("def f(a, *, **k): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 10),
        ("x = 1 $ 2\n", "SyntaxError", "invalid syntax", 1, 7),
        (
            "print(x, end='')\nprint x\n",
            "SyntaxError",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            2,
            1,
        ),
        ("if x:\n\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
        ("def f():\n", "IndentationError", "expected an indented block after function definition on line 1", 1, 9),
        (
            "x.y.z() = 1\n",
            "SyntaxError",
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        ("-x = 1\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
        ("not x = 1\n", "SyntaxError", "cannot assign to expression", 1, 1),
        ("a < b = 1\n", "SyntaxError", "cannot assign to comparison", 1, 1),
        (
            "{a: b} = 1\n",
            "SyntaxError",
            "cannot assign to dict literal here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        ("with a as f(): pass\n", "SyntaxError", "cannot assign to function call", 1, 11),
        ("[x for 1 in y]\n", "SyntaxError", "cannot assign to literal", 1, 8),
        ("x = (*a)\n", "SyntaxError", "cannot use starred expression here", 1, 6),
        (
            "1 if 2 else 3 += 1\n",
            "SyntaxError",
            "'conditional expression' is an illegal expression for augmented assignment",
            1,
            1,
        ),
        ("f(a, b for b in c)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 6),
        ("class A(x for x in y): pass\n", "SyntaxError", "invalid syntax", 1, 11),
        ("if x:\n  pass\nelse if y:\n  pass\n", "SyntaxError", "expected ':'", 3, 6),
        ("x = {'a' 1}\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
        ("f(a, b = 1, c)\n", "SyntaxError", "positional argument follows keyword argument", 1, 14),
        ("def f(a, (b, c)): pass\n", "SyntaxError", "Function parameters cannot be parenthesized", 1, 10),
        ("from __future__ import braces\n", "SyntaxError", "not a chance", 1, 1),
        ("x = a not b\n", "SyntaxError", "invalid syntax", 1, 11),
        ("x = a <> b\n", "SyntaxError", "invalid syntax", 1, 7),
        ("f(), a = 1\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6),
        ("1, 2 = 3\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 4),
        (
            "f(), a.b = 1\n",
            "SyntaxError",
            "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
            1,
            6,
        ),
        (
            "(f()) = 1\n",
            "SyntaxError",
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            1,
            2,
        ),
        ("f(True=1)\n", "SyntaxError", "cannot assign to True", 1, 3),
        ("def f(a=): pass\n", "SyntaxError", "expected default value expression", 1, 8),
        ("def f(*a=1): pass\n", "SyntaxError", "var-positional argument cannot have default value", 1, 9),
        ("def f(*a, /): pass\n", "SyntaxError", "/ must be ahead of *", 1, 11),
        ("from __future__ import nope\n", "SyntaxError", "future feature nope is not defined", 1, 1),
        (
            "x = 1\nfrom __future__ import annotations\n",
            "SyntaxError",
            "from __future__ imports must occur at the beginning of the file",
            2,
            1,
        ),
        ("def f(x):\n  nonlocal x\n", "SyntaxError", "name 'x' is parameter and nonlocal", 2, 3),
        ("def f(x):\n  global x\n", "SyntaxError", "name 'x' is parameter and global", 2, 3),
        ("x = {**a, b}\n", "SyntaxError", "':' expected after dictionary key", 1, 11),
        ("x = {a: *b}\n", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 9),
        ("print(a not b)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7),
        ("f(a 'x')\n", "SyntaxError", "invalid syntax", 1, 5),
        ("(yield) += 1\n", "SyntaxError", "'yield expression' is an illegal expression for augmented assignment", 1, 2),
        (
            "x = 1 if 2 else 3 = 4\n",
            "SyntaxError",
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            1,
            1,
        ),
        ("try:\n  pass\nexcept E, F:\n  pass\n", "SyntaxError", "multiple exception types must be parenthesized", 3, 8),
        ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", "SyntaxError", "default 'except:' must be last", 3, 1),
        ("try:\n  pass\nelse:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1),
        ("x = f'{a +}'\n", "SyntaxError", "f-string: invalid syntax", 1, 5),
        (
            "x = 1\ny = f'''abc\n{a b}'''\n",
            "SyntaxError",
            "f-string: invalid syntax. Perhaps you forgot a comma?",
            3,
            2,
        ),
        ("x = [(yield)]\n", "SyntaxError", "'yield' outside function", 1, 7),
        ("x += yield\n", "SyntaxError", "'yield' outside function", 1, 6),
        ("def f(): return *a\n", "SyntaxError", "can't use starred expression here", 1, 17),
        ("(**a)\n", "SyntaxError", "cannot use double starred expression here", 1, 2),
        ("x = lambda: await y\n", "SyntaxError", "'await' outside async function", 1, 13),
        ("for x in range(3):\n  def f():\n    continue\n", "SyntaxError", "'continue' not properly in loop", 3, 5),
        ("def f(**k=1): pass\n", "SyntaxError", "var-keyword argument cannot have default value", 1, 10),
        ("x = (a = 1)\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6),
        ("@\ndef f(): pass\n", "SyntaxError", "invalid syntax", 1, 2),
        ("@x\nx = 1\n", "SyntaxError", "invalid syntax", 2, 1),
        ("import a.b as\n", "SyntaxError", "invalid syntax", 1, 14),
        ("x = a.1\n", "SyntaxError", "invalid syntax", 1, 6),
        ("def f(a, b):\n  return a +\n", "SyntaxError", "invalid syntax", 2, 13),
        ("lambda a, a: 1\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 11),
        ("f(x=1 for y in z)\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3),
        ("for r + in x: pass\n", "SyntaxError", "invalid syntax", 1, 7),
        ("for r +, row in x: pass\n", "SyntaxError", "invalid syntax", 1, 7),
        ("x = (a[])\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
        ("x = (1 + a[])\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
        ("x = a[]\n", "SyntaxError", "invalid syntax", 1, 7),
        ("async for x in y:\n  pass\n", "SyntaxError", "'async for' outside async function", 1, 1),
        ("def f():\n  async with a: pass\n", "SyntaxError", "'async with' outside async function", 2, 3),
        (
            "x = [i async for i in y]\n",
            "SyntaxError",
            "asynchronous comprehension outside of an asynchronous function",
            1,
            5,
        ),
        ("class A:\n  @dec\nx = 1\n", "IndentationError", "unexpected unindent", 3, 0),
        ("[x, y for x, y in z]\n", "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 2),
        ("[x, for x in y]\n", "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 2),
        ("{x, y for x in z}\n", "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 2),
        ("x = {1: 2, 3 4}\n", "SyntaxError", "':' expected after dictionary key", 1, 12),
        ("x = {'a': 1, 'c' =: 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 16),
        ("f(): int\n", "SyntaxError", "illegal target for annotation", 1, 1),
        ("print(00, 0_0):\n", "SyntaxError", "invalid syntax", 1, 15),
        ("for x in y z:\n  pass\n", "SyntaxError", "invalid syntax", 1, 12),
        ("if x y:\n  pass\n", "SyntaxError", "invalid syntax", 1, 6),
        ("try x:\n  pass\n", "SyntaxError", "expected ':'", 1, 5),
        ("def f() -> * int:\n  pass\n", "SyntaxError", "expected ':'", 1, 9),
        ("lambda a=: 1\n", "SyntaxError", "invalid syntax", 1, 10),
        ("with (a as b, c) as d: pass\n", "SyntaxError", "invalid syntax", 1, 18),
        ("[a for b c in d]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 8),
        ("x = a\u{200b}b\n", "SyntaxError", "invalid non-printable character U+200B", 1, 6),
        ("def f(a, b=1, /, c):\n  pass\n", "SyntaxError", "non-default argument follows default argument", 1, 18),
        ("x = 1 + (2 * 3\n", "SyntaxError", "'(' was never closed", 1, 9),
        ("x = [1, 2, 3)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 13),
        ("try:\n  try:\n    x\nexcept E:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 4, 0),
        ("if a:\n  try:\n    x\nelse:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 4, 0),
        ("x = 5 if 1 else\n", "SyntaxError", "invalid syntax", 1, 16),
        ("print(len(x) y)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7),
        ("x = 'a' 'b' c\n", "SyntaxError", "invalid syntax", 1, 13),
        ("f(a, *b, **c, d)\n", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 16),
        ("f(**c, *d)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
        ("x = f'{a!r }'\n", "SyntaxError", "f-string: expecting '}'", 1, 14),
        ("x = 1\n)\ny = (\n", "SyntaxError", "unmatched ')'", 2, 1),
        ("if True:\n  x = (1,\n  y = 2\n", "SyntaxError", "'(' was never closed", 2, 7),
        ("def f(x):\n  return x +\n\ny = 1\n", "SyntaxError", "invalid syntax", 2, 13),
    ];

    #[test]
    fn errors_match_cpython() {
        let mut failures = Vec::new();
        for &(src, kind, message, line, column) in CPYTHON_ERRORS {
            let e = parse_err(src);
            let got = (e.python_type(), e.message.as_str(), e.line, e.column);
            if got != (kind, message, line, column) {
                failures.push(format!("{src:?}\n   want {:?}\n   got  {got:?}", (kind, message, line, column)));
            }
        }
        assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), CPYTHON_ERRORS.len(), failures.join("\n"));
    }

    #[test]
    fn unsupported_features_are_not_implemented() {
        let cases = [
            ("async def f(): pass", "'async def'"),
            ("async def f():\n  await x", "'async def'"),
            ("match x:\n  case 1: pass", "'match'"),
            ("match (x):\n  case 1: pass", "'match'"),
            ("(x := 1)", "':='"),
            ("if (n := len(a)) > 1: pass", "':='"),
            ("from . import x", "relative imports"),
            ("from .a import b", "relative imports"),
            ("try:\n  pass\nexcept* E:\n  pass", "except*"),
            ("class A(metaclass=M): pass", "metaclass"),
            ("x = b'abc'", "bytes"),
            ("x = 1j", "complex"),
            ("f(x async for x in y)", "asynchronous generator expressions"),
        ];
        for (src, what) in cases {
            let e = parse_err(src);
            assert_eq!(e.kind, SyntaxErrorKind::NotImplemented, "{src:?}: {e}");
            assert!(e.message.contains(what), "{src:?}: {}", e.message);
        }
    }

    #[test]
    fn errors_carry_file_and_line_text() {
        let e = parse_err("x = 1\nif x\n  pass\n");
        assert_eq!(e.file_name, "x.py");
        assert_eq!(e.source_line, "if x");
        assert_eq!(format!("{e}"), "  File \"x.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'");
        let e = parse_err("f() = 1\n");
        assert_eq!(
            format!("{e}"),
            "  File \"x.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?"
        );
        // Inside an f-string field CPython shows the field in parentheses.
        let e = parse_err("x = 1\ny = f'zz{a b}'\n");
        assert_eq!(e.source_line, "(a b)");
        assert_eq!((e.line, e.column, e.end_column), (2, 2, 5));
    }

    #[test]
    fn deferred_errors_come_after_syntax_errors() {
        // A compiler error earlier in the file loses to a later parse error...
        assert_eq!(parse_err("break\nx = (\n").message, "'(' was never closed");
        // ...and to a symbol-table error, and symbol-table errors to future-import errors.
        assert_eq!(parse_err("break\nnonlocal x\n").message, "nonlocal declaration not allowed at module level");
        let e = parse_err("def f(a, a): return\nx = 1\nfrom __future__ import braces\n");
        assert_eq!(
            (e.message.as_str(), e.line),
            ("from __future__ imports must occur at the beginning of the file", 3)
        );
    }

    /// Runs `f` on a thread with a small stack: the nesting limits must keep every input
    /// within it.
    fn with_small_stack(f: impl FnOnce() + Send + 'static) {
        let handle = std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap();
        handle.join().unwrap();
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        with_small_stack(|| {
            let deep = [
                "(".repeat(10_000),
                format!("x = {}1{}", "(".repeat(199), ")".repeat(199)),
                format!("x = {}1", "-".repeat(10_000)),
                format!("x = {}1", "not ".repeat(10_000)),
                format!("x = {}1", "lambda: ".repeat(10_000)),
                format!("x = {}1", "2 ** ".repeat(10_000)),
                format!("x = {}1", "a if b else ".repeat(10_000)),
                format!("x = {}1{}", "[".repeat(10_000), "]".repeat(10_000)),
                format!("x = {}1{}", "f(".repeat(10_000), ")".repeat(10_000)),
                format!("x = {}1{}", "{1: ".repeat(10_000), "}".repeat(10_000)),
                format!("x = {}1{}", "(-".repeat(199), ")".repeat(199)),
                format!("x = a{}", "+a".repeat(100_000)),
                format!("x = a{}", ".b".repeat(100_000)),
                format!("x = a{}", "()".repeat(100_000)),
                format!("x = a{}", "[0]".repeat(100_000)),
                format!("x = {}a{}", "(-(".repeat(90), "))".repeat(90)),
                format!("x = f'{{{}}}'", "(".repeat(300)),
                format!("def f():\n{}", (1..120).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>()),
            ];
            for src in &deep {
                let arena = Bump::new();
                if let Err(e) = parse_module(&arena, src, "x.py") {
                    assert_ne!(e.kind, SyntaxErrorKind::NotImplemented, "{e}");
                }
            }
            let e = parse_err(&"(".repeat(10_000));
            assert_eq!((e.message.as_str(), e.column), ("too many nested parentheses", 201));
            let e = parse_err(&format!("x = {}1", "-".repeat(10_000)));
            assert_eq!(e.message, "too many nested parentheses");
            // What CPython accepts at its limits, mote accepts too.
            parse_ok(&format!("x = {}1{}", "(".repeat(200), ")".repeat(200)));
            parse_ok(&format!("x = {}1{}", "(-".repeat(199), ")".repeat(199)));
            parse_ok(&format!("x = a{}", "+a".repeat(900)));
        });
    }

    const PROGRAM: &str = r##"
import sys, math as m
from collections import (deque,
    OrderedDict as OD)

@decorator(1, k=2)
class Point(Base, *mixins):
    """A point."""
    count: int = 0

    def __init__(self, x=0, y=0, *args, scale=1.0, **kw):
        self.x, self.y = x * scale, y * scale
        Point.count += 1

    @property
    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __repr__(self):
        return f"Point({self.x!r}, {self.y:.{prec}f}) {self.x=}"

def gen(n):
    i = 0
    while i < n:
        try:
            x = yield i
        except (ValueError, KeyError) as e:
            raise RuntimeError("bad") from e
        else:
            i += 1 if x is None else x
        finally:
            pass
    yield from range(3)

def outer():
    total = 0
    def inner(a, /, b, *, c):
        nonlocal total
        total += a + b + c
        return lambda z=1: z and not a or b
    return inner

data = {k: [v for v in vs if v % 2 == 0] for k, vs in {"a": [1, 2], 'b': []}.items()}
s = {x for x in range(10)}
t = tuple(x for x in s)
first, *rest = sorted(s, key=lambda v: -v, reverse=True)
del rest[::2], data["a"]
with open("f") as fh, lock:
    for i, line in enumerate(fh):
        if not line.strip():
            continue
        elif line.startswith("#"):
            break
    else:
        print("done", end="\n", file=sys.stderr)
assert first >= 0, 'negative'
x = a if b else c
print(x[1:2, ::3], d[1, 2], -2 ** -1, ~x & 0xff | 0o17 ^ 0b1 << 2 >> 1)
"##;

    /// Variants of a valid program: prefixes, single deletions, single replacements.
    fn mangled(program: &str) -> Vec<String> {
        let bounds: Vec<usize> = program.char_indices().map(|(i, _)| i).collect();
        let mut out = Vec::new();
        for &i in &bounds {
            out.push(String::from(&program[..i]));
        }
        for (k, &i) in bounds.iter().enumerate() {
            let next = bounds.get(k + 1).copied().unwrap_or(program.len());
            let (head, tail) = (&program[..i], &program[next..]);
            out.push(format!("{head}{tail}"));
            for r in [
                "(", ")", "[", "}", ":", "\"", "'", "\n", " ", "\t", "f", "*", "=", "\\", "#", "{", ",", "not ",
                "yield ", "lambda", "@",
            ] {
                out.push(format!("{head}{r}{tail}"));
            }
        }
        out
    }

    #[test]
    fn mangled_programs_never_panic() {
        parse_ok(PROGRAM);
        with_small_stack(|| {
            let variants = mangled(PROGRAM);
            let mut errors = 0;
            for src in &variants {
                let arena = Bump::new();
                if let Err(e) = parse_module(&arena, src, "x.py") {
                    errors += 1;
                    // Errors point inside the source (or just past its end).
                    assert!(e.line >= 1 && e.line as usize <= src.split('\n').count() + 1, "{src:?}: {e:?}");
                    let _ = format!("{e}");
                }
            }
            assert!(errors > variants.len() / 4);
        });
    }

    #[test]
    fn conformance_scripts_parse() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/conformance");
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        paths.sort();
        let mut failures = Vec::new();
        let mut unsupported = Vec::new();
        for path in &paths {
            let Ok(src) = std::fs::read_to_string(path) else { continue };
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let arena = Bump::new();
            match parse_module(&arena, &src, &name) {
                Ok(_) => {}
                Err(e) if e.kind == SyntaxErrorKind::NotImplemented => {
                    unsupported.push(format!("{name}: {}", e.message))
                }
                Err(e) => failures.push(format!("{e}")),
            }
        }
        std::eprintln!("{} conformance scripts; not implemented in mote: {unsupported:#?}", paths.len());
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }
}
