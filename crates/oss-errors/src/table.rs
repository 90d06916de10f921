//! The catalogue: one place for every OSS code, HTTP status and message.
//!
//! Codes and messages are copied verbatim from the OSS error-center pages (see
//! `seeds/`); hints are our own words.

codes! {
    /// The request was refused by policy, ACL or signature rules.
    AccessDenied = 403,
    /// The upload succeeded but the callback to the application server failed.
    CallbackFailed = 203,
    /// A request argument is not valid.
    InvalidArgument = 400,
    /// The object name breaks the naming rules.
    InvalidObjectName = 400,
    /// The object does not exist.
    NoSuchKey = 404,
    /// The signature the server computed differs from the one sent.
    SignatureDoesNotMatch = 403,
}

entries! {
    /// The request was refused.
    AccessDenied: AccessDenied, "AccessDenied"
        => "The caller lacks permission for this operation; check the RAM policy, bucket policy and ACL.";
    /// Empty object name.
    ObjectNameEmpty: InvalidObjectName, "The Object name can not be empty"
        => "Give the object a name of 1 to 1023 bytes.";
    /// The signature differs.
    SignatureDoesNotMatch: SignatureDoesNotMatch, "The request signature we calculated does not match the signature you provided. Check your key and signing method."
        => "Compare the string-to-sign OSS returned with yours.";
}
