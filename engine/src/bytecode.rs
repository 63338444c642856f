//! The instruction set: every opcode, listed once, with its operands and meaning.
//!
//! mote runs a register machine (Lua 5's design, not CPython's stack machine): a frame's
//! locals and temporaries are numbered registers, and an instruction names its operands,
//! so `x = a + b` is one instruction instead of four.
//!
//! An instruction is one 32-bit word, in one of two shapes:
//!
//! ```text
//! ABC:  op:8 | a:8 | b:8  | c:8      three register (or small) operands
//! ABx:  op:8 | a:8 | bx:16           a register and a 16-bit index (constant, name, jump)
//! ```
//!
//! Jumps store `bx` as an offset biased by 2^15 (`sbx`), relative to the next
//! instruction. Words are built and taken apart only here, with shifts and masks, so the
//! encoding is the same on big- and little-endian hosts.

/// Every opcode. `R[x]` is register x of the current frame, `K[x]` constant x, `N[x]`
/// name x (an interned string) of the current code object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    /// R[a] = R[b]
    Move,
    /// R[a] = K[bx]
    LoadConst,
    /// R[a] = None
    LoadNone,
    /// R[a] = True if b else False
    LoadBool,
    /// R[a] = sbx (a small int)
    LoadInt,
    /// R[a] = the global or builtin named N[bx] (NameError if neither)
    LoadGlobal,
    /// global N[bx] = R[a]
    StoreGlobal,
    /// del global N[bx]
    DeleteGlobal,
    /// R[a] = R[b] + R[c], and so on for each binary operator
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    /// R[a] = R[b] < R[c], and so on for each comparison
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
    /// R[a] = -R[b]
    Neg,
    /// R[a] = +R[b]
    Pos,
    /// R[a] = ~R[b]
    Invert,
    /// R[a] = not R[b]
    Not,
    /// ip += sbx
    Jump,
    /// if R[a] is true: ip += sbx
    JumpIfTrue,
    /// if R[a] is false: ip += sbx
    JumpIfFalse,
    /// Call R[a] with the b arguments R[a+1] .. R[a+b]; the result goes to R[a].
    Call,
    /// Return R[a] to the caller.
    Return,
    /// R[a] = (R[b], .., R[b+c-1])
    BuildTuple,
    /// R[a] = [R[b], .., R[b+c-1]]
    BuildList,
    /// R[a] = R[b][R[c]]
    GetItem,
    /// R[a][R[b]] = R[c]
    SetItem,
    /// R[a] = iter(R[b])
    GetIter,
    /// R[a+1] = next(R[a]), or ip += sbx when R[a] is exhausted
    ForIter,
    /// R[a] = a new function of code K[bx] with the current globals
    MakeFunction,
    /// R[a] = R[b].N[c]
    LoadAttr,
    /// R[a] = the method N[c] of R[b] and R[a+1] = R[b]; or, when the attribute is not a
    /// method of R[b]'s class, R[a] = the attribute and R[a+1] = NULL.
    LoadMethod,
    /// Call what `LoadMethod` left in R[a] with R[a+1] (when not NULL) and the b arguments
    /// R[a+2] .. R[a+b+1]; the result goes to R[a].
    CallMethod,
    /// R[a].N[c] = R[b]
    StoreAttr,
    /// UnboundLocalError for local N[bx] if R[a] is unbound (NULL)
    CheckBound,
    /// R[a] = NULL (unbinds a local: `del x`)
    Clear,
    /// del R[a][R[b]]
    DeleteItem,
    /// raise R[a] (an exception or an exception class), with cause R[b] if b != a
    Raise,
    /// re-raise the exception in R[a], keeping its traceback
    Reraise,
    /// R[a] = whether exception R[b] is an instance of R[c] (a class or tuple of classes)
    ExceptionMatches,
    /// R[a], .., R[a+c-1] = the items of R[b], which must have exactly c items
    Unpack,
    /// R[a] = {R[b]: R[b+1], ..} from the c key/value pairs starting at R[b]
    BuildDict,
    /// R[a] = {R[b], .., R[b+c-1]}
    BuildSet,
    /// R[a].append(R[b]) for a list R[a] (comprehensions)
    ListAppend,
    /// R[a] = format(R[b], R[c]) where c == 0 means no spec; conversions come first.
    /// A small int without a spec stays as it is: BuildString writes its digits.
    FormatValue,
    /// R[a] = str(R[b]) when conversion c is 1, repr(R[b]) when 2
    Convert,
    /// R[a] = R[b] + .. + R[b+c-1] (each a str, or a small int from FormatValue)
    BuildString,
    /// the function R[a] takes the tuple R[b] as its defaults
    SetDefaults,
    /// Call R[a] with b positional arguments R[a+1] .. R[a+b] and c keyword arguments
    /// R[a+b+1] .. R[a+b+c], named by the tuple of str in R[a+b+c+1]; result to R[a].
    CallKw,
    /// R[a] = R[b][R[c]:R[c+1]:R[c+2]] (None for an omitted part)
    GetSlice,
    /// R[a][R[b]:R[b+1]:R[b+2]] = R[c]
    SetSlice,
    /// del R[a][R[b]:R[b+1]:R[b+2]]
    DeleteSlice,
    /// R[a] = a new cell holding R[a] (NULL stays unbound): a captured local
    MakeCell,
    /// R[a] = cell bx of the running function's closure
    LoadClosure,
    /// R[a] = the contents of cell R[b]; NameError for N[c] if the cell is empty
    LoadDeref,
    /// the cell R[a] now holds R[b]
    StoreDeref,
    /// the function R[a] takes the tuple of cells R[b] as its closure
    SetClosure,
    /// R[a] = R[b][N[c]] if present, else the global or builtin N[c] (class bodies)
    LoadNs,
    /// R[a][N[c]] = R[b] (class bodies)
    StoreNs,
    /// R[a] = a class named R[b+2] with bases tuple R[b] and namespace dict R[b+1]
    BuildClass,
    /// R[a] = (R[a] op= R[b]) where op is the binary opcode numbered c (`x += y`)
    InPlace,
    /// R[a] = the module named N[bx], imported if needed
    Import,
    /// the public names of module R[a] become globals (`from m import *`)
    ImportStar,
    /// yield R[a] to whoever resumed this generator; on resumption R[a] is the value sent
    Yield,
    /// R[a+1] = the next value of iterator R[a], sending R[a+1] into it if it is a
    /// generator; once it is exhausted, R[a+1] = its return value and ip += sbx
    SendNext,
    /// the function R[a] takes the dict R[b] as its keyword-only defaults
    SetKwDefaults,
    /// Call R[a] with the items of list R[a+1] as positional arguments and the entries of
    /// dict R[a+2] as keyword arguments (`f(*args, **kwargs)`); result to R[a]
    CallEx,
    /// R[a] .. : unpack R[b] into (c & 15) leading items, a list of the middle, and
    /// (c >> 4) trailing items (`a, *b, c = seq`)
    UnpackEx,
    /// R[a] = tuple(R[b]) for a list R[b]
    ListToTuple,
    /// the innermost exception being handled is handled no more (an except block ended)
    PopHandled,
    /// re-raise the exception being handled (a bare `raise` outside an except block)
    ReraiseHandled,
    /// del R[a].N[c]
    DeleteAttr,
    /// R[a] = name N[c] of module R[b] (`from m import name`); ImportError if missing
    ImportFrom,
    /// R[a] = R[b]; R[b] = empty (a temporary's reference moves, none is added)
    Take,
    /// R[a] = R[b] + c, and so on: the operator with an int constant 0..=255 as its
    /// right operand (`n - 1`, `i % 2`), one instruction instead of a `LoadInt` and the
    /// operator. It behaves exactly as the plain operator given that int.
    AddK,
    SubK,
    MulK,
    FloorDivK,
    ModK,
    /// R[a] = R[b] < c, and so on, as the arithmetic ones.
    LtK,
    LeK,
    EqK,
    NeK,
    GtK,
    GeK,
    /// the function R[a] takes the dict R[b] as its `__annotations__`
    SetAnnotations,
}

