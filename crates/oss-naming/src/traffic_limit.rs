//! `x-oss-traffic-limit`: a single-connection speed limit in bit/s.

use oss_errors::{Entry, Error};
use oss_text::decimal::parse_decimal;

/// The accepted range of `x-oss-traffic-limit`, in bit/s, both ends inclusive.
///
/// ```
/// use oss_naming::TrafficLimitRange;
/// assert!(TrafficLimitRange::SEED.contains(819_200));
/// assert!(!TrafficLimitRange::SEED.contains(245_760));
/// assert!(TrafficLimitRange::SDK_DOCUMENTED.contains(245_760));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TrafficLimitRange {
    /// The lowest accepted value.
    pub min: u64,
    /// The highest accepted value.
    pub max: u64,
}

impl TrafficLimitRange {
    /// The range of the OSS error page: 819200 (100 KB/s) to 838860800 (100 MB/s).
    pub const SEED: Self = Self {
        min: 819_200,
        max: 838_860_800,
    };
    /// The range the Go v2 and Python v2 SDK docs state: 245760 (30 KB/s) to 838860800.
    pub const SDK_DOCUMENTED: Self = Self {
        min: 245_760,
        max: 838_860_800,
    };

    /// A custom range.
    ///
    /// ```
    /// let range = oss_naming::TrafficLimitRange::new(1, 10);
    /// assert!(range.contains(10));
    /// ```
    #[must_use]
    pub const fn new(min: u64, max: u64) -> Self {
        Self { min, max }
    }

    /// Whether `bits_per_second` is in the range.
    ///
    /// ```
    /// assert!(oss_naming::TrafficLimitRange::SEED.contains(838_860_800));
    /// ```
    #[must_use]
    pub const fn contains(self, bits_per_second: u64) -> bool {
        self.min <= bits_per_second && bits_per_second <= self.max
    }
}

/// Parses and checks an `x-oss-traffic-limit` value against [`TrafficLimitRange::SEED`].
///
/// ```
/// use oss_naming::check_traffic_limit;
/// assert_eq!(check_traffic_limit("819200"), Ok(819_200));
/// let err = check_traffic_limit("1000").unwrap_err();
/// assert!(err.to_string().starts_with("x-oss-traffic-limit is invalid"));
/// ```
///
/// # Errors
/// `InvalidArgument` "x-oss-traffic-limit is invalid, should be specified between
/// 819200(100KB/s) and 838860800(100MB/s)" for anything but a decimal number in range.
pub const fn check_traffic_limit(value: &str) -> Result<u64, Error> {
    check_traffic_limit_in(value, TrafficLimitRange::SEED)
}

/// [`check_traffic_limit`] with another range.
///
/// ```
/// use oss_naming::{TrafficLimitRange, check_traffic_limit_in};
/// assert_eq!(check_traffic_limit_in("245760", TrafficLimitRange::SDK_DOCUMENTED), Ok(245_760));
/// ```
///
/// # Errors
/// As [`check_traffic_limit`].
pub const fn check_traffic_limit_in(value: &str, range: TrafficLimitRange) -> Result<u64, Error> {
    match parse_decimal(value.as_bytes()) {
        Some(bits) if range.contains(bits) => Ok(bits),
        _ => Err(Error::new(Entry::TrafficLimitOutOfRange)),
    }
}

/// Picks the traffic limit of a request from the header and the query parameter, which
/// must not both be present, and checks it.
///
/// ```
/// use oss_errors::Entry;
/// use oss_naming::traffic_limit_of_request;
///
/// assert_eq!(traffic_limit_of_request(None, Some("819200")), Ok(Some(819_200)));
/// assert_eq!(traffic_limit_of_request(None, None), Ok(None));
/// let both = traffic_limit_of_request(Some("819200"), Some("819200")).unwrap_err();
/// assert_eq!(both.entry(), Entry::TrafficLimitInQueryAndHeader);
/// ```
///
/// # Errors
/// `InvalidArgument` "x-oss-traffic-limit should be specified either in query string or
/// header, not both", or the error of [`check_traffic_limit`].
pub const fn traffic_limit_of_request(
    header: Option<&str>,
    query: Option<&str>,
) -> Result<Option<u64>, Error> {
    match (header, query) {
        (Some(_), Some(_)) => Err(Error::new(Entry::TrafficLimitInQueryAndHeader)),
        (Some(value), None) | (None, Some(value)) => match check_traffic_limit(value) {
            Ok(bits) => Ok(Some(bits)),
            Err(err) => Err(err),
        },
        (None, None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bounds_are_inclusive() {
        assert!(check_traffic_limit("819199").is_err());
        assert!(check_traffic_limit("838860800").is_ok());
        assert!(check_traffic_limit("838860801").is_err());
        for bad in [
            "",
            "+819200",
            " 819200",
            "819200 ",
            "8e5",
            "-1",
            "99999999999999999999999",
        ] {
            assert!(check_traffic_limit(bad).is_err(), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_std_parse(value in "[0-9+ -]{0,12}") {
            let expected = value.parse::<u64>().ok().filter(|v| (819_200..=838_860_800).contains(v) && !value.starts_with('+'));
            prop_assert_eq!(check_traffic_limit(&value).ok(), expected);
        }
    }
}
