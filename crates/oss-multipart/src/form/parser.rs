//! A sans-IO, streaming `multipart/form-data` parser.

use memchr::memmem::Finder;
use oss_errors::{Entry, Error};

use super::{Boundary, PartHeaders};

/// What the parser found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'a> {
    /// A part starts; its headers.
    Part(PartHeaders<'a>),
    /// The next bytes of the current part's body (a part may have any number of these).
    Data(&'a [u8]),
    /// The current part ended.
    PartEnd,
    /// The closing delimiter was read: the form is complete. Whatever follows is ignored.
    End,
}

/// One step of the parser: how many input bytes it consumed, and the event it found.
///
/// `event: None` means the parser needs more input: call again with the unconsumed bytes
/// followed by more data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Step<'a> {
    /// Input bytes consumed; the caller drops them and presents the rest again.
    pub consumed: usize,
    /// The event found, if any.
    pub event: Option<Event<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the first delimiter; the bytes are skipped.
    Preamble,
    /// Right after a delimiter: `--` (the end), or optional padding and CRLF.
    AfterDelimiter(AfterDelimiter),
    /// In a header block; `scanned` bytes of the unconsumed input are known not to end it.
    Headers { scanned: usize },
    /// In a part's body.
    Body,
    /// After the closing delimiter.
    Epilogue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AfterDelimiter {
    Start,
    Dash,
    Padding,
    Cr,
}

/// A streaming `multipart/form-data` parser: sans-IO, allocation-free, never rescanning.
///
/// Feed it input with [`FormParser::parse`]: each call consumes some bytes and may return
/// one [`Event`]; bytes not consumed must be presented again, followed by more input.
/// Part bodies stream: the parser consumes every body byte up to the next delimiter and
/// remembers a delimiter cut by the end of the input itself, so a file never has to be
/// held in memory. Only a part's header block must be whole before its [`Event::Part`]; until then
/// the parser consumes nothing and the caller presents the same bytes again with more
/// (at most [`Limits::part_headers`](crate::Limits::part_headers), and the parser resumes
/// its search where it stopped). The search never goes back over bytes it has passed: body
/// bytes go through a `memchr::memmem::Finder` built once per form, and only the few
/// bytes of a delimiter cut by the end of an input are compared again, against the
/// delimiter, when the next input arrives.
///
/// ```
/// use oss_multipart::{Boundary, Event, FormParser, Limits};
///
/// let body = b"--xx\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\na.txt\r\n--xx--\r\n";
/// let boundary = Boundary::new(b"xx")?;
/// let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
/// let mut input = &body[..];
/// let mut events = Vec::new();
/// loop {
///     let step = parser.parse(input)?;
///     input = &input[step.consumed..];
///     match step.event {
///         Some(event) => events.push(event),
///         None => break, // needs more input; here there is none
///     }
/// }
/// parser.finish()?;
/// assert!(matches!(events[0], Event::Part(h) if h.name() == b"key"));
/// assert_eq!(events[1], Event::Data(b"a.txt"));
/// assert_eq!(events[2..], [Event::PartEnd, Event::End]);
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct FormParser<'d> {
    delimiter: &'d [u8],
    finder: Finder<'d>,
    state: State,
    /// Bytes of the delimiter matched at the end of the previous input (body or preamble).
    matched: usize,
    /// The delimiter starts at the beginning of the unconsumed input (found last call).
    delimiter_next: bool,
    max_headers: usize,
}