impl Op {
    /// The form of this operator that takes an int constant as its right operand.
    pub fn with_constant_operand(self) -> Option<Op> {
        Some(match self {
            Op::Add => Op::AddK,
            Op::Sub => Op::SubK,
            Op::Mul => Op::MulK,
            Op::FloorDiv => Op::FloorDivK,
            Op::Mod => Op::ModK,
            Op::Lt => Op::LtK,
            Op::Le => Op::LeK,
            Op::Eq => Op::EqK,
            Op::Ne => Op::NeK,
            Op::Gt => Op::GtK,
            Op::Ge => Op::GeK,
            _ => return None,
        })
    }

    /// The plain operator of a constant-operand form (itself for every other op).
    #[inline(always)]
    pub fn without_constant_operand(self) -> Op {
        match self {
            Op::AddK => Op::Add,
            Op::SubK => Op::Sub,
            Op::MulK => Op::Mul,
            Op::FloorDivK => Op::FloorDiv,
            Op::ModK => Op::Mod,
            Op::LtK => Op::Lt,
            Op::LeK => Op::Le,
            Op::EqK => Op::Eq,
            Op::NeK => Op::Ne,
            Op::GtK => Op::Gt,
            Op::GeK => Op::Ge,
            other => other,
        }
    }

    /// Every opcode in numbering order.
    pub const ALL: [Op; 102] = [
        Op::Move,
        Op::LoadConst,
        Op::LoadNone,
        Op::LoadBool,
        Op::LoadInt,
        Op::LoadGlobal,
        Op::StoreGlobal,
        Op::DeleteGlobal,
        Op::Add,
        Op::Sub,
        Op::Mul,
        Op::TrueDiv,
        Op::FloorDiv,
        Op::Mod,
        Op::Pow,
        Op::LShift,
        Op::RShift,
        Op::BitAnd,
        Op::BitOr,
        Op::BitXor,
        Op::Lt,
        Op::Le,
        Op::Eq,
        Op::Ne,
        Op::Gt,
        Op::Ge,
        Op::Is,
        Op::IsNot,
        Op::In,
        Op::NotIn,
        Op::Neg,
        Op::Pos,
        Op::Invert,
        Op::Not,
        Op::Jump,
        Op::JumpIfTrue,
        Op::JumpIfFalse,
        Op::Call,
        Op::Return,
        Op::BuildTuple,
        Op::BuildList,
        Op::GetItem,
        Op::SetItem,
        Op::GetIter,
        Op::ForIter,
        Op::MakeFunction,
        Op::LoadAttr,
        Op::LoadMethod,
        Op::CallMethod,
        Op::StoreAttr,
        Op::CheckBound,
        Op::Clear,
        Op::DeleteItem,
        Op::Raise,
        Op::Reraise,
        Op::ExceptionMatches,
        Op::Unpack,
        Op::BuildDict,
        Op::BuildSet,
        Op::ListAppend,
        Op::FormatValue,
        Op::Convert,
        Op::BuildString,
        Op::SetDefaults,
        Op::CallKw,
        Op::GetSlice,
        Op::SetSlice,
        Op::DeleteSlice,
        Op::MakeCell,
        Op::LoadClosure,
        Op::LoadDeref,
        Op::StoreDeref,
        Op::SetClosure,
        Op::LoadNs,
        Op::StoreNs,
        Op::BuildClass,
        Op::InPlace,
        Op::Import,
        Op::ImportStar,
        Op::Yield,
        Op::SendNext,
        Op::SetKwDefaults,
        Op::CallEx,
        Op::UnpackEx,
        Op::ListToTuple,
        Op::PopHandled,
        Op::ReraiseHandled,
        Op::DeleteAttr,
        Op::ImportFrom,
        Op::Take,
        Op::AddK,
        Op::SubK,
        Op::MulK,
        Op::FloorDivK,
        Op::ModK,
        Op::LtK,
        Op::LeK,
        Op::EqK,
        Op::NeK,
        Op::GtK,
        Op::GeK,
        Op::SetAnnotations,
    ];

