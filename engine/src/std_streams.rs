//! `sys.stdout` and `sys.stderr`, the text streams scripts write to, and where text for a
//! `file=` argument goes (`print`, `traceback.print_exception`).
//!
//! ```text
//! text stream (8 bytes): header only; `extra` names the stream (0 stdout, 1 stderr)
//! ```
//!
//! A stream object writes through the VM's [`Output`](crate::output::Output), the path
//! `print` takes, so writes and prints on one stream come out in the order they were
//! made. Any other object given as a file is written to by calling its `write` method
//! with each piece of text, as CPython does. `print()` without a file writes to what
//! `sys.stdout` is now (a script may replace it, or set it to None to silence print);
//! until a script imports `sys` nothing can have replaced it, and the text goes straight
//! to the host.

use crate::error::{Error, Result};
use crate::exception::ExceptionType;
use crate::function::{NativeCode, NativeFn};
use crate::object::Kind;
use crate::output::Stream;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;

pub(crate) const STREAM_BYTES: u32 = 8;

impl Stream {
    /// The attribute of `sys` that holds the stream (`stdout`, `stderr`).
    pub(crate) fn sys_attribute(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        }
    }
}

/// The methods of `TextIOWrapper`, the class of the stream objects.
const METHODS: &[(&str, NativeFn)] =
    &[("write", stream_write), ("writelines", stream_writelines), ("flush", stream_flush)];

impl Vm {
    /// A new stream object writing to `stream` (owned).
    pub(crate) fn new_text_stream(&mut self, stream: Stream) -> Result<Value> {
        let at = self.heap.new_object(Kind::TextStream, STREAM_BYTES)?;
        self.heap.set_extra(at, u16::from(stream == Stream::Stderr));
        Ok(Value::from_offset(at))
    }

    /// The stream `v` writes to, if it is a stream object.
    pub(crate) fn text_stream_of(&self, v: Value) -> Option<Stream> {
        let at = v.as_object().filter(|&at| self.heap.is_kind(at, Kind::TextStream))?;
        Some(if self.heap.extra(at) == 0 { Stream::Stdout } else { Stream::Stderr })
    }

    /// Puts the methods of `TextIOWrapper` in its class (with the builtins).
    pub(crate) fn install_text_stream_type(&mut self) -> Result<()> {
        let class = self.builtin_type(crate::types::BuiltinType::TextIOWrapper);
        let namespace = self.class_namespace(class.as_object().unwrap_or_default());
        for &(name, f) in METHODS {
            self.install_native(namespace, name, NativeCode::Positional(f))?;
        }
        Ok(())
    }

    /// The attributes of a stream object (`name`, `mode`, `encoding`; owned), read-only
    /// as in CPython.
    pub(crate) fn text_stream_attribute(&mut self, obj: Value, name: Value) -> Result<Option<Value>> {
        let Some(stream) = self.text_stream_of(obj) else { return Ok(None) };
        let text = match self.as_str(name) {
            Some("name") => stream.file_name(),
            Some("mode") => "w",
            Some("encoding") => "utf-8",
            _ => return Ok(None),
        };
        self.new_str(text).map(Some)
    }

    /// `repr()` of a stream object.
    pub(crate) fn text_stream_repr(&self, v: Value) -> alloc::string::String {
        let name = self.text_stream_of(v).unwrap_or(Stream::Stdout).file_name();
        format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>")
    }

    /// What `sys.stdout` or `sys.stderr` is now (owned), or NULL while no script has
    /// imported `sys` (the host's stream, then). A deleted one is CPython's
    /// `RuntimeError: lost sys.stdout`.
    pub(crate) fn current_std_file(&mut self, stream: Stream) -> Result<Value> {
        if self.modules == Value::NULL {
            return Ok(Value::NULL);
        }
        let Some(sys) = self.dict_get_str(self.modules, "sys")? else { return Ok(Value::NULL) };
        let namespace = self.module_namespace(sys);
        let found = self.dict_get_str(namespace, stream.sys_attribute());
        self.release(sys);
        match found? {
            Some(file) => Ok(file),
            None if stream == Stream::Stdout => Err(Error::Runtime("lost sys.stdout")),
            None => Err(Error::Runtime("lost sys.stderr")),
        }
    }

