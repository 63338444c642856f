//! The tokenizer: source text to Python 3.11 tokens, one at a time.
//!
//! Owns [`Tokenizer`], [`Token`] and everything lexical: indentation (INDENT/DEDENT from a
//! stack of columns, tabs to multiples of 8 with CPython's tab/space consistency check),
//! NEWLINE (ends a logical line) versus NL (blank lines, line breaks inside brackets),
//! implicit line joining inside brackets and backslash continuation, comments, numbers in
//! every base with underscores, floats, every string form with its escapes decoded, f-strings
//! split into literal pieces and replacement fields ([`FStringPiece`]), and operators.
//!
//! Promises: every token carries a 1-based line and column counted in characters, and an
//! exclusive end; string and name tokens point into the arena (names interned, so equal names
//! are the same `&str`); a lexical error is a [`SyntaxError`] with CPython 3.11's message and
//! offset; EndMarker is returned forever once the source is exhausted. Bracket nesting is
//! capped at 200 ("too many nested parentheses") and indentation at 100 levels, so no input
//! makes later stages recurse without bound.
//!
//! Must never: panic or loop forever on any input; see a character twice (tokenizing is one
//! linear pass, except that an f-string's body is re-scanned once for its fields); parse
//! expressions (an f-string field is handed to the parser as a [`SourceRange`] to tokenize with
//! [`Tokenizer::for_fstring_field`]).

use super::error::{SyntaxError, SyntaxErrorKind};
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use bumpalo::Bump;
use core::cell::RefCell;

/// The deepest bracket nesting accepted (CPython's `MAXLEVEL`).
pub const MAX_PAREN_DEPTH: usize = 200;
/// The deepest indentation accepted (CPython's `MAXINDENT`).
pub const MAX_INDENT_DEPTH: usize = 100;

/// Interns names into the arena: one stored copy per distinct name.
#[derive(Debug)]
pub struct Interner<'a> {
    arena: &'a Bump,
    names: RefCell<BTreeSet<&'a str>>,
}

impl<'a> Interner<'a> {
    pub fn new(arena: &'a Bump) -> Interner<'a> {
        Interner { arena, names: RefCell::new(BTreeSet::new()) }
    }

    /// The arena copy of `name`, the same reference for every equal name.
    pub fn intern(&self, name: &str) -> &'a str {
        let mut names = self.names.borrow_mut();
        if let Some(found) = names.get(name) {
            return found;
        }
        let stored: &'a str = self.arena.alloc_str(name);
        names.insert(stored);
        stored
    }

    /// The arena the names live in.
    pub fn arena(&self) -> &'a Bump {
        self.arena
    }
}

/// One token with where it starts and (exclusively) ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token<'a> {
    pub kind: TokenKind<'a>,
    /// 1-based line of the first character.
    pub line: u32,
    /// 1-based column of the first character, in characters.
    pub column: u32,
    pub end_line: u32,
    /// 1-based column just after the last character.
    pub end_column: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokenKind<'a> {
    /// An identifier, soft keywords (`match`, `case`, `_`) included.
    Name(&'a str),
    Keyword(Keyword),
    /// An int literal; mote ints are 64-bit, a literal beyond `u64` is refused.
    Int(u64),
    Float(f64),
    /// A string literal with its escapes decoded (`u` and `r` prefixes included).
    Str(&'a str),
    /// An f-string (prefix `f`, `rf`...): literal pieces and fields still to be parsed.
    FString(&'a [FStringPiece<'a>]),
    Op(Op),
    /// A character that is no token at all (`$`, `?`, `!`, backtick): the parser reports it.
    Unknown(char),
    /// End of a logical line.
    Newline,
    /// A line break that ends no logical line (blank line, inside brackets).
    Nl,
    Comment,
    Indent,
    Dedent,
    EndMarker,
}

/// A piece of an f-string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FStringPiece<'a> {
    /// Literal text, escapes and doubled braces already decoded.
    Literal(&'a str),
    /// A replacement field `{expr!c:spec}`.
    Field(FieldSource<'a>),
}

/// A replacement field as found in the source; the parser parses `expr`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldSource<'a> {
    /// The expression's text in the source.
    pub expr: SourceRange,
    /// For the `=` specifier (`f"{x = }"`): the text from the expression's start to just
    /// before the conversion or spec, `=` and whitespace included.
    pub debug_text: Option<&'a str>,
    /// `s`, `r` or `a`.
    pub conversion: Option<char>,
    /// The format spec after `:`, itself literal pieces and fields.
    pub format_spec: Option<&'a [FStringPiece<'a>]>,
}

/// A byte range of the source and the line it starts on, to tokenize again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRange {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    /// Byte offset of the start of line `line`.
    pub line_start: usize,
}

macro_rules! keywords {
    ($($variant:ident = $text:literal,)*) => {
        /// A reserved word.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Keyword { $($variant,)* }

        impl Keyword {
            pub fn from_name(name: &str) -> Option<Keyword> {
                match name { $($text => Some(Keyword::$variant),)* _ => None }
            }
            pub fn as_str(self) -> &'static str {
                match self { $(Keyword::$variant => $text,)* }
            }
        }
    };
}