    /// The opcode numbered `byte`, if any (bytecode is validated once, at load).
    ///
    /// A match rather than an index into [`Op::ALL`]: the compiler sees that it maps each
    /// byte to itself, so the interpreter's dispatch is one jump table, not a table load
    /// and then a jump table. A test checks it against `ALL`.
    #[inline(always)]
    pub fn from_byte(byte: u8) -> Option<Op> {
        Some(match byte {
            0 => Op::Move,
            1 => Op::LoadConst,
            2 => Op::LoadNone,
            3 => Op::LoadBool,
            4 => Op::LoadInt,
            5 => Op::LoadGlobal,
            6 => Op::StoreGlobal,
            7 => Op::DeleteGlobal,
            8 => Op::Add,
            9 => Op::Sub,
            10 => Op::Mul,
            11 => Op::TrueDiv,
            12 => Op::FloorDiv,
            13 => Op::Mod,
            14 => Op::Pow,
            15 => Op::LShift,
            16 => Op::RShift,
            17 => Op::BitAnd,
            18 => Op::BitOr,
            19 => Op::BitXor,
            20 => Op::Lt,
            21 => Op::Le,
            22 => Op::Eq,
            23 => Op::Ne,
            24 => Op::Gt,
            25 => Op::Ge,
            26 => Op::Is,
            27 => Op::IsNot,
            28 => Op::In,
            29 => Op::NotIn,
            30 => Op::Neg,
            31 => Op::Pos,
            32 => Op::Invert,
            33 => Op::Not,
            34 => Op::Jump,
            35 => Op::JumpIfTrue,
            36 => Op::JumpIfFalse,
            37 => Op::Call,
            38 => Op::Return,
            39 => Op::BuildTuple,
            40 => Op::BuildList,
            41 => Op::GetItem,
            42 => Op::SetItem,
            43 => Op::GetIter,
            44 => Op::ForIter,
            45 => Op::MakeFunction,
            46 => Op::LoadAttr,
            47 => Op::LoadMethod,
            48 => Op::CallMethod,
            49 => Op::StoreAttr,
            50 => Op::CheckBound,
            51 => Op::Clear,
            52 => Op::DeleteItem,
            53 => Op::Raise,
            54 => Op::Reraise,
            55 => Op::ExceptionMatches,
            56 => Op::Unpack,
            57 => Op::BuildDict,
            58 => Op::BuildSet,
            59 => Op::ListAppend,
            60 => Op::FormatValue,
            61 => Op::Convert,
            62 => Op::BuildString,
            63 => Op::SetDefaults,
            64 => Op::CallKw,
            65 => Op::GetSlice,
            66 => Op::SetSlice,
            67 => Op::DeleteSlice,
            68 => Op::MakeCell,
            69 => Op::LoadClosure,
            70 => Op::LoadDeref,
            71 => Op::StoreDeref,
            72 => Op::SetClosure,
            73 => Op::LoadNs,
            74 => Op::StoreNs,
            75 => Op::BuildClass,
            76 => Op::InPlace,
            77 => Op::Import,
            78 => Op::ImportStar,
            79 => Op::Yield,
            80 => Op::SendNext,
            81 => Op::SetKwDefaults,
            82 => Op::CallEx,
            83 => Op::UnpackEx,
            84 => Op::ListToTuple,
            85 => Op::PopHandled,
            86 => Op::ReraiseHandled,
            87 => Op::DeleteAttr,
            88 => Op::ImportFrom,
            89 => Op::Take,
            90 => Op::AddK,
            91 => Op::SubK,
            92 => Op::MulK,
            93 => Op::FloorDivK,
            94 => Op::ModK,
            95 => Op::LtK,
            96 => Op::LeK,
            97 => Op::EqK,
            98 => Op::NeK,
            99 => Op::GtK,
            100 => Op::GeK,
            101 => Op::SetAnnotations,
            _ => return None,
        })
    }
}

