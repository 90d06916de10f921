//! Whether the client signed another resource than the request names: no bucket (`/`,
//! what a client signs when it did not know the bucket) or the bucket without the key.

use super::request::Described;

/// The confirmed causes among those variants: `verifies` says whether a variant of the
/// request verifies.
pub(super) fn findings(
    described: &Described,
    verifies: impl Fn(&Described) -> bool,
) -> Vec<String> {
    let mut found = Vec::new();
    let Some(bucket) = &described.bucket else {
        return found;
    };
    let mut service = described.clone();
    service.bucket = None;
    service.key = None;
    if verifies(&service) {
        found.push(format!(
            "the client signed the service-level resource / (no bucket), not this request for the bucket {bucket}: it did not know the bucket, as for a path-style or custom-domain URL read as virtual-hosted"
        ));
    }
    if described.key.is_some() {
        let mut bucket_only = described.clone();
        bucket_only.key = None;
        if verifies(&bucket_only) {
            found.push(format!(
                "the client signed the bucket resource /{bucket}/ without the object key"
            ));
        }
    }
    found
}