    /// Writes `pieces` to `file` (borrowed): NULL is the host's `stream`, a stream object
    /// its own stream (in one write), None nothing (a silenced `sys.stdout`), and any
    /// other object gets one `file.write(piece)` call per piece.
    pub(crate) fn write_to_file(&mut self, file: Value, stream: Stream, pieces: &[&str]) -> Result<()> {
        let target = if file == Value::NULL { Some(stream) } else { self.text_stream_of(file) };
        if let Some(stream) = target {
            match pieces {
                [one] => self.write_output(stream, one),
                _ => self.write_output(stream, &pieces.concat()),
            }
            return Ok(());
        }
        if file == Value::NONE {
            return Ok(());
        }
        for piece in pieces {
            let text = self.new_str(piece)?;
            let written = self.call_method_named(file, "write", &[text]);
            self.release(text);
            self.release(written?);
        }
        Ok(())
    }

    /// `file.flush()` for `file` as [`write_to_file`](Self::write_to_file) takes it.
    pub(crate) fn flush_file(&mut self, file: Value, stream: Stream) -> Result<()> {
        let target = if file == Value::NULL { Some(stream) } else { self.text_stream_of(file) };
        if let Some(stream) = target {
            self.flush_output(stream);
            return Ok(());
        }
        if file == Value::NONE {
            return Ok(());
        }
        let flushed = self.call_method_named(file, "flush", &[])?;
        self.release(flushed);
        Ok(())
    }

    /// `obj.name(*args)` (owned result).
    pub(crate) fn call_method_named(&mut self, obj: Value, name: &str, args: &[Value]) -> Result<Value> {
        let key = self.intern_str(name)?;
        let found = self.get_method(obj, key);
        self.release(key);
        let (function, receiver) = found?;
        let result = match receiver {
            Some(receiver) => {
                let mut all = alloc::vec::Vec::with_capacity(args.len() + 1);
                all.push(receiver);
                all.extend_from_slice(args);
                self.call(function, &all)
            }
            None => self.call(function, args),
        };
        self.release(function);
        result
    }

    /// Asks the host to flush `stream` (`sys.stdout.flush()`).
    pub fn flush_output(&mut self, stream: Stream) {
        if let Some(out) = self.output.as_mut() {
            out.flush(stream);
        }
    }
}

/// The receiver of stream method `method`, and what it writes to; CPython's errors for a
/// method taken from the class and called without a stream.
fn receiver(vm: &Vm, args: &[Value], method: &str) -> Result<Stream> {
    let Some(&first) = args.first() else {
        return Err(Error::Type(match method {
            "write" => "unbound method TextIOWrapper.write() needs an argument",
            "writelines" => "unbound method TextIOWrapper.writelines() needs an argument",
            _ => "unbound method TextIOWrapper.flush() needs an argument",
        }));
    };
    vm.text_stream_of(first).ok_or(Error::TypeOf {
        template: match method {
            "write" => "descriptor 'write' for '_io.TextIOWrapper' objects doesn't apply to a '{}' object",
            "writelines" => "descriptor 'writelines' for '_io.TextIOWrapper' objects doesn't apply to a '{}' object",
            _ => "descriptor 'flush' for '_io.TextIOWrapper' objects doesn't apply to a '{}' object",
        },
        value: first,
    })
}

/// The one argument after the receiver of stream method `method` (named as CPython
/// names it in the error: `TextIOWrapper.write`, `_IOBase.writelines`), or its TypeError.
fn single_argument(vm: &mut Vm, args: &[Value], method: &str) -> Result<Value> {
    match args {
        [_, argument] => Ok(*argument),
        _ => {
            let message = format!("{method}() takes exactly one argument ({} given)", args.len() - 1);
            Err(crate::iterator::raise_text(
                vm,
                ExceptionType::TypeError,
                &message,
                Error::Type("a stream method takes one argument"),
            ))
        }
    }
}