keywords! {
    False = "False", None = "None", True = "True", And = "and", As = "as", Assert = "assert",
    Async = "async", Await = "await", Break = "break", Class = "class", Continue = "continue",
    Def = "def", Del = "del", Elif = "elif", Else = "else", Except = "except",
    Finally = "finally", For = "for", From = "from", Global = "global", If = "if",
    Import = "import", In = "in", Is = "is", Lambda = "lambda", Nonlocal = "nonlocal",
    Not = "not", Or = "or", Pass = "pass", Raise = "raise", Return = "return", Try = "try",
    While = "while", With = "with", Yield = "yield",
}

macro_rules! operators {
    ($($variant:ident = $text:literal,)*) => {
        /// An operator or delimiter.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Op { $($variant,)* }

        impl Op {
            pub fn as_str(self) -> &'static str {
                match self { $(Op::$variant => $text,)* }
            }
        }

        /// Every operator, longest spellings first so the first prefix match is the token.
        const OPERATORS: &[(&str, Op)] = &[$(($text, Op::$variant),)*];
    };
}

operators! {
    Ellipsis = "...", DoubleStarEqual = "**=", DoubleSlashEqual = "//=", LeftShiftEqual = "<<=",
    RightShiftEqual = ">>=",
    DoubleStar = "**", DoubleSlash = "//", LeftShift = "<<", RightShift = ">>", LessEqual = "<=",
    GreaterEqual = ">=", EqEqual = "==", NotEqual = "!=", PlusEqual = "+=", MinusEqual = "-=",
    StarEqual = "*=", SlashEqual = "/=", PercentEqual = "%=", AmperEqual = "&=", VBarEqual = "|=",
    CircumflexEqual = "^=", AtEqual = "@=", RArrow = "->", ColonEqual = ":=",
    LPar = "(", RPar = ")", LSqb = "[", RSqb = "]", LBrace = "{", RBrace = "}", Colon = ":",
    Comma = ",", Semi = ";", Plus = "+", Minus = "-", Star = "*", Slash = "/", VBar = "|",
    Amper = "&", Less = "<", Greater = ">", Equal = "=", Dot = ".", Percent = "%", Tilde = "~",
    Circumflex = "^", At = "@",
}

/// An open bracket: which, and where (for "was never closed" and mismatch messages).
#[derive(Debug, Clone, Copy)]
struct OpenBracket {
    ch: u8,
    line: u32,
    column: u32,
}

/// Source text to tokens. See the module comment.
#[derive(Debug)]
pub struct Tokenizer<'p, 'a> {
    src: &'p str,
    interner: &'p Interner<'a>,
    pos: usize,
    end: usize,
    line: u32,
    line_start: usize,
    /// Column cache for the current line: (byte offset, 0-based character column).
    col_cache: (usize, u32),
    /// Indentation stack: columns with tabs to 8 and, for the consistency check, tabs to 1.
    indents: Vec<(u32, u32)>,
    brackets: Vec<OpenBracket>,
    at_line_start: bool,
    /// Whether the current logical line has produced a token that is not a comment.
    line_has_tokens: bool,
    /// Where a comment started on this line (NEWLINE is placed there, as CPython does).
    comment_column: Option<u32>,
    pending_dedents: u32,
    dedent_at: (u32, u32),
    /// Tokenizing an f-string field: inside implicit brackets, ends with EndMarker.
    field_mode: bool,
    finished: bool,
    /// An error found inside an f-string, reported at the token after it (see `next_token`).
    pending_error: Option<SyntaxError>,
}

type TResult<T> = Result<T, SyntaxError>;

impl<'p, 'a> Tokenizer<'p, 'a> {
    /// A tokenizer for a whole module. `src` must not contain `\r` line breaks (normalize
    /// them first, as `parse_module` does).
    pub fn new(src: &'p str, interner: &'p Interner<'a>) -> Tokenizer<'p, 'a> {
        let start = if src.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Tokenizer {
            src,
            interner,
            pos: start,
            end: src.len(),
            line: 1,
            line_start: start,
            col_cache: (start, 0),
            indents: Vec::new(),
            brackets: Vec::new(),
            at_line_start: true,
            line_has_tokens: false,
            comment_column: None,
            pending_dedents: 0,
            dedent_at: (0, 0),
            field_mode: false,
            finished: false,
            pending_error: None,
        }
    }

    /// A tokenizer for the expression of an f-string field: as if inside brackets (line
    /// breaks are NL, no indentation), with positions in the enclosing source.
    pub fn for_fstring_field(src: &'p str, interner: &'p Interner<'a>, range: SourceRange) -> Tokenizer<'p, 'a> {
        let end = range.end.min(src.len());
        Tokenizer {
            src,
            interner,
            pos: range.start.min(end),
            end,
            line: range.line,
            line_start: range.line_start,
            col_cache: (range.line_start, 0),
            indents: Vec::new(),
            brackets: Vec::new(),
            at_line_start: false,
            line_has_tokens: true,
            comment_column: None,
            pending_dedents: 0,
            dedent_at: (0, 0),
            field_mode: true,
            finished: false,
            pending_error: None,
        }
    }

    /// Whether the tokenizer is inside brackets (explicit or an f-string field's).
    pub fn in_brackets(&self) -> bool {
        !self.brackets.is_empty() || self.field_mode
    }

    fn byte(&self, at: usize) -> u8 {
        if at < self.end {
            self.src.as_bytes()[at]
        } else {
            0
        }
    }

    fn char_at(&self, at: usize) -> Option<char> {
        if at < self.end {
            self.src.get(at..self.end).and_then(|s| s.chars().next())
        } else {
            None
        }
    }

