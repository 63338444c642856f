//! `format(value, spec)`: the format-spec mini-language of f-strings and `format()`.

use crate::error::{Error, Result};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `format(v, spec)` (owned str); no spec is `str(v)`.
    pub(crate) fn format_value(&mut self, v: Value, spec: Option<Value>) -> Result<Value> {
        let spec = match spec {
            Some(s) => self.as_str(s).ok_or(Error::Type("format spec must be a str"))?,
            None => "",
        };
        if !spec.is_empty() {
            return Err(Error::Value("format specs are not supported yet"));
        }
        let text = self.to_str(v)?;
        self.new_str(&text)
    }
}