/// What an operand slot of an instruction holds, for validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    /// Not used.
    None,
    /// A register of the frame.
    Reg,
    /// A flag or small number with no range to check.
    Imm,
    /// `bx`: a constant index.
    Const,
    /// `bx`: a name index.
    Name,
    /// `c`: a name index.
    NameC,
    /// A register, or 0 for "none" (register 0 is never a spec: it is a local).
    RegOrZero,
    /// `sbx`: a jump offset; the target must be an instruction of the same code.
    Jump,
}

/// How an instruction's operands are laid out and what they index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `a`, `b`, `c` hold what the three operands say.
    Abc(Operand, Operand, Operand),
    /// `a` and a 16-bit `bx`.
    Abx(Operand, Operand),
    /// Registers `a .. a+b` (inclusive of the callee at `a`).
    CallWindow,
    /// Registers `a .. a+b+1`: callee, receiver, then b arguments.
    MethodCallWindow,
    /// Registers `a .. a+b+c+1`: callee, b positional, c keyword values, names tuple.
    KeywordCallWindow,
    /// Registers `a`, `b`, `c`, where operand 0 (`a`), 1 (`b`) or 2 (`c`) starts a run of
    /// three.
    SliceAt(u8),
    /// Register `b`, and registers `a ..= a + (c & 15) + (c >> 4)`.
    StarredUnpack,
    /// Register `a` and `a+1`, register `b`, name `c`.
    MethodLoad,
    /// Registers `a .. a+c`, register `b`.
    UnpackRun,
    /// Register `a` and the run of `2c` registers starting at `b`.
    PairRun,
    /// Register `a` and the run of `c` registers starting at `b`.
    RegRun,
    /// Registers `a` and `a+1`, and a jump.
    IterJump,
}