    /// 1-based character column of byte `at` on the current line.
    fn col(&mut self, at: usize) -> u32 {
        let (cached_at, cached_col) = self.col_cache;
        let (from, base) = if cached_at >= self.line_start && cached_at <= at {
            (cached_at, cached_col)
        } else {
            (self.line_start, 0)
        };
        let n = self.src.get(from..at).map_or(0, |s| s.chars().count() as u32);
        self.col_cache = (at, base + n);
        base + n + 1
    }

    fn newline_at(&mut self, at: usize) {
        self.line += 1;
        self.line_start = at + 1;
        self.col_cache = (self.line_start, 0);
    }

    fn error(&self, kind: SyntaxErrorKind, message: impl Into<String>, line: u32, column: u32) -> SyntaxError {
        SyntaxError::new(kind, message, line, column)
    }

    fn syntax_error(&mut self, message: impl Into<String>, at: usize) -> SyntaxError {
        let column = self.col(at);
        self.error(SyntaxErrorKind::SyntaxError, message, self.line, column)
    }

    /// CPython's offset for errors raised with the tokenizer's cursor at `at`: the 0-based
    /// index of that character (one less than its column).
    fn error_at_index(&mut self, message: impl Into<String>, at: usize) -> SyntaxError {
        let column = self.col(at) - 1;
        self.error(SyntaxErrorKind::SyntaxError, message, self.line, column.max(1))
    }

    fn token(&mut self, kind: TokenKind<'a>, start: usize, start_line: u32, start_col: u32) -> Token<'a> {
        let end_column = self.col(self.pos);
        if !matches!(kind, TokenKind::Comment | TokenKind::Nl | TokenKind::Newline) {
            self.line_has_tokens = true;
        }
        let _ = start;
        Token { kind, line: start_line, column: start_col, end_line: self.line, end_column }
    }

    /// The next token; after the end, EndMarker forever.
    ///
    /// An error inside an f-string (other than in a field's expression, which the parser
    /// parses) is returned by the call after the one that returned the f-string (whose pieces
    /// are then empty), placed at the token after it, as CPython reports it.
    pub fn next_token(&mut self) -> TResult<Token<'a>> {
        let Some(mut error) = self.pending_error.take() else { return self.scan() };
        // CPython 3.11 looks into an f-string only after reading the token that follows it,
        // and reports the f-string's errors at that token.
        let next = self.scan()?;
        error.line = next.line;
        error.column = next.column;
        error.end_line = next.end_line;
        error.end_column = if next.kind == TokenKind::Newline { next.column } else { next.end_column };
        Err(error)
    }

    fn scan(&mut self) -> TResult<Token<'a>> {
        loop {
            if self.pending_dedents > 0 {
                self.pending_dedents -= 1;
                let (line, column) = self.dedent_at;
                return Ok(Token { kind: TokenKind::Dedent, line, column, end_line: line, end_column: column });
            }
            if self.finished {
                return Ok(Token {
                    kind: TokenKind::EndMarker,
                    line: self.line,
                    column: 1,
                    end_line: self.line,
                    end_column: 1,
                });
            }
            if self.at_line_start && !self.in_brackets() {
                self.at_line_start = false;
                if let Some(token) = self.indentation()? {
                    return Ok(token);
                }
                continue;
            }
            // Whitespace between tokens.
            while self.pos < self.end && matches!(self.byte(self.pos), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            if self.pos >= self.end {
                return self.end_of_input();
            }
            let start = self.pos;
            let start_line = self.line;
            let start_col = self.col(start);
            let c = self.byte(start);
            match c {
                b'#' => {
                    while self.pos < self.end && self.byte(self.pos) != b'\n' {
                        self.pos += 1;
                    }
                    if self.field_mode {
                        return Err(self.syntax_error("f-string expression part cannot include '#'", start));
                    }
                    self.comment_column = Some(start_col);
                    return Ok(self.token(TokenKind::Comment, start, start_line, start_col));
                }
                b'\n' => {
                    self.pos += 1;
                    let logical_end = self.line_has_tokens && !self.in_brackets();
                    let column = if logical_end { self.comment_column.unwrap_or(start_col) } else { start_col };
                    let token = Token {
                        kind: if logical_end { TokenKind::Newline } else { TokenKind::Nl },
                        line: start_line,
                        column,
                        end_line: start_line,
                        end_column: start_col + 1,
                    };
                    self.newline_at(start);
                    self.comment_column = None;
                    if !self.in_brackets() {
                        self.at_line_start = true;
                        self.line_has_tokens = false;
                    }
                    return Ok(token);
                }
                b'\\' => {
                    let next = self.byte(start + 1);
                    if start + 1 >= self.end || (next == b'\n' && start + 2 >= self.end) {
                        let column = start_col + 1;
                        return Err(self.error(
                            SyntaxErrorKind::SyntaxError,
                            "unexpected EOF while parsing",
                            self.line,
                            column,
                        ));
                    }
                    if next != b'\n' {
                        let column = start_col + 1;
                        return Err(self.error(
                            SyntaxErrorKind::SyntaxError,
                            "unexpected character after line continuation character",
                            self.line,
                            column,
                        ));
                    }
                    self.pos = start + 2;
                    self.newline_at(start + 1);
                    continue;
                }
                b'0'..=b'9' => return self.number(start, start_line, start_col),
                b'.' if self.byte(start + 1).is_ascii_digit() => return self.number(start, start_line, start_col),
                b'\'' | b'"' => return self.string(start, start, start_line, start_col, ""),
                _ => {}
            }
            let ch = self.char_at(start).unwrap_or('\0');
            if is_id_start(ch) {
                return self.name_or_prefixed_string(start, start_line, start_col);
            }
            if let Some(&(text, op)) = OPERATORS.iter().find(|(text, _)| self.src[start..self.end].starts_with(text)) {
                self.pos = start + text.len();
                self.bracket(op, start_line, start_col)?;
                return Ok(self.token(TokenKind::Op(op), start, start_line, start_col));
            }
            if ch.is_ascii() && !ch.is_ascii_control() {
                self.pos = start + 1;
                return Ok(self.token(TokenKind::Unknown(ch), start, start_line, start_col));
            }
            let message = if !is_printable(ch) {
                format!("invalid non-printable character U+{:04X}", ch as u32)
            } else {
                format!("invalid character '{ch}' (U+{:04X})", ch as u32)
            };
            return Err(self.error(SyntaxErrorKind::SyntaxError, message, start_line, start_col));
        }
    }

