//! [`Pairs`]: an ordered list of string pairs that needs no allocator, either borrowed from
//! a caller's slice or packed into the decode buffer by the decoder.

use core::fmt;

/// An ordered list of `(name, value)` string pairs: custom variables or extra headers.
///
/// Build one from a slice with [`Pairs::from_slice`]; the decoders return ones that point
/// into their buffer. Lookups are linear, which suits the handful of entries callbacks carry.
///
/// ```
/// use oss_callback::Pairs;
/// let pairs = Pairs::from_slice(&[("x:a", "1"), ("x:b", "2")]);
/// assert_eq!(pairs.get("x:b"), Some("2"));
/// assert_eq!(pairs.iter().count(), 2);
/// ```
#[derive(Clone, Copy)]
pub struct Pairs<'a>(Repr<'a>);

#[derive(Clone, Copy)]
enum Repr<'a> {
    /// `[len_hi, len_lo, name.., len_hi, len_lo, value..]*`, written by the decoder.
    Packed(&'a [u8]),
    Slice(&'a [(&'a str, &'a str)]),
}

impl<'a> Pairs<'a> {
    /// No pairs.
    ///
    /// ```
    /// # use oss_callback::Pairs;
    /// assert!(Pairs::EMPTY.is_empty());
    /// ```
    pub const EMPTY: Pairs<'static> = Pairs(Repr::Slice(&[]));

    /// Pairs borrowed from a slice, in order.
    ///
    /// ```
    /// # use oss_callback::Pairs;
    /// assert_eq!(Pairs::from_slice(&[("x:a", "1")]).len(), 1);
    /// ```
    #[must_use]
    pub const fn from_slice(pairs: &'a [(&'a str, &'a str)]) -> Self {
        Self(Repr::Slice(pairs))
    }

    /// Pairs packed by the decoder; `bytes` comes from [`Packer`] and holds UTF-8 strings.
    pub(crate) const fn packed(bytes: &'a [u8]) -> Self {
        Self(Repr::Packed(bytes))
    }

    /// The pairs in order.
    ///
    /// ```
    /// # use oss_callback::Pairs;
    /// let names: Vec<_> = Pairs::from_slice(&[("x:a", "1"), ("x:b", "2")]).iter().map(|(n, _)| n).collect();
    /// assert_eq!(names, ["x:a", "x:b"]);
    /// ```
    #[must_use]
    pub fn iter(&self) -> PairsIter<'a> {
        PairsIter(match self.0 {
            Repr::Packed(bytes) => IterRepr::Packed(bytes),
            Repr::Slice(slice) => IterRepr::Slice(slice.iter()),
        })
    }

    /// The value of the *last* pair named `name` (JSON objects with repeated keys keep the
    /// last one in most parsers).
    ///
    /// ```
    /// # use oss_callback::Pairs;
    /// let pairs = Pairs::from_slice(&[("x:a", "1"), ("x:a", "2")]);
    /// assert_eq!(pairs.get("x:a"), Some("2"));
    /// assert_eq!(pairs.get("x:z"), None);
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.iter()
            .filter(|(n, _)| *n == name)
            .last()
            .map(|(_, v)| v)
    }

    /// The number of pairs.
    ///
    /// ```
    /// # use oss_callback::Pairs;
    /// assert_eq!(Pairs::EMPTY.len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match self.0 {
            Repr::Slice(slice) => slice.len(),
            Repr::Packed(_) => self.iter().count(),
        }
    }

    /// `true` when there are no pairs.
    ///
    /// ```
    /// # use oss_callback::Pairs;
    /// assert!(!Pairs::from_slice(&[("a", "b")]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl<'a> IntoIterator for &Pairs<'a> {
    type Item = (&'a str, &'a str);
    type IntoIter = PairsIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Pairs<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Pairs<'_> {}

impl fmt::Debug for Pairs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Default for Pairs<'_> {
    fn default() -> Self {
        Pairs::EMPTY
    }
}

/// Iterator over [`Pairs`].
///
/// ```
/// # use oss_callback::Pairs;
/// let mut it = Pairs::from_slice(&[("x:a", "1")]).iter();
/// assert_eq!(it.next(), Some(("x:a", "1")));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct PairsIter<'a>(IterRepr<'a>);

#[derive(Clone, Debug)]
enum IterRepr<'a> {
    Packed(&'a [u8]),
    Slice(core::slice::Iter<'a, (&'a str, &'a str)>),
}

/// Splits one length-prefixed string off the front of `bytes`.
fn take_str<'a>(bytes: &mut &'a [u8]) -> Option<&'a str> {
    let (&[hi, lo], rest) = bytes.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_be_bytes([hi, lo]));
    let (text, rest) = rest.split_at_checked(len)?;
    *bytes = rest;
    // The packer wrote whole UTF-8 strings, so this never fails.
    core::str::from_utf8(text).ok()
}

impl<'a> Iterator for PairsIter<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            IterRepr::Slice(iter) => iter.next().copied(),
            IterRepr::Packed(bytes) => Some((take_str(bytes)?, take_str(bytes)?)),
        }
    }
}

/// Writes length-prefixed strings over a JSON object, behind the read cursor.
pub(crate) struct Packer {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Packer {
    /// Reserves the two length bytes at the write cursor; returns where the string goes.
    pub(crate) fn string_start(&self) -> usize {
        self.end + 2
    }

    /// Records a string of `len` bytes written at [`Packer::string_start`].
    pub(crate) fn commit(&mut self, buf: &mut [u8], len: usize) {
        // Strings come from a buffer of at most `MAX_DECODED_LEN` bytes, so `len` fits.
        let prefix = u16::try_from(len).unwrap_or(u16::MAX).to_be_bytes();
        buf[self.end..self.end + 2].copy_from_slice(&prefix);
        self.end += 2 + len;
    }
}
