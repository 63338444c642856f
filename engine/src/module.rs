//! Running a script: source text to a finished module, with Python's error output.
//!
//! [`Vm::run_main`] parses and compiles the source, runs the module code in a fresh
//! `__main__` namespace, and tears that namespace down afterwards (clearing its dict
//! first, which breaks the function -> globals -> function cycle every module has), so a
//! finished script leaves nothing in the heap. An uncaught exception prints its traceback
//! to the host's stderr exactly as CPython does; a syntax error prints CPython's
//! `File ..., line N` block.

use crate::compiler::{compile_module, CompileError};
use crate::error::Error;
use crate::output::Stream;
use crate::value::Value;
use crate::vm::Vm;
use alloc::format;
use alloc::string::String;

/// The source of every file the VM has compiled, for the source lines of tracebacks.
#[derive(Debug, Clone, Default)]
pub struct SourceLines {
    files: alloc::vec::Vec<(String, alloc::sync::Arc<str>)>,
}

impl SourceLines {
    pub(crate) fn add(&mut self, file: &str, source: &str) {
        self.files.retain(|(f, _)| f != file);
        self.files.push((file.into(), alloc::sync::Arc::from(source)));
    }

    /// Line `line` (1-based) of `file`, if the VM compiled it.
    pub fn line(&self, file: &str, line: u32) -> Option<String> {
        let (_, source) = self.files.iter().find(|(f, _)| f == file)?;
        source.lines().nth(line.checked_sub(1)? as usize).map(String::from)
    }
}

/// How a script run ended, when not normally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptError {
    /// The source did not compile (already printed to stderr).
    Syntax(crate::syntax::SyntaxError),
    /// An exception reached the top (its traceback is already printed to stderr).
    Uncaught,
    /// The engine could not even start the script (heap too small for its code).
    Engine(Error),
    /// The script raised `SystemExit` (`sys.exit(code)`) and nothing caught it: the exit
    /// status python3 would give. No traceback was printed; a code that is neither None
    /// nor an int was printed to stderr (and the status is 1), as CPython does.
    Exit(i32),
}

impl ScriptError {
    /// The exit status `python3 script.py` gives for this ending: 1 for a syntax error or
    /// an uncaught exception, the code of `sys.exit(code)`.
    pub fn exit_status(&self) -> i32 {
        match self {
            ScriptError::Exit(status) => *status,
            _ => 1,
        }
    }
}

impl Vm {
    /// Runs `source` as the main script `file`, like `python3 file`.
    pub fn run_main(&mut self, file: &str, source: &str) -> Result<(), ScriptError> {
        self.source_lines.add(file, source);
        let arena = bumpalo::Bump::new();
        let module = match crate::syntax::parse_module(&arena, source, file) {
            Ok(m) => m,
            Err(e) => return Err(self.report_syntax_error(e)),
        };
        let code = match compile_module(self, &module, file, source) {
            Ok(code) => code,
            Err(CompileError::Syntax(mut e)) => {
                e.file_name = String::from(file);
                e.source_line = String::from(source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or(""));
                return Err(self.report_syntax_error(e));
            }
            Err(CompileError::Engine(e)) => return Err(ScriptError::Engine(e)),
        };
        drop(arena);
        if let Err(e) = self.ensure_builtins() {
            self.release(code);
            return Err(ScriptError::Engine(e));
        }
        let globals = match self.new_module_namespace() {
            Ok(g) => g,
            Err(e) => {
                self.release(code);
                return Err(ScriptError::Engine(e));
            }
        };
        let function = self.new_function(code, globals);
        self.release(code);
        let function = match function {
            Ok(f) => f,
            Err(e) => {
                self.release(globals);
                return Err(ScriptError::Engine(e));
            }
        };
        let result = self.call(function, &[]);
        self.release(function);
        let outcome = match result {
            Ok(v) => {
                self.release(v);
                Ok(())
            }
            Err(_) => {
                let exception = self.take_raised();
                let system_exit = self.exception_class(crate::exception::ExceptionType::SystemExit);
                if exception != Value::NULL && self.is_instance(exception, system_exit) {
                    let status = self.exit_status(exception);
                    self.release(exception);
                    self.tear_down_namespace(globals);
                    self.release(globals);
                    return Err(ScriptError::Exit(status));
                }
                let lines = self.source_lines.clone();
                let text = self.format_exception(exception, &|f, line| lines.line(f, line));
                self.release(exception);
                self.write_output(Stream::Stderr, &text);
                Err(ScriptError::Uncaught)
            }
        };
        self.tear_down_namespace(globals);
        self.release(globals);
        outcome
    }

