//! Account and bucket quotas OSS documents, each with the error a breach returns.

use oss_errors::{Entry, Error};

/// A documented quota: how many of something are allowed, and the error OSS returns when
/// a request would go over it.
///
/// ```
/// use oss_naming::limits::{self, AccountLimit};
///
/// assert_eq!(limits::BUCKETS_PER_REGION.max(), 100);
/// assert!(limits::BUCKETS_PER_REGION.check(100).is_ok());
/// let err = limits::BUCKETS_PER_REGION.check(101).unwrap_err();
/// assert_eq!(err.code().as_str(), "TooManyBuckets");
/// let raised = AccountLimit::new(200, limits::BUCKETS_PER_REGION.entry());
/// assert!(raised.check(150).is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AccountLimit {
    max: u32,
    entry: Entry,
}

impl AccountLimit {
    /// A quota of `max` items whose breach is `entry` (for a quota raised by a ticket).
    ///
    /// ```
    /// let limit = oss_naming::limits::AccountLimit::new(5, oss_errors::Entry::CnameLimitExceeded);
    /// assert_eq!(limit.max(), 5);
    /// ```
    #[must_use]
    pub const fn new(max: u32, entry: Entry) -> Self {
        Self { max, entry }
    }

    /// The most items allowed.
    ///
    /// ```
    /// assert_eq!(oss_naming::limits::CORS_RULES.max(), 10);
    /// ```
    #[must_use]
    pub const fn max(self) -> u32 {
        self.max
    }

    /// The catalogue entry a breach returns.
    ///
    /// ```
    /// use oss_errors::Code;
    /// assert_eq!(oss_naming::limits::CORS_RULES.entry().code(), Code::CORSRuleBeyondLimit);
    /// ```
    #[must_use]
    pub const fn entry(self) -> Entry {
        self.entry
    }

    /// Checks that `count` items (after the request) are within the quota.
    ///
    /// ```
    /// assert!(oss_naming::limits::INVENTORIES.check(1000).is_ok());
    /// assert!(oss_naming::limits::INVENTORIES.check(1001).is_err());
    /// ```
    ///
    /// # Errors
    /// The quota's entry when `count` is over the maximum.
    pub const fn check(self, count: u32) -> Result<(), Error> {
        if count <= self.max {
            Ok(())
        } else {
            Err(Error::new(self.entry))
        }
    }
}

/// Buckets one account may own in a region: 100 (`TooManyBuckets`).
pub const BUCKETS_PER_REGION: AccountLimit = AccountLimit::new(100, Entry::TooManyBuckets);
/// CORS rules per bucket: 10 (`CORSRuleBeyondLimit`).
pub const CORS_RULES: AccountLimit = AccountLimit::new(10, Entry::CorsRuleLimit);
/// Tags per bucket: 20 (`TooManyTags`).
pub const BUCKET_TAGS: AccountLimit = AccountLimit::new(20, Entry::BucketTagLimit);
/// Prefixes in one replication rule: 10 (`TooManyPrefixes`).
pub const REPLICATION_PREFIXES: AccountLimit = AccountLimit::new(10, Entry::ReplicationPrefixLimit);
/// Object tags in one replication rule's filter: 10 (`TooManyFilterObjectTags`).
pub const REPLICATION_FILTER_TAGS: AccountLimit =
    AccountLimit::new(10, Entry::ReplicationTagFilterLimit);
/// Custom domain names (CNAMEs) per bucket: 100 (`TooManyCname`).
pub const CNAMES: AccountLimit = AccountLimit::new(100, Entry::CnameLimitExceeded);
/// Inventories per bucket: 1000 (`InventoryExceedLimit`).
pub const INVENTORIES: AccountLimit = AccountLimit::new(1000, Entry::InventoryLimitExceeded);
/// Replication rules into one bucket: 100 (`TooManyIncomingReplication`).
pub const INCOMING_REPLICATION: AccountLimit =
    AccountLimit::new(100, Entry::IncomingReplicationLimit);
/// Replication rules out of one bucket: 100 (`TooManyOutgoingReplication`).
pub const OUTGOING_REPLICATION: AccountLimit =
    AccountLimit::new(100, Entry::OutgoingReplicationLimit);

/// Every quota above, for listing.
pub const ALL: [AccountLimit; 9] = [
    BUCKETS_PER_REGION,
    CORS_RULES,
    BUCKET_TAGS,
    REPLICATION_PREFIXES,
    REPLICATION_FILTER_TAGS,
    CNAMES,
    INVENTORIES,
    INCOMING_REPLICATION,
    OUTGOING_REPLICATION,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_maps_to_its_code() {
        let expected = [
            ("TooManyBuckets", 100),
            ("CORSRuleBeyondLimit", 10),
            ("TooManyTags", 20),
            ("TooManyPrefixes", 10),
            ("TooManyFilterObjectTags", 10),
            ("TooManyCname", 100),
            ("InventoryExceedLimit", 1000),
            ("TooManyIncomingReplication", 100),
            ("TooManyOutgoingReplication", 100),
        ];
        for (limit, (code, max)) in ALL.iter().zip(expected) {
            assert_eq!((limit.entry().code().as_str(), limit.max()), (code, max));
            assert!(limit.check(max).is_ok());
            assert_eq!(limit.check(max + 1).unwrap_err().code().as_str(), code);
        }
    }
}
