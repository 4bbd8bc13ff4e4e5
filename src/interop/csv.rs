//! A small RFC 4180 CSV reader for password-manager exports.
//!
//! This module owns splitting CSV text into records: fields separated by
//! commas, optionally quoted with `"` (a doubled `""` is a quote inside),
//! quoted fields may hold commas and line breaks, records end at LF or
//! CRLF. Fields hold passwords, so they are [`SecretString`]s.

use crate::secret::SecretString;

/// One record and the 1-based line it starts on.
#[derive(Debug)]
pub struct Record {
    /// Where the record starts.
    pub line: usize,
    /// Its fields, in order.
    pub fields: Vec<SecretString>,
}

impl Record {
    /// Field `n`, or an empty string past the end.
    pub fn get(&self, n: Option<usize>) -> &str {
        n.and_then(|n| self.fields.get(n))
            .map_or("", |f| f.expose())
    }
}

/// Why the text is not CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvError {
    /// The line of the record that could not be read.
    pub line: usize,
}

/// Splits `text` into records; blank lines between records are skipped.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let mut records = Vec::new();
    let mut fields: Vec<SecretString> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut start = 1usize;
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    let finish_field = |field: &mut String, fields: &mut Vec<SecretString>| {
        fields.push(SecretString::new(std::mem::take(field)));
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            '"' => {
                let _wipe = SecretString::new(field);
                return Err(CsvError { line: start });
            }
            ',' => {
                finish_field(&mut field, &mut fields);
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if !(fields.is_empty() && field.is_empty() && !was_quoted) {
                    finish_field(&mut field, &mut fields);
                    records.push(Record {
                        line: start,
                        fields: std::mem::take(&mut fields),
                    });
                }
                was_quoted = false;
                line += 1;
                start = line;
            }
            c if was_quoted => {
                // Text after a closing quote: not CSV.
                let _ = c;
                let _wipe = SecretString::new(field);
                return Err(CsvError { line: start });
            }
            c => field.push(c),
        }
    }
    if quoted {
        let _wipe = SecretString::new(field);
        return Err(CsvError { line: start });
    }
    if !(fields.is_empty() && field.is_empty() && !was_quoted) {
        finish_field(&mut field, &mut fields);
        records.push(Record {
            line: start,
            fields,
        });
    }
    Ok(records)
}

/// The position of each wanted column in a header record (case-insensitive).
pub fn columns(header: &Record, names: &[&str]) -> Vec<Option<usize>> {
    names
        .iter()
        .map(|name| {
            header
                .fields
                .iter()
                .position(|f| f.expose().trim().eq_ignore_ascii_case(name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(r: &Record) -> Vec<&str> {
        r.fields.iter().map(|f| f.expose()).collect()
    }

    #[test]
    fn quoting_line_breaks_and_crlf() {
        let r = parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\n,,\n").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(texts(&r[0]), ["a", "b", "c"]);
        assert_eq!(texts(&r[1]), ["x,1", "say \"hi\"", "two\nlines"]);
        assert_eq!(r[1].line, 2);
        assert_eq!(texts(&r[2]), ["", "", ""]);
        assert_eq!(r[2].line, 5);
        assert_eq!(parse("last,line").unwrap()[0].fields.len(), 2);
        assert_eq!(parse("\"\"").unwrap()[0].fields.len(), 1);
    }

    #[test]
    fn broken_quotes_are_refused() {
        assert_eq!(parse("a\n\"open").err(), Some(CsvError { line: 2 }));
        assert!(parse("\"a\"b").is_err());
        assert!(parse("a\"b").is_err());
    }
}