/// `stream.write(s)`: writes `s` and returns how many characters that was.
fn stream_write(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let stream = receiver(vm, args, "write")?;
    let text = single_argument(vm, args, "TextIOWrapper.write")?;
    if vm.kind_of(vm.through_base(text)) != Some(Kind::Str) {
        return Err(Error::TypeOf { template: "write() argument must be str, not {}", value: text });
    }
    let text = vm.through_base(text);
    let owned = alloc::string::String::from(vm.as_str(text).unwrap_or(""));
    vm.write_output(stream, &owned);
    vm.new_int(vm.str_char_len(text).unwrap_or(0) as i64)
}

/// `stream.writelines(lines)`: writes each str of an iterable, adding nothing between.
fn stream_writelines(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let stream = receiver(vm, args, "writelines")?;
    let lines = single_argument(vm, args, "_IOBase.writelines")?;
    let items = vm.collect(lines)?;
    let mut text = alloc::string::String::new();
    let mut failure = None;
    for &item in &items {
        match vm.as_str(vm.through_base(item)) {
            Some(s) => text.push_str(s),
            None => {
                failure = Some(Error::TypeOf { template: "write() argument must be str, not {}", value: item });
                break;
            }
        }
    }
    // What came before a bad item is written, as CPython writes item by item.
    vm.write_output(stream, &text);
    let result = match failure {
        Some(e) => Err(vm.raise_error(e)),
        None => Ok(Value::NONE),
    };
    vm.release_all(&items);
    result
}

fn stream_flush(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let stream = receiver(vm, args, "flush")?;
    if args.len() > 1 {
        let message = format!("TextIOWrapper.flush() takes no arguments ({} given)", args.len() - 1);
        return Err(crate::iterator::raise_text(
            vm,
            ExceptionType::TypeError,
            &message,
            Error::Type("flush() takes no arguments"),
        ));
    }
    vm.flush_output(stream);
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use crate::module::ScriptError;
    use crate::output::Captured;
    use crate::test_support::vm;

    fn run(source: &str) -> (Result<(), ScriptError>, Captured) {
        let mut vm = vm();
        let captured = Captured::default();
        vm.set_output(alloc::boxed::Box::new(captured.clone()));
        let result = vm.run_main("t.py", source);
        (result, captured)
    }

    #[test]
    fn streams_write_in_order_with_print() {
        let (result, out) = run("import sys\nprint('a', end='')\nn = sys.stdout.write('bé')\nprint(n)\nsys.stderr.write('e1 ')\nprint('e2', file=sys.stderr)\n");
        assert_eq!(result, Ok(()));
        assert_eq!(out.stdout(), "abé2\n");
        assert_eq!(out.stderr(), "e1 e2\n");
    }

    #[test]
    fn print_calls_write_of_any_file_piece_by_piece() {
        let (result, out) = run(
            "class W:\n    def __init__(self):\n        self.parts = []\n    def write(self, s):\n        self.parts.append(s)\nw = W()\nprint(1, 2, sep='-', file=w)\nprint(w.parts)\n",
        );
        assert_eq!(result, Ok(()));
        assert_eq!(out.stdout(), "['1', '-', '2', '\\n']\n");
    }

    #[test]
    fn an_uncaught_system_exit_is_an_exit_status_without_traceback() {
        let (result, out) = run("import sys\nsys.exit(3)\n");
        assert_eq!(result, Err(ScriptError::Exit(3)));
        assert_eq!(out.stderr(), "");
        let (result, out) = run("raise SystemExit('bye')\n");
        assert_eq!(result, Err(ScriptError::Exit(1)));
        assert_eq!(out.stderr(), "bye\n");
        let (result, _) = run("import sys\nsys.exit()\n");
        assert_eq!(result.map_err(|e| e.exit_status()), Err(0));
    }
}