    /// Keeps the bracket stack; reports unmatched and mismatched closers and too deep nesting.
    fn bracket(&mut self, op: Op, line: u32, column: u32) -> TResult<()> {
        let ch = match op {
            Op::LPar => b'(',
            Op::LSqb => b'[',
            Op::LBrace => b'{',
            Op::RPar => b')',
            Op::RSqb => b']',
            Op::RBrace => b'}',
            _ => return Ok(()),
        };
        if matches!(ch, b'(' | b'[' | b'{') {
            if self.brackets.len() >= MAX_PAREN_DEPTH {
                return Err(self.error(SyntaxErrorKind::SyntaxError, "too many nested parentheses", line, column));
            }
            self.brackets.push(OpenBracket { ch, line, column });
            return Ok(());
        }
        let Some(open) = self.brackets.pop() else {
            if self.field_mode {
                return Err(self.error(
                    SyntaxErrorKind::SyntaxError,
                    format!("f-string: unmatched '{}'", ch as char),
                    line,
                    column,
                ));
            }
            return Err(self.error(SyntaxErrorKind::SyntaxError, format!("unmatched '{}'", ch as char), line, column));
        };
        let expected = match open.ch {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if ch != expected {
            let message = if open.line != line {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    ch as char, open.ch as char, open.line
                )
            } else {
                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", ch as char, open.ch as char)
            };
            return Err(self.error(SyntaxErrorKind::SyntaxError, message, line, column));
        }
        Ok(())
    }