    /// The exit status of an uncaught `SystemExit` (borrowed): its `code` None is 0, an int
    /// that int (truncated to a C int, as CPython does), anything else is printed to
    /// stderr and gives 1.
    fn exit_status(&mut self, exception: Value) -> i32 {
        let code = self.intern_str("code").and_then(|name| {
            let code = self.get_attribute(exception, name);
            self.release(name);
            code
        });
        let code = match code {
            Ok(code) => code,
            Err(_) => {
                let failure = self.take_raised();
                self.release(failure);
                return 1;
            }
        };
        let status = if code == Value::NONE {
            0
        } else if let Some(n) = self.as_int(code) {
            n as i32
        } else {
            match self.to_str(code) {
                Ok(text) => self.write_output(Stream::Stderr, &format!("{text}\n")),
                Err(_) => {
                    let failure = self.take_raised();
                    self.release(failure);
                }
            }
            1
        };
        self.release(code);
        status
    }

    /// Loads, compiles and runs script module `name` (owned module), if the loader has it.
    pub(crate) fn load_script_module(&mut self, name: &str, name_value: Value) -> Result<Option<Value>, Error> {
        let source = match self.loader.as_mut().and_then(|l| l.source(name)) {
            Some(source) => source,
            None => match crate::embedded_modules::embedded_source(name) {
                Some(source) => String::from(source),
                None => return Ok(None),
            },
        };
        let file = format!("{name}.py");
        self.source_lines.add(&file, &source);
        let arena = bumpalo::Bump::new();
        let module_ast = match crate::syntax::parse_module(&arena, &source, &file) {
            Ok(m) => m,
            Err(e) => {
                let class = self.exception_class(crate::exception::ExceptionType::ImportError);
                let text = self.new_str(&format!("{}: {} ({file}, line {})", e.python_type(), e.message, e.line))?;
                let exception = self.new_exception(class, &[text]);
                self.release(text);
                return Err(self.raise(exception?));
            }
        };
        let code = match compile_module(self, &module_ast, &file, &source) {
            Ok(code) => code,
            Err(CompileError::Engine(e)) => return Err(e),
            Err(CompileError::Syntax(e)) => {
                let class = self.exception_class(crate::exception::ExceptionType::ImportError);
                let text = self.new_str(&format!("{}: {} ({file}, line {})", e.python_type(), e.message, e.line))?;
                let exception = self.new_exception(class, &[text]);
                self.release(text);
                return Err(self.raise(exception?));
            }
        };
        drop(arena);
        let module = match self.new_module(name) {
            Ok(m) => m,
            Err(e) => {
                self.release(code);
                return Err(e);
            }
        };
        // Cached before it runs, so an import cycle finds the half-made module.
        if self.modules != Value::NULL {
            if let Err(e) = self.dict_set(self.modules, name_value, module) {
                self.release_all(&[code, module]);
                return Err(e);
            }
        }
        let namespace = self.module_namespace(module);
        let function = self.new_function(code, namespace);
        self.release(code);
        let function = match function {
            Ok(f) => f,
            Err(e) => {
                self.release(module);
                return Err(e);
            }
        };
        let ran = self.call(function, &[]);
        self.release(function);
        match ran {
            Ok(v) => {
                self.release(v);
                Ok(Some(module))
            }
            Err(e) => {
                if self.modules != Value::NULL {
                    let _ = self.dict_delete(self.modules, name_value);
                }
                self.release(module);
                Err(e)
            }
        }
    }

    /// Tears a module's namespace down, as CPython's interpreter shutdown does: the
    /// namespaces of the classes it defined are cleared (a method using `super()` and its
    /// class refer to each other through the `__class__` cell), then the namespace itself
    /// (its functions refer to it as their globals). Everything the module made that is not
    /// in a cycle of the script's own making is freed now.
    pub(crate) fn tear_down_namespace(&mut self, namespace: Value) {
        let mut position = 0;
        let mut classes = alloc::vec::Vec::new();
        while let Some((_, value)) = self.dict_next(namespace, &mut position) {
            if self.kind_of(value) == Some(crate::object::Kind::Class) && !self.is_builtin_class(value) {
                classes.push(value);
            }
        }
        for class in classes {
            let class_namespace = self.class_namespace(class.as_object().unwrap_or_default());
            let _ = self.dict_clear(class_namespace);
        }
        let _ = self.dict_clear(namespace);
    }

    fn new_module_namespace(&mut self) -> Result<Value, Error> {
        let globals = self.new_namespace_dict()?;
        let filled = (|| {
            let key = self.intern_str("__name__")?;
            let name = self.intern_str("__main__");
            let stored = name.and_then(|n| {
                let r = self.dict_set(globals, key, n);
                self.release(n);
                r
            });
            self.release(key);
            stored
        })();
        match filled {
            Ok(()) => Ok(globals),
            Err(e) => {
                self.release(globals);
                Err(e)
            }
        }
    }

    fn report_syntax_error(&mut self, e: crate::syntax::SyntaxError) -> ScriptError {
        let text = format!("{e}\n");
        self.write_output(Stream::Stderr, &text);
        ScriptError::Syntax(e)
    }
}