impl<'d> FormParser<'d> {
    /// A parser for a body split by `boundary`; `limits` bounds each part's header block.
    ///
    /// ```
    /// use oss_multipart::{Boundary, FormParser, Limits};
    /// let boundary = Boundary::new(b"b")?;
    /// let parser = FormParser::new(&boundary, Limits::DEFAULT);
    /// assert!(!parser.is_done());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn new(boundary: &'d Boundary, limits: crate::Limits) -> Self {
        Self {
            delimiter: boundary.delimiter(),
            finder: boundary.finder(),
            state: State::Preamble,
            // The body's first delimiter has no CRLF before it: count that CRLF as matched.
            matched: 2,
            delimiter_next: false,
            max_headers: limits.part_headers(),
        }
    }

    /// Parses from `input`, the unconsumed bytes of the body.
    ///
    /// Returns the bytes consumed and the next event, or `None` when more input is needed.
    /// Call it in a loop: drop `consumed` bytes, handle the event, call again.
    ///
    /// # Errors
    /// MalformedPOSTRequest when the body is not well-formed `multipart/form-data`;
    /// FieldItemTooLong when a part's header block outgrows the limit. After an error the
    /// parser's state is unspecified.
    ///
    /// ```
    /// use oss_multipart::{Boundary, Event, FormParser, Limits};
    /// let boundary = Boundary::new(b"b")?;
    /// let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
    /// // A header block cut short: nothing consumed, more input needed.
    /// let step = parser.parse(b"--b\r\nContent-Disposition: form-da")?;
    /// assert_eq!((step.consumed, step.event), (5, None));
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn parse<'i>(&mut self, input: &'i [u8]) -> Result<Step<'i>, Error>
    where
        'd: 'i,
    {
        let mut consumed = 0;
        loop {
            let rest = &input[consumed..];
            let (used, event) = match self.state {
                State::Preamble | State::Body => self.scan_body(rest),
                State::AfterDelimiter(at) => self.after_delimiter(at, rest)?,
                State::Headers { scanned } => self.headers(scanned, rest)?,
                State::Epilogue => (rest.len(), None),
            };
            consumed += used;
            if event.is_some() || used == 0 || consumed == input.len() {
                return Ok(Step { consumed, event });
            }
        }
    }

    /// Declares the end of the body.
    ///
    /// # Errors
    /// MalformedPOSTRequest unless the closing delimiter was read.
    ///
    /// ```
    /// use oss_multipart::{Boundary, FormParser, Limits};
    /// let boundary = Boundary::new(b"b")?;
    /// let mut parser = FormParser::new(&boundary, Limits::DEFAULT);
    /// parser.parse(b"--b\r\n")?;
    /// assert!(parser.finish().is_err());
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    pub fn finish(&self) -> Result<(), Error> {
        if self.is_done() {
            Ok(())
        } else {
            Err(malformed())
        }
    }

    /// Whether the closing delimiter has been read.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.state == State::Epilogue
    }

    /// Searches body (or preamble) bytes for the delimiter.
    fn scan_body<'i>(&mut self, input: &'i [u8]) -> (usize, Option<Event<'i>>)
    where
        'd: 'i,
    {
        let in_body = self.state == State::Body;
        if self.delimiter_next {
            self.delimiter_next = false;
            return self.delimiter_found(self.delimiter.len(), in_body);
        }
        if self.matched > 0 {
            let wanted = &self.delimiter[self.matched..];
            let n = wanted.len().min(input.len());
            if input[..n] == wanted[..n] {
                if n == wanted.len() {
                    self.matched = 0;
                    return self.delimiter_found(n, in_body);
                }
                self.matched += n;
                return (n, None);
            }
            // The held-back bytes were not a delimiter after all: they are data. The
            // delimiter has its only CR first, so no delimiter starts inside them.
            let held = &self.delimiter[..self.matched];
            self.matched = 0;
            if in_body {
                return (0, Some(Event::Data(held)));
            }
        }
        if let Some(at) = self.finder.find(input) {
            if at == 0 {
                return self.delimiter_found(self.delimiter.len(), in_body);
            }
            self.delimiter_next = true;
            return (at, in_body.then_some(Event::Data(&input[..at])));
        }
        // No whole delimiter: hold back a tail that may be the start of one. Only the last
        // CR can start it, since the delimiter holds a single CR (its first byte).
        let window = input.len().saturating_sub(self.delimiter.len() - 1);
        let held = memchr::memrchr(b'\r', &input[window..])
            .map(|at| window + at)
            .filter(|&at| self.delimiter.starts_with(&input[at..]))
            .map_or(0, |at| input.len() - at);
        self.matched = held;
        let data = &input[..input.len() - held];
        (
            input.len(),
            (in_body && !data.is_empty()).then_some(Event::Data(data)),
        )
    }

    fn delimiter_found<'i>(&mut self, used: usize, in_body: bool) -> (usize, Option<Event<'i>>) {
        self.state = State::AfterDelimiter(AfterDelimiter::Start);
        (used, in_body.then_some(Event::PartEnd))
    }

    /// Reads `--` (the closing delimiter) or optional padding and CRLF.
    fn after_delimiter<'i>(
        &mut self,
        mut at: AfterDelimiter,
        input: &'i [u8],
    ) -> Result<(usize, Option<Event<'i>>), Error> {
        for (used, &byte) in input.iter().enumerate() {
            at = match (at, byte) {
                (AfterDelimiter::Start, b'-') => AfterDelimiter::Dash,
                (AfterDelimiter::Dash, b'-') => {
                    self.state = State::Epilogue;
                    return Ok((used + 1, Some(Event::End)));
                }
                (AfterDelimiter::Start | AfterDelimiter::Padding, b' ' | b'\t') => {
                    AfterDelimiter::Padding
                }
                (AfterDelimiter::Start | AfterDelimiter::Padding, b'\r') => AfterDelimiter::Cr,
                (AfterDelimiter::Cr, b'\n') => {
                    self.state = State::Headers { scanned: 0 };
                    return Ok((used + 1, None));
                }
                _ => return Err(malformed()),
            };
        }
        self.state = State::AfterDelimiter(at);
        Ok((input.len(), None))
    }

    /// Looks for the blank line that ends a header block, resuming after `scanned` bytes.
    fn headers<'i>(
        &mut self,
        scanned: usize,
        input: &'i [u8],
    ) -> Result<(usize, Option<Event<'i>>), Error> {
        let mut from = scanned;
        while let Some(found) = memchr::memchr(b'\n', &input[from..]) {
            let lf = from + found;
            from = lf + 1;
            if lf == 0 || input[lf - 1] != b'\r' {
                // A bare LF: header lines end with CRLF.
                return Err(malformed());
            }
            // A blank line ends the block: right at its start, or after a previous CRLF.
            let block_end = if lf == 1 {
                Some(0)
            } else if lf >= 3 && &input[lf - 3..lf - 1] == b"\r\n" {
                Some(lf - 3)
            } else {
                None
            };
            if let Some(end) = block_end {
                if end > self.max_headers {
                    return Err(too_long());
                }
                let headers = PartHeaders::parse(&input[..end])?;
                self.state = State::Body;
                return Ok((lf + 1, Some(Event::Part(headers))));
            }
        }
        if input.len() > self.max_headers {
            return Err(too_long());
        }
        self.state = State::Headers {
            scanned: input.len(),
        };
        Ok((0, None))
    }
}

fn malformed() -> Error {
    Entry::PostBodyMalformed.into()
}

fn too_long() -> Error {
    Entry::FormFieldTooLong.into()
}