impl Op {
    /// The operand layout, used to validate code once before it runs.
    pub fn shape(self) -> Shape {
        use Operand::{Const, Imm, Jump, Name, Reg};
        match self {
            Op::Move | Op::Take | Op::Neg | Op::Pos | Op::Invert | Op::Not | Op::GetIter => {
                Shape::Abc(Reg, Reg, Operand::None)
            }
            Op::LoadConst | Op::MakeFunction => Shape::Abx(Reg, Const),
            Op::LoadNone => Shape::Abc(Reg, Operand::None, Operand::None),
            Op::LoadBool => Shape::Abc(Reg, Imm, Operand::None),
            Op::LoadInt => Shape::Abx(Reg, Imm),
            Op::LoadGlobal | Op::StoreGlobal => Shape::Abx(Reg, Name),
            Op::DeleteGlobal => Shape::Abx(Operand::None, Name),
            Op::Add
            | Op::Sub
            | Op::Mul
            | Op::TrueDiv
            | Op::FloorDiv
            | Op::Mod
            | Op::Pow
            | Op::LShift
            | Op::RShift
            | Op::BitAnd
            | Op::BitOr
            | Op::BitXor
            | Op::Lt
            | Op::Le
            | Op::Eq
            | Op::Ne
            | Op::Gt
            | Op::Ge
            | Op::Is
            | Op::IsNot
            | Op::In
            | Op::NotIn
            | Op::GetItem
            | Op::SetItem => Shape::Abc(Reg, Reg, Reg),
            Op::Jump => Shape::Abx(Operand::None, Jump),
            Op::JumpIfTrue | Op::JumpIfFalse => Shape::Abx(Reg, Jump),
            Op::Call => Shape::CallWindow,
            Op::Return => Shape::Abc(Reg, Operand::None, Operand::None),
            Op::BuildTuple | Op::BuildList => Shape::RegRun,
            Op::ForIter | Op::SendNext => Shape::IterJump,
            Op::LoadAttr | Op::StoreAttr | Op::ImportFrom => Shape::Abc(Reg, Reg, Operand::NameC),
            Op::AddK
            | Op::SubK
            | Op::MulK
            | Op::FloorDivK
            | Op::ModK
            | Op::LtK
            | Op::LeK
            | Op::EqK
            | Op::NeK
            | Op::GtK
            | Op::GeK => Shape::Abc(Reg, Reg, Imm),
            Op::CheckBound => Shape::Abx(Reg, Name),
            Op::Clear | Op::Reraise => Shape::Abc(Reg, Operand::None, Operand::None),
            Op::DeleteItem
            | Op::Raise
            | Op::ListAppend
            | Op::SetDefaults
            | Op::SetKwDefaults
            | Op::SetAnnotations
            | Op::ListToTuple => Shape::Abc(Reg, Reg, Operand::None),
            Op::CallEx => Shape::SliceAt(0),
            Op::UnpackEx => Shape::StarredUnpack,
            Op::PopHandled | Op::ReraiseHandled => Shape::Abc(Operand::None, Operand::None, Operand::None),
            Op::ExceptionMatches => Shape::Abc(Reg, Reg, Reg),
            Op::Unpack => Shape::UnpackRun,
            Op::BuildDict => Shape::PairRun,
            Op::BuildSet | Op::BuildString => Shape::RegRun,
            Op::FormatValue => Shape::Abc(Reg, Reg, Operand::RegOrZero),
            Op::Convert => Shape::Abc(Reg, Reg, Imm),
            Op::LoadMethod => Shape::MethodLoad,
            Op::CallMethod => Shape::MethodCallWindow,
            Op::CallKw => Shape::KeywordCallWindow,
            Op::GetSlice => Shape::SliceAt(2),
            Op::MakeCell => Shape::Abc(Reg, Operand::None, Operand::None),
            Op::LoadClosure => Shape::Abx(Reg, Imm),
            Op::LoadDeref => Shape::Abc(Reg, Reg, Operand::NameC),
            Op::StoreDeref | Op::SetClosure => Shape::Abc(Reg, Reg, Operand::None),
            Op::LoadNs | Op::StoreNs => Shape::Abc(Reg, Reg, Operand::NameC),
            Op::DeleteAttr => Shape::Abc(Reg, Operand::None, Operand::NameC),
            Op::BuildClass => Shape::SliceAt(1),
            Op::InPlace => Shape::Abc(Reg, Reg, Imm),
            Op::Import => Shape::Abx(Reg, Name),
            Op::ImportStar | Op::Yield => Shape::Abc(Reg, Operand::None, Operand::None),
            Op::SetSlice | Op::DeleteSlice => Shape::SliceAt(1),
        }
    }
}