    /// At the start of a line outside brackets: measures the indentation and returns INDENT,
    /// the first DEDENT (queueing the others), or nothing (same level, or a blank line).
    fn indentation(&mut self) -> TResult<Option<Token<'a>>> {
        let mut col = 0u32;
        let mut alt = 0u32;
        let mut p = self.pos;
        while p < self.end {
            match self.byte(p) {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            p += 1;
        }
        self.pos = p;
        // Blank lines, comment-only lines and the end of input leave indentation alone.
        if p >= self.end || matches!(self.byte(p), b'#' | b'\n') {
            return Ok(None);
        }
        let line = self.line;
        let first_col = self.col(p);
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        let tab_error = |t: &Self| {
            t.error(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", line, 1)
        };
        if col == top {
            if alt != top_alt {
                return Err(tab_error(self));
            }
            Ok(None)
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error(self));
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(self.error(SyntaxErrorKind::IndentationError, "too many levels of indentation", line, 1));
            }
            self.indents.push((col, alt));
            self.line_has_tokens = true;
            Ok(Some(Token { kind: TokenKind::Indent, line, column: 1, end_line: line, end_column: first_col }))
        } else {
            let mut dedents = 0;
            while let Some(&(c, _)) = self.indents.last() {
                if col >= c {
                    break;
                }
                self.indents.pop();
                dedents += 1;
            }
            let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                let line_text = self.src[self.line_start..self.end].split('\n').next().unwrap_or("");
                let column = line_text.chars().count() as u32 + 1;
                return Err(self.error(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    line,
                    column,
                ));
            }
            if alt != top_alt {
                return Err(tab_error(self));
            }
            self.pending_dedents = dedents;
            self.dedent_at = (line, first_col);
            Ok(None)
        }
    }

    fn end_of_input(&mut self) -> TResult<Token<'a>> {
        if self.field_mode {
            self.finished = true;
            let column = self.col(self.pos);
            return Ok(Token {
                kind: TokenKind::EndMarker,
                line: self.line,
                column,
                end_line: self.line,
                end_column: column,
            });
        }
        if let Some(open) = self.brackets.last() {
            return Err(self.error(
                SyntaxErrorKind::SyntaxError,
                format!("'{}' was never closed", open.ch as char),
                open.line,
                open.column,
            ));
        }
        if self.line_has_tokens {
            // A last line without a line break still ends its logical line.
            self.line_has_tokens = false;
            let column = self.comment_column.unwrap_or_else(|| self.col(self.pos));
            let end_column = self.col(self.pos) + 1;
            return Ok(Token { kind: TokenKind::Newline, line: self.line, column, end_line: self.line, end_column });
        }
        // The end marker sits at the start of the line after the last one.
        if self.pos > self.line_start {
            self.newline_at(self.pos);
        }
        self.finished = true;
        self.pending_dedents = self.indents.len() as u32;
        self.indents.clear();
        self.dedent_at = (self.line, 1);
        self.next_token()
    }

    fn name_or_prefixed_string(&mut self, start: usize, line: u32, column: u32) -> TResult<Token<'a>> {
        let mut p = start;
        while let Some(ch) = self.char_at(p) {
            if !is_id_continue(ch) {
                break;
            }
            p += ch.len_utf8();
        }
        let text = &self.src[start..p];
        if matches!(self.byte(p), b'\'' | b'"') && is_string_prefix(text) {
            return self.string(start, p, line, column, text);
        }
        self.pos = p;
        let kind = match Keyword::from_name(text) {
            Some(keyword) => TokenKind::Keyword(keyword),
            None => TokenKind::Name(self.interner.intern(text)),
        };
        Ok(self.token(kind, start, line, column))
    }

    // ---------------------------------------------------------------- numbers

    fn number(&mut self, start: usize, line: u32, column: u32) -> TResult<Token<'a>> {
        let b = self.byte(start);
        self.pos = start;
        if b == b'0' && matches!(self.byte(start + 1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let (radix, kind): (u32, &str) = match self.byte(start + 1) {
                b'x' | b'X' => (16, "hexadecimal"),
                b'o' | b'O' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.pos = start + 2;
            let mut c = self.byte(self.pos);
            loop {
                if c == b'_' {
                    self.pos += 1;
                    c = self.byte(self.pos);
                }
                if !is_digit_in(c, radix) {
                    return Err(self.bad_digit_or_literal(c, radix, kind));
                }
                while is_digit_in(c, radix) {
                    self.pos += 1;
                    c = self.byte(self.pos);
                }
                if c != b'_' {
                    break;
                }
            }
            if radix < 10 && c.is_ascii_digit() {
                return Err(self.bad_digit_or_literal(c, radix, kind));
            }
            self.end_of_number(kind)?;
            let text: String = self.src[start + 2..self.pos].chars().filter(|&c| c != '_').collect();
            let value = self.int_value(&text, radix, line, column)?;
            return Ok(self.token(TokenKind::Int(value), start, line, column));
        }
        let mut is_float = false;
        if b == b'.' {
            is_float = true;
            self.pos = start + 1;
            self.decimal_tail()?;
        } else {
            self.decimal_tail()?;
            if self.byte(self.pos) == b'.' {
                is_float = true;
                self.pos += 1;
                if self.byte(self.pos).is_ascii_digit() {
                    self.decimal_tail()?;
                }
            }
        }
        if matches!(self.byte(self.pos), b'e' | b'E') {
            let e_at = self.pos;
            self.pos += 1;
            if matches!(self.byte(self.pos), b'+' | b'-') {
                self.pos += 1;
                if !self.byte(self.pos).is_ascii_digit() {
                    return Err(self.error_at_index("invalid decimal literal", self.pos));
                }
            } else if !self.byte(self.pos).is_ascii_digit() {
                // `1else`: the number ends before the `e`.
                self.pos = e_at;
                if self.keyword_follows() {
                    return self.finish_decimal(start, is_float, line, column);
                }
                return Err(self.error_at_index("invalid decimal literal", e_at));
            }
            is_float = true;
            self.decimal_tail()?;
        }
        if matches!(self.byte(self.pos), b'j' | b'J') {
            self.pos += 1;
            return Err(self.error(
                SyntaxErrorKind::NotImplemented,
                "imaginary (complex) literals are not supported by mote",
                line,
                column,
            ));
        }
        if !is_float {
            self.leading_zeros(start, line, column)?;
        }
        self.end_of_number("decimal")?;
        self.finish_decimal(start, is_float, line, column)
    }

    /// `0777` is refused, as in Python 3 (`0`, `00` and `0_0` are fine).
    fn leading_zeros(&mut self, start: usize, line: u32, column: u32) -> TResult<()> {
        let digits = &self.src.as_bytes()[start..self.pos];
        if digits.first() == Some(&b'0') && digits.iter().any(|&d| d.is_ascii_digit() && d != b'0') {
            let mut e = self.error(
                SyntaxErrorKind::SyntaxError,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                line,
                column,
            );
            e.end_line = line;
            e.end_column = self.col(self.pos);
            return Err(e);
        }
        Ok(())
    }

    fn finish_decimal(&mut self, start: usize, is_float: bool, line: u32, column: u32) -> TResult<Token<'a>> {
        let text: String = self.src[start..self.pos].chars().filter(|&c| c != '_').collect();
        if is_float {
            let value: f64 = text
                .parse()
                .map_err(|_| self.error(SyntaxErrorKind::SyntaxError, "invalid decimal literal", line, column))?;
            return Ok(self.token(TokenKind::Float(value), start, line, column));
        }
        let value = self.int_value(&text, 10, line, column)?;
        Ok(self.token(TokenKind::Int(value), start, line, column))
    }

    fn int_value(&self, digits: &str, radix: u32, line: u32, column: u32) -> TResult<u64> {
        u64::from_str_radix(digits, radix).map_err(|_| {
            self.error(SyntaxErrorKind::NotImplemented, "integer literal too large: mote ints are 64-bit", line, column)
        })
    }

    /// Digits with single underscores between them.
    fn decimal_tail(&mut self) -> TResult<()> {
        loop {
            while self.byte(self.pos).is_ascii_digit() {
                self.pos += 1;
            }
            if self.byte(self.pos) != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.byte(self.pos).is_ascii_digit() {
                return Err(self.error_at_index("invalid decimal literal", self.pos));
            }
        }
    }

    fn bad_digit_or_literal(&mut self, c: u8, radix: u32, kind: &str) -> SyntaxError {
        if c.is_ascii_digit() && radix < 10 {
            return self.error_at_index(format!("invalid digit '{}' in {kind} literal", c as char), self.pos + 1);
        }
        self.error_at_index(format!("invalid {kind} literal"), self.pos)
    }

    /// Whether a keyword that may follow a number starts here (`1if x else 2`, `0x1for`).
    fn keyword_follows(&self) -> bool {
        let rest = &self.src.as_bytes()[self.pos.min(self.end)..self.end];
        let starts = |w: &[u8]| rest.starts_with(w);
        match rest.first() {
            Some(b'a') => starts(b"and"),
            Some(b'e') => starts(b"else"),
            Some(b'f') => starts(b"for"),
            Some(b'i') => starts(b"if") || starts(b"in") || starts(b"is"),
            Some(b'o') => starts(b"or"),
            Some(b'n') => starts(b"not"),
            _ => false,
        }
    }

    /// CPython's `verify_end_of_number`: a number may be followed directly by a keyword, but
    /// not by other identifier characters.
    fn end_of_number(&mut self, kind: &str) -> TResult<()> {
        if self.keyword_follows() {
            return Ok(());
        }
        // Like CPython 3.11, only ASCII identifier characters make a bad literal.
        if let Some(ch) = self.char_at(self.pos) {
            if ch.is_ascii() && is_id_continue(ch) {
                return Err(self.error_at_index(format!("invalid {kind} literal"), self.pos));
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- strings

    /// A string literal whose prefix is `src[start..quote_at]`.
    fn string(&mut self, start: usize, quote_at: usize, line: u32, column: u32, prefix: &str) -> TResult<Token<'a>> {
        let lower = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
        let (raw, bytes, fstring) = (lower('r'), lower('b'), lower('f'));
        let quote = self.byte(quote_at);
        let triple = self.byte(quote_at + 1) == quote && self.byte(quote_at + 2) == quote;
        let body_start = quote_at + if triple { 3 } else { 1 };
        let body_line = self.line;
        let body_line_start = self.line_start;
        let mut p = body_start;
        let body_end;
        loop {
            if p >= self.end {
                let detected = if self.src[..self.end].ends_with('\n') { self.line - 1 } else { self.line };
                let what =
                    if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
                return Err(self.error(
                    SyntaxErrorKind::SyntaxError,
                    format!("{what} (detected at line {detected})"),
                    line,
                    column,
                ));
            }
            let c = self.byte(p);
            if c == quote {
                if !triple {
                    body_end = p;
                    p += 1;
                    break;
                }
                if self.byte(p + 1) == quote && self.byte(p + 2) == quote && p + 2 < self.end {
                    body_end = p;
                    p += 3;
                    break;
                }
            } else if c == b'\\' {
                p += 1;
                if self.byte(p) == b'\n' && p < self.end {
                    self.newline_at(p);
                }
            } else if c == b'\n' {
                if !triple {
                    let detected = self.line;
                    return Err(self.error(
                        SyntaxErrorKind::SyntaxError,
                        format!("unterminated string literal (detected at line {detected})"),
                        line,
                        column,
                    ));
                }
                self.newline_at(p);
            }
            p += 1;
        }
        self.pos = p;
        let end_column = self.col(p);
        if bytes {
            return Err(self.error(
                SyntaxErrorKind::NotImplemented,
                "bytes literals are not supported by mote",
                line,
                column,
            ));
        }
        let kind = if fstring {
            let mut cursor = Cursor { pos: body_start, line: body_line, line_start: body_line_start };
            let pieces = match self.fstring_body(&mut cursor, body_end, raw, 0, (self.line, end_column)) {
                // Only a format spec stops at a '}'; at the top level it is an error already.
                Ok(_) if cursor.pos < body_end => Err(self.error(
                    SyntaxErrorKind::SyntaxError,
                    "f-string: single '}' is not allowed",
                    self.line,
                    end_column,
                )),
                other => other,
            };
            match pieces {
                Ok(pieces) => TokenKind::FString(pieces),
                Err(e)
                    if !self.field_mode
                        && e.kind == SyntaxErrorKind::SyntaxError
                        && e.message.starts_with("f-string") =>
                {
                    self.pending_error = Some(e);
                    TokenKind::FString(&[])
                }
                Err(e) => return Err(e),
            }
        } else {
            let text = &self.src[body_start..body_end];
            TokenKind::Str(self.decoded(text, raw, (self.line, end_column))?)
        };
        Ok(self.token(kind, start, line, column))
    }

    /// `text` with its escapes decoded (unless raw), stored in the arena.
    fn decoded(&self, text: &str, raw: bool, error_at: (u32, u32)) -> TResult<&'a str> {
        let arena = self.interner.arena();
        if raw || !text.contains('\\') {
            return Ok(arena.alloc_str(text));
        }
        let mut out = String::with_capacity(text.len());
        decode_escapes(text, &mut out).map_err(|(kind, message)| self.error(kind, message, error_at.0, error_at.1))?;
        Ok(arena.alloc_str(&out))
    }

    /// Splits an f-string body (or, at `level` > 0, a format spec, which ends at an unmatched
    /// `}`) into pieces. Follows CPython 3.11's `fstring_find_literal` / `fstring_find_expr`.
    fn fstring_body(
        &mut self,
        cur: &mut Cursor,
        end: usize,
        raw: bool,
        level: u32,
        error_at: (u32, u32),
    ) -> TResult<&'a [FStringPiece<'a>]> {
        let arena = self.interner.arena();
        let mut pieces = bumpalo::collections::Vec::new_in(arena);
        let mut literal = String::new();
        let mut segment = cur.pos;
        let bytes = self.src.as_bytes();
        while cur.pos < end {
            let c = bytes[cur.pos];
            if c == b'\\' && !raw && cur.pos + 1 < end {
                let next = bytes[cur.pos + 1];
                if next == b'N' && cur.pos + 2 < end && bytes[cur.pos + 2] == b'{' {
                    // Skip `\N{...}` so its brace does not start a field (decoding refuses it).
                    cur.pos += 3;
                    while cur.pos < end && bytes[cur.pos] != b'}' {
                        cur.pos += 1;
                    }
                    cur.pos += 1;
                    continue;
                }
                if next != b'{' && next != b'}' {
                    if next == b'\n' {
                        cur.newline_at(cur.pos + 1);
                    }
                    cur.pos += 2;
                    continue;
                }
                cur.pos += 1;
                continue;
            }
            if c == b'{' || c == b'}' {
                if level == 0 && cur.pos + 1 < end && bytes[cur.pos + 1] == c {
                    self.flush_literal(&mut literal, segment, cur.pos, raw, error_at)?;
                    literal.push(c as char);
                    cur.pos += 2;
                    segment = cur.pos;
                    continue;
                }
                if c == b'}' {
                    if level == 0 {
                        let column = self.column_in(cur, cur.pos) + 1;
                        return Err(self.error(
                            SyntaxErrorKind::SyntaxError,
                            "f-string: single '}' is not allowed",
                            cur.line,
                            column,
                        ));
                    }
                    break;
                }
                self.flush_literal(&mut literal, segment, cur.pos, raw, error_at)?;
                if !literal.is_empty() {
                    pieces.push(FStringPiece::Literal(arena.alloc_str(&literal)));
                    literal.clear();
                }
                cur.pos += 1;
                let field = self.fstring_field(cur, end, raw, level, error_at)?;
                pieces.push(FStringPiece::Field(field));
                segment = cur.pos;
                continue;
            }
            if c == b'\n' {
                cur.newline_at(cur.pos);
            }
            cur.pos += 1;
        }
        self.flush_literal(&mut literal, segment, cur.pos.min(end), raw, error_at)?;
        if !literal.is_empty() {
            pieces.push(FStringPiece::Literal(arena.alloc_str(&literal)));
        }
        Ok(pieces.into_bump_slice())
    }

    fn flush_literal(
        &self,
        literal: &mut String,
        from: usize,
        to: usize,
        raw: bool,
        error_at: (u32, u32),
    ) -> TResult<()> {
        if from >= to {
            return Ok(());
        }
        let text = &self.src[from..to];
        if raw || !text.contains('\\') {
            literal.push_str(text);
            return Ok(());
        }
        decode_escapes(text, literal).map_err(|(kind, message)| self.error(kind, message, error_at.0, error_at.1))
    }

    fn column_in(&self, cur: &Cursor, at: usize) -> u32 {
        self.src.get(cur.line_start..at).map_or(0, |s| s.chars().count() as u32)
    }

    /// A replacement field, the cursor just after its `{`; leaves the cursor after its `}`.
    fn fstring_field(
        &mut self,
        cur: &mut Cursor,
        end: usize,
        raw: bool,
        level: u32,
        error_at: (u32, u32),
    ) -> TResult<FieldSource<'a>> {
        let bytes = self.src.as_bytes();
        let fail = |t: &Self, cur: &Cursor, message: &str| {
            let column = t.column_in(cur, cur.pos.min(end)) + 1;
            t.error(SyntaxErrorKind::SyntaxError, message, cur.line, column)
        };
        if level >= 2 {
            return Err(fail(self, cur, "f-string: expressions nested too deeply"));
        }
        let expr_start = SourceRange { start: cur.pos, end: cur.pos, line: cur.line, line_start: cur.line_start };
        let mut quote = 0u8;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while cur.pos < end {
            let c = bytes[cur.pos];
            if c == b'\\' {
                return Err(fail(self, cur, "f-string expression part cannot include a backslash"));
            }
            if quote != 0 {
                if c == quote {
                    if !triple {
                        quote = 0;
                    } else if cur.pos + 2 < end && bytes[cur.pos + 1] == c && bytes[cur.pos + 2] == c {
                        cur.pos += 3;
                        quote = 0;
                        continue;
                    }
                } else if c == b'\n' {
                    cur.newline_at(cur.pos);
                }
                cur.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    triple = cur.pos + 2 < end && bytes[cur.pos + 1] == c && bytes[cur.pos + 2] == c;
                    quote = c;
                    cur.pos += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= MAX_PAREN_DEPTH {
                        return Err(fail(self, cur, "f-string: too many nested parenthesis"));
                    }
                    stack.push(c);
                }
                b'#' => return Err(fail(self, cur, "f-string expression part cannot include '#'")),
                b'!' | b'=' | b'<' | b'>' if stack.is_empty() && cur.pos + 1 < end && bytes[cur.pos + 1] == b'=' => {
                    cur.pos += 2;
                    continue;
                }
                b'<' | b'>' => {}
                b'!' | b':' | b'}' | b'=' if stack.is_empty() => break,
                b')' | b']' | b'}' => {
                    let Some(open) = stack.pop() else {
                        return Err(fail(self, cur, &format!("f-string: unmatched '{}'", c as char)));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let message = format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        );
                        return Err(fail(self, cur, &message));
                    }
                }
                b'\n' => cur.newline_at(cur.pos),
                _ => {}
            }
            cur.pos += 1;
        }
        if quote != 0 {
            return Err(fail(self, cur, "f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(fail(self, cur, &format!("f-string: unmatched '{}'", open as char)));
        }
        if cur.pos >= end {
            return Err(fail(self, cur, "f-string: expecting '}'"));
        }
        let expr = SourceRange { end: cur.pos, ..expr_start };
        let text = &self.src[expr.start..expr.end];
        if text.chars().all(|c| c.is_whitespace()) {
            let stop = bytes[cur.pos];
            let message = if stop == b'}' {
                String::from("f-string: empty expression not allowed")
            } else {
                format!("f-string: expression required before '{}'", stop as char)
            };
            return Err(fail(self, cur, &message));
        }
        let mut debug_text = None;
        if bytes[cur.pos] == b'=' {
            cur.pos += 1;
            while cur.pos < end && bytes[cur.pos].is_ascii_whitespace() {
                if bytes[cur.pos] == b'\n' {
                    cur.newline_at(cur.pos);
                }
                cur.pos += 1;
            }
            debug_text = Some(&*self.interner.arena().alloc_str(&self.src[expr.start..cur.pos]));
            if cur.pos >= end {
                return Err(fail(self, cur, "f-string: expecting '}'"));
            }
        }
        let mut conversion = None;
        if bytes[cur.pos] == b'!' {
            cur.pos += 1;
            if cur.pos >= end {
                return Err(fail(self, cur, "f-string: expecting '}'"));
            }
            let c = self.src[cur.pos..end].chars().next().unwrap_or('\0');
            cur.pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(fail(self, cur, "f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if cur.pos < end && bytes[cur.pos] == b':' {
            cur.pos += 1;
            format_spec = Some(self.fstring_body(cur, end, raw, level + 1, error_at)?);
        }
        if cur.pos >= end || bytes[cur.pos] != b'}' {
            return Err(fail(self, cur, "f-string: expecting '}'"));
        }
        cur.pos += 1;
        Ok(FieldSource { expr, debug_text, conversion, format_spec })
    }
}

/// A position while re-scanning an f-string body.
#[derive(Debug)]
struct Cursor {
    pos: usize,
    line: u32,
    line_start: usize,
}

impl Cursor {
    fn newline_at(&mut self, at: usize) {
        self.line += 1;
        self.line_start = at + 1;
    }
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_combining(c)))
}

