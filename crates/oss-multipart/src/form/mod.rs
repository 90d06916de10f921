//! `multipart/form-data`: the boundary, a streaming parser, and whole-body iteration.

mod boundary;
mod headers;
mod param;
mod parser;

pub use boundary::{Boundary, MAX_BOUNDARY_LEN};
pub use headers::PartHeaders;
pub use parser::{Event, FormParser, Step};

use oss_errors::Error;

use crate::Limits;

/// One part of a form held whole in memory: its headers and its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    /// The part's headers.
    pub headers: PartHeaders<'a>,
    /// The part's body.
    pub data: &'a [u8],
}

/// The parts of a form held whole in memory, in order, borrowed from the body.
///
/// A thin driver over [`FormParser`]: each part's body is one slice of the input.
///
/// ```
/// use oss_multipart::{Boundary, Limits, Parts};
///
/// let body = b"--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n\
///              --b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nhello\r\n--b--";
/// let boundary = Boundary::new(b"b")?;
/// let parts: Vec<_> = Parts::new(&boundary, body, Limits::DEFAULT).collect::<Result<_, _>>()?;
/// assert_eq!(parts.len(), 2);
/// assert_eq!(parts[1].headers.filename(), Some(&b"a"[..]));
/// assert_eq!(parts[1].data, b"hello");
/// # Ok::<(), oss_errors::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Parts<'a> {
    parser: FormParser<'a>,
    body: &'a [u8],
    offset: usize,
    delimiter_len: usize,
    finished: bool,
}

impl<'a> Parts<'a> {
    /// Iterates over the parts of `body`, split by `boundary`.
    ///
    /// ```
    /// use oss_multipart::{Boundary, Limits, Parts};
    /// let boundary = Boundary::new(b"b")?;
    /// assert_eq!(Parts::new(&boundary, b"--b--", Limits::DEFAULT).count(), 0);
    /// # Ok::<(), oss_errors::Error>(())
    /// ```
    #[must_use]
    pub fn new(boundary: &'a Boundary, body: &'a [u8], limits: Limits) -> Self {
        Self {
            parser: FormParser::new(boundary, limits),
            body,
            offset: 0,
            delimiter_len: boundary.delimiter().len(),
            finished: false,
        }
    }

    /// How many body bytes have been read so far.
    #[must_use]
    pub const fn position(&self) -> usize {
        self.offset
    }

    fn next_part(&mut self) -> Result<Option<Part<'a>>, Error> {
        let mut current = None;
        loop {
            let step = self.parser.parse(&self.body[self.offset..])?;
            self.offset += step.consumed;
            match step.event {
                Some(Event::Part(headers)) => current = Some((headers, self.offset)),
                Some(Event::PartEnd) => {
                    if let Some((headers, from)) = current.take() {
                        // The step that ends a part consumed the whole delimiter and nothing else.
                        let to = self.offset.saturating_sub(self.delimiter_len).max(from);
                        return Ok(Some(Part {
                            headers,
                            data: &self.body[from..to],
                        }));
                    }
                }
                Some(Event::Data(_)) => {}
                Some(Event::End) => return Ok(None),
                None => {
                    self.parser.finish()?;
                    return Ok(None);
                }
            }
        }
    }
}

impl<'a> Iterator for Parts<'a> {
    type Item = Result<Part<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let next = self.next_part();
        if !matches!(next, Ok(Some(_))) {
            self.finished = true;
        }
        next.transpose()
    }
}

#[cfg(test)]
mod tests;