/// Bias of signed 16-bit operands.
const SBX_BIAS: i32 = 1 << 15;

/// One encoded instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instr(pub u32);

impl Instr {
    pub fn abc(op: Op, a: u8, b: u8, c: u8) -> Instr {
        Instr(op as u32 | u32::from(a) << 8 | u32::from(b) << 16 | u32::from(c) << 24)
    }

    pub fn abx(op: Op, a: u8, bx: u16) -> Instr {
        Instr(op as u32 | u32::from(a) << 8 | u32::from(bx) << 16)
    }

    /// `None` if `sbx` does not fit 16 signed bits.
    pub fn asbx(op: Op, a: u8, sbx: i32) -> Option<Instr> {
        let biased = u16::try_from(sbx.checked_add(SBX_BIAS)?).ok()?;
        Some(Instr::abx(op, a, biased))
    }

    #[inline(always)]
    pub fn op_byte(self) -> u8 {
        self.0 as u8
    }
    #[inline(always)]
    pub fn a(self) -> u8 {
        (self.0 >> 8) as u8
    }
    #[inline(always)]
    pub fn b(self) -> u8 {
        (self.0 >> 16) as u8
    }
    #[inline(always)]
    pub fn c(self) -> u8 {
        (self.0 >> 24) as u8
    }
    #[inline(always)]
    pub fn bx(self) -> u16 {
        (self.0 >> 16) as u16
    }
    #[inline(always)]
    pub fn sbx(self) -> i32 {
        i32::from(self.bx()) - SBX_BIAS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn opcodes_number_in_order() {
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Op::from_byte(i as u8), Some(*op));
        }
        for byte in Op::ALL.len()..=255 {
            assert_eq!(Op::from_byte(byte as u8), None);
        }
    }

    #[test]
    fn constant_operand_forms_map_back_to_their_operator() {
        let with_constant: Vec<Op> = Op::ALL.iter().filter_map(|op| op.with_constant_operand()).collect();
        assert_eq!(with_constant.len(), 11);
        for op in Op::ALL {
            if let Some(k) = op.with_constant_operand() {
                assert_eq!(k.without_constant_operand(), op);
                assert_eq!(k.shape(), Shape::Abc(Operand::Reg, Operand::Reg, Operand::Imm));
            } else if !with_constant.contains(&op) {
                assert_eq!(op.without_constant_operand(), op);
            }
        }
    }

    #[test]
    fn operands_round_trip() {
        let i = Instr::abc(Op::Add, 1, 2, 255);
        assert_eq!((Op::from_byte(i.op_byte()), i.a(), i.b(), i.c()), (Some(Op::Add), 1, 2, 255));
        let j = Instr::abx(Op::LoadConst, 7, 65535);
        assert_eq!((j.a(), j.bx()), (7, 65535));
        for off in [-32768, -1, 0, 1, 32767] {
            assert_eq!(Instr::asbx(Op::Jump, 0, off).unwrap().sbx(), off);
        }
        assert!(Instr::asbx(Op::Jump, 0, 32768).is_none());
        assert!(Instr::asbx(Op::Jump, 0, -32769).is_none());
    }
}