/// Marks and connectors that Python allows inside identifiers (an approximation of XID).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200C | 0x200D)
}

/// Python's `str.isprintable` for one character, as far as it matters here: control and
/// format characters, separators other than the space, private-use and noncharacters are not.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E)
        || matches!(u, 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xFFFE | 0xFFFF)
        || matches!(u, 0xF0000..=0x10FFFF | 0xE0001 | 0xE0020..=0xE007F))
}

fn is_string_prefix(text: &str) -> bool {
    let lower: String = text.chars().map(|c| c.to_ascii_lowercase()).collect();
    matches!(lower.as_str(), "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf")
}

fn is_digit_in(c: u8, radix: u32) -> bool {
    (c as char).is_digit(radix)
}

/// Decodes Python's backslash escapes in `text` (not raw) onto `out`. Errors carry CPython's
/// `(unicode error)` message, whose byte positions count each non-ASCII character as the ten
/// bytes of the `\UXXXXXXXX` escape CPython rewrites it to before decoding.
pub fn decode_escapes(text: &str, out: &mut String) -> Result<(), (SyntaxErrorKind, String)> {
    let mut chars = text.chars().peekable();
    let mut at = 0usize;
    let width = |c: char| if c.is_ascii() { 1 } else { 10 };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            at += width(c);
            continue;
        }
        let start = at;
        at += 1;
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        at += width(e);
        match e {
            '\n' => {}
            '\\' | '\'' | '"' => out.push(e),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&d @ '0'..='7') => {
                            value = value * 8 + (d as u32 - '0' as u32);
                            chars.next();
                            at += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (digits, name) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value = 0u32;
                for _ in 0..digits {
                    match chars.peek().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            value = value * 16 + d;
                            chars.next();
                            at += 1;
                        }
                        None => {
                            return Err((
                                SyntaxErrorKind::SyntaxError,
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                                    start,
                                    at - 1,
                                    name
                                ),
                            ));
                        }
                    }
                }
                if (0xD800..=0xDFFF).contains(&value) {
                    return Err((
                        SyntaxErrorKind::NotImplemented,
                        format!("lone surrogate escapes (\\u{value:04x}) are not supported by mote"),
                    ));
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err((
                            SyntaxErrorKind::SyntaxError,
                            format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                                start,
                                at - 1
                            ),
                        ));
                    }
                }
            }
            'N' => {
                return Err((
                    SyntaxErrorKind::NotImplemented,
                    String::from("\\N{...} escapes are not supported by mote"),
                ));
            }
            other => {
                // An unknown escape keeps its backslash (CPython warns).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(())
}
